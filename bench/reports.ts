/**
 * Rapor benchmark (issue 5 §7): 587 government rapor PDFs (25 kementerian, 14 lembaga,
 * 34 provinsi, 98 kota, 416 kabupaten; 7 service units each, the typical locus), rendered the
 * way a report pack renders them: from snapshot-shaped data (SnapshotBody + stored unit
 * breakdowns, shared/wire/publications.ts) by a pool of worker threads (size = available cores),
 * at most 2 × pool size PDFs in flight. Each government's answers come from a seeded PRNG and
 * are scored by the real engine under ombudsman-2024 before the clock starts.
 *
 * Baselines, measured in the same run on a sample of the same governments, in this thread:
 *  - the OLD layout (a detailed indicator table per unit, one page each: `layout 'per-unit'`);
 *  - the NEW layout (one indicator × unit table), single-threaded.
 * Ratios: new/old per PDF (the layout), and pool throughput vs single thread.
 *
 * Prints: PDFs, wall seconds, per-PDF ms, CPU seconds (all threads; the machine may be shared,
 * CPU time is the steadier figure), peak RSS of the process (main thread + worker threads share
 * it), the load average before and after. Goal: under 120 s and under 500 MB RSS.
 *
 *   npx tsx bench/reports.ts [--count 587] [--sample 30] [--workers N] [--out DIR] [--json]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { BodyType } from '../src/core/types.ts';
import { getScheme } from '../methodologies/index.ts';
import { compactUnitScore } from '../src/server/scores/breakdown.ts';
import { type EvidenceCount, type SnapshotRaporArgs, raporInputFromSnapshot } from '../src/server/reports/from-snapshot.ts';
import { RenderPool, mapBounded } from '../src/server/reports/pool.ts';
import { sampleGovernmentRapor } from '../src/server/reports/sample-input.ts';
import type { SnapshotBody, SnapshotUnit } from '../src/shared/wire/publications.ts';

const BODIES: [BodyType, number][] = [
  ['kementerian', 25],
  ['lembaga', 14],
  ['provinsi', 34],
  ['kota', 98],
  ['kabupaten', 416],
];
const PROVINCES = [
  'Aceh',
  'Sumatera Utara',
  'Jawa Barat',
  'Jawa Tengah',
  'Jawa Timur',
  'Banten',
  'Bali',
  'Nusa Tenggara Timur',
  'Kalimantan Timur',
  'Sulawesi Selatan',
  'Maluku',
  'Papua',
];

function arg(name: string): string | undefined {
  const k = process.argv.indexOf(`--${name}`);
  return k === -1 ? undefined : process.argv[k + 1];
}
const count = Number(arg('count') ?? 587);
const sampleCount = Math.min(count, Number(arg('sample') ?? 30));
const workers = Number(arg('workers') ?? availableParallelism());
const outDir = arg('out');
const asJson = process.argv.includes('--json');

const scheme = getScheme('ombudsman-2024');
if (scheme === undefined) throw new Error('ombudsman-2024 is not in the methodology library');
const SCHEME_KEY = 'ombudsman-2024';

/** The k-th government of the synthetic national cycle, as a report pack would get it. */
function government(k: number): SnapshotRaporArgs {
  let rest = k % 587;
  let type: BodyType = 'kabupaten';
  for (const [t, n] of BODIES) {
    if (rest < n) {
      type = t;
      break;
    }
    rest -= n;
  }
  const province = type === 'kementerian' || type === 'lembaga' ? null : PROVINCES[k % PROVINCES.length]!;
  const name =
    type === 'kementerian'
      ? `Kementerian Contoh ${rest + 1}`
      : type === 'lembaga'
        ? `Lembaga Contoh ${rest + 1}`
        : type === 'provinsi'
          ? `Provinsi Contoh ${rest + 1}`
          : `${type === 'kota' ? 'Kota' : 'Kabupaten'} Contoh ${rest + 1}`;
  const sample = sampleGovernmentRapor(scheme!, { seed: 2024 + k, name, type, provinceName: province });
  const bodyId = `body-${k}`;
  const units: SnapshotUnit[] = sample.units.map((u, j) => ({
    id: `${bodyId}-u${j}`,
    bodyId,
    name: u.name,
    sector: u.sector,
    raw: u.breakdown.raw,
    score: u.score,
    bandCode: u.band.code,
    complete: u.breakdown.complete,
    breakdown: compactUnitScore(u.breakdown),
  }));
  const rank = (r: { rank: number; of: number; movement: number | null } | undefined, group: string) =>
    r === undefined
      ? null
      : { group, rank: r.rank, of: r.of, previousRank: r.movement === null ? null : r.rank + r.movement, movement: r.movement };
  const body: SnapshotBody = {
    id: bodyId,
    code: String(k),
    name,
    type,
    provinceCode: province === null ? null : String(11 + (k % PROVINCES.length)),
    raw: sample.score,
    score: sample.score,
    bandCode: sample.band.code,
    complete: true,
    units: units.length,
    qualifiers: sample.qualifiers.map((q) => ({ code: q.code, applies: q.applies })),
    source: 'computed',
    ranks: {
      nationalType: rank(sample.ranks.national, `national:${type}`),
      province: rank(sample.ranks.province, `province:${k % PROVINCES.length}`),
    },
    previous: null,
    changes: [],
  };
  const evidence: EvidenceCount[] = sample.evidence.map((e) => ({
    unitId: units.find((u) => u.name === e.unit)!.id,
    indicator: e.indicator,
    files: e.files,
    kinds: e.kinds,
  }));
  return {
    lang: 'id',
    cycle: { name: 'Penilaian Kepatuhan 2024', year: 2024, schemeId: scheme!.id },
    body,
    units,
    provinceName: province,
    evidence,
    assumptions: scheme!.assumptions,
    snapshot:
      k % 2 === 0
        ? null
        : { id: `snap-${k}`, version: 1, publishedAt: '2024-12-04T10:00:00+07:00', url: `https://pantau.example/publikasi/snap-${k}` },
    generatedAt: '2024-12-04T09:00:00+07:00',
  };
}

