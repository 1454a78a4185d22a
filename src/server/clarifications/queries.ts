// Clarification windows, disputes and the change log. A window covers the bodies of one scope
// (a province code, or 'pusat' for bodies without a province) in one cycle; it is open while it
// is not closed early, its deadline has not passed and the cycle is still in review.
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Indicator, Scheme } from '../../core/types.ts';
import type { Actor, Target } from '../auth/policy.ts';
import { users } from '../auth/schema.ts';
import { appendAudit } from '../audit/queries.ts';
import type { Queryable, Tx } from '../db/client.ts';
import { AppError, notFound } from '../errors.ts';
import { assertOfficial, cycleScheme, getCycle } from '../cycles/queries.ts';
import { type CycleUnitContext, bodyUnitResults, getCycleUnit, provinceOfRegency, unitProvinceSql } from '../read-models/locus.ts';
import { cycleUnits } from '../cycles/schema.ts';
import { scopeWhere } from '../cycles/scope.ts';
import { records } from '../records/schema.ts';
import { effectiveAnswers, loadOverrides } from '../scores/overrides.ts';
import { bodies, units } from '../registry/schema.ts';
import { bodyResults, unitResults } from '../scores/schema.ts';
import { indicatorOf, levelValues, storedIndicatorValue } from './change.ts';
import { clarificationWindows, disputes, resultChanges } from './schema.ts';
import { covers, cycleScopes } from '../publications/visibility.ts';
import type { Cycle } from '../../shared/wire/cycles.ts';
import type { StoredUnitScore } from '../../shared/wire/scores.ts';
import type {
  BodyClarification,
  ChangeEntry,
  ChangeSnapshot,
  ClarificationWindow,
  Dispute,
  DisputeEvidence,
  IndicatorInfo,
  WindowState,
} from '../../shared/wire/clarifications.ts';

export const PUSAT = 'pusat';
export const scopeOfProvince = (provinceCode: string | null): string => provinceCode ?? PUSAT;
/** The policy target of a scope: a province, or none (pusat: admin only). */
export const scopeTarget = (scope: string): Target => ({ provinceCode: scope === PUSAT ? null : scope });

/** A body's clarification page as the route sends it, without the cycle and scope (the route adds them). */
export type BodyClarificationOf = Omit<BodyClarification, 'cycle' | 'scope' | 'limitedTo'>;

// ── Windows ─────────────────────────────────────────────────────────────────────────────────

type WindowRow = typeof clarificationWindows.$inferSelect;

export function windowState(w: Pick<WindowRow, 'deadline' | 'closedAt'>, cycle: Pick<Cycle, 'status'>, now = new Date()): WindowState {
  return !w.closedAt && w.deadline.getTime() > now.getTime() && cycle.status === 'review' ? 'open' : 'closed';
}

async function toWindowView(tx: Queryable, w: WindowRow, cycle: Cycle): Promise<ClarificationWindow> {
  const counts = await tx
    .select({ status: disputes.status, n: count() })
    .from(disputes)
    .where(eq(disputes.windowId, w.id))
    .groupBy(disputes.status);
  const n = (s: string) => counts.find((c) => c.status === s)?.n ?? 0;
  const [by] = w.openedBy ? await tx.select({ name: users.name }).from(users).where(eq(users.id, w.openedBy)) : [];
  return {
    id: w.id,
    cycleId: w.cycleId,
    scope: w.scope,
    openedAt: w.openedAt.toISOString(),
    openedBy: by?.name ?? null,
    deadline: w.deadline.toISOString(),
    closedAt: w.closedAt?.toISOString() ?? null,
    note: w.note,
    state: windowState(w, cycle),
    disputes: { open: n('open'), accepted: n('accepted'), rejected: n('rejected') },
  };
}

export async function getWindowRow(tx: Queryable, cycleId: string, scope: string): Promise<WindowRow | undefined> {
  const [row] = await tx
    .select()
    .from(clarificationWindows)
    .where(and(eq(clarificationWindows.cycleId, cycleId), eq(clarificationWindows.scope, scope)))
    .limit(1);
  return row;
}

