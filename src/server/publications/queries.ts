// Publication (issue 5 §2): an immutable snapshot of a cycle's results for one scope (the nation,
// or one province), with an embargo date, a permanent URL and errata as new versions.
//
//  - `buildSnapshot` reads the live tables (body_results, unit_results with their stored
//    breakdown, ranks from scores/queries.ts, the change log, the frozen scheme's assumptions);
//  - `publish` checks the preconditions (bodies final, no clarification window or dispute open,
//    not yet published) and stores version 1; a national publication closes a cycle in review;
//  - `publishErratum` applies corrections through the one answer-change path
//    (clarifications/change.ts), stores version n+1 and marks version n superseded — its row keeps
//    its snapshot untouched, only `status` and `superseded_at` change.
// Every write is audited in the caller's transaction.
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { canonicalJson } from '../../core/canonical-json.ts';
import type { Lang, QualifierResult } from '../../core/types.ts';
import type { Actor } from '../auth/policy.ts';
import { users } from '../auth/schema.ts';
import { type AuditActor, signedAuditHead, appendAudit } from '../audit/queries.ts';
import { applyIndicatorChange } from '../clarifications/change.ts';
import { clarificationWindows, disputes, resultChanges } from '../clarifications/schema.ts';
import { assertOfficial, cycleScheme, getCycleOr404, transitionCycle } from '../cycles/queries.ts';
import { getCycleUnit, scoredUnits, unitPlaceOf } from '../read-models/locus.ts';
import { cycleBodies, cycles } from '../cycles/schema.ts';
import type { Queryable, Tx } from '../db/client.ts';
import { AppError, notFound } from '../errors.ts';
import type { Auth } from '../http/route.ts';
import { word } from '../i18n.ts';
import { bodies, units } from '../registry/schema.ts';
import { governmentRanking, previousCycle } from '../scores/queries.ts';
import { bodyResults } from '../scores/schema.ts';
import { publications } from './schema.ts';
import { NATIONAL, bodyCoveredSql, covers } from './visibility.ts';
import { scopeLabel, scopeTime } from './scope-label.ts';
import type { Cycle } from '../../shared/wire/cycles.ts';
import type { StoredUnitScore } from '../../shared/wire/scores.ts';
import type {
  Correction,
  PublicationMeta,
  PublicationSnapshot,
  SnapshotBody,
  SnapshotChange,
  SnapshotUnit,
} from '../../shared/wire/publications.ts';
import { generateFindings } from '../findings/queries.ts'; // issue 12

export type PublicationRow = typeof publications.$inferSelect;

/** sha256 of the canonical JSON: the snapshot's content hash. */
export const hashSnapshot = (snapshot: PublicationSnapshot): string => createHash('sha256').update(canonicalJson(snapshot)).digest('hex');

/** The policy target of a scope: a province, or (national) no province — admins only. */
export const scopeTarget = (scope: string) => ({ provinceCode: scope === NATIONAL ? null : scope });

/** Bodies of the scope: every body (national) or the bodies of one province. */
const inScope = (scope: string) => (scope === NATIONAL ? undefined : eq(bodies.provinceCode, scope));

// ── Metadata ────────────────────────────────────────────────────────────────────────────────

const metaColumns = {
  id: publications.id,
  cycleId: publications.cycleId,
  scope: publications.scope,
  version: publications.version,
  status: publications.status,
  publicAt: publications.publicAt,
  publishedAt: publications.publishedAt,
  reason: publications.reason,
  supersedesId: publications.supersedesId,
  contentHash: publications.contentHash,
  schemeHash: publications.schemeHash,
  cycleName: cycles.name,
  cycleYear: cycles.year,
  schemeId: cycles.schemeId,
  publishedBy: users.name,
  supersededById: sql<
    string | null
  >`(select p2.id from publications p2 where p2.supersedes_id = ${publications.id} order by p2.version limit 1)`,
  // Stored at publication (store); a row inserted without it counts its snapshot.
  bodies: sql<number>`coalesce(${publications.bodyCount}, json_array_length(${publications.snapshot} -> 'bodies'))`,
  provinceName: sql<string | null>`(select b.name from bodies b where b.type = 'provinsi' and b.code = ${publications.scope} limit 1)`,
};

interface MetaRow {
  id: string;
  cycleId: string;
  scope: string;
  version: number;
  status: string;
  publicAt: Date;
  publishedAt: Date;
  reason: string | null;
  supersedesId: string | null;
  contentHash: string;
  schemeHash: string;
  cycleName: string;
  cycleYear: number;
  schemeId: string;
  publishedBy: string | null;
  supersededById: string | null;
  bodies: number;
  provinceName: string | null;
}

