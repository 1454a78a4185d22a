// Visit plans, a unit's own quota and the team-lead level (issue 13 §5, §6). Each write checks its
// domain rules, writes and audits itself in the caller's transaction; the policy check is done
// here too, on the plan's target (its Perwakilan and its owner).
import { and, asc, eq, sql } from 'drizzle-orm';
import { adjustQuota, quotaRange, visitState } from '../../core/visit-plan.ts';
import type { Cycle } from '../../shared/wire/cycles.ts';
import { calendarDay, zoneOf } from '../../shared/local-time.ts';
import type { UnitStatus } from '../../shared/wire/locus.ts';
import type {
  LeadQueue,
  Person,
  TeamLevels,
  UnitQuota,
  UnitQuotaIn,
  UnitQuotaList,
  VisitList,
  VisitListQuery,
  VisitPlan,
  VisitPlanIn,
} from '../../shared/wire/visits.ts';
import { appendAudit } from '../audit/queries.ts';
import type { Actor, Target } from '../auth/policy.ts';
import { users } from '../auth/schema.ts';
import { cycleScheme } from '../cycles/queries.ts';
import { cycleUnits } from '../cycles/schema.ts';
import type { Queryable, Tx } from '../db/client.ts';
import { AppError, notFound } from '../errors.ts';
import type { Auth } from '../http/route.ts';
import { type CycleUnitContext, getCycleUnits, provinceOfCycleUnit, unitProvinceSql, unitTarget } from '../read-models/locus.ts';
import { records } from '../records/schema.ts';
import { bodies, units } from '../registry/schema.ts';
import { recomputeUnits } from '../scores/recompute.ts';
import { teamLeadLevels, unitQuotas, visitPlans } from './schema.ts';
export { unitQuotaMap } from './quotas.ts';

type PlanRow = typeof visitPlans.$inferSelect;

/** The policy target of a plan: its Perwakilan; its owner (and, for reads, the team going along). */
export const planTarget = (p: Pick<PlanRow, 'provinceCode' | 'assessorId' | 'teamIds'>, forWrite: boolean): Target => ({
  provinceCode: p.provinceCode,
  assessorIds: forWrite ? [p.assessorId] : [p.assessorId, ...p.teamIds],
});

// ── Reads ───────────────────────────────────────────────────────────────────────────────────

export async function getPlanOr404(tx: Queryable, id: string): Promise<PlanRow> {
  const [row] = await tx.select().from(visitPlans).where(eq(visitPlans.id, id)).limit(1);
  if (!row) throw notFound('visit');
  return row;
}

/**
 * The plans of a cycle the caller may see (the pimpinan its Perwakilan's; an asisten those it owns
 * or goes along on; the admin all), by day, with each planned unit's state and the progress over
 * them. A unit counts as visited when sheets of it were captured on the planned day (in the
 * Perwakilan's zone) or it was handed in (core `visitState`).
 */
export async function listPlans(tx: Queryable, actor: Actor, cycle: Cycle, q: VisitListQuery, now = new Date()): Promise<VisitList> {
  const where = [eq(visitPlans.cycleId, cycle.id)];
  if (actor.role === 'pimpinan') where.push(eq(visitPlans.provinceCode, actor.provinceCode ?? '--'));
  else if (actor.role === 'asisten')
    where.push(sql`(${visitPlans.assessorId} = ${actor.id} or ${actor.id}::uuid = any(${visitPlans.teamIds}))`);
  else if (actor.role !== 'admin') where.push(sql`false`);
  if (q.from) where.push(sql`${visitPlans.date} >= ${q.from}`);
  if (q.to) where.push(sql`${visitPlans.date} <= ${q.to}`);
  if (q.assessorId) where.push(eq(visitPlans.assessorId, q.assessorId));
  const plans = await tx
    .select()
    .from(visitPlans)
    .where(and(...where))
    .orderBy(asc(visitPlans.date), asc(visitPlans.createdAt))
    .limit(1000);
  const items = await describePlans(tx, cycle, plans, now);
  const all = items.flatMap((p) => p.units);
  return {
    items,
    progress: {
      plans: items.length,
      plannedUnits: all.length,
      visited: all.filter((u) => u.state === 'visited').length,
      planned: all.filter((u) => u.state === 'planned').length,
      missed: all.filter((u) => u.state === 'missed').length,
    },
  };
}

