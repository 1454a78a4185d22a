/**
 * One province on the map: its kabupaten/kota (registry) joined with their published results
 * (the provincial ranking), the tile grid, the band legend of the cycle's scheme, and the
 * provincial government (ranked nationally, so shown beside the map, not on it). The located
 * units' drawing and list (unit-points-map.tsx: the kabupaten/kota centres, Mantine's Table) are a
 * chunk of their own, fetched only when the province has such units (issue 14 §2).
 */
import { Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { CycleSummary } from '../../shared/wire/cycles.ts';
import type { Province } from '../../shared/wire/registry.ts';
import { getUnitPointsQueryOptions } from '../api/vertical-offices.ts';
import { toLang, useFormat } from '../lib/format.ts';
import { AnchorLink } from '../ui/anchor-link.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { loadTileLayout } from './tile-layouts.ts';
import { TileMap, type MapTile } from './tile-map.tsx';
import { publishedStaleTime } from './query-policy.ts';
import { useRanking } from './use-published.ts';
import { useSchemeFacts } from './use-scheme-facts.ts';
import { useProvinceBodies } from './use-registry.ts';

const UnitPointsMap = lazy(() => import('./unit-points-map.tsx').then((m) => ({ default: m.UnitPointsMap })));

export function ProvinceMap({ cycle, province }: { cycle: CycleSummary; province: Province }) {
  const { t, i18n } = useTranslation('public');
  const lang = toLang(i18n.resolvedLanguage);
  const format = useFormat();
  const bodies = useProvinceBodies(province.code);
  const ranking = useRanking(cycle.id, { kind: 'province', province: province.code });
  const provincial = useRanking(cycle.id, { kind: 'national', type: 'provinsi' });
  const scheme = useSchemeFacts(cycle.id);
  // The province's tile layout (its own small chunk) downloads beside the data, not after it.
  void loadTileLayout(province.code).catch(() => undefined);
  // The same query as the drawing's (one request): its chunk loads when there is something to draw,
  // or to show the drawing's error where it was.
  const points = useQuery({ ...getUnitPointsQueryOptions(cycle.id, province.code), staleTime: publishedStaleTime });
  if (!bodies.data || !ranking.data) return <PageLoader />;

  const byBody = new Map(ranking.data.items.map((r) => [r.body.id, r]));
  const tiles: MapTile[] = bodies.data.map((b) => {
    const r = byBody.get(b.id);
    return { id: b.id, code: b.code, name: b.name, result: r ? { score: r.score, band: r.band, rank: r.rank } : null };
  });
  const own = provincial.data?.items.find((r) => r.body.provinceCode === province.code);
  const label = t('map.label', { province: province.name, cycle: cycle.name });

  return (
    <section aria-labelledby="map-heading">
      <h2 className="heading-2" id="map-heading">
        {label}
      </h2>
      {tiles.length === 0 ? (
        <Text c="dimmed">{t('map.empty')}</Text>
      ) : (
        <TileMap province={province.code} tiles={tiles} cycleId={cycle.id} label={label} />
      )}
      {scheme.data && (
        <Group component="ul" className="legend" mt="md" aria-label={t('map.legend')}>
          {scheme.data.bands.map((b) => (
            <li key={b.code}>
              <Group gap={6} wrap="nowrap">
                <span className="swatch" style={{ background: b.color }} aria-hidden="true" />
                <Text size="sm">{`${b.code} · ${b.label[lang]} (≥ ${format.score(b.min)})`}</Text>
              </Group>
            </li>
          ))}
        </Group>
      )}
      {own && (
        <Text mt="md" size="sm">
          {t('map.provincial')}{' '}
          <AnchorLink to="/governments/$bodyId" params={{ bodyId: own.body.id }} search={{ cycle: cycle.id }} fw={600}>
            {own.body.name}
          </AnchorLink>
          {`: ${format.score(own.score)} · ${own.band.code} · ${own.band.label[lang]}`}
        </Text>
      )}
      {(points.isError || (points.data?.items.length ?? 0) > 0) && (
        <Suspense fallback={null}>
          <UnitPointsMap cycleId={cycle.id} provinceCode={province.code} regencies={bodies.data} />
        </Suspense>
      )}
    </section>
  );
}
