/** The portal's reads of rankings: one group of a published cycle, with movement. */
import { useQuery } from '@tanstack/react-query';
import { getRankingQueryOptions, type RankingGroup } from '../api/rankings.ts';
import { publishedStaleTime, throwOnError } from './query-policy.ts';

export const useRanking = (cycleId: string | undefined, group: RankingGroup | null) =>
  useQuery({
    ...getRankingQueryOptions(cycleId ?? '', group ?? { kind: 'national', type: '' }),
    enabled: !!cycleId && !!group,
    staleTime: publishedStaleTime,
    throwOnError,
  });
