/**
 * The demo seed on a new PGlite database (issue 14: `npm start` on an empty data directory
 * reaches its first 200 in < 10 s; the seed was 9–10 s of it).
 *
 *   npx tsx bench/seed.ts [--runs 3] [--digest FILE] [--top N]
 *
 * - **Measured:** `seedDemoIfEmpty` (one transaction, as main.ts runs it) on a durable on-disk
 *   PGlite copied from a migrated template made once per bench (as a first `npm start` copies
 *   .cache/pglite-template) — each run in a fresh child process, so module loading and caches
 *   start cold as they do at a real start.
 * - **Counted at the PGlite client:** SQL statements (every query/exec, BEGIN and COMMIT
 *   included) and protocol round trips (every message exchange with the embedded server: a
 *   parameterised query takes ≈ 4–5), in total and per top-level step of the demo.
 * - **Digest (`--digest FILE`):** the seeded database with its random values taken out — per
 *   table, its row count and its rows sorted, each with uuids, 64-hex hashes, password hashes,
 *   tokens and database-made timestamps replaced by placeholders; the seed's clock is fixed. Two
 *   seeds of the same demo give the same digest: compare it before and after a change of the
 *   seed. FILE gets every row, and the audit events' actions in chain order; the summary line (one hash) is printed. Every run also verifies
 *   the audit hash chain (`verifyAudit`).
 * - **`--top N`:** the first run also prints the N statements (by SQL text) that took longest in
 *   all, with their count — where the seed's database time goes.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const RUNS = Number(opt('--runs') ?? 3) || 3;
const DIGEST = opt('--digest');

interface Phase {
  name: string;
  ms: number;
  statements: number;
  calls: number;
}
interface RunResult {
  totalMs: number;
  /** CPU time of the process (all its threads: PGlite runs in it) during the seed: steadier than wall time on a shared machine. */
  cpuMs: number;
  statements: number;
  calls: number;
  phases: Phase[];
  digest?: string;
  chain?: string;
}

/** The seed's clock, fixed so that what it stamps with `now` digests the same every time. */
const NOW = new Date('2026-12-01T03:00:00Z');