/** A window with its cycle, or 404. */
export async function loadWindow(tx: Queryable, id: string): Promise<{ row: WindowRow; cycle: Cycle }> {
  const [row] = await tx.select().from(clarificationWindows).where(eq(clarificationWindows.id, id)).limit(1);
  const cycle = row && (await getCycle(tx, row.cycleId));
  if (!row || !cycle) throw notFound('window');
  return { row, cycle };
}

function assertFuture(deadline: Date, now: Date): void {
  if (deadline.getTime() <= now.getTime()) throw new AppError('clarification.deadline_past');
}

export async function openWindow(
  tx: Tx,
  actor: Actor,
  cycle: Cycle,
  input: { scope: string; deadline: Date; note?: string | null },
  now = new Date(),
): Promise<ClarificationWindow> {
  assertOfficial(cycle); // issue 12 §4: no clarification window on an internal pre-assessment
  if (cycle.status !== 'review') throw new AppError('clarification.cycle_status', { status: cycle.status });
  if (cycle.provinceCode && input.scope !== cycle.provinceCode) throw new AppError('clarification.scope_outside', { scope: input.scope });
  assertFuture(input.deadline, now);
  // Published results change only through errata: no clarification on a published scope.
  if (covers((await cycleScopes(tx, cycle.id, now)).covered, input.scope === PUSAT ? null : input.scope)) {
    throw new AppError('publication.locked', { subject: input.scope });
  }
  if (await getWindowRow(tx, cycle.id, input.scope)) throw new AppError('clarification.window_exists', { scope: input.scope });
  const [row] = await tx
    .insert(clarificationWindows)
    .values({
      cycleId: cycle.id,
      scope: input.scope,
      openedAt: now,
      openedBy: actor.id,
      deadline: input.deadline,
      note: input.note ?? null,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) throw new AppError('clarification.window_exists', { scope: input.scope });
  await appendAudit(tx, {
    actor,
    action: 'clarification.open',
    subjectType: 'clarification_window',
    subjectId: row.id,
    provinceCode: input.scope === PUSAT ? null : input.scope,
    at: now,
    diff: { cycleId: cycle.id, scope: input.scope, deadline: input.deadline.toISOString(), note: input.note ?? null },
  });
  return toWindowView(tx, row, cycle);
}

/** Extends the deadline (still in review, not closed early) or closes the window now. */
export async function updateWindow(
  tx: Tx,
  actor: Actor,
  loaded: { row: WindowRow; cycle: Cycle },
  input: { deadline?: Date; close?: boolean },
  now = new Date(),
): Promise<ClarificationWindow> {
  const { row, cycle } = loaded;
  if (cycle.status !== 'review') throw new AppError('clarification.cycle_status', { status: cycle.status });
  if (row.closedAt) throw new AppError('clarification.closed');
  const next: { deadline?: Date; closedAt?: Date } = {};
  if (input.deadline) {
    assertFuture(input.deadline, now);
    next.deadline = input.deadline;
  }
  if (input.close) next.closedAt = now;
  if (!next.deadline && !next.closedAt) return toWindowView(tx, row, cycle);
  const [updated] = await tx.update(clarificationWindows).set(next).where(eq(clarificationWindows.id, row.id)).returning();
  await appendAudit(tx, {
    actor,
    action: input.close ? 'clarification.close' : 'clarification.extend',
    subjectType: 'clarification_window',
    subjectId: row.id,
    provinceCode: row.scope === PUSAT ? null : row.scope,
    at: now,
    diff: {
      cycleId: cycle.id,
      scope: row.scope,
      before: { deadline: row.deadline.toISOString(), closedAt: null },
      after: { deadline: updated!.deadline.toISOString(), closedAt: updated!.closedAt?.toISOString() ?? null },
    },
  });
  return toWindowView(tx, updated!, cycle);
}

/** The scopes whose windows the caller sees (null = every scope). */
async function visibleScopes(tx: Queryable, actor: Actor, cycle: Cycle): Promise<string[] | null> {
  switch (actor.role) {
    case 'admin':
      return null;
    case 'pimpinan':
      return actor.provinceCode ? [actor.provinceCode] : [];
    case 'koordinator': {
      if (!actor.bodyId) return [];
      const [b] = await tx.select({ provinceCode: bodies.provinceCode }).from(bodies).where(eq(bodies.id, actor.bodyId));
      return b ? [scopeOfProvince(b.provinceCode)] : [];
    }
    case 'asisten': {
      const rows = await tx
        .selectDistinct({ provinceCode: bodies.provinceCode })
        .from(cycleUnits)
        .innerJoin(bodies, eq(bodies.id, cycleUnits.bodyId))
        .where(and(eq(cycleUnits.cycleId, cycle.id), eq(cycleUnits.assessorId, actor.id)));
      return rows.map((r) => scopeOfProvince(r.provinceCode));
    }
    default:
      return [];
  }
}

export async function listWindows(tx: Queryable, actor: Actor, cycle: Cycle): Promise<ClarificationWindow[]> {
  const scopes = await visibleScopes(tx, actor, cycle);
  if (scopes && scopes.length === 0) return [];
  const rows = await tx
    .select()
    .from(clarificationWindows)
    .where(and(eq(clarificationWindows.cycleId, cycle.id), scopes ? inArray(clarificationWindows.scope, scopes) : undefined))
    .orderBy(asc(clarificationWindows.scope));
  return Promise.all(rows.map((r) => toWindowView(tx, r, cycle)));
}

// ── Disputes ────────────────────────────────────────────────────────────────────────────────

export function indicatorInfo(scheme: Scheme, code: string): IndicatorInfo {
  const i: Indicator | undefined = indicatorOf(scheme, code);
  if (!i) return { code, text: { id: code, en: code }, guidance: null, min: 0, max: 0, levels: [] };
  const levels =
    i.scale.levels.length > 0
      ? i.scale.levels
      : levelValues(i).map((value) => ({ value, descriptor: { id: String(value), en: String(value) } }));
  return { code, text: i.text, guidance: i.guidance ?? null, min: i.scale.min, max: i.scale.max, levels };
}

type DisputeRow = typeof disputes.$inferSelect;

/** A dispute with its cycle unit, or 404. */
export async function loadDispute(tx: Queryable, id: string): Promise<{ row: DisputeRow; cu: CycleUnitContext }> {
  const [row] = await tx.select().from(disputes).where(eq(disputes.id, id)).limit(1);
  const cycle = row && (await getCycle(tx, row.cycleId));
  const cu = cycle && (await getCycleUnit(tx, cycle, row.unitId));
  if (!row || !cu) throw notFound('dispute');
  return { row, cu };
}

/** Full views of dispute rows (names, indicator texts, current answers, the accepted change). */
async function toDisputeViews(tx: Queryable, cycle: Cycle, rows: DisputeRow[]): Promise<Dispute[]> {
  if (rows.length === 0) return [];
  const scheme = await cycleScheme(tx, cycle);
  const userIds = [...new Set(rows.flatMap((r) => [r.createdBy, r.resolvedBy]).filter((x): x is string => !!x))];
  const names = new Map(
    userIds.length
      ? (await tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds))).map((u) => [u.id, u.name])
      : [],
  );
  const unitIds = [...new Set(rows.map((r) => r.unitId))];
  const unitRows = await tx
    .select({ id: units.id, name: units.name, bodyName: bodies.name })
    .from(units)
    .innerJoin(bodies, eq(bodies.id, units.bodyId))
    .where(inArray(units.id, unitIds));
  const unitName = new Map(unitRows.map((u) => [u.id, u]));
  const results = await tx
    .select({ unitId: unitResults.unitId, breakdown: unitResults.breakdown })
    .from(unitResults)
    .where(and(eq(unitResults.cycleId, cycle.id), inArray(unitResults.unitId, unitIds)));
  const breakdown = new Map(results.map((r) => [r.unitId, r.breakdown as StoredUnitScore]));
  const recs = await tx
    .select({
      id: records.id,
      unitId: records.unitId,
      instrument: records.instrument,
      respondent: records.respondent,
      answers: records.answers,
    })
    .from(records)
    .where(and(eq(records.cycleId, cycle.id), inArray(records.unitId, unitIds)))
    .orderBy(asc(records.instrument), asc(records.respondent), asc(records.id));
  const overrides = await loadOverrides(tx, cycle.id, unitIds);
  const changes = await tx
    .select({ disputeId: resultChanges.disputeId, before: resultChanges.before, after: resultChanges.after })
    .from(resultChanges)
    .where(
      inArray(
        resultChanges.disputeId,
        rows.map((r) => r.id),
      ),
    );
  const changeOf = new Map(changes.map((c) => [c.disputeId, { before: c.before as ChangeSnapshot, after: c.after as ChangeSnapshot }]));
  return rows.map((r) => {
    const u = unitName.get(r.unitId);
    const answers = recs
      .filter((x) => x.unitId === r.unitId && r.indicator in (x.answers as object))
      .map((x) => ({
        recordId: x.id,
        instrument: x.instrument,
        respondent: x.respondent,
        value: effectiveAnswers(x.id, x.answers as Record<string, number | null>, overrides.get(x.unitId))[r.indicator] ?? null,
        raw: (x.answers as Record<string, number | null>)[r.indicator] ?? null,
      }));
    return {
      id: r.id,
      windowId: r.windowId,
      cycleId: r.cycleId,
      bodyId: r.bodyId,
      bodyName: u?.bodyName ?? '',
      unitId: r.unitId,
      unitName: u?.name ?? '',
      indicator: indicatorInfo(scheme, r.indicator),
      statement: r.statement,
      evidence: r.evidence as DisputeEvidence[],
      status: r.status as Dispute['status'],
      createdBy: r.createdBy ? (names.get(r.createdBy) ?? null) : null,
      createdAt: r.createdAt.toISOString(),
      resolvedBy: r.resolvedBy ? (names.get(r.resolvedBy) ?? null) : null,
      resolvedAt: r.resolvedAt?.toISOString() ?? null,
      resolution: r.resolution,
      current: { value: storedIndicatorValue(breakdown.get(r.unitId), r.indicator), answers },
      change: changeOf.get(r.id) ?? null,
    };
  });
}