export function scopeName(scope: string, provinceName: string | null, lang: Lang): string {
  if (scope === NATIONAL) return word('scope.national', lang);
  return provinceName ? provinceName.replace(/^Provinsi\s+/, '') : scope;
}

function toMeta(r: MetaRow, lang: Lang, now: Date): PublicationMeta {
  return {
    id: r.id,
    cycleId: r.cycleId,
    cycle: { id: r.cycleId, name: r.cycleName, year: r.cycleYear, schemeId: r.schemeId },
    scope: r.scope,
    scopeName: scopeName(r.scope, r.provinceName, lang),
    version: r.version,
    status: r.status === 'current' ? 'current' : 'superseded',
    publicAt: r.publicAt.toISOString(),
    publishedAt: r.publishedAt.toISOString(),
    publishedBy: r.publishedBy,
    reason: r.reason,
    supersedesId: r.supersedesId,
    supersededById: r.supersededById ?? null,
    contentHash: r.contentHash,
    schemeHash: r.schemeHash,
    released: r.publicAt.getTime() <= now.getTime(),
    bodies: Number(r.bodies),
  };
}

const metaQuery = (tx: Queryable) =>
  tx
    .select(metaColumns)
    .from(publications)
    .innerJoin(cycles, eq(cycles.id, publications.cycleId))
    .leftJoin(users, eq(users.id, publications.publishedBy));

export async function getPublicationMeta(tx: Queryable, id: string, lang: Lang, now = new Date()): Promise<PublicationMeta | undefined> {
  const [row] = await metaQuery(tx).where(eq(publications.id, id)).limit(1);
  return row ? toMeta(row as MetaRow, lang, now) : undefined;
}

/** Every publication of a cycle, newest first. */
export async function listCyclePublications(tx: Queryable, cycleId: string, lang: Lang, now = new Date()): Promise<PublicationMeta[]> {
  const rows = await metaQuery(tx)
    .where(eq(publications.cycleId, cycleId))
    .orderBy(desc(publications.publishedAt), desc(publications.version), asc(publications.scope));
  return rows.map((r) => toMeta(r as MetaRow, lang, now));
}

export async function getPublicationRow(tx: Queryable, id: string): Promise<PublicationRow | undefined> {
  const [row] = await tx.select().from(publications).where(eq(publications.id, id)).limit(1);
  return row;
}

/** The stored snapshot, parsed. */
export async function getSnapshot(tx: Queryable, id: string): Promise<PublicationSnapshot> {
  const [row] = await tx.select({ snapshot: publications.snapshot }).from(publications).where(eq(publications.id, id)).limit(1);
  if (!row) throw notFound('publication');
  return row.snapshot as PublicationSnapshot;
}

// ── Who may open a publication ──────────────────────────────────────────────────────────────

/**
 * What the caller may see of a publication: 'full' once released (anyone) or for a manager of
 * its scope; before release, a koordinator (or operator) of a body it covers sees that body
 * only (and an operator only its unit); anyone else nothing (null → 404, not revealed).
 */
export type PublicationView = 'full' | { bodyId: string; unitId: string | null } | null;

export async function viewOf(
  tx: Queryable,
  auth: Auth,
  meta: Pick<PublicationMeta, 'released' | 'scope' | 'cycleId'>,
): Promise<PublicationView> {
  if (meta.released) return 'full';
  if (auth.can('publication.manage', scopeTarget(meta.scope))) return 'full';
  const a = auth.actor;
  if (!a || (a.role !== 'koordinator' && a.role !== 'operator')) return null;
  const own = await ownBody(tx, a);
  if (!own) return null;
  const [inLocus] = await tx
    .select({ bodyId: cycleBodies.bodyId })
    .from(cycleBodies)
    .where(and(eq(cycleBodies.cycleId, meta.cycleId), eq(cycleBodies.bodyId, own.id)))
    .limit(1);
  if (!inLocus || !covers(new Set([meta.scope]), own.provinceCode)) return null;
  return { bodyId: own.id, unitId: a.role === 'operator' ? a.unitId : null };
}

