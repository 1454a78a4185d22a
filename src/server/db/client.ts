// Opens the database: embedded PGlite in $DATA_DIR/pglite by default, a PostgreSQL server
// through a pg pool when DATABASE_URL is set. One Drizzle handle type for both.
import { cpSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything queries can run on: the database or an open transaction. */
export type Queryable = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /**
   * Runs `fn` while holding the start-up lock (a PostgreSQL advisory lock): instances starting
   * together on one database migrate and seed one after the other. PGlite has one process.
   */
  withStartupLock<T>(fn: () => Promise<T>): Promise<T>;
  /** Connection pool figures for /metrics (PostgreSQL). */
  pool?: { total: number; idle: number; waiting: number };
  close(): Promise<void>;
}

/** The advisory lock key of start-up work (migrations, the demo seed): 'pantau' in ASCII. */
export const STARTUP_LOCK = 0x70616e746175;

// Next to this module: src/server/db/migrations, or in the server bundle .cache/server/migrations.
export const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface OpenOptions {
  /** postgres://… ; when absent, PGlite is used. */
  url?: string;
  /** PGlite directory; `memory://` for an in-memory database. */
  dataDir?: string;
  /** A PGlite data-dir dump (tests start from a migrated template). */
  loadDataDir?: Blob | File;
  /**
   * An empty migrated database kept by the build (scripts/build-web.ts): a data directory, copied
   * as files, or a gzipped PGlite dump. A NEW data directory starts from it instead of running
   * initdb and the migrations.
   */
  template?: string;
  /** Apply migrations (default true; on PostgreSQL under the start-up lock). */
  migrate?: boolean;
  /** PostgreSQL connections per process (default 10; PANTAU_DB_POOL). */
  poolSize?: number;
  /**
   * PGlite on disk: fsync every commit (default true; `PANTAU_PGLITE_FSYNC=off` turns it off —
   * faster, and an acknowledged write may be lost on power loss, as with PGlite's own default).
   */
  durable?: boolean;
}

export async function openDatabase(opts: OpenOptions = {}): Promise<Database> {
  const migrate = opts.migrate ?? true;
  if (opts.url) {
    const pg = await import('pg');
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const pool = new pg.default.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10 });
    // An idle connection the server ends (a restart, an administrator, `drop database … with
    // (force)`) errors on the pool; unhandled, that error would end the process. The pool drops
    // that connection and opens another when one is next needed.
    pool.on('error', (e) => console.error(`pantau: an idle database connection ended: ${e.message}`));
    const db = drizzle(pool, { schema }) as unknown as Db;
    const withStartupLock = async <T>(fn: () => Promise<T>): Promise<T> => {
      // Session-level lock on one connection; the work itself may use any connection.
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [STARTUP_LOCK]);
        try {
          return await fn();
        } finally {
          await client.query('select pg_advisory_unlock($1)', [STARTUP_LOCK]);
        }
      } finally {
        client.release();
      }
    };
    if (migrate) {
      const { migrate: run } = await import('drizzle-orm/node-postgres/migrator');
      await withStartupLock(async () => {
        await run(db as never, { migrationsFolder });
        await (await import('../audit/guards.ts')).installAuditGuards(db);
        // Ranks are stored at recompute time; data from before that gets them once.
        await (await import('../scores/ranks.ts')).backfillRanks(db);
      });
    }
    return {
      db,
      kind: 'postgres',
      withStartupLock,
      get pool() {
        return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
      },
      // pool.end() resolves once every connection is asked to end, not when it has: wait for
      // each to close, so that whoever drops the database next finds none left.
      close: async () => {
        let left = pool.totalCount;
        const closed = new Promise<void>((resolve) => {
          if (left === 0) resolve();
          pool.on('remove', () => {
            if (--left === 0) resolve();
          });
        });
        await pool.end();
        await closed;
      },
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  let dataDir = opts.dataDir ?? 'memory://';
  if (!dataDir.startsWith('memory://')) {
    dataDir = resolve(dataDir);
    mkdirSync(dataDir, { recursive: true });
  }
  let load = opts.loadDataDir;
  if (!load && opts.template && dataDir !== 'memory://' && !existsSync(join(dataDir, 'PG_VERSION')) && existsSync(opts.template)) {
    // A migrated data directory kept by the build: copied as files (0.1–0.3 s), then opened like
    // any existing directory — loading the same template as a tarball through PGlite's file
    // system took 3.0–3.4 s against 0.6–0.9 s to open (2026-12-05, 2 cores, load 5).
    if (statSync(opts.template).isDirectory()) cpSync(opts.template, dataDir, { recursive: true });
    else load = new Blob([readFileSync(opts.template)]);
  }
  // On disk, commits reach the disk (db/durable-pglite.ts); in memory there is nothing to sync.
  const durable = !dataDir.startsWith('memory://') && opts.durable !== false;
  let client: InstanceType<typeof PGlite>;
  if (durable) {
    const { DurableNodeFS, durableStartParams } = await import('./durable-pglite.ts');
    client = new PGlite({ fs: new DurableNodeFS(dataDir), startParams: durableStartParams(), ...(load ? { loadDataDir: load } : {}) });
  } else {
    client = new PGlite({ dataDir, ...(load ? { loadDataDir: load } : {}) });
  }
  await client.waitReady;
  const db = drizzle(client, { schema }) as unknown as Db;
  if (migrate) {
    const { migrate: run } = await import('drizzle-orm/pglite/migrator');
    await run(db as never, { migrationsFolder });
    await (await import('../audit/guards.ts')).installAuditGuards(db);
    await (await import('../scores/ranks.ts')).backfillRanks(db);
  }
  return { db, kind: 'pglite', withStartupLock: (fn) => fn(), close: () => client.close() };
}

/**
 * DATABASE_URL → PostgreSQL; otherwise PGlite in $DATA_DIR/pglite (default ./data).
 * PANTAU_MIGRATE=0: do not migrate at start (an application role that does not own the tables,
 * docs/security.md; the owner migrates).
 */
export function databaseOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): OpenOptions {
  if (env.DATABASE_URL) {
    return {
      url: env.DATABASE_URL,
      migrate: env.PANTAU_MIGRATE !== '0',
      ...(env.PANTAU_DB_POOL ? { poolSize: Number(env.PANTAU_DB_POOL) } : {}),
    };
  }
  return {
    dataDir: join(env.DATA_DIR ?? './data', 'pglite'),
    template: resolve('.cache/pglite-template'),
    durable: env.PANTAU_PGLITE_FSYNC !== 'off',
  };
}
