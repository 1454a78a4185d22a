/**
 * Cycle writes: create (the server freezes the scheme's content hash on it) and the status
 * transitions. Both refetch the cycle reads; a transition also the assessors' assignments
 * (which list open cycles only).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Cycle, CycleDetail, CycleIn, CycleStatus } from '../../shared/wire/cycles.ts';
import { api } from '../lib/api.ts';
import { cycleKeys } from './cycles.ts';
import { locusKeys } from './locus.ts';

export function useCreateCycle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CycleIn) => api.post<CycleDetail>('/cycles', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cycleKeys.all }),
  });
}

export function useTransitionCycle(cycleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (status: CycleStatus) => api.post<Cycle>(`/cycles/${cycleId}/status`, { status }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: cycleKeys.all }),
        queryClient.invalidateQueries({ queryKey: locusKeys.assignments }),
      ]),
  });
}
