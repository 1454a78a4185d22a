/**
 * The public portal's start page (no login): what Pantau is, then the leaderboard of a
 * published cycle — national per body type or the kabupaten/kota of one province — with
 * filters and search kept in the URL so every view can be shared.
 *
 * Weight matters here (issue 4 §8, bench/web-size.ts): this screen is part of the first visit,
 * so it uses only light Mantine parts (native fields, plain table and headings) and no charts.
 */
import { Group, Stack, Text } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { RankingGroup } from '../api/rankings.ts';
import { AnchorLink } from '../ui/anchor-link.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { PanelBoundary } from '../ui/panel-boundary.tsx';
import { pickCycle } from './leaderboard-model.ts';
import { LeaderboardFilters } from './leaderboard-filters.tsx';
import { LeaderboardResults } from './leaderboard-results.tsx';
import type { LeaderboardSearch } from './public-search.ts';
import { usePublishedCycles } from './use-published.ts';
import { useProvinces } from './use-registry.ts';
import '../ui/portal.css';

function PortalIntro() {
  const { t } = useTranslation('public');
  return (
    <Stack gap="xs">
      <h1 className="heading-1">{t('home.title')}</h1>
      <Text maw={760}>{t('home.intro')}</Text>
      <Group gap="lg">
        <AnchorLink to="/map">{t('home.links.map')}</AnchorLink>
        <AnchorLink to="/schemes">{t('home.links.schemes')}</AnchorLink>
      </Group>
    </Stack>
  );
}

export function LeaderboardScreen() {
  const { t, i18n } = useTranslation('public');
  const search = useSearch({ from: '/' });
  const navigate = useNavigate({ from: '/' });
  const cycles = usePublishedCycles();
  const provinces = useProvinces();
  const update = (patch: Partial<LeaderboardSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true, resetScroll: false });

  const cycle = pickCycle(cycles.data ?? [], search.cycle, search.family);
  const family = cycle?.family;
  const programme = cycle?.terms?.programme[i18n.resolvedLanguage === 'en' ? 'en' : 'id'];
  const view = search.view ?? 'national';
  const type = search.type ?? 'kabupaten';
  const group: RankingGroup | null =
    view === 'national' ? { kind: 'national', type } : search.province ? { kind: 'province', province: search.province } : null;

  return (
    <Stack gap="lg" maw={1100}>
      <PortalIntro />
      {cycles.isPending ? (
        <PageLoader />
      ) : !cycle ? (
        <div role="status">
          <Text fw={600}>{t('leaderboard.none.title')}</Text>
          <Text c="dimmed">{t('leaderboard.none.body')}</Text>
        </div>
      ) : (
        <Stack gap="md" component="section" aria-labelledby="leaderboard-heading">
          <h2 id="leaderboard-heading" className="heading-2">
            {programme
              ? `${t('leaderboard.heading', { year: '' }).trim()} ${programme} ${cycle.year}`
              : t('leaderboard.heading', { year: cycle.year })}
          </h2>
          <LeaderboardFilters
            cycles={cycles.data ?? []}
            provinces={provinces.data ?? []}
            value={{ ...search, cycle: cycle.id, family, view, type }}
            onChange={update}
          />
          <PanelBoundary>
            {group ? (
              <LeaderboardResults
                cycle={cycle}
                group={group}
                q={search.q}
                province={view === 'national' ? search.province : undefined}
                provinces={provinces.data ?? []}
              />
            ) : (
              <Text c="dimmed">{t('leaderboard.pick_province')}</Text>
            )}
          </PanelBoundary>
        </Stack>
      )}
    </Stack>
  );
}
