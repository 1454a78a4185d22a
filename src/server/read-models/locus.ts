// Read models over a cycle's locus: the joins that several resources read (a unit with its body,
// its cycle-unit row and the publication flags of its body; a body in the locus with its units
// and their stored results; scored units with their body; a body's policy target). Records,
// evidence, scores, clarifications, publications, reports and transfer call these instead of
// writing the join again. Reads only: nothing here writes or audits.
import { type SQLWrapper, and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Target } from '../auth/policy.ts';
import { cycleColumns, toCycle } from '../cycles/queries.ts';
import { cycleBodies, cycleUnits, cycles } from '../cycles/schema.ts';
import type { Queryable } from '../db/client.ts';
import { notFound } from '../errors.ts';
import { bodyCoveredSql, bodyIsPublic } from '../publications/visibility.ts';
import { bodies, units } from '../registry/schema.ts';
import { unitResults } from '../scores/schema.ts';
import type { Cycle } from '../../shared/wire/cycles.ts';
import type { BodyStatus, Followups, UnitStatus } from '../../shared/wire/locus.ts';
import type { BodyRef, UnitPlace } from '../../shared/wire/registry.ts';

// ── A unit in a cycle ───────────────────────────────────────────────────────────────────────

export interface UnitReview {
  /** 'reviewed': a team lead passed the unit on (issue 13 §6). */
  decision: 'approved' | 'returned' | 'reviewed';
  note: string | null;
  /** Indicator code → reviewer comment (returns). */
  comments: Record<string, string>;
  by: string;
  at: string;
}

export interface CycleUnitContext {
  cycle: Cycle;
  /** `provinceCode`: where the unit is (from its kabupaten/kota; null without a location) — issue 17. */
  unit: { id: string; name: string; sector: string; active: boolean; provinceCode: string | null };
  body: { id: string; name: string; type: string; code: string; provinceCode: string | null };
  assessorId: string | null;
  dueDate: string | null;
  status: UnitStatus;
  review: UnitReview | Record<string, never>;
  /** A released current publication covers the body: its results are public. */
  published: boolean;
  /** Any current publication covers the body (embargo included): fieldwork is locked, changes only by erratum. */
  locked: boolean;
  /** Issue 13 §6: the team leads of the unit's Perwakilan in the cycle; null when its team-lead level is off. */
  teamLeadIds: string[] | null;
}

/** The two publication flags of a unit's body, as select columns (cycle id and province columns of the query). */
export const publicationFlags = (cycleId: SQLWrapper, provinceCode: SQLWrapper) => ({
  published: sql<boolean>`${bodyCoveredSql(cycleId, provinceCode, { released: true })}`,
  locked: sql<boolean>`${bodyCoveredSql(cycleId, provinceCode, { released: false })}`,
});

/** Issue 17: the province a unit is located in, from its kabupaten/kota code ("36.04" → "36"); null without one. */
export const unitProvinceSql = sql<string | null>`nullif(split_part(${units.regencyCode}, '.', 1), '')`;

/** Issue 17: the registry's name of a unit's kabupaten/kota (null when not located or unknown). */
export const unitRegencyNameSql = sql<
  string | null
>`(select r.name from bodies r where r.code = ${units.regencyCode} and r.type in ('kabupaten', 'kota') order by r.name limit 1)`;

/** Issue 17: a unit's place (results, snapshots) from its kabupaten/kota code; null when not located. */
export function unitPlaceOf(r: { regencyCode: string | null; regencyName: string | null }): UnitPlace | null {
  const provinceCode = provinceOfRegency(r.regencyCode);
  return r.regencyCode && provinceCode ? { provinceCode, regencyCode: r.regencyCode, regencyName: r.regencyName } : null;
}

/** The province of a kabupaten/kota code ("36.04" → "36"). */
export const provinceOfRegency = (regencyCode: string | null | undefined): string | null =>
  regencyCode ? (regencyCode.split('.')[0] ?? null) : null;

