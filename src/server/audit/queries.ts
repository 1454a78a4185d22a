// Append-only audit log, chained with a key: hash = HMAC-SHA256(audit key, prevHash ‖ canonical
// event). Every write goes through appendAudit in the same transaction as the change it records.
// Without the key (app.secrets.audit, config/secrets.ts) nobody can recompute a hash, so an edited
// or re-chained event shows; signed checkpoints of the head kept outside the table
// (audit/checkpoints.ts) show a deleted tail or a truncated table. In the database, triggers refuse
// UPDATE, DELETE and TRUNCATE on the table (audit/guards.ts).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { resolve } from 'node:path';
import { and, asc, count, desc, eq, gte, like, lt, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { canonicalJson } from '../../core/canonical-json.ts';
import { loadSecrets } from '../config/secrets.ts';
import type { Queryable, Tx } from '../db/client.ts';
import type { AuditAction } from './actions.ts';
import { auditEvents } from './schema.ts';
import type { AuditEvent } from '../../shared/wire/audit.ts';
import type { Page } from '../../shared/wire/common.ts';

export const GENESIS = '0'.repeat(64);

// ── The key ─────────────────────────────────────────────────────────────────────────────────

let configuredKey: Buffer | undefined;

/**
 * Sets the chain's HMAC key for this process: the server's `audit` secret. buildApp, the CLI and
 * `npm start` call it with `loadSecrets(...).keys.audit`; every instance writing the same database
 * must hold the same key (config/secrets.ts).
 */
export function setAuditKey(key: Buffer): void {
  configuredKey = key;
}

/** A fixed key for test code that appends events without building an app (never outside Vitest). */
const TEST_KEY = Buffer.from('pantau-test-audit-key-not-a-secret-0123456789abcdef');

/**
 * The key: as set by `setAuditKey`, else (a script that writes without building the server, e.g.
 * a benchmark) the environment's own — PANTAU_AUDIT_KEY, its _FILE, or $DATA_DIR/secrets — the
 * same place `npm start` and `pantau` read it from.
 */
export function auditKey(): Buffer {
  if (configuredKey) return configuredKey;
  if (process.env.VITEST) return TEST_KEY;
  configuredKey = loadSecrets(resolve(process.env.DATA_DIR ?? './data')).keys.audit;
  return configuredKey;
}

/** Who acted: a signed-in account, or `{ id: null, username: 'public' }` for an anonymous caller; null = system. */
export type AuditActor = { id: string | null; username: string } | null;

export interface AuditInput {
  actor: AuditActor;
  /** resource.verb, one of `auditActions` (audit/actions.ts). */
  action: AuditAction;
  subjectType: string;
  subjectId?: string | null;
  provinceCode?: string | null;
  /** Before/after difference, or the created values. */
  diff: unknown;
  /** Injected clock (tests); default now. */
  at?: Date;
}

interface ChainedFields {
  at: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  subjectType: string;
  subjectId: string | null;
  provinceCode: string | null;
  diff: unknown;
}

export function eventHash(prevHash: string, e: ChainedFields, key: Buffer = auditKey()): string {
  return createHmac('sha256', key).update(prevHash).update(canonicalJson(e)).digest('hex');
}

/**
 * The chain head each open transaction last appended, while it holds the append lock (a
 * transaction-scoped advisory lock, held to its end): its next event needs neither the lock nor
 * a read of the head again. The insert still checks the head in the same statement, so a head
 * moved by other code in the transaction (say, a released savepoint) sends it the long way.
 * Only a transaction keeps one: the database handle itself holds no lock between statements.
 */
const heldHeads = new WeakMap<object, string>();

function chainedFields(input: AuditInput): ChainedFields {
  return {
    at: (input.at ?? new Date()).toISOString(),
    actorId: input.actor?.id ?? null,
    actorLabel: input.actor?.username ?? 'system',
    action: input.action,
    subjectType: input.subjectType,
    subjectId: input.subjectId ?? null,
    provinceCode: input.provinceCode ?? null,
    diff: JSON.parse(JSON.stringify(input.diff ?? {})) as unknown,
  };
}

/**
 * Appends one event. The chain head is read under a transaction-scoped advisory lock so two
 * concurrent writers cannot both chain onto the same previous hash (which would fork the chain).
 * A transaction's later events chain onto the head it wrote (`heldHeads`): one statement each.
 */
export async function appendAudit(tx: Tx, input: AuditInput): Promise<void> {
  const fields = chainedFields(input);
  const held = heldHeads.get(tx);
  if (held !== undefined) {
    const hash = eventHash(held, fields);
    const inserted = (await tx.execute(sql`
      insert into audit_events (at, actor_id, actor_label, action, subject_type, subject_id, province_code, diff, prev_hash, hash)
      select ${fields.at}::timestamptz, ${fields.actorId}::uuid, ${fields.actorLabel}, ${fields.action}, ${fields.subjectType},
        ${fields.subjectId}, ${fields.provinceCode}, ${JSON.stringify(fields.diff)}::jsonb, ${held}, ${hash}
      where coalesce((select hash from audit_events order by seq desc limit 1), ${GENESIS}) = ${held}
      returning seq`)) as unknown as { rows: unknown[] };
    if (inserted.rows.length === 1) {
      heldHeads.set(tx, hash);
      return;
    }
  }
  await tx.execute(sql`select pg_advisory_xact_lock(7426001)`);
  const [head] = await tx.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
  const prevHash = head?.hash ?? GENESIS;
  const hash = eventHash(prevHash, fields);
  await tx.insert(auditEvents).values({ ...fields, at: new Date(fields.at), diff: fields.diff, prevHash, hash });
  if (tx instanceof PgTransaction) heldHeads.set(tx, hash);
}

/**
 * Appends several events in order, chained as if appended one by one, with one lock, one head
 * read and one multi-row insert (bulk writes such as a record batch touching many units).
 */
export async function appendAuditMany(tx: Tx, inputs: readonly AuditInput[]): Promise<void> {
  if (inputs.length === 0) return;
  await tx.execute(sql`select pg_advisory_xact_lock(7426001)`);
  const [head] = await tx.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
  let prevHash = head?.hash ?? GENESIS;
  const key = auditKey();
  const rows = inputs.map((input) => {
    const fields = chainedFields(input);
    const hash = eventHash(prevHash, fields, key);
    const row = { ...fields, at: new Date(fields.at), diff: fields.diff, prevHash, hash };
    prevHash = hash;
    return row;
  });
  // A multi-row VALUES list takes its serial `seq` values in list order, so the chain order holds.
  await tx.insert(auditEvents).values(rows);
  if (tx instanceof PgTransaction) heldHeads.set(tx, prevHash);
}

/**
 * The audit diff of an edit: the fields of `patch` whose value differs from `before`, as
 * `{ before, after }` (dates as ISO strings). Empty objects when nothing changed.
 */
export function changedFields<T extends Record<string, unknown>>(before: T, patch: Partial<T>): { before: Partial<T>; after: Partial<T> } {
  const norm = (v: unknown) => (v instanceof Date ? v.toISOString() : v);
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(patch) as (keyof T)[]) {
    const next = patch[key];
    if (next === undefined) continue;
    if (JSON.stringify(norm(before[key])) === JSON.stringify(norm(next))) continue;
    b[key] = norm(before[key]) as T[keyof T];
    a[key] = norm(next) as T[keyof T];
  }
  return { before: b, after: a };
}

