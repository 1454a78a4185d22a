/**
 * Public reads on a national results day (issue 14 §1): throughput and latency of the published
 * reads — a national ranking (416 kabupaten), government pages (60 different ones, in turn) and
 * the open data JSON (every government, unit and dimension) — at 256 connections, against a static
 * server (nginx from Debian) serving THE SAME BYTES in the same run.
 *
 *   npx tsx bench/public-reads.ts [--duration 10] [--rounds 3] [--connections 256] [--workers N] [--nginx-workers N|auto]
 *                                 [--pg-only | --pglite-only] [--pglite-dir DIR] [--pg-db NAME]
 *
 * - Data: `seedNational({ publish: true })` — the same code as `pantau seed --national --publish`:
 *   587 bodies, 4,109 units, 160,251 records, recomputed, every body final, published
 *   nationally. PostgreSQL: a database in DATABASE_URL's server (default
 *   postgres://postgres@127.0.0.1:5432/postgres), dropped afterwards unless --pg-db names one to
 *   keep (seeded when missing); PGlite: a data directory (kept with --pglite-dir).
 * - Server: `src/server/main.ts` in a child process (PANTAU_WORKERS=--workers on PostgreSQL,
 *   default 1; PGlite is one process), anonymous requests with `Accept-Encoding: gzip`.
 * - Baseline: the bytes each URL answered (gzip) written to files and served by nginx
 *   (`gzip_static`, access log off) from the same machine, with as many worker processes as
 *   Pantau has server processes (--nginx-workers N or auto to change it).
 * - Load: autocannon in this process, 256 connections, a 2 s warm-up each, then --rounds rounds of
 *   --duration seconds per target, nginx and Pantau alternating; the median round of each side is
 *   reported (the machine is shared: a busy moment moves one round, not the figure).
 * Goal: rankings and government pages ≥ 50 % of the static throughput with p99 < 100 ms; open data
 * ≥ 50 %.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { openDatabase } from '../src/server/db/client.ts';
import { seedNational } from '../src/server/seed/national.ts';
import { freePort } from '../src/server/test/free-port.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : fallback;
};
const DURATION = Number(opt('duration', '10'));
const CONNECTIONS = Number(opt('connections', '256'));
const WORKERS = Number(opt('workers', '1'));
/** Rounds per target (static then Pantau each round); the median of each side is reported. */
const ROUNDS = Number(opt('rounds', '3'));
/** nginx worker processes: by default as many as Pantau's server processes (like for like). */
const nginxWorkers = (kind: 'pglite' | 'postgres') => opt('nginx-workers', kind === 'postgres' ? String(WORKERS) : '1');
const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const root = resolve(import.meta.dirname, '..');

interface Target {
  name: string;
  /** API paths (several: requests go round them in turn). */
  paths: string[];
  /** Whether the goal includes p99 < 100 ms. */
  p99Goal: boolean;
}

interface Result {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  mbps: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(url: string, ms = 120_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await sleep(200);
  }
  throw new Error(`no answer from ${url}`);
}