function pageCount(pdf: Buffer): number {
  // Each page object has "/Type /Page" (not "/Pages"); enough for a count in a benchmark.
  return (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
}
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
};
let rssPeak = 0;
const sampleRss = (): void => {
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
};

if (outDir !== undefined) mkdirSync(outDir, { recursive: true });
const loadBefore = loadavg();

// Inputs are made on demand, in this thread, as the pool asks for them (the engine scores each
// government's synthetic answers: ~7 ms each); only 2 × pool size are alive at once, like a
// pack that reads bodies off a loaded snapshot. Their time is counted apart.
let inputMs = 0;
const input = (k: number): SnapshotRaporArgs => {
  const i0 = performance.now();
  const args = government(k);
  inputMs += performance.now() - i0;
  return args;
};
const indices = Array.from({ length: count }, (_, k) => k);
setFlagsFromString('--expose-gc');
(runInNewContext('gc') as () => void)();

const rssStart = process.memoryUsage().rss;

// The run: every government through the worker pool.
const pool = new RenderPool(workers);
pool.addScheme(SCHEME_KEY, scheme);
const times: number[] = [];
let pages = 0;
let bytes = 0;
const rssTimer = setInterval(sampleRss, 100);
const c0 = cpuMs();
const started = performance.now();
await mapBounded(
  indices,
  2 * pool.size,
  async (k) => {
    const args = input(k);
    const t0 = performance.now();
    const pdf = await pool.render({ kind: 'snapshot-rapor', schemeKey: SCHEME_KEY, args });
    times.push(performance.now() - t0);
    return pdf;
  },
  (pdf, k) => {
    pages += pageCount(pdf);
    bytes += pdf.length;
    if (outDir !== undefined) writeFileSync(join(outDir, `rapor-${String(k + 1).padStart(3, '0')}.pdf`), pdf);
  },
);
const wallMs = performance.now() - started;
const runCpuMs = cpuMs() - c0;
clearInterval(rssTimer);
sampleRss();
await pool.close();
const loadAfter = loadavg();
// Peak of the run (main + worker threads), before this thread renders the baselines.
const peakRssMb = Math.max(process.resourceUsage().maxRSS / 1024, rssPeak / 1048576);
const rssStartMb = rssStart / 1048576;
const inputSeconds = inputMs / 1000;

// Baselines after the run (their heap would otherwise count in the run's peak RSS).
// The renderer is loaded here, not at start: this thread does not render during the run.
const { renderRapor } = await import('../src/server/reports/rapor.ts');
const { fontCacheActive } = await import('../src/server/reports/font-cache.ts');
// Warm-up of this thread (module loading, JIT, font parsing).
const sample0 = government(0);
await renderRapor(raporInputFromSnapshot(scheme, sample0));
await renderRapor(raporInputFromSnapshot(scheme, sample0), 'per-unit');

// Baselines on a sample, in this thread: old layout, then new layout (alternating, same load).
let oldWall = 0;
let oldCpu = 0;
let oldPages = 0;
let newWall = 0;
let newCpu = 0;
let newPages = 0;
for (let k = 0; k < sampleCount; k++) {
  const args = government(k);
  const input = raporInputFromSnapshot(scheme, args);
  let c0 = cpuMs();
  let t0 = performance.now();
  const old = await renderRapor(input, 'per-unit');
  oldWall += performance.now() - t0;
  oldCpu += cpuMs() - c0;
  oldPages += pageCount(old);
  c0 = cpuMs();
  t0 = performance.now();
  const pdf = await renderRapor(raporInputFromSnapshot(scheme, args));
  newWall += performance.now() - t0;
  newCpu += cpuMs() - c0;
  newPages += pageCount(pdf);
  sampleRss();
}

