// The demo's fieldwork, shared by its Ombudsman cycles (demo.ts) and vertical offices
// (demo-vertical.ts): fixed-seed sheets for every unit of a cycle, inserted in one batch and
// audited per unit as the field app's batch would be, then scored.
import { appendAuditMany } from '../audit/queries.ts';
import type { Actor } from '../auth/policy.ts';
import { cycleScheme } from '../cycles/queries.ts';
import type { Tx } from '../db/client.ts';
import { setAssignments } from '../locus/queries.ts';
import { type CycleUnitContext, getCycleUnits } from '../read-models/locus.ts';
import { bulkInsertRecords, contentHash, recordsCreatedDiff } from '../records/queries.ts';
import { recomputeCycle } from '../scores/recompute.ts';
import type { Cycle } from '../../shared/wire/cycles.ts';
import type { RecordInput } from '../../shared/wire/records.ts';
import { prng, prngUuid, syntheticSheets } from './synthetic.ts';

/** The locus entries of `list` in `cycle`, in the list's order, in one query. */
export async function cycleUnitsOf(tx: Tx, cycle: Cycle, list: readonly { id: string }[]): Promise<CycleUnitContext[]> {
  const { locus } = await getCycleUnits(
    tx,
    [cycle.id],
    list.map((u) => u.id),
  );
  return list.map((u) => locus.get(`${cycle.id}|${u.id}`)!);
}

export type DemoBody = { id: string; code: string; name: string; type: string; provinceCode: string | null; active: boolean };

/**
 * The assessor's fieldwork of a cycle in fieldwork: every unit assigned to `asisten` and filled
 * to its quotas with fixed-seed answers around its government's quality level (±0.05), captured
 * from July of the cycle's year; one bulk insert, audited per unit (one multi-row append); then
 * the cycle recomputed.
 */
export async function fillCycle(
  tx: Tx,
  /** `now`: when the sheets reached the server; `assignedAt`: when the units were assigned (default `now`). */
  ctx: { cycle: Cycle; pimpinan: Actor; asisten: Actor; now: Date; assignedAt?: Date },
  list: readonly { id: string; bodyId: string }[],
  bodyList: readonly DemoBody[],
  quality: Record<string, number>,
  seed: number,
): Promise<void> {
  const { cycle, pimpinan, asisten, now } = ctx;
  const scheme = await cycleScheme(tx, cycle);
  const rand = prng(seed);
  const perUnit = new Map<string, string[]>();
  const rows: (RecordInput & { contentHash: string })[] = [];
  // Every unit assigned to the assessor: one update, audited per unit (setAssignments).
  await setAssignments(
    tx,
    pimpinan,
    await cycleUnitsOf(tx, cycle, list),
    { assessorId: asisten.id, dueDate: `${cycle.year}-09-30` },
    ctx.assignedAt ?? now,
  );
  for (const u of list) {
    const body = bodyList.find((b) => b.id === u.bodyId)!;
    const q = Math.min(1, Math.max(0, quality[body.code]! + (rand() * 2 - 1) * 0.05));
    const ids: string[] = [];
    syntheticSheets(scheme, rand, q).forEach((sheet, k) => {
      const day = 1 + Math.floor(rand() * 60);
      const input: RecordInput = {
        id: prngUuid(rand),
        cycleId: cycle.id,
        unitId: u.id,
        instrument: sheet.instrument,
        respondent: sheet.respondent,
        answers: sheet.answers,
        capturedAt: new Date(Date.UTC(cycle.year, 6, day, 2 + (k % 8), (k * 7) % 60)).toISOString(),
      };
      rows.push({ ...input, contentHash: contentHash(cycle.id, u.id, input) });
      ids.push(input.id);
    });
    perUnit.set(u.id, ids);
  }
  await bulkInsertRecords(tx, asisten.id, rows, now);
  const hashes = new Map(rows.map((r) => [r.id, r]));
  await appendAuditMany(
    tx,
    list.map((u) => ({
      actor: asisten,
      action: 'record.create' as const,
      subjectType: 'unit',
      subjectId: u.id,
      provinceCode: bodyList.find((b) => b.id === u.bodyId)!.provinceCode,
      at: now,
      diff: recordsCreatedDiff(
        cycle.id,
        perUnit.get(u.id)!.map((id) => ({ id, instrument: hashes.get(id)!.instrument, contentHash: hashes.get(id)!.contentHash })),
      ),
    })),
  );
  await recomputeCycle(tx, cycle, { now });
}
