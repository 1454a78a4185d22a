// Follow-up actions (issue 12): plan, edit, progress with evidence, verification, comments; lists
// in the caller's scope with counts per status and timing. Every write audits itself.
import { and, asc, count, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { actionTiming, localToday, mayReport, verifiedStatus, WIT_PROVINCES, WITA_PROVINCES, DUE_SOON_DAYS } from '../../core/actions.ts';
import type { ActionStatus as CoreStatus } from '../../core/actions.ts';
import { appendAudit, type AuditActor } from '../audit/queries.ts';
import { type Action as PolicyAction, type Actor, type Target, scopesFor } from '../auth/policy.ts';
import { users } from '../auth/schema.ts';
import { cycleUnits } from '../cycles/schema.ts';
import type { Queryable, Tx } from '../db/client.ts';
import { AppError, notFound } from '../errors.ts';
import { evidenceFiles } from '../evidence/schema.ts';
import { bodies, units } from '../registry/schema.ts';
import { ACTION_STATUSES, ACTION_TIMINGS } from '../../shared/wire/enums.ts';
import type {
  Action,
  ActionDetail,
  ActionEvidence,
  ActionIn,
  ActionPage,
  ActionPatchIn,
  ActionsQuery,
  ActionStatus,
  ActionUpdate,
  ActionUpdateKind,
  CommentIn,
  ProgressIn,
  VerifyIn,
} from '../../shared/wire/actions.ts';
import { actionEvidence, actionUpdates, actions } from './schema.ts';

type ActionRow = typeof actions.$inferSelect;

/** An action with what the policy and the views need: its unit, body and province. */
export interface LoadedAction {
  row: ActionRow;
  unitName: string;
  bodyName: string;
  provinceCode: string | null;
}

// ── Reads ───────────────────────────────────────────────────────────────────────────────────

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** Assessors of the unit in any cycle (they see its actions at the next visit). */
async function unitAssessorIds(tx: Queryable, unitId: string): Promise<string[]> {
  const rows = await tx.selectDistinct({ id: cycleUnits.assessorId }).from(cycleUnits).where(eq(cycleUnits.unitId, unitId));
  return rows.map((r) => r.id).filter((id): id is string => !!id);
}

/** The policy target of a unit's actions. */
export async function actionUnitTarget(tx: Queryable, unit: { id: string; bodyId: string; provinceCode: string | null }): Promise<Target> {
  return { provinceCode: unit.provinceCode, bodyId: unit.bodyId, unitId: unit.id, assessorIds: await unitAssessorIds(tx, unit.id) };
}

export const actionTarget = (tx: Queryable, a: LoadedAction): Promise<Target> =>
  actionUnitTarget(tx, { id: a.row.unitId, bodyId: a.row.bodyId, provinceCode: a.provinceCode });

/** A unit with its body's province, or 404. */
export async function getUnitWithBodyOr404(tx: Queryable, unitId: string) {
  const [u] = await tx
    .select({
      id: units.id,
      name: units.name,
      bodyId: units.bodyId,
      bodyName: bodies.name,
      provinceCode: bodies.provinceCode,
      active: units.active,
    })
    .from(units)
    .innerJoin(bodies, eq(bodies.id, units.bodyId))
    .where(eq(units.id, unitId))
    .limit(1);
  if (!u) throw notFound('unit');
  return u;
}

const selection = {
  row: actions,
  unitName: units.name,
  bodyName: bodies.name,
  provinceCode: bodies.provinceCode,
};

export async function loadActionOr404(tx: Queryable, id: string): Promise<LoadedAction> {
  const [r] = await tx
    .select(selection)
    .from(actions)
    .innerJoin(units, eq(units.id, actions.unitId))
    .innerJoin(bodies, eq(bodies.id, actions.bodyId))
    .where(eq(actions.id, id))
    .limit(1);
  if (!r) throw notFound('action');
  return r;
}

function toView(a: LoadedAction, evidenceCount: number, nowMs = Date.now()): Action {
  const r = a.row;
  const { timing, daysLeft } = actionTiming(r.dueDate, r.status as CoreStatus, localToday(a.provinceCode, nowMs));
  return {
    id: r.id,
    bodyId: r.bodyId,
    bodyName: a.bodyName,
    unitId: r.unitId,
    unitName: a.unitName,
    provinceCode: a.provinceCode,
    sourceKind: r.sourceKind as Action['sourceKind'],
    findingId: r.findingId,
    surveyId: r.surveyId,
    unsurCode: r.unsurCode,
    cycleId: r.cycleId,
    indicator: r.indicator,
    title: r.title,
    personInCharge: r.personInCharge,
    dueDate: r.dueDate,
    targetLevel: r.targetLevel,
    notes: r.notes,
    status: r.status as ActionStatus,
    timing,
    daysLeft,
    evidenceCount,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    verifiedBy: r.verifiedBy,
    verifiedAt: iso(r.verifiedAt),
  };
}

async function evidenceCounts(tx: Queryable, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: actionEvidence.actionId, n: count() })
    .from(actionEvidence)
    .where(inArray(actionEvidence.actionId, ids))
    .groupBy(actionEvidence.actionId);
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** The SQL offset (minutes) of a body's zone, from its province (core/actions.ts); constants inlined, so the expression groups. */
const codes = (list: readonly string[]) => sql.raw(list.map((p) => `'${p.replace(/[^0-9]/g, '')}'`).join(', '));
const offsetSql = sql`(case when ${bodies.provinceCode} in (${codes(WIT_PROVINCES)}) then 540 when ${bodies.provinceCode} in (${codes(WITA_PROVINCES)}) then 480 else 420 end)`;
const todaySql = sql`((now() at time zone 'UTC') + make_interval(mins => ${offsetSql}))::date`;
/** Timing in SQL (filters and counts), the same rule as core `actionTiming`. */
const timingSql = sql<string>`(case when ${actions.status} in ('done', 'verified') then 'closed' when ${actions.dueDate} < ${todaySql} then 'overdue' when ${actions.dueDate} <= ${todaySql} + ${sql.raw(String(DUE_SOON_DAYS))} then 'due_soon' else 'on_track' end)`;