const oldPerPdf = oldWall / sampleCount;
const newPerPdf = newWall / sampleCount;
const poolPerPdf = wallMs / count;
const result = {
  pdfs: count,
  unitsPerPdf: 7,
  workers: pool.size,
  pages,
  pagesPerPdf: pages / count,
  megabytes: bytes / 1048576,
  wallSeconds: wallMs / 1000,
  cpuSeconds: runCpuMs / 1000,
  perPdfMs: poolPerPdf,
  taskMs: { p50: quantile(times, 0.5), p95: quantile(times, 0.95) },
  cpuPerPdfMs: runCpuMs / count,
  inputSeconds,
  baseline: {
    sample: sampleCount,
    oldLayout: { perPdfMs: oldPerPdf, cpuPerPdfMs: oldCpu / sampleCount, pagesPerPdf: oldPages / sampleCount },
    newLayoutSingleThread: { perPdfMs: newPerPdf, cpuPerPdfMs: newCpu / sampleCount, pagesPerPdf: newPages / sampleCount },
  },
  ratios: {
    layoutNewVsOld: newPerPdf / oldPerPdf,
    layoutCpuNewVsOld: newCpu / oldCpu,
    poolVsSingleThread: poolPerPdf / newPerPdf,
    runVsOldSingleThread: poolPerPdf / oldPerPdf,
  },
  peakRssMb,
  rssStartMb,
  loadAverage: { before: loadBefore.map((x) => Number(x.toFixed(2))), after: loadAfter.map((x) => Number(x.toFixed(2))) },
  fontCache: fontCacheActive(),
  goals: { under120s: wallMs < 120_000, under500MbRss: peakRssMb < 500 },
};

if (asJson) {
  console.log(JSON.stringify(result, null, 2));
} else {
  const f = (x: number, d = 1): string => x.toFixed(d);
  console.log(
    `rapor PDFs          ${result.pdfs} governments × 7 units, ${result.pages} pages (${f(result.pagesPerPdf)}/PDF), ${f(result.megabytes)} MB`,
  );
  console.log(
    `wall                ${f(result.wallSeconds)} s with ${result.workers} worker threads (of which making inputs with the engine, in the main thread: ${f(inputSeconds)} s)`,
  );
  console.log(
    `per PDF             ${f(poolPerPdf)} ms (wall / PDFs); a task ${f(result.taskMs.p50)} ms p50, ${f(result.taskMs.p95)} ms p95 incl. queueing`,
  );
  console.log(`CPU                 ${f(result.cpuSeconds)} s, all threads (${f(result.cpuPerPdfMs)} ms per PDF)`);
  console.log(
    `baseline old layout ${f(oldPerPdf)} ms per PDF, CPU ${f(result.baseline.oldLayout.cpuPerPdfMs)} ms, ${f(result.baseline.oldLayout.pagesPerPdf)} pages (1 thread, ${sampleCount} PDFs: a detailed table per unit)`,
  );
  console.log(
    `new layout, 1 thr  ${f(newPerPdf)} ms per PDF, CPU ${f(result.baseline.newLayoutSingleThread.cpuPerPdfMs)} ms, ${f(result.baseline.newLayoutSingleThread.pagesPerPdf)} pages (same sample: one indicator × unit table)`,
  );
  console.log(
    `ratios              layout new/old ${f(result.ratios.layoutNewVsOld, 2)}× (CPU ${f(result.ratios.layoutCpuNewVsOld, 2)}×); pool/1 thread ${f(result.ratios.poolVsSingleThread, 2)}×; run/old 1 thread ${f(result.ratios.runVsOldSingleThread, 2)}×`,
  );
  console.log(`peak RSS            ${f(peakRssMb)} MB (process: main + worker threads; ${f(rssStartMb)} MB before the pool started)`);
  console.log(
    `load average        before ${result.loadAverage.before.join(' ')}; after ${result.loadAverage.after.join(' ')} (${availableParallelism()} cores)`,
  );
  console.log(
    `font cache          ${result.fontCache ? 'on (fonts parsed once per thread, word layouts shared)' : 'OFF (pdfkit internals changed?)'}`,
  );
  console.log(
    `goals               < 120 s: ${result.goals.under120s ? 'yes' : 'NO'}; < 500 MB RSS: ${result.goals.under500MbRss ? 'yes' : 'NO'}`,
  );
}