async function describePlans(tx: Queryable, cycle: Cycle, plans: PlanRow[], now: Date): Promise<VisitPlan[]> {
  if (plans.length === 0) return [];
  const unitIds = [...new Set(plans.flatMap((p) => p.unitIds))];
  const personIds = [...new Set(plans.flatMap((p) => [p.assessorId, ...p.teamIds]))];
  const people = new Map(
    (
      await tx
        .select({ id: users.id, name: users.name, username: users.username })
        .from(users)
        .where(sql`${users.id} = any(${sql.param(personIds)}::uuid[])`)
    ).map((u) => [u.id, u]),
  );
  const unitRows = await tx
    .select({ unitId: units.id, name: units.name, bodyName: bodies.name, status: cycleUnits.status })
    .from(cycleUnits)
    .innerJoin(units, eq(units.id, cycleUnits.unitId))
    .innerJoin(bodies, eq(bodies.id, cycleUnits.bodyId))
    .where(and(eq(cycleUnits.cycleId, cycle.id), sql`${cycleUnits.unitId} = any(${sql.param(unitIds)}::uuid[])`));
  const unitInfo = new Map(unitRows.map((u) => [u.unitId, u]));
  // Capture days per unit, in each Perwakilan's zone (one query per zone met).
  const days = new Map<string, Set<string>>();
  for (const tz of new Set(plans.map((p) => zoneOf(p.provinceCode).tz))) {
    const ids = [...new Set(plans.filter((p) => zoneOf(p.provinceCode).tz === tz).flatMap((p) => p.unitIds))];
    const rows = await tx
      .selectDistinct({ unitId: records.unitId, day: sql<string>`to_char(${records.capturedAt} at time zone ${tz}, 'YYYY-MM-DD')` })
      .from(records)
      .where(and(eq(records.cycleId, cycle.id), sql`${records.unitId} = any(${sql.param(ids)}::uuid[])`));
    for (const r of rows) {
      const k = `${tz}|${r.unitId}`;
      if (!days.has(k)) days.set(k, new Set());
      days.get(k)!.add(r.day);
    }
  }
  const person = (id: string): Person => {
    const u = people.get(id);
    return { id, name: u?.name ?? '', username: u?.username ?? '' };
  };
  return plans.map((p) => {
    const zone = zoneOf(p.provinceCode);
    const today = calendarDay(now, zone);
    const planned = p.unitIds.map((unitId) => {
      const u = unitInfo.get(unitId);
      const status = (u?.status ?? 'pending') as UnitStatus;
      const state = visitState(p.date, today, { captureDays: [...(days.get(`${zone.tz}|${unitId}`) ?? [])], status });
      return { unitId, name: u?.name ?? '', bodyName: u?.bodyName ?? '', status, state };
    });
    return {
      id: p.id,
      cycleId: p.cycleId,
      date: p.date,
      provinceCode: p.provinceCode,
      assessor: person(p.assessorId),
      team: p.teamIds.map(person),
      units: planned,
      note: p.note,
      visited: planned.filter((u) => u.state === 'visited').length,
    };
  });
}

// ── Writes ──────────────────────────────────────────────────────────────────────────────────

function assertOpen(cycle: Cycle): void {
  if (cycle.status === 'final') throw new AppError('cycle.closed', { status: cycle.status });
}

/**
 * Checks a plan's people and units: the owner and the team are active asisten of one Perwakilan,
 * every unit is in the cycle's locus and belongs to that Perwakilan's province. Returns the owner's
 * province and the units' contexts.
 */