/** The caller's scopes for reading actions, as SQL over actions ⋈ bodies. */
function scopeSql(actor: Actor | null, action: PolicyAction): SQL {
  const parts: SQL[] = [];
  for (const scope of scopesFor(actor, action)) {
    switch (scope) {
      case 'all':
        return sql`true`;
      case 'province':
        if (actor?.provinceCode) parts.push(sql`${bodies.provinceCode} = ${actor.provinceCode}`);
        break;
      case 'body':
        if (actor?.bodyId) parts.push(sql`${actions.bodyId} = ${actor.bodyId}`);
        break;
      case 'unit':
        if (actor?.unitId) parts.push(sql`${actions.unitId} = ${actor.unitId}`);
        break;
      case 'assigned':
        if (actor)
          parts.push(
            sql`exists (select 1 from ${cycleUnits} where ${cycleUnits.unitId} = ${actions.unitId} and ${cycleUnits.assessorId} = ${actor.id})`,
          );
        break;
      case 'published':
        break;
    }
  }
  return parts.length === 0 ? sql`false` : sql`(${sql.join(parts, sql` or `)})`;
}

export async function listActions(tx: Queryable, actor: Actor | null, q: ActionsQuery): Promise<ActionPage> {
  const base: SQL[] = [scopeSql(actor, 'action.read')];
  if (q.provinceCode) base.push(eq(bodies.provinceCode, q.provinceCode));
  if (q.bodyId) base.push(eq(actions.bodyId, q.bodyId));
  if (q.unitId) base.push(eq(actions.unitId, q.unitId));
  if (q.sourceKind) base.push(eq(actions.sourceKind, q.sourceKind));
  if (q.findingId) base.push(eq(actions.findingId, q.findingId));
  if (q.surveyId) base.push(eq(actions.surveyId, q.surveyId));
  if (q.cycleId) base.push(eq(actions.cycleId, q.cycleId));
  const filtered = [...base];
  if (q.status) filtered.push(inArray(actions.status, q.status));
  if (q.timing)
    filtered.push(
      sql`${timingSql} in (${sql.join(
        q.timing.map((t) => sql`${t}`),
        sql`, `,
      )})`,
    );
  const where = and(...filtered);

  const [rows, counts] = await Promise.all([
    tx
      .select(selection)
      .from(actions)
      .innerJoin(units, eq(units.id, actions.unitId))
      .innerJoin(bodies, eq(bodies.id, actions.bodyId))
      .where(where)
      .orderBy(asc(bodies.name), asc(units.name), asc(actions.dueDate), asc(actions.createdAt))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    // The counts leave the status and timing filters out, so a board shows every status and
    // timing of its scope while one is chosen; `total` counts the rows the filters keep.
    tx
      .select({ status: actions.status, timing: timingSql, n: count() })
      .from(actions)
      .innerJoin(bodies, eq(bodies.id, actions.bodyId))
      .where(and(...base))
      .groupBy(sql`1`, sql`2`),
  ]);
  const byStatus = Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as Record<ActionStatus, number>;
  const byTiming = Object.fromEntries(ACTION_TIMINGS.map((s) => [s, 0])) as ActionPage['summary']['byTiming'];
  let all = 0;
  let total = 0;
  for (const c of counts) {
    all += c.n;
    byStatus[c.status as ActionStatus] += c.n;
    byTiming[c.timing as keyof typeof byTiming] += c.n;
    const keep =
      (!q.status || q.status.includes(c.status as ActionStatus)) && (!q.timing || q.timing.includes(c.timing as keyof typeof byTiming));
    if (keep) total += c.n;
  }
  const ev = await evidenceCounts(
    tx,
    rows.map((r) => r.row.id),
  );
  const now = Date.now();
  return {
    items: rows.map((r) => toView(r, ev.get(r.row.id) ?? 0, now)),
    total,
    page: q.page,
    pageSize: q.pageSize,
    summary: { total: all, byStatus, byTiming },
  };
}

