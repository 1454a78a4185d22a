// The one sanctioned path for changing an answer after review: an accepted dispute (source
// 'dispute') or an erratum after publication (source 'correction', called by the publication
// code). It stores an indicator-level OVERRIDE for chosen records of a unit (issue 15: the raw
// answers in `records` stay untouched; scoring applies overrides on top, scores/overrides.ts) —
// bypassing the approved-unit lock on purpose — recomputes the unit and its body with the regular
// recompute, writes the change log row (`result_changes`, with the raw and the effective answers)
// and an audit event, all in the caller's transaction. It knows nothing about windows or disputes
// beyond storing the dispute id.
import { and, asc, eq } from 'drizzle-orm';
import type { Indicator, Scheme } from '../../core/types.ts';
import type { Actor } from '../auth/policy.ts';
import { appendAudit } from '../audit/queries.ts';
import type { Queryable, Tx } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { cycleScheme, getCycleOr404 } from '../cycles/queries.ts';
import { type CycleUnitContext, getCycleUnitOr404 } from '../read-models/locus.ts';
import { records } from '../records/schema.ts';
import { recomputeUnits } from '../scores/recompute.ts';
import { bodyResults, indicatorOverrides, unitResults } from '../scores/schema.ts';
import { effectiveAnswers, loadOverrides } from '../scores/overrides.ts';
import { resultChanges } from './schema.ts';
import type { StoredUnitScore } from '../../shared/wire/scores.ts';
import type { ChangeSnapshot } from '../../shared/wire/clarifications.ts';

export interface IndicatorChangeInput {
  cycleId: string;
  unitId: string;
  /** Indicator code of the cycle's frozen scheme. */
  indicator: string;
  /** The new answer: one of the indicator's levels. */
  value: number;
  /** Records to change (default: every scored record of the unit that answers the indicator). */
  recordIds?: string[];
  source: 'dispute' | 'correction';
  reason: string;
  disputeId?: string;
}

export interface IndicatorChangeResult {
  before: ChangeSnapshot;
  after: ChangeSnapshot;
  /** The result_changes row written. */
  changeId: string;
}

/** Every indicator of a scheme (dimensions and supplements) by code. */
export function indicatorOf(scheme: Scheme, code: string): Indicator | undefined {
  for (const d of scheme.dimensions) for (const v of d.variables) for (const i of v.indicators) if (i.code === code) return i;
  for (const s of scheme.supplements) for (const i of s.indicators) if (i.code === code) return i;
  return undefined;
}

/** The allowed answers of an indicator: its levels, or every whole number of its scale. */
export function levelValues(indicator: Indicator): number[] {
  if (indicator.scale.levels.length > 0) return indicator.scale.levels.map((l) => l.value);
  const out: number[] = [];
  for (let v = indicator.scale.min; v <= indicator.scale.max; v++) out.push(v);
  return out;
}

/** The indicator's value in a stored unit breakdown (null when missing or unknown). */
export function storedIndicatorValue(stored: StoredUnitScore | null | undefined, code: string): number | null {
  if (!stored) return null;
  for (const d of stored.dimensions) for (const v of d[4]) for (const i of v[3]) if (i[0] === code) return i[1];
  for (const s of stored.supplements) for (const i of s[1]) if (i[0] === code) return i[1];
  return null;
}

async function resultState(tx: Queryable, cu: CycleUnitContext, indicator: string): Promise<Omit<ChangeSnapshot, 'answers' | 'raw'>> {
  const [u] = await tx
    .select({ score: unitResults.score, breakdown: unitResults.breakdown })
    .from(unitResults)
    .where(and(eq(unitResults.cycleId, cu.cycle.id), eq(unitResults.unitId, cu.unit.id)));
  const [b] = await tx
    .select({ score: bodyResults.score })
    .from(bodyResults)
    .where(and(eq(bodyResults.cycleId, cu.cycle.id), eq(bodyResults.bodyId, cu.body.id)));
  return {
    value: storedIndicatorValue(u?.breakdown as StoredUnitScore | undefined, indicator),
    unitScore: u?.score ?? null,
    bodyScore: b?.score ?? null,
  };
}

/**
 * Sets `indicator` to `value` on the chosen records of the unit, recomputes the unit and body,
 * and writes the change log row and an audit event. Throws (nothing changes) on an unknown
 * indicator or record, a value that is not one of the indicator's levels, no record to change,
 * or a value every chosen record already has.
 */
