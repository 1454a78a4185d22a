// Assessment cycles: creation with the scheme frozen on the cycle (canonical JSON + sha256), the
// list and summary reads, the status workflow, and the instruments with their quotas. The locus
// (bodies, units, assignments, follow-ups, progress) is `locus/`; the joins other resources read
// over a cycle's units are `read-models/locus.ts`.
//
// Every later computation reads the cycle's frozen scheme (`cycleScheme`), never the library.
import { mandiriOf } from '../pekppp/mandiri.ts';
import { createHash } from 'node:crypto';
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { canonicalJson } from '../../core/canonical-json.ts';
import type { Scheme, Text } from '../../core/types.ts';
import { getScheme } from '../../../methodologies/index.ts';
import type { Actor, Target } from '../auth/policy.ts';
import { type AuditActor, appendAudit } from '../audit/queries.ts';
import type { Queryable, Tx } from '../db/client.ts';
import { AppError, notFound } from '../errors.ts';
import { cycleIsPublic, cyclePublicSql } from '../publications/visibility.ts';
import type { Page } from '../../shared/wire/common.ts';
import type { Cycle, CycleStatus, CycleSummary, InstrumentQuota, SchemeTerms } from '../../shared/wire/cycles.ts';
import { cycleBodies, cycleUnits, cycles } from './schema.ts';
import { internalWhere, scopeWhere } from './scope.ts';

/** The only transitions: one step forward. */
const nextStatus: Record<CycleStatus, CycleStatus | null> = { planning: 'fieldwork', fieldwork: 'review', review: 'final', final: null };

export interface Paging {
  page: number;
  pageSize: number;
}

// ── Cycles ──────────────────────────────────────────────────────────────────────────────────

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
  kind: cycles.kind,
  ownerBodyId: cycles.ownerBodyId,
  createdAt: cycles.createdAt,
  updatedAt: cycles.updatedAt,
};

type CycleSelect = Omit<typeof cycles.$inferSelect, 'scheme' | 'createdBy'>;