function evidenceView(e: typeof actionEvidence.$inferSelect, f: { mime: string; size: number }): ActionEvidence {
  return {
    id: e.id,
    actionId: e.actionId,
    updateId: e.updateId,
    sha256: e.sha256,
    filename: e.filename,
    mime: f.mime,
    size: f.size,
    createdBy: e.createdBy,
    createdAt: e.createdAt.toISOString(),
  };
}

export async function actionDetail(tx: Queryable, a: LoadedAction): Promise<ActionDetail> {
  const [ups, ev] = await Promise.all([
    tx
      .select({ u: actionUpdates, name: users.name, role: users.role })
      .from(actionUpdates)
      .leftJoin(users, eq(users.id, actionUpdates.authorId))
      .where(eq(actionUpdates.actionId, a.row.id))
      .orderBy(asc(actionUpdates.createdAt), asc(actionUpdates.id)),
    tx
      .select({ e: actionEvidence, mime: evidenceFiles.mime, size: evidenceFiles.size })
      .from(actionEvidence)
      .innerJoin(evidenceFiles, eq(evidenceFiles.sha256, actionEvidence.sha256))
      .where(eq(actionEvidence.actionId, a.row.id))
      .orderBy(asc(actionEvidence.createdAt), asc(actionEvidence.id)),
  ]);
  const evidence = ev.map((r) => evidenceView(r.e, r));
  const updates: ActionUpdate[] = ups.map(({ u, name, role }) => ({
    id: u.id,
    kind: u.kind as ActionUpdateKind,
    authorId: u.authorId,
    authorName: name,
    authorRole: role,
    note: u.note,
    fromStatus: u.fromStatus as ActionStatus | null,
    toStatus: u.toStatus as ActionStatus | null,
    evidenceIds: evidence.filter((e) => e.updateId === u.id).map((e) => e.id),
    createdAt: u.createdAt.toISOString(),
  }));
  return { ...toView(a, evidence.length), updates, evidence };
}

