/**
 * The cycles a koordinator or operator can open, newest first, with the body's published or
 * live score where the server shares it (from the body's trend), each linking to its results.
 */
import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCycles } from '../api/cycles.ts';
import { useTrend } from '../api/scores.ts';
import { useFormat } from '../lib/format.ts';
import { BandChip } from '../ui/band-chip.tsx';
import { AnchorLink } from '../ui/links.tsx';
import { ScoreValue } from '../ui/score-value.tsx';
import { ResultState } from './result-state.tsx';

export interface CycleListProps {
  bodyId: string | null;
  /** Where a cycle links: the koordinator's body view or the operator's unit view. */
  target: 'pemda' | 'unit';
}

export function CycleList({ bodyId, target }: CycleListProps) {
  const { t } = useTranslation('pemda');
  const format = useFormat();
  // The official cycles; the government's own pre-assessments have their screen (/pemda/pra-penilaian).
  const cycles = useCycles({ kind: 'official' });
  const trend = useTrend(bodyId);
  if (!cycles.data) return <ResultState query={cycles} />;
  const byCycle = new Map((trend.data?.items ?? []).map((r) => [r.cycle.id, r]));
  // Imported cycles carry published government scores only: no units, no improvements.
  // A government's own PEKPPP cycle concerns that government only: another's (mandiri, or finished
  // without a result of this body) is left out — the walk: Kota Tangerang's koordinator opened Kota
  // Cilegon's and read "not in the locus".
  const notOurs = (c: (typeof cycles.data)[number]) =>
    (!!c.mandiri && !!bodyId && c.mandiri.organiser.id !== bodyId) ||
    (c.family === 'pekppp' && !c.mandiri && c.status === 'final' && trend.isSuccess && !byCycle.has(c.id));
  const items = cycles.data.filter((c) => !notOurs(c));
  return (
    <Table.ScrollContainer minWidth={0}>
      <Table striped withTableBorder verticalSpacing="xs" className="stack-table">
        <Table.Caption>{t('cycles.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('cycles.columns.cycle')}</Table.Th>
            <Table.Th scope="col">{t('cycles.columns.status')}</Table.Th>
            <Table.Th scope="col">{t('cycles.columns.score')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((c) => {
            const r = byCycle.get(c.id);
            return (
              <Table.Tr key={c.id}>
                <Table.Td>
                  {c.source === 'imported' ? (
                    <Text fw={600}>{c.name}</Text>
                  ) : target === 'pemda' ? (
                    <AnchorLink to="/pemda/cycles/$cycleId" params={{ cycleId: c.id }} fw={600}>
                      {c.name}
                    </AnchorLink>
                  ) : (
                    <AnchorLink to="/unit/cycles/$cycleId" params={{ cycleId: c.id }} fw={600}>
                      {c.name}
                    </AnchorLink>
                  )}
                  <Text size="xs" c="dimmed">
                    {c.schemeTitle[format.lang]}
                    {c.source === 'imported' ? ` · ${t('cycles.imported')}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td data-label={t('cycles.columns.status')} miw={170}>
                  <Badge variant="dot" color={c.status === 'final' ? 'teal' : 'gray'} tt="none">
                    {t(`cycle_status.${c.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td data-label={t('cycles.columns.score')}>
                  {r ? (
                    <Text span style={{ display: 'inline-flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
                      <ScoreValue value={r.score} fw={700} incomplete={!r.complete} />
                      <BandChip band={r.band} size="md" />
                    </Text>
                  ) : (
                    <Text span size="sm" c="dimmed">
                      {t('cycles.no_result')}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
