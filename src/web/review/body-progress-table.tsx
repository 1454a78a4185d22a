/**
 * Progress by body and unit: per body its approved units, fieldwork against the quotas, result
 * and status; opened, its units with each instrument's count, the instruments still missing,
 * the outlier mark and a link to review.
 */
import { Accordion, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Scheme } from '../../core/types.ts';
import type { BodyProgress } from '../../shared/wire/locus.ts';
import type { InstrumentQuota } from '../../shared/wire/cycles.ts';
import { useFormat } from '../lib/format.ts';
import { AnchorLink } from '../ui/links.tsx';
import { missingInstruments, type ScoreOutlier } from './outliers.ts';
import { ResultCell, UnitStatusBadge } from './review-bits.tsx';

export interface BodyProgressTableProps {
  cycleId: string;
  bodies: BodyProgress[];
  instruments: InstrumentQuota[];
  scheme: Scheme | undefined;
  outliers: ScoreOutlier[];
}

export function BodyProgressTable({ cycleId, bodies, instruments, scheme, outliers }: BodyProgressTableProps) {
  const { t } = useTranslation('review');
  const format = useFormat();
  const title = (code: string) => instruments.find((i) => i.code === code)?.title[format.lang] ?? code;
  const flagged = new Set(outliers.map((o) => o.unitId));
  return (
    <Accordion multiple variant="separated" chevronPosition="left">
      {bodies.map((b) => (
        <Accordion.Item key={b.bodyId} value={b.bodyId} data-testid={`body-${b.bodyId}`}>
          <Accordion.Control>
            <Stack gap={4}>
              <Text fw={650}>{b.name}</Text>
              <Text size="xs" c="dimmed">
                {t('dashboard.units_approved', { approved: format.integer(b.unitsApproved), total: format.integer(b.units.length) })} ·{' '}
                {t('dashboard.sheets_done', { percent: format.percent(b.target ? (b.done / b.target) * 100 : 0, 0) })}
              </Text>
              <Group gap="xs" wrap="wrap" preventGrowOverflow={false}>
                <ResultCell result={b.result} scheme={scheme} />
                <Badge
                  c="var(--mantine-color-text)"
                  color={b.status === 'final' ? 'green' : 'gray'}
                  variant={b.status === 'final' ? 'outline' : 'light'}
                  tt="none"
                >
                  {t(`body_status.${b.status}`)}
                </Badge>
              </Group>
            </Stack>
          </Accordion.Control>
          <Accordion.Panel>
            <Table.ScrollContainer minWidth={640}>
              <Table verticalSpacing={6} fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('dashboard.col.unit')}</Table.Th>
                    <Table.Th>{t('dashboard.col.status')}</Table.Th>
                    <Table.Th>{t('dashboard.col.progress')}</Table.Th>
                    <Table.Th>{t('dashboard.col.result')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {b.units.map((u) => {
                    const missing = missingInstruments(u);
                    return (
                      <Table.Tr key={u.unitId}>
                        <Table.Td>
                          <AnchorLink to="/review/cycles/$cycleId/units/$unitId" params={{ cycleId, unitId: u.unitId }} fw={600}>
                            {u.name}
                          </AnchorLink>
                          {flagged.has(u.unitId) && (
                            <Badge ml={6} color="grape" variant="light" tt="none" size="sm">
                              {t('outliers.badge')}
                            </Badge>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <UnitStatusBadge status={u.status} />
                        </Table.Td>
                        <Table.Td>
                          <Text size="xs" className="tabular">
                            {u.instruments.map((i) => `${title(i.code)} ${format.integer(i.done)}/${format.integer(i.target)}`).join(' · ')}
                          </Text>
                          {missing.length > 0 && (
                            <Text size="xs" c="red">
                              {t('dashboard.missing', { list: missing.map((m) => title(m.code)).join(', ') })}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <ResultCell result={u.result} scheme={scheme} />
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}
