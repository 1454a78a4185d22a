/**
 * Web size budget (issue 4 §8): how much gzipped JavaScript the public start page (`/`) needs
 * on a first visit, against the 150 KB budget.
 *
 * Builds the web app into a temporary directory with a Vite manifest, then walks the static
 * import graph: the entry chunk (index.html's module script) and everything it imports
 * statically, plus the chunks the `/` route loads before it can paint (its lazy screen and its
 * Indonesian locale, with their own static imports), plus the classic scripts index.html
 * loads. Each chunk is gzipped (zlib level 9, what a static pre-compressor would serve) and
 * the sum in KB (1024 bytes) is compared with the budget; the same sum at level 6 in decimal
 * kB (the unit of Vite's own build report) is printed beside it. Also prints where the bytes come from (per
 * npm package / source folder, the chunk's gzip size shared out by rendered length).
 *
 * Chunks fetched later by dynamic import (other routes, charts, notifications, the service
 * worker registration) are not in this figure; e2e/public.test.ts measures what Chromium really
 * downloads on a first visit.
 *
 *   npx tsx bench/web-size.ts [--dist <dir with .vite/manifest.json>] [--start <module,module>] [--modules] [--json] [--no-sent]
 *
 * Then (not with --json or --no-sent) `measureSent`: the bytes Chromium really receives on a first
 * visit to `/` from the server, precompressed, against the same JavaScript uncompressed.
 *
 * Measures every public page (PUBLIC_PAGES); `--start a.tsx,b.json` measures one other set of
 * modules instead. `--modules` shares the bytes out per module instead of per package.
 * Exit code 1 when any page is over budget.
 *
 */
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

export const BUDGET_KB = 150;

/** Source modules the `/` route loads before its first paint (router.tsx: lazy screen + `loadNs('public')`). */
export const START_PAGE_MODULES = ['src/web/public/leaderboard-screen.tsx', 'src/web/public/locales/id.json'];

/** Every public page and what it loads before its first paint (screen, strings; charts come later). */
export const PUBLIC_PAGES: Record<string, string[]> = {
  '/': START_PAGE_MODULES,
  '/governments/$bodyId': [
    'src/web/public/government-screen.tsx',
    'src/web/public/locales/id.json',
    'src/web/public/detail-locales/government.id.json',
  ],
  '/map': ['src/web/public/map-screen.tsx', 'src/web/public/locales/id.json', 'src/web/public/detail-locales/map.id.json'],
  '/publikasi/$publicationId': [
    'src/web/publish/publication-page.tsx',
    'src/web/publish/locales/id.json',
    'src/web/public/locales/id.json',
  ],
  '/verifikasi/$code': ['src/web/reports/verification-page.tsx', 'src/web/reports/locales/id.json'],
  '/penghargaan/$publicationId': ['src/web/reports/awards-page.tsx', 'src/web/reports/locales/id.json', 'src/web/public/locales/id.json'],
};

export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

/** Output files of `keys` and everything they import statically (each once), in visit order. */
export function staticClosure(manifest: Manifest, keys: readonly string[]): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`web-size: ${key} is not in the Vite manifest`);
    files.push(chunk.file);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  for (const key of keys) visit(key);
  return files;
}

/** The manifest key of index.html's entry chunk. */
export function entryKey(manifest: Manifest): string {
  const key = Object.keys(manifest).find((k) => manifest[k]?.isEntry && k.endsWith('index.html'));
  if (!key) throw new Error('web-size: no index.html entry in the Vite manifest');
  return key;
}

/** Classic (non-module) scripts index.html loads itself, e.g. the PWA's registerSW.js. */
export function classicScripts(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)\bsrc="\/([^"]+)"[^>]*><\/script>/g)) {
    if (!/type="module"/.test(m[1] ?? '')) out.push(m[2]!);
  }
  return out;
}

export const gzipKb = (data: Uint8Array | string): number => gzipSync(data, { level: 9 }).length / 1024;
/** The same in decimal kB at zlib's default level 6 (what most servers send; Vite's report uses kB). */
export const gzip6kB = (data: Uint8Array | string): number => gzipSync(data, { level: 6 }).length / 1000;

/** Where a module comes from: its npm package or its source folder. */
export function moduleOrigin(id: string): string {
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id.replaceAll('\\', '/'));
  if (nm) return nm[1]!;
  const src = /\/(src\/[^/]+|methodologies)\//.exec(id.replaceAll('\\', '/'));
  return src ? src[1]! : id.startsWith('\0') ? 'virtual' : 'other';
}

/** Per output file: rendered length per origin (only available when this script builds). */
type Attribution = Map<string, Map<string, number>>;

