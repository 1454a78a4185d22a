// Unit awards of a stored publication (issue 18 §1): the core's `unitAwards` on the snapshot's
// units, each award with a certificate code signed like the governments' (awards/codes.ts, kind
// prefixed "unit:"), so the same public page verifies both.
//
// Most improved units need each unit's previous published score, which a snapshot does not
// carry for units: it is read from the previous cycle's publication (the one its bodies'
// `previous.cycleId` names) in the version that was current when this one was published — a
// later erratum of the old cycle cannot change this publication's awards or void its codes.
import { createHash } from 'node:crypto';
import { and, desc, inArray, lte, sql } from 'drizzle-orm';
import { unitAwards } from '../../core/awards.ts';
import type { AwardCandidate, AwardRules, Scheme } from '../../core/types.ts';
import type { Queryable } from '../db/client.ts';
import { cycleScheme, getCycleOr404 } from '../cycles/queries.ts';
import { hashSnapshot } from '../publications/queries.ts';
import { publications } from '../publications/schema.ts';
import { awardRules } from '../awards/awards.ts';
import { certificateCode, publicationPrefix, sameCode } from '../awards/codes.ts';
import type { PublicationSnapshot, SnapshotBody, SnapshotUnit } from '../../shared/wire/publications.ts';
import type { UnitAwardKind } from '../../shared/wire/recognition.ts';

export interface UnitAward {
  kind: UnitAwardKind;
  unit: SnapshotUnit;
  body: SnapshotBody;
  rank: number | null;
  delta: number | null;
  previousScore: number | null;
  code: string;
}

export interface PublicationUnitAwards {
  publicationId: string;
  contentHash: string;
  intact: boolean;
  snapshot: PublicationSnapshot;
  scheme: Scheme;
  rules: AwardRules | null;
  topBand: string;
  awards: UnitAward[];
}

/**
 * Pure: the unit award lists of a snapshot. `previous` maps a unit id to its previous published
 * score. Units of a body without a province are not ranked in a sector (no sector group).
 */
export function computeUnitAwards(
  snapshot: PublicationSnapshot,
  scheme: Scheme,
  previous: ReadonlyMap<string, number>,
  rules: AwardRules | null = awardRules(scheme),
): { topBand: string; entries: Omit<UnitAward, 'code'>[] } {
  const bodies = new Map(snapshot.bodies.map((b) => [b.id, b]));
  const units = snapshot.units.filter((u) => bodies.has(u.bodyId));
  const byId = new Map(units.map((u) => [u.id, u]));
  const candidates: AwardCandidate[] = units.map((u) => ({
    id: u.id,
    name: u.name,
    score: u.score,
    complete: u.complete,
    previousScore: previous.get(u.id) ?? null,
    province: bodies.get(u.bodyId)!.provinceCode,
    sector: u.sector,
  }));
  const lists = unitAwards(scheme, candidates, rules ?? undefined);
  return {
    topBand: lists.topBand,
    entries: lists.entries.map((e) => {
      const unit = byId.get(e.id)!;
      return {
        kind: e.kind as UnitAwardKind,
        unit,
        body: bodies.get(unit.bodyId)!,
        rank: e.rank,
        delta: e.delta,
        previousScore: previous.get(unit.id) ?? null,
      };
    }),
  };
}

/** Previous published unit scores, as of this publication's publishing time (see the file comment). */
export async function previousUnitScores(tx: Queryable, snapshot: PublicationSnapshot, publishedAt: Date): Promise<Map<string, number>> {
  const cycleIds = [...new Set(snapshot.bodies.flatMap((b) => (b.previous === null ? [] : [b.previous.cycleId])))];
  const out = new Map<string, number>();
  if (cycleIds.length === 0) return out;
  const rows = await tx
    .select({ cycleId: publications.cycleId, scope: publications.scope, version: publications.version, snapshot: publications.snapshot })
    .from(publications)
    .where(and(inArray(publications.cycleId, cycleIds), lte(publications.publishedAt, publishedAt)))
    .orderBy(desc(publications.version));
  // Latest version per (cycle, scope) as of then; the same scope first, then the others.
  const seen = new Set<string>();
  const latest = rows.filter((r) => {
    const k = `${r.cycleId}|${r.scope}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  latest.sort((a, b) => Number(b.scope === snapshot.scope) - Number(a.scope === snapshot.scope));
  for (const r of latest) {
    for (const u of (r.snapshot as PublicationSnapshot).units) if (!out.has(u.id)) out.set(u.id, u.score);
  }
  return out;
}

const cache = new Map<string, PublicationUnitAwards>();
const CACHE_LIMIT = 16;
const keyId = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 16);

/** The unit awards of a publication row, codes signed with the certificate key. */
export async function publicationUnitAwards(
  tx: Queryable,
  certificateKey: Buffer,
  row: { id: string; cycleId: string; contentHash: string; publishedAt: Date; snapshot: unknown },
): Promise<PublicationUnitAwards> {
  const stored = createHash('sha1').update(JSON.stringify(row.snapshot)).digest('hex');
  const key = `${keyId(certificateKey)}\u0000${row.id}\u0000${row.contentHash}\u0000${stored}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const snapshot = row.snapshot as PublicationSnapshot;
  const scheme = await cycleScheme(tx, await getCycleOr404(tx, row.cycleId));
  const rules = awardRules(scheme);
  const previous = await previousUnitScores(tx, snapshot, row.publishedAt);
  const lists = computeUnitAwards(snapshot, scheme, previous, rules);
  const awards = lists.entries.map((e) => ({
    ...e,
    code: certificateCode(certificateKey, {
      publicationId: row.id,
      kind: `unit:${e.kind}`,
      bodyId: e.unit.id,
      score: e.unit.score,
      rank: e.rank,
      contentHash: row.contentHash,
    }),
  }));
  const out: PublicationUnitAwards = {
    publicationId: row.id,
    contentHash: row.contentHash,
    intact: hashSnapshot(snapshot) === row.contentHash,
    snapshot,
    scheme,
    rules,
    topBand: lists.topBand,
    awards,
  };
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, out);
  return out;
}

export interface VerifiedUnitAward {
  award: UnitAward;
  publication: { id: string; cycleId: string; version: number; status: string; publicAt: Date; publishedAt: Date; scope: string };
  awards: PublicationUnitAwards;
}

/** The unit award a code certifies, or null (malformed, unknown, altered or unreleased). */
export async function verifyUnitCode(
  tx: Queryable,
  certificateKey: Buffer,
  code: string,
  now = new Date(),
): Promise<VerifiedUnitAward | null> {
  const prefix = publicationPrefix(code);
  if (prefix === null) return null;
  const rows = await tx.select().from(publications).where(sql`left(replace(${publications.id}::text, '-', ''), 8) = ${prefix}`);
  for (const row of rows) {
    if (row.publicAt.getTime() > now.getTime()) continue;
    const awards = await publicationUnitAwards(tx, certificateKey, row);
    if (!awards.intact) continue;
    const award = awards.awards.find((a) => sameCode(a.code, code));
    if (award === undefined) continue;
    const { id, cycleId, version, status, publicAt, publishedAt, scope } = row;
    return { award, publication: { id, cycleId, version, status, publicAt, publishedAt, scope }, awards };
  }
  return null;
}

/** Units of a publication row by id, for the piagam route (without computing awards). */
export const unitAwardByCode = (awards: PublicationUnitAwards, code: string): UnitAward | undefined =>
  awards.intact ? awards.awards.find((a) => sameCode(a.code, code)) : undefined;
