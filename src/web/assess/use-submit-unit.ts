/** Hands a unit in for review (`POST /cycles/:cycleId/units/:unitId/submit`); refetches the assignments. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../lib/api.ts';
import { assignmentsQueryKey } from './use-assignments.ts';
import { unitRecordsKey } from './use-unit-records.ts';

export function submitUnit(cycleId: string, unitId: string): Promise<{ status: 'submitted' }> {
  return api.post<{ status: 'submitted' }>(`/cycles/${cycleId}/units/${unitId}/submit`);
}

export function useSubmitUnit(cycleId: string, unitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => submitUnit(cycleId, unitId),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: assignmentsQueryKey }),
        queryClient.invalidateQueries({ queryKey: unitRecordsKey(cycleId, unitId) }),
      ]),
  });
}
