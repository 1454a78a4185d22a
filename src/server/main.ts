// `npm start` / `npm run serve`: open the database (PGlite in ./data by default, PostgreSQL when
// DATABASE_URL is set), apply migrations and seed the demo on an empty database (both under the
// start-up lock, so instances started together take turns), serve API and web app, print the URL.
//
// PANTAU_WORKERS=N (or `auto`: one per core) runs N worker processes (node:cluster) sharing the
// port — PostgreSQL only, since a PGlite directory belongs to one process. SIGTERM/SIGINT drain:
// readiness turns 503, new connections stop, requests in flight and running jobs finish (jobs get
// PANTAU_JOB_GRACE_MS, then go back to the queue), the database closes; a hard stop after
// PANTAU_SHUTDOWN_MS. Logs are JSON lines (pino) with the request id; LOG_LEVEL=info logs every request.
//
// Start-up order: only the runtime (data directory, secrets, database) is imported up front; the
// database opens (PGlite: WebAssembly compiled off the main thread, files read) while the app's
// and the seed's modules load. The banner prints how long each phase took.
import type { Server } from 'node:net';
import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openRuntime } from './config/runtime.ts';
import type { seedDemoIfEmpty } from './seed/demo.ts';

/** Milliseconds since the process started, at the marks of the start. */
const marks: [string, number][] = [
  // scripts/start.mjs says when its build (of what was stale) ended: that phase is not module loading.
  ...(process.env.PANTAU_BUILT_AT_MS ? [['build', Number(process.env.PANTAU_BUILT_AT_MS)] as [string, number]] : []),
  ['modules', performance.now()],
];
const mark = (phase: string) => marks.push([phase, performance.now()]);

const env = process.env;
const port = Number(env.PORT ?? 3000);
const host = env.HOST ?? '0.0.0.0';
const dataDir = resolve(env.DATA_DIR ?? './data');
const num = (name: string) => (env[name] ? Number(env[name]) : undefined);
const workers = env.PANTAU_WORKERS === 'auto' ? availableParallelism() : Math.max(1, Number(env.PANTAU_WORKERS ?? 1));

if (workers > 1 && !env.DATABASE_URL) {
  console.error('PANTAU_WORKERS > 1 needs PostgreSQL (DATABASE_URL): a PGlite data directory belongs to one process.');
  process.exit(2);
}

if (workers > 1 && cluster.isPrimary) {
  await primary();
} else {
  await serve();
}

