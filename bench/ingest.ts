/**
 * Ingest benchmark: records per second through POST /api/v1/records/batch (the offline app's
 * sync path: validation against the frozen scheme, idempotency check, insert, audit, recompute
 * of every affected unit, one transaction per request), against a raw batched insert of the same
 * rows (`insert … select from unnest(…)`, stack.md gotcha 7) measured in the same run, batch for
 * batch, interleaved. Both are durable: every batch is its own committed transaction
 * (PostgreSQL with fsync and synchronous_commit as configured, reported; PGlite on a directory
 * on disk, not in memory).
 *
 *   npx tsx bench/ingest.ts [--records 20000] [--batch 500] [--repeat 3] [--pg-only | --pglite-only]
 *
 * PostgreSQL: DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres; a throw-away
 * database is created in that server and dropped afterwards. Goal (issue 3 §10): ≥ 2,000
 * records/s and ≥ 40 % of the raw rate on PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SQL, sql } from 'drizzle-orm';
import { getScheme } from '../methodologies/index.ts';
import { buildApp } from '../src/server/app.ts';
import { type Database, openDatabase } from '../src/server/db/client.ts';
import { createCycle, transitionCycle } from '../src/server/cycles/queries.ts';
import { addLocusBody } from '../src/server/locus/queries.ts';
import { contentHash } from '../src/server/records/queries.ts';
import { insertBody, insertUnit, insertUser, sessionHeaders } from '../src/server/seed/fixtures.ts';
import { prng, syntheticSheets } from '../src/server/seed/synthetic.ts';
import type { RecordInput } from '../src/shared/wire/records.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const RECORDS = opt('records', 20_000);
const BATCH = opt('batch', 500);
/** Whole measurements per backend, each on a fresh database; the median ratio is reported. */
const REPEAT = opt('repeat', 3);
const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const rowsOf = async <T>(db: Database['db'], query: SQL): Promise<T[]> => ((await db.execute(query)) as unknown as { rows: T[] }).rows;

interface Figures {
  backend: string;
  records: number;
  batch: number;
  endpointMs: number;
  rawMs: number;
  endpointRate: number;
  rawRate: number;
  ratio: number;
  settings?: Record<string, string>;
}

/** Records shaped like real fieldwork: whole units (every instrument to its quota), unit after unit. */
function makeRecords(unitIds: string[], cycleId: string, n: number): RecordInput[] {
  const scheme = getScheme('ombudsman-2024')!;
  const rand = prng(42);
  const out: RecordInput[] = [];
  for (const unitId of unitIds) {
    for (const sheet of syntheticSheets(scheme, rand, 0.4 + rand() * 0.6)) {
      out.push({
        id: randomUUID(),
        cycleId,
        unitId,
        instrument: sheet.instrument,
        respondent: sheet.respondent,
        answers: sheet.answers,
        capturedAt: '2024-07-15T09:30:00+07:00',
      });
      if (out.length === n) return out;
    }
  }
  return out;
}