async function checkPlan(
  tx: Queryable,
  auth: Auth,
  cycle: Cycle,
  input: { assessorId?: string; teamIds: string[]; unitIds: string[] },
): Promise<{ assessorId: string; provinceCode: string; teamIds: string[]; unitIds: string[] }> {
  const actor = auth.user();
  const assessorId = input.assessorId ?? (actor.role === 'asisten' ? actor.id : undefined);
  if (!assessorId) throw new AppError('visit.assessor_required', {});
  const teamIds = [...new Set(input.teamIds)].filter((id) => id !== assessorId);
  const people = await tx
    .select({ id: users.id, username: users.username, role: users.role, provinceCode: users.provinceCode, active: users.active })
    .from(users)
    .where(sql`${users.id} = any(${sql.param([assessorId, ...teamIds])}::uuid[])`);
  const owner = people.find((p) => p.id === assessorId);
  if (owner?.role !== 'asisten' || !owner.active || !owner.provinceCode)
    throw new AppError('assessor.invalid', { user: owner?.username ?? assessorId });
  const provinceCode = owner.provinceCode;
  // The policy decides first (the asisten plans only its own; the pimpinan only its Perwakilan's).
  auth.require('visit.plan', { provinceCode, assessorIds: [assessorId] });
  for (const id of teamIds) {
    const p = people.find((x) => x.id === id);
    if (p?.role !== 'asisten' || !p.active || p.provinceCode !== provinceCode)
      throw new AppError('assessor.invalid', { user: p?.username ?? id });
  }
  const unitIds = [...new Set(input.unitIds)];
  const { locus } = await getCycleUnits(tx, [cycle.id], unitIds);
  for (const id of unitIds) {
    const cu = locus.get(`${cycle.id}|${id}`);
    if (!cu || provinceOfCycleUnit(cu) !== provinceCode) throw new AppError('visit.unit_invalid', { unit: cu?.unit.name ?? id });
  }
  return { assessorId, provinceCode, teamIds, unitIds };
}

export async function createPlan(tx: Tx, auth: Auth, cycle: Cycle, input: VisitPlanIn, now = new Date()): Promise<VisitPlan> {
  assertOpen(cycle);
  const c = await checkPlan(tx, auth, cycle, { assessorId: input.assessorId, teamIds: input.teamIds ?? [], unitIds: input.unitIds });
  const actor = auth.user();
  const [row] = await tx
    .insert(visitPlans)
    .values({ cycleId: cycle.id, ...c, date: input.date, note: input.note ?? null, createdBy: actor.id, createdAt: now, updatedAt: now })
    .returning();
  await appendAudit(tx, {
    actor,
    action: 'visit.create',
    subjectType: 'visit_plan',
    subjectId: row!.id,
    provinceCode: c.provinceCode,
    at: now,
    diff: {
      cycleId: cycle.id,
      date: input.date,
      assessorId: c.assessorId,
      teamIds: c.teamIds,
      unitIds: c.unitIds,
      note: input.note ?? null,
    },
  });
  return (await describePlans(tx, cycle, [row!], now))[0]!;
}

export async function updatePlan(
  tx: Tx,
  auth: Auth,
  cycle: Cycle,
  plan: PlanRow,
  input: VisitPlanIn,
  now = new Date(),
): Promise<VisitPlan> {
  auth.require('visit.plan', planTarget(plan, true));
  assertOpen(cycle);
  const c = await checkPlan(tx, auth, cycle, {
    assessorId: input.assessorId ?? plan.assessorId,
    teamIds: input.teamIds ?? [],
    unitIds: input.unitIds,
  });
  const [row] = await tx
    .update(visitPlans)
    .set({ ...c, date: input.date, note: input.note ?? null, updatedAt: now })
    .where(eq(visitPlans.id, plan.id))
    .returning();
  await appendAudit(tx, {
    actor: auth.user(),
    action: 'visit.update',
    subjectType: 'visit_plan',
    subjectId: plan.id,
    provinceCode: c.provinceCode,
    at: now,
    diff: {
      before: { date: plan.date, assessorId: plan.assessorId, teamIds: plan.teamIds, unitIds: plan.unitIds, note: plan.note },
      after: { date: input.date, assessorId: c.assessorId, teamIds: c.teamIds, unitIds: c.unitIds, note: input.note ?? null },
    },
  });
  return (await describePlans(tx, cycle, [row!], now))[0]!;
}

