// Backup and restore (issue 14 §6): the demo with an uploaded evidence file and a finished job,
// backed up while the server runs, restored into an EMPTY database and data directory; the
// restored instance answers the same (public and signed-in reads), serves the same evidence and
// job file byte for byte, and its audit chain verifies. A non-empty target is refused.
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { verifyAudit } from '../audit/queries.ts';
import { users } from '../auth/schema.ts';
import { cycleUnits, cycles } from '../cycles/schema.ts';
import { units } from '../registry/schema.ts';
import { settleJobs } from '../jobs/runner.ts';
import { type SessionHeaders, sessionHeaders } from '../seed/fixtures.ts';
import { putDemoLibraryFiles } from '../seed/demo-library.ts';
import { type DemoSeed, seedDemoIfEmpty } from '../seed/demo.ts';
import { storesFromEnv } from '../storage/index.ts';
import { type TestApp, type TestDb, createTestApp, createTestDb, onPostgres } from '../test/harness.ts';
import { pdf } from '../test/files.ts';
import { backup, copyField, restore } from './backup.ts';
import { readTar } from './tar.ts';
import { backupThroughServer, serveBackups, serverAnswers } from './backup-socket.ts';

let a: TestApp;
let b: { app: FastifyInstance; db: TestDb; dataDir: string };
let seed: DemoSeed;
let headers: { admin: SessionHeaders; pimpinan: SessionHeaders };
let evidenceId: string;
let jobId: string;
let demoFiles = 0;
const work = mkdtempSync(join(tmpdir(), 'pantau-backup-test-'));
// A well-formed PDF (evidence is checked on its structure) with a few KB of varied bytes.
const PDF = pdf(`Bukti cadangan ${Array.from({ length: 400 }, (_, i) => i.toString(36)).join(' ')}`);

async function headersOf(role: string): Promise<SessionHeaders> {
  const username = seed.accounts.find((x) => x.role === role)!.username;
  const [u] = await a.db.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return sessionHeaders(a.db.db, u!.id);
}