async function child(): Promise<void> {
  const template = opt('--template')!;
  const dir = opt('--dir')!;
  const { PGlite } = await import('@electric-sql/pglite');
  // Counters at the client: every statement goes through _runExclusiveQuery once, every protocol
  // message exchange through execProtocolStream.
  let statements = 0;
  let calls = 0;
  const proto = PGlite.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
  const runExclusive = proto._runExclusiveQuery!;
  // With --top N: time per statement, by its SQL text (from the Parse message it sends).
  const top = Number(opt('--top') ?? 0);
  const bySql = new Map<string, { n: number; ms: number }>();
  let lastSql = '';
  proto._runExclusiveQuery = function (this: unknown, ...a: unknown[]) {
    statements++;
    if (!top) return runExclusive.apply(this, a);
    const t = performance.now();
    lastSql = '(exec)';
    return (runExclusive.apply(this, a) as Promise<unknown>).finally(() => {
      const key = lastSql
        .replace(/\s+/g, ' ')
        .replace(/\(\$\d+(, \$\d+)*\)(, \(\$\d+(, \$\d+)*\))+/g, '(…), …')
        .slice(0, 140);
      const e = bySql.get(key) ?? { n: 0, ms: 0 };
      e.n++;
      e.ms += performance.now() - t;
      bySql.set(key, e);
    });
  };
  const stream = proto.execProtocolStream!;
  proto.execProtocolStream = function (this: unknown, ...a: unknown[]) {
    calls++;
    const m = a[0] as Uint8Array;
    if (top && m[0] === 0x50) {
      // Parse: 'P', int32 length, statement name \0, query text \0, …
      const nameEnd = m.indexOf(0, 5);
      lastSql = Buffer.from(m.subarray(nameEnd + 1, m.indexOf(0, nameEnd + 1))).toString();
    }
    return stream.apply(this, a);
  };
  const { setAuditKey } = await import('../src/server/audit/queries.ts');
  setAuditKey(Buffer.from('pantau-bench-seed-audit-key-0123456789abcdef'));
  const { openDatabase } = await import('../src/server/db/client.ts');
  const { seedDemoIfEmpty } = await import('../src/server/seed/demo.ts');
  const database = await openDatabase({ dataDir: dir, template, migrate: false });
  const phases: Phase[] = [];
  let current: { name: string; t: number; s: number; c: number } | undefined;
  const close = () => {
    if (current)
      phases.push({ name: current.name, ms: performance.now() - current.t, statements: statements - current.s, calls: calls - current.c });
  };
  // One query first, as the start's migration check makes before the seed: PGlite reads its
  // array types on a connection's first query (≈ 0.3 s), which is no part of the seed.
  const { sql } = await import('drizzle-orm');
  await database.db.execute(sql`select 1`);
  const s0 = statements;
  const c0 = calls;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const seeded = await seedDemoIfEmpty(database.db, NOW, (name) => {
    close();
    current = { name, t: performance.now(), s: statements, c: calls };
  });
  const totalMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  if (!seeded) throw new Error('the database was not empty');
  if (current) {
    // The time after the last step: the commit (and its fsync).
    phases.push({ name: 'end + commit', ms: t0 + totalMs - current.t, statements: statements - current.s, calls: calls - current.c });
  }
  const result: RunResult = { totalMs, cpuMs: (cpu.user + cpu.system) / 1000, statements: statements - s0, calls: calls - c0, phases };
  if (opt('--digest-out')) result.digest = await digest(database.db, opt('--digest-out')!);
  // The hash chain as the product verifies it (the digest leaves the hashes out).
  const { verifyAudit } = await import('../src/server/audit/queries.ts');
  const chain = await verifyAudit(database.db);
  result.chain = chain.ok ? `ok, ${chain.events} events` : `BROKEN at ${chain.brokenAt} (${chain.kind})`;
  await database.close();
  if (top) {
    for (const [q, e] of [...bySql].sort((x, y) => y[1].ms - x[1].ms).slice(0, top))
      console.error(`${e.ms.toFixed(0).padStart(6)} ms ${String(e.n).padStart(5)}× ${q}`);
  }
  console.log(JSON.stringify(result));
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const HEX64 = /\b[0-9a-f]{64}\b/gi;
/** A survey's random public code (surveys/queries.ts), as a column value or in an audit diff. */
const SURVEY_CODE = /"code":"[0-9a-z]{7}"/g;
/** Stamped with the real clock (the day of the run, or the day before it near midnight). */
const today = (d: Date) => d.toISOString().slice(0, 10);
const REAL_NOW = new RegExp(
  `(${today(new Date())}|${today(new Date(Date.now() - 86_400_000))})[ T]\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(\\+00|Z)?`,
  'g',
);

/** Per table: the row count and the sorted rows with their random values replaced. */
async function digest(db: import('../src/server/db/client.ts').Db, file: string): Promise<string> {
  const { sql } = await import('drizzle-orm');
  const tables = (await db.execute(
    sql`select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  )) as unknown as { rows: { t: string }[] };
  const out: string[] = [];
  for (const { t } of tables.rows) {
    if (t === '__drizzle_migrations') continue;
    const cols = (await db.execute(
      sql`select column_name as c, data_type as d from information_schema.columns where table_schema = 'public' and table_name = ${t} order by ordinal_position`,
    )) as unknown as { rows: { c: string; d: string }[] };
    // Random by nature: ids, hashes chained with a random-id content, password hashes, tokens,
    // serial numbers and what the database stamps itself.
    const kept = cols.rows.filter(
      (c) =>
        c.d !== 'uuid' &&
        !/^(id|seq|hash|prev_hash|password_hash|token|token_hash|secret|mac|created_at|updated_at)$/.test(c.c) &&
        !/(_hash|_token|_secret)$/.test(c.c),
    );
    const select = kept.length ? kept.map((c) => `"${c.c}"`).join(', ') : '1';
    const rows = (await db.execute(sql.raw(`select ${select} from "${t}"`))) as unknown as { rows: Record<string, unknown>[] };
    const lines = rows.rows
      .map((r) =>
        JSON.stringify(r, (_k, v) => (v instanceof Date ? v.toISOString() : v))
          .replace(UUID, 'U')
          .replace(HEX64, 'H')
          .replace(SURVEY_CODE, '"code":"C"')
          .replace(REAL_NOW, 'NOW'),
      )
      .sort();
    out.push(`## ${t} ${lines.length} rows (${kept.map((c) => c.c).join(', ')})`, ...lines);
  }
  // The chain's order too: every event's action and subject type, by seq.
  const order = (await db.execute(sql`select action, subject_type from audit_events order by seq`)) as unknown as {
    rows: { action: string; subject_type: string }[];
  };
  out.push(`## audit_events in seq order`, ...order.rows.map((r) => `${r.action} ${r.subject_type}`));
  writeFileSync(file, `${out.join('\n')}\n`);
  return createHash('sha256').update(out.join('\n')).digest('hex').slice(0, 16);
}

async function parent(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'pantau-bench-seed-'));
  try {
    // The migrated template, made once, as scripts/build-web.ts makes .cache/pglite-template.
    const template = join(work, 'template');
    const { openDatabase } = await import('../src/server/db/client.ts');
    const t = await openDatabase({ dataDir: template, durable: false });
    await t.close();
    const script = fileURLToPath(import.meta.url);
    const results: RunResult[] = [];
    for (let i = 0; i < RUNS; i++) {
      const dir = join(work, `run-${i}`);
      const extra = [...(DIGEST && i === 0 ? ['--digest-out', DIGEST] : []), ...(opt('--top') && i === 0 ? ['--top', opt('--top')!] : [])];
      const r = spawnSync(process.execPath, [...process.execArgv, script, '--child', '--template', template, '--dir', dir, ...extra], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      if (r.status !== 0) throw new Error(`run ${i + 1} failed (${r.status})`);
      const res = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as RunResult;
      results.push(res);
      rmSync(dir, { recursive: true, force: true });
      console.log(
        `run ${i + 1}: ${(res.totalMs / 1000).toFixed(2)} s (CPU ${(res.cpuMs / 1000).toFixed(2)} s), ${res.statements} statements, ${res.calls} protocol calls` +
          (res.digest ? `, digest ${res.digest} (${DIGEST})` : '') +
          (res.chain ? `, audit chain ${res.chain}` : '') +
          `, load ${loadavg()[0]!.toFixed(1)}`,
      );
    }
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const cpu = (med(results.map((r) => r.cpuMs)) / 1000).toFixed(2);
    console.log(`\nmedian of ${RUNS}: ${(med(results.map((r) => r.totalMs)) / 1000).toFixed(2)} s, CPU ${cpu} s\n`);
    console.log(`${'step'.padEnd(34)} ${'ms (median)'.padStart(12)} ${'statements'.padStart(11)} ${'calls'.padStart(8)}`);
    for (const [k, p] of results[0]!.phases.entries()) {
      const ms = med(results.map((r) => r.phases[k]?.ms ?? 0));
      console.log(`${p.name.padEnd(34)} ${ms.toFixed(0).padStart(12)} ${String(p.statements).padStart(11)} ${String(p.calls).padStart(8)}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (args.includes('--child')) await child();
else await parent();