export async function deletePlan(tx: Tx, auth: Auth, plan: PlanRow, now = new Date()): Promise<void> {
  auth.require('visit.plan', planTarget(plan, true));
  await tx.delete(visitPlans).where(eq(visitPlans.id, plan.id));
  await appendAudit(tx, {
    actor: auth.user(),
    action: 'visit.delete',
    subjectType: 'visit_plan',
    subjectId: plan.id,
    provinceCode: plan.provinceCode,
    at: now,
    diff: { before: { cycleId: plan.cycleId, date: plan.date, assessorId: plan.assessorId, unitIds: plan.unitIds } },
  });
}

// ── A unit's own quota ──────────────────────────────────────────────────────────────────────

/** The instruments whose quota may be set per unit (with their range) and the units' own quotas the caller may see. */
export async function listUnitQuotas(tx: Queryable, actor: Actor, cycle: Cycle): Promise<UnitQuotaList> {
  const scheme = await cycleScheme(tx, cycle);
  const instruments = scheme.instruments.flatMap((i) => {
    const r = quotaRange(scheme, i.code);
    return r ? [{ code: i.code, title: i.title, target: r.target, min: r.min, range: r.range }] : [];
  });
  const province = sql<string | null>`coalesce(${bodies.provinceCode}, ${unitProvinceSql})`;
  const rows = await tx
    .select({
      q: unitQuotas,
      unitName: units.name,
      bodyName: bodies.name,
      province,
      setBy: users.username,
    })
    .from(unitQuotas)
    .innerJoin(units, eq(units.id, unitQuotas.unitId))
    .innerJoin(bodies, eq(bodies.id, units.bodyId))
    .leftJoin(users, eq(users.id, unitQuotas.setBy))
    .where(
      and(
        eq(unitQuotas.cycleId, cycle.id),
        actor.role === 'admin' ? undefined : actor.role === 'pimpinan' ? sql`${province} = ${actor.provinceCode ?? '--'}` : sql`false`,
      ),
    )
    .orderBy(asc(bodies.name), asc(units.name), asc(unitQuotas.instrument));
  const items: UnitQuota[] = rows.map((r) => ({
    unitId: r.q.unitId,
    unitName: r.unitName,
    bodyName: r.bodyName,
    instrument: r.q.instrument,
    target: r.q.target,
    min: r.q.min,
    reason: r.q.reason,
    setBy: r.setBy ?? '',
    setAt: r.q.setAt.toISOString(),
  }));
  return { instruments, items };
}

/**
 * The pimpinan sets one unit's target for an instrument within the frozen scheme's range, with a
 * reason (or back to the default with `target: null`); the unit's result is recomputed (its
 * completeness follows the quota). 422 `quota.not_adjustable` / `quota.out_of_range`.
 */