/** A signed statement of the chain's head at a moment, kept outside the table (checkpoints.ts). */
export interface AuditCheckpoint {
  /** seq and hash of the newest event then (0 and GENESIS for an empty chain). */
  seq: number;
  hash: string;
  at: string;
  /** HMAC-SHA256 with the audit key over "pantau-audit-checkpoint-1", seq, hash and at. */
  mac: string;
}

const checkpointMac = (key: Buffer, c: Pick<AuditCheckpoint, 'seq' | 'hash' | 'at'>): string =>
  createHmac('sha256', key).update(`pantau-audit-checkpoint-1\n${c.seq}\n${c.hash}\n${c.at}`).digest('hex');

export function signCheckpoint(head: { seq: number; hash: string }, at: Date, key: Buffer = auditKey()): AuditCheckpoint {
  const c = { seq: head.seq, hash: head.hash, at: at.toISOString() };
  return { ...c, mac: checkpointMac(key, c) };
}

export function checkpointSignatureOk(c: AuditCheckpoint, key: Buffer = auditKey()): boolean {
  const want = Buffer.from(checkpointMac(key, c), 'hex');
  const got = Buffer.from(typeof c.mac === 'string' && /^[0-9a-f]{64}$/.test(c.mac) ? c.mac : '', 'hex');
  return got.length === want.length && timingSafeEqual(got, want);
}

/** The newest event (seq and hash), or seq 0 and GENESIS for an empty chain. */
export async function auditHead(db: Queryable): Promise<{ seq: number; hash: string }> {
  const [head] = await db
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  return head ?? { seq: 0, hash: GENESIS };
}

/** A checkpoint of the head as `db` sees it now (a publication snapshot embeds one). */
export async function signedAuditHead(db: Queryable, now = new Date()): Promise<AuditCheckpoint> {
  return signCheckpoint(await auditHead(db), now);
}

/**
 * `brokenAt` is the seq of the first event that fails; `kind` says how:
 *  'link'       — its prev_hash is not the previous event's hash (an event was removed, inserted
 *                 or reordered);
 *  'content'    — its hash does not match its own fields under the key (the event was edited, or
 *                 re-hashed by someone without the key);
 *  'truncated'  — the checkpoint names an event the table no longer holds (the newest events were
 *                 deleted, or the table was emptied); brokenAt is the checkpoint's seq;
 *  'rewritten'  — the event at the checkpoint's seq has another hash than the checkpoint says;
 *  'checkpoint' — the checkpoint's own signature is wrong (it was edited or forged), or it is
 *                 required and missing.
 */