async function prepare(kind: 'pglite' | 'postgres'): Promise<{ env: Record<string, string>; cleanup: () => Promise<void> }> {
  if (kind === 'pglite') {
    const keep = opt('pglite-dir', '');
    const dataDir = keep ? resolve(keep) : mkdtempSync(join(tmpdir(), 'pantau-bench-reads-'));
    if (!existsSync(join(dataDir, 'pglite', 'PG_VERSION'))) {
      mkdirSync(dataDir, { recursive: true });
      const database = await openDatabase({ dataDir: join(dataDir, 'pglite') });
      await seed(database.db);
      await database.close();
    }
    return {
      env: { DATA_DIR: dataDir },
      cleanup: async () => {
        if (!keep) rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const pg = (await import('pg')).default;
  const keep = opt('pg-db', '');
  const name = keep || `pantau_bench_reads_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  if (!exists) {
    await admin.query(`create database ${name}`);
    const database = await openDatabase({ url: url.toString() });
    await seed(database.db);
    await database.close();
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'pantau-bench-reads-'));
  return {
    env: { DATABASE_URL: url.toString(), DATA_DIR: dataDir, PANTAU_WORKERS: String(WORKERS) },
    cleanup: async () => {
      if (!keep) await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function seed(db: Parameters<typeof seedNational>[0]): Promise<void> {
  const t0 = performance.now();
  const r = await seedNational(db, { publish: true, log: (l) => process.stderr.write(`  seed: ${l}\n`) });
  process.stderr.write(`  seeded ${r.bodies} bodies, ${r.records} records in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
}

function startServer(env: Record<string, string>, port: number): ChildProcess {
  return spawn(join(root, 'node_modules/.bin/tsx'), ['src/server/main.ts'], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', PANTAU_NO_SEED: '1', LOG_LEVEL: 'error' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

function startNginx(dir: string, port: number, workers: string): ChildProcess {
  const conf = join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    `worker_processes ${workers};
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
user root;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  types { application/json json; }
  client_body_temp_path ${dir}/tmp;
  proxy_temp_path ${dir}/tmp;
  fastcgi_temp_path ${dir}/tmp;
  uwsgi_temp_path ${dir}/tmp;
  scgi_temp_path ${dir}/tmp;
  server {
    listen 127.0.0.1:${port};
    root ${dir}/www;
    gzip_static always;
    etag on;
    add_header Cache-Control "public, max-age=60";
    add_header Vary Accept-Encoding;
  }
}
`,
  );
  mkdirSync(join(dir, 'tmp'), { recursive: true });
  return spawn('nginx', ['-c', conf, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'inherit'] });
}

async function load(base: string, paths: string[], duration: number): Promise<Result> {
  const r = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration,
    timeout: 20,
    headers: { 'accept-encoding': 'gzip' },
    requests: paths.map((path) => ({ method: 'GET', path })),
  });
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    mbps: r.throughput.average / 1e6,
  };
}

const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