export async function setUnitQuota(
  tx: Tx,
  auth: Auth,
  cu: CycleUnitContext,
  input: UnitQuotaIn,
  now = new Date(),
): Promise<{ instrument: string; target: number; min: number; adjusted: boolean }> {
  auth.require('quota.adjust', unitTarget(cu));
  if (cu.locked) throw new AppError('publication.locked', { subject: cu.body.name });
  if (cu.cycle.status === 'final') throw new AppError('cycle.closed', { status: cu.cycle.status });
  const scheme = await cycleScheme(tx, cu.cycle);
  const range = quotaRange(scheme, input.instrument);
  if (range === null) throw new AppError('quota.not_adjustable', { instrument: input.instrument });
  const key = and(eq(unitQuotas.cycleId, cu.cycle.id), eq(unitQuotas.unitId, cu.unit.id), eq(unitQuotas.instrument, input.instrument));
  const [before] = await tx.select().from(unitQuotas).where(key).limit(1);
  let after: { target: number; min: number };
  if (input.target === null) {
    await tx.delete(unitQuotas).where(key);
    after = { target: range.target, min: range.min };
  } else {
    const adjusted = adjustQuota(scheme, input.instrument, input.target);
    if (!adjusted.ok)
      throw new AppError('quota.out_of_range', {
        instrument: input.instrument,
        target: input.target,
        min: range.range.min,
        max: range.range.max,
      });
    after = adjusted.value;
    const actor = auth.user();
    await tx
      .insert(unitQuotas)
      .values({
        cycleId: cu.cycle.id,
        unitId: cu.unit.id,
        instrument: input.instrument,
        ...after,
        reason: input.reason,
        setBy: actor.id,
        setAt: now,
      })
      .onConflictDoUpdate({
        target: [unitQuotas.cycleId, unitQuotas.unitId, unitQuotas.instrument],
        set: { ...after, reason: input.reason, setBy: actor.id, setAt: now },
      });
  }
  await appendAudit(tx, {
    actor: auth.user(),
    action: 'quota.adjust',
    subjectType: 'cycle_unit',
    subjectId: `${cu.cycle.id}/${cu.unit.id}`,
    provinceCode: provinceOfCycleUnit(cu),
    at: now,
    diff: {
      instrument: input.instrument,
      before: before ? { target: before.target, min: before.min } : { target: range.target, min: range.min, default: true },
      after: input.target === null ? { ...after, default: true } : after,
      reason: input.reason,
    },
  });
  await recomputeUnits(tx, cu.cycle, [cu.unit.id], { now, bodies: new Map([[cu.unit.id, cu.body.id]]) });
  return { instrument: input.instrument, ...after, adjusted: input.target !== null };
}

// ── Team-lead level (§6) ────────────────────────────────────────────────────────────────────

/** The team leads of a Perwakilan in a cycle; null when its team-lead level is off. */
export async function teamLeadsOf(tx: Queryable, cycleId: string, provinceCode: string | null): Promise<string[] | null> {
  if (!provinceCode) return null;
  const [row] = await tx
    .select({ leadIds: teamLeadLevels.leadIds })
    .from(teamLeadLevels)
    .where(and(eq(teamLeadLevels.cycleId, cycleId), eq(teamLeadLevels.provinceCode, provinceCode)))
    .limit(1);
  return row ? row.leadIds : null;
}

/**
 * Units of a cycle waiting for a team lead: handed in, in a Perwakilan whose team-lead level is on
 * — for a team lead the Perwakilans it leads, for the pimpinan its own, for the admin all.
 */
export async function leadQueue(tx: Queryable, actor: Actor, cycle: Cycle): Promise<LeadQueue> {
  const province = sql<string>`coalesce(${bodies.provinceCode}, ${unitProvinceSql})`;
  const who =
    actor.role === 'admin'
      ? undefined
      : actor.role === 'pimpinan'
        ? eq(teamLeadLevels.provinceCode, actor.provinceCode ?? '--')
        : actor.role === 'asisten'
          ? sql`${actor.id}::uuid = any(${teamLeadLevels.leadIds})`
          : sql`false`;
  const rows = await tx
    .select({
      unitId: units.id,
      name: units.name,
      bodyName: bodies.name,
      provinceCode: province,
      status: cycleUnits.status,
      assessorId: cycleUnits.assessorId,
      assessorName: users.name,
      assessorUsername: users.username,
      since: cycleUnits.updatedAt,
    })
    .from(cycleUnits)
    .innerJoin(units, eq(units.id, cycleUnits.unitId))
    .innerJoin(bodies, eq(bodies.id, cycleUnits.bodyId))
    .innerJoin(teamLeadLevels, and(eq(teamLeadLevels.cycleId, cycleUnits.cycleId), eq(teamLeadLevels.provinceCode, province)))
    .leftJoin(users, eq(users.id, cycleUnits.assessorId))
    .where(and(eq(cycleUnits.cycleId, cycle.id), eq(cycleUnits.status, 'submitted'), who))
    .orderBy(asc(cycleUnits.updatedAt), asc(units.name))
    .limit(500);
  return {
    items: rows.map((r) => ({
      unitId: r.unitId,
      name: r.name,
      bodyName: r.bodyName,
      provinceCode: r.provinceCode,
      status: r.status as UnitStatus,
      assessor: r.assessorId ? { id: r.assessorId, name: r.assessorName ?? '', username: r.assessorUsername ?? '' } : null,
      since: r.since.toISOString(),
    })),
  };
}

