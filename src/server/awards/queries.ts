// Awards of a stored publication, with each award's certificate code, and code verification.
// Publications are immutable (only `status` changes), so the computed lists are cached by
// publication id, content hash and a digest of the stored JSON; the status is read fresh.
import { createHash } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import type { Lang, Scheme } from '../../core/types.ts';
import type { Queryable } from '../db/client.ts';
import { cycleScheme, getCycleOr404 } from '../cycles/queries.ts';
import { hashSnapshot, scopeName } from '../publications/queries.ts';
import { publications } from '../publications/schema.ts';
import { bodies } from '../registry/schema.ts';
import { type AwardEntry, computeAwards } from './awards.ts';
import { certificateCode, publicationPrefix, sameCode } from './codes.ts';
import type { PublicationSnapshot } from '../../shared/wire/publications.ts';

export interface CodedAward extends AwardEntry {
  code: string;
}

export interface PublicationAwards {
  publicationId: string;
  contentHash: string;
  /** The stored snapshot still hashes to its content hash (false = altered in storage: no award is valid). */
  intact: boolean;
  snapshot: PublicationSnapshot;
  scheme: Scheme;
  topBand: string;
  awards: CodedAward[];
}

const cache = new Map<string, PublicationAwards>();
/** A short, non-secret name of a key for cache keys (never the key itself). */
const keyId = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 16);
const CACHE_LIMIT = 16;

/** Awards of a publication row (snapshot loaded), codes signed with the certificate key (config/secrets.ts). */
export async function publicationAwards(
  tx: Queryable,
  certificateKey: Buffer,
  row: { id: string; cycleId: string; contentHash: string; snapshot: unknown },
): Promise<PublicationAwards> {
  // The stored JSON's own digest is part of the key: a snapshot altered in storage is re-checked.
  const stored = createHash('sha1').update(JSON.stringify(row.snapshot)).digest('hex');
  const key = `${keyId(certificateKey)}\u0000${row.id}\u0000${row.contentHash}\u0000${stored}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const snapshot = row.snapshot as PublicationSnapshot;
  const scheme = await cycleScheme(tx, await getCycleOr404(tx, row.cycleId));
  const intact = hashSnapshot(snapshot) === row.contentHash;
  const lists = computeAwards(snapshot, scheme);
  const awards = lists.entries.map((e) => ({
    ...e,
    code: certificateCode(certificateKey, {
      publicationId: row.id,
      kind: e.kind,
      bodyId: e.body.id,
      score: e.body.score,
      rank: e.rank,
      contentHash: row.contentHash,
    }),
  }));
  const out: PublicationAwards = {
    publicationId: row.id,
    contentHash: row.contentHash,
    intact,
    snapshot,
    scheme,
    topBand: lists.topBand,
    awards,
  };
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, out);
  return out;
}

/** Province names by code (without "Provinsi "). */
export async function provinceNames(tx: Queryable): Promise<Map<string, string>> {
  const rows = await tx
    .select({ code: bodies.code, name: bodies.name })
    .from(bodies)
    .where(eq(bodies.type, 'provinsi'))
    .orderBy(asc(bodies.code));
  return new Map(rows.map((r) => [r.code, r.name.replace(/^Provinsi\s+/, '')]));
}

export interface VerifiedAward {
  award: CodedAward;
  publication: { id: string; cycleId: string; version: number; status: string; publicAt: Date; publishedAt: Date; scope: string };
  awards: PublicationAwards;
}

/**
 * The award a code certifies, or null (malformed, unknown, altered, the snapshot altered in
 * storage, or the publication not yet released).
 */
export async function verifyCode(tx: Queryable, certificateKey: Buffer, code: string, now = new Date()): Promise<VerifiedAward | null> {
  const prefix = publicationPrefix(code);
  if (prefix === null) return null;
  const rows = await tx.select().from(publications).where(sql`left(replace(${publications.id}::text, '-', ''), 8) = ${prefix}`);
  for (const row of rows) {
    if (row.publicAt.getTime() > now.getTime()) continue;
    const awards = await publicationAwards(tx, certificateKey, row);
    if (!awards.intact) continue;
    const award = awards.awards.find((a) => sameCode(a.code, code));
    if (award === undefined) continue;
    return {
      award,
      publication: {
        id: row.id,
        cycleId: row.cycleId,
        version: row.version,
        status: row.status,
        publicAt: row.publicAt,
        publishedAt: row.publishedAt,
        scope: row.scope,
      },
      awards,
    };
  }
  return null;
}

/** The current version of a publication's (cycle, scope), when it is not this one. */
export async function currentVersionOf(
  tx: Queryable,
  pub: { cycleId: string; scope: string },
): Promise<{ id: string; version: number } | null> {
  const [row] = await tx
    .select({ id: publications.id, version: publications.version })
    .from(publications)
    .where(sql`${publications.cycleId} = ${pub.cycleId} and ${publications.scope} = ${pub.scope} and ${publications.status} = 'current'`)
    .limit(1);
  return row ?? null;
}

/**
 * What a verification says of the publication that certifies an award (a government's or a
 * unit's piagam): the version, whether it was superseded, and the current version if so.
 */
export async function verifiedPublication(
  tx: Queryable,
  pub: VerifiedAward['publication'] & { id: string },
  awards: Pick<PublicationAwards, 'snapshot' | 'contentHash'>,
  lang: Lang,
  provinceOf: (code: string | null) => string | null,
) {
  const superseded = pub.status !== 'current';
  const current = superseded ? await currentVersionOf(tx, pub) : null;
  const snap = awards.snapshot;
  return {
    publication: {
      id: pub.id,
      cycle: { id: snap.cycle.id, name: snap.cycle.name, year: snap.cycle.year, schemeId: snap.cycle.schemeId },
      scope: pub.scope,
      scopeName: scopeName(pub.scope, provinceOf(pub.scope === 'national' ? null : pub.scope), lang),
      version: pub.version,
      status: superseded ? ('superseded' as const) : ('current' as const),
      released: true as const,
      publishedAt: pub.publishedAt.toISOString(),
      contentHash: awards.contentHash,
    },
    superseded,
    current: current !== null && current.id !== pub.id ? current : null,
  };
}
