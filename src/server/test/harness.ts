// Per-test-file database and app. Each file gets its own copy of the migrated template, so files
// run in parallel without seeing each other's rows.
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { desc, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { expect, inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { auditEvents } from '../audit/schema.ts';
import { type Database, type Queryable, openDatabase } from '../db/client.ts';
import { buildApp } from '../app.ts';
import { withDatabase } from './global-setup.ts';

export interface TestDb extends Database {
  /** Drops the per-file database (PostgreSQL) and closes. */
  destroy(): Promise<void>;
}

export async function createTestDb(): Promise<TestDb> {
  const cfg = inject('pantauDb');
  if (cfg.kind === 'postgres') {
    const pg = (await import('pg')).default;
    const name = `${cfg.template}_f${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: cfg.adminUrl });
    await admin.connect();
    await admin.query(`create database ${name} template ${cfg.template}`);
    const database = await openDatabase({ url: withDatabase(cfg.adminUrl, name), migrate: false });
    return {
      ...database,
      async destroy() {
        await database.close();
        // pg's pool.end() resolves before its sockets have closed; a forced drop would then kill
        // the closing connections and their FATAL 57P01 surfaces as an unhandled error. Wait for
        // them to go first (bounded; the forced drop still cleans up whatever is left).
        for (let i = 0; i < 50; i++) {
          const { rows } = await admin.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
          if (rows[0]!.n === 0) break;
          await new Promise((r) => setTimeout(r, 20));
        }
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const blob = new Blob([readFileSync(cfg.dump)]);
  const database = await openDatabase({ dataDir: 'memory://', loadDataDir: blob, migrate: false });
  return { ...database, destroy: () => database.close() };
}

export interface TestApp {
  app: FastifyInstance;
  db: TestDb;
  dataDir: string;
  close(): Promise<void>;
}

export async function createTestApp(): Promise<TestApp> {
  const db = await createTestDb();
  const dataDir = mkdtempSync(join(tmpdir(), 'pantau-data-'));
  const app = await buildApp({ db: db.db, dataDir });
  await app.ready();
  return {
    app,
    db,
    dataDir,
    async close() {
      await app.close();
      await db.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** True when the suite runs against a PostgreSQL server. */
export const onPostgres = (): boolean => inject('pantauDb').kind === 'postgres';

/** The head of the audit chain: the last event's seq and hash (seq 0 when the log is empty). */
export interface AuditHead {
  seq: number;
  hash: string | null;
}

export async function auditHead(db: Queryable): Promise<AuditHead> {
  const [row] = await db.select({ seq: auditEvents.seq, hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
  return row ?? { seq: 0, hash: null };
}

/** A fingerprint of a table's whole content (row count and an md5 over its rows in a fixed order). */
async function tableFingerprint(db: Queryable, table: PgTable): Promise<string> {
  const name = sql.identifier(getTableName(table));
  const res = (await db.execute(
    sql`select count(*)::int as n, coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as h from ${name} t`,
  )) as unknown as { rows: { n: number; h: string }[] };
  return `${res.rows[0]!.n}:${res.rows[0]!.h}`;
}

/**
 * Runs a call that must be refused and expects it to have changed nothing: the audit head (every
 * write appends to the chain in its own transaction, so an unchanged head means no write
 * committed) and, when given, the full content of `tables` (for what a refusal could touch
 * without an audit). Returns the call's result for the test's own assertions.
 */
export async function expectUnchanged<T>(db: Queryable, act: () => Promise<T>, opts: { tables?: PgTable[] } = {}): Promise<T> {
  const tables = opts.tables ?? [];
  const before = { head: await auditHead(db), tables: await Promise.all(tables.map((t) => tableFingerprint(db, t))) };
  const result = await act();
  const after = { head: await auditHead(db), tables: await Promise.all(tables.map((t) => tableFingerprint(db, t))) };
  expect(after, 'a refused call changed something').toEqual(before);
  return result;
}

/**
 * Runs `fn` as an attacker with superuser rights would: in one transaction with triggers off
 * (`session_replication_role = replica`), so the audit table's append-only triggers do not stop
 * it. Tests of tamper detection use it; nothing else may.
 */
export async function tamper(
  db: Database['db'],
  fn: (tx: Parameters<Parameters<Database['db']['transaction']>[0]>[0]) => Promise<unknown>,
): Promise<void> {
  const { sql } = await import('drizzle-orm');
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await fn(tx);
  });
}
