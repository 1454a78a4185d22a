/**
 * Zip-bomb benchmark (issue 15 §2, D5): how long and how much memory refusing a bomb takes.
 *
 *   npx tsx bench/zip-bomb.ts [--mib 750] [--baseline-mib 750]
 *
 * Each measurement runs in its own child process (its peak RSS is its own): the import's read
 * path (`readTables`: zip-guard.ts, then exceljs only if the guard passes) on a 750 MiB bomb that
 * lies about its size (≈ 780 KB, like the one in the issue), and on an honest one; as the baseline,
 * exceljs loading a smaller bomb directly (what the import did before: the full one took 1.35 GB and
 * 15 s). Also the longest event-loop stall during the call (health checks wait that long).
 * Goal: refused in < 2 s, < 100 MB above the RSS before the call, no stall over 100 ms.
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};

interface Figures {
  what: string;
  bytes: number;
  ms: number;
  peakRssMb: number;
  /** RSS with everything loaded and the file in memory, just before the call. */
  rssBeforeMb: number;
  maxStallMs: number;
  outcome: string;
}

async function child(): Promise<void> {
  const mode = args[args.indexOf('--mode') + 1]!;
  const mib = opt('mib', 750);
  const { monitorEventLoopDelay } = await import('node:perf_hooks');
  const { xlsxBomb } = await import('../src/server/test/zip-bomb.ts');
  const ExcelJS = (await import('exceljs')).default;
  const { readTables } = await import('../src/server/exports/read-table.ts');
  // The baseline bomb tells the truth about its size (exceljs's zip reader would stop at a lie
  // only after inflating everything); the guard is measured on both.
  const bomb = xlsxBomb(mib, { honest: mode !== 'guard-liar' });
  const rssBefore = process.memoryUsage().rss;
  const stall = monitorEventLoopDelay({ resolution: 10 });
  stall.enable();
  const t0 = performance.now();
  let outcome: string;
  if (mode === 'exceljs') {
    try {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bomb as unknown as ArrayBuffer);
      outcome = `loaded, ${wb.worksheets.length} sheet(s)`;
    } catch (e) {
      outcome = `threw: ${(e as Error).message.slice(0, 60)}`;
    }
  } else {
    const r = await readTables(bomb);
    outcome = r.ok ? 'ACCEPTED' : `refused: ${r.issue.code}`;
  }
  const ms = performance.now() - t0;
  stall.disable();
  const figures: Figures = {
    what: mode,
    bytes: bomb.length,
    ms,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    rssBeforeMb: rssBefore / 1024 / 1024,
    maxStallMs: stall.max / 1e6,
    outcome,
  };
  console.log(JSON.stringify(figures));
}

function measure(mode: string, mib: number): Figures {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(
    process.execPath,
    ['--max-old-space-size=4096', '--import', 'tsx', self, '--child', '--mode', mode, '--mib', String(mib)],
    {
      encoding: 'utf8',
      timeout: 300_000,
    },
  );
  if (r.status !== 0) throw new Error(`${mode}: ${r.stderr || r.error}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Figures;
}

if (args.includes('--child')) {
  await child();
} else {
  const mib = opt('mib', 750);
  const baselineMib = opt('baseline-mib', mib);
  const rows = [
    { label: `guard, lying bomb (${mib} MiB inflated)`, f: measure('guard-liar', mib) },
    { label: `guard, honest bomb (${mib} MiB)`, f: measure('guard-honest', mib) },
    { label: `baseline: exceljs on a ${baselineMib} MiB bomb`, f: measure('exceljs', baselineMib) },
  ];
  console.log(
    `\nload average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  console.log('| run | file | time | peak RSS (before the call) | longest event-loop stall | outcome |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const { label, f } of rows) {
    console.log(
      `| ${label} | ${(f.bytes / 1024).toFixed(0)} KB | ${f.ms.toFixed(0)} ms | ${f.peakRssMb.toFixed(0)} MB (${f.rssBeforeMb.toFixed(0)} MB) | ${f.maxStallMs.toFixed(0)} ms | ${f.outcome} |`,
    );
  }
  const guards = [rows[0]!.f, rows[1]!.f];
  const ok = guards.every((f) => f.outcome.startsWith('refused') && f.ms < 2000 && f.peakRssMb - f.rssBeforeMb < 100 && f.maxStallMs < 100);
  console.log(`Goal: refused in < 2 s, < 100 MB above the RSS before the call, no stall > 100 ms: ${ok ? 'met' : 'NOT met'}`);
  if (!ok) process.exitCode = 1;
}
