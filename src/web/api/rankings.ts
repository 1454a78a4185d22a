/**
 * Rankings (`GET /cycles/:cycleId/rankings`, `src/shared/wire/scores.ts`): one group of a cycle —
 * national per body type, or the kabupaten/kota of a province — with each row's movement against
 * the previous published cycle. Rows the caller may not read are counted in `hidden`.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Ranking } from '../../shared/wire/scores.ts';
import { api } from '../lib/api.ts';

/** A national group of one body type, or the kabupaten/kota of one province. */
export type RankingGroup = { kind: 'national'; type: string } | { kind: 'province'; province: string };

export const rankingKeys = {
  all: ['rankings'] as const,
  cycle: (cycleId: string) => ['rankings', cycleId] as const,
  group: (cycleId: string, group: RankingGroup) => ['rankings', cycleId, group] as const,
};

export const getRankingQueryOptions = (cycleId: string, group: RankingGroup) =>
  queryOptions({
    queryKey: rankingKeys.group(cycleId, group),
    queryFn: () =>
      api.get<Ranking>(`/cycles/${cycleId}/rankings`, {
        query: group.kind === 'national' ? { group: 'national', type: group.type } : { group: 'province', province: group.province },
      }),
  });

export const useRanking = (cycleId: string | undefined, group: RankingGroup | null) =>
  useQuery({ ...getRankingQueryOptions(cycleId ?? '', group ?? { kind: 'national', type: '' }), enabled: !!cycleId && !!group });
