/**
 * `npm run build` / `npm start`: builds the web app into dist/ (precompressed, see
 * vite.config.ts) and records a hash of everything the build reads in dist/.pantau-build.json.
 * Also writes .cache/pglite-template/: an empty, migrated PGlite data directory, which a first
 * start on a new PGlite directory copies instead of running initdb and the migrations.
 * With --if-stale (what `npm start` runs) an up-to-date dist/ is reused: same inputs, same hash,
 * no build. `npm run serve` (production) never builds: build once at image build time.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const stampFile = join(dist, '.pantau-build.json');
/** What the web build reads: its sources, the shared engine and library, config and the lockfile. */
const INPUTS = [
  'index.html',
  'vite.config.ts',
  'postcss.config.cjs',
  'tsconfig.json',
  'package-lock.json',
  'src/web',
  'src/core',
  'src/shared',
  'methodologies',
  'src/server/db/migrations',
];
export const TEMPLATE = join(root, '.cache', 'pglite-template');

function files(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => (name === 'node_modules' ? [] : files(join(path, name))));
}

export function inputHash(): string {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap((p) => files(join(root, p)))) {
    hash.update(relative(root, file));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

async function pgliteTemplate(): Promise<void> {
  const { openDatabase } = await import('../src/server/db/client.ts');
  // Migrated on disk beside the template, closed cleanly, then put in its place.
  const next = `${TEMPLATE}.next`;
  rmSync(next, { recursive: true, force: true });
  const database = await openDatabase({ dataDir: next, durable: false });
  await database.close();
  rmSync(TEMPLATE, { recursive: true, force: true });
  rmSync(`${TEMPLATE}.tar.gz`, { force: true });
  renameSync(next, TEMPLATE);
}

const started = performance.now();
const hash = inputHash();
const current = existsSync(stampFile) ? (JSON.parse(readFileSync(stampFile, 'utf8')) as { hash?: string }).hash : undefined;
if (process.argv.includes('--if-stale') && current === hash && existsSync(join(dist, 'index.html')) && existsSync(TEMPLATE)) {
  console.log(`Web app up to date (dist/, checked in ${Math.round(performance.now() - started)} ms).`);
} else {
  process.env.NODE_ENV = 'production';
  const { build } = await import('vite');
  await build({ root, configFile: join(root, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
  await pgliteTemplate();
  writeFileSync(stampFile, `${JSON.stringify({ hash, builtAt: new Date().toISOString() }, null, 2)}\n`);
  console.log(`Web app built into dist/ in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}
