// The unit review workflow: a unit of the locus is pending → submitted (the assessor hands it
// in) → approved | returned (the reviewer); a returned unit is submitted again. Where the cycle's
// team-lead level is on for the unit's Perwakilan (issue 13 §6), a team lead reviews first:
// submitted → reviewed (passed on) | returned, and the pimpinan approves only reviewed units. The unit's state
// decides whether its fieldwork (records, evidence) accepts writes (`writableReason`). Each
// transition audits itself; approving the last unit of a body makes the body final.
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import type { Lang } from '../../core/types.ts';
import { appendAudit, appendAuditMany } from '../audit/queries.ts';
import { cycleScheme } from '../cycles/queries.ts';
import { cycleBodies, cycleUnits } from '../cycles/schema.ts';
import type { Tx } from '../db/client.ts';
import { AppError, detailText } from '../errors.ts';
import type { Auth } from '../http/route.ts';
import { type CycleUnitContext, type UnitReview, unitTarget } from '../read-models/locus.ts';
import { unitResults } from '../scores/schema.ts';
import { invalidDetails } from './reasons.ts';
import { records } from './schema.ts';
import { schemeCodes } from './validate.ts';
// issue 13
import { isOpenWarning, recomputeFieldworkFlags } from '../fieldwork/queries.ts';
import { fieldworkFlags } from '../fieldwork/schema.ts';
import type { CycleStatus } from '../../shared/wire/cycles.ts';
import type { UnitStatus } from '../../shared/wire/locus.ts';

// ── Writability ─────────────────────────────────────────────────────────────────────────────

/**
 * Fieldwork writes (records, evidence) are allowed while the cycle is in fieldwork for a unit
 * that is pending or returned, and during review only for a returned unit. A submitted or
 * approved unit is locked until the reviewer returns it. A unit whose body a current
 * publication covers is locked for good (`publication.locked`): changes go through errata.
 */
export function writableReason(
  cycleStatus: CycleStatus,
  unitStatus: UnitStatus,
  locked = false,
): 'publication.locked' | 'cycle.closed' | 'unit.locked' | null {
  if (locked) return 'publication.locked';
  if (cycleStatus === 'fieldwork') return unitStatus === 'pending' || unitStatus === 'returned' ? null : 'unit.locked';
  if (cycleStatus === 'review') return unitStatus === 'returned' ? null : 'unit.locked';
  return 'cycle.closed';
}

export function assertWritable(cu: CycleUnitContext): void {
  const reason = writableReason(cu.cycle.status, cu.status, cu.locked);
  if (reason === 'publication.locked') throw new AppError('publication.locked', { subject: cu.body.name });
  if (reason === 'cycle.closed') throw new AppError('cycle.closed', { status: cu.cycle.status });
  if (reason === 'unit.locked') throw new AppError('unit.locked', { unit: cu.unit.name, status: cu.status });
}

// ── Transitions ─────────────────────────────────────────────────────────────────────────────

async function setUnitStatus(
  tx: Tx,
  cu: CycleUnitContext,
  status: UnitStatus,
  review: UnitReview | Record<string, never>,
  now: Date,
): Promise<void> {
  await tx
    .update(cycleUnits)
    .set({ status, review, updatedAt: now })
    .where(and(eq(cycleUnits.cycleId, cu.cycle.id), eq(cycleUnits.unitId, cu.unit.id)));
}

/** The assessor hands a unit in for review (pending or returned, with at least one record). */
export async function submitUnit(tx: Tx, auth: Auth, cu: CycleUnitContext, now = new Date()): Promise<UnitStatus> {
  await submitUnits(tx, auth, [cu], now);
  return 'submitted';
}

/**
 * Hands several units of one cycle in at once (the demo seed's assessor): each unit exactly as
 * `submitUnit` (checked, status set, audited), with one count of the records, one update and one
 * multi-row audit append for all, and the cycle's fieldwork flags recomputed once at the end
 * rather than once per unit — the flags are a function of the cycle's records alone, so the
 * result is the same.
 */