export async function getActionEvidenceOr404(tx: Queryable, a: LoadedAction, fileId: string): Promise<ActionEvidence> {
  const [r] = await tx
    .select({ e: actionEvidence, mime: evidenceFiles.mime, size: evidenceFiles.size })
    .from(actionEvidence)
    .innerJoin(evidenceFiles, eq(evidenceFiles.sha256, actionEvidence.sha256))
    .where(and(eq(actionEvidence.id, fileId), eq(actionEvidence.actionId, a.row.id)))
    .limit(1);
  if (!r) throw notFound('action_evidence');
  return evidenceView(r.e, r);
}

// ── Writes ──────────────────────────────────────────────────────────────────────────────────

type Unit = Awaited<ReturnType<typeof getUnitWithBodyOr404>>;

function audit(
  tx: Tx,
  actor: AuditActor,
  action: Parameters<typeof appendAudit>[1]['action'],
  a: { id: string; provinceCode: string | null },
  diff: unknown,
) {
  return appendAudit(tx, { actor, action, subjectType: 'action', subjectId: a.id, provinceCode: a.provinceCode, diff });
}

/** Plans an action on a unit; `check` validates the source (a finding of the unit, a survey of the unit). */
export async function createAction(
  tx: Tx,
  actor: Actor,
  unit: Unit,
  input: ActionIn,
  check?: (tx: Tx, unit: Unit, input: ActionIn) => Promise<void>,
): Promise<ActionDetail> {
  if (check) await check(tx, unit, input);
  const [row] = await tx
    .insert(actions)
    .values({
      bodyId: unit.bodyId,
      unitId: unit.id,
      sourceKind: input.sourceKind,
      findingId: input.sourceKind === 'finding' ? (input.findingId ?? null) : null,
      surveyId: input.sourceKind === 'skm' ? (input.surveyId ?? null) : null,
      unsurCode: input.sourceKind === 'skm' ? (input.unsurCode ?? null) : null,
      cycleId: input.cycleId ?? null,
      indicator: input.indicator ?? null,
      title: input.title,
      personInCharge: input.personInCharge,
      dueDate: input.dueDate,
      targetLevel: input.targetLevel ?? null,
      notes: input.notes ?? null,
      status: 'planned',
      createdBy: actor.id,
    })
    .returning();
  await tx
    .insert(actionUpdates)
    .values({ actionId: row!.id, kind: 'plan', authorId: actor.id, note: input.notes ?? null, toStatus: 'planned' });
  await audit(tx, actor, 'action.create', { id: row!.id, provinceCode: unit.provinceCode }, { ...input, unitId: unit.id });
  return actionDetail(tx, { row: row!, unitName: unit.name, bodyName: unit.bodyName, provinceCode: unit.provinceCode });
}

const assertOpen = (a: LoadedAction) => {
  if (a.row.status === 'verified') throw new AppError('action.closed');
};

export async function updateAction(tx: Tx, actor: Actor, a: LoadedAction, patch: ActionPatchIn): Promise<ActionDetail> {
  assertOpen(a);
  let unitName = a.unitName;
  if (patch.unitId !== undefined && patch.unitId !== a.row.unitId) {
    // A finding's or a survey's action belongs to that finding's or survey's unit; only a manual one moves, within its government.
    if (a.row.sourceKind !== 'manual') throw new AppError('action.unit_fixed');
    const [u] = await tx
      .select({ name: units.name, bodyId: units.bodyId, active: units.active })
      .from(units)
      .where(eq(units.id, patch.unitId))
      .limit(1);
    if (!u || u.bodyId !== a.row.bodyId || !u.active) throw new AppError('action.unit_elsewhere');
    unitName = u.name;
  }
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue;
    const old = a.row[k as keyof ActionRow];
    if (old === v) continue;
    before[k] = old;
    after[k] = v;
  }
  if (Object.keys(after).length === 0) return actionDetail(tx, a);
  const [row] = await tx
    .update(actions)
    .set({ ...(after as Partial<ActionRow>), updatedAt: new Date() })
    .where(eq(actions.id, a.row.id))
    .returning();
  await tx.insert(actionUpdates).values({ actionId: a.row.id, kind: 'plan', authorId: actor.id, diff: { before, after } });
  await audit(tx, actor, 'action.update', { id: a.row.id, provinceCode: a.provinceCode }, { before, after });
  return actionDetail(tx, { ...a, row: row!, unitName });
}