export async function disputeView(tx: Queryable, cycle: Cycle, id: string): Promise<Dispute> {
  const rows = await tx.select().from(disputes).where(eq(disputes.id, id));
  const [view] = await toDisputeViews(tx, cycle, rows);
  if (!view) throw notFound('dispute');
  return view;
}

/** The open window covering a unit's body, or 409 clarification.closed. */
export async function openWindowFor(tx: Queryable, cu: CycleUnitContext, now = new Date()): Promise<WindowRow> {
  const w = await getWindowRow(tx, cu.cycle.id, scopeOfProvince(cu.body.provinceCode));
  if (!w || windowState(w, cu.cycle, now) !== 'open') throw new AppError('clarification.closed');
  return w;
}

export async function createDispute(
  tx: Tx,
  actor: Actor,
  cu: CycleUnitContext,
  input: { indicator: string; statement: string },
  now = new Date(),
): Promise<Dispute> {
  if (cu.locked) throw new AppError('publication.locked', { subject: cu.body.name });
  const w = await openWindowFor(tx, cu, now);
  const scheme = await cycleScheme(tx, cu.cycle);
  if (!indicatorOf(scheme, input.indicator))
    throw new AppError('dispute.indicator_unknown', { indicator: input.indicator, schemeId: scheme.id });
  // One open dispute per (unit, indicator); the advisory lock serialises concurrent filings.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`dispute:${cu.cycle.id}:${cu.unit.id}:${input.indicator}`}))`);
  const [dup] = await tx
    .select({ id: disputes.id })
    .from(disputes)
    .where(
      and(
        eq(disputes.cycleId, cu.cycle.id),
        eq(disputes.unitId, cu.unit.id),
        eq(disputes.indicator, input.indicator),
        eq(disputes.status, 'open'),
      ),
    )
    .limit(1);
  if (dup) throw new AppError('dispute.exists', { indicator: input.indicator });
  const [row] = await tx
    .insert(disputes)
    .values({
      windowId: w.id,
      cycleId: cu.cycle.id,
      bodyId: cu.body.id,
      unitId: cu.unit.id,
      indicator: input.indicator,
      statement: input.statement,
      evidence: [],
      status: 'open',
      createdBy: actor.id,
      createdAt: now,
    })
    .returning();
  await appendAudit(tx, {
    actor,
    action: 'dispute.create',
    subjectType: 'dispute',
    subjectId: row!.id,
    provinceCode: cu.body.provinceCode,
    at: now,
    diff: {
      cycleId: cu.cycle.id,
      bodyId: cu.body.id,
      unitId: cu.unit.id,
      windowId: w.id,
      indicator: input.indicator,
      statement: input.statement,
    },
  });
  return disputeView(tx, cu.cycle, row!.id);
}

