/**
 * Online PGlite backup (issue 14 §6): how long does a request made during `pantau backup` wait?
 *
 *   npx tsx bench/backup.ts [--runs 2] [--national] [--no-restore] [--probe health]
 *
 * PGlite has ONE connection: while the backup's snapshot transaction is open, every other query
 * waits. A probe sends a public request (`GET /api/v1/cycles?published=true` through app.inject:
 * routing, the database, serialisation) every 10 ms while a backup runs; its wait is the time from
 * when it was due to its answer (so a blocked event loop counts too). Reported per backup: the
 * longest wait, the backup's total time, the snapshot hold as the backup logs it, the archive size.
 *
 * - **Baseline (same run, alternating):** the previous method, `snapshot: 'cursor'` — every row as
 *   row_to_json through a cursor, gzipped as it comes, all inside the snapshot transaction.
 * - **New:** `snapshot: 'copy'` (PGlite's default) — inside the snapshot only
 *   `COPY table TO '/dev/blob'` (raw text); JSON lines, gzip and hashes after it is released.
 * - Also: the same probe with no backup running (the idle wait), and a restore of the new archive
 *   into a fresh durable data directory — total time, and that every table's rows read back the
 *   same as the source (row_to_json of every row, hashed).
 * - **Data:** the demo (`seedDemoIfEmpty` + its library files) on a durable on-disk PGlite; with
 *   `--national`, also the synthetic national cycle (`seedNational`: 587 bodies, 4,109 units,
 *   160,251 records, recomputed). Goal: a request waits < 0.5 s on the demo.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/server/app.ts';
import { type Db, openDatabase } from '../src/server/db/client.ts';
import { backup, restore } from '../src/server/ops/backup.ts';
import { putDemoLibraryFiles } from '../src/server/seed/demo-library.ts';
import { seedDemoIfEmpty } from '../src/server/seed/demo.ts';
import { seedNational } from '../src/server/seed/national.ts';
import { storesFromEnv } from '../src/server/storage/index.ts';

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1] || 2) || 2;
const NATIONAL = args.includes('--national');
/** `--probe health`: GET /api/v1/health (a `select 1`) instead of the public cycle list. */
const PROBE =
  args.includes('--probe') && args[args.indexOf('--probe') + 1] === 'health' ? '/api/v1/health' : '/api/v1/cycles?published=true';
const RESTORE = !args.includes('--no-restore');
const work = mkdtempSync(join(process.env.TMPDIR ?? '/tmp', 'pantau-bench-backup-'));
const ms = (x: number) => `${Math.round(x).toLocaleString('en')} ms`;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

interface Probe {
  max: number;
  median: number;
  count: number;
}

/** Requests every 10 ms while `fn` runs; each one's wait counts from when it was due. */
async function probed<T>(app: FastifyInstance, fn: () => Promise<T>): Promise<{ result: T; ms: number; probe: Probe }> {
  let stop = false;
  const waits: number[] = [];
  const loop = (async () => {
    let due = performance.now() + 5;
    await new Promise((r) => setTimeout(r, 5));
    do {
      const res = await app.inject({ method: 'GET', url: PROBE });
      if (res.statusCode !== 200) throw new Error(`probe: ${res.statusCode}`);
      const end = performance.now();
      waits.push(end - due);
      due = end + 10;
      await new Promise((r) => setTimeout(r, 10));
    } while (!stop);
  })();
  const t0 = performance.now();
  const result = await fn();
  const took = performance.now() - t0;
  stop = true;
  await loop;
  const sorted = [...waits].sort((a, b) => a - b);
  return { result, ms: took, probe: { max: sorted.at(-1) ?? 0, median: sorted[Math.floor(sorted.length / 2)] ?? 0, count: waits.length } };
}

/** Every table's rows as row_to_json, sorted, hashed: equal hashes = the same rows. */
async function contentHash(db: Db): Promise<string> {
  const hash = createHash('sha256');
  const tables = (
    (await db.execute(sql`select tablename as t from pg_tables where schemaname = 'public' order by 1`)) as unknown as {
      rows: { t: string }[];
    }
  ).rows;
  for (const { t } of tables) {
    const rows = (
      (await db.execute(sql.raw(`select row_to_json(z)::text as j from "${t}" z order by 1`))) as unknown as { rows: { j: string }[] }
    ).rows;
    hash.update(`${t}\n`);
    for (const r of rows) hash.update(`${r.j}\n`);
  }
  return hash.digest('hex');
}