async function ownBody(tx: Queryable, a: Actor): Promise<{ id: string; provinceCode: string | null } | null> {
  let bodyId = a.bodyId;
  if (!bodyId && a.unitId) {
    const [u] = await tx.select({ bodyId: units.bodyId }).from(units).where(eq(units.id, a.unitId)).limit(1);
    bodyId = u?.bodyId ?? null;
  }
  if (!bodyId) return null;
  const [b] = await tx.select({ id: bodies.id, provinceCode: bodies.provinceCode }).from(bodies).where(eq(bodies.id, bodyId)).limit(1);
  return b ?? null;
}

/** The snapshot as a view allows: whole, or one body (and for an operator one unit). */
export function filterSnapshot(snapshot: PublicationSnapshot, view: Exclude<PublicationView, null>): PublicationSnapshot {
  if (view === 'full') return snapshot;
  return {
    ...snapshot,
    bodies: snapshot.bodies
      .filter((b) => b.id === view.bodyId)
      .map((b) => ({ ...b, changes: view.unitId ? b.changes.filter((c) => c.unitId === view.unitId) : b.changes })),
    units: snapshot.units.filter((u) => u.bodyId === view.bodyId && (!view.unitId || u.id === view.unitId)),
  };
}

// ── The snapshot builder ────────────────────────────────────────────────────────────────────

export interface SnapshotTimes {
  version: number;
  publishedAt: Date;
  publicAt: Date;
}

/** Builds the snapshot of a scope from the live tables (deterministic for the same data). */
export async function buildSnapshot(tx: Queryable, cycle: Cycle, scope: string, at: SnapshotTimes): Promise<PublicationSnapshot> {
  const scheme = await cycleScheme(tx, cycle);
  const bodyRows = await tx
    .select({
      id: bodies.id,
      code: bodies.code,
      name: bodies.name,
      type: bodies.type,
      provinceCode: bodies.provinceCode,
      raw: bodyResults.raw,
      score: bodyResults.score,
      bandCode: bodyResults.bandCode,
      complete: bodyResults.complete,
      units: bodyResults.units,
      qualifiers: bodyResults.qualifiers,
      source: bodyResults.source,
    })
    .from(cycleBodies)
    .innerJoin(bodies, eq(bodies.id, cycleBodies.bodyId))
    .innerJoin(bodyResults, and(eq(bodyResults.cycleId, cycleBodies.cycleId), eq(bodyResults.bodyId, cycleBodies.bodyId)))
    .where(and(eq(cycleBodies.cycleId, cycle.id), inScope(scope)))
    .orderBy(asc(bodies.code));
  const bodyIds = bodyRows.map((b) => b.id);

  const unitRows = await scoredUnits(tx, cycle.id, { bodyIds, breakdown: true });

  // Ranks over the cycle's results, movement against the previous published cycle of the family.
  const places = await governmentRanking(tx, cycle);
  const prev = await previousCycle(tx, cycle);
  const previous = new Map<string, { score: number; bandCode: string }>();
  if (prev && bodyIds.length) {
    const rows = await tx
      .select({ bodyId: bodyResults.bodyId, score: bodyResults.score, bandCode: bodyResults.bandCode })
      .from(bodyResults)
      .innerJoin(bodies, eq(bodies.id, bodyResults.bodyId))
      .where(
        and(
          eq(bodyResults.cycleId, prev.id),
          inArray(bodyResults.bodyId, bodyIds),
          bodyCoveredSql(prev.id, bodies.provinceCode, { released: true }),
        ),
      );
    for (const r of rows) previous.set(r.bodyId, { score: r.score, bandCode: r.bandCode });
  }

  // The change log per body.
  const changes = new Map<string, SnapshotChange[]>();
  if (bodyIds.length) {
    const rows = await tx
      .select({
        bodyId: resultChanges.bodyId,
        unitId: resultChanges.unitId,
        indicator: resultChanges.indicator,
        source: resultChanges.source,
        reason: resultChanges.reason,
        before: resultChanges.before,
        after: resultChanges.after,
        changedAt: resultChanges.changedAt,
        changedBy: users.name,
      })
      .from(resultChanges)
      .leftJoin(users, eq(users.id, resultChanges.changedBy))
      .where(and(eq(resultChanges.cycleId, cycle.id), inArray(resultChanges.bodyId, bodyIds)))
      .orderBy(asc(resultChanges.changedAt), asc(resultChanges.id));
    const state = (v: unknown) => {
      const o = (v ?? {}) as { value?: unknown; unitScore?: unknown };
      return { value: typeof o.value === 'number' ? o.value : null, unitScore: typeof o.unitScore === 'number' ? o.unitScore : null };
    };
    for (const r of rows) {
      const list = changes.get(r.bodyId) ?? [];
      list.push({
        unitId: r.unitId,
        indicator: r.indicator,
        source: r.source,
        reason: r.reason,
        before: state(r.before),
        after: state(r.after),
        changedAt: r.changedAt.toISOString(),
        changedBy: r.changedBy ?? null,
      });
      changes.set(r.bodyId, list);
    }
  }

  const snapshotBodies: SnapshotBody[] = bodyRows.map((b) => {
    const place = places.get(b.id);
    const p = previous.get(b.id);
    return {
      id: b.id,
      code: b.code,
      name: b.name,
      type: b.type,
      provinceCode: b.provinceCode,
      raw: b.raw,
      score: b.score,
      bandCode: b.bandCode,
      complete: b.complete,
      units: b.units,
      qualifiers: ((b.qualifiers as QualifierResult[] | null) ?? []).map((q) => ({ code: q.code, applies: q.applies })),
      source: b.source,
      ranks: {
        nationalType: scope === NATIONAL ? (place?.nationalType ?? null) : null,
        province: place?.province ?? null,
      },
      previous: prev && p ? { cycleId: prev.id, year: prev.year, score: p.score, bandCode: p.bandCode } : null,
      changes: changes.get(b.id) ?? [],
    };
  });
  const snapshotUnits: SnapshotUnit[] = unitRows.map((u) => ({
    id: u.id,
    bodyId: u.bodyId,
    name: u.name,
    sector: u.sector,
    raw: u.raw,
    score: u.score,
    bandCode: u.bandCode,
    complete: u.complete,
    breakdown: u.breakdown as StoredUnitScore,
    place: unitPlaceOf(u),
  }));
  return {
    format: 1,
    cycle: {
      id: cycle.id,
      name: cycle.name,
      year: cycle.year,
      schemeId: cycle.schemeId,
      family: cycle.family,
      schemeHash: cycle.schemeHash,
    },
    scope,
    version: at.version,
    publishedAt: at.publishedAt.toISOString(),
    publicAt: at.publicAt.toISOString(),
    assumptions: scheme.assumptions.map((a) => ({ path: a.path, note: { id: a.note.id, en: a.note.en } })),
    bodies: snapshotBodies,
    units: snapshotUnits,
  };
}

