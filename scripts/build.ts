/**
 * `npm run build` (production image, CI) and `npm start` (only the parts that changed, through
 * scripts/start.mjs): builds
 * - the web app into dist/ (precompressed, see vite.config.ts);
 * - the server into .cache/server/ (esbuild: our TypeScript bundled, packages left to
 *   node_modules, so a start loads plain JavaScript and no TypeScript runner);
 * - .cache/pglite-template/: an empty, migrated PGlite data directory, which a first start on a
 *   new PGlite directory copies instead of running initdb and the migrations.
 * Each part's input hash is recorded in .cache/build.json (scripts/build-inputs.mjs).
 * With --if-stale only the parts whose inputs changed are built. `npm run serve` never builds.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { currentHashes, readStamp, root, serverDir, staleParts, stampFile, template } from './build-inputs.mjs';
import { buildServer } from './build-server.ts';

async function buildWeb(): Promise<void> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    const { build } = await import('vite');
    await build({ root, configFile: join(root, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

async function pgliteTemplate(): Promise<void> {
  const { openDatabase } = await import('../src/server/db/client.ts');
  // Migrated on disk beside the template, closed cleanly, then put in its place.
  const next = `${template}.next`;
  rmSync(next, { recursive: true, force: true });
  const database = await openDatabase({ dataDir: next, durable: false });
  await database.close();
  rmSync(template, { recursive: true, force: true });
  rmSync(`${template}.tar.gz`, { force: true });
  renameSync(next, template);
}

const started = performance.now();
// Hashed once: what is stale, and what the stamp records for the parts built.
const hashes = currentHashes();
const parts = process.argv.includes('--if-stale') ? staleParts(hashes) : (['web', 'server'] as const);
if (parts.length === 0) {
  console.log(`Build up to date (checked in ${Math.round(performance.now() - started)} ms).`);
} else {
  const stamp = readStamp();
  for (const part of parts) {
    if (part === 'web') await buildWeb();
    else {
      await buildServer(serverDir);
      await pgliteTemplate();
    }
    stamp[part] = hashes[part];
  }
  writeFileSync(stampFile, `${JSON.stringify({ ...stamp, builtAt: new Date().toISOString() }, null, 2)}\n`);
  console.log(`Built ${parts.join(' and ')} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}
