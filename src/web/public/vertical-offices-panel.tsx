/**
 * Issue 17: on a province's page, the vertical offices located in the province (Polres, Kantor
 * Pertanahan …: units of ministries and agencies), listed by office type with their published
 * score, band and place among the province's offices of that type. Lazy: below the fold, outside
 * the first-visit budget. Nothing is shown when the province has none published.
 */
import { useQuery } from '@tanstack/react-query';
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { VerticalOffices } from '../../shared/wire/scores.ts';
import { getVerticalOfficesQueryOptions } from '../api/vertical-offices.ts';
import { useFormat } from '../lib/format.ts';
import { AnchorLink } from '../ui/anchor-link.tsx';
import { BandChip } from '../ui/band-chip.tsx';
import { publishedStaleTime, throwOnError } from './query-policy.ts';

type Office = VerticalOffices['items'][number];

/** The offices grouped by office type (sector), in the server's order (sector, then rank). */
export function bySector(items: readonly Office[]): [string, Office[]][] {
  const groups = new Map<string, Office[]>();
  for (const o of items) groups.set(o.unit.sector, [...(groups.get(o.unit.sector) ?? []), o]);
  return [...groups];
}

export function VerticalOfficesPanel({ cycleId, provinceCode }: { cycleId: string; provinceCode: string }) {
  const { t } = useTranslation('public');
  const format = useFormat();
  const offices = useQuery({ ...getVerticalOfficesQueryOptions(cycleId, provinceCode), staleTime: publishedStaleTime, throwOnError });
  const items = offices.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="vertical-offices-heading" className="vertical-offices">
      <h2 className="heading-4" id="vertical-offices-heading">
        {t('vertical.title')}
      </h2>
      <Text size="sm" c="dimmed" mb="xs">
        {t('vertical.hint')}
      </Text>
      {bySector(items).map(([sector, rows]) => (
        <div key={sector}>
          <h3 className="heading-5">
            {t(`sectors.${sector}`, { defaultValue: sector })}{' '}
            <Text span size="sm" c="dimmed">
              ({format.integer(rows.length)})
            </Text>
          </h3>
          <Table.ScrollContainer minWidth={300}>
            <Table verticalSpacing={4} data-sector={sector}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('vertical.rank')}</Table.Th>
                  <Table.Th scope="col">{t('vertical.office')}</Table.Th>
                  <Table.Th scope="col">{t('vertical.score')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((o) => (
                  <Table.Tr key={o.unit.id}>
                    <Table.Td className="tabular">{t('vertical.rank_of', { rank: o.rank, of: o.of })}</Table.Td>
                    <Table.Td>
                      {o.unit.name}
                      <Text size="xs" c="dimmed">
                        {o.place.regencyName ?? o.place.regencyCode} ·{' '}
                        <AnchorLink to="/governments/$bodyId" params={{ bodyId: o.body.id }} search={{ cycle: cycleId }} size="xs">
                          {o.body.name}
                        </AnchorLink>
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <span className="tabular">{format.score(o.score)}</span> <BandChip band={o.band} size="sm" />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </div>
      ))}
    </section>
  );
}
