// Findings (issue 12): made at publication (every published unit's indicators with points lost,
// the next level and the gain, from core `improvements`), read per unit and per government with
// their actions, the Perwakilan's recommendation and the pre-check's resolution; Ombudsman
// follow-up products with their source document. Every write audits itself.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { improvements } from '../../core/improve.ts';
import type { Improvement, Text } from '../../core/types.ts';
import { appendAudit, type AuditActor } from '../audit/queries.ts';
import type { Actor } from '../auth/policy.ts';
import type { Queryable, Tx } from '../db/client.ts';
import { AppError, notFound } from '../errors.ts';
import { cycleScheme } from '../cycles/queries.ts';
import { evidenceFiles } from '../evidence/schema.ts';
import { bodies, units } from '../registry/schema.ts';
import { loadSheets } from '../scores/recompute.ts';
import { unitResults } from '../scores/schema.ts';
import { actions } from '../actions/schema.ts';
import type { Cycle } from '../../shared/wire/cycles.ts';
import type { PublicationSnapshot } from '../../shared/wire/publications.ts';
import type {
  Finding,
  FindingPatchIn,
  FindingResolution,
  FollowupProduct,
  FollowupProductFields,
  FollowupProductKind,
  RecommendationKind,
} from '../../shared/wire/findings.ts';
import { findings, followupProducts } from './schema.ts';

/** One finding per indicator: the lowest level above the one reached (the next step), from the improvement list. */
export function nextSteps(list: readonly Improvement[]): Improvement[] {
  const best = new Map<string, Improvement>();
  for (const i of list) {
    const b = best.get(i.indicator);
    if (!b || i.to < b.to) best.set(i.indicator, i);
  }
  return [...best.values()].sort((a, b) => b.unitGain - a.unitGain || (a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : 0));
}

/**
 * Makes (or refreshes, after an erratum) the findings of every unit a publication snapshot
 * covers. Units without fieldwork records (imported results) have no answers and get none. The
 * Perwakilan's recommendations and the pre-check stay on refresh. Audited once per publication.
 */
/** `now`: the publication's moment (a past year's findings are dated with its publication). */
export async function generateFindings(
  tx: Tx,
  actor: AuditActor,
  cycle: Cycle,
  snapshot: PublicationSnapshot,
  now = new Date(),
): Promise<number> {
  const unitIds = snapshot.units.map((u) => u.id);
  if (unitIds.length === 0) return 0;
  const scheme = await cycleScheme(tx, cycle);
  const sheets = await loadSheets(tx, cycle.id, unitIds);
  const bodyIds = [...new Set(snapshot.units.map((u) => u.bodyId))];
  const ctxRows = await tx
    .select({ bodyId: unitResults.bodyId, n: sql<number>`count(*)::int`, w: sql<number>`coalesce(sum(${unitResults.weight}), 0)::float8` })
    .from(unitResults)
    .where(and(eq(unitResults.cycleId, cycle.id), inArray(unitResults.bodyId, bodyIds)))
    .groupBy(unitResults.bodyId);
  const context = new Map(ctxRows.map((r) => [r.bodyId, { governmentUnits: Math.max(1, r.n), governmentWeight: Number(r.w) || 1 }]));
  const values: (typeof findings.$inferInsert)[] = [];
  for (const u of snapshot.units) {
    const s = sheets.get(u.id);
    if (!s || s.length === 0) continue;
    for (const i of nextSteps(improvements(scheme, { sheets: s }, context.get(u.bodyId)))) {
      values.push({
        cycleId: cycle.id,
        bodyId: u.bodyId,
        unitId: u.id,
        indicator: i.indicator,
        ref: i.ref,
        text: i.text,
        dimension: i.dimension,
        levelReached: i.from,
        nextLevel: i.to,
        nextDescriptor: i.descriptor,
        unitGain: i.unitGain,
        governmentGain: i.governmentGain,
        createdAt: now,
      });
    }
  }
  for (let k = 0; k < values.length; k += 500) {
    await tx
      .insert(findings)
      .values(values.slice(k, k + 500))
      .onConflictDoUpdate({
        target: [findings.cycleId, findings.unitId, findings.indicator],
        set: {
          levelReached: sql`excluded.level_reached`,
          nextLevel: sql`excluded.next_level`,
          nextDescriptor: sql`excluded.next_descriptor`,
          unitGain: sql`excluded.unit_gain`,
          governmentGain: sql`excluded.government_gain`,
        },
      });
  }
  await appendAudit(tx, {
    actor,
    action: 'finding.generate',
    at: now,
    subjectType: 'cycle',
    subjectId: cycle.id,
    provinceCode: snapshot.scope === 'national' ? null : snapshot.scope,
    diff: { scope: snapshot.scope, version: snapshot.version, units: new Set(values.map((v) => v.unitId)).size, findings: values.length },
  });
  return values.length;
}