export async function submitUnits(tx: Tx, auth: Auth, cus: readonly CycleUnitContext[], now = new Date()): Promise<void> {
  const cycle = cus[0]?.cycle;
  if (!cycle) return;
  if (cus.some((cu) => cu.cycle.id !== cycle.id)) throw new Error('submitUnits: units of one cycle only');
  for (const cu of cus) {
    auth.require('record.write', unitTarget(cu));
    assertWritable(cu);
  }
  const unitIds = cus.map((cu) => cu.unit.id);
  const counts = new Map(
    (
      await tx
        .select({ unitId: records.unitId, n: count() })
        .from(records)
        .where(and(eq(records.cycleId, cycle.id), inArray(records.unitId, unitIds)))
        .groupBy(records.unitId)
    ).map((r) => [r.unitId, r.n]),
  );
  const empty = cus.find((cu) => !counts.get(cu.unit.id));
  if (empty) throw new AppError('unit.no_records', { unit: empty.unit.name });
  // The review of a unit stays as it is (a returned unit keeps its comments for the assessor).
  await tx
    .update(cycleUnits)
    .set({ status: 'submitted', updatedAt: now })
    .where(and(eq(cycleUnits.cycleId, cycle.id), inArray(cycleUnits.unitId, unitIds)));
  await appendAuditMany(
    tx,
    cus.map((cu) => ({
      actor: auth.user(),
      action: 'unit.submit' as const,
      subjectType: 'cycle_unit',
      subjectId: `${cu.cycle.id}/${cu.unit.id}`,
      provinceCode: cu.body.provinceCode,
      at: now,
      diff: { before: { status: cu.status }, after: { status: 'submitted' }, records: counts.get(cu.unit.id)! },
    })),
  );
  // issue 13: the anti-fabrication flags of the cycle, stored for the review screens.
  await recomputeFieldworkFlags(tx, cycle, now);
}

/**
 * Issue 13 §6: a team lead of the unit's Perwakilan passes a handed-in unit on to the pimpinan
 * (submitted → reviewed), with an optional note. 409 `team_lead.off` when the level is off.
 */
export async function leadReviewUnit(tx: Tx, auth: Auth, cu: CycleUnitContext, note: string | null, now = new Date()): Promise<void> {
  auth.require('record.lead_review', unitTarget(cu));
  if (cu.teamLeadIds === null) throw new AppError('team_lead.off', { unit: cu.unit.name });
  assertReviewable(cu, ['submitted']);
  const actor = auth.user();
  const review: UnitReview = { decision: 'reviewed', note, comments: {}, by: actor.username, at: now.toISOString() };
  await setUnitStatus(tx, cu, 'reviewed', review, now);
  await appendAudit(tx, {
    actor,
    action: 'unit.lead_review',
    subjectType: 'cycle_unit',
    subjectId: `${cu.cycle.id}/${cu.unit.id}`,
    provinceCode: cu.body.provinceCode,
    at: now,
    diff: { before: { status: cu.status }, after: { status: 'reviewed' }, note },
  });
}

function assertReviewable(cu: CycleUnitContext, allowed: UnitStatus[]): void {
  if (cu.locked) throw new AppError('publication.locked', { subject: cu.body.name });
  if (cu.cycle.status !== 'fieldwork' && cu.cycle.status !== 'review') throw new AppError('cycle.closed', { status: cu.cycle.status });
  if (!allowed.includes(cu.status)) throw new AppError('unit.invalid_state', { unit: cu.unit.name, status: cu.status });
}

/**
 * The reviewer approves a submitted unit. Its result must be complete (every indicator answered,
 * every instrument at its minimum quota). When every unit of the body is approved, the body is final.
 */
export async function approveUnit(
  tx: Tx,
  auth: Auth,
  cu: CycleUnitContext,
  note: string | null,
  now = new Date(),
): Promise<{ bodyFinal: boolean }> {
  auth.require('record.review', unitTarget(cu));
  // issue 13 §6: with the team-lead level on, a handed-in unit waits for its team lead first.
  if (cu.status === 'submitted' && cu.teamLeadIds !== null) throw new AppError('unit.lead_review_pending', { unit: cu.unit.name });
  assertReviewable(cu, ['submitted', 'reviewed']);
  // The unit's result and its open fieldwork warnings, in one read.
  const [result] = await tx
    .select({
      complete: unitResults.complete,
      breakdown: unitResults.breakdown,
      openFlags: sql<number>`(select count(*)::int from ${fieldworkFlags} where ${fieldworkFlags.cycleId} = ${cu.cycle.id}
        and ${fieldworkFlags.unitId} = ${cu.unit.id} and ${isOpenWarning})`,
    })
    .from(unitResults)
    .where(and(eq(unitResults.cycleId, cu.cycle.id), eq(unitResults.unitId, cu.unit.id)));
  if (!result?.complete) {
    const b = result?.breakdown as { missing?: string[]; incompleteInstruments?: string[] } | undefined;
    const missing = [...(b?.incompleteInstruments ?? []), ...(b?.missing ?? [])];
    throw new AppError('unit.incomplete', { unit: cu.unit.name, missing: missing.length ? missing.join(', ') : '—', codes: missing });
  }
  // issue 13: every fieldwork warning of the unit's sheets acknowledged (or the sheet returned).
  const openFlags = result.openFlags;
  if (openFlags > 0) throw new AppError('fieldwork.flags_open', { unit: cu.unit.name, open: openFlags });
  const actor = auth.user();
  const review: UnitReview = { decision: 'approved', note, comments: {}, by: actor.username, at: now.toISOString() };
  // The status set, and with it the body's other units not approved: a subquery of RETURNING
  // reads the table as the statement began, so the unit itself is left out by id.
  const [{ open } = { open: 0 }] = await tx
    .update(cycleUnits)
    .set({ status: 'approved', review, updatedAt: now })
    .where(and(eq(cycleUnits.cycleId, cu.cycle.id), eq(cycleUnits.unitId, cu.unit.id)))
    .returning({
      open: sql<number>`(select count(*)::int from ${cycleUnits} o where o.cycle_id = ${cu.cycle.id} and o.body_id = ${cu.body.id}
        and o.unit_id <> ${cu.unit.id} and o.status <> 'approved')`,
    });
  await tx
    .update(records)
    .set({ status: 'approved', review: {}, updatedAt: now })
    .where(and(eq(records.cycleId, cu.cycle.id), eq(records.unitId, cu.unit.id)));
  const bodyFinal = open === 0;
  if (bodyFinal) {
    await tx
      .update(cycleBodies)
      .set({ status: 'final' })
      .where(and(eq(cycleBodies.cycleId, cu.cycle.id), eq(cycleBodies.bodyId, cu.body.id)));
  }
  await appendAudit(tx, {
    actor,
    action: 'unit.approve',
    subjectType: 'cycle_unit',
    subjectId: `${cu.cycle.id}/${cu.unit.id}`,
    provinceCode: cu.body.provinceCode,
    at: now,
    diff: { before: { status: cu.status }, after: { status: 'approved' }, note, bodyFinal },
  });
  return { bodyFinal };
}

