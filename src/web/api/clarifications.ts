/**
 * Clarification reads (`src/shared/wire/clarifications.ts`): a cycle's windows, its disputes
 * (optionally by status), a body's clarification page, and the download address of a dispute's
 * evidence. The only place that builds clarification keys; the writes are in
 * `clarifications-writes.ts`.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { BodyClarification, ClarificationWindow, Dispute, DisputeStatus } from '../../shared/wire/clarifications.ts';
import { API_BASE, api } from '../lib/api.ts';

export const clarificationKeys = {
  all: ['clarifications'] as const,
  windows: (cycleId: string) => ['clarifications', 'windows', cycleId] as const,
  disputes: (cycleId: string, status?: DisputeStatus) => ['clarifications', 'disputes', cycleId, status ?? 'all'] as const,
  body: (cycleId: string, bodyId: string) => ['clarifications', 'body', cycleId, bodyId] as const,
};

export const getWindowsQueryOptions = (cycleId: string) =>
  queryOptions({
    queryKey: clarificationKeys.windows(cycleId),
    queryFn: async () => (await api.get<{ items: ClarificationWindow[] }>(`/cycles/${cycleId}/clarification-windows`)).items,
  });

export const getDisputesQueryOptions = (cycleId: string, status?: DisputeStatus) =>
  queryOptions({
    queryKey: clarificationKeys.disputes(cycleId, status),
    queryFn: async () => (await api.get<{ items: Dispute[] }>(`/cycles/${cycleId}/disputes`, { query: { status } })).items,
  });

export const getBodyClarificationQueryOptions = (cycleId: string, bodyId: string) =>
  queryOptions({
    queryKey: clarificationKeys.body(cycleId, bodyId),
    queryFn: () => api.get<BodyClarification>(`/cycles/${cycleId}/bodies/${bodyId}/clarification`),
  });

export const useWindows = (cycleId: string) => useQuery(getWindowsQueryOptions(cycleId));
export const useDisputes = (cycleId: string, status?: DisputeStatus) => useQuery(getDisputesQueryOptions(cycleId, status));
export const useBodyClarification = (cycleId: string, bodyId: string) => useQuery(getBodyClarificationQueryOptions(cycleId, bodyId));

/** Download address of one evidence file of a dispute (the session cookie authorises it). */
export const disputeEvidenceHref = (disputeId: string, sha256: string): string => `${API_BASE}/disputes/${disputeId}/evidence/${sha256}`;
