// Published reads served like static files (issue 14 §1). What the public sees of a published
// cycle changes only when the data behind it changes (a publication, an erratum, an embargo that
// ends, a recompute, a registry edit), so an anonymous answer is computed once, kept by its
// content hash, compressed once (gzip and brotli) and then sent as bytes with a strong ETag
// (304 on If-None-Match) and Cache-Control a CDN or nginx can honour.
//
// When the data changed is decided by ONE cheap query (`stampSql`): per table that public answers
// read, the row count and the newest row version (xmin), plus how many publications are released.
// It runs at most once per `checkMs` (default 1 s) per process, and at once after any successful
// write through this process; the next embargo end (`next_release`) bounds the interval, so a
// publication is public at its hour and never earlier. Another instance's write is seen within
// `checkMs`. A different stamp empties the cache.
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants as zc, gzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.ts';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/**
 * Tables whose rows public answers are built from (results, registry, cycles, publications, awards).
 * Not `survey_responses`: an accepted F-03 response reaches public answers through the unit's
 * recomputed `unit_results` row (surveys recountF03), so a results-day campaign's SKM responses,
 * flagged ones and resends leave the kept answers alone. (`/public/ikm` is not a cached read.)
 */
export const PUBLIC_TABLES = [
  'publications',
  'cycles',
  'cycle_bodies',
  'cycle_units',
  'bodies',
  'units',
  'body_results',
  'unit_results',
] as const;

const stampSql = () =>
  sql.raw(
    `select ${PUBLIC_TABLES.map((t) => `(select count(*) || ':' || coalesce(max(xmin::text::bigint), 0) from ${t})`).join(" || '|' || ")}
       || '|' || (select count(*) from publications where public_at <= now()) as stamp,
     (select min(public_at) from publications where public_at > now()) as next_release`,
  );

export interface Entry {
  /** sha256 of the identity bytes (base64url, 27 chars): the strong ETag. */
  hash: string;
  type: string;
  disposition?: string;
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
  bytes: number;
}

export interface PublishedCacheOptions {
  /** Longest time between two stamp checks (ms). */
  checkMs?: number;
  /** Memory bound for kept answers (bytes, all encodings). */
  maxBytes?: number;
  /** Cache-Control max-age for public answers (seconds). */
  maxAge?: number;
}

export class PublishedCache {
  readonly checkMs: number;
  readonly maxBytes: number;
  readonly maxAge: number;
  private stamp: string | null = null;
  private validUntil = 0;
  private checking: Promise<string> | null = null;
  private entries = new Map<string, Entry>();
  private byHash = new Map<string, { entry: Entry; refs: number }>();
  private inflight = new Map<string, Promise<Entry | null>>();
  private bytes = 0;
  /** Counters for /metrics. */
  readonly stats = { hits: 0, misses: 0, notModified: 0, stampChecks: 0 };

  constructor(
    private readonly db: Queryable,
    opts: PublishedCacheOptions = {},
  ) {
    this.checkMs = opts.checkMs ?? 1000;
    this.maxBytes = opts.maxBytes ?? 256 * 1024 * 1024;
    this.maxAge = opts.maxAge ?? 60;
  }

  /** The current data stamp (queried at most every checkMs, or after `invalidate`). */
  async currentStamp(): Promise<string> {
    if (this.stamp !== null && Date.now() < this.validUntil) return this.stamp;
    this.checking ??= this.check().finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  private async check(): Promise<string> {
    this.stats.stampChecks++;
    const started = Date.now();
    const res = (await this.db.execute(stampSql())) as unknown as { rows: { stamp: string; next_release: string | Date | null }[] };
    const row = res.rows[0]!;
    const next = row.next_release === null ? Number.POSITIVE_INFINITY : new Date(row.next_release).getTime();
    if (row.stamp !== this.stamp) this.clear();
    this.stamp = row.stamp;
    this.validUntil = Math.min(started + this.checkMs, next);
    return row.stamp;
  }

  /** A write went through this process: check the stamp again before the next answer. */
  invalidate(): void {
    this.validUntil = 0;
  }

  clear(): void {
    this.entries.clear();
    this.byHash.clear();
    this.bytes = 0;
  }

  get(key: string): Entry | undefined {
    const e = this.entries.get(key);
    if (e) {
      // Most recently used last.
      this.entries.delete(key);
      this.entries.set(key, e);
    }
    return e;
  }

  /** The computation of `key` under way, if any (so 256 simultaneous misses compute once). */
  pending(key: string): Promise<Entry | null> | undefined {
    return this.inflight.get(key);
  }

  /** Marks `key` as being computed; `settle` with the entry (or null when the answer is not kept). */
  begin(key: string): (entry: Entry | null) => void {
    let settle!: (e: Entry | null) => void;
    this.inflight.set(
      key,
      new Promise<Entry | null>((r) => {
        settle = r;
      }),
    );
    return (entry) => {
      this.inflight.delete(key);
      settle(entry);
    };
  }

  /** Hashes and compresses an answer; identical bytes under another key share one entry. */
  async build(body: Buffer, type: string, disposition?: string): Promise<Entry> {
    const hash = createHash('sha256').update(body).digest('base64url').slice(0, 27);
    const known = this.byHash.get(hash);
    if (known) return known.entry;
    const large = body.length > 1024 * 1024;
    const [gz, br] = await Promise.all([
      gzipAsync(body, { level: 9 }),
      brotliAsync(body, {
        params: {
          // Quality 11 costs seconds per MB; large answers (open data) take 9, still well below gzip.
          [zc.BROTLI_PARAM_QUALITY]: large ? 9 : 11,
          [zc.BROTLI_PARAM_SIZE_HINT]: body.length,
          [zc.BROTLI_PARAM_MODE]: zc.BROTLI_MODE_TEXT,
        },
      }),
    ]);
    return {
      hash,
      type,
      ...(disposition ? { disposition } : {}),
      identity: body,
      gzip: gz,
      br,
      bytes: body.length + gz.length + br.length,
    };
  }

  /** Keeps `entry` under `key` if the data has not changed since `stamp`. */
  put(key: string, stamp: string, entry: Entry): void {
    if (stamp !== this.stamp || entry.bytes > this.maxBytes / 4) return;
    const old = this.entries.get(key);
    if (old) this.release(key, old);
    const shared = this.byHash.get(entry.hash);
    if (shared) shared.refs++;
    else {
      this.byHash.set(entry.hash, { entry, refs: 1 });
      this.bytes += entry.bytes;
    }
    this.entries.set(key, entry);
    for (const [k, e] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.release(k, e);
    }
  }

  private release(key: string, entry: Entry): void {
    this.entries.delete(key);
    const shared = this.byHash.get(entry.hash);
    if (shared && --shared.refs <= 0) {
      this.byHash.delete(entry.hash);
      this.bytes -= entry.bytes;
    }
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }
}

/** The encoding to send: brotli, else gzip, else none (q=0 refuses one). */
export function pickEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  if (!acceptEncoding) return null;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return null;
}

/** Strong ETag of one representation: the content hash, with the encoding for compressed bytes. */
export const etagOf = (hash: string, encoding: 'br' | 'gzip' | null): string => `"${hash}${encoding === null ? '' : `-${encoding}`}"`;

/** If-None-Match names this content (in any of its encodings), or `*`. */
export function matchesEtag(ifNoneMatch: string | undefined, hash: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((raw) => {
    const tag = raw.trim().replace(/^W\//, '').replace(/^"|"$/g, '');
    return tag === '*' || tag === hash || tag === `${hash}-br` || tag === `${hash}-gzip`;
  });
}
