/**
 * Cold start (issue 14 §3): `npm start` on an empty data directory to the first 200 on `/`, the
 * demo seeded (the server listens only after the seed: the first 200 is a server with the demo).
 * Goal: < 10 s after `npm ci`, the build reused (`npm start` builds only what changed).
 *
 *   npx tsx bench/cold-start.ts [--runs 5] [--baseline <git ref>] [--first]
 *
 * - **Measured:** `npm start` in this checkout, its build up to date (the bench builds it first if
 *   needed). Each run: a new empty `DATA_DIR`, a free port, `/` polled every 25 ms, then the
 *   process group stopped. The start banner's phases (`Siap / ready in …`) are reported too.
 * - **Baseline (same run, alternating):** `npm start` of `--baseline <ref>` (default `1e7370f`,
 *   the last commit before the server bundle and the lazy libraries) in a temporary git worktree
 *   beside this one, with this checkout's node_modules hard-linked and its own build made first.
 * - `--first`: also one first start of a new clone — `dist/` and `.cache/` absent, so the build
 *   of the web app, the server bundle and the PGlite template is part of it.
 * Medians of the runs; the machine's load average is printed with them (2 cores: other work
 * on the machine moves these figures by seconds).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../src/server/test/free-port.ts';

const args = process.argv.slice(2);
const flag = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const RUNS = Number(flag('--runs') ?? 5) || 5;
const BASELINE = flag('--baseline') ?? '1e7370f';
const FIRST = args.includes('--first');
const root = resolve(import.meta.dirname, '..');
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {}
  await exited;
}

interface Run {
  seconds: number;
  phases: string | null;
}

/** One `npm start` in `dir` on a new data directory, timed to the first 200 on `/`. */
async function coldStart(dir: string): Promise<Run> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pantau-cold-'));
  const port = await freePort();
  let output = '';
  const started = performance.now();
  const child = spawn('npm', ['start'], {
    cwd: dir,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}):\n${output}`);
      const ok = await fetch(`http://127.0.0.1:${port}/`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    const seconds = (performance.now() - started) / 1000;
    // The banner follows the listen by a moment; the demo accounts prove the seed ran.
    for (let k = 0; k < 100 && !output.includes('pimpinan.banten'); k++) await new Promise((r) => setTimeout(r, 20));
    if (!output.includes('pimpinan.banten')) throw new Error(`no demo accounts in the banner:\n${output}`);
    return { seconds, phases: /Siap \/ ready in +(.*)/.exec(output)?.[1] ?? null };
  } finally {
    await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function run(cmd: string, argv: string[], cwd: string): void {
  execFileSync(cmd, argv, { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const range = (xs: number[]) => `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)} s`;

// The baseline checkout: a worktree of the ref, this node_modules hard-linked, its own build.
const baseDir = mkdtempSync(join(tmpdir(), 'pantau-cold-base-'));
try {
  run('git', ['worktree', 'add', '--detach', '--force', join(baseDir, 'repo'), BASELINE], root);
  const base = join(baseDir, 'repo');
  run('cp', ['-al', join(root, 'node_modules'), join(base, 'node_modules')], root);
  if (FIRST) {
    rmSync(join(root, 'dist'), { recursive: true, force: true });
    rmSync(join(root, '.cache'), { recursive: true, force: true });
    const first = await coldStart(root);
    console.log(
      `First start of a new clone (build of web app, server bundle and template included): ${first.seconds.toFixed(1)} s (load ${load()})`,
    );
  }
  console.log(`Building both checkouts (not timed) … load ${load()}`);
  // One untimed start each: builds what is stale (and warms the file cache alike).
  await coldStart(root);
  await coldStart(base);
  if (!existsSync(join(base, 'dist', 'index.html'))) throw new Error('the baseline did not build');

  const current: Run[] = [];
  const baseline: number[] = [];
  for (let k = 0; k < RUNS; k++) {
    const c = await coldStart(root);
    const b = await coldStart(base);
    current.push(c);
    baseline.push(b.seconds);
    console.log(`run ${k + 1}: ${c.seconds.toFixed(2)} s vs baseline ${b.seconds.toFixed(2)} s (load ${load()})  ${c.phases ?? ''}`);
  }
  const now = current.map((c) => c.seconds);
  console.log(`\n| npm start → first 200 on /, demo seeded, empty DATA_DIR | median | range |`);
  console.log('| --- | --- | --- |');
  console.log(`| this checkout | **${median(now).toFixed(1)} s** | ${range(now)} |`);
  console.log(`| baseline ${BASELINE} (same run, alternating) | ${median(baseline).toFixed(1)} s | ${range(baseline)} |`);
  console.log(
    `\nGoal < 10 s: ${median(now) < 10 ? 'met' : 'NOT met'} (median; ${now.filter((s) => s < 10).length} of ${RUNS} runs under). Load average at the end: ${load()}`,
  );
} finally {
  try {
    run('git', ['worktree', 'remove', '--force', join(baseDir, 'repo')], root);
  } catch {}
  rmSync(baseDir, { recursive: true, force: true });
}