/** The cluster's primary: migrates and seeds once, then keeps `workers` servers running. */
async function primary(): Promise<void> {
  // Opening the runtime also creates the key files (when not configured: config/secrets.ts) that the
  // workers would otherwise race to create, and sets the audit key the demo seed's events need.
  const [runtime, { seedDemoIfEmpty }] = await Promise.all([openRuntime(env), import('./seed/demo.ts')]);
  const { database } = runtime;
  const seeded = env.PANTAU_NO_SEED ? null : await database.withStartupLock(() => seedDemoIfEmpty(database.db));
  await runtime.close({ checkpoint: !!seeded });
  let stopping = false;
  // The workers run this file (the bundle's main.mjs, or this source under tsx, whose loader is in
  // execArgv), not whatever script started the primary (scripts/start.mjs).
  cluster.setupPrimary({ exec: fileURLToPath(import.meta.url), execArgv: [...process.execArgv, '--enable-source-maps'] });
  const fork = () => cluster.fork({ PANTAU_NO_SEED: '1' });
  for (let i = 0; i < workers; i++) fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    console.error(JSON.stringify({ level: 50, msg: 'worker exited; starting another', pid: worker.process.pid, code, signal }));
    setTimeout(fork, 1000);
  });
  let announced = false;
  cluster.on('listening', () => {
    if (announced) return;
    announced = true;
    announce('PostgreSQL (DATABASE_URL)', seeded, `${workers} worker processes`, securityLines(null));
  });
  const stop = () => {
    if (stopping) return;
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    const timer = setTimeout(() => process.exit(1), Number(env.PANTAU_SHUTDOWN_MS ?? 30_000) + 2000);
    timer.unref();
    cluster.on('exit', () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** One server process. */
async function serve(): Promise<void> {
  // The data directory, the secrets (and with them the audit key) and the database.
  const opening = openRuntime(env).then((r) => {
    mark('database');
    return r;
  });
  const loading = Promise.all([
    import('./app.ts'),
    import('./seed/demo.ts'),
    import('./ops/backup-socket.ts'),
    import('./auth/password-policy.ts'),
  ]);
  // Both settle before either is used: a failed open is not left unhandled while the modules load.
  const [opened, loaded] = await Promise.allSettled([opening, loading]);
  if (opened.status === 'rejected') throw opened.reason;
  if (loaded.status === 'rejected') {
    await opened.value.close();
    throw loaded.reason;
  }
  const runtime = opened.value;
  const [{ buildApp }, { seedDemoIfEmpty }, { serveBackups }, { preloadPasswordPolicy }] = loaded.value;
  mark('app modules');
  const { database } = runtime;
  const seeded = env.PANTAU_NO_SEED ? null : await database.withStartupLock(() => seedDemoIfEmpty(database.db));
  if (seeded) mark('demo');
  const app = await buildApp({
    db: database.db,
    dataDir,
    secrets: runtime.secrets.keys,
    webDir: resolve('dist'),
    secureCookies: env.PANTAU_SECURE_COOKIES === '1',
    insecureLanCookies: env.PANTAU_INSECURE_COOKIES === '1',
    // e.g. TRUST_PROXY=127.0.0.1 behind a local reverse proxy; unset = use the socket address.
    ...(env.TRUST_PROXY ? { trustProxy: env.TRUST_PROXY === 'true' ? true : env.TRUST_PROXY } : {}),
    logger: { level: env.LOG_LEVEL ?? 'warn' },
    ...(num('PANTAU_UPLOAD_MAX_AGE_HOURS') ? { abandonedUploadHours: num('PANTAU_UPLOAD_MAX_AGE_HOURS')! } : {}),
    ops: { pool: () => database.pool, ...(env.PANTAU_METRICS_TOKEN ? { metricsToken: env.PANTAU_METRICS_TOKEN } : {}) },
    jobs: {
      ...(num('PANTAU_JOB_CONCURRENCY') ? { concurrency: num('PANTAU_JOB_CONCURRENCY')! } : {}),
      ...(num('PANTAU_JOB_GRACE_MS') !== undefined ? { graceMs: num('PANTAU_JOB_GRACE_MS')! } : {}),
      disabled: env.PANTAU_JOBS === 'off',
    },
    published: {
      ...(num('PANTAU_PUBLIC_CHECK_MS') !== undefined ? { checkMs: num('PANTAU_PUBLIC_CHECK_MS')! } : {}),
      ...(num('PANTAU_PUBLIC_CACHE_MB') ? { maxBytes: num('PANTAU_PUBLIC_CACHE_MB')! * 1024 * 1024 } : {}),
      ...(num('PANTAU_PUBLIC_MAX_AGE') !== undefined ? { maxAge: num('PANTAU_PUBLIC_MAX_AGE')! } : {}),
    },
  });

  let closing = false;
  let backups: Server | null = null;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.warn({ signal }, 'shutting down: draining');
    app.draining = true;
    const hard = setTimeout(
      () => {
        app.log.error('shutdown took too long; stopping now');
        process.exit(1);
      },
      Number(env.PANTAU_SHUTDOWN_MS ?? 30_000),
    );
    hard.unref();
    // Give a balancer polling /health/ready a moment to stop sending new requests.
    await new Promise((r) => setTimeout(r, Number(env.PANTAU_DRAIN_MS ?? 0)));
    await app.close();
    backups?.close();
    await runtime.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  mark('app');
  await app.listen({ port, host });
  mark('listening');
  // PGlite belongs to this process: `pantau backup` asks it through a socket in the data directory.
  // A socket that cannot be opened (e.g. a data directory path over the 107-byte socket limit) only
  // loses the online backup: `pantau backup` then needs the server stopped.
  if (database.kind === 'pglite')
    backups = await serveBackups(dataDir, database.db, app.stores).catch((err: unknown) => {
      app.log.warn({ err }, 'no backup socket: pantau backup needs the server stopped');
      return null;
    });
  // The password dictionaries (≈ 0.5 s of the main thread) load soon after the start, not on the
  // first account change — and not in the moment the first pages are asked for.
  setTimeout(preloadPasswordPolicy, 3000).unref();
  if (!cluster.isWorker)
    announce(
      database.kind === 'pglite' ? `PGlite ${dataDir}/pglite` : 'PostgreSQL (DATABASE_URL)',
      seeded,
      '1 process',
      securityLines(database.kind === 'pglite' ? app.auditCheckpoints.where : null, database.kind),
    );
}

/** What the start banner says about durability, the audit checkpoint and cookies. */
function securityLines(checkpoint: string | null, kind?: 'pglite' | 'postgres'): string[] {
  const lines: string[] = [];
  if (kind === 'pglite') {
    lines.push(
      env.PANTAU_PGLITE_FSYNC === 'off'
        ? '  PERINGATAN / WARNING                PANTAU_PGLITE_FSYNC=off: commits are not fsynced; a power cut can lose acknowledged writes'
        : '                                      every commit is fsynced to disk (survives a power cut)',
      '                                      one process, one connection: for many users at once use PostgreSQL (DATABASE_URL)',
    );
  }
  if (checkpoint) lines.push(`  Audit checkpoint                    ${checkpoint}`);
  lines.push(
    `  Cookies                             ${
      env.PANTAU_INSECURE_COOKIES === '1'
        ? 'without Secure on plain http (PANTAU_INSECURE_COOKIES=1: a trusted LAN only)'
        : 'Secure (https needed) except over http://localhost; plain-http LAN: PANTAU_INSECURE_COOKIES=1'
    }`,
  );
  return lines;
}

function announce(db: string, seeded: Awaited<ReturnType<typeof seedDemoIfEmpty>>, processes: string, extra: string[]): void {
  const url = `http://localhost:${port}/`;
  const lines = [
    '',
    `  Pantau berjalan di / is running at  ${url}`,
    `  API docs (OpenAPI)                  ${url}api/docs`,
    `  Database                            ${db}`,
    `  Processes                           ${processes}`,
    ...extra,
  ];
  if (marks.length > 1) lines.push(`  Siap / ready in                     ${startPhases()}`);
  if (seeded) {
    lines.push('', '  Akun demo / demo accounts (kata sandi hanya ditampilkan sekali / passwords shown only once):');
    for (const a of seeded.accounts) lines.push(`    ${a.role.padEnd(12)} ${a.username.padEnd(22)} ${a.password}   ${a.scope}`);
  }
  console.log(`${lines.join('\n')}\n`);
}

/** "5.3 s (modules 1.8 · database 1.3 · …)": each phase's own time; database and module loading overlap. */
function startPhases(): string {
  const total = marks[marks.length - 1]![1];
  const parts = marks.map(([phase, at], k) => `${phase} ${((at - (k === 0 ? 0 : marks[k - 1]![1])) / 1000).toFixed(1)}`);
  return `${(total / 1000).toFixed(1)} s after the process started (${parts.join(' · ')})`;
}
