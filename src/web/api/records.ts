/**
 * A unit's records on the server (`src/shared/wire/records.ts`): the assessor's workspace and
 * the reviewer read them; kept on the assessor's device for offline use. Sending sheets is the
 * sync's job (`lib/sync.ts`); the unit's review is in `review-writes.ts`.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { RecordView } from '../../shared/wire/records.ts';
import { getAllPages, withOfflineCache } from '../lib/api.ts';

export const recordKeys = {
  all: ['records'] as const,
  unit: (cycleId: string, unitId: string) => ['records', cycleId, unitId] as const,
};

export function getUnitRecordsQueryOptions(cycleId: string, unitId: string) {
  return queryOptions({
    queryKey: recordKeys.unit(cycleId, unitId),
    // Always fresh on opening: a sync may have just moved sheets from the device to the server.
    staleTime: 0,
    // Runs offline too (never paused): answers the device's copy, or says it was not downloaded.
    networkMode: 'offlineFirst',
    queryFn: () => getUnitRecords(cycleId, unitId),
  });
}

/** The unit's records, kept on the device; `fresh` refuses the kept copy (downloading for offline use). */
export function getUnitRecords(cycleId: string, unitId: string, options: { fresh?: boolean } = {}): Promise<RecordView[]> {
  return withOfflineCache(
    `records:${cycleId}:${unitId}`,
    () => getAllPages<RecordView>(`/cycles/${cycleId}/units/${unitId}/records`),
    options,
  );
}

export const useUnitRecords = (cycleId: string, unitId: string) => useQuery(getUnitRecordsQueryOptions(cycleId, unitId));
