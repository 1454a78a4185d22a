/**
 * Evidence writes of issue 11 §7: attach one of the unit's IKMs to an indicator, remove it. The
 * unit's PEKPPP view (its F-01 evidence) and the attached list refetch.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { IkmEvidence, IkmEvidenceIn } from '../../shared/wire/evidence.ts';
import { api } from '../lib/api.ts';
import { ikmKeys } from './evidence.ts';
import { pekpppKeys } from './pekppp.ts';

function useRefresh(cycleId: string, unitId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      [ikmKeys.unit(cycleId, unitId), pekpppKeys.unit(cycleId, unitId)].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
    );
}

export function useAttachIkm(cycleId: string, unitId: string) {
  const refresh = useRefresh(cycleId, unitId);
  return useMutation({
    mutationFn: (input: IkmEvidenceIn) => api.post<IkmEvidence>(`/cycles/${cycleId}/units/${unitId}/ikm-evidence`, input),
    onSuccess: refresh,
  });
}

export function useDetachIkm(cycleId: string, unitId: string) {
  const refresh = useRefresh(cycleId, unitId);
  return useMutation({
    mutationFn: (id: string) => api.delete<{ deleted: string }>(`/ikm-evidence/${id}`),
    onSuccess: refresh,
  });
}
