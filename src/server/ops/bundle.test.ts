// The built server (scripts/build-server.ts: what `npm start` and `npm run serve` run) serves
// what the sources serve, including the parts that load late: a rapor drawn in the request
// (pdfmake and ECharts imported on first use), a workbook (exceljs), a report pack rendered by
// the worker pool from the bundle's own render-worker.mjs and zipped (archiver), the migrations
// found beside the bundle on an empty database, the demo seeded, SIGTERM draining to exit 0.
// In the PGlite runs its server has a PGlite directory of its own; in the PostgreSQL run an empty
// database of its own on the suite's server (the production start of docs/deploy.md).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cache } from '../../../scripts/build-inputs.mjs';
import { buildServer } from '../../../scripts/build-server.ts';
import { CSRF_COOKIE } from '../auth/sessions.ts';
import { freePort } from '../test/free-port.ts';
import { withDatabase } from '../test/global-setup.ts';

const outDir = join(cache, `test-server-${process.pid}`);
const dataDir = mkdtempSync(join(tmpdir(), 'pantau-bundle-'));
let server: ChildProcess;
let base = '';
let output = '';
let cookie = '';
let csrf = '';
/** PostgreSQL run: the server's own empty database, and how to drop it. */
let dropDatabase: (() => Promise<void>) | undefined;

/** The server's database: PGlite in `dataDir`, or an empty database on the suite's PostgreSQL server. */
async function serverDatabase(): Promise<Record<string, string>> {
  const cfg = inject('pantauDb');
  if (cfg.kind !== 'postgres') return {};
  const pg = (await import('pg')).default;
  // Named like the per-file databases, so the suite's teardown drops it if this file crashes.
  const name = `${cfg.template}_fbundle${process.pid}`;
  const admin = new pg.Client({ connectionString: cfg.adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  dropDatabase = async () => {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
  return { DATABASE_URL: withDatabase(cfg.adminUrl, name) };
}

async function api(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${base}/api/v1${path}`, {
    ...init,
    headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json', ...(init.headers ?? {}) },
  });
}

/** A 200 answer's bytes. */
async function download(path: string): Promise<Buffer> {
  const res = await api(path);
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

beforeAll(async () => {
  await buildServer(outDir);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  // Never the suite's own database: PGlite in its own directory, or an empty PostgreSQL database.
  const { DATABASE_URL: _url, PANTAU_STORE: _store, ...env } = process.env;
  server = spawn(process.execPath, ['--enable-source-maps', join(outDir, 'main.mjs')], {
    env: { ...env, ...(await serverDatabase()), DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', VITEST: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  server.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 110_000;
  while (!output.includes('Siap / ready in')) {
    if (server.exitCode !== null) throw new Error(`the built server exited (${server.exitCode}):\n${output}`);
    if (Date.now() > deadline) throw new Error(`the built server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const password = /^ {4}admin +admin +(\S+)/m.exec(output)?.[1];
  expect(password).toBeDefined();
  const login = await api('/auth/login', { method: 'POST', body: JSON.stringify({ username: 'admin', password }) });
  expect(login.status).toBe(200);
  const cookies = login.headers.getSetCookie().map((c) => c.split(';')[0]!);
  cookie = cookies.join('; ');
  csrf = cookies.find((c) => c.startsWith(`${CSRF_COOKIE}=`))!.slice(CSRF_COOKIE.length + 1);
}, 120_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGKILL');
    await exited;
  }
  await dropDatabase?.();
  rmSync(outDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the built server', () => {
  it('starts on an empty data directory with the demo and its start phases', () => {
    expect(output).toMatch(/Siap \/ ready in +[\d.]+ s after the process started \(modules [\d.]+ · /);
    expect(output).toContain('pimpinan.banten');
  });

  it('draws a rapor, a workbook and a report pack with the libraries it loads on first use', async () => {
    const cycles = (await (await api('/cycles')).json()) as { items: { id: string; year: number; family: string }[] };
    const cycle = cycles.items.find((c) => c.year === 2023 && c.family === 'ombudsman')!;
    const pubs = (await (await api(`/cycles/${cycle.id}/publications`)).json()) as { items: { id: string }[] };
    const pub = pubs.items[0]!.id;
    const detail = (await (await api(`/publications/${pub}`)).json()) as { snapshot: { bodies: { id: string }[] } };

    const rapor = await download(`/publications/${pub}/bodies/${detail.snapshot.bodies[0]!.id}/rapor.pdf`);
    expect(rapor.subarray(0, 5).toString()).toBe('%PDF-');
    const template = await download('/imports/templates/results.xlsx');
    expect(template.subarray(0, 2).toString()).toBe('PK');

    const started = await api(`/publications/${pub}/report-pack`, { method: 'POST', body: JSON.stringify({ lang: 'id', units: false }) });
    expect(started.status).toBe(202);
    const job = (await started.json()) as { id: string; total: number };
    let status = '';
    for (let k = 0; k < 600 && status !== 'done' && status !== 'failed'; k++) {
      await new Promise((r) => setTimeout(r, 100));
      status = ((await (await api(`/jobs/${job.id}`)).json()) as { status: string }).status;
    }
    expect(status).toBe('done');
    const zip = Buffer.from(await (await api(`/jobs/${job.id}/file`)).arrayBuffer());
    expect(zip.subarray(0, 2).toString()).toBe('PK');
    // One rapor PDF per government of the snapshot, each a PDF (the local file headers name them).
    expect(zip.toString('latin1').match(/rapor-[^\0]*?\.pdf/g)?.length ?? 0).toBeGreaterThanOrEqual(job.total);
  }, 90_000);

  it('drains and exits 0 on SIGTERM', async () => {
    const exited = new Promise<number | null>((r) => server.once('exit', (code) => r(code)));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 40_000);
});
