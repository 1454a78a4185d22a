/**
 * Issue 12 §4: a government's own pre-assessment (`src/shared/wire/internal.ts`) — its internal
 * cycles, its internal assessors, a unit's comparison with the last official result, and the
 * create write. Assignments, fieldwork and sheets go through the ordinary locus, cycle and record
 * modules. The only place that builds these keys.
 */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CycleDetail, CycleSummary } from '../../shared/wire/cycles.ts';
import type { InternalAssessors, InternalComparison, InternalCycleIn } from '../../shared/wire/internal.ts';
import { api, getAllPages } from '../lib/api.ts';
import { cycleKeys } from './cycles.ts';

export const internalKeys = {
  /** Under the cycle keys: every cycle write refetches them too. */
  list: [...cycleKeys.all, 'internal'] as const,
  assessors: ['internal', 'assessors'] as const,
  comparison: (cycleId: string, unitId: string) => ['internal', 'comparison', cycleId, unitId] as const,
};

export const useInternalCycles = () =>
  useQuery(queryOptions({ queryKey: internalKeys.list, queryFn: () => getAllPages<CycleSummary>('/cycles', { kind: 'internal' }) }));

export const useInternalAssessors = () =>
  useQuery(queryOptions({ queryKey: internalKeys.assessors, queryFn: () => api.get<InternalAssessors>('/internal-cycles/assessors') }));

export const useInternalComparison = (cycleId: string, unitId: string) =>
  useQuery(
    queryOptions({
      queryKey: internalKeys.comparison(cycleId, unitId),
      queryFn: () => api.get<InternalComparison>(`/cycles/${cycleId}/units/${unitId}/comparison`),
    }),
  );

export function useCreateInternalCycle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InternalCycleIn) => api.post<CycleDetail>('/internal-cycles', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cycleKeys.all }),
  });
}
