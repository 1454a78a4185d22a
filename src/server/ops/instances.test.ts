// Several instances on one PostgreSQL database (issue 14 §4): two instances started at the same
// moment on an EMPTY database both come up (migrations and the demo seed under the start-up lock,
// the demo seeded once); a job started through one is run by the other's worker and downloaded
// through the first (the file is in the shared store); a certificate code issued by one verifies
// on the other (keys from configuration). Always on the PostgreSQL server (DATABASE_URL, else the
// local one CI starts): PGlite has one process by design.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { users } from '../auth/schema.ts';
import { loadSecrets } from '../config/secrets.ts';
import { type Database, openDatabase } from '../db/client.ts';
import { type SessionHeaders, sessionHeaders } from '../seed/fixtures.ts';
import { type DemoSeed, seedDemoIfEmpty } from '../seed/demo.ts';
import { storesFromEnv } from '../storage/index.ts';
import { withDatabase } from '../test/global-setup.ts';

const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `pantau_instances_${randomBytes(4).toString('hex')}`;
let admin: import('pg').Client;
let dbs: Database[] = [];
let apps: FastifyInstance[] = [];
let seeds: (DemoSeed | null)[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  const pg = (await import('pg')).default;
  admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = withDatabase(adminUrl, name);
  // Keys from configuration, the same for both; each instance has its own data directory.
  const keys = Object.fromEntries(['CERTIFICATE', 'AUDIT', 'SESSION'].map((n) => [`PANTAU_${n}_KEY`, randomBytes(32).toString('hex')]));
  const shared = mkdtempSync(join(tmpdir(), 'pantau-shared-store-'));
  dirs.push(shared);
  const start = async (jobs: boolean) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pantau-instance-'));
    dirs.push(dataDir);
    const database = await openDatabase({ url });
    const seeded = await database.withStartupLock(() => seedDemoIfEmpty(database.db));
    const app = await buildApp({
      db: database.db,
      dataDir,
      secrets: loadSecrets(dataDir, keys).keys,
      // One store for both (a shared mount or S3 in production; S3 with PANTAU_TEST_STORE=s3).
      stores: storesFromEnv(shared),
      jobs: { disabled: !jobs, pollMs: 100 },
    });
    await app.ready();
    return { database, app, seeded };
  };
  // The same moment, an empty database: only the second instance runs jobs.
  const started = await Promise.all([start(false), start(true)]);
  dbs = started.map((s) => s.database);
  apps = started.map((s) => s.app);
  seeds = started.map((s) => s.seeded);
});

afterAll(async () => {
  for (const app of apps) await app.close();
  for (const d of dbs) await d.close();
  // pool.end() resolves before its sockets have closed: wait for them (as test/harness.ts does).
  for (let i = 0; i < 100; i++) {
    const { rows } = await admin.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
    if (rows[0]!.n === 0) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function headersFor(role: string): Promise<SessionHeaders> {
  const seed = seeds.find((s) => s)!;
  const username = seed.accounts.find((a) => a.role === role)!.username;
  const [u] = await dbs[0]!.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return sessionHeaders(dbs[0]!.db, u!.id);
}

describe('two instances on one PostgreSQL database', () => {
  it('both come up on an empty database; the schema is migrated and the demo seeded once', async () => {
    expect(seeds.filter((s) => s !== null)).toHaveLength(1);
    for (const app of apps) {
      const res = await app.inject({ method: 'GET', url: '/api/v1/health/ready' });
      expect(res.json()).toEqual({ status: 'ready' });
    }
    const res = (await dbs[0]!.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`)) as unknown as {
      rows: { n: number }[];
    };
    expect(res.rows[0]!.n).toBe(1);
  });

  it('runs a job started through one instance on the other, and serves its file through the first', async () => {
    const pimpinan = await headersFor('pimpinan');
    const seed = seeds.find((s) => s)!;
    const start = await apps[0]!.inject({
      method: 'POST',
      url: `/api/v1/cycles/${seed.cycles.current}/exports/results`,
      headers: pimpinan,
      payload: {},
    });
    expect(start.statusCode).toBe(202);
    const id = start.json().id as string;
    let status = '';
    for (let i = 0; i < 300 && status !== 'done' && status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      status = (await apps[0]!.inject({ method: 'GET', url: `/api/v1/jobs/${id}`, headers: pimpinan })).json().status;
    }
    expect(status).toBe('done');
    const [row] = (
      (await dbs[0]!.db.execute(sql`select locked_by, attempts from jobs where id = ${id}`)) as unknown as {
        rows: { locked_by: string | null; attempts: number }[];
      }
    ).rows;
    expect(row!.attempts).toBe(1);
    expect(apps[1]!.jobs.stats.done).toBe(1);
    expect(apps[0]!.jobs.stats.claimed).toBe(0);
    const file = await apps[0]!.inject({ method: 'GET', url: `/api/v1/jobs/${id}/file`, headers: pimpinan });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(file.rawPayload.length).toBe(Number(file.headers['content-length']));
  });

  it('verifies on one instance a certificate code issued by the other', async () => {
    const seed = seeds.find((s) => s)!;
    const pubs = await apps[0]!.inject({ method: 'GET', url: `/api/v1/cycles/${seed.cycles.past}/publications` });
    const awards = await apps[0]!.inject({ method: 'GET', url: `/api/v1/publications/${pubs.json().items[0].id}/awards` });
    expect(awards.statusCode).toBe(200);
    const items = awards.json().items as { code: string }[];
    expect(items.length).toBeGreaterThan(0);
    const verified = await apps[1]!.inject({ method: 'GET', url: `/api/v1/verify/${encodeURIComponent(items[0]!.code)}` });
    expect(verified.json().valid).toBe(true);
  });
});
