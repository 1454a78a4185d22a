// What each part of the build reads, and whether the built part is current. Plain JavaScript, so
// that `npm start` (scripts/start.mjs) decides in ≈ 0.1 s without loading a TypeScript runner;
// scripts/build.ts builds the parts that are not current and records their hashes.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '..');
export const dist = join(root, 'dist');
export const cache = join(root, '.cache');
/** The server bundle (esbuild): main.mjs, render-worker.mjs, their shared chunks, the migrations. */
export const serverDir = join(cache, 'server');
/** An empty, migrated PGlite data directory that a first start on a new directory copies. */
export const template = join(cache, 'pglite-template');
export const stampFile = join(cache, 'build.json');

const shared = ['tsconfig.json', 'package-lock.json', 'src/core', 'src/shared', 'methodologies'];
/** The inputs of each part; tests are read by neither build. */
export const PARTS = {
  web: {
    inputs: [...shared, 'index.html', 'survey.html', 'vite.config.ts', 'postcss.config.cjs', 'src/web'],
    outputs: [join(dist, 'index.html')],
  },
  server: { inputs: [...shared, 'src/server'], outputs: [join(serverDir, 'main.mjs'), join(serverDir, 'render-worker.mjs'), template] },
};

const isTest = (name) => /\.test\.tsx?$/.test(name) || name === 'node_modules';

function files(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => (isTest(name) ? [] : files(join(path, name))));
}

/** @param {'web' | 'server'} part */
export function inputHash(part) {
  const hash = createHash('sha256');
  for (const file of PARTS[part].inputs.flatMap((p) => files(join(root, p)))) {
    hash.update(relative(root, file));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** @returns {{ web?: string; server?: string }} */
export function readStamp() {
  try {
    return JSON.parse(readFileSync(stampFile, 'utf8'));
  } catch {
    return {};
  }
}

/** @returns {Record<'web' | 'server', string>} each part's input hash now */
export function currentHashes() {
  return { web: inputHash('web'), server: inputHash('server') };
}

/**
 * The parts whose inputs changed since they were built, or whose outputs are missing.
 * @param {Record<'web' | 'server', string>} [hashes] the input hashes, when the caller has them
 */
export function staleParts(hashes = currentHashes()) {
  const stamp = readStamp();
  return /** @type {('web' | 'server')[]} */ (Object.keys(PARTS)).filter(
    (part) => stamp[part] !== hashes[part] || PARTS[part].outputs.some((p) => !existsSync(p)),
  );
}
