/**
 * A unit's review (`src/shared/wire/review.ts`): the assessor hands the unit in, the head of
 * office approves it (the body turns final once all its units are) or returns it with a comment
 * per indicator. Each refetches what shows the unit's state: its records, its results and its
 * body's, the cycle's progress and the assessors' assignments.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Approved, ReturnIn, Returned, Submitted } from '../../shared/wire/review.ts';
import { api } from '../lib/api.ts';
import { locusKeys } from './locus.ts';
import { recordKeys } from './records.ts';
import { scoreKeys } from './scores.ts';

function useUnitStateChange<V, R>(cycleId: string, unitId: string, change: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  const keys = [recordKeys.unit(cycleId, unitId), scoreKeys.cycle(cycleId), locusKeys.progress(cycleId), locusKeys.assignments];
  return useMutation({
    mutationFn: change,
    onSuccess: () => Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}

export const useSubmitUnit = (cycleId: string, unitId: string) =>
  useUnitStateChange(cycleId, unitId, () => api.post<Submitted>(`/cycles/${cycleId}/units/${unitId}/submit`));

export const useApproveUnit = (cycleId: string, unitId: string) =>
  useUnitStateChange(cycleId, unitId, (note: string | null) => api.post<Approved>(`/cycles/${cycleId}/units/${unitId}/approve`, { note }));

export const useReturnUnit = (cycleId: string, unitId: string) =>
  useUnitStateChange(cycleId, unitId, (input: ReturnIn) => api.post<Returned>(`/cycles/${cycleId}/units/${unitId}/return`, input));
