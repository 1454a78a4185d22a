// Fieldwork anti-fabrication flags (issue 13 §4): computed over a whole cycle with the engine's
// `fieldworkFlags` (thresholds from the frozen scheme's library file), stored per sheet and rule,
// kept acknowledged across recomputes while the same rule still holds, read per unit, and
// acknowledged per sheet by a reviewer. `isOpenWarning` is what approval checks.
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { canonicalJson } from '../../core/canonical-json.ts';
import { fieldworkFlags as computeFlags } from '../../core/fieldwork.ts';
import type { FieldworkSheetInput, Scheme } from '../../core/types.ts';
import type { Cycle } from '../../shared/wire/cycles.ts';
import type { FieldworkFlagView, UnitFieldworkFlags } from '../../shared/wire/fieldwork.ts';
import { appendAudit } from '../audit/queries.ts';
import { users } from '../auth/schema.ts';
import { cycleScheme } from '../cycles/queries.ts';
import type { Queryable, Tx } from '../db/client.ts';
import { AppError } from '../errors.ts';
import type { Auth } from '../http/route.ts';
import { type CycleUnitContext, provinceOfCycleUnit, unitTarget } from '../read-models/locus.ts';
import { records } from '../records/schema.ts';
import { units } from '../registry/schema.ts';
import { fieldworkFlags } from './schema.ts';

/**
 * Recomputes and stores the flags of every sheet of a cycle (cross-unit rules — one respondent in
 * several units, an assessor's load — need the whole cycle). A flag still raised keeps its
 * acknowledgement; one no longer raised is removed. A scheme without fieldwork rules stores none.
 * The cycle's dates are its calendar year (cycles carry no fieldwork dates yet).
 * Returns how many flags are stored.
 */
export async function recomputeFieldworkFlags(tx: Queryable, cycle: Cycle, now = new Date()): Promise<number> {
  const scheme: Scheme = await cycleScheme(tx, cycle);
  if (scheme.fieldwork === undefined) return 0;
  const rows = await tx
    .select({
      id: records.id,
      unit: records.unitId,
      instrument: records.instrument,
      assessor: records.capturedBy,
      startedAt: records.startedAt,
      finishedAt: records.finishedAt,
      latitude: records.latitude,
      longitude: records.longitude,
      accuracy: records.accuracy,
      respondentKey: records.respondentKey,
      answers: records.answers,
    })
    .from(records)
    .where(eq(records.cycleId, cycle.id));
  const unitIds = [...new Set(rows.map((r) => r.unit))];
  const unitRows =
    unitIds.length === 0
      ? []
      : await tx
          .select({ id: units.id, lat: units.latitude, lon: units.longitude })
          .from(units)
          .where(sql`${units.id} = any(${sql.param(unitIds)}::uuid[])`);
  const sheets: FieldworkSheetInput[] = rows.map((r) => ({
    id: r.id,
    unit: r.unit,
    instrument: r.instrument,
    assessor: r.assessor ?? '',
    startedAt: r.startedAt?.toISOString() ?? null,
    finishedAt: r.finishedAt?.toISOString() ?? null,
    position: r.latitude !== null && r.longitude !== null ? { lat: r.latitude, lon: r.longitude, accuracy: r.accuracy } : null,
    respondentKey: r.respondentKey,
    answers: r.answers as Record<string, number | null>,
  }));
  const flags = computeFlags(scheme, {
    sheets,
    units: unitRows,
    cycle: { start: `${cycle.year}-01-01`, end: `${cycle.year}-12-31` },
  });
  // Write only what changed: most recomputes (one per hand-in) leave most flags as they were.
  const stored = new Map(
    (
      await tx
        .select({
          recordId: fieldworkFlags.recordId,
          code: fieldworkFlags.code,
          severity: fieldworkFlags.severity,
          details: fieldworkFlags.details,
        })
        .from(fieldworkFlags)
        .where(eq(fieldworkFlags.cycleId, cycle.id))
    ).map((r) => [`${r.recordId}|${r.code}`, `${r.severity}|${canonicalJson(r.details)}`]),
  );
  const keep = new Set(flags.map((f) => `${f.sheet}|${f.code}`));
  const stale = [...stored.keys()].filter((k) => !keep.has(k));
  if (stale.length > 0) {
    await tx.execute(sql`
      delete from fieldwork_flags where cycle_id = ${cycle.id}
        and (record_id::text || '|' || code) = any(${sql.param(stale)}::text[])`);
  }
  const changed = flags.filter((f) => stored.get(`${f.sheet}|${f.code}`) !== `${f.severity}|${canonicalJson(f.details)}`);
  const at = now.toISOString();
  for (let i = 0; i < changed.length; i += 1000) {
    const chunk = changed.slice(i, i + 1000).map((f) => ({
      record_id: f.sheet,
      unit_id: f.unit,
      code: f.code,
      severity: f.severity,
      reason: f.reason,
      details: f.details,
    }));
    await tx.execute(sql`
      insert into fieldwork_flags (record_id, cycle_id, unit_id, code, severity, reason, details, computed_at)
      select x.record_id, ${cycle.id}::uuid, x.unit_id, x.code, x.severity, x.reason, x.details, ${at}::timestamptz
      from json_to_recordset(${JSON.stringify(chunk)}::json) as x(record_id uuid, unit_id uuid, code text, severity text, reason jsonb, details jsonb)
      on conflict (record_id, code) do update set severity = excluded.severity, reason = excluded.reason,
        details = excluded.details, computed_at = excluded.computed_at`);
  }
  return flags.length;
}

/** A flag that still blocks approval: a warning not yet acknowledged (records/workflow.ts reads it too). */
export const isOpenWarning = and(eq(fieldworkFlags.severity, 'warning'), isNull(fieldworkFlags.acknowledgedAt));