beforeAll(async () => {
  a = await createTestApp();
  seed = (await seedDemoIfEmpty(a.db.db))!;
  // Seeded after the app started: the demo library's files go into the store as at a real start.
  demoFiles = await putDemoLibraryFiles(a.db.db, a.app.stores.evidence);
  headers = { admin: await headersOf('admin'), pimpinan: await headersOf('pimpinan') };
  // An evidence file uploaded by the admin for a unit of the cycle, back in fieldwork.
  await a.db.db.update(cycles).set({ status: 'fieldwork' }).where(eq(cycles.id, seed.cycles.current));
  const [open] = await a.db.db
    .select({ unitId: cycleUnits.unitId })
    .from(cycleUnits)
    .where(eq(cycleUnits.cycleId, seed.cycles.current))
    .limit(1);
  await a.db.db
    .update(cycleUnits)
    .set({ status: 'pending' })
    .where(and(eq(cycleUnits.cycleId, seed.cycles.current), eq(cycleUnits.unitId, open!.unitId)));
  const boundary = '----pantaubackup';
  const field = (k: string, v: string) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  const upload = await a.app.inject({
    method: 'POST',
    url: '/api/v1/evidence',
    headers: { ...headers.admin, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      field('cycleId', seed.cycles.current),
      field('unitId', open!.unitId),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bukti.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      PDF,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
  expect(upload.statusCode).toBe(201);
  evidenceId = upload.json().id;
  // A finished job with a file.
  const job = await a.app.inject({
    method: 'POST',
    url: `/api/v1/cycles/${seed.cycles.current}/exports/results`,
    headers: headers.pimpinan,
    payload: {},
  });
  expect(job.statusCode).toBe(202);
  jobId = job.json().id;
  await settleJobs();

  // Backup while the server runs; restore into an empty database and data directory.
  const file = join(work, 'pantau.backup');
  const summary = await backup(a.db.db, onPostgres() ? 'postgres' : 'pglite', a.app.stores, file);
  expect(demoFiles).toBeGreaterThan(0);
  expect(summary).toMatchObject({ evidence: 1 + demoFiles, files: 1 });
  const db = await createTestDb();
  const dataDir = mkdtempSync(join(tmpdir(), 'pantau-restored-'));
  const restored = await restore(db.db, storesFromEnv(dataDir), file);
  expect(restored.rows).toBe(summary.rows);
  // The same keys (they live outside the archive, with the configuration).
  const app = await buildApp({ db: db.db, dataDir, secrets: a.app.secrets });
  await app.ready();
  b = { app, db, dataDir };
});

afterAll(async () => {
  await b?.app.close();
  await b?.db.destroy();
  if (b) rmSync(b.dataDir, { recursive: true, force: true });
  await a.close();
  rmSync(work, { recursive: true, force: true });
});

const both = async (url: string, h: Record<string, string> = {}) => {
  const [x, y] = await Promise.all([a.app, b.app].map((app) => app.inject({ method: 'GET', url, headers: h })));
  return [x!, y!] as const;
};

describe('backup and restore', () => {
  it('answers the same public and signed-in reads after a restore', async () => {
    const urls = [
      '/api/v1/cycles?published=true',
      `/api/v1/cycles/${seed.cycles.past}/rankings?group=province&province=36`,
      `/api/v1/cycles/${seed.cycles.current}/progress`,
      `/api/v1/cycles/${seed.cycles.current}/rankings?group=province&province=36`,
    ];
    for (const url of urls) {
      for (const h of [{}, headers.admin]) {
        const [x, y] = await both(url, h);
        expect(y.statusCode, url).toBe(x.statusCode);
        expect(y.body, url).toBe(x.body);
      }
    }
  });

  it('serves the same evidence and job file byte for byte', async () => {
    const [x, y] = await both(`/api/v1/evidence/${evidenceId}`, headers.admin);
    expect(x.statusCode).toBe(200);
    expect(y.rawPayload.equals(x.rawPayload)).toBe(true);
    expect(y.rawPayload.equals(PDF)).toBe(true);
    const [f, g] = await both(`/api/v1/jobs/${jobId}/file`, headers.pimpinan);
    expect(f.statusCode).toBe(200);
    expect(g.rawPayload.equals(f.rawPayload)).toBe(true);
  });

  it('keeps the audit chain intact and refuses a database that is not empty', async () => {
    expect((await verifyAudit(b.db.db)).ok).toBe(true);
    const again = join(work, 'again.backup');
    await backup(b.db.db, 'pglite', b.app.stores, again);
    await expect(restore(b.db.db, b.app.stores, again)).rejects.toThrow(/not empty/);
  });

  it('backs up online through the running server (PGlite) while it answers requests, and restores the same', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pantau-online-'));
    expect(await backupThroughServer(dir, join(dir, 'none.backup'))).toBeNull();
    const server = await serveBackups(dir, a.db.db, a.app.stores);
    try {
      expect(await serverAnswers(dir)).toBe(true);
      const file = join(dir, 'online.backup');
      const url = `/api/v1/cycles/${seed.cycles.current}/rankings?group=province&province=36`;
      // Requests keep being answered while the server writes the archive.
      const [summary, ...answers] = await Promise.all([
        backupThroughServer(dir, file),
        ...Array.from({ length: 5 }, () => a.app.inject({ method: 'GET', url, headers: headers.admin })),
      ]);
      expect(answers.every((r) => r.statusCode === 200)).toBe(true);
      expect(summary).toMatchObject({ evidence: 1 + demoFiles, files: 1 });
      const db = await createTestDb();
      const restoredDir = mkdtempSync(join(tmpdir(), 'pantau-restored-online-'));
      try {
        const restored = await restore(db.db, storesFromEnv(restoredDir), file);
        expect(restored.rows).toBe(summary!.rows);
        const app = await buildApp({ db: db.db, dataDir: restoredDir, secrets: a.app.secrets });
        await app.ready();
        const [x, y] = await Promise.all([a.app, app].map((s) => s.inject({ method: 'GET', url, headers: headers.admin })));
        expect(y!.body).toBe(x!.body);
        expect((await verifyAudit(db.db)).ok).toBe(true);
        await app.close();
      } finally {
        await db.destroy();
        rmSync(restoredDir, { recursive: true, force: true });
      }
    } finally {
      await new Promise((r) => server.close(r));
      rmSync(dir, { recursive: true, force: true });
    }
    expect(await serverAnswers(dir)).toBe(false);
  });

  it('reads PostgreSQL COPY text fields back: \\N is null, escapes undone', () => {
    expect(copyField('\\N')).toBeNull();
    expect(copyField('plain')).toBe('plain');
    expect(copyField('a\\tb\\nc\\rd\\\\e')).toBe('a\tb\nc\rd\\e');
    expect(copyField('\\N/A')).toBe('N/A');
    expect(copyField('\\101\\x42')).toBe('AB');
  });

  // A request made during a backup: PGlite has one connection, so it waits for whatever holds it;
  // PostgreSQL answers it on another connection beside the backup's snapshot.
  it('answers a request made while the tables are copied before the copy ends; on PGlite the old one-transaction read made it wait', async () => {
    const during = async (snapshot: 'copy' | 'cursor' | undefined) => {
      const events: string[] = [];
      let request: Promise<unknown> | undefined;
      await backup(
        a.db.db,
        onPostgres() ? 'postgres' : 'pglite',
        a.app.stores,
        join(work, `during-${snapshot ?? 'default'}.backup`),
        (line) => {
          events.push(line);
          // Asked as soon as the first table is read: a request's query arriving mid-backup
          // (queued on the one connection at once; an HTTP request first takes a varying number
          // of event-loop turns through its hooks, which made the order depend on the machine).
          request ??= a.db.db.execute(sql`select count(*)::int as n from cycles`).then(() => {
            events.push('answered');
          });
        },
        snapshot ? { snapshot } : {},
      );
      await request;
      return events;
    };
    const tableLine = /^\w+: \d+$/;
    if (onPostgres()) {
      // The default on PostgreSQL: rows through a cursor inside a repeatable-read snapshot.
      const events = await during(undefined);
      expect(events.filter((e) => tableLine.test(e)).length).toBeGreaterThan(20);
      expect(events.indexOf('answered')).toBeGreaterThan(0);
      expect(events.indexOf('answered')).toBeLessThan(events.findLastIndex((e) => tableLine.test(e)));
      return;
    }
    const copied = await during('copy');
    const lastCopy = copied.findLastIndex((e) => e.startsWith('copied '));
    expect(copied.filter((e) => e.startsWith('copied ')).length).toBeGreaterThan(20);
    expect(copied.indexOf('answered')).toBeGreaterThan(0);
    expect(copied.indexOf('answered')).toBeLessThan(lastCopy);
    expect(copied.some((e) => /^snapshot: .* ms$/.test(e))).toBe(true);
    // The previous method read every table inside one transaction: the request came after all.
    const cursor = await during('cursor');
    const tables = cursor.filter((e) => tableLine.test(e)).length;
    expect(tables).toBeGreaterThan(20);
    expect(cursor.indexOf('answered')).toBeGreaterThan(cursor.findLastIndex((e) => tableLine.test(e)));
  });

  // A write during the backup: the archive is one consistent state either way. PGlite's online
  // copy notices the write and copies again (the archive holds the state after it); PostgreSQL's
  // snapshot is the state when the backup began (the write is not in it, and nothing copies twice).
  it('holds one consistent state when the database is written to during the copy', async () => {
    const [unit] = await a.db.db.select({ id: units.id, name: units.name }).from(units).limit(1);
    const renamed = `${unit!.name} (diubah saat pencadangan)`;
    const file = join(work, 'written.backup');
    const events: string[] = [];
    let write: Promise<unknown> | undefined;
    // After the units were read: PGlite logs "copied units", PostgreSQL "units: <rows>".
    const unitsRead = (line: string) => line === 'copied units' || /^units: \d+$/.test(line);
    const summary = await backup(a.db.db, onPostgres() ? 'postgres' : 'pglite', a.app.stores, file, (line) => {
      events.push(line);
      if (unitsRead(line)) write ??= a.db.db.update(units).set({ name: renamed }).where(eq(units.id, unit!.id)).execute();
    });
    await write;
    expect(write).toBeDefined();
    let names: string[] = [];
    await readTar(createReadStream(file), async (name, data) => {
      if (/^db\/\d+-units\.jsonl\.gz$/.test(name))
        names = gunzipSync(data)
          .toString('utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => ((JSON.parse(l) as { id: string; name: string }).id === unit!.id ? JSON.parse(l).name : ''));
    });
    const [{ n } = { n: 0 }] = ((await a.db.db.execute(sql`select count(*)::int as n from units`)) as unknown as { rows: { n: number }[] })
      .rows;
    expect(names).toHaveLength(n);
    expect(summary.rows).toBeGreaterThan(n);
    const [now] = await a.db.db.select({ name: units.name }).from(units).where(eq(units.id, unit!.id));
    expect(now!.name).toBe(renamed);
    if (onPostgres()) {
      expect(names).toContain(unit!.name);
      expect(names).not.toContain(renamed);
      expect(events.some((e) => e.startsWith('written to during copy'))).toBe(false);
      return;
    }
    expect(events).toContain('written to during copy 1');
    expect(events.filter((e) => e === 'copied units')).toHaveLength(2);
    expect(events.find((e) => e.startsWith('snapshot:'))).not.toMatch(/one transaction/);
    expect(names).toContain(renamed);
  });
});
