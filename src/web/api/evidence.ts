/**
 * A unit's evidence files (`src/shared/wire/evidence.ts`): listed for the assessor's workspace
 * (kept on the device for offline use), the reviewer and the koordinator; each file downloads at
 * `evidenceHref` (the session cookie authorises it). Uploads go with the sync (`lib/sync.ts`).
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Evidence } from '../../shared/wire/evidence.ts';
import { API_BASE, getAllPages, withOfflineCache } from '../lib/api.ts';

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