async function measure(label: string, seed: (db: Db, dataDir: string) => Promise<void>, durable: boolean): Promise<void> {
  const dataDir = join(work, label);
  const database = await openDatabase({ dataDir: join(dataDir, 'pglite'), durable });
  const t0 = performance.now();
  await seed(database.db, dataDir);
  const { n } = (
    (await database.db.execute(sql`select sum(n_live_tup)::int as n from pg_stat_user_tables where schemaname = 'public'`)) as unknown as {
      rows: { n: number }[];
    }
  ).rows[0]!;
  console.log(`\n## ${label}: seeded in ${ms(performance.now() - t0)} (≈ ${n.toLocaleString('en')} rows), load ${load()}`);
  const app = await buildApp({ db: database.db, dataDir });
  await app.ready();
  const idle = await probed(app, () => new Promise((r) => setTimeout(r, 1000)));
  console.log(
    `idle (no backup, 1 s): request wait median ${ms(idle.probe.median)}, max ${ms(idle.probe.max)} (${idle.probe.count} requests)`,
  );
  console.log('| method | request waited (max) | median | snapshot read | backup total | archive | load |');
  console.log('|---|---|---|---|---|---|---|');
  let archive = '';
  for (let run = 0; run < RUNS; run++) {
    for (const method of ['cursor', 'held', 'copy'] as const) {
      const file = join(work, `${label}-${method}-${run}.backup`);
      let hold = '';
      let retries = 0;
      const r = await probed(app, () =>
        backup(
          database.db,
          'pglite',
          app.stores,
          file,
          (line) => {
            const m = /^snapshot: .* in (\d+) ms(, in one transaction)?$/.exec(line);
            if (m) hold = `${ms(Number(m[1]))} ${m[2] ? 'in one transaction' : 'in slices beside requests'}`;
            if (line.startsWith('written to during copy')) retries++;
          },
          method === 'cursor' ? { snapshot: 'cursor' } : { snapshot: 'copy', ...(method === 'held' ? { onlineAttempts: 0 } : {}) },
        ),
      );
      // The cursor method reads everything inside the snapshot (its hold is the whole read;
      // the longest request wait shows it).
      const name = {
        cursor: 'old: rows as JSON through a cursor, in one transaction',
        held: 'new, written to meanwhile: COPY in one transaction, JSON + gzip after',
        copy: 'new: COPY in slices beside requests, JSON + gzip after',
      }[method];
      console.log(
        `| ${name} | ${ms(r.probe.max)} | ${ms(r.probe.median)} | ${hold || '(whole read)'}${retries ? ` (${retries} online attempt(s) written to)` : ''} | ${ms(r.ms)} | ${(r.result.bytes / 1048576).toFixed(2)} MB, ${r.result.rows.toLocaleString('en')} rows | ${load()} |`,
      );
      if (method === 'copy') archive = file;
    }
  }
  if (RESTORE) {
    const source = await contentHash(database.db);
    const target = await openDatabase({ dataDir: join(work, `${label}-restored`, 'pglite'), durable });
    const t1 = performance.now();
    const restored = await restore(target.db, storesFromEnv(join(work, `${label}-restored`)), archive);
    const took = performance.now() - t1;
    const same = (await contentHash(target.db)) === source;
    console.log(
      `restore of the new archive: ${ms(took)} (${restored.rows.toLocaleString('en')} rows, ${restored.evidence} evidence files), rows the same as the source: ${same ? 'yes' : 'NO'}`,
    );
    await target.close();
  }
  await app.close();
  await database.close();
}

try {
  console.log(`# Online PGlite backup: ${RUNS} run(s) per method, load ${load()}`);
  await measure(
    'demo',
    async (db, dataDir) => {
      await seedDemoIfEmpty(db);
      const stores = storesFromEnv(dataDir);
      await putDemoLibraryFiles(db, stores.evidence);
      stores.close();
    },
    true,
  );
  if (NATIONAL)
    await measure(
      'national',
      async (db) => {
        await seedNational(db, { recompute: true });
      },
      // Seeding 160,251 records with an fsync per commit would dominate the run; the backup only reads.
      false,
    );
} finally {
  rmSync(work, { recursive: true, force: true });
}
