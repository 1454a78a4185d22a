/**
 * Issue 17 §4: the assessed units of a province that have coordinates, as points on a drawing of
 * the province (its kabupaten/kota centres as grey reference marks; no online tiles), each point
 * filled with the unit's band colour. The list under the drawing says the same in text (name,
 * office type, body, kabupaten/kota, score and band): colour is never the only carrier. Nothing is
 * shown when no unit of the province has coordinates and a published result. The office type
 * names (`sectors.*`) are the government strings, which the map screen loads.
 */
import { useElementSize } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UnitPoints } from '../../shared/wire/scores.ts';
import { getUnitPointsQueryOptions } from '../api/vertical-offices.ts';
import { useFormat } from '../lib/format.ts';
import { AnchorLink } from '../ui/anchor-link.tsx';
import { BandChip } from '../ui/band-chip.tsx';
import { shortBodyName } from './leaderboard-model.ts';
import { publishedStaleTime, throwOnError } from './query-policy.ts';
import { fitProjection, labelAnchor, provinceCentres, type LatLon } from '../lib/geo/projection.ts';

type Point = UnitPoints['items'][number];

export function UnitPointsMap({
  cycleId,
  provinceCode,
  regencies,
}: {
  cycleId: string;
  provinceCode: string;
  /** The province's kabupaten/kota (registry), to name the reference marks. */
  regencies: readonly { code: string; name: string }[];
}) {
  const { t } = useTranslation('public');
  const points = useQuery({ ...getUnitPointsQueryOptions(cycleId, provinceCode), staleTime: publishedStaleTime, throwOnError });
  const { ref, width } = useElementSize();
  const items = points.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="unit-points-heading" className="unit-points">
      <h2 className="heading-4" id="unit-points-heading">
        {t('points.title')}
      </h2>
      <Text size="sm" c="dimmed" mb="xs">
        {t('points.hint')}
      </Text>
      <div ref={ref} className="unit-points-drawing">
        <Drawing items={items} provinceCode={provinceCode} regencies={regencies} width={width || 720} />
      </div>
      <PointList items={items} cycleId={cycleId} />
    </section>
  );
}

function Drawing({
  items,
  provinceCode,
  regencies,
  width,
}: {
  items: readonly Point[];
  provinceCode: string;
  regencies: readonly { code: string; name: string }[];
  width: number;
}) {
  const { t } = useTranslation('public');
  const format = useFormat();
  const centres = provinceCentres(provinceCode);
  const refs = Object.entries(centres);
  const projection = fitProjection(
    [...refs.map(([, p]) => p), ...items.map((i) => [i.latitude, i.longitude] as LatLon)],
    width,
    width < 500 ? 420 : 520,
  );
  const nameOf = new Map(regencies.map((r) => [r.code, r.name]));
  const small = width < 500;
  return (
    <svg width={projection.width} height={projection.height} role="img" aria-label={t('points.drawing')} className="unit-points-svg">
      <g>
        {refs.map(([code, p]) => {
          const [x, y] = projection.at(p);
          const name = nameOf.get(code);
          return (
            <g key={code} data-regency={code}>
              <rect x={x - 3} y={y - 3} width={6} height={6} className="ref-mark" />
              {name && (
                <text x={x} y={y + 15} textAnchor={labelAnchor(x, projection.width)} className="ref-label" fontSize={small ? 10 : 11}>
                  {shortBodyName(name)}
                </text>
              )}
            </g>
          );
        })}
      </g>
      {items.map((i) => {
        const [x, y] = projection.at([i.latitude, i.longitude]);
        return (
          <circle key={i.unit.id} cx={x} cy={y} r={small ? 5 : 6} fill={i.band.color} className="unit-point" data-unit={i.unit.id}>
            <title>{`${i.unit.name} · ${t(`sectors.${i.unit.sector}`, { defaultValue: i.unit.sector })} · ${format.score(i.score)} ${i.band.code}`}</title>
          </circle>
        );
      })}
    </svg>
  );
}

function PointList({ items, cycleId }: { items: readonly Point[]; cycleId: string }) {
  const { t } = useTranslation('public');
  const format = useFormat();
  return (
    <details className="unit-points-list">
      <summary>{t('points.list_toggle', { count: items.length })}</summary>
      <Table.ScrollContainer minWidth={300}>
        <Table verticalSpacing={4} aria-label={t('points.list')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('points.unit')}</Table.Th>
              <Table.Th scope="col">{t('points.score')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((i) => (
              <Table.Tr key={i.unit.id}>
                <Table.Td>
                  {i.unit.name}
                  <Text size="xs" c="dimmed">
                    {t(`sectors.${i.unit.sector}`, { defaultValue: i.unit.sector })}
                    {i.place?.regencyName ? ` · ${i.place.regencyName}` : ''} ·{' '}
                    <AnchorLink to="/governments/$bodyId" params={{ bodyId: i.body.id }} search={{ cycle: cycleId }} size="xs">
                      {i.body.name}
                    </AnchorLink>
                  </Text>
                </Table.Td>
                <Table.Td>
                  <span className="tabular">{format.score(i.score)}</span> <BandChip band={i.band} size="sm" />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </details>
  );
}
