/**
 * PEKPPP home (issue 10): the PEKPPP cycles, and per cycle the units the caller works on — the
 * unit's operator and its koordinator fill F-01, the assigned evaluator verifies (F-02).
 */
import { Alert, Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
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
      <Table.ScrollContainer minWidth={480}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('home.unit')}</Table.Th>
              <Table.Th>{t('home.claim')}</Table.Th>
              <Table.Th>{t('home.review')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(units.data ?? []).map((u) => (
              <Table.Tr key={u.unitId}>
                <Table.Td>
                  <AnchorLink to="/pekppp/cycles/$cycleId/units/$unitId" params={{ cycleId: cycle.id, unitId: u.unitId }}>
                    {u.unitName} · {u.bodyName}
                  </AnchorLink>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Badge variant="light">{t(`claimStatus.${u.claimStatus}`)}</Badge>
                    {u.openClarifications > 0 ? (
                      <Badge c="var(--mantine-color-text)" color="orange" variant="light" tt="none">
                        {t('home.clarifications', { n: u.openClarifications })}
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Td>
                <Table.Td>{t(`unitStatus.${u.unitStatus}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