/** The Perwakilan levels of a cycle the caller may see (pimpinan and asisten: their own province). */
export async function listTeamLevels(tx: Queryable, actor: Actor, cycle: Cycle): Promise<TeamLevels> {
  const rows = await tx
    .select({ l: teamLeadLevels, setBy: users.username })
    .from(teamLeadLevels)
    .leftJoin(users, eq(users.id, teamLeadLevels.setBy))
    .where(
      and(
        eq(teamLeadLevels.cycleId, cycle.id),
        actor.role === 'admin' ? undefined : eq(teamLeadLevels.provinceCode, actor.provinceCode ?? '--'),
      ),
    )
    .orderBy(asc(teamLeadLevels.provinceCode));
  const ids = [...new Set(rows.flatMap((r) => r.l.leadIds))];
  const people =
    ids.length === 0
      ? new Map<string, Person>()
      : new Map(
          (
            await tx
              .select({ id: users.id, name: users.name, username: users.username })
              .from(users)
              .where(sql`${users.id} = any(${sql.param(ids)}::uuid[])`)
          ).map((u) => [u.id, u]),
        );
  return {
    items: rows.map((r) => ({
      provinceCode: r.l.provinceCode,
      leads: r.l.leadIds.map((id) => people.get(id) ?? { id, name: '', username: '' }),
      setBy: r.setBy ?? '',
      setAt: r.l.setAt.toISOString(),
    })),
  };
}

/**
 * The pimpinan switches its Perwakilan's team-lead level in a cycle on (naming its leads: active
 * asisten of the province) or off. Switching it off while units wait for a lead is allowed: they
 * go to the pimpinan as handed in. Switching it on applies to units handed in from then on and to
 * those waiting (handed in, not yet reviewed).
 */
export async function setTeamLeads(
  tx: Tx,
  auth: Auth,
  cycle: Cycle,
  input: { provinceCode: string; enabled: boolean; leadIds: string[] },
  now = new Date(),
): Promise<TeamLevels> {
  auth.require('locus.manage', { provinceCode: input.provinceCode });
  assertOpen(cycle);
  const actor = auth.user();
  const leadIds = [...new Set(input.leadIds)];
  if (input.enabled) {
    if (leadIds.length === 0) throw new AppError('team_lead.required', {});
    const people = await tx
      .select({ id: users.id, username: users.username, role: users.role, provinceCode: users.provinceCode, active: users.active })
      .from(users)
      .where(sql`${users.id} = any(${sql.param(leadIds)}::uuid[])`);
    for (const id of leadIds) {
      const p = people.find((x) => x.id === id);
      if (p?.role !== 'asisten' || !p.active || p.provinceCode !== input.provinceCode)
        throw new AppError('assessor.invalid', { user: p?.username ?? id });
    }
  }
  const before = await teamLeadsOf(tx, cycle.id, input.provinceCode);
  const key = and(eq(teamLeadLevels.cycleId, cycle.id), eq(teamLeadLevels.provinceCode, input.provinceCode));
  if (input.enabled) {
    await tx
      .insert(teamLeadLevels)
      .values({ cycleId: cycle.id, provinceCode: input.provinceCode, leadIds, setBy: actor.id, setAt: now })
      .onConflictDoUpdate({ target: [teamLeadLevels.cycleId, teamLeadLevels.provinceCode], set: { leadIds, setBy: actor.id, setAt: now } });
  } else {
    await tx.delete(teamLeadLevels).where(key);
    // Units the leads had passed on wait for the pimpinan as before; nothing is left half-way.
  }
  await appendAudit(tx, {
    actor,
    action: 'team_lead.set',
    subjectType: 'cycle',
    subjectId: cycle.id,
    provinceCode: input.provinceCode,
    at: now,
    diff: {
      before: before === null ? { enabled: false } : { enabled: true, leadIds: before },
      after: { enabled: input.enabled, leadIds: input.enabled ? leadIds : [] },
    },
  });
  return listTeamLevels(tx, actor, cycle);
}
