/**
 * Recompute benchmark: a full national recompute on PostgreSQL (587 bodies, ≈ 4,100 units,
 * ≈ 160,000 records; `pantau seed --national`) against a plain SQL GROUP BY over the same answers
 * in the same run: the mean and count of every indicator of every unit,
 *
 *   select unit_id, key, avg(value::numeric), count(*) from records, jsonb_each_text(answers)
 *   where cycle_id = $1 group by unit_id, key
 *
 * with its ≈ 156,000 rows fetched by the client (also reported: the same query with only a count
 * sent back, the server's share alone). The recompute does the whole job: it loads every
 * record, scores every unit with the engine under the cycle's frozen scheme, writes every unit
 * breakdown and every government result (upserts), in one transaction. Each side runs --runs
 * times (default 5), alternating; the first recompute writes into an empty result table (cold),
 * later ones replace existing results (warm). The ratio uses the medians. Goal (issue 3 §10):
 * recompute ≤ 1.5 × the GROUP BY.
 *
 *   npx tsx bench/recompute.ts [--runs 5]
 *
 * DATABASE_URL (else postgres://postgres@127.0.0.1:5432/postgres) names the server; a throw-away
 * database is created there and dropped afterwards.
 */
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/server/db/client.ts';
import { getCycle } from '../src/server/cycles/queries.ts';
import { type RecomputeTimings, recomputeCycle } from '../src/server/scores/recompute.ts';
import { seedNational } from '../src/server/seed/national.ts';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(args[runsAt + 1]) : 5;
const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Drops the bench database once its connections have gone (forcing only as a last resort). */
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

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const pg = (await import('pg')).default;
const name = `pantau_bench_recompute_${process.pid}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`create database ${name}`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
try {
  const database = await openDatabase({ url: url.toString() });
  try {
    const db = database.db;
    process.stderr.write('seeding the national cycle (no recompute)…\n');
    const seeded = await seedNational(db, { recompute: false, log: (l) => process.stderr.write(`  ${l}\n`) });
    await db.execute(sql`vacuum analyze records`);
    const cycle = (await getCycle(db, seeded.cycleId))!;

    const groupBy: number[] = [];
    const groupByServer: number[] = [];
    const recompute: number[] = [];
    const phases: RecomputeTimings[] = [];
    let groups = 0;
    for (let i = 0; i < RUNS; i++) {
      let t = performance.now();
      const res = (await db.execute(sql`
        select unit_id, key, avg(value::numeric) as mean, count(*) as n
        from records, jsonb_each_text(answers)
        where cycle_id = ${cycle.id}
        group by unit_id, key`)) as unknown as { rows: unknown[] };
      groupBy.push(performance.now() - t);
      groups = res.rows.length;
      // The same GROUP BY with nothing sent back but a count: the server's share alone.
      t = performance.now();
      await db.execute(sql`
        select count(*) from (
          select unit_id, key, avg(value::numeric) as mean, count(*) as n
          from records, jsonb_each_text(answers)
          where cycle_id = ${cycle.id}
          group by unit_id, key) g`);
      groupByServer.push(performance.now() - t);
      const timings: RecomputeTimings = {};
      t = performance.now();
      const summary = await db.transaction((tx) => recomputeCycle(tx, cycle, { timings }));
      recompute.push(performance.now() - t);
      phases.push(timings);
      if (summary.units !== seeded.units || summary.bodies !== seeded.bodies)
        throw new Error(`recomputed ${summary.units} units, ${summary.bodies} bodies`);
      process.stderr.write(`  run ${i + 1}: group by ${Math.round(groupBy[i]!)} ms, recompute ${Math.round(recompute[i]!)} ms\n`);
    }
    const ms = (x: number) => `${Math.round(x).toLocaleString('en-US')} ms`;
    const version = ((await db.execute(sql`show server_version`)) as unknown as { rows: { server_version: string }[] }).rows[0]!
      .server_version;
    console.log(
      `\nRecompute: ${seeded.bodies} bodies, ${seeded.units} units, ${seeded.records.toLocaleString('en-US')} records (PostgreSQL ${version})`,
    );
    console.log(`seed: locus ${ms(seeded.ms.locus)}, records ${ms(seeded.ms.records)}`);
    console.log(
      `GROUP BY (${groups.toLocaleString('en-US')} unit × indicator rows): median ${ms(median(groupBy))}  [${groupBy.map(ms).join(', ')}]`,
    );
    console.log(
      `  the same, server side only (rows counted, not fetched): median ${ms(median(groupByServer))}  [${groupByServer.map(ms).join(', ')}]`,
    );
    console.log(`full recompute: median ${ms(median(recompute))}  [${recompute.map(ms).join(', ')}]  (run 1 cold)`);
    const phase = (k: keyof RecomputeTimings) => ms(median(phases.map((p) => p[k] ?? 0)));
    console.log(
      `  phases (median): load ${phase('load')}, score ${phase('score')}, write units ${phase('writeUnits')}, bodies ${phase('bodies')}`,
    );
    const ratio = median(recompute) / median(groupBy);
    console.log(
      `ratio recompute / GROUP BY: ${ratio.toFixed(2)} × (cold run: ${(recompute[0]! / groupBy[0]!).toFixed(2)} ×); against the server-side-only GROUP BY: ${(median(recompute) / median(groupByServer)).toFixed(2)} ×`,
    );
    console.log(`Goal (≤ 1.5 ×): ${ratio <= 1.5 ? 'met' : 'NOT met'}`);
  } finally {
    await database.close();
  }
} finally {
  await dropDatabase(admin, name);
  await admin.end();
}
