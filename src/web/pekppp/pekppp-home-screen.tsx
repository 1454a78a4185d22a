/**
 * PEKPPP home (issue 10): the PEKPPP cycles, and per cycle the units the caller works on — the
 * unit's operator and its koordinator fill F-01, the assigned evaluator verifies (F-02).
 */
import { Alert, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Cycle } from '../../shared/wire/cycles.ts';
import { useMe } from '../api/auth.ts';
import { useCycles } from '../api/cycles.ts';
import { usePekpppUnits } from '../api/pekppp.ts';
import { AnchorLink } from '../ui/links.tsx';

export function PekpppHomeScreen() {
  const { t } = useTranslation('pekppp');
  const me = useMe().data;
  const cycles = useCycles();
  const pekppp = (cycles.data ?? []).filter((c) => c.family === 'pekppp' && c.status !== 'final');
  return (
    <Stack gap="lg" maw={1100}>
      <Stack gap={4}>
        <Title order={1} size="h3">
          {t('home.title')}
        </Title>
        <Text maw={720}>{me?.role === 'evaluator' ? t('home.introEvaluator') : t('home.introUnit')}</Text>
      </Stack>
      {cycles.isSuccess && pekppp.length === 0 ? <Alert>{t('home.none')}</Alert> : null}
      {pekppp.map((c) => (
        <CycleUnits key={c.id} cycle={c} />
      ))}
    </Stack>
  );
}

function CycleUnits({ cycle }: { cycle: Cycle }) {
  const { t } = useTranslation('pekppp');
  const units = usePekpppUnits(cycle.id);
  if (units.isSuccess && units.data.length === 0) return null;
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h5" mb="sm">
        {cycle.name}
      </Title>
      {/* A list, not a table: on a phone the status would otherwise scroll out of sight. */}
      <Stack gap={0} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('home.unit')}>
        {(units.data ?? []).map((u, k) => (
          <Stack
            key={u.unitId}
            component="li"
            gap={4}
            py="xs"
            style={k > 0 ? { borderTop: '1px solid var(--mantine-color-default-border)' } : undefined}
            data-testid="pekppp-unit-row"
          >
            <AnchorLink to="/pekppp/cycles/$cycleId/units/$unitId" params={{ cycleId: cycle.id, unitId: u.unitId }}>
              {u.unitName} · {u.bodyName}
            </AnchorLink>
            <Group gap={6}>
              <Badge variant="light">{t(`claimStatus.${u.claimStatus}`)}</Badge>
              {u.openClarifications > 0 ? (
                <Badge c="var(--mantine-color-text)" color="orange" variant="light" tt="none">
                  {t('home.clarifications', { n: u.openClarifications })}
                </Badge>
              ) : null}
              <Text size="sm" c="dimmed">
                {t(`unitStatus.${u.unitStatus}`)}
              </Text>
            </Group>
            <Text size="sm" c="dimmed">
              {u.evaluatorOrganisation ? t('evaluatedBy', { organisation: u.evaluatorOrganisation.name }) : t('noEvaluatorOrganisation')}
            </Text>
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}
