/**
 * API reads of the leaderboard (the public start page): published (final) cycles, provinces
 * and ranking groups. use-results.ts has the reads of the other public pages; kept apart so
 * the start page downloads only what it uses. Read-only; with use-results.ts, the only place
 * building `public` keys.
 *
 * Everything is addressed by cycle id, so a later published snapshot (issue 5) can take the
 * cycle's place behind the same hooks without changing the screens.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../lib/api.ts';
import type { CycleSummary, Page, Province, Ranking } from './public-types.ts';

export const publicKey = ['public'] as const;
/** Published results change rarely; a visitor's session does not need refetches. */
export const publishedStaleTime = 5 * 60_000;
/** Failures go to the nearest PanelBoundary (error view with retry), not into every screen. */
export const throwOnError = true;

export type RankingGroup = { kind: 'national'; type: string } | { kind: 'province'; province: string };

export const getPublishedCyclesQueryOptions = () =>
  queryOptions({
    queryKey: [...publicKey, 'cycles'],
    // A signed-in visitor may read cycles still in review: the portal shows published ones only
    // (a released current publication, national or of a province — not the cycle's status).
    queryFn: () => api.get<Page<CycleSummary>>('/cycles', { query: { published: true, pageSize: 200 } }),
    select: (page) => page.items,
    staleTime: publishedStaleTime,
  });

export const getProvincesQueryOptions = () =>
  queryOptions({
    queryKey: [...publicKey, 'provinces'],
    queryFn: () => api.get<{ items: Province[] }>('/provinces'),
    select: (data) => data.items,
    staleTime: Infinity,
  });

export const getRankingQueryOptions = (cycleId: string, group: RankingGroup) =>
  queryOptions({
    queryKey: [...publicKey, 'ranking', cycleId, group],
    queryFn: () =>
      api.get<Ranking>(`/cycles/${cycleId}/rankings`, {
        query: group.kind === 'national' ? { group: 'national', type: group.type } : { group: 'province', province: group.province },
      }),
    staleTime: publishedStaleTime,
  });

export const usePublishedCycles = () => useQuery({ ...getPublishedCyclesQueryOptions(), throwOnError });
export const useProvinces = () => useQuery({ ...getProvincesQueryOptions(), throwOnError });
export const useRanking = (cycleId: string | undefined, group: RankingGroup | null) =>
  useQuery({
    ...getRankingQueryOptions(cycleId ?? '', group ?? { kind: 'national', type: '' }),
    enabled: !!cycleId && !!group,
    throwOnError,
  });
