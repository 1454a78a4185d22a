/**
 * A unit's evidence files (`src/shared/wire/evidence.ts`): listed for the assessor's workspace
 * (kept on the device for offline use), the reviewer and the koordinator; each file downloads at
 * `evidenceHref` (the session cookie authorises it). Uploads go with the sync (`lib/sync.ts`).
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Evidence, IkmEvidenceList, IkmOptions } from '../../shared/wire/evidence.ts';
import { API_BASE, api, getAllPages, withOfflineCache } from '../lib/api.ts';

export const evidenceKeys = {
  all: ['evidence'] as const,
  unit: (cycleId: string, unitId: string) => ['evidence', cycleId, unitId] as const,
};

export function getUnitEvidenceQueryOptions(cycleId: string, unitId: string) {
  return queryOptions({
    queryKey: evidenceKeys.unit(cycleId, unitId),
    staleTime: 0,
    networkMode: 'offlineFirst',
    queryFn: () => getUnitEvidence(cycleId, unitId),
  });
}

/** The unit's evidence list, kept on the device; `fresh` refuses the kept copy (downloading for offline use). */
export function getUnitEvidence(cycleId: string, unitId: string, options: { fresh?: boolean } = {}): Promise<Evidence[]> {
  return withOfflineCache(
    `evidence:${cycleId}:${unitId}`,
    () => getAllPages<Evidence>(`/cycles/${cycleId}/units/${unitId}/evidence`),
    options,
  );
}

export const useUnitEvidence = (cycleId: string, unitId: string) => useQuery(getUnitEvidenceQueryOptions(cycleId, unitId));

/** The download address of one evidence file. */
export const evidenceHref = (id: string): string => `${API_BASE}/evidence/${id}`;

// ── issue 11 §7: a unit's IKM as evidence ─────────────────────────────────────────────────────

export const ikmKeys = {
  allOptions: ['evidence', 'ikm-options'] as const,
  options: (cycleId: string, unitId: string) => ['evidence', 'ikm-options', cycleId, unitId] as const,
  unit: (cycleId: string, unitId: string) => ['evidence', 'ikm', cycleId, unitId] as const,
};

/**
 * The indicators that take the unit's IKM, and the unit's closed or published IKMs to choose from.
 * The server scores every such survey's responses for it, so the offer is kept — opening a picker
 * again (any indicator's) reuses it — until it can change: a write here (a survey set up, a paper
 * form typed: `surveys-writes.ts` invalidates `ikmKeys.allOptions`), or time alone: a running survey
 * closing (`refreshAt`, its close instant from the server). Past that instant the kept offer is stale
 * and the next picker opened asks again, so a survey that just closed is offered without a reload.
 */
export const getIkmOptionsQueryOptions = (cycleId: string, unitId: string) =>
  queryOptions({
    queryKey: ikmKeys.options(cycleId, unitId),
    queryFn: () => api.get<IkmOptions>(`/cycles/${cycleId}/units/${unitId}/ikm-options`),
    staleTime: (query) => {
      const refreshAt = query.state.data?.refreshAt;
      return refreshAt ? Math.max(0, Date.parse(refreshAt) - query.state.dataUpdatedAt) : Number.POSITIVE_INFINITY;
    },
  });
export const useIkmOptions = (cycleId: string, unitId: string, enabled = true) =>
  useQuery({ ...getIkmOptionsQueryOptions(cycleId, unitId), enabled });

/** The IKMs attached to the unit's indicators in a cycle (frozen when attached). */
export const getIkmEvidenceQueryOptions = (cycleId: string, unitId: string) =>
  queryOptions({
    queryKey: ikmKeys.unit(cycleId, unitId),
    queryFn: () => api.get<IkmEvidenceList>(`/cycles/${cycleId}/units/${unitId}/ikm-evidence`),
  });
export const useIkmEvidence = (cycleId: string, unitId: string) => useQuery(getIkmEvidenceQueryOptions(cycleId, unitId));
