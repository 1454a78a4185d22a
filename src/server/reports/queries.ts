// What a rapor needs from the database: live results in the snapshot's shape (so live and
// published rapor go through the same builder, from-snapshot.ts), evidence counts, the
// publication that makes a body's results official, and published snapshots.
import { and, asc, eq, inArray, isNotNull, lte, or, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.ts';
import { bodyUnitResults, scoredUnits } from '../read-models/locus.ts';
import { evidenceLinks } from '../evidence/schema.ts';
import { publications } from '../publications/schema.ts';
import { NATIONAL } from '../publications/visibility.ts';
import type { BodyResultOf } from '../scores/queries.ts';
import type { EvidenceCount } from './from-snapshot.ts';
import type { Cycle } from '../../shared/wire/cycles.ts';
import type { StoredUnitScore } from '../../shared/wire/scores.ts';
import type { PublicationSnapshot, SnapshotBody, SnapshotUnit } from '../../shared/wire/publications.ts';

/** Evidence files per unit × indicator (distinct files) and their kinds, for the given units. */
export async function evidenceCounts(tx: Queryable, cycleId: string, unitIds: readonly string[]): Promise<EvidenceCount[]> {
  if (unitIds.length === 0) return [];
  const rows = await tx
    .select({
      unitId: evidenceLinks.unitId,
      indicator: evidenceLinks.indicator,
      files: sql<number>`count(distinct ${evidenceLinks.sha256})::int`,
      kinds: sql<string[]>`coalesce(array_agg(distinct ${evidenceLinks.kind}) filter (where ${evidenceLinks.kind} is not null), '{}')`,
    })
    .from(evidenceLinks)
    .where(and(eq(evidenceLinks.cycleId, cycleId), inArray(evidenceLinks.unitId, [...unitIds]), isNotNull(evidenceLinks.indicator)))
    .groupBy(evidenceLinks.unitId, evidenceLinks.indicator);
  return rows.map((r) => ({ unitId: r.unitId, indicator: r.indicator!, files: Number(r.files), kinds: r.kinds ?? [] }));
}

/** Every evidence count of a cycle, grouped by unit (a report pack reads them once). */
export async function evidenceByUnit(tx: Queryable, cycleId: string): Promise<Map<string, EvidenceCount[]>> {
  const rows = await tx
    .select({
      unitId: evidenceLinks.unitId,
      indicator: evidenceLinks.indicator,
      files: sql<number>`count(distinct ${evidenceLinks.sha256})::int`,
      kinds: sql<string[]>`coalesce(array_agg(distinct ${evidenceLinks.kind}) filter (where ${evidenceLinks.kind} is not null), '{}')`,
    })
    .from(evidenceLinks)
    .where(and(eq(evidenceLinks.cycleId, cycleId), isNotNull(evidenceLinks.indicator)))
    .groupBy(evidenceLinks.unitId, evidenceLinks.indicator);
  const out = new Map<string, EvidenceCount[]>();
  for (const r of rows) {
    const list = out.get(r.unitId) ?? [];
    list.push({ unitId: r.unitId, indicator: r.indicator!, files: Number(r.files), kinds: r.kinds ?? [] });
    out.set(r.unitId, list);
  }
  return out;
}

/** The live unit results of a body in a cycle, as snapshot units. */
export async function liveUnits(tx: Queryable, cycleId: string, bodyId: string): Promise<SnapshotUnit[]> {
  const rows = await bodyUnitResults(tx, cycleId, bodyId, { scored: true });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    sector: r.sector,
    raw: r.raw!,
    score: r.score!,
    bandCode: r.bandCode!,
    complete: r.complete!,
    bodyId,
    breakdown: r.breakdown as StoredUnitScore,
  }));
}

/** A live government result as a snapshot body (no previous score, no change log). */
export function liveBody(view: BodyResultOf): SnapshotBody | null {
  const r = view.result;
  if (r === null) return null;
  return {
    id: view.body.id,
    code: view.body.code,
    name: view.body.name,
    type: view.body.type,
    provinceCode: view.body.provinceCode,
    raw: r.raw,
    score: r.score,
    bandCode: r.band.code,
    complete: r.complete,
    units: r.units,
    qualifiers: r.qualifiers.map((q) => ({ code: q.code, applies: q.applies })),
    source: r.source,
    ranks: view.ranks,
    previous: null,
    changes: [],
  };
}

/** Every scored unit of a cycle with its sector and province (unit ranks by sector). */
export async function cycleUnitScores(tx: Queryable, cycleId: string) {
  const rows = await scoredUnits(tx, cycleId);
  return rows.map((r) => ({ id: r.id, name: r.name, sector: r.sector, score: r.score, provinceCode: r.provinceCode }));
}

/** The released, current publication that makes a body's results in a cycle official, if any. */
export async function coveringPublication(tx: Queryable, cycle: Pick<Cycle, 'id'>, provinceCode: string | null, now = new Date()) {
  const [row] = await tx
    .select({ id: publications.id, version: publications.version, publishedAt: publications.publishedAt, scope: publications.scope })
    .from(publications)
    .where(
      and(
        eq(publications.cycleId, cycle.id),
        eq(publications.status, 'current'),
        lte(publications.publicAt, now),
        provinceCode === null
          ? eq(publications.scope, NATIONAL)
          : or(eq(publications.scope, NATIONAL), eq(publications.scope, provinceCode)),
      ),
    )
    .orderBy(sql`case when ${publications.scope} = ${NATIONAL} then 1 else 0 end`, asc(publications.publishedAt))
    .limit(1);
  return row ?? null;
}

/** The body's part of a snapshot (its entry and its units), or null when the body is not in it. */
export function snapshotPart(snapshot: PublicationSnapshot, bodyId: string): { body: SnapshotBody; units: SnapshotUnit[] } | null {
  const body = snapshot.bodies.find((b) => b.id === bodyId);
  if (body === undefined) return null;
  return { body, units: snapshot.units.filter((u) => u.bodyId === bodyId) };
}