/** The columns of a cycle unit's context (cycle_units ⋈ units ⋈ bodies, with the publication flags). */
const contextColumns = {
  unitId: units.id,
  unitName: units.name,
  sector: units.sector,
  active: units.active,
  unitProvinceCode: unitProvinceSql,
  bodyId: bodies.id,
  bodyName: bodies.name,
  bodyType: bodies.type,
  bodyCode: bodies.code,
  provinceCode: bodies.provinceCode,
  assessorId: cycleUnits.assessorId,
  dueDate: cycleUnits.dueDate,
  status: cycleUnits.status,
  review: cycleUnits.review,
  ...publicationFlags(cycleUnits.cycleId, bodies.provinceCode),
  // issue 13 §6: the team-lead level of the unit's Perwakilan (visits/schema.ts), by name to keep reads below resources.
  teamLeadIds: sql<string[] | null>`(select t.lead_ids from team_lead_levels t where t.cycle_id = ${cycleUnits.cycleId}
    and t.province_code = coalesce(${bodies.provinceCode}, ${unitProvinceSql}))`,
};

type ContextRow = {
  unitId: string;
  unitName: string;
  sector: string;
  active: boolean;
  unitProvinceCode: string | null;
  bodyId: string;
  bodyName: string;
  bodyType: string;
  bodyCode: string;
  provinceCode: string | null;
  assessorId: string | null;
  dueDate: string | null;
  status: string;
  review: unknown;
  published: boolean;
  locked: boolean;
  teamLeadIds: string[] | null;
};

const toContext = (cycle: Cycle, row: ContextRow): CycleUnitContext => ({
  cycle,
  unit: { id: row.unitId, name: row.unitName, sector: row.sector, active: row.active, provinceCode: row.unitProvinceCode ?? null },
  body: { id: row.bodyId, name: row.bodyName, type: row.bodyType, code: row.bodyCode, provinceCode: row.provinceCode },
  assessorId: row.assessorId,
  dueDate: row.dueDate,
  status: row.status as UnitStatus,
  review: row.review as CycleUnitContext['review'],
  published: !!row.published,
  locked: !!row.locked,
  teamLeadIds: row.teamLeadIds ?? null,
});

/** The unit as part of a cycle's locus, with its body; undefined when not in the locus. */
export async function getCycleUnit(tx: Queryable, cycle: Cycle, unitId: string): Promise<CycleUnitContext | undefined> {
  const [row] = await tx
    .select(contextColumns)
    .from(cycleUnits)
    .innerJoin(units, eq(units.id, cycleUnits.unitId))
    .innerJoin(bodies, eq(bodies.id, cycleUnits.bodyId))
    .where(and(eq(cycleUnits.cycleId, cycle.id), eq(cycleUnits.unitId, unitId)))
    .limit(1);
  return row ? toContext(cycle, row) : undefined;
}

export async function getCycleUnitOr404(tx: Queryable, cycle: Cycle, unitId: string): Promise<CycleUnitContext> {
  const cu = await getCycleUnit(tx, cycle, unitId);
  if (!cu) throw notFound('unit');
  return cu;
}

/**
 * Locus entries (with their cycle) for every (cycle, unit) pair among the given ids, in one
 * query: keyed `cycleId|unitId`. Cycles are those met through a locus entry.
 */
export async function getCycleUnits(
  tx: Queryable,
  cycleIds: string[],
  unitIds: string[],
): Promise<{ locus: Map<string, CycleUnitContext>; cycles: Map<string, Cycle | undefined> }> {
  const locus = new Map<string, CycleUnitContext>();
  const found = new Map<string, Cycle | undefined>();
  if (cycleIds.length === 0 || unitIds.length === 0) return { locus, cycles: found };
  const rows = await tx
    .select({ cycle: cycleColumns, ...contextColumns })
    .from(cycleUnits)
    .innerJoin(cycles, eq(cycles.id, cycleUnits.cycleId))
    .innerJoin(units, eq(units.id, cycleUnits.unitId))
    .innerJoin(bodies, eq(bodies.id, cycleUnits.bodyId))
    .where(
      and(sql`${cycleUnits.cycleId} = any(${sql.param(cycleIds)}::uuid[])`, sql`${cycleUnits.unitId} = any(${sql.param(unitIds)}::uuid[])`),
    );
  for (const r of rows) {
    let cycle = found.get(r.cycle.id);
    if (!cycle) found.set(r.cycle.id, (cycle = toCycle(r.cycle)));
    locus.set(`${r.cycle.id}|${r.unitId}`, toContext(cycle, r));
  }
  return { locus, cycles: found };
}