/** The open warnings of several units of a cycle in one query: unit id → open warnings (0 when none). */
export async function openWarningsOfUnits(tx: Queryable, cycleId: string, unitIds: readonly string[]): Promise<Map<string, number>> {
  const rows = await tx
    .select({ unitId: fieldworkFlags.unitId, n: sql<number>`count(*)::int` })
    .from(fieldworkFlags)
    .where(and(eq(fieldworkFlags.cycleId, cycleId), inArray(fieldworkFlags.unitId, [...unitIds]), isOpenWarning))
    .groupBy(fieldworkFlags.unitId);
  const open = new Map(unitIds.map((id) => [id, 0]));
  for (const r of rows) open.set(r.unitId, r.n);
  return open;
}

/** A unit's flags, warnings first, by sheet. */
export async function unitFlags(tx: Queryable, cu: CycleUnitContext): Promise<UnitFieldworkFlags> {
  const rows = await tx
    .select({
      f: fieldworkFlags,
      instrument: records.instrument,
      by: users.username,
    })
    .from(fieldworkFlags)
    .innerJoin(records, eq(records.id, fieldworkFlags.recordId))
    .leftJoin(users, eq(users.id, fieldworkFlags.acknowledgedBy))
    .where(and(eq(fieldworkFlags.cycleId, cu.cycle.id), eq(fieldworkFlags.unitId, cu.unit.id)))
    .orderBy(sql`${fieldworkFlags.severity} desc`, records.instrument, records.capturedAt, fieldworkFlags.recordId, fieldworkFlags.code);
  const items: FieldworkFlagView[] = rows.map(({ f, instrument, by }) => ({
    recordId: f.recordId,
    unitId: f.unitId,
    instrument,
    code: f.code as FieldworkFlagView['code'],
    severity: f.severity as FieldworkFlagView['severity'],
    reason: f.reason as FieldworkFlagView['reason'],
    details: f.details as FieldworkFlagView['details'],
    acknowledged: f.acknowledgedAt ? { by: by ?? '', at: f.acknowledgedAt.toISOString(), note: f.acknowledgeNote ?? '' } : null,
  }));
  const computed = rows.reduce<Date | null>((m, r) => (m === null || r.f.computedAt > m ? r.f.computedAt : m), null);
  return {
    items,
    open: items.filter((i) => i.severity === 'warning' && i.acknowledged === null).length,
    computedAt: computed?.toISOString() ?? null,
  };
}

/**
 * A reviewer acknowledges every open warning of one sheet, with a note (why it is acceptable).
 * 409 fieldwork.nothing_open when the sheet has none.
 */
export async function acknowledgeFlags(
  tx: Tx,
  auth: Auth,
  loaded: { row: { id: string; cycleId: string; unitId: string }; cu: CycleUnitContext },
  note: string,
  now = new Date(),
): Promise<number> {
  const { row, cu } = loaded;
  auth.require('record.review', unitTarget(cu));
  const actor = auth.user();
  const done = await tx
    .update(fieldworkFlags)
    .set({ acknowledgedBy: actor.id, acknowledgedAt: now, acknowledgeNote: note })
    .where(and(eq(fieldworkFlags.recordId, row.id), eq(fieldworkFlags.severity, 'warning'), isNull(fieldworkFlags.acknowledgedAt)))
    .returning({ code: fieldworkFlags.code });
  if (done.length === 0) throw new AppError('fieldwork.nothing_open', {});
  await appendAudit(tx, {
    actor,
    action: 'fieldwork.acknowledge',
    subjectType: 'record',
    subjectId: row.id,
    provinceCode: cu.body.provinceCode,
    at: now,
    diff: { cycleId: row.cycleId, unitId: row.unitId, codes: done.map((d) => d.code).sort(), note },
  });
  return done.length;
}

/**
 * Issue 13 §6, review at scale: the unit's pimpinan acknowledges every open warning of the unit's
 * sheets with one note. One audit event for the unit (`fieldwork.acknowledge_unit`) names the
 * sheets touched and the warnings by rule — no record ids (the audit screen names units and
 * cycles). 409 fieldwork.nothing_open when the unit has none.
 */
export async function acknowledgeAllOfUnit(
  tx: Tx,
  auth: Auth,
  cu: CycleUnitContext,
  note: string,
  now = new Date(),
): Promise<{ sheets: number; warnings: number }> {
  auth.require('fieldwork.acknowledge_unit', unitTarget(cu));
  const actor = auth.user();
  const done = await tx
    .update(fieldworkFlags)
    .set({ acknowledgedBy: actor.id, acknowledgedAt: now, acknowledgeNote: note })
    .where(
      and(
        eq(fieldworkFlags.cycleId, cu.cycle.id),
        eq(fieldworkFlags.unitId, cu.unit.id),
        eq(fieldworkFlags.severity, 'warning'),
        isNull(fieldworkFlags.acknowledgedAt),
      ),
    )
    .returning({ recordId: fieldworkFlags.recordId, code: fieldworkFlags.code });
  if (done.length === 0) throw new AppError('fieldwork.nothing_open', {});
  const sheets = new Set(done.map((d) => d.recordId)).size;
  const byCode: Record<string, number> = {};
  for (const d of done) byCode[d.code] = (byCode[d.code] ?? 0) + 1;
  await appendAudit(tx, {
    actor,
    action: 'fieldwork.acknowledge_unit',
    subjectType: 'cycle_unit',
    subjectId: `${cu.cycle.id}/${cu.unit.id}`,
    provinceCode: provinceOfCycleUnit(cu),
    at: now,
    diff: { sheets, warnings: done.length, byCode, note },
  });
  return { sheets, warnings: done.length };
}