export const toCycle = (r: CycleSelect): Cycle => ({
  ...r,
  status: r.status as CycleStatus,
  source: r.source as Cycle['source'],
  kind: r.kind as Cycle['kind'],
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

/** The policy target of reading a cycle (the public: cycles with a released publication only). */
export const cycleReadTarget = async (tx: Queryable, cycle: Pick<Cycle, 'id' | 'provinceCode' | 'ownerBodyId'>): Promise<Target> => ({
  published: cycle.ownerBodyId ? false : await cycleIsPublic(tx, cycle.id),
  provinceCode: cycle.provinceCode,
  internalOf: cycle.ownerBodyId,
});

/** Issue 12 §4: what a write on the cycle itself touches (an internal cycle: its owning government). */
export const cycleManageTarget = (cycle: Pick<Cycle, 'provinceCode' | 'ownerBodyId'>): Target => ({
  provinceCode: cycle.provinceCode,
  internalOf: cycle.ownerBodyId,
});

/** Issue 12 §4: publications, clarification windows, awards and imports are for official cycles only (409 `cycle.internal`). */
export function assertOfficial(cycle: Pick<Cycle, 'kind'>): void {
  if (cycle.kind === 'internal') throw new AppError('cycle.internal');
}

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
  /** Issue 12 §4: a government's own pre-assessment (`internal`, owned by `ownerBodyId`). */
  kind?: 'official' | 'internal';
  ownerBodyId?: string | null;
}

/** Creates a cycle with the library scheme frozen on it. */
/** `now`: when (the demo's past year is created in its own year; requests use the clock). */
export async function createCycle(tx: Tx, actor: AuditActor, input: NewCycle, now = new Date()): Promise<Cycle> {
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
    kind: input.kind ?? 'official',
    ownerBodyId: input.ownerBodyId ?? null,
    createdBy: actor?.id ?? null,
    createdAt: now,
    updatedAt: now,
  };
  const [row] = await tx.insert(cycles).values(values).returning(cycleColumns);
  const cycle = toCycle(row!);
  await appendAudit(tx, {
    actor,
    action: 'cycle.create',
    subjectType: 'cycle',
    subjectId: cycle.id,
    provinceCode: cycle.provinceCode,
    at: now,
    diff: {
      name: cycle.name,
      year: cycle.year,
      schemeId: cycle.schemeId,
      schemeHash,
      status: cycle.status,
      provinceCode: cycle.provinceCode,
      source: cycle.source,
      kind: cycle.kind,
      ownerBodyId: cycle.ownerBodyId,
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
  kind?: 'official' | 'internal';
  /** Only cycles with (true) / without (false) a released current publication. */
  published?: boolean;
}

/** Lists cycles; a caller who may only read published data sees cycles with a released publication only. */
export async function listCycles(tx: Queryable, actor: Actor | null, f: CycleFilter): Promise<Page<CycleSummary>> {
  const where = and(
    f.year !== undefined ? eq(cycles.year, f.year) : undefined,
    f.status ? eq(cycles.status, f.status) : undefined,
    f.schemeId ? eq(cycles.schemeId, f.schemeId) : undefined,
    f.family ? eq(cycles.family, f.family) : undefined,
    f.provinceCode ? eq(cycles.provinceCode, f.provinceCode) : undefined,
    f.kind ? eq(cycles.kind, f.kind) : undefined,
    internalWhere(actor, cycles.ownerBodyId),
    f.published === undefined ? undefined : f.published ? cyclePublicSql(cycles.id) : sql`not ${cyclePublicSql(cycles.id)}`,
    scopeWhere(actor, 'cycle.read', { published: cyclePublicSql(cycles.id), internalOf: cycles.ownerBodyId }),
  );
  const [{ total } = { total: 0 }] = await tx.select({ total: count() }).from(cycles).where(where);
  const rows = await tx
    .select({
      ...cycleColumns,
      schemeTitle: sql<Text>`${cycles.scheme} -> 'title'`,
      terms: sql<SchemeTerms | null>`${cycles.scheme} -> 'terms'`,
      bodies: sql<number>`(select count(*)::int from ${cycleBodies} cb where cb.cycle_id = ${cycles.id})`,
      units: sql<number>`(select count(*)::int from ${cycleUnits} cu where cu.cycle_id = ${cycles.id})`,
      published: sql<boolean>`${cyclePublicSql(cycles.id)}`,
    })
    .from(cycles)
    .where(where)
    .orderBy(desc(cycles.year), asc(cycles.name))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const mandiri = await mandiriOf(
    tx,
    rows.filter((r) => r.family === 'pekppp').map((r) => r.id),
  );
  return {
    items: rows.map(({ schemeTitle, terms, bodies: b, units: u, published, ...r }) => ({
      ...toCycle(r),
      schemeTitle,
      terms: terms ?? null,
      bodies: b,
      units: u,
      published,
      mandiri: mandiri.get(r.id) ?? null,
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
      terms: sql<SchemeTerms | null>`${cycles.scheme} -> 'terms'`,
      bodies: sql<number>`(select count(*)::int from ${cycleBodies} cb where cb.cycle_id = ${cycles.id})`,
      units: sql<number>`(select count(*)::int from ${cycleUnits} cu where cu.cycle_id = ${cycles.id})`,
      published: sql<boolean>`${cyclePublicSql(cycles.id)}`,
    })
    .from(cycles)
    .where(eq(cycles.id, cycle.id));
  return {
    ...cycle,
    schemeTitle: row!.schemeTitle,
    terms: row!.terms ?? null,
    bodies: row!.bodies,
    units: row!.units,
    published: row!.published,
    mandiri: cycle.family === 'pekppp' ? ((await mandiriOf(tx, [cycle.id])).get(cycle.id) ?? null) : null,
  };
}

/** Moves a cycle one step forward; anything else is 409 `cycle.invalid_transition`. */
export async function transitionCycle(tx: Tx, actor: AuditActor, cycle: Cycle, to: CycleStatus, now = new Date()): Promise<Cycle> {
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
  const [row] = await tx.update(cycles).set({ status: to, updatedAt: now }).where(eq(cycles.id, cycle.id)).returning(cycleColumns);
  await appendAudit(tx, {
    actor,
    action: 'cycle.transition',
    subjectType: 'cycle',
    subjectId: cycle.id,
    provinceCode: cycle.provinceCode,
    at: now,
    diff: { before: { status: cycle.status }, after: { status: to } },
  });
  return toCycle(row!);
}

// ── The cycle's instruments ────────────────────────────────────────────────────────────────

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
