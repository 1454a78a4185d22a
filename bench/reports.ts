/**
 * Rapor benchmark (issue 5 §7): 587 government rapor PDFs (25 kementerian, 14 lembaga,
 * 34 provinsi, 98 kota, 416 kabupaten; 7 service units each, the typical locus) rendered one
 * after another. Each government's answers come from a seeded PRNG and are scored by the real
 * engine under ombudsman-2024 (scoreUnit, aggregate, improvements); the inputs are built just
 * before rendering, and their time is reported apart from the rendering time.
 *
 * Prints: total render time, per-PDF ms (mean, p50, p95), CPU time per PDF (the machine may be
 * shared; CPU time is the steadier figure), pages and bytes, peak RSS, and the ratio against a
 * baseline measured in the same run: a one-page PDF with the same page setup and table
 * machinery but no chart (`buildBaselineDocument`). Goal: under 120 s and under 500 MB RSS.
 *
 *   npx tsx bench/reports.ts [--count 587] [--baseline 60] [--out DIR] [--json]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BodyType } from '../src/core/types.ts';
import { getScheme } from '../methodologies/index.ts';
import { fontCacheActive } from '../src/server/reports/font-cache.ts';
import { renderPdf } from '../src/server/reports/pdf.ts';
import { buildBaselineDocument, renderRapor } from '../src/server/reports/rapor.ts';
import { sampleGovernmentRapor } from '../src/server/reports/sample-input.ts';
import type { RaporInput } from '../src/server/reports/types.ts';

const BODIES: [BodyType, number][] = [
  ['kementerian', 25],
  ['lembaga', 14],
  ['provinsi', 34],
  ['kota', 98],
  ['kabupaten', 416],
];
const PROVINCES = ['Aceh', 'Sumatera Utara', 'Jawa Barat', 'Jawa Tengah', 'Jawa Timur', 'Banten', 'Bali', 'Nusa Tenggara Timur', 'Kalimantan Timur', 'Sulawesi Selatan', 'Maluku', 'Papua'];

function arg(name: string): string | undefined {
  const k = process.argv.indexOf(`--${name}`);
  return k === -1 ? undefined : process.argv[k + 1];
}
const count = Number(arg('count') ?? 587);
const baselineCount = Number(arg('baseline') ?? 60);
const outDir = arg('out');
const asJson = process.argv.includes('--json');

const scheme = getScheme('ombudsman-2024');
if (scheme === undefined) throw new Error('ombudsman-2024 is not in the methodology library');

/** The k-th government of the synthetic national cycle. */
function government(k: number): RaporInput {
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
    type === 'kementerian' ? `Kementerian Contoh ${rest + 1}` : type === 'lembaga' ? `Lembaga Contoh ${rest + 1}` : type === 'provinsi' ? `Provinsi Contoh ${rest + 1}` : `${type === 'kota' ? 'Kota' : 'Kabupaten'} Contoh ${rest + 1}`;
  return sampleGovernmentRapor(scheme!, { seed: 2024 + k, name, type, provinceName: province, snapshot: k % 2 === 0 ? null : { id: `snap-${k}`, version: 1, publishedAt: '2024-12-04T10:00:00+07:00', url: `https://pantau.example/hasil/2024/${k}` } });
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

if (outDir !== undefined) mkdirSync(outDir, { recursive: true });

// Warm-up (module loading, JIT, font parsing) outside the measured loops.
await renderRapor(government(0));

// Baseline: one-page documents, same page setup and table machinery, no chart.
let baseWall = 0;
let baseCpu = 0;
for (let k = 0; k < baselineCount; k++) {
  const input = government(k);
  const c0 = cpuMs();
  const t0 = performance.now();
  await renderPdf(buildBaselineDocument(input), { title: 'baseline', createdAt: input.generatedAt, lang: 'id' });
  baseWall += performance.now() - t0;
  baseCpu += cpuMs() - c0;
}

// The run: 587 government rapor, sequentially.
const times: number[] = [];
let inputMs = 0;
let renderWall = 0;
let renderCpu = 0;
let pages = 0;
let bytes = 0;
let rssSampled = 0;
const started = performance.now();
for (let k = 0; k < count; k++) {
  const i0 = performance.now();
  const input = government(k);
  inputMs += performance.now() - i0;
  const c0 = cpuMs();
  const t0 = performance.now();
  const pdf = await renderRapor(input);
  const dt = performance.now() - t0;
  renderCpu += cpuMs() - c0;
  renderWall += dt;
  times.push(dt);
  pages += pageCount(pdf);
  bytes += pdf.length;
  if (outDir !== undefined) writeFileSync(join(outDir, `rapor-${String(k + 1).padStart(3, '0')}.pdf`), pdf);
  if (k % 25 === 0) rssSampled = Math.max(rssSampled, process.memoryUsage().rss);
}
const totalMs = performance.now() - started;
const peakRssMb = Math.max(process.resourceUsage().maxRSS / 1024, rssSampled / 1048576);

const perPdf = renderWall / count;
const basePerPdf = baseWall / baselineCount;
const result = {
  pdfs: count,
  unitsPerPdf: 7,
  pages,
  pagesPerPdf: pages / count,
  megabytes: bytes / 1048576,
  totalSeconds: totalMs / 1000,
  renderSeconds: renderWall / 1000,
  inputSeconds: inputMs / 1000,
  perPdfMs: { mean: perPdf, p50: quantile(times, 0.5), p95: quantile(times, 0.95) },
  cpuPerPdfMs: renderCpu / count,
  baseline: { pdfs: baselineCount, perPdfMs: basePerPdf, cpuPerPdfMs: baseCpu / baselineCount },
  ratio: perPdf / basePerPdf,
  cpuRatio: renderCpu / count / (baseCpu / baselineCount),
  peakRssMb,
  fontCache: fontCacheActive(),
  goals: { under120s: totalMs < 120_000, under500MbRss: peakRssMb < 500 },
};

if (asJson) {
  console.log(JSON.stringify(result, null, 2));
} else {
  const f = (x: number, d = 1): string => x.toFixed(d);
  console.log(`rapor PDFs          ${result.pdfs} governments × 7 units, ${result.pages} pages (${f(result.pagesPerPdf)}/PDF), ${f(result.megabytes)} MB`);
  console.log(`total               ${f(result.totalSeconds)} s (render ${f(result.renderSeconds)} s, inputs from the engine ${f(result.inputSeconds)} s)`);
  console.log(`per PDF             ${f(perPdf)} ms mean, ${f(result.perPdfMs.p50)} ms p50, ${f(result.perPdfMs.p95)} ms p95; CPU ${f(result.cpuPerPdfMs)} ms`);
  console.log(`baseline (1 page)   ${f(basePerPdf)} ms per PDF, CPU ${f(result.baseline.cpuPerPdfMs)} ms (${baselineCount} PDFs: same page setup and table machinery, no chart)`);
  console.log(`ratio               ${f(result.ratio, 2)}× baseline (CPU ${f(result.cpuRatio, 2)}×)`);
  console.log(`peak RSS            ${f(peakRssMb)} MB`);
  console.log(`font cache          ${result.fontCache ? 'on (fonts parsed once per process)' : 'OFF (pdfkit internals changed?)'}`);
  console.log(`goals               < 120 s: ${result.goals.under120s ? 'yes' : 'NO'}; < 500 MB RSS: ${result.goals.under500MbRss ? 'yes' : 'NO'}`);
}