/** Issue 17: the province a cycle unit belongs to — its body's, or for a ministry's or agency's unit, where it is located. */
export const provinceOfCycleUnit = (cu: Pick<CycleUnitContext, 'body' | 'unit'>): string | null =>
  cu.body.provinceCode ?? cu.unit.provinceCode;

/** The policy target of a unit in a cycle. */
export const unitTarget = (cu: CycleUnitContext): Target => ({
  provinceCode: cu.body.provinceCode,
  bodyId: cu.body.id,
  unitId: cu.unit.id,
  assessorIds: cu.assessorId ? [cu.assessorId] : [],
  published: cu.published,
  unitProvinceCodes: cu.unit.provinceCode ? [cu.unit.provinceCode] : [],
  teamLeadIds: cu.teamLeadIds ?? [],
  internalOf: cu.cycle.ownerBodyId,
});

// ── A body in a cycle ───────────────────────────────────────────────────────────────────────

/** A body's locus entry: its status in the cycle and its follow-ups (qualifiers). */
export async function getLocusEntry(tx: Queryable, cycleId: string, bodyId: string) {
  const [row] = await tx
    .select({ status: cycleBodies.status, followups: cycleBodies.followups })
    .from(cycleBodies)
    .where(and(eq(cycleBodies.cycleId, cycleId), eq(cycleBodies.bodyId, bodyId)))
    .limit(1);
  return row ? { status: row.status as BodyStatus, followups: (row.followups as Followups | null) ?? null } : undefined;
}

/** The body as part of the cycle's locus; 404 `body` when it is unknown or not in the locus. */
export async function getLocusBodyOr404(tx: Queryable, cycle: Pick<Cycle, 'id'>, bodyId: string): Promise<BodyRef> {
  const [row] = await tx
    .select({ id: bodies.id, code: bodies.code, name: bodies.name, type: bodies.type, provinceCode: bodies.provinceCode })
    .from(cycleBodies)
    .innerJoin(bodies, eq(bodies.id, cycleBodies.bodyId))
    .where(and(eq(cycleBodies.cycleId, cycle.id), eq(cycleBodies.bodyId, bodyId)))
    .limit(1);
  if (!row) throw notFound('body');
  return row;
}

/** The assessors of a body's units in a cycle (an asisten reads a body they assess a unit of). */
export async function bodyAssessorIds(tx: Queryable, cycleId: string, bodyId: string): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ id: cycleUnits.assessorId })
    .from(cycleUnits)
    .where(and(eq(cycleUnits.cycleId, cycleId), eq(cycleUnits.bodyId, bodyId)));
  return rows.map((r) => r.id).filter((id): id is string => !!id);
}

/** The policy target of a body in a cycle (its assessors, and whether its results are public). */
export async function bodyTarget(
  tx: Queryable,
  cycle: Pick<Cycle, 'id' | 'ownerBodyId'>,
  body: Pick<BodyRef, 'id' | 'provinceCode'>,
): Promise<Target> {
  return {
    internalOf: cycle.ownerBodyId,
    provinceCode: body.provinceCode,
    bodyId: body.id,
    assessorIds: await bodyAssessorIds(tx, cycle.id, body.id),
    published: await bodyIsPublic(tx, cycle.id, body.provinceCode),
  };
}

/** A unit of a body's locus with its stored result (null columns when it has none). */
export interface BodyUnitResultRow {
  id: string;
  name: string;
  sector: string;
  status: string;
  raw: number | null;
  score: number | null;
  bandCode: string | null;
  complete: boolean | null;
  breakdown: unknown;
  /** Issue 17: the unit's kabupaten/kota code and name (null when not located). */
  regencyCode: string | null;
  regencyName: string | null;
}