/**
 * The reviewer returns a submitted, reviewed (or approved) unit with a comment per indicator. Each
 * record gets the comments on the indicators it answers; the body is open again. `by: 'lead'`
 * (issue 13 §6): a team lead of the unit's Perwakilan returns a handed-in unit the same way.
 */
export async function returnUnit(
  tx: Tx,
  auth: Auth,
  cu: CycleUnitContext,
  input: { note: string | null; comments: Record<string, string> },
  lang: Lang,
  now = new Date(),
  by: 'reviewer' | 'lead' = 'reviewer',
): Promise<void> {
  if (by === 'lead') {
    auth.require('record.lead_review', unitTarget(cu));
    if (cu.teamLeadIds === null) throw new AppError('team_lead.off', { unit: cu.unit.name });
    assertReviewable(cu, ['submitted']);
  } else {
    auth.require('record.review', unitTarget(cu));
    assertReviewable(cu, ['submitted', 'reviewed', 'approved']);
  }
  const scheme = await cycleScheme(tx, cu.cycle);
  const codes = schemeCodes(scheme);
  for (const k of Object.keys(input.comments)) {
    if (!codes.has(k))
      throw new AppError('record.invalid', { ...invalidDetails('remark.unknown', lang, { indicator: k, schemeId: scheme.id }) });
  }
  if (!input.note && Object.keys(input.comments).length === 0) {
    throw new AppError('request.invalid', { summary: detailText('review.note_required', lang) });
  }
  const actor = auth.user();
  const review: UnitReview = {
    decision: 'returned',
    note: input.note,
    comments: input.comments,
    by: actor.username,
    at: now.toISOString(),
  };
  await setUnitStatus(tx, cu, 'returned', review, now);
  const list = await tx
    .select({ id: records.id, answers: records.answers })
    .from(records)
    .where(and(eq(records.cycleId, cu.cycle.id), eq(records.unitId, cu.unit.id)));
  const perRecord = list.map((r) => ({
    id: r.id,
    review: Object.fromEntries(Object.entries(input.comments).filter(([k]) => k in (r.answers as object))),
  }));
  if (perRecord.length > 0) {
    await tx.execute(sql`
      update records r set status = 'returned', review = x.review, updated_at = ${now.toISOString()}::timestamptz
      from json_to_recordset(${JSON.stringify(perRecord)}::json) as x(id uuid, review jsonb)
      where r.id = x.id`);
  }
  await tx
    .update(cycleBodies)
    .set({ status: 'open' })
    .where(and(eq(cycleBodies.cycleId, cu.cycle.id), eq(cycleBodies.bodyId, cu.body.id)));
  await appendAudit(tx, {
    actor,
    action: 'unit.return',
    subjectType: 'cycle_unit',
    subjectId: `${cu.cycle.id}/${cu.unit.id}`,
    provinceCode: cu.body.provinceCode,
    at: now,
    diff: { before: { status: cu.status }, after: { status: 'returned' }, note: input.note, comments: input.comments, by },
  });
}