export function assertOpen(row: DisputeRow): void {
  if (row.status !== 'open') throw new AppError('dispute.resolved', { status: row.status });
}

/** Evidence files per dispute. */
export const MAX_EVIDENCE = 20;

/** Appends one evidence file (once per content) to an open dispute in an open window. */
export async function addDisputeEvidence(
  tx: Tx,
  actor: Actor,
  id: string,
  item: DisputeEvidence,
  now = new Date(),
): Promise<DisputeEvidence[]> {
  // Lock the row: two uploads to the same dispute append one after the other.
  await tx.execute(sql`select id from disputes where id = ${id} for update`);
  const { row, cu } = await loadDispute(tx, id);
  assertOpen(row);
  await openWindowFor(tx, cu, now);
  const list = row.evidence as DisputeEvidence[];
  if (list.some((e) => e.sha256 === item.sha256)) return list;
  if (list.length >= MAX_EVIDENCE) throw new AppError('request.invalid', { summary: `max ${MAX_EVIDENCE} files per dispute` });
  const next = [...list, item];
  await tx.update(disputes).set({ evidence: next }).where(eq(disputes.id, id));
  await appendAudit(tx, {
    actor,
    action: 'dispute.evidence',
    subjectType: 'dispute',
    subjectId: id,
    provinceCode: cu.body.provinceCode,
    at: now,
    diff: { cycleId: cu.cycle.id, unitId: cu.unit.id, added: item },
  });
  return next;
}