export async function applyIndicatorChange(
  tx: Tx,
  actor: Pick<Actor, 'id' | 'username'>,
  input: IndicatorChangeInput,
): Promise<IndicatorChangeResult> {
  const now = new Date();
  const cycle = await getCycleOr404(tx, input.cycleId);
  const cu = await getCycleUnitOr404(tx, cycle, input.unitId);
  // Once a current publication covers the body, only an erratum ('correction') may change it.
  if (cu.locked && input.source !== 'correction') throw new AppError('publication.locked', { subject: cu.body.name });
  const scheme = await cycleScheme(tx, cu.cycle);
  const indicator = indicatorOf(scheme, input.indicator);
  if (!indicator) throw new AppError('dispute.indicator_unknown', { indicator: input.indicator, schemeId: scheme.id });
  const allowed = levelValues(indicator);
  if (!allowed.includes(input.value)) {
    throw new AppError('change.value_invalid', { indicator: input.indicator, value: input.value, levels: allowed.join(', ') });
  }
  const covering = new Set(scheme.instruments.filter((i) => i.covers.includes(input.indicator)).map((i) => i.code));
  const scored = new Set(scheme.instruments.filter((i) => i.role !== 'claim' && i.covers.includes(input.indicator)).map((i) => i.code));
  const unitRecords = await tx
    .select()
    .from(records)
    .where(and(eq(records.cycleId, cycle.id), eq(records.unitId, cu.unit.id)))
    .orderBy(asc(records.id));
  const overrides = (await loadOverrides(tx, cycle.id, [cu.unit.id])).get(cu.unit.id);
  const rawOf = (r: (typeof unitRecords)[number]) => (r.answers as Record<string, number | null>)[input.indicator] ?? null;
  /** The answer as scored: the raw one, or the latest override of it. */
  const answerOf = (r: (typeof unitRecords)[number]) =>
    effectiveAnswers(r.id, r.answers as Record<string, number | null>, overrides)[input.indicator] ?? null;

  let chosen: typeof unitRecords;
  if (input.recordIds && input.recordIds.length > 0) {
    const byId = new Map(unitRecords.map((r) => [r.id, r]));
    chosen = [];
    for (const id of new Set(input.recordIds)) {
      const r = byId.get(id);
      if (!r || !covering.has(r.instrument)) throw new AppError('change.record_invalid', { record: id, indicator: input.indicator });
      chosen.push(r);
    }
  } else {
    const inScore = unitRecords.filter((r) => scored.has(r.instrument));
    chosen = inScore.filter((r) => answerOf(r) !== null);
    // A missing indicator: every scored sheet that should have answered it.
    if (chosen.length === 0) chosen = inScore;
  }
  if (chosen.length === 0) throw new AppError('change.no_records', { indicator: input.indicator });
  if (chosen.every((r) => answerOf(r) === input.value))
    throw new AppError('change.no_change', { indicator: input.indicator, value: input.value });

  const raw = Object.fromEntries(chosen.map((r) => [r.id, rawOf(r)]));
  const before: ChangeSnapshot = {
    answers: Object.fromEntries(chosen.map((r) => [r.id, answerOf(r)])),
    raw,
    ...(await resultState(tx, cu, input.indicator)),
  };
  const [override] = await tx
    .insert(indicatorOverrides)
    .values({
      cycleId: cycle.id,
      unitId: cu.unit.id,
      indicator: input.indicator,
      value: input.value,
      recordIds: chosen.map((r) => r.id),
      source: input.source,
      createdBy: actor.id,
      createdAt: now,
    })
    .returning({ id: indicatorOverrides.id });
  await recomputeUnits(tx, cycle, [cu.unit.id], { now, bodies: new Map([[cu.unit.id, cu.body.id]]) });
  const after: ChangeSnapshot = {
    answers: Object.fromEntries(chosen.map((r) => [r.id, input.value])),
    raw,
    ...(await resultState(tx, cu, input.indicator)),
  };
  const [row] = await tx
    .insert(resultChanges)
    .values({
      cycleId: cycle.id,
      bodyId: cu.body.id,
      unitId: cu.unit.id,
      indicator: input.indicator,
      source: input.source,
      disputeId: input.disputeId ?? null,
      before,
      after,
      reason: input.reason,
      changedBy: actor.id,
      changedAt: now,
    })
    .returning({ id: resultChanges.id });
  await tx.update(indicatorOverrides).set({ changeId: row!.id }).where(eq(indicatorOverrides.id, override!.id));
  await appendAudit(tx, {
    actor,
    action: 'result.change',
    subjectType: 'unit',
    subjectId: cu.unit.id,
    provinceCode: cu.body.provinceCode,
    at: now,
    diff: {
      cycleId: cycle.id,
      bodyId: cu.body.id,
      indicator: input.indicator,
      source: input.source,
      disputeId: input.disputeId ?? null,
      changeId: row!.id,
      reason: input.reason,
      before,
      after,
    },
  });
  return { before, after, changeId: row!.id };
}
