/**
 * A unit's records and evidence on the server, for the assessor's unit workspace (the sheet list,
 * the returned comments, the quota counts and the live preview). Kept on the device for offline use.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../lib/api.ts';
import { withOfflineCache } from '../lib/sync.ts';

export interface ServerRecord {
  id: string;
  cycleId: string;
  unitId: string;
  instrument: string;
  respondent: string | null;
  answers: Record<string, number | null>;
  remarks: Record<string, string>;
  notes: string | null;
  capturedAt: string;
  status: 'submitted' | 'approved' | 'returned';
  /** Reviewer comments per indicator when the unit was returned. */
  review: Record<string, string>;
  updatedAt: string;
}

export interface ServerEvidence {
  id: string;
  mime: string;
  size: number;
  recordId: string | null;
  indicator: string | null;
  filename: string;
  createdAt: string;
}

interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

const PAGE = 200;

/** Every page of a paginated list. */
export async function getAll<T>(path: string): Promise<T[]> {
  const out: T[] = [];
  for (let page = 1; ; page++) {
    const reply = await api.get<Page<T>>(path, { query: { page, pageSize: PAGE } });
    out.push(...reply.items);
    if (out.length >= reply.total || reply.items.length === 0) return out;
  }
}

export const unitRecordsKey = (cycleId: string, unitId: string) => ['cycles', cycleId, 'units', unitId, 'records'] as const;
export const unitEvidenceKey = (cycleId: string, unitId: string) => ['cycles', cycleId, 'units', unitId, 'evidence'] as const;

export function getUnitRecordsQueryOptions(cycleId: string, unitId: string) {
  return queryOptions({
    queryKey: unitRecordsKey(cycleId, unitId),
    // Always fresh on opening: a sync may have just moved sheets from the device to the server.
    staleTime: 0,
    queryFn: () =>
      withOfflineCache(`records:${cycleId}:${unitId}`, () => getAll<ServerRecord>(`/cycles/${cycleId}/units/${unitId}/records`)),
  });
}

export function getUnitEvidenceQueryOptions(cycleId: string, unitId: string) {
  return queryOptions({
    queryKey: unitEvidenceKey(cycleId, unitId),
    staleTime: 0,
    queryFn: () =>
      withOfflineCache(`evidence:${cycleId}:${unitId}`, () => getAll<ServerEvidence>(`/cycles/${cycleId}/units/${unitId}/evidence`)),
  });
}

export function useUnitRecords(cycleId: string, unitId: string) {
  return useQuery(getUnitRecordsQueryOptions(cycleId, unitId));
}

export function useUnitEvidence(cycleId: string, unitId: string) {
  return useQuery(getUnitEvidenceQueryOptions(cycleId, unitId));
}
