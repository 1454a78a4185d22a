/**
 * Durability benchmark (issue 15 §3, D7): do commits on the embedded default reach the disk?
 *
 *   npx tsx bench/durability.ts [--commits 60]
 *
 * For PGlite with its own defaults (the baseline: `-F`, no fsync anywhere) and for Pantau's
 * durable PGlite (db/durable-pglite.ts), a child process opens a fresh data directory, closes it,
 * reopens it and makes N single-row commits through Drizzle (BEGIN … INSERT … COMMIT, as a write
 * request does). The child runs under `strace -f`, and the fsync-family system calls made between
 * the first and the last commit are counted per commit. Also printed: commits per second and the
 * time of the first open (initdb) and of a reopen. Goal: ≥ 1 fsync per commit (baseline 0).
 * Without strace the counts are skipped (the rates still print).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const COMMITS = Number(args[args.indexOf('--commits') + 1] || 60) || 60;
const child = args.includes('--child');

async function runChild(): Promise<void> {
  const [dir, mode] = [args[args.indexOf('--dir') + 1]!, args[args.indexOf('--mode') + 1]!];
  const { openDatabase } = await import('../src/server/db/client.ts');
  const { sql } = await import('drizzle-orm');
  const { writeSync } = await import('node:fs');
  const t0 = performance.now();
  const first = await openDatabase({ dataDir: dir, migrate: false, durable: mode === 'durable' });
  await first.db.execute(sql`create table bench_commit (id serial primary key, v text not null)`);
  await first.close();
  const firstOpenMs = performance.now() - t0;
  const t1 = performance.now();
  const d = await openDatabase({ dataDir: dir, migrate: false, durable: mode === 'durable' });
  const reopenMs = performance.now() - t1;
  // Markers in the strace log: writes of these exact strings to stderr.
  writeSync(2, 'BENCH-COMMITS-BEGIN\n');
  const t2 = performance.now();
  for (let i = 0; i < COMMITS; i++) {
    await d.db.transaction(async (tx) => {
      await tx.execute(sql`insert into bench_commit (v) values (${`commit ${i}`})`);
    });
  }
  const commitMs = performance.now() - t2;
  writeSync(2, 'BENCH-COMMITS-END\n');
  await d.close();
  console.log(JSON.stringify({ firstOpenMs, reopenMs, commitMs }));
}

interface Row {
  mode: string;
  fsyncs: number | null;
  perCommit: number | null;
  commitsPerSecond: number;
  firstOpenS: number;
  reopenS: number;
}

function measure(mode: 'pglite-default' | 'durable', haveStrace: boolean): Row {
  const dir = mkdtempSync(join(tmpdir(), `pantau-durability-${mode}-`));
  const log = join(dir, 'strace.log');
  const self = fileURLToPath(import.meta.url);
  const tsx = ['--import', 'tsx', self, '--child', '--dir', join(dir, 'pglite'), '--mode', mode, '--commits', String(COMMITS)];
  const cmd = haveStrace
    ? spawnSync(
        'strace',
        ['-f', '-qq', '-e', 'trace=fsync,fdatasync,sync_file_range,syncfs,msync,write', '-o', log, process.execPath, ...tsx],
        {
          encoding: 'utf8',
        },
      )
    : spawnSync(process.execPath, tsx, { encoding: 'utf8' });
  if (cmd.status !== 0) throw new Error(`${mode}: child failed\n${cmd.stderr}`);
  const figures = JSON.parse(cmd.stdout.trim().split('\n').pop()!) as { firstOpenMs: number; reopenMs: number; commitMs: number };
  let fsyncs: number | null = null;
  if (haveStrace) {
    const lines = readFileSync(log, 'utf8').split('\n');
    const begin = lines.findIndex((l) => l.includes('BENCH-COMMITS-BEGIN'));
    const end = lines.findIndex((l) => l.includes('BENCH-COMMITS-END'));
    fsyncs = lines.slice(begin + 1, end).filter((l) => /\b(fsync|fdatasync|sync_file_range|syncfs|msync)\(/.test(l)).length;
  }
  rmSync(dir, { recursive: true, force: true });
  return {
    mode,
    fsyncs,
    perCommit: fsyncs === null ? null : fsyncs / COMMITS,
    commitsPerSecond: COMMITS / (figures.commitMs / 1000),
    firstOpenS: figures.firstOpenMs / 1000,
    reopenS: figures.reopenMs / 1000,
  };
}

if (child) {
  await runChild();
} else {
  const haveStrace = spawnSync('strace', ['-V']).status === 0;
  if (!haveStrace) console.log('strace not found: fsync counts skipped (apt-get install strace)');
  const rows = [measure('pglite-default', haveStrace), measure('durable', haveStrace)];
  const fmt = (n: number | null, d = 2) => (n === null ? '–' : n.toFixed(d));
  console.log(
    `\n${COMMITS} commits, PGlite on a directory in ${tmpdir()}; load average ${(await import('node:os'))
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  console.log('| mode | fsync calls during the commits | per commit | commits/s | first open (initdb) s | reopen s |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const r of rows) {
    console.log(
      `| ${r.mode} | ${r.fsyncs ?? '–'} | ${fmt(r.perCommit)} | ${r.commitsPerSecond.toFixed(0)} | ${r.firstOpenS.toFixed(1)} | ${r.reopenS.toFixed(2)} |`,
    );
  }
  const durable = rows[1]!;
  if (durable.perCommit !== null) {
    const ok = durable.perCommit >= 1;
    console.log(`Goal: ≥ 1 fsync per commit on the durable default (baseline ${fmt(rows[0]!.perCommit)}): ${ok ? 'met' : 'NOT met'}`);
    if (!ok) process.exitCode = 1;
  }
}
