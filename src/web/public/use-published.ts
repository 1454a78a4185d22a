/** The portal's reads of published cycles: the list, and a cycle's rankings (the leaderboard and the map). */
import { useQuery } from '@tanstack/react-query';
import { getCyclesQueryOptions } from '../api/cycles.ts';
import { getRankingQueryOptions, type RankingGroup } from '../api/rankings.ts';
import { publishedStaleTime, throwOnError } from './query-policy.ts';

/**
 * A signed-in visitor may read cycles still in review: the portal asks for published ones only
 * (a released current publication, national or of a province — not the cycle's status).
 */
export const usePublishedCycles = () =>
  useQuery({ ...getCyclesQueryOptions({ published: true }), staleTime: publishedStaleTime, throwOnError });

export const useRanking = (cycleId: string | undefined, group: RankingGroup | null) =>
  useQuery({
    ...getRankingQueryOptions(cycleId ?? '', group ?? { kind: 'national', type: '' }),
    enabled: !!cycleId && !!group,
    staleTime: publishedStaleTime,
    throwOnError,
  });