export async function resolveDispute(
  tx: Tx,
  actor: Actor,
  loaded: { row: DisputeRow; cu: CycleUnitContext },
  decision: { status: 'accepted' | 'rejected'; resolution: string | null; change?: unknown },
  now = new Date(),
): Promise<void> {
  const { row, cu } = loaded;
  const [updated] = await tx
    .update(disputes)
    .set({ status: decision.status, resolvedBy: actor.id, resolvedAt: now, resolution: decision.resolution })
    .where(and(eq(disputes.id, row.id), eq(disputes.status, 'open')))
    .returning({ id: disputes.id });
  if (!updated) throw new AppError('dispute.resolved', { status: 'resolved' });
  await appendAudit(tx, {
    actor,
    action: decision.status === 'accepted' ? 'dispute.accept' : 'dispute.reject',
    subjectType: 'dispute',
    subjectId: row.id,
    provinceCode: cu.body.provinceCode,
    at: now,
    diff: {
      cycleId: cu.cycle.id,
      unitId: cu.unit.id,
      indicator: row.indicator,
      before: { status: row.status },
      after: { status: decision.status },
      resolution: decision.resolution,
      change: decision.change ?? null,
    },
  });
}

export interface DisputeFilter {
  status?: Dispute['status'];
  unitId?: string;
  bodyId?: string;
}

/**
 * Disputes of a cycle the caller may read (pimpinan: province, with the vertical offices located in
 * it; asisten: assigned units; koordinator: own body).
 */
