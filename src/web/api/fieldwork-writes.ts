/**
 * Fieldwork review writes (issue 13): acknowledge a flagged sheet with a note; approve several
 * units at once (the server skips units with open flags and says why); acknowledge a whole unit.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Acknowledged, BulkApproveIn, BulkApproveOut, UnitAcknowledged } from '../../shared/wire/fieldwork.ts';
import { api } from '../lib/api.ts';
import { fieldworkKeys } from './fieldwork.ts';
import { locusKeys } from './locus.ts';
import { recordKeys } from './records.ts';
import { scoreKeys } from './scores.ts';

export function useAcknowledgeFlags(cycleId: string, unitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { recordId: string; note: string }) =>
      api.post<Acknowledged>(`/records/${v.recordId}/fieldwork-flags/acknowledge`, { note: v.note }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: fieldworkKeys.unit(cycleId, unitId) }),
  });
}

/** Issue 13 §6: the unit's pimpinan acknowledges every open warning of the unit with one note. */
export function useAcknowledgeAll(cycleId: string, unitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (note: string) =>
      api.post<UnitAcknowledged>(`/cycles/${cycleId}/units/${unitId}/fieldwork-flags/acknowledge-all`, { note }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: fieldworkKeys.unit(cycleId, unitId) }),
  });
}

export function useBulkApprove(cycleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: BulkApproveIn) => api.post<BulkApproveOut>(`/cycles/${cycleId}/approve-bulk`, input),
    onSuccess: () =>
      Promise.all(
        [recordKeys.all, scoreKeys.cycle(cycleId), locusKeys.progress(cycleId), locusKeys.assignments, fieldworkKeys.all].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      ),
  });
}