// ── Reads ───────────────────────────────────────────────────────────────────────────────────

const selection = { f: findings, unitName: units.name, bodyName: bodies.name, provinceCode: bodies.provinceCode };
type Row = { f: typeof findings.$inferSelect; unitName: string; bodyName: string; provinceCode: string | null };

async function withActions(tx: Queryable, rows: Row[]): Promise<Finding[]> {
  const ids = rows.map((r) => r.f.id);
  const counts = ids.length
    ? await tx
        .select({
          id: actions.findingId,
          n: sql<number>`count(*)::int`,
          v: sql<number>`count(*) filter (where ${actions.status} = 'verified')::int`,
        })
        .from(actions)
        .where(inArray(actions.findingId, ids))
        .groupBy(actions.findingId)
    : [];
  const byId = new Map(counts.map((c) => [c.id, c]));
  return rows.map(({ f, unitName, bodyName }) => ({
    id: f.id,
    cycleId: f.cycleId,
    bodyId: f.bodyId,
    bodyName,
    unitId: f.unitId,
    unitName,
    indicator: f.indicator,
    ref: f.ref,
    text: f.text as Text,
    dimension: f.dimension,
    levelReached: f.levelReached,
    nextLevel: f.nextLevel,
    nextDescriptor: f.nextDescriptor as Text,
    unitGain: f.unitGain,
    governmentGain: f.governmentGain,
    recommendationKind: f.recommendationKind as RecommendationKind | null,
    recommendation: f.recommendation,
    recommendedBy: f.recommendedBy,
    recommendedAt: f.recommendedAt?.toISOString() ?? null,
    actions: byId.get(f.id)?.n ?? 0,
    verifiedActions: byId.get(f.id)?.v ?? 0,
    resolution: f.resolution as FindingResolution | null,
    resolutionNote: f.resolutionNote,
    resolvedBy: f.resolvedBy,
    resolvedAt: f.resolvedAt?.toISOString() ?? null,
    createdAt: f.createdAt.toISOString(),
  }));
}

const base = (tx: Queryable) =>
  tx.select(selection).from(findings).innerJoin(units, eq(units.id, findings.unitId)).innerJoin(bodies, eq(bodies.id, findings.bodyId));

export async function unitFindings(tx: Queryable, cycleId: string, unitId: string): Promise<Finding[]> {
  const rows = await base(tx)
    .where(and(eq(findings.cycleId, cycleId), eq(findings.unitId, unitId)))
    .orderBy(desc(findings.unitGain), asc(findings.indicator));
  return withActions(tx, rows);
}

export async function bodyFindings(tx: Queryable, cycleId: string, bodyId: string): Promise<Finding[]> {
  const rows = await base(tx)
    .where(and(eq(findings.cycleId, cycleId), eq(findings.bodyId, bodyId)))
    .orderBy(desc(findings.governmentGain), asc(units.name), asc(findings.indicator));
  return withActions(tx, rows);
}

export async function loadFindingOr404(tx: Queryable, id: string): Promise<Row> {
  const [r] = await base(tx).where(eq(findings.id, id)).limit(1);
  if (!r) throw notFound('finding');
  return r;
}

export async function findingView(tx: Queryable, r: Row): Promise<Finding> {
  return (await withActions(tx, [r]))[0]!;
}

// ── Writes ──────────────────────────────────────────────────────────────────────────────────

/** The Perwakilan's recommendation and/or the pre-check's resolution of one finding. */
export async function patchFinding(tx: Tx, actor: Actor, r: Row, patch: FindingPatchIn): Promise<Finding> {
  const now = new Date();
  const set: Partial<typeof findings.$inferInsert> = {};
  if (patch.recommendationKind !== undefined || patch.recommendation !== undefined) {
    const kind = patch.recommendationKind !== undefined ? patch.recommendationKind : r.f.recommendationKind;
    const text = patch.recommendation !== undefined ? patch.recommendation : r.f.recommendation;
    if (text && !kind) throw new AppError('finding.kind_required');
    set.recommendationKind = kind;
    set.recommendation = kind ? text : null;
    set.recommendedBy = kind ? actor.id : null;
    set.recommendedAt = kind ? now : null;
  }
  if (patch.resolution !== undefined || patch.resolutionNote !== undefined) {
    const resolution = patch.resolution !== undefined ? patch.resolution : r.f.resolution;
    set.resolution = resolution;
    set.resolutionNote = resolution ? (patch.resolutionNote !== undefined ? patch.resolutionNote : r.f.resolutionNote) : null;
    set.resolvedBy = resolution ? actor.id : null;
    set.resolvedAt = resolution ? now : null;
  }
  if (Object.keys(set).length === 0) return findingView(tx, r);
  const [f] = await tx.update(findings).set(set).where(eq(findings.id, r.f.id)).returning();
  const before = Object.fromEntries(Object.keys(set).map((k) => [k, r.f[k as keyof typeof r.f]]));
  await appendAudit(tx, {
    actor,
    action: set.resolvedBy !== undefined && set.recommendedBy === undefined ? 'finding.resolve' : 'finding.recommend',
    subjectType: 'finding',
    subjectId: r.f.id,
    provinceCode: r.provinceCode,
    diff: { before, after: set },
  });
  return findingView(tx, { ...r, f: f! });
}

