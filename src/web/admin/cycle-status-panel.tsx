/**
 * The cycle's status workflow (planning → fieldwork → review → final) as steps, and the one
 * move forward, confirmed first: the server refuses an empty locus or open bodies (409).
 */
import { Alert, Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CYCLE_STATUSES } from '../../shared/wire/enums.ts';
import type { CycleDetail, CycleStatus } from '../../shared/wire/cycles.ts';
import { useTransitionCycle } from '../api/cycles-writes.ts';
import { ConfirmAction } from './confirm-action.tsx';

/** The status after `status`, or null at the end of the workflow. */
export function nextStatus(status: CycleStatus): CycleStatus | null {
  return CYCLE_STATUSES[CYCLE_STATUSES.indexOf(status) + 1] ?? null;
}

export function CycleStatusPanel({ cycle }: { cycle: CycleDetail }) {
  const { t } = useTranslation('admin');
  const transition = useTransitionCycle(cycle.id);
  const next = cycle.source === 'imported' ? null : nextStatus(cycle.status);
  const current = CYCLE_STATUSES.indexOf(cycle.status);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="status-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="status-title">
          {t('cycle.status.title')}
        </Title>
        <List listStyleType="none" spacing={6} component="ol">
          {CYCLE_STATUSES.map((s, i) => (
            <List.Item
              key={s}
              aria-current={i === current ? 'step' : undefined}
              icon={
                <ThemeIcon size={22} radius="xl" variant={i <= current ? 'filled' : 'default'} aria-hidden>
                  <Text span size="xs" fw={700}>
                    {i + 1}
                  </Text>
                </ThemeIcon>
              }
            >
              <Text span fw={i === current ? 700 : 400}>
                {t(`cycle_status.${s}`)}
              </Text>
              <Text span size="sm" c="dimmed">
                {' '}
                — {t(`cycle.status.describe.${s}`)}
              </Text>
            </List.Item>
          ))}
        </List>
        {cycle.source === 'imported' && (
          <Text size="sm" c="dimmed">
            {t('cycle.status.imported')}
          </Text>
        )}
        {/* issue 16: an empty locus is named before the move to fieldwork, not only refused after it. */}
        {next === 'fieldwork' && (cycle.bodies === 0 || cycle.units === 0) && (
          <Alert color="orange" title={t('cycle.status.locus_missing_title')} data-testid="locus-missing">
            <List size="sm">
              {cycle.bodies === 0 && <List.Item>{t('cycle.status.locus_missing_bodies')}</List.Item>}
              {cycle.units === 0 && <List.Item>{t('cycle.status.locus_missing_units')}</List.Item>}
            </List>
          </Alert>
        )}
        {next && !(next === 'fieldwork' && cycle.units === 0) && (
          <Group>
            <ConfirmAction
              size="sm"
              variant="filled"
              label={t(`cycle.status.to.${next}`)}
              title={t(`cycle.status.to.${next}`)}
              body={t(`cycle.status.confirm.${next}`)}
              confirmLabel={t(`cycle.status.to.${next}`)}
              onConfirm={() => transition.mutateAsync(next)}
            />
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
