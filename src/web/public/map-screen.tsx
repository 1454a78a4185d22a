/**
 * The band map of one province's kabupaten/kota for a published cycle (tile grid, see
 * tile-layouts.ts), with the band legend and a link to the provincial government's page.
 * Province defaults to the one of the best-ranked kabupaten nationally (a province with data).
 */
import '../ui/portal.css';
import { Stack, Text } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../ui/page-loader.tsx';
import { PanelBoundary } from '../ui/panel-boundary.tsx';
import { useDetailStrings } from './detail-strings.ts';
import { SelectField } from './fields.tsx';
import { pickCycle } from './leaderboard-model.ts';
import { ProvinceMap } from './province-map.tsx';
import type { MapSearch } from './public-search.ts';
import { usePublishedCycles } from './use-published.ts';
import { useRanking } from './use-published.ts';
import { useProvinces } from './use-registry.ts';

export function MapScreen() {
  const { t } = useTranslation('public');
  useDetailStrings('map');
  useDetailStrings('government'); // office type names of the unit points (issue 17 §4)
  const search = useSearch({ from: '/map' });
  const navigate = useNavigate({ from: '/map' });
  const cycles = usePublishedCycles();
  const provinces = useProvinces();
  const cycle = pickCycle(cycles.data ?? [], search.cycle);
  // Without a chosen province: the province of the best-ranked kabupaten (one that has data).
  const national = useRanking(search.province ? undefined : cycle?.id, { kind: 'national', type: 'kabupaten' });
  const province = search.province ?? national.data?.items[0]?.body.provinceCode ?? undefined;
  const update = (patch: Partial<MapSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true, resetScroll: false });

  return (
    <Stack gap="lg" maw={1100}>
      <Stack gap="xs">
        <h1 className="heading-1">{t('map.title')}</h1>
        <Text maw={760}>{t('map.intro')}</Text>
      </Stack>
      {cycles.isPending || provinces.isPending ? (
        <PageLoader />
      ) : !cycle ? (
        <Text c="dimmed">{t('leaderboard.none.body')}</Text>
      ) : (
        <>
          <form role="search" aria-label={t('filters.label')} className="lb-filters" onSubmit={(e) => e.preventDefault()}>
            <SelectField
              label={t('filters.cycle')}
              value={cycle.id}
              onChange={(id) => update({ cycle: id })}
              options={(cycles.data ?? []).map((c) => ({ value: c.id, label: `${c.year} · ${c.name}` }))}
            />
            <SelectField
              label={t('filters.province')}
              value={province ?? ''}
              onChange={(code) => update({ province: code || undefined })}
              options={[
                { value: '', label: t('filters.province_pick') },
                ...(provinces.data ?? []).map((p) => ({ value: p.code, label: p.name })),
              ]}
            />
          </form>
          <PanelBoundary>
            {province ? (
              <ProvinceMap
                cycle={cycle}
                province={provinces.data?.find((p) => p.code === province) ?? { code: province, name: province, bodyId: '' }}
              />
            ) : national.isPending && !search.province ? (
              <PageLoader />
            ) : (
              <Text c="dimmed">{t('leaderboard.pick_province')}</Text>
            )}
          </PanelBoundary>
        </>
      )}
    </Stack>
  );
}