export async function reportProgress(tx: Tx, actor: Actor, a: LoadedAction, input: ProgressIn): Promise<ActionDetail> {
  assertOpen(a);
  const from = a.row.status as CoreStatus;
  const to = (input.status ?? from) as CoreStatus;
  if (!mayReport(from, to)) throw new AppError('action.bad_move', { from, to });
  const ids = [...new Set(input.evidenceIds ?? [])];
  if (ids.length > 0) {
    const own = await tx
      .select({ id: actionEvidence.id, updateId: actionEvidence.updateId })
      .from(actionEvidence)
      .where(and(eq(actionEvidence.actionId, a.row.id), inArray(actionEvidence.id, ids)));
    const ok = new Set(own.filter((e) => e.updateId === null).map((e) => e.id));
    const bad = ids.find((id) => !ok.has(id));
    if (bad) throw new AppError('action.evidence_elsewhere', { evidenceId: bad });
  }
  const [u] = await tx
    .insert(actionUpdates)
    .values({ actionId: a.row.id, kind: 'progress', authorId: actor.id, note: input.note, fromStatus: from, toStatus: to })
    .returning({ id: actionUpdates.id });
  if (ids.length > 0) await tx.update(actionEvidence).set({ updateId: u!.id }).where(inArray(actionEvidence.id, ids));
  const [row] = await tx.update(actions).set({ status: to, updatedAt: new Date() }).where(eq(actions.id, a.row.id)).returning();
  await audit(
    tx,
    actor,
    'action.progress',
    { id: a.row.id, provinceCode: a.provinceCode },
    { from, to, note: input.note, evidenceIds: ids },
  );
  return actionDetail(tx, { ...a, row: row! });
}

/** Stores an uploaded file's row (once per content) and links it to the action; audited. */
export async function attachEvidence(
  tx: Tx,
  actor: Actor,
  a: LoadedAction,
  file: { sha256: string; size: number; mime: string },
  filename: string,
): Promise<ActionEvidence> {
  assertOpen(a);
  await tx.insert(evidenceFiles).values(file).onConflictDoNothing();
  const [row] = await tx
    .insert(actionEvidence)
    .values({ actionId: a.row.id, sha256: file.sha256, filename, createdBy: actor.id })
    .returning();
  await audit(
    tx,
    actor,
    'action.evidence',
    { id: a.row.id, provinceCode: a.provinceCode },
    { evidenceId: row!.id, sha256: file.sha256, filename },
  );
  return evidenceView(row!, file);
}

export async function verifyAction(tx: Tx, actor: Actor, a: LoadedAction, input: VerifyIn): Promise<ActionDetail> {
  const from = a.row.status as CoreStatus;
  if (!input.accepted && !input.note) throw new AppError('action.note_required');
  const to = verifiedStatus(from, input.accepted);
  if (!to) throw new AppError('action.not_done', { status: from });
  const now = new Date();
  const [row] = await tx
    .update(actions)
    .set({ status: to, updatedAt: now, verifiedBy: input.accepted ? actor.id : null, verifiedAt: input.accepted ? now : null })
    .where(eq(actions.id, a.row.id))
    .returning();
  await tx
    .insert(actionUpdates)
    .values({ actionId: a.row.id, kind: 'verification', authorId: actor.id, note: input.note ?? null, fromStatus: from, toStatus: to });
  await audit(
    tx,
    actor,
    'action.verify',
    { id: a.row.id, provinceCode: a.provinceCode },
    { from, to, accepted: input.accepted, note: input.note ?? null },
  );
  return actionDetail(tx, { ...a, row: row! });
}

export async function commentAction(tx: Tx, actor: Actor, a: LoadedAction, input: CommentIn): Promise<ActionDetail> {
  await tx.insert(actionUpdates).values({ actionId: a.row.id, kind: 'comment', authorId: actor.id, note: input.note });
  await tx.update(actions).set({ updatedAt: new Date() }).where(eq(actions.id, a.row.id));
  await audit(tx, actor, 'action.comment', { id: a.row.id, provinceCode: a.provinceCode }, { note: input.note });
  return actionDetail(tx, a);
}
