// Assessment cycles: creation with the scheme frozen on the cycle (canonical JSON + sha256), the
// status workflow, the locus (bodies and units), assessor assignments, Ombudsman follow-ups for
// qualifiers, and fieldwork progress against the scheme's instrument quotas.
//
// Every later computation reads the cycle's frozen scheme (`cycleScheme`), never the library.
import { createHash } from 'node:crypto';
import { type SQLWrapper, and, asc, count, desc, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import { canonicalJson } from '../../core/canonical-json.ts';
import type { Instrument, Scheme, Text } from '../../core/types.ts';
import { getScheme } from '../../../methodologies/index.ts';
import type { Actor, Target } from '../auth/policy.ts';
import { users } from '../auth/schema.ts';
import { type AuditActor, appendAudit } from '../audit/queries.ts';
import type { Queryable, Tx } from '../db/client.ts';
import { AppError, notFound } from '../errors.ts';
import { records } from '../records/schema.ts';
import { bodies, units } from '../registry/schema.ts';
import { bodyResults, unitResults } from '../scores/schema.ts';
import { bodyCoveredSql, covers, cyclePublicSql, cycleScopes } from '../publications/visibility.ts';
import { cycleBodies, cycleUnits, cycles } from './schema.ts';
import { scopeWhere } from './scope.ts';

export const cycleStatuses = ['planning', 'fieldwork', 'review', 'final'] as const;
export type CycleStatus = (typeof cycleStatuses)[number];
export const unitStatuses = ['pending', 'submitted', 'approved', 'returned'] as const;
export type UnitStatus = (typeof unitStatuses)[number];

/** The only transitions: one step forward. */
const nextStatus: Record<CycleStatus, CycleStatus | null> = { planning: 'fieldwork', fieldwork: 'review', review: 'final', final: null };

export interface Paging {
  page: number;
  pageSize: number;
}
export interface PageOf<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

// ── Cycles ──────────────────────────────────────────────────────────────────────────────────

/** A cycle without its (large) frozen scheme. */
export interface Cycle {
  id: string;
  name: string;
  year: number;
  schemeId: string;
  family: string;
  schemeHash: string;
  status: CycleStatus;
  provinceCode: string | null;
  source: 'computed' | 'imported';
  createdAt: string;
  updatedAt: string;
}

export const cycleColumns = {
  id: cycles.id,
  name: cycles.name,
  year: cycles.year,
  schemeId: cycles.schemeId,
  family: cycles.family,
  schemeHash: cycles.schemeHash,
  status: cycles.status,
  provinceCode: cycles.provinceCode,
  source: cycles.source,
  createdAt: cycles.createdAt,
  updatedAt: cycles.updatedAt,
};

type CycleSelect = Omit<typeof cycles.$inferSelect, 'scheme' | 'createdBy'>;

export const toCycle = (r: CycleSelect): Cycle => ({
  ...r,
  status: r.status as CycleStatus,
  source: r.source as Cycle['source'],
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

export const schemeHashOf = (scheme: Scheme): string => createHash('sha256').update(canonicalJson(scheme)).digest('hex');

export async function getCycle(tx: Queryable, id: string): Promise<Cycle | undefined> {
  const [row] = await tx.select(cycleColumns).from(cycles).where(eq(cycles.id, id)).limit(1);
  return row ? toCycle(row) : undefined;
}

export async function getCycleOr404(tx: Queryable, id: string): Promise<Cycle> {
  const cycle = await getCycle(tx, id);
  if (!cycle) throw notFound('cycle');
  return cycle;
}

// Public visibility is decided by publications (publications/visibility.ts): a body's results
// are public once a released current publication covers it, not when the cycle is final.

// Frozen schemes are immutable and addressed by content hash, so they are cached per process
// (the engine caches its compiled form per scheme object, which this keeps alive too).
const schemeCache = new Map<string, Scheme>();

/** The scheme frozen on the cycle. */
export async function cycleScheme(tx: Queryable, cycle: Pick<Cycle, 'id' | 'schemeHash'>): Promise<Scheme> {
  const hit = schemeCache.get(cycle.schemeHash);
  if (hit) return hit;
  const [row] = await tx.select({ scheme: cycles.scheme }).from(cycles).where(eq(cycles.id, cycle.id)).limit(1);
  if (!row) throw notFound('cycle');
  const scheme = row.scheme as Scheme;
  if (schemeCache.size >= 64) schemeCache.delete(schemeCache.keys().next().value!);
  schemeCache.set(cycle.schemeHash, scheme);
  return scheme;
}

export interface NewCycle {
  name: string;
  year: number;
  schemeId: string;
  provinceCode?: string | null;
  /** 'imported' for the published scores of a past cycle (seed, Excel import). */
  source?: 'computed' | 'imported';
  status?: CycleStatus;
}

/** Creates a cycle with the library scheme frozen on it. */
export async function createCycle(tx: Tx, actor: AuditActor, input: NewCycle): Promise<Cycle> {
  const scheme = getScheme(input.schemeId);
  if (!scheme) throw new AppError('scheme.unknown', { scheme: input.schemeId });
  const frozen = canonicalJson(scheme);
  const schemeHash = createHash('sha256').update(frozen).digest('hex');
  const values = {
    name: input.name.trim(),
    year: input.year,
    schemeId: scheme.id,
    family: scheme.family,
    schemeHash,
    scheme: JSON.parse(frozen) as unknown,
    status: input.status ?? 'planning',
    provinceCode: input.provinceCode ?? null,
    source: input.source ?? 'computed',
    createdBy: actor?.id ?? null,
  };
  const [row] = await tx.insert(cycles).values(values).returning(cycleColumns);
  const cycle = toCycle(row!);
  await appendAudit(tx, {
    actor,
    action: 'cycle.create',
    subjectType: 'cycle',
    subjectId: cycle.id,
    provinceCode: cycle.provinceCode,
    diff: {
      name: cycle.name,
      year: cycle.year,
      schemeId: cycle.schemeId,
      schemeHash,
      status: cycle.status,
      provinceCode: cycle.provinceCode,
      source: cycle.source,
    },
  });
  return cycle;
}

export interface CycleFilter extends Paging {
  year?: number;
  status?: CycleStatus;
  schemeId?: string;
  family?: string;
  provinceCode?: string;
  /** Only cycles with (true) / without (false) a released current publication. */
  published?: boolean;
}

export interface CycleSummary extends Cycle {
  schemeTitle: Text;
  bodies: number;
  units: number;
  /** At least one released current publication: the public may open the cycle. */
  published: boolean;
}

/** Lists cycles; a caller who may only read published data sees cycles with a released publication only. */
export async function listCycles(tx: Queryable, actor: Actor | null, f: CycleFilter): Promise<PageOf<CycleSummary>> {
  const where = and(
    f.year !== undefined ? eq(cycles.year, f.year) : undefined,
    f.status ? eq(cycles.status, f.status) : undefined,
    f.schemeId ? eq(cycles.schemeId, f.schemeId) : undefined,
    f.family ? eq(cycles.family, f.family) : undefined,
    f.provinceCode ? eq(cycles.provinceCode, f.provinceCode) : undefined,
    f.published === undefined ? undefined : f.published ? cyclePublicSql(cycles.id) : sql`not ${cyclePublicSql(cycles.id)}`,
    scopeWhere(actor, 'cycle.read', { published: cyclePublicSql(cycles.id) }),
  );
  const [{ total } = { total: 0 }] = await tx.select({ total: count() }).from(cycles).where(where);
  const rows = await tx
    .select({
      ...cycleColumns,
      schemeTitle: sql<Text>`${cycles.scheme} -> 'title'`,
      bodies: sql<number>`(select count(*)::int from ${cycleBodies} cb where cb.cycle_id = ${cycles.id})`,
      units: sql<number>`(select count(*)::int from ${cycleUnits} cu where cu.cycle_id = ${cycles.id})`,
      published: sql<boolean>`${cyclePublicSql(cycles.id)}`,
    })
    .from(cycles)
    .where(where)
    .orderBy(desc(cycles.year), asc(cycles.name))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return {
    items: rows.map(({ schemeTitle, bodies: b, units: u, published, ...r }) => ({
      ...toCycle(r),
      schemeTitle,
      bodies: b,
      units: u,
      published,
    })),
    total,
    page: f.page,
    pageSize: f.pageSize,
  };
}

export async function cycleSummary(tx: Queryable, cycle: Cycle): Promise<CycleSummary> {
  const [row] = await tx
    .select({
      schemeTitle: sql<Text>`${cycles.scheme} -> 'title'`,
      bodies: sql<number>`(select count(*)::int from ${cycleBodies} cb where cb.cycle_id = ${cycles.id})`,
      units: sql<number>`(select count(*)::int from ${cycleUnits} cu where cu.cycle_id = ${cycles.id})`,
      published: sql<boolean>`${cyclePublicSql(cycles.id)}`,
    })
    .from(cycles)
    .where(eq(cycles.id, cycle.id));
  return { ...cycle, schemeTitle: row!.schemeTitle, bodies: row!.bodies, units: row!.units, published: row!.published };
}

/** Moves a cycle one step forward; anything else is 409 `cycle.invalid_transition`. */
export async function transitionCycle(tx: Tx, actor: AuditActor, cycle: Cycle, to: CycleStatus): Promise<Cycle> {
  if (cycle.source === 'imported' || nextStatus[cycle.status] !== to) {
    throw new AppError('cycle.invalid_transition', { from: cycle.status, to });
  }
  if (to === 'fieldwork') {
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(cycleUnits).where(eq(cycleUnits.cycleId, cycle.id));
    if (n === 0) throw new AppError('cycle.locus_empty');
  }
  if (to === 'final') {
    const [{ n } = { n: 0 }] = await tx
      .select({ n: count() })
      .from(cycleBodies)
      .where(and(eq(cycleBodies.cycleId, cycle.id), sql`${cycleBodies.status} <> 'final'`));
    if (n > 0) throw new AppError('cycle.bodies_open', { open: n });
  }
  const [row] = await tx.update(cycles).set({ status: to, updatedAt: new Date() }).where(eq(cycles.id, cycle.id)).returning(cycleColumns);
  await appendAudit(tx, {
    actor,
    action: 'cycle.transition',
    subjectType: 'cycle',
    subjectId: cycle.id,
    provinceCode: cycle.provinceCode,
    diff: { before: { status: cycle.status }, after: { status: to } },
  });
  return toCycle(row!);
}

// ── Units in a cycle ────────────────────────────────────────────────────────────────────────

export interface CycleUnitContext {
  cycle: Cycle;
  unit: { id: string; name: string; sector: string; active: boolean };
  body: { id: string; name: string; type: string; code: string; provinceCode: string | null };
  assessorId: string | null;
  dueDate: string | null;
  status: UnitStatus;
  review: UnitReview | Record<string, never>;
  /** A released current publication covers the body: its results are public. */
  published: boolean;
  /** Any current publication covers the body (embargo included): fieldwork is locked, changes only by erratum. */
  locked: boolean;
}

/** The two publication flags of a unit's body, as select columns (cycle id and province columns of the query). */
export const publicationFlags = (cycleId: SQLWrapper, provinceCode: SQLWrapper) => ({
  published: sql<boolean>`${bodyCoveredSql(cycleId, provinceCode, { released: true })}`,
  locked: sql<boolean>`${bodyCoveredSql(cycleId, provinceCode, { released: false })}`,
});

export interface UnitReview {
  decision: 'approved' | 'returned';
  note: string | null;
  /** Indicator code → reviewer comment (returns). */
  comments: Record<string, string>;
  by: string;
  at: string;
}

/** The unit as part of a cycle's locus, with its body; undefined when not in the locus. */
export async function getCycleUnit(tx: Queryable, cycle: Cycle, unitId: string): Promise<CycleUnitContext | undefined> {
  const [row] = await tx
    .select({
      unitId: units.id,
      unitName: units.name,
      sector: units.sector,
      active: units.active,
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
    })
    .from(cycleUnits)
    .innerJoin(units, eq(units.id, cycleUnits.unitId))
    .innerJoin(bodies, eq(bodies.id, cycleUnits.bodyId))
    .where(and(eq(cycleUnits.cycleId, cycle.id), eq(cycleUnits.unitId, unitId)))
    .limit(1);
  if (!row) return undefined;
  return {
    cycle,
    unit: { id: row.unitId, name: row.unitName, sector: row.sector, active: row.active },
    body: { id: row.bodyId, name: row.bodyName, type: row.bodyType, code: row.bodyCode, provinceCode: row.provinceCode },
    assessorId: row.assessorId,
    dueDate: row.dueDate,
    status: row.status as UnitStatus,
    review: row.review as CycleUnitContext['review'],
    published: !!row.published,
    locked: !!row.locked,
  };
}

export async function getCycleUnitOr404(tx: Queryable, cycle: Cycle, unitId: string): Promise<CycleUnitContext> {
  const cu = await getCycleUnit(tx, cycle, unitId);
  if (!cu) throw notFound('unit');
  return cu;
}

/** The policy target of a unit in a cycle. */
export const unitTarget = (cu: CycleUnitContext): Target => ({
  provinceCode: cu.body.provinceCode,
  bodyId: cu.body.id,
  unitId: cu.unit.id,
  assessorIds: cu.assessorId ? [cu.assessorId] : [],
  published: cu.published,
});

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

// ── Locus ───────────────────────────────────────────────────────────────────────────────────

function assertLocusOpen(cycle: Cycle): void {
  if (cycle.source === 'imported' || (cycle.status !== 'planning' && cycle.status !== 'fieldwork')) {
    throw new AppError('cycle.closed', { status: cycle.status });
  }
}

export interface LocusBody {
  id: string;
  code: string;
  name: string;
  type: string;
  provinceCode: string | null;
  active: boolean;
}

export async function getBodyRow(tx: Queryable, bodyId: string): Promise<LocusBody | undefined> {
  const [row] = await tx
    .select({
      id: bodies.id,
      code: bodies.code,
      name: bodies.name,
      type: bodies.type,
      provinceCode: bodies.provinceCode,
      active: bodies.active,
    })
    .from(bodies)
    .where(eq(bodies.id, bodyId))
    .limit(1);
  return row;
}

/**
 * Adds a body and its units to the locus (all its active units when `unitIds` is absent).
 * Adding what is already there changes nothing. A province cycle takes only bodies of its province.
 */
export async function addLocusBody(
  tx: Tx,
  actor: AuditActor,
  cycle: Cycle,
  body: LocusBody,
  unitIds?: string[],
): Promise<{ added: string[] }> {
  assertLocusOpen(cycle);
  if (!body.active) throw new AppError('registry.inactive', { field: 'bodyId', value: body.code });
  if (cycle.provinceCode && body.provinceCode !== cycle.provinceCode) {
    throw new AppError('locus.outside_province', { subject: body.name });
  }
  const bodyUnits = await tx.select({ id: units.id, active: units.active }).from(units).where(eq(units.bodyId, body.id));
  const known = new Map(bodyUnits.map((u) => [u.id, u.active]));
  const wanted = unitIds ?? bodyUnits.filter((u) => u.active).map((u) => u.id);
  for (const id of wanted) {
    if (!known.get(id)) throw new AppError('locus.unit_invalid', { subject: id });
  }
  await tx.insert(cycleBodies).values({ cycleId: cycle.id, bodyId: body.id }).onConflictDoNothing();
  const added =
    wanted.length === 0
      ? []
      : (
          await tx
            .insert(cycleUnits)
            .values(wanted.map((unitId) => ({ cycleId: cycle.id, unitId, bodyId: body.id })))
            .onConflictDoNothing()
            .returning({ unitId: cycleUnits.unitId })
        ).map((r) => r.unitId);
  if (added.length > 0) await reopenBody(tx, cycle.id, body.id);
  await appendAudit(tx, {
    actor,
    action: 'locus.add',
    subjectType: 'cycle',
    subjectId: cycle.id,
    provinceCode: body.provinceCode,
    diff: { bodyId: body.id, units: added },
  });
  return { added };
}

/** A body with any unit added after it became final is open again. */
async function reopenBody(tx: Tx, cycleId: string, bodyId: string): Promise<void> {
  await tx
    .update(cycleBodies)
    .set({ status: 'open' })
    .where(and(eq(cycleBodies.cycleId, cycleId), eq(cycleBodies.bodyId, bodyId)));
}

async function unitsWithRecords(tx: Queryable, cycleId: string, unitIds: string[]): Promise<number> {
  if (unitIds.length === 0) return 0;
  const [{ n } = { n: 0 }] = await tx
    .select({ n: count() })
    .from(records)
    .where(and(eq(records.cycleId, cycleId), inArray(records.unitId, unitIds)));
  return n;
}

/** Removes a body and its units from the locus; refused (409) once any of them has records. */
export async function removeLocusBody(tx: Tx, actor: AuditActor, cycle: Cycle, body: LocusBody): Promise<void> {
  assertLocusOpen(cycle);
  const inLocus = await tx
    .select({ unitId: cycleUnits.unitId })
    .from(cycleUnits)
    .where(and(eq(cycleUnits.cycleId, cycle.id), eq(cycleUnits.bodyId, body.id)));
  const [present] = await tx
    .select({ bodyId: cycleBodies.bodyId })
    .from(cycleBodies)
    .where(and(eq(cycleBodies.cycleId, cycle.id), eq(cycleBodies.bodyId, body.id)));
  if (!present) throw notFound('body');
  const unitIds = inLocus.map((u) => u.unitId);
  const n = await unitsWithRecords(tx, cycle.id, unitIds);
  if (n > 0) throw new AppError('locus.has_records', { subject: body.name, records: n });
  await tx.delete(unitResults).where(and(eq(unitResults.cycleId, cycle.id), eq(unitResults.bodyId, body.id)));
  await tx.delete(bodyResults).where(and(eq(bodyResults.cycleId, cycle.id), eq(bodyResults.bodyId, body.id)));
  await tx.delete(cycleUnits).where(and(eq(cycleUnits.cycleId, cycle.id), eq(cycleUnits.bodyId, body.id)));
  await tx.delete(cycleBodies).where(and(eq(cycleBodies.cycleId, cycle.id), eq(cycleBodies.bodyId, body.id)));
  await appendAudit(tx, {
    actor,
    action: 'locus.remove',
    subjectType: 'cycle',
    subjectId: cycle.id,
    provinceCode: body.provinceCode,
    diff: { bodyId: body.id, units: unitIds },
  });
}

/** Removes one unit from the locus (its body stays); refused (409) once it has records. */
export async function removeLocusUnit(tx: Tx, actor: AuditActor, cu: CycleUnitContext): Promise<void> {
  assertLocusOpen(cu.cycle);
  const n = await unitsWithRecords(tx, cu.cycle.id, [cu.unit.id]);
  if (n > 0) throw new AppError('locus.has_records', { subject: cu.unit.name, records: n });
  await tx.delete(unitResults).where(and(eq(unitResults.cycleId, cu.cycle.id), eq(unitResults.unitId, cu.unit.id)));
  await tx.delete(cycleUnits).where(and(eq(cycleUnits.cycleId, cu.cycle.id), eq(cycleUnits.unitId, cu.unit.id)));
  await appendAudit(tx, {
    actor,
    action: 'locus.remove',
    subjectType: 'cycle',
    subjectId: cu.cycle.id,
    provinceCode: cu.body.provinceCode,
    diff: { bodyId: cu.body.id, units: [cu.unit.id] },
  });
}

export interface Assignment {
  assessorId: string | null;
  /** YYYY-MM-DD */
  dueDate: string | null;
}

/**
 * Assigns (or clears) the assessor of a unit and its due date. The assessor must be an active
 * asisten of the unit's province (or of pusat, province null).
 */
export async function setAssignment(tx: Tx, actor: AuditActor, cu: CycleUnitContext, next: Partial<Assignment>): Promise<Assignment> {
  if (cu.cycle.status === 'final' || cu.cycle.source === 'imported') throw new AppError('cycle.closed', { status: cu.cycle.status });
  if (next.assessorId) {
    const [u] = await tx
      .select({ role: users.role, provinceCode: users.provinceCode, active: users.active, username: users.username })
      .from(users)
      .where(eq(users.id, next.assessorId))
      .limit(1);
    const fits = !!u && u.active && u.role === 'asisten' && (u.provinceCode === null || u.provinceCode === cu.body.provinceCode);
    if (!fits) throw new AppError('assessor.invalid', { user: u?.username ?? next.assessorId });
  }
  const before: Assignment = { assessorId: cu.assessorId, dueDate: cu.dueDate };
  const after: Assignment = {
    assessorId: next.assessorId === undefined ? before.assessorId : next.assessorId,
    dueDate: next.dueDate === undefined ? before.dueDate : next.dueDate,
  };
  await tx
    .update(cycleUnits)
    .set({ ...after, updatedAt: new Date() })
    .where(and(eq(cycleUnits.cycleId, cu.cycle.id), eq(cycleUnits.unitId, cu.unit.id)));
  await appendAudit(tx, {
    actor,
    action: 'assignment.set',
    subjectType: 'cycle_unit',
    subjectId: `${cu.cycle.id}/${cu.unit.id}`,
    provinceCode: cu.body.provinceCode,
    diff: { before, after },
  });
  return after;
}

export interface Followups {
  products: { kind: string; followedUp: boolean }[];
}

export async function getLocusEntry(tx: Queryable, cycleId: string, bodyId: string) {
  const [row] = await tx
    .select({ status: cycleBodies.status, followups: cycleBodies.followups })
    .from(cycleBodies)
    .where(and(eq(cycleBodies.cycleId, cycleId), eq(cycleBodies.bodyId, bodyId)))
    .limit(1);
  return row ? { status: row.status as 'open' | 'final', followups: (row.followups as Followups | null) ?? null } : undefined;
}

/** Records the Ombudsman products due for a body and whether each was followed up (qualifiers). */
export async function setFollowups(tx: Tx, actor: AuditActor, cycle: Cycle, body: LocusBody, followups: Followups): Promise<void> {
  if (cycle.status === 'final' || cycle.source === 'imported') throw new AppError('cycle.closed', { status: cycle.status });
  const entry = await getLocusEntry(tx, cycle.id, body.id);
  if (!entry) throw notFound('body');
  if (covers((await cycleScopes(tx, cycle.id)).covered, body.provinceCode))
    throw new AppError('publication.locked', { subject: body.name });
  await tx
    .update(cycleBodies)
    .set({ followups })
    .where(and(eq(cycleBodies.cycleId, cycle.id), eq(cycleBodies.bodyId, body.id)));
  await appendAudit(tx, {
    actor,
    action: 'followups.set',
    subjectType: 'cycle_body',
    subjectId: `${cycle.id}/${body.id}`,
    provinceCode: body.provinceCode,
    diff: { before: entry.followups, after: followups },
  });
}

// ── Locus and progress listings ─────────────────────────────────────────────────────────────

export interface InstrumentQuota {
  code: string;
  title: Text;
  respondent: Text;
  kind: Instrument['kind'];
  role: Instrument['role'];
  target: number;
  min: number;
}

export const quotasOf = (scheme: Scheme): InstrumentQuota[] =>
  scheme.instruments.map((i) => ({
    code: i.code,
    title: i.title,
    respondent: i.respondent,
    kind: i.kind,
    role: i.role,
    target: i.quota.target,
    min: i.quota.min ?? i.quota.target,
  }));

export interface UnitProgress {
  unitId: string;
  name: string;
  sector: string;
  status: UnitStatus;
  assessor: { id: string; name: string; username: string } | null;
  dueDate: string | null;
  /** Records per instrument against the quota ("pengguna 27/30"). */
  instruments: { code: string; done: number; target: number; min: number; complete: boolean }[];
  /** Σ min(done, target) and Σ target over the instruments. */
  done: number;
  target: number;
  complete: boolean;
  result: { score: number; bandCode: string; complete: boolean } | null;
}

export interface BodyProgress {
  bodyId: string;
  code: string;
  name: string;
  type: string;
  provinceCode: string | null;
  status: 'open' | 'final';
  followups: Followups | null;
  units: UnitProgress[];
  done: number;
  target: number;
  unitsComplete: number;
  unitsApproved: number;
  result: { score: number; bandCode: string; complete: boolean } | null;
}

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
): Promise<PageOf<BodyProgress>> {
  // Units of a published body are visible to every reader of the cycle; the others by record.read.
  const unitScope = or(
    bodyCoveredSql(cycleUnits.cycleId, bodies.provinceCode, { released: true }),
    scopeWhere(actor, 'record.read', {
      provinceCode: bodies.provinceCode,
      bodyId: cycleUnits.bodyId,
      unitId: cycleUnits.unitId,
      assessorId: cycleUnits.assessorId,
    }),
  );
  const unitWhere = and(
    eq(cycleUnits.cycleId, cycle.id),
    f.bodyId ? eq(cycleUnits.bodyId, f.bodyId) : undefined,
    f.provinceCode ? eq(bodies.provinceCode, f.provinceCode) : undefined,
    f.type ? eq(bodies.type, f.type) : undefined,
    f.assessorId ? eq(cycleUnits.assessorId, f.assessorId) : undefined,
    unitScope,
  );
  const bodyIdsQuery = tx
    .selectDistinct({ bodyId: cycleUnits.bodyId, code: bodies.code })
    .from(cycleUnits)
    .innerJoin(bodies, eq(bodies.id, cycleUnits.bodyId))
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
    const instruments = quotas.map((q) => {
      const n = done.get(`${r.unitId}|${q.code}`) ?? 0;
      return { code: q.code, done: n, target: q.target, min: q.min, complete: n >= q.min };
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

export interface MyAssignment {
  cycle: { id: string; name: string; year: number; status: CycleStatus; schemeId: string };
  body: { id: string; name: string; type: string; provinceCode: string | null };
  unit: UnitProgress;
}

/** The caller's assigned units in cycles that are not final, nearest due date first. */
export async function myAssignments(tx: Queryable, actor: Actor): Promise<MyAssignment[]> {
  const rows = await tx
    .select({ cycleId: cycleUnits.cycleId, bodyId: cycleUnits.bodyId })
    .from(cycleUnits)
    .innerJoin(cycles, eq(cycles.id, cycleUnits.cycleId))
    .where(and(eq(cycleUnits.assessorId, actor.id), isNotNull(cycleUnits.assessorId), sql`${cycles.status} <> 'final'`));
  const out: MyAssignment[] = [];
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
  const key = (a: MyAssignment) => a.unit.dueDate ?? '9999-12-31';
  return out.sort(
    (a, b) => key(a).localeCompare(key(b)) || a.body.name.localeCompare(b.body.name) || a.unit.name.localeCompare(b.unit.name),
  );
}
