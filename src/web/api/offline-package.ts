/**
 * Issue 13 §1 "Unduh untuk luring": everything an assessor needs to fill an assigned unit's sheets
 * without a connection, fetched fresh from the server (never from an older copy on the device)
 * and kept on the device — the assignment list, the cycle's frozen scheme, the unit's server
 * records, its evidence list and last cycle's findings of the unit (`previous-findings.ts`) — then a mark per unit with the time and what is there
 * (`markDownloaded` in lib/offline-db.ts). The query cache gets the same answers, so the open
 * screens show them at once. Reads only; nothing is written to the server.
 */
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Assignment } from '../../shared/wire/locus.ts';
import { markDownloaded, type UnitDownload } from '../lib/offline-db.ts';
import { cycleKeys } from './cycles.ts';
import { getCycleScheme } from './cycle-scheme.ts';
import { evidenceKeys, getUnitEvidence } from './evidence.ts';
import { getAssignments, locusKeys } from './locus.ts';
import { getPreviousFindings, previousFindingsKey } from './previous-findings.ts';
import { getUnitRecords, recordKeys } from './records.ts';

export interface DownloadResult {
  units: UnitDownload[];
}

/**
 * Downloads the given units (the assessor's own assignments) one cycle scheme at a time; fails
 * on the first error with nothing marked for the unit that failed (units done before it stay
 * marked). `onUnit` reports progress.
 */
export async function downloadUnits(
  queryClient: QueryClient,
  units: ReadonlyArray<Pick<Assignment, 'cycle' | 'unit'>>,
  onUnit?: (done: number, total: number) => void,
  now: () => Date = () => new Date(),
  mark: (download: UnitDownload) => Promise<void> = markDownloaded,
): Promise<DownloadResult> {
  const fresh = { fresh: true };
  const assignments = await getAssignments(fresh);
  queryClient.setQueryData(locusKeys.assignments, assignments);
  const schemes = new Map<string, Awaited<ReturnType<typeof getCycleScheme>>>();
  const out: UnitDownload[] = [];
  for (const { cycle, unit } of units) {
    let scheme = schemes.get(cycle.id);
    if (!scheme) {
      scheme = await getCycleScheme(cycle.id, fresh);
      schemes.set(cycle.id, scheme);
      queryClient.setQueryData(cycleKeys.scheme(cycle.id), scheme);
    }
    const [records, evidence, findings] = await Promise.all([
      getUnitRecords(cycle.id, unit.unitId, fresh),
      getUnitEvidence(cycle.id, unit.unitId, fresh),
      getPreviousFindings(cycle, unit.unitId, fresh),
    ]);
    queryClient.setQueryData(previousFindingsKey(cycle.id, unit.unitId), findings);
    queryClient.setQueryData(recordKeys.unit(cycle.id, unit.unitId), records);
    queryClient.setQueryData(evidenceKeys.unit(cycle.id, unit.unitId), evidence);
    const done: UnitDownload = {
      cycleId: cycle.id,
      unitId: unit.unitId,
      at: now().toISOString(),
      records: records.length,
      evidence: evidence.length,
      findings: findings.items.length,
      schemeHash: scheme.schemeHash,
    };
    await mark(done);
    out.push(done);
    onUnit?.(out.length, units.length);
  }
  return { units: out };
}

/** The download as a mutation: it runs (and fails at once) offline instead of waiting paused. */
export function useDownloadUnits(onUnit?: (done: number, total: number) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (units: ReadonlyArray<Pick<Assignment, 'cycle' | 'unit'>>) => downloadUnits(queryClient, units, onUnit),
    networkMode: 'always',
  });
}