async function run(database: Database, backend: string, dataDir: string): Promise<Figures> {
  const db = database.db;
  const scheme = getScheme('ombudsman-2024')!;
  const perUnit = scheme.instruments.reduce((a, i) => a + i.quota.target, 0);
  const unitCount = Math.ceil(RECORDS / perUnit);
  // Registry, two cycles over the same units: A through the endpoint, B by raw insert.
  const setup = await db.transaction(async (tx) => {
    const units: string[] = [];
    const bodies = [];
    for (let b = 0; units.length < unitCount; b++) {
      const body = await insertBody(tx, {
        type: 'kabupaten',
        code: `99.${String(b).padStart(2, '0')}`,
        name: `Kabupaten Uji ${b}`,
        provinceCode: '99',
      });
      bodies.push(body);
      for (let u = 0; u < 10 && units.length < unitCount; u++) units.push((await insertUnit(tx, body.id, `Unit ${u}`, 'lainnya')).id);
    }
    const admin = await insertUser(tx, 'admin');
    const actor = { id: admin.id, username: admin.username };
    const cycles = [];
    for (const name of ['endpoint', 'raw']) {
      let cycle = await createCycle(tx, actor, { name: `Bench ${name}`, year: 2024, schemeId: 'ombudsman-2024' });
      for (const body of bodies) await addLocusBody(tx, actor, cycle, { ...body, active: true });
      cycle = await transitionCycle(tx, actor, cycle, 'fieldwork');
      cycles.push(cycle);
    }
    return { units, admin, cycles };
  });
  const headers = { ...(await sessionHeaders(db, setup.admin.id)), 'content-type': 'application/json' };
  const app = await buildApp({ db, dataDir });
  await app.ready();

  const viaApi = makeRecords(setup.units, setup.cycles[0]!.id, RECORDS);
  // The same rows for the raw insert: same content, its own ids and cycle; hashes precomputed.
  const raw = viaApi.map((r) => {
    const row = { ...r, id: randomUUID(), cycleId: setup.cycles[1]!.id };
    return { ...row, contentHash: contentHash(row.cycleId, row.unitId, row) };
  });
  const payloads: string[] = [];
  for (let i = 0; i < viaApi.length; i += BATCH) payloads.push(JSON.stringify({ records: viaApi.slice(i, i + BATCH) }));

  const rawBatch = async (rows: typeof raw) => {
    await db.transaction(async (tx) => {
      await tx.execute(sql`
        insert into records (id, cycle_id, unit_id, instrument, respondent, answers, remarks, notes, captured_by, captured_at, status, review, content_hash)
        select * from unnest(${sql.param(rows.map((r) => r.id))}::uuid[], ${sql.param(rows.map((r) => r.cycleId))}::uuid[],
          ${sql.param(rows.map((r) => r.unitId))}::uuid[], ${sql.param(rows.map((r) => r.instrument))}::text[],
          ${sql.param(rows.map((r) => r.respondent ?? null))}::text[], ${sql.param(rows.map((r) => JSON.stringify(r.answers)))}::jsonb[],
          ${sql.param(rows.map(() => '{}'))}::jsonb[], ${sql.param(rows.map(() => null))}::text[],
          ${sql.param(rows.map(() => setup.admin.id))}::uuid[], ${sql.param(rows.map((r) => r.capturedAt))}::timestamptz[],
          ${sql.param(rows.map(() => 'submitted'))}::text[], ${sql.param(rows.map(() => '{}'))}::jsonb[],
          ${sql.param(rows.map((r) => r.contentHash))}::text[])`);
    });
  };

  let endpointMs = 0;
  let rawMs = 0;
  for (let k = 0; k < payloads.length; k++) {
    // Interleaved, so both see the same table size and machine load.
    let t = performance.now();
    await rawBatch(raw.slice(k * BATCH, (k + 1) * BATCH));
    rawMs += performance.now() - t;
    t = performance.now();
    const res = await app.inject({ method: 'POST', url: '/api/v1/records/batch', headers, payload: payloads[k]! });
    endpointMs += performance.now() - t;
    const body = res.json() as { created: number };
    if (res.statusCode !== 200 || body.created !== Math.min(BATCH, viaApi.length - k * BATCH)) {
      throw new Error(`batch ${k}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    }
  }
  // Every unit was recomputed along the way.
  const check = (
    await rowsOf<{ results: number }>(db, sql`select count(*)::int as results from unit_results where cycle_id = ${setup.cycles[0]!.id}`)
  )[0];
  if (check!.results !== setup.units.length) throw new Error(`expected ${setup.units.length} unit results, found ${check!.results}`);
  await app.close();

  let settings: Record<string, string> | undefined;
  if (database.kind === 'postgres') {
    settings = {};
    for (const name of ['fsync', 'synchronous_commit', 'wal_sync_method', 'server_version']) {
      const row = (await rowsOf<Record<string, string>>(db, sql.raw(`show ${name}`)))[0];
      settings[name] = Object.values(row!)[0]!;
    }
  }
  const n = viaApi.length;
  return {
    backend,
    records: n,
    batch: BATCH,
    endpointMs,
    rawMs,
    endpointRate: n / (endpointMs / 1000),
    rawRate: n / (rawMs / 1000),
    ratio: rawMs / endpointMs,
    ...(settings ? { settings } : {}),
  };
}

/** Drops a bench database once its connections have gone (forcing only as a last resort). */
async function dropDatabase(admin: { query(text: string): Promise<unknown> }, name: string): Promise<void> {
  for (let i = 0; i < 50; i++) {
    try {
      await admin.query(`drop database if exists ${name}`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  await admin.query(`drop database if exists ${name} with (force)`);
}

async function onPostgres(): Promise<Figures> {
  const pg = (await import('pg')).default;
  const name = `pantau_bench_ingest_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'pantau-bench-'));
  try {
    const database = await openDatabase({ url: url.toString() });
    try {
      return await run(database, 'PostgreSQL', dataDir);
    } catch (e) {
      console.error(e);
      throw e;
    } finally {
      await database.close();
    }
  } finally {
    await dropDatabase(admin, name);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function onPglite(): Promise<Figures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pantau-bench-'));
  try {
    const database = await openDatabase({ dataDir: join(dataDir, 'pglite') });
    try {
      return await run(database, 'PGlite (on disk)', dataDir);
    } finally {
      await database.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const results: Figures[][] = [];
for (const [flag, measure] of [
  ['--pglite-only', onPostgres],
  ['--pg-only', onPglite],
] as const) {
  if (args.includes(flag)) continue;
  const runs: Figures[] = [];
  for (let i = 0; i < REPEAT; i++) {
    runs.push(await measure());
    const r = runs[i]!;
    process.stderr.write(
      `  ${r.backend} run ${i + 1}: endpoint ${Math.round(r.endpointRate)} rec/s, raw ${Math.round(r.rawRate)} rec/s, ${(r.ratio * 100).toFixed(1)} %\n`,
    );
  }
  results.push(runs);
}

const f0 = (x: number) => Math.round(x).toLocaleString('en-US');
console.log(`\nIngest: ${RECORDS} records in batches of ${BATCH} (ombudsman-2024 sheets, whole units), median of ${REPEAT} runs\n`);
console.log('backend            endpoint rec/s   raw rec/s   endpoint/raw   (ratio per run)');
for (const runs of results) {
  const ratios = runs.map((r) => r.ratio);
  console.log(
    `${runs[0]!.backend.padEnd(18)} ${f0(median(runs.map((r) => r.endpointRate))).padStart(14)} ${f0(median(runs.map((r) => r.rawRate))).padStart(11)} ${`${(median(ratios) * 100).toFixed(1)} %`.padStart(14)}   (${ratios.map((x) => `${(x * 100).toFixed(1)} %`).join(', ')})`,
  );
  if (runs[0]!.settings)
    console.log(
      `  ${Object.entries(runs[0]!.settings)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ')}`,
    );
}
const pgRuns = results.find((runs) => runs[0]!.backend === 'PostgreSQL');
if (pgRuns) {
  const ok = median(pgRuns.map((r) => r.endpointRate)) >= 2000 && median(pgRuns.map((r) => r.ratio)) >= 0.4;
  console.log(`\nGoal on PostgreSQL (≥ 2,000 rec/s and ≥ 40 % of raw): ${ok ? 'met' : 'NOT met'}`);
}
if (args.includes('--json')) console.log(JSON.stringify(results));
