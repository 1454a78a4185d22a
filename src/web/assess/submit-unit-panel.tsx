/**
 * Handing the unit in for review: allowed once every instrument reached its quota on the server
 * and nothing of the unit waits on this device; otherwise the reasons are listed.
 */
import { Alert, Button, Card, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UnitStatus } from '../../shared/wire/locus.ts';
import { useSubmitUnit } from '../api/review-writes.ts';
import { useFormat } from '../lib/format.ts';
import { useOnline } from '../lib/use-online.ts';
import { describeError } from './describe-error.ts';
import type { QuotaRow, SubmitBlocker } from './unit-model.ts';

export interface SubmitUnitPanelProps {
  ids: { cycleId: string; unitId: string };
  unitName: string;
  status: UnitStatus;
  blockers: SubmitBlocker[];
  quotas: QuotaRow[];
}

export function SubmitUnitPanel({ ids, unitName, status, blockers, quotas }: SubmitUnitPanelProps) {
  const { t } = useTranslation('assess');
  const format = useFormat();
  const online = useOnline();
  const submit = useSubmitUnit(ids.cycleId, ids.unitId);
  const short = quotas
    .filter((q) => !q.complete)
    .map((q) =>
      t('unit.submit.short', { title: q.instrument.title[format.lang], done: format.integer(q.onServer), min: format.integer(q.min) }),
    );

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="submit-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="submit-title">
          {t('unit.submit.title')}
        </Title>
        {status === 'submitted' || status === 'reviewed' || status === 'approved' ? (
          <Alert color={status === 'approved' ? 'green' : 'blue'} variant="light" data-testid="unit-handed-in">
            {t(`unit.submit.done_${status === 'reviewed' ? 'submitted' : status}`)}
          </Alert>
        ) : (
          <>
            <Text size="sm">{t('unit.submit.body')}</Text>
            {blockers.length > 0 && (
              <List size="sm" spacing={2} data-testid="submit-blockers">
                {blockers.map((b) => (
                  <List.Item key={b}>
                    {b === 'quota' ? t('unit.submit.blocker.quota', { list: short.join('; ') }) : t(`unit.submit.blocker.${b}`)}
                  </List.Item>
                ))}
              </List>
            )}
            {submit.isError && (
              <Alert color="red" role="alert" p="xs">
                {describeError(t, format.lang, submit.error)}
              </Alert>
            )}
            <Button
              w="fit-content"
              disabled={blockers.length > 0 || !online}
              loading={submit.isPending}
              onClick={() => {
                if (window.confirm(t('unit.submit.confirm', { unit: unitName }))) submit.mutate();
              }}
            >
              {t('unit.submit.button')}
            </Button>
          </>
        )}
      </Stack>
    </Card>
  );
}