function attributionPlugin(into: Attribution, perModule: boolean): Plugin {
  return {
    name: 'pantau:web-size-attribution',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const item of Object.values(bundle)) {
        if (item.type !== 'chunk') continue;
        const byOrigin = new Map<string, number>();
        for (const [id, info] of Object.entries(item.modules)) {
          const origin = perModule ? id.replace(/^.*node_modules\//, '').replace(`${process.cwd()}/`, '') : moduleOrigin(id);
          byOrigin.set(origin, (byOrigin.get(origin) ?? 0) + info.renderedLength);
        }
        into.set(item.fileName, byOrigin);
      }
    },
  };
}

async function buildWithManifest(attribution: Attribution, perModule: boolean): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'pantau-web-size-'));
  const { build } = await import('vite');
  process.env.NODE_ENV = 'production'; // React's production build, whatever the caller's NODE_ENV
  await build({
    configFile: resolve('vite.config.ts'),
    mode: 'production',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, manifest: true },
    plugins: [attributionPlugin(attribution, perModule)],
  });
  return outDir;
}

export interface SizeReport {
  budgetKb: number;
  totalKb: number;
  entryGraphKb: number;
  /** The total in decimal kB at gzip level 6. */
  totalKb6: number;
  files: { file: string; kb: number; kb6: number; part: 'entry' | 'start-page' | 'classic' }[];
  origins: { origin: string; kb: number }[];
}

export function measure(dist: string, attribution?: Attribution, startModules: readonly string[] = START_PAGE_MODULES): SizeReport {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entryFiles = staticClosure(manifest, [entryKey(manifest)]);
  const startFiles = staticClosure(manifest, startModules).filter((f) => !entryFiles.includes(f));
  const classic = classicScripts(html).filter((f) => existsSync(join(dist, f)));
  const files: SizeReport['files'] = [
    ...entryFiles.map((file) => ({ file, part: 'entry' as const })),
    ...startFiles.map((file) => ({ file, part: 'start-page' as const })),
    ...classic.map((file) => ({ file, part: 'classic' as const })),
  ].map((f) => {
    const data = readFileSync(join(dist, f.file));
    return { ...f, kb: gzipKb(data), kb6: gzip6kB(data) };
  });

  const origins = new Map<string, number>();
  for (const f of files) {
    const parts = attribution?.get(f.file);
    const total = parts ? [...parts.values()].reduce((a, b) => a + b, 0) : 0;
    if (!parts || total === 0) {
      const key = f.part === 'classic' ? f.file : 'unattributed';
      origins.set(key, (origins.get(key) ?? 0) + f.kb);
      continue;
    }
    for (const [origin, len] of parts) origins.set(origin, (origins.get(origin) ?? 0) + (f.kb * len) / total);
  }
  const sum = (xs: { kb: number }[]) => xs.reduce((a, x) => a + x.kb, 0);
  return {
    budgetKb: BUDGET_KB,
    totalKb: sum(files),
    totalKb6: files.reduce((a, f) => a + f.kb6, 0),
    entryGraphKb: sum(files.filter((f) => f.part === 'entry')),
    files: files.sort((a, b) => b.kb - a.kb),
    origins: [...origins].map(([origin, kb]) => ({ origin, kb })).sort((a, b) => b.kb - a.kb),
  };
}

// issue 11: the public survey respondent page (/s/<code>) is its own entry, survey.html.
export const SURVEY_BUDGET_KB = 60;

/** Gzipped JavaScript of survey.html's entry and its static imports (nothing of the main app). */
export function measureSurveyPage(dist: string): { totalKb: number; files: { file: string; kb: number }[] } {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;
  const key = Object.keys(manifest).find((k) => manifest[k]?.isEntry && k.endsWith('survey.html'));
  if (!key) throw new Error('web-size: no survey.html entry in the Vite manifest');
  const files = staticClosure(manifest, [key])
    .filter((f) => f.endsWith('.js'))
    .map((file) => ({ file, kb: gzipKb(readFileSync(join(dist, file))) }));
  return { totalKb: files.reduce((a, f) => a + f.kb, 0), files };
}

const kb = (n: number) => `${n.toFixed(1).padStart(6)} KB`;
const verdict = (r: SizeReport) => (r.totalKb <= r.budgetKb ? 'within budget' : 'OVER BUDGET');

function print(r: SizeReport, page: string): void {
  console.log(`Public page ${page} — gzipped JavaScript on first visit (static graph)\n`);
  for (const f of r.files) console.log(`  ${kb(f.kb)}  ${f.part.padEnd(10)}  ${f.file}`);
  if (r.origins.some((o) => o.origin !== 'unattributed')) {
    console.log('\n  By origin:');
    for (const o of r.origins) if (o.kb >= 0.05) console.log(`  ${kb(o.kb)}  ${o.origin}`);
  }
  console.log(`\n  Entry graph      ${kb(r.entryGraphKb)}`);
  console.log(`  Page total       ${kb(r.totalKb)}  / budget ${r.budgetKb} KB — ${verdict(r)}`);
  console.log(`  (the same files at gzip -6 in decimal kB, the unit of Vite's build report: ${r.totalKb6.toFixed(1)} kB)`);
}

