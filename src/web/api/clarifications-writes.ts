/**
 * Clarification writes: open a window or extend/close it, file a dispute (then its evidence, one
 * file at a time), accept or reject a dispute. Every write refetches the clarification reads
 * (windows count disputes; a body's page lists them); accepting also changes an answer, so the
 * unit's records, the cycle's results, rankings and progress are refetched too.
 */
import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  AcceptIn,
  ClarificationWindow,
  Dispute,
  DisputeEvidence,
  RejectIn,
  WindowIn,
  WindowPatchIn,
} from '../../shared/wire/clarifications.ts';
import { api } from '../lib/api.ts';
import { clarificationKeys } from './clarifications.ts';
import { locusKeys } from './locus.ts';
import { rankingKeys } from './rankings.ts';
import { recordKeys } from './records.ts';
import { scoreKeys } from './scores.ts';

function useRefresh() {
  const queryClient = useQueryClient();
  return (keys: readonly QueryKey[] = []) =>
    Promise.all([clarificationKeys.all, ...keys].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

export function useOpenWindow(cycleId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: WindowIn) => api.post<ClarificationWindow>(`/cycles/${cycleId}/clarification-windows`, input),
    onSuccess: () => refresh(),
  });
}

export function useUpdateWindow() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ windowId, ...input }: WindowPatchIn & { windowId: string }) =>
      api.patch<ClarificationWindow>(`/clarification-windows/${windowId}`, input),
    onSuccess: () => refresh(),
  });
}

export function uploadDisputeEvidence(disputeId: string, file: File): Promise<DisputeEvidence[]> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.post<{ evidence: DisputeEvidence[] }>(`/disputes/${disputeId}/evidence`, form).then((r) => r.evidence);
}

/** Files a dispute, then uploads its evidence one file at a time. */
export function useFileDispute(cycleId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (input: { unitId: string; indicator: string; statement: string; files: File[] }) => {
      const dispute = await api.post<Dispute>(`/cycles/${cycleId}/units/${input.unitId}/disputes`, {
        indicator: input.indicator,
        statement: input.statement.trim(),
      });
      let evidence: DisputeEvidence[] = [];
      for (const file of input.files) evidence = await uploadDisputeEvidence(dispute.id, file);
      return { ...dispute, evidence };
    },
    // Also after a failed upload: the dispute itself may have been filed.
    onSettled: () => refresh(),
  });
}

export function useAddEvidence() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async ({ disputeId, files }: { disputeId: string; files: File[] }) => {
      let evidence: DisputeEvidence[] = [];
      for (const file of files) evidence = await uploadDisputeEvidence(disputeId, file);
      return evidence;
    },
    onSettled: () => refresh(),
  });
}

export function useAcceptDispute() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ disputeId, ...input }: AcceptIn & { disputeId: string }) => api.post<Dispute>(`/disputes/${disputeId}/accept`, input),
    onSuccess: (d) =>
      refresh([
        recordKeys.unit(d.cycleId, d.unitId),
        scoreKeys.cycle(d.cycleId),
        scoreKeys.trends,
        rankingKeys.cycle(d.cycleId),
        locusKeys.progress(d.cycleId),
      ]),
  });
}

export function useRejectDispute() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ disputeId, reason }: RejectIn & { disputeId: string }) =>
      api.post<Dispute>(`/disputes/${disputeId}/reject`, { reason: reason.trim() }),
    onSuccess: () => refresh(),
  });
}