/** The units of a body in a cycle's locus with their stored results, by name (`scored`: only units with a result). */
export async function bodyUnitResults(
  tx: Queryable,
  cycleId: string,
  bodyId: string,
  opts: { scored?: boolean } = {},
): Promise<BodyUnitResultRow[]> {
  const onResult = and(eq(unitResults.cycleId, cycleUnits.cycleId), eq(unitResults.unitId, cycleUnits.unitId));
  const q = tx
    .select({
      id: units.id,
      name: units.name,
      sector: units.sector,
      status: cycleUnits.status,
      raw: unitResults.raw,
      score: unitResults.score,
      bandCode: unitResults.bandCode,
      complete: unitResults.complete,
      breakdown: unitResults.breakdown,
      regencyCode: units.regencyCode,
      regencyName: unitRegencyNameSql,
    })
    .from(cycleUnits)
    .innerJoin(units, eq(units.id, cycleUnits.unitId));
  return (opts.scored ? q.innerJoin(unitResults, onResult) : q.leftJoin(unitResults, onResult))
    .where(and(eq(cycleUnits.cycleId, cycleId), eq(cycleUnits.bodyId, bodyId)))
    .orderBy(asc(units.name));
}

// ── Scored units ────────────────────────────────────────────────────────────────────────────

export interface ScoredUnitRow {
  id: string;
  name: string;
  sector: string;
  bodyId: string;
  bodyCode: string;
  bodyName: string;
  bodyType: string;
  provinceCode: string | null;
  raw: number;
  score: number;
  bandCode: string;
  complete: boolean;
  /** The stored breakdown, only when asked for (`breakdown: true`); null otherwise. */
  breakdown: unknown;
  /** Issue 17: the province the unit is located in (its kabupaten/kota's); null without a location. */
  unitProvinceCode: string | null;
  /** Issue 17: the unit's kabupaten/kota code and name (null when not located). */
  regencyCode: string | null;
  regencyName: string | null;
  /** Issue 17 §4: the unit's coordinates (null when not entered). */
  latitude: number | null;
  longitude: number | null;
}

/**
 * The units of a cycle that have a stored result, with their body, ordered by body code and
 * unit name. Filters: bodies, a province, a sector.
 */
export async function scoredUnits(
  tx: Queryable,
  cycleId: string,
  f: { bodyIds?: readonly string[]; provinceCode?: string; sector?: string; breakdown?: boolean; located?: boolean } = {},
): Promise<ScoredUnitRow[]> {
  // Issue 17 (`located`): a ministry's or agency's unit counts in the province where it is.
  const province = f.located ? sql`coalesce(${bodies.provinceCode}, ${unitProvinceSql})` : bodies.provinceCode;
  if (f.bodyIds?.length === 0) return [];
  return tx
    .select({
      id: units.id,
      name: units.name,
      sector: units.sector,
      bodyId: bodies.id,
      bodyCode: bodies.code,
      bodyName: bodies.name,
      bodyType: bodies.type,
      provinceCode: bodies.provinceCode,
      raw: unitResults.raw,
      score: unitResults.score,
      bandCode: unitResults.bandCode,
      complete: unitResults.complete,
      breakdown: f.breakdown ? unitResults.breakdown : sql<unknown>`null`,
      unitProvinceCode: unitProvinceSql,
      regencyCode: units.regencyCode,
      regencyName: unitRegencyNameSql,
      latitude: units.latitude,
      longitude: units.longitude,
    })
    .from(unitResults)
    .innerJoin(units, eq(units.id, unitResults.unitId))
    .innerJoin(bodies, eq(bodies.id, unitResults.bodyId))
    .where(
      and(
        eq(unitResults.cycleId, cycleId),
        f.bodyIds ? inArray(unitResults.bodyId, [...f.bodyIds]) : undefined,
        f.provinceCode !== undefined ? sql`${province} = ${f.provinceCode}` : undefined,
        f.sector !== undefined ? eq(units.sector, f.sector) : undefined,
      ),
    )
    .orderBy(asc(bodies.code), asc(units.name), asc(units.id));
}