/**
 * What Chromium really receives on a first visit to `/` (issue 14 §2): the server (buildApp on the
 * built `dist`, demo data in memory) sends the precompressed files; every response the page
 * itself fetched is counted with its encoded body size (the service worker's precache, which
 * runs after the page has loaded, is not). Baseline in the same run: the same files' bytes
 * uncompressed, what was sent before precompression.
 */
export async function measureSent(dist: string): Promise<{ jsKb: number; allKb: number; jsIdentityKb: number; requests: number }> {
  const { mkdtempSync: mkd } = await import('node:fs');
  const { openDatabase } = await import('../src/server/db/client.ts');
  const { seedDemoIfEmpty } = await import('../src/server/seed/demo.ts');
  const { buildApp } = await import('../src/server/app.ts');
  const { chromium } = await import('playwright-core');
  const database = await openDatabase({ dataDir: 'memory://' });
  await seedDemoIfEmpty(database.db);
  const dataDir = mkd(join(tmpdir(), 'pantau-web-size-data-'));
  const app = await buildApp({ db: database.db, dataDir, webDir: dist });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-quic'],
  });
  try {
    const page = await (await browser.newContext()).newPage();
    const seen: Promise<{ url: string; type: string; bytes: number }>[] = [];
    page.on('response', (res) =>
      seen.push(
        res
          .request()
          .sizes()
          .then((s) => ({ url: res.url(), type: res.request().resourceType(), bytes: s.responseBodySize + s.responseHeadersSize })),
      ),
    );
    await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'networkidle' });
    const all = await Promise.all(seen);
    const js = all.filter((r) => r.type === 'script' || r.url.endsWith('.js'));
    const identity = js.reduce((a, r) => {
      const path = new URL(r.url).pathname;
      return existsSync(join(dist, path)) ? a + readFileSync(join(dist, path)).length : a;
    }, 0);
    return {
      jsKb: js.reduce((a, r) => a + r.bytes, 0) / 1024,
      allKb: all.reduce((a, r) => a + r.bytes, 0) / 1024,
      jsIdentityKb: identity / 1024,
      requests: all.length,
    };
  } finally {
    await browser.close();
    await app.close();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const k = process.argv.indexOf('--dist');
  const attribution: Attribution = new Map();
  const dist = k === -1 ? await buildWithManifest(attribution, process.argv.includes('--modules')) : resolve(process.argv[k + 1]!);
  try {
    const s = process.argv.indexOf('--start');
    const pages = s === -1 ? PUBLIC_PAGES : { [process.argv[s + 1]!]: process.argv[s + 1]!.split(',') };
    const reports = Object.entries(pages).map(([page, modules]) => ({
      page,
      ...measure(dist, k === -1 ? attribution : undefined, modules),
    }));
    if (process.argv.includes('--json')) console.log(JSON.stringify(reports, null, 2));
    else {
      print(reports[0]!, reports[0]!.page);
      if (reports.length > 1) console.log('\nOther public pages (same entry graph, plus their own screen and strings):');
      for (const r of reports.slice(1)) console.log(`  ${kb(r.totalKb)}  (${r.totalKb6.toFixed(1)} kB at -6)  ${r.page} — ${verdict(r)}`);
    }
    // issue 11: the survey respondent page against its own budget.
    const survey = measureSurveyPage(dist);
    const surveyOk = survey.totalKb <= SURVEY_BUDGET_KB;
    if (!process.argv.includes('--json'))
      console.log(
        `\nSurvey respondent page /s/<code> (survey.html): ${kb(survey.totalKb)} / budget ${SURVEY_BUDGET_KB} KB — ${surveyOk ? 'within budget' : 'OVER BUDGET'}`,
      );
    let sentOk = surveyOk;
    if (!process.argv.includes('--no-sent') && !process.argv.includes('--json')) {
      const sent = await measureSent(dist);
      sentOk = sent.jsKb <= BUDGET_KB;
      console.log(`\nSent to Chromium on a first visit to / (${sent.requests} responses, headers included):`);
      console.log(`  JavaScript       ${kb(sent.jsKb)}  / goal ${BUDGET_KB} KB — ${sentOk ? 'within' : 'OVER'}`);
      console.log(`  everything       ${kb(sent.allKb)}  (HTML, CSS, JS, API answers, icons)`);
      console.log(`  baseline: the same JavaScript uncompressed ${kb(sent.jsIdentityKb)} (what was sent before precompression)`);
    }
    process.exitCode = reports.every((r) => r.totalKb <= r.budgetKb) && sentOk ? 0 : 1;
  } finally {
    if (k === -1) rmSync(dist, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
