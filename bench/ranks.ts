/**
 * Stored ranks (issue 14): what storing ranks at recompute time adds to a write, and what it
 * saves on a live (signed-in, unpublished) ranking read — both sides in the same run.
 *
 *   npx tsx bench/ranks.ts [--writes 40] [--reads 60] [--sheets N] [--pglite]
 *
 * - Data: the synthetic national cycle (`seedNational`: 587 bodies, 4,109 units; every instrument
 *   to quota unless --sheets limits the sheets per unit), recomputed, with an imported, published
 *   previous cycle (movement). PostgreSQL: a throw-away database in DATABASE_URL's server (default
 *   postgres://postgres@127.0.0.1:5432/postgres); --pglite: a throw-away PGlite directory.
 * - Write: `recomputeUnits` for one unit (what every record write, review decision and dispute
 *   does), one transaction each, units picked round the cycle — once after changing one of its
 *   sheets (its score and its body's move) and once as it is (no rounded score moves). Baseline:
 *   the same write of the same unit, back to back in alternating order, with `ranks: false` (no
 *   old score read, no place moved; its stale places are repaired outside the timing). What rank
 *   storage adds = the median of the paired differences, as a share of the write storing ranks —
 *   it counts rank work wherever it runs, also inside the score upserts' statements. Printed too:
 *   the `ranks` phase alone (the `storeRanks` call after the upserts; the only figure before stop
 *   25, fair only while every rank statement ran in that phase — since stop 25 a one-unit write
 *   shifts places inside its body upsert, so that phase is ~0 and the paired figure is the one).
 * - Read: as an admin (a live read: never served from the published cache), the national
 *   kabupaten ranking (416 rows), a provincial ranking, a national sector ranking (~500 units) and
 *   a government page's places. Baseline (same run, alternating): ranking at read time as before
 *   — every body (or every unit of the sector) of the cycle and of the previous cycle loaded and
 *   ranked by the engine on each read.
 * Goal: a live ranking read is an indexed read (≥ 5 × faster than ranking at read time) for a
 * write cost under 20 % of the write.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { asc, eq, sql } from 'drizzle-orm';
import { movement, rankGovernments, rankUnitsBySector } from '../src/core/index.ts';
import type { RankInput } from '../src/core/types.ts';
import type { Actor } from '../src/server/auth/policy.ts';
import { createCycle, cycleScheme, getCycle } from '../src/server/cycles/queries.ts';
import { cycleScopes } from '../src/server/publications/visibility.ts';
import { type Db, openDatabase } from '../src/server/db/client.ts';
import { publish } from '../src/server/publications/queries.ts';
import { scoredUnits } from '../src/server/read-models/locus.ts';
import { bodies } from '../src/server/registry/schema.ts';
import { importBodyScores } from '../src/server/scores/import.ts';
import { getBodyResult, previousCycle, ranking } from '../src/server/scores/queries.ts';
import { type RecomputeTimings, recomputeUnits } from '../src/server/scores/recompute.ts';
import { storeRanks } from '../src/server/scores/ranks.ts';
import { bodyResults } from '../src/server/scores/schema.ts';
import { seedNational } from '../src/server/seed/national.ts';
import type { Cycle } from '../src/shared/wire/cycles.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : fallback;
};
const WRITES = Number(opt('writes', '40'));
const READS = Number(opt('reads', '60'));
const SHEETS = args.includes('--sheets') ? Number(opt('sheets', '39')) : undefined;
const PGLITE = args.includes('--pglite');
const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const admin: Actor = {
  id: '00000000-0000-4000-8000-000000000001',
  username: 'admin',
  name: 'Admin',
  role: 'admin',
  provinceCode: null,
  bodyId: null,
  unitId: null,
};

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
const median = (xs: number[]) => quantile(xs, 0.5);
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;

// ── Ranking at read time, as before (the baseline) ───────────────────────────────────────────

async function govRows(db: Db, cycleId: string) {
  const rows = await db
    .select({ id: bodies.id, name: bodies.name, type: bodies.type, province: bodies.provinceCode, score: bodyResults.score })
    .from(bodyResults)
    .innerJoin(bodies, eq(bodies.id, bodyResults.bodyId))
    .where(eq(bodyResults.cycleId, cycleId));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    type: r.type as RankInput['type'],
    ...(r.province ? { province: r.province } : {}),
    score: r.score,
  }));
}

async function readTimeGovernments(db: Db, cycle: Cycle, key: string) {
  // What ranking() reads besides the rows, as before (scheme, released scopes, previous cycle).
  await cycleScheme(db, cycle);
  await cycleScopes(db, cycle.id);
  const prev = await previousCycle(db, cycle);
  const prevPlaces = new Map<string, number>();
  if (prev)
    for (const r of rankGovernments(await govRows(db, prev.id)))
      for (const p of [r.nationalType, r.province]) if (p?.group === key) prevPlaces.set(p.row.id, p.rank);
  const collator = new Intl.Collator('id');
  const out = rankGovernments(await govRows(db, cycle.id))
    .map((r) => (r.nationalType.group === key ? r.nationalType : r.province?.group === key ? r.province : null))
    .filter((p) => p !== null)
    .map((p) => ({ ...p, previousRank: prevPlaces.get(p.row.id) ?? null, movement: movement(prevPlaces.get(p.row.id), p.rank) }));
  return out.sort((a, b) => a.rank - b.rank || collator.compare(a.row.name, b.row.name));
}

async function readTimeSector(db: Db, cycle: Cycle, sector: string) {
  const rows = async (id: string) =>
    (await scoredUnits(db, id, { sector, located: true })).map((r) => ({
      id: r.id,
      name: `${r.name} — ${r.bodyName}`,
      type: r.bodyType as RankInput['type'],
      province: 'national',
      sector: r.sector,
      score: r.score,
    }));
  await cycleScheme(db, cycle);
  await cycleScopes(db, cycle.id);
  const prev = await previousCycle(db, cycle);
  const prevRanks = new Map<string, number>();
  if (prev) for (const r of rankUnitsBySector(await rows(prev.id))) prevRanks.set(r.row.id, r.rank);
  return rankUnitsBySector(await rows(cycle.id)).map((r) => ({ ...r, movement: movement(prevRanks.get(r.row.id), r.rank) }));
}

// ── Run ─────────────────────────────────────────────────────────────────────────────────────

const pg = (await import('pg')).default;
const name = `${process.env.PANTAU_BENCH_DB_PREFIX ?? 'pantau_bench'}_ranks_${process.pid}`;
const pgAdmin = PGLITE ? null : new pg.Client({ connectionString: adminUrl });
let dir: string | null = null;
let url: string | null = null;
if (pgAdmin) {
  await pgAdmin.connect();
  await pgAdmin.query(`create database ${name}`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  url = u.toString();
} else dir = mkdtempSync(join(tmpdir(), 'pantau-bench-ranks-'));
const database = await openDatabase(url ? { url } : { dataDir: join(dir!, 'pglite') });
try {
  const db = database.db;
  const t0 = performance.now();
  const seeded = await seedNational(db, {
    ...(SHEETS ? { sheetsPerUnit: SHEETS } : {}),
    log: (l) => process.stderr.write(`  seed: ${l}\n`),
  });
  const cycle = (await getCycle(db, seeded.cycleId))!;
  await db.transaction(async (tx) => {
    const past = await createCycle(tx, null, {
      name: 'Hasil 2023',
      year: 2023,
      schemeId: 'ombudsman-2024',
      source: 'imported',
      status: 'final',
    });
    const list = await tx
      .select({ bodyId: bodyResults.bodyId })
      .from(bodyResults)
      .where(eq(bodyResults.cycleId, cycle.id))
      .orderBy(asc(bodyResults.bodyId));
    await importBodyScores(
      tx,
      null,
      past,
      list.map((b, k) => ({ bodyId: b.bodyId, score: 60 + ((k * 7) % 31) + (k % 3) / 4 })),
    );
    await publish(tx, null, past, { scope: 'national' });
  });
  if (!PGLITE) await db.execute(sql`analyze`);
  process.stderr.write(
    `  seeded ${seeded.bodies} bodies, ${seeded.units} units, ${seeded.records} records in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`,
  );

  // Writes: one unit each, as a record write recomputes it.
  const locus = (
    (await db.execute(sql`select unit_id, body_id from cycle_units where cycle_id = ${cycle.id} order by unit_id`)) as unknown as {
      rows: { unit_id: string; body_id: string }[];
    }
  ).rows;
  // A moving write changes one sheet of the unit first (every answer of it to 0, or to 3 if it
  // was 0), so the unit's and its body's scores move; a still write recomputes as it is.
  // Each unit is written twice, back to back, in alternating order: once storing ranks, once with
  // `ranks: false` (no old scores read, nothing re-ranked: the baseline), whose stale places are
  // then repaired by `storeRanks` outside the timing.
  const writeOnce = async (u: { unit_id: string; body_id: string }, moving: boolean, ranks: boolean) => {
    const timings: RecomputeTimings = {};
    const t = performance.now();
    await db.transaction(async (tx) => {
      if (moving)
        await tx.execute(sql`
          update records r set answers = (
            select jsonb_object_agg(e.key, case when jsonb_typeof(e.value) = 'number' then to_jsonb(case when e.value::text = '0' then 3 else 0 end) else e.value end)
            from jsonb_each(r.answers::jsonb) e)
          where r.id = (select id from records where cycle_id = ${cycle.id} and unit_id = ${u.unit_id} order by id limit 1)`);
      await recomputeUnits(tx, cycle, [u.unit_id], { timings, ranks, bodies: new Map([[u.unit_id, u.body_id]]) });
    });
    const total = performance.now() - t;
    if (!ranks) await db.transaction((tx) => storeRanks(tx, cycle.id, { bodyIds: [u.body_id], unitIds: [u.unit_id] }));
    return { total, ranks: timings.ranks ?? 0 };
  };
  const writeRuns = async (moving: boolean, offset: number) => {
    const totals: number[] = [];
    const rankMs: number[] = [];
    const plain: number[] = [];
    for (let i = 0; i < WRITES + 3; i++) {
      const u = locus[(i * 997 + offset) % locus.length]!;
      const first = i % 2 === 0;
      const a = first ? await writeOnce(u, moving, true) : undefined;
      const b = await writeOnce(u, moving, false);
      const c = a ?? (await writeOnce(u, moving, true));
      if (i < 3) continue; // warm-up
      totals.push(c.total);
      rankMs.push(c.ranks);
      plain.push(b.total);
    }
    return { totals, rankMs, plain };
  };
  const moving = await writeRuns(true, 0);
  const still = await writeRuns(false, 1);

  // Reads: stored ranks against ranking at read time, alternating.
  const kab = await ranking(db, admin, cycle, { kind: 'national', type: 'kabupaten' });
  const province = kab.items[0]!.body.provinceCode!;
  const page = kab.items[0]!.body;
  const cases: { name: string; stored: () => Promise<unknown>; readTime: () => Promise<unknown> }[] = [
    {
      name: 'national kabupaten (416)',
      stored: () => ranking(db, admin, cycle, { kind: 'national', type: 'kabupaten' }),
      readTime: () => readTimeGovernments(db, cycle, 'national:kabupaten'),
    },
    {
      name: `province ${province}`,
      stored: () => ranking(db, admin, cycle, { kind: 'province', province }),
      readTime: () => readTimeGovernments(db, cycle, `province:${province}`),
    },
    {
      name: 'national sector puskesmas',
      stored: () => ranking(db, admin, cycle, { kind: 'sector', province: 'national', sector: 'puskesmas' }),
      readTime: () => readTimeSector(db, cycle, 'puskesmas'),
    },
    {
      name: 'government page (whole)',
      stored: () => getBodyResult(db, cycle, page),
      readTime: async () => {
        // Before: the page's own reads plus ranking every body of both cycles.
        await getBodyResult(db, cycle, page);
        return readTimeGovernments(db, cycle, 'national:kabupaten');
      },
    },
  ];
  const readRows: string[] = [];
  for (const c of cases) {
    const s: number[] = [];
    const r: number[] = [];
    for (let i = 0; i < READS + 3; i++) {
      let t = performance.now();
      await c.stored();
      const a = performance.now() - t;
      t = performance.now();
      await c.readTime();
      const b = performance.now() - t;
      if (i >= 3) {
        s.push(a);
        r.push(b);
      }
    }
    readRows.push(
      `| ${c.name.padEnd(26)} | ${ms(median(s))} (p95 ${ms(quantile(s, 0.95))}) | ${ms(median(r))} (p95 ${ms(quantile(r, 0.95))}) | ${(median(r) / median(s)).toFixed(1)} × |`,
    );
  }

  const kind = PGLITE ? 'PGlite (on disk, durable)' : 'PostgreSQL';
  console.log(
    `\nStored ranks — ${kind}, ${seeded.bodies} bodies, ${seeded.units} units, ${seeded.records} records; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  for (const [label, { totals, rankMs, plain }] of [
    ["that moves the unit's score (one sheet changed)", moving],
    ['that leaves every score as it was', still],
  ] as const) {
    console.log(`\nWrite ${label}: recomputeUnits for one unit, one transaction (median of ${WRITES} writes each)`);
    console.log('| write                                         | median   | p95      |');
    console.log('| --------------------------------------------- | -------- | -------- |');
    console.log(`| storing ranks (measured)                      | ${ms(median(totals))} | ${ms(quantile(totals, 0.95))} |`);
    console.log(`| baseline: the same write with ranks: false    | ${ms(median(plain))} | ${ms(quantile(plain, 0.95))} |`);
    console.log(`| \`ranks\` phase of the write storing ranks      | ${ms(median(rankMs))} | ${ms(quantile(rankMs, 0.95))} |`);
    // What rank storage adds: the paired difference (it also counts rank work done inside the
    // score upserts — reading old scores, shifting places — which no phase timer can isolate).
    const added = totals.map((t, i) => t - plain[i]!);
    const share = median(added) / median(totals);
    console.log(
      `Added per write (median of paired differences): ${ms(median(added))} = ${(share * 100).toFixed(1)} % of the write (goal < 20 %: ${share < 0.2 ? 'met' : 'NOT met'}); \`ranks\` phase alone: ${((median(rankMs) / median(totals)) * 100).toFixed(1)} %`,
    );
  }
  console.log(`\nLive ranking reads as admin (median of ${READS}, alternating)`);
  console.log('| read                       | stored ranks (after) | ranking at read time (before) | before / after |');
  console.log('| -------------------------- | -------------------- | ----------------------------- | -------------- |');
  for (const r of readRows) console.log(r);
} finally {
  await database.close();
  if (pgAdmin) {
    await pgAdmin.query(`drop database if exists ${name} with (force)`);
    await pgAdmin.end();
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
}
