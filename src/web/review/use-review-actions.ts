/**
 * The reviewer's decisions on a submitted unit: approve (`/approve`, the body turns final when
 * all its units are) or return with a comment per indicator (`/return`). Both refetch the unit,
 * the cycle's progress and the body's result, so ranks and the dashboard show the change at once.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../lib/api.ts';
import { reviewKeys } from './use-review-api.ts';

export interface ReturnInput {
  note: string | null;
  comments: Record<string, string>;
}

function useRefresh(cycleId: string, unitId: string, bodyId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: reviewKeys.unit(cycleId, unitId) }),
      queryClient.invalidateQueries({ queryKey: reviewKeys.progress(cycleId) }),
      queryClient.invalidateQueries({ queryKey: reviewKeys.body(cycleId, bodyId) }),
    ]);
}

export function useApproveUnit(cycleId: string, unitId: string, bodyId: string) {
  const refresh = useRefresh(cycleId, unitId, bodyId);
  return useMutation({
    mutationFn: (note: string | null) =>
      api.post<{ status: 'approved'; bodyFinal: boolean }>(`/cycles/${cycleId}/units/${unitId}/approve`, { note }),
    onSuccess: refresh,
  });
}

export function useReturnUnit(cycleId: string, unitId: string, bodyId: string) {
  const refresh = useRefresh(cycleId, unitId, bodyId);
  return useMutation({
    mutationFn: (input: ReturnInput) => api.post<{ status: 'returned' }>(`/cycles/${cycleId}/units/${unitId}/return`, input),
    onSuccess: refresh,
  });
}
