// Once per e2e run (not once per spec file): build the web app exactly as `npm start` serves it,
// and seed the demo into an in-memory PGlite whose data directory is dumped to a file. Each spec
// loads that dump (a second or two) instead of migrating and seeding again (≈ 20–30 s each).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/server/db/client.ts';
import { seedDemoIfEmpty } from '../src/server/seed/demo.ts';
import type { Account } from './harness.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pantauE2E: { webDir: string; dump: string; accounts: Account[] };
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'pantau-e2e-run-'));
  const webDir = join(dir, 'web');
  const { build } = await import('vite');
  // vitest sets NODE_ENV=test, which would make Vite bundle React's development build
  // (≈ 70 KB gzipped more, and slower): build exactly what `npm start` serves.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ logLevel: 'warn', mode: 'production', build: { outDir: webDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  // The demo's audit events are chained with the test key, as in any test process (audit/queries.ts).
  process.env.VITEST ??= 'true';
  const database = await openDatabase({ dataDir: 'memory://' });
  const seeded = await seedDemoIfEmpty(database.db);
  if (!seeded) throw new Error('demo seed did not run on an empty database');
  const client = (database.db as unknown as { $client: { dumpDataDir(c?: 'none' | 'gzip'): Promise<Blob> } }).$client;
  const dump = join(dir, 'demo.tar');
  writeFileSync(dump, Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer()));
  await database.close();
  project.provide('pantauE2E', { webDir, dump, accounts: seeded.accounts });
  return () => rmSync(dir, { recursive: true, force: true });
}
