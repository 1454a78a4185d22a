// Migrates once per run and hands each test file a template to copy:
//  - PGlite (DATABASE_URL unset): a data-dir dump in a temp file;
//  - PostgreSQL (DATABASE_URL set): a template database that each file clones.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/client.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pantauDb: { kind: 'pglite'; dump: string } | { kind: 'postgres'; adminUrl: string; template: string };
  }
}

/**
 * PANTAU_TEST_STORE=s3: an S3-compatible server (s3rver, in this process) for the run, and the
 * PANTAU_STORE/S3_* variables every app the tests build reads (storage/index.ts), so the evidence,
 * job-file and report-pack tests run against S3 instead of the data directory.
 */
async function startS3(): Promise<(() => Promise<void>) | null> {
  if (process.env.PANTAU_TEST_STORE !== 's3') return null;
  const { default: S3rver } = await import('s3rver');
  const directory = mkdtempSync(join(tmpdir(), 'pantau-s3rver-'));
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory, configureBuckets: [{ name: 'pantau-test' }] });
  const address = (await server.run()) as { port: number };
  Object.assign(process.env, {
    PANTAU_STORE: 's3',
    S3_ENDPOINT: `http://127.0.0.1:${address.port}`,
    S3_BUCKET: 'pantau-test',
    S3_REGION: 'us-east-1',
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    S3_FORCE_PATH_STYLE: '1',
  });
  return async () => {
    await server.close();
    rmSync(directory, { recursive: true, force: true });
  };
}

export default async function setup(project: TestProject) {
  const stopS3 = await startS3();
  const teardown = await setupDatabase(project);
  return async () => {
    await teardown();
    await stopS3?.();
  };
}

async function setupDatabase(project: TestProject): Promise<() => void | Promise<void>> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const pg = (await import('pg')).default;
    // PANTAU_TEST_DB_PREFIX: a shared server's naming rule for throw-away databases (default pantau).
    const template = `${process.env.PANTAU_TEST_DB_PREFIX ?? 'pantau'}_tpl_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${template}`);
    const tplUrl = withDatabase(url, template);
    const database = await openDatabase({ url: tplUrl });
    await database.close();
    project.provide('pantauDb', { kind: 'postgres', adminUrl: url, template });
    return async () => {
      // Drop the template and any per-file databases left behind by a crashed file.
      const left = await admin.query<{ datname: string }>(`select datname from pg_database where datname like $1 or datname = $2`, [
        `${template}_f%`,
        template,
      ]);
      for (const r of left.rows) await admin.query(`drop database if exists ${r.datname} with (force)`);
      await admin.end();
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'pantau-test-'));
  const database = await openDatabase({ dataDir: 'memory://' });
  const { PGlite } = await import('@electric-sql/pglite');
  void PGlite;
  // drizzle's PGlite session exposes the client; dump it as a tarball for fast per-file loads.
  const client = (database.db as unknown as { $client: { dumpDataDir(c?: 'none' | 'gzip'): Promise<Blob> } }).$client;
  const blob = await client.dumpDataDir('none');
  const dump = join(dir, 'template.tar');
  writeFileSync(dump, Buffer.from(await blob.arrayBuffer()));
  await database.close();
  project.provide('pantauDb', { kind: 'pglite', dump });
  return () => rmSync(dir, { recursive: true, force: true });
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
