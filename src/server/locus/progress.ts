// Fieldwork progress over a cycle's locus: records per instrument against the scheme's quotas,
// per unit and per body, with stored results; and an assessor's own assignments.
import { and, asc, count, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { Scheme } from '../../core/types.ts';
import type { Actor } from '../auth/policy.ts';
import { users } from '../auth/schema.ts';
import { type Paging, cycleScheme, getCycle, quotasOf } from '../cycles/queries.ts';
import { unitQuotaMap } from '../visits/quotas.ts';
import { cycleBodies, cycleUnits, cycles } from '../cycles/schema.ts';
import { scopeWhere } from '../cycles/scope.ts';
import type { Queryable } from '../db/client.ts';
import { bodyCoveredSql } from '../publications/visibility.ts';
import { unitProvinceSql } from '../read-models/locus.ts';
import { records } from '../records/schema.ts';
import { bodies, units } from '../registry/schema.ts';
import { bodyResults, unitResults } from '../scores/schema.ts';
import type { Cycle } from '../../shared/wire/cycles.ts';
import type { Page } from '../../shared/wire/common.ts';
import type { AssignedBody, Assignment, BodyProgress, Followups, UnitProgress, UnitStatus } from '../../shared/wire/locus.ts';

export interface LocusFilter extends Paging {
  bodyId?: string;
  provinceCode?: string;
  type?: string;
  /** Only units assigned to this assessor. */
  assessorId?: string;
}

/**
 * The locus with progress per unit and per body, paginated by body. Units the caller may not
 * read (record.read) are left out, and so are bodies left without any.
 */
export async function locusProgress(
  tx: Queryable,
  actor: Actor | null,
  cycle: Cycle,
  scheme: Scheme,
  f: LocusFilter,
): Promise<Page<BodyProgress>> {
  // Units of a published body are visible to every reader of the cycle; the others by record.read.
  const unitScope = or(
    bodyCoveredSql(cycleUnits.cycleId, bodies.provinceCode, { released: true }),
    scopeWhere(actor, 'record.read', {
      provinceCode: bodies.provinceCode,
      unitProvinceCode: unitProvinceSql,
      bodyId: cycleUnits.bodyId,
      unitId: cycleUnits.unitId,
      assessorId: cycleUnits.assessorId,
    }),
  );
  const unitWhere = and(
    eq(cycleUnits.cycleId, cycle.id),
    f.bodyId ? eq(cycleUnits.bodyId, f.bodyId) : undefined,
    // Issue 17: a ministry's or agency's unit is in the province where it is located.
    f.provinceCode ? sql`coalesce(${bodies.provinceCode}, ${unitProvinceSql}) = ${f.provinceCode}` : undefined,
    f.type ? eq(bodies.type, f.type) : undefined,
    f.assessorId ? eq(cycleUnits.assessorId, f.assessorId) : undefined,
    unitScope,
  );
  const bodyIdsQuery = tx
    .selectDistinct({ bodyId: cycleUnits.bodyId, code: bodies.code })
    .from(cycleUnits)
    .innerJoin(bodies, eq(bodies.id, cycleUnits.bodyId))
    .innerJoin(units, eq(units.id, cycleUnits.unitId))
    .where(unitWhere);
  const [{ total } = { total: 0 }] = await tx.select({ total: count() }).from(bodyIdsQuery.as('b'));
  const page = await bodyIdsQuery
    .orderBy(asc(bodies.code))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const bodyIds = page.map((b) => b.bodyId);
  if (bodyIds.length === 0) return { items: [], total, page: f.page, pageSize: f.pageSize };

  const rows = await tx
    .select({
      bodyId: bodies.id,
      bodyCode: bodies.code,
      bodyName: bodies.name,
      bodyType: bodies.type,
      provinceCode: bodies.provinceCode,
      bodyStatus: cycleBodies.status,
      followups: cycleBodies.followups,
      unitId: units.id,
      unitName: units.name,
      sector: units.sector,
      status: cycleUnits.status,
      assessorId: cycleUnits.assessorId,
      assessorName: users.name,
      assessorUsername: users.username,
      dueDate: cycleUnits.dueDate,
      score: unitResults.score,
      bandCode: unitResults.bandCode,
      resultComplete: unitResults.complete,
    })
    .from(cycleUnits)
    .innerJoin(units, eq(units.id, cycleUnits.unitId))
    .innerJoin(bodies, eq(bodies.id, cycleUnits.bodyId))
    .innerJoin(cycleBodies, and(eq(cycleBodies.cycleId, cycleUnits.cycleId), eq(cycleBodies.bodyId, cycleUnits.bodyId)))
    .leftJoin(users, eq(users.id, cycleUnits.assessorId))
    .leftJoin(unitResults, and(eq(unitResults.cycleId, cycleUnits.cycleId), eq(unitResults.unitId, cycleUnits.unitId)))
    .where(and(unitWhere, inArray(cycleUnits.bodyId, bodyIds)))
    .orderBy(asc(bodies.code), asc(units.name));
  const unitIds = rows.map((r) => r.unitId);
  const counts = await tx
    .select({ unitId: records.unitId, instrument: records.instrument, n: count() })
    .from(records)
    .where(and(eq(records.cycleId, cycle.id), inArray(records.unitId, unitIds)))
    .groupBy(records.unitId, records.instrument);
  const done = new Map<string, number>();
  for (const c of counts) done.set(`${c.unitId}|${c.instrument}`, c.n);
  const bodyRes = await tx
    .select({ bodyId: bodyResults.bodyId, score: bodyResults.score, bandCode: bodyResults.bandCode, complete: bodyResults.complete })
    .from(bodyResults)
    .where(and(eq(bodyResults.cycleId, cycle.id), inArray(bodyResults.bodyId, bodyIds)));
  const bodyResult = new Map(bodyRes.map((b) => [b.bodyId, { score: b.score, bandCode: b.bandCode, complete: b.complete }]));

  const quotas = quotasOf(scheme);
  const ownQuotas = await unitQuotaMap(tx, cycle.id, unitIds); // issue 13 §5
  const byBody = new Map<string, BodyProgress>();
  for (const r of rows) {
    let b = byBody.get(r.bodyId);
    if (!b) {
      b = {
        bodyId: r.bodyId,
        code: r.bodyCode,
        name: r.bodyName,
        type: r.bodyType,
        provinceCode: r.provinceCode,
        status: r.bodyStatus as 'open' | 'final',
        followups: (r.followups as Followups | null) ?? null,
        units: [],
        done: 0,
        target: 0,
        unitsComplete: 0,
        unitsApproved: 0,
        result: bodyResult.get(r.bodyId) ?? null,
      };
      byBody.set(r.bodyId, b);
    }
    const own = ownQuotas.get(r.unitId);
    const instruments = quotas.map((q0) => {
      const q = own?.[q0.code] ?? q0;
      const n = done.get(`${r.unitId}|${q0.code}`) ?? 0;
      return { code: q0.code, done: n, target: q.target, min: q.min, complete: n >= q.min };
    });
    const u: UnitProgress = {
      unitId: r.unitId,
      name: r.unitName,
      sector: r.sector,
      status: r.status as UnitStatus,
      assessor: r.assessorId ? { id: r.assessorId, name: r.assessorName ?? '', username: r.assessorUsername ?? '' } : null,
      dueDate: r.dueDate,
      instruments,
      done: instruments.reduce((a, i) => a + Math.min(i.done, i.target), 0),
      target: instruments.reduce((a, i) => a + i.target, 0),
      complete: instruments.every((i) => i.complete),
      result: r.score === null ? null : { score: r.score, bandCode: r.bandCode!, complete: r.resultComplete! },
    };
    b.units.push(u);
    b.done += u.done;
    b.target += u.target;
    if (u.complete) b.unitsComplete++;
    if (u.status === 'approved') b.unitsApproved++;
  }
  return { items: bodyIds.map((id) => byBody.get(id)!).filter(Boolean), total, page: f.page, pageSize: f.pageSize };
}

/**
 * The governments where the caller assesses a unit (in any cycle, final ones too), by name, each
 * with those cycles: the asisten's target planner and what-if offer only these (`plan.read`
 * 'assigned' is judged per cycle on the same rows, `bodyAssessorIds`).
 */
export async function myAssignedBodies(tx: Queryable, actor: Actor): Promise<AssignedBody[]> {
  const rows = await tx
    .selectDistinct({ id: bodies.id, name: bodies.name, type: bodies.type, provinceCode: bodies.provinceCode, cycleId: cycleUnits.cycleId })
    .from(cycleUnits)
    .innerJoin(bodies, eq(bodies.id, cycleUnits.bodyId))
    .where(eq(cycleUnits.assessorId, actor.id))
    .orderBy(asc(bodies.name), asc(bodies.id), asc(cycleUnits.cycleId));
  const out = new Map<string, AssignedBody>();
  for (const { cycleId, ...b } of rows) {
    const had = out.get(b.id) ?? { ...b, cycleIds: [] };
    had.cycleIds.push(cycleId);
    out.set(b.id, had);
  }
  return [...out.values()];
}

/** The caller's assigned units in cycles that are not final, nearest due date first. */
export async function myAssignments(tx: Queryable, actor: Actor): Promise<Assignment[]> {
  const rows = await tx
    .select({ cycleId: cycleUnits.cycleId, bodyId: cycleUnits.bodyId })
    .from(cycleUnits)
    .innerJoin(cycles, eq(cycles.id, cycleUnits.cycleId))
    .where(and(eq(cycleUnits.assessorId, actor.id), isNotNull(cycleUnits.assessorId), sql`${cycles.status} <> 'final'`));
  const out: Assignment[] = [];
  const cycleIds = [...new Set(rows.map((r) => r.cycleId))];
  for (const cycleId of cycleIds) {
    const cycle = (await getCycle(tx, cycleId))!;
    const scheme = await cycleScheme(tx, cycle);
    const progress = await locusProgress(tx, actor, cycle, scheme, { page: 1, pageSize: 10_000, assessorId: actor.id });
    for (const b of progress.items) {
      for (const unit of b.units) {
        out.push({
          cycle: { id: cycle.id, name: cycle.name, year: cycle.year, status: cycle.status, schemeId: cycle.schemeId },
          body: { id: b.bodyId, name: b.name, type: b.type, provinceCode: b.provinceCode },
          unit,
        });
      }
    }
  }
  const key = (a: Assignment) => a.unit.dueDate ?? '9999-12-31';
  return out.sort(
    (a, b) => key(a).localeCompare(key(b)) || a.body.name.localeCompare(b.body.name) || a.unit.name.localeCompare(b.unit.name),
  );
}
