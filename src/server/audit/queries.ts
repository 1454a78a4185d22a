// Append-only, hash-chained audit log. Every write goes through appendAudit in the same
// transaction as the change it records.
import { createHash } from 'node:crypto';
import { and, asc, count, desc, eq, gte, like, lt, sql } from 'drizzle-orm';
import { canonicalJson } from '../../core/canonical-json.ts';
import type { Queryable, Tx } from '../db/client.ts';
import type { AuditAction } from './actions.ts';
import { auditEvents } from './schema.ts';
import type { AuditEvent } from '../../shared/wire/audit.ts';
import type { Page } from '../../shared/wire/common.ts';

export const GENESIS = '0'.repeat(64);

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

export function eventHash(prevHash: string, e: ChainedFields): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(e)).digest('hex');
}

/**
 * Appends one event. The chain head is read under a transaction-scoped advisory lock so two
 * concurrent writers cannot both chain onto the same previous hash (which would fork the chain).
 */
export async function appendAudit(tx: Tx, input: AuditInput): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(7426001)`);
  const [head] = await tx.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
  const prevHash = head?.hash ?? GENESIS;
  const at = (input.at ?? new Date()).toISOString();
  const fields: ChainedFields = {
    at,
    actorId: input.actor?.id ?? null,
    actorLabel: input.actor?.username ?? 'system',
    action: input.action,
    subjectType: input.subjectType,
    subjectId: input.subjectId ?? null,
    provinceCode: input.provinceCode ?? null,
    diff: JSON.parse(JSON.stringify(input.diff ?? {})) as unknown,
  };
  await tx.insert(auditEvents).values({ ...fields, at: new Date(at), diff: fields.diff, prevHash, hash: eventHash(prevHash, fields) });
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
  const rows = inputs.map((input) => {
    const at = (input.at ?? new Date()).toISOString();
    const fields: ChainedFields = {
      at,
      actorId: input.actor?.id ?? null,
      actorLabel: input.actor?.username ?? 'system',
      action: input.action,
      subjectType: input.subjectType,
      subjectId: input.subjectId ?? null,
      provinceCode: input.provinceCode ?? null,
      diff: JSON.parse(JSON.stringify(input.diff ?? {})) as unknown,
    };
    const hash = eventHash(prevHash, fields);
    const row = { ...fields, at: new Date(at), diff: fields.diff, prevHash, hash };
    prevHash = hash;
    return row;
  });
  // A multi-row VALUES list takes its serial `seq` values in list order, so the chain order holds.
  await tx.insert(auditEvents).values(rows);
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

/**
 * `brokenAt` is the seq of the first event that fails; `kind` says how: 'link' — its prev_hash is
 * not the previous event's hash (an event was removed, inserted or reordered); 'content' — its hash
 * does not match its own fields (the event was edited).
 */
export type VerifyResult =
  | { ok: true; events: number }
  | { ok: false; events: number; brokenAt: number; kind: 'link' | 'content'; reason: string };

/** Walks the chain in order and names the first broken link. */
export async function verifyAudit(db: Queryable, batch = 5000): Promise<VerifyResult> {
  let prev = GENESIS;
  let count = 0;
  let after = 0;
  for (;;) {
    const rows = await db.select().from(auditEvents).where(sql`${auditEvents.seq} > ${after}`).orderBy(asc(auditEvents.seq)).limit(batch);
    if (rows.length === 0) return { ok: true, events: count };
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
      if (eventHash(prev, fields) !== r.hash)
        return { ok: false, events: count, brokenAt: r.seq, kind: 'content', reason: 'hash does not match the event content' };
      prev = r.hash;
      after = r.seq;
    }
  }
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