// ── Publish ─────────────────────────────────────────────────────────────────────────────────

/** Refuses (409) unless the scope can be published now. */
async function assertPublishable(tx: Queryable, cycle: Cycle, scope: string, now: Date): Promise<void> {
  if (cycle.status !== 'review' && cycle.status !== 'final') throw new AppError('publication.cycle_not_ready', { status: cycle.status });
  const [current] = await tx
    .select({ version: publications.version })
    .from(publications)
    .where(and(eq(publications.cycleId, cycle.id), eq(publications.scope, scope), eq(publications.status, 'current')))
    .limit(1);
  if (current) throw new AppError('publication.exists', { scope: await scopeLabel(tx, scope), version: current.version });
  const locus = await tx
    .select({
      name: bodies.name,
      open: sql<boolean>`(${cycleBodies.status} <> 'final' or exists (select 1 from cycle_units cu where cu.cycle_id = ${cycleBodies.cycleId} and cu.body_id = ${cycleBodies.bodyId} and cu.status <> 'approved'))`,
    })
    .from(cycleBodies)
    .innerJoin(bodies, eq(bodies.id, cycleBodies.bodyId))
    .where(and(eq(cycleBodies.cycleId, cycle.id), inScope(scope)))
    .orderBy(asc(bodies.code));
  if (locus.length === 0) throw new AppError('publication.scope_empty', { scope: await scopeLabel(tx, scope) });
  const open = locus.filter((b) => b.open);
  if (open.length > 0) {
    const names =
      open
        .slice(0, 5)
        .map((b) => b.name)
        .join(', ') + (open.length > 5 ? ` (+${open.length - 5})` : '');
    throw new AppError('publication.bodies_open', { open: open.length, names });
  }
  const [window] = await tx
    .select({ scope: clarificationWindows.scope, deadline: clarificationWindows.deadline })
    .from(clarificationWindows)
    .where(
      and(
        eq(clarificationWindows.cycleId, cycle.id),
        scope === NATIONAL ? undefined : eq(clarificationWindows.scope, scope),
        sql`${clarificationWindows.closedAt} is null`,
        sql`${clarificationWindows.deadline} > ${now.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(desc(clarificationWindows.deadline))
    .limit(1);
  if (window) {
    // issue 16: the province's name and the deadline in its zone, not "36" and an ISO instant.
    throw new AppError('publication.window_open', {
      scope: await scopeLabel(tx, window.scope),
      deadline: scopeTime(window.deadline, window.scope),
      deadlineAt: window.deadline.toISOString(),
    });
  }
  const undecided = await tx
    .select({ name: bodies.name, n: sql<number>`count(*)::int` })
    .from(disputes)
    .innerJoin(bodies, eq(bodies.id, disputes.bodyId))
    .where(and(eq(disputes.cycleId, cycle.id), eq(disputes.status, 'open'), inScope(scope)))
    .groupBy(bodies.name)
    .orderBy(asc(bodies.name));
  const n = undecided.reduce((sum, d) => sum + d.n, 0);
  // issue 16: the refusal names the bodies whose disputes are undecided.
  if (n > 0) throw new AppError('publication.disputes_open', { open: n, names: undecided.map((d) => `${d.name} (${d.n})`).join(', ') });
}

async function store(
  tx: Tx,
  actor: AuditActor,
  cycle: Cycle,
  scope: string,
  v: { version: number; publicAt: Date; now: Date; reason: string | null; supersedesId: string | null },
): Promise<PublicationRow> {
  const snapshot = await buildSnapshot(tx, cycle, scope, { version: v.version, publishedAt: v.now, publicAt: v.publicAt });
  snapshot.auditCheckpoint = await signedAuditHead(tx, v.now);
  const contentHash = hashSnapshot(snapshot);
  const [row] = await tx
    .insert(publications)
    .values({
      cycleId: cycle.id,
      scope,
      version: v.version,
      status: 'current',
      publicAt: v.publicAt,
      publishedAt: v.now,
      publishedBy: actor?.id ?? null,
      reason: v.reason,
      supersedesId: v.supersedesId,
      schemeHash: cycle.schemeHash,
      contentHash,
      bodyCount: snapshot.bodies.length,
      snapshot,
    })
    .returning();
  await generateFindings(tx, actor, cycle, snapshot, v.now); // issue 12: points lost become findings
  return row!;
}

export interface PublishInput {
  scope: string;
  publicAt?: Date;
}

/**
 * Publishes a scope of a cycle as version 1 (the caller has checked publication.manage on the
 * scope). A national publication moves a cycle in review to final.
 */
export async function publish(tx: Tx, actor: AuditActor, cycle: Cycle, input: PublishInput, now = new Date()): Promise<PublicationRow> {
  assertOfficial(cycle); // issue 12 §4: an internal pre-assessment is never published
  await assertPublishable(tx, cycle, input.scope, now);
  const publicAt = input.publicAt ?? now;
  const [{ last } = { last: 0 }] = await tx
    .select({ last: sql<number>`coalesce(max(${publications.version}), 0)::int` })
    .from(publications)
    .where(and(eq(publications.cycleId, cycle.id), eq(publications.scope, input.scope)));
  let current = cycle;
  if (input.scope === NATIONAL && cycle.status === 'review') current = await transitionCycle(tx, actor, cycle, 'final', now);
  const row = await store(tx, actor, current, input.scope, { version: last + 1, publicAt, now, reason: null, supersedesId: null });
  await appendAudit(tx, {
    actor,
    action: 'publication.publish',
    subjectType: 'publication',
    subjectId: row.id,
    provinceCode: input.scope === NATIONAL ? null : input.scope,
    at: now,
    diff: {
      cycleId: cycle.id,
      scope: input.scope,
      version: row.version,
      publicAt: publicAt.toISOString(),
      contentHash: row.contentHash,
      schemeHash: row.schemeHash,
      cycleStatus: { before: cycle.status, after: current.status },
    },
  });
  return row;
}

export interface ErratumInput {
  reason: string;
  publicAt?: Date;
  corrections?: Correction[];
}

/**
 * An erratum on the current version: applies the corrections (source 'correction'), stores the
 * next version and marks this one superseded. Nothing of the old row changes but its status.
 * Other current publications of the cycle covering a corrected body get the same erratum.
 */
export async function publishErratum(
  tx: Tx,
  actor: Actor,
  pub: PublicationRow,
  input: ErratumInput,
  now = new Date(),
): Promise<PublicationRow> {
  if (pub.status !== 'current') {
    const [next] = await tx.select({ id: publications.id }).from(publications).where(eq(publications.supersedesId, pub.id)).limit(1);
    throw new AppError('publication.superseded', { version: pub.version, supersededById: next?.id ?? null });
  }
  const cycle = await getCycleOr404(tx, pub.cycleId);
  const scope = new Set([pub.scope]);
  const applied: { unitId: string; indicator: string; value: number; before: unknown; after: unknown }[] = [];
  /** Province codes (null: a ministry or agency) of the bodies whose answers changed. */
  const touched = new Set<string | null>();
  for (const c of input.corrections ?? []) {
    const cu = await getCycleUnit(tx, cycle, c.unitId);
    if (!cu || !covers(scope, cu.body.provinceCode))
      throw new AppError('publication.correction_outside', { unit: cu?.unit.name ?? c.unitId });
    const change = await applyIndicatorChange(tx, actor, {
      cycleId: cycle.id,
      unitId: c.unitId,
      indicator: c.indicator,
      value: c.value,
      ...(c.recordIds?.length ? { recordIds: c.recordIds } : {}),
      source: 'correction',
      reason: input.reason,
    });
    applied.push({ unitId: c.unitId, indicator: c.indicator, value: c.value, before: change.before, after: change.after });
    touched.add(cu.body.provinceCode);
  }
  // A released version is superseded at once, so its erratum must be public at once too: the
  // results never disappear from the public. An embargoed one keeps its date unless moved.
  const released = pub.publicAt.getTime() <= now.getTime();
  if (released && input.publicAt && input.publicAt.getTime() > now.getTime()) {
    throw new AppError('publication.erratum_embargo', { version: pub.version });
  }
  await supersede(tx, pub, now);
  const publicAt = input.publicAt ?? (released ? now : pub.publicAt);
  const row = await store(tx, actor, cycle, pub.scope, {
    version: pub.version + 1,
    publicAt,
    now,
    reason: input.reason,
    supersedesId: pub.id,
  });

  // The same answers are in every other current publication covering a corrected body (the
  // national one and a province's): each gets its erratum too, with the same reason, so no
  // current snapshot keeps a number the correction changed. A released one stays released.
  const cascaded: { id: string; scope: string; version: number }[] = [];
  if (applied.length > 0) {
    const others = await tx
      .select()
      .from(publications)
      .where(and(eq(publications.cycleId, cycle.id), eq(publications.status, 'current'), sql`${publications.scope} <> ${pub.scope}`));
    for (const o of others) {
      if (!(o.scope === NATIONAL || touched.has(o.scope))) continue;
      await supersede(tx, o, now);
      const at = o.publicAt.getTime() > now.getTime() ? o.publicAt : now;
      const next = await store(tx, actor, cycle, o.scope, {
        version: o.version + 1,
        publicAt: at,
        now,
        reason: input.reason,
        supersedesId: o.id,
      });
      cascaded.push({ id: next.id, scope: o.scope, version: next.version });
      await appendAudit(tx, {
        actor,
        action: 'publication.erratum',
        subjectType: 'publication',
        subjectId: next.id,
        provinceCode: o.scope === NATIONAL ? null : o.scope,
        at: now,
        diff: {
          cycleId: cycle.id,
          scope: o.scope,
          supersedes: { id: o.id, version: o.version, contentHash: o.contentHash },
          version: next.version,
          reason: input.reason,
          publicAt: at.toISOString(),
          contentHash: next.contentHash,
          cascadeOf: row.id,
        },
      });
    }
  }
  await appendAudit(tx, {
    actor,
    action: 'publication.erratum',
    subjectType: 'publication',
    subjectId: row.id,
    provinceCode: pub.scope === NATIONAL ? null : pub.scope,
    at: now,
    diff: {
      cycleId: cycle.id,
      scope: pub.scope,
      supersedes: { id: pub.id, version: pub.version, contentHash: pub.contentHash },
      version: row.version,
      reason: input.reason,
      publicAt: publicAt.toISOString(),
      contentHash: row.contentHash,
      corrections: applied,
      cascaded,
    },
  });
  return row;
}

/**
 * Marks a current version superseded: only `status` and `superseded_at` ever change on a stored
 * publication. The guard makes a concurrent second erratum on the same version fail (409)
 * instead of forking the chain.
 */
async function supersede(tx: Tx, pub: PublicationRow, now: Date): Promise<void> {
  const done = await tx
    .update(publications)
    .set({ status: 'superseded', supersededAt: now })
    .where(and(eq(publications.id, pub.id), eq(publications.status, 'current')))
    .returning({ id: publications.id });
  if (done.length === 0) throw new AppError('publication.superseded', { version: pub.version, supersededById: null });
}