export async function listDisputes(tx: Queryable, actor: Actor, cycle: Cycle, f: DisputeFilter): Promise<Dispute[]> {
  const rows = await tx
    .select({ d: disputes })
    .from(disputes)
    .innerJoin(bodies, eq(bodies.id, disputes.bodyId))
    .innerJoin(units, eq(units.id, disputes.unitId))
    .innerJoin(cycleUnits, and(eq(cycleUnits.cycleId, disputes.cycleId), eq(cycleUnits.unitId, disputes.unitId)))
    .where(
      and(
        eq(disputes.cycleId, cycle.id),
        f.status ? eq(disputes.status, f.status) : undefined,
        f.unitId ? eq(disputes.unitId, f.unitId) : undefined,
        f.bodyId ? eq(disputes.bodyId, f.bodyId) : undefined,
        scopeWhere(actor, 'dispute.read', {
          provinceCode: bodies.provinceCode,
          // Issue 17: a ministry's or agency's located unit is in its province's Perwakilan's scope.
          unitProvinceCode: unitProvinceSql,
          bodyId: disputes.bodyId,
          unitId: disputes.unitId,
          assessorId: cycleUnits.assessorId,
        }),
      ),
    )
    // Open first (oldest first: the queue), then the decided ones, newest first.
    .orderBy(
      sql`case when ${disputes.status} = 'open' then 0 else 1 end`,
      sql`case when ${disputes.status} = 'open' then ${disputes.createdAt} end asc`,
      desc(disputes.resolvedAt),
      asc(disputes.id),
    );
  return toDisputeViews(
    tx,
    cycle,
    rows.map((r) => r.d),
  );
}

// ── A body's clarification page ─────────────────────────────────────────────────────────────

export async function bodyChanges(tx: Queryable, cycle: Cycle, bodyId: string): Promise<ChangeEntry[]> {
  const scheme = await cycleScheme(tx, cycle);
  const rows = await tx
    .select({ c: resultChanges, unitName: units.name, changedBy: users.name })
    .from(resultChanges)
    .innerJoin(units, eq(units.id, resultChanges.unitId))
    .leftJoin(users, eq(users.id, resultChanges.changedBy))
    .where(and(eq(resultChanges.cycleId, cycle.id), eq(resultChanges.bodyId, bodyId)))
    .orderBy(asc(resultChanges.changedAt), asc(resultChanges.id));
  return rows.map(({ c, unitName, changedBy }) => ({
    id: c.id,
    unitId: c.unitId,
    unitName,
    indicator: c.indicator,
    indicatorText: indicatorOf(scheme, c.indicator)?.text ?? { id: c.indicator, en: c.indicator },
    source: c.source,
    disputeId: c.disputeId,
    before: c.before as ChangeSnapshot,
    after: c.after as ChangeSnapshot,
    reason: c.reason,
    changedBy,
    changedAt: c.changedAt.toISOString(),
  }));
}

/**
 * A body's clarification page. `limitedTo` (issue 17): only the units located in that province,
 * their disputes and changes, without the body's national result (a Perwakilan on a ministry's page).
 */
export async function bodyClarification(
  tx: Queryable,
  cycle: Cycle,
  body: BodyClarificationOf['body'],
  limitedTo: string | null = null,
): Promise<BodyClarificationOf> {
  const w = await getWindowRow(tx, cycle.id, scopeOfProvince(body.provinceCode));
  const allUnits = await bodyUnitResults(tx, cycle.id, body.id);
  const unitRows = limitedTo === null ? allUnits : allUnits.filter((u) => provinceOfRegency(u.regencyCode) === limitedTo);
  const shown = new Set(unitRows.map((u) => u.id));
  const keep = <T extends { unitId: string }>(rows: T[]) => (limitedTo === null ? rows : rows.filter((r) => shown.has(r.unitId)));
  const [br] = await tx
    .select({ score: bodyResults.score, bandCode: bodyResults.bandCode, complete: bodyResults.complete })
    .from(bodyResults)
    .where(and(eq(bodyResults.cycleId, cycle.id), eq(bodyResults.bodyId, body.id)));
  const disputeRows = await tx
    .select()
    .from(disputes)
    .where(and(eq(disputes.cycleId, cycle.id), eq(disputes.bodyId, body.id)))
    .orderBy(desc(disputes.createdAt), asc(disputes.id));
  return {
    window: w ? await toWindowView(tx, w, cycle) : null,
    body,
    result: limitedTo === null ? (br ?? null) : null,
    units: unitRows.map((u) => ({
      id: u.id,
      name: u.name,
      sector: u.sector,
      status: u.status,
      result: u.score === null ? null : { score: u.score, bandCode: u.bandCode!, complete: u.complete! },
    })),
    disputes: await toDisputeViews(tx, cycle, keep(disputeRows)),
    changes: keep(await bodyChanges(tx, cycle, body.id)),
  };
}