async function bench(kind: 'pglite' | 'postgres'): Promise<void> {
  process.stderr.write(`\n${kind}: preparing the published national cycle…\n`);
  const { env, cleanup } = await prepare(kind);
  const port = await freePort();
  const staticPort = await freePort();
  const server = startServer(env, port);
  const nginxDir = mkdtempSync(join(tmpdir(), 'pantau-bench-nginx-'));
  let nginx: ChildProcess | null = null;
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/api/v1/health`);
    const cycles = (await (await fetch(`${base}/api/v1/cycles?published=true`)).json()) as { items: { id: string; name: string }[] };
    const cycle = cycles.items.find((c) => c.name.startsWith('Penilaian Nasional Sintetis'))!;
    const pubs = (await (await fetch(`${base}/api/v1/cycles/${cycle.id}/publications`)).json()) as { items: { id: string }[] };
    const ranking = (await (await fetch(`${base}/api/v1/cycles/${cycle.id}/rankings?group=national&type=kabupaten`)).json()) as {
      items: { body: { id: string } }[];
    };
    const targets: Target[] = [
      { name: 'ranking (416 kabupaten)', paths: [`/api/v1/cycles/${cycle.id}/rankings?group=national&type=kabupaten`], p99Goal: true },
      {
        name: 'government pages (60)',
        paths: ranking.items.slice(0, 60).map((r) => `/api/v1/cycles/${cycle.id}/bodies/${r.body.id}/result`),
        p99Goal: true,
      },
      { name: 'open data JSON', paths: [`/api/v1/publications/${pubs.items[0]!.id}/open-data.json`], p99Goal: false },
    ];

    // The same bytes for nginx: what each URL answered with Accept-Encoding: gzip.
    const www = join(nginxDir, 'www');
    mkdirSync(www, { recursive: true });
    const staticPaths = new Map<string, string>();
    let n = 0;
    for (const t of targets) {
      for (const path of t.paths) {
        const raw = await rawGet(`${base}${path}`);
        const file = `f${n++}.json`;
        writeFileSync(join(www, file), raw.identity);
        if (raw.gzip) writeFileSync(join(www, `${file}.gz`), raw.gzip);
        staticPaths.set(path, `/${file}`);
      }
    }
    nginx = startNginx(nginxDir, staticPort, nginxWorkers(kind));
    const staticBase = `http://127.0.0.1:${staticPort}`;
    await waitFor(`${staticBase}/f0.json`);

    const rows: string[] = [];
    for (const t of targets) {
      const sPaths = t.paths.map((p) => staticPaths.get(p)!);
      await load(staticBase, sPaths, 2);
      await load(base, t.paths, 2);
      const stats: Result[] = [];
      const apps: Result[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        stats.push(await load(staticBase, sPaths, DURATION));
        apps.push(await load(base, t.paths, DURATION));
      }
      const median = (list: Result[]) => [...list].sort((a, b) => a.rps - b.rps)[Math.floor(list.length / 2)]!;
      const stat = median(stats);
      const app = median(apps);
      const ratio = app.rps / stat.rps;
      const ok = ratio >= 0.5 && (!t.p99Goal || app.p99 < 100) && app.errors + app.timeouts + app.non2xx === 0;
      rows.push(
        `| ${t.name.padEnd(24)} | ${fmt(app.rps).padStart(7)} req/s, p50 ${fmt(app.p50)} ms, p99 ${fmt(app.p99)} ms` +
          `${app.timeouts + app.errors + app.non2xx ? `, ${app.timeouts} timeouts, ${app.errors} errors, ${app.non2xx} non-2xx` : ''}` +
          ` | ${fmt(stat.rps).padStart(7)} req/s, p99 ${fmt(stat.p99)} ms | ${fmt(ratio * 100, 1)} % | ${ok ? 'yes' : 'NO'} |`,
      );
      process.stderr.write(`  ${t.name}: ${fmt(app.rps)} vs ${fmt(stat.rps)} req/s (${fmt(app.mbps, 1)} vs ${fmt(stat.mbps, 1)} MB/s)\n`);
    }
    const label = kind === 'postgres' ? `PostgreSQL, ${WORKERS} worker process${WORKERS > 1 ? 'es' : ''}` : 'PGlite (one process)';
    console.log(
      `\n${label} — ${CONNECTIONS} connections, median of ${ROUNDS} × ${DURATION} s per target, load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    console.log(`nginx: worker_processes ${nginxWorkers(kind)}`);
    console.log('| target                   | Pantau | nginx, same bytes | Pantau / nginx | goal met |');
    console.log('| ------------------------ | ------ | ----------------- | -------------- | -------- |');
    for (const r of rows) console.log(r);
  } finally {
    server.kill('SIGTERM');
    nginx?.kill('SIGQUIT');
    await sleep(500);
    rmSync(nginxDir, { recursive: true, force: true });
    await cleanup();
  }
}

/** The answer's bytes as sent (gzip) and decoded. */
async function rawGet(url: string): Promise<{ identity: Buffer; gzip: Buffer | null }> {
  const http = await import('node:http');
  const { gunzipSync } = await import('node:zlib');
  return new Promise((resolvePromise, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          if (res.statusCode !== 200) return reject(new Error(`${url}: ${res.statusCode}`));
          if (res.headers['content-encoding'] === 'gzip') resolvePromise({ identity: gunzipSync(body), gzip: body });
          else resolvePromise({ identity: body, gzip: null });
        });
      })
      .on('error', reject);
  });
}

try {
  execFileSync('nginx', ['-v'], { stdio: 'ignore' });
} catch {
  console.error('nginx is not installed (apt-get install -y nginx): the static baseline needs it.');
  process.exit(2);
}
if (!args.includes('--pg-only')) await bench('pglite');
if (!args.includes('--pglite-only')) await bench('postgres');
