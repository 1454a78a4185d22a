/**
 * API reads and writes of the clarification screens; the only place building `clarify` keys.
 * Every write invalidates the clarification keys and the result keys of the other screens
 * (an accepted dispute changes scores).
 */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../lib/api.ts';
import type { BodyClarification, ClarificationWindow, Dispute, DisputeStatus, EvidenceItem } from './clarify-types.ts';

const key = ['clarify'] as const;

export const windowsQueryOptions = (cycleId: string) =>
  queryOptions({
    queryKey: [...key, 'windows', cycleId],
    queryFn: () => api.get<{ items: ClarificationWindow[] }>(`/cycles/${cycleId}/clarification-windows`).then((r) => r.items),
  });

export const disputesQueryOptions = (cycleId: string, status?: DisputeStatus) =>
  queryOptions({
    queryKey: [...key, 'disputes', cycleId, status ?? 'all'],
    queryFn: () => api.get<{ items: Dispute[] }>(`/cycles/${cycleId}/disputes`, { query: { status } }).then((r) => r.items),
  });

export const bodyClarificationQueryOptions = (cycleId: string, bodyId: string) =>
  queryOptions({
    queryKey: [...key, 'body', cycleId, bodyId],
    queryFn: () => api.get<BodyClarification>(`/cycles/${cycleId}/bodies/${bodyId}/clarification`),
  });

export const useWindows = (cycleId: string) => useQuery(windowsQueryOptions(cycleId));
export const useDisputes = (cycleId: string, status?: DisputeStatus) => useQuery(disputesQueryOptions(cycleId, status));
export const useBodyClarification = (cycleId: string, bodyId: string) => useQuery(bodyClarificationQueryOptions(cycleId, bodyId));

function useInvalidate() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: key }),
      client.invalidateQueries({ queryKey: ['pemda'] }),
      client.invalidateQueries({ queryKey: ['review'] }),
    ]);
}

export function useOpenWindow(cycleId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: { scope: string; deadline: string; note?: string }) =>
      api.post<ClarificationWindow>(`/cycles/${cycleId}/clarification-windows`, input),
    onSuccess: invalidate,
  });
}

export function useUpdateWindow() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ windowId, ...input }: { windowId: string; deadline?: string; close?: true }) =>
      api.patch<ClarificationWindow>(`/clarification-windows/${windowId}`, input),
    onSuccess: invalidate,
  });
}

/** Files a dispute, then uploads its evidence one file at a time. */
export function useFileDispute(cycleId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async (input: { unitId: string; indicator: string; statement: string; files: File[] }) => {
      const dispute = await api.post<Dispute>(`/cycles/${cycleId}/units/${input.unitId}/disputes`, {
        indicator: input.indicator,
        statement: input.statement.trim(),
      });
      let evidence: EvidenceItem[] = [];
      for (const file of input.files) evidence = await uploadEvidence(dispute.id, file);
      return { ...dispute, evidence };
    },
    onSettled: invalidate,
  });
}

export function uploadEvidence(disputeId: string, file: File): Promise<EvidenceItem[]> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.post<{ evidence: EvidenceItem[] }>(`/disputes/${disputeId}/evidence`, form).then((r) => r.evidence);
}

export function useAddEvidence() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ disputeId, files }: { disputeId: string; files: File[] }) => {
      let evidence: EvidenceItem[] = [];
      for (const file of files) evidence = await uploadEvidence(disputeId, file);
      return evidence;
    },
    onSettled: invalidate,
  });
}

export function useAcceptDispute() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ disputeId, ...input }: { disputeId: string; value: number; note?: string }) =>
      api.post<Dispute>(`/disputes/${disputeId}/accept`, input),
    onSuccess: invalidate,
  });
}

export function useRejectDispute() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ disputeId, reason }: { disputeId: string; reason: string }) =>
      api.post<Dispute>(`/disputes/${disputeId}/reject`, { reason: reason.trim() }),
    onSuccess: invalidate,
  });
}