export type VerifyKind = 'link' | 'content' | 'truncated' | 'rewritten' | 'checkpoint';
export type VerifyResult =
  | { ok: true; events: number; checkpoint?: { seq: number; at: string } | null }
  | { ok: false; events: number; brokenAt: number; kind: VerifyKind; reason: string };

export interface VerifyOptions {
  /** The latest checkpoint from outside the table; undefined = chain only. */
  checkpoint?: AuditCheckpoint | null;
  /** With events in the table, a missing checkpoint is a failure (the CLI and the API). */
  requireCheckpoint?: boolean;
  /** Checkpoints printed elsewhere (publication snapshots): each must match the chain too. */
  anchors?: readonly AuditCheckpoint[];
  key?: Buffer;
}

/** Walks the chain in order and names the first broken link, then checks it against the checkpoints. */
export async function verifyAudit(db: Queryable, opts: VerifyOptions = {}, batch = 5000): Promise<VerifyResult> {
  const key = opts.key ?? auditKey();
  const anchors = [...(opts.checkpoint ? [opts.checkpoint] : []), ...(opts.anchors ?? [])];
  for (const c of anchors) {
    if (!checkpointSignatureOk(c, key))
      return { ok: false, events: 0, brokenAt: c.seq, kind: 'checkpoint', reason: 'the checkpoint signature is wrong' };
  }
  // seq → hash the anchors expect; checked as the walk passes them.
  const expected = new Map<number, string>();
  for (const c of anchors) if (c.seq > 0) expected.set(c.seq, c.hash);
  let prev = GENESIS;
  let count = 0;
  let after = 0;
  for (;;) {
    const rows = await db.select().from(auditEvents).where(sql`${auditEvents.seq} > ${after}`).orderBy(asc(auditEvents.seq)).limit(batch);
    if (rows.length === 0) break;
    for (const r of rows) {
      count++;
      if (r.prevHash !== prev)
        return { ok: false, events: count, brokenAt: r.seq, kind: 'link', reason: 'prev_hash does not match the previous event' };
      const fields: ChainedFields = {
        at: r.at.toISOString(),
        actorId: r.actorId,
        actorLabel: r.actorLabel,
        action: r.action,
        subjectType: r.subjectType,
        subjectId: r.subjectId,
        provinceCode: r.provinceCode,
        diff: r.diff,
      };
      if (eventHash(prev, fields, key) !== r.hash)
        return { ok: false, events: count, brokenAt: r.seq, kind: 'content', reason: 'hash does not match the event content' };
      const want = expected.get(r.seq);
      if (want !== undefined) {
        if (want !== r.hash)
          return { ok: false, events: count, brokenAt: r.seq, kind: 'rewritten', reason: 'the event differs from the signed checkpoint' };
        expected.delete(r.seq);
      }
      prev = r.hash;
      after = r.seq;
    }
  }
  if (expected.size > 0) {
    const seq = Math.max(...expected.keys());
    return {
      ok: false,
      events: count,
      brokenAt: seq,
      kind: 'truncated',
      reason: `the signed checkpoint names event ${seq}, which the table no longer holds (newest events deleted or table truncated)`,
    };
  }
  if (opts.requireCheckpoint && !opts.checkpoint && count > 0)
    return { ok: false, events: count, brokenAt: after, kind: 'checkpoint', reason: 'no signed checkpoint was found' };
  return {
    ok: true,
    events: count,
    ...(opts.checkpoint !== undefined ? { checkpoint: opts.checkpoint ? { seq: opts.checkpoint.seq, at: opts.checkpoint.at } : null } : {}),
  };
}

export interface AuditFilter {
  page: number;
  pageSize: number;
  /** Exact action, or a prefix when it ends with "." ("user."). */
  action?: string;
  subjectType?: string;
  subjectId?: string;
  actorId?: string;
  provinceCode?: string;
  /** Inclusive lower and exclusive upper bound on `at`. */
  from?: Date;
  to?: Date;
}

export async function listAudit(db: Queryable, f: AuditFilter): Promise<Page<AuditEvent>> {
  const where = and(
    f.action
      ? f.action.endsWith('.')
        ? like(auditEvents.action, `${f.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
        : eq(auditEvents.action, f.action)
      : undefined,
    f.subjectType ? eq(auditEvents.subjectType, f.subjectType) : undefined,
    f.subjectId ? eq(auditEvents.subjectId, f.subjectId) : undefined,
    f.actorId ? eq(auditEvents.actorId, f.actorId) : undefined,
    f.provinceCode ? eq(auditEvents.provinceCode, f.provinceCode) : undefined,
    f.from ? gte(auditEvents.at, f.from) : undefined,
    f.to ? lt(auditEvents.at, f.to) : undefined,
  );
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(auditEvents).where(where);
  const rows = await db
    .select()
    .from(auditEvents)
    .where(where)
    .orderBy(desc(auditEvents.seq))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { items: rows.map((r) => ({ ...r, at: r.at.toISOString() })), total, page: f.page, pageSize: f.pageSize };
}