type ProductRow = typeof followupProducts.$inferSelect;

function productView(p: ProductRow, file: { mime: string; size: number }): FollowupProduct {
  return {
    id: p.id,
    cycleId: p.cycleId,
    bodyId: p.bodyId,
    unitId: p.unitId,
    findingId: p.findingId,
    kind: p.kind as FollowupProductKind,
    number: p.number,
    issuedOn: p.issuedOn,
    title: p.title,
    note: p.note,
    document: { sha256: p.sha256, filename: p.filename, mime: file.mime, size: file.size },
    createdBy: p.createdBy,
    createdAt: p.createdAt.toISOString(),
  };
}

/** The unit and finding named must be the body's (and the finding the cycle's). */
export async function checkProductLinks(tx: Queryable, cycleId: string, bodyId: string, f: FollowupProductFields): Promise<void> {
  if (f.unitId) {
    const [u] = await tx.select({ bodyId: units.bodyId }).from(units).where(eq(units.id, f.unitId)).limit(1);
    if (!u || u.bodyId !== bodyId) throw new AppError('finding.link_elsewhere', { id: f.unitId });
  }
  if (f.findingId) {
    const [x] = await tx
      .select({ bodyId: findings.bodyId, cycleId: findings.cycleId, unitId: findings.unitId })
      .from(findings)
      .where(eq(findings.id, f.findingId))
      .limit(1);
    if (!x || x.bodyId !== bodyId || x.cycleId !== cycleId || (f.unitId && x.unitId !== f.unitId))
      throw new AppError('finding.link_elsewhere', { id: f.findingId });
  }
}

export async function recordProduct(
  tx: Tx,
  actor: Actor,
  at: { cycleId: string; bodyId: string; provinceCode: string | null },
  f: FollowupProductFields,
  file: { sha256: string; size: number; mime: string; filename: string },
): Promise<FollowupProduct> {
  await checkProductLinks(tx, at.cycleId, at.bodyId, f);
  await tx.insert(evidenceFiles).values({ sha256: file.sha256, size: file.size, mime: file.mime }).onConflictDoNothing();
  let unitId = f.unitId ?? null;
  if (!unitId && f.findingId) unitId = (await loadFindingOr404(tx, f.findingId)).f.unitId;
  const [p] = await tx
    .insert(followupProducts)
    .values({
      cycleId: at.cycleId,
      bodyId: at.bodyId,
      unitId,
      findingId: f.findingId ?? null,
      kind: f.kind,
      number: f.number,
      issuedOn: f.issuedOn,
      title: f.title,
      note: f.note ?? null,
      sha256: file.sha256,
      filename: file.filename,
      createdBy: actor.id,
    })
    .returning();
  await appendAudit(tx, {
    actor,
    action: 'followup_product.create',
    subjectType: 'followup_product',
    subjectId: p!.id,
    provinceCode: at.provinceCode,
    diff: { ...f, sha256: file.sha256, filename: file.filename },
  });
  return productView(p!, file);
}

export async function listProducts(tx: Queryable, cycleId: string, bodyId: string): Promise<FollowupProduct[]> {
  const rows = await tx
    .select({ p: followupProducts, mime: evidenceFiles.mime, size: evidenceFiles.size })
    .from(followupProducts)
    .innerJoin(evidenceFiles, eq(evidenceFiles.sha256, followupProducts.sha256))
    .where(and(eq(followupProducts.cycleId, cycleId), eq(followupProducts.bodyId, bodyId)))
    .orderBy(asc(followupProducts.issuedOn), asc(followupProducts.createdAt));
  return rows.map((r) => productView(r.p, r));
}

export async function loadProductOr404(tx: Queryable, id: string) {
  const [r] = await tx
    .select({ p: followupProducts, mime: evidenceFiles.mime, size: evidenceFiles.size, provinceCode: bodies.provinceCode })
    .from(followupProducts)
    .innerJoin(evidenceFiles, eq(evidenceFiles.sha256, followupProducts.sha256))
    .innerJoin(bodies, eq(bodies.id, followupProducts.bodyId))
    .where(eq(followupProducts.id, id))
    .limit(1);
  if (!r) throw notFound('followup_product');
  return { view: productView(r.p, r), provinceCode: r.provinceCode, unitId: r.p.unitId };
}
