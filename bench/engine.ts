/**
 * Engine benchmark (issue 2 §5): a synthetic national Ombudsman cycle scored, aggregated and
 * ranked in-process. 587 bodies (25 kementerian, 14 lembaga, 34 provinsi, 98 kota,
 * 416 kabupaten) × 7 service units (the typical locus: 5 OPD + 2 Puskesmas) = 4,109 units;
 * every instrument of ombudsman-2024 answered up to its target quota (30 users, 4 officials,
 * 2 products, 2 complaint officers per unit). Answers come from a seeded PRNG, so every run
 * scores the same cycle.
 *
 * Prints units, sheets, answers, wall time, answers/s, and the ratio against a baseline
 * measured in the same run: a plain loop that only walks and sums the same answers.
 *
 *   npx tsx bench/engine.ts [--runs 5] [--seed 2024] [--json]
 */
import { aggregate } from '../src/core/aggregate.ts';
import { rankGovernments, rankUnitsBySector } from '../src/core/rank.ts';
import { scoreUnit } from '../src/core/score-unit.ts';
import type { BodyType, Indicator, RankInput, Scheme, Sheet, UnitAnswers, UnitScore } from '../src/core/types.ts';
import { getScheme } from '../methodologies/index.ts';

const SCHEME_ID = 'ombudsman-2024';
const BODIES: [BodyType, number][] = [
  ['kementerian', 25],
  ['lembaga', 14],
  ['provinsi', 34],
  ['kota', 98],
  ['kabupaten', 416],
];
const SECTORS = ['adminduk', 'perizinan', 'pendidikan', 'sosial', 'kesehatan', 'puskesmas', 'puskesmas'];
const UNITS_PER_BODY = SECTORS.length;

function arg(name: string, fallback: number): number {
  const k = process.argv.indexOf(`--${name}`);
  return k === -1 ? fallback : Number(process.argv[k + 1]);
}

/** mulberry32: small, fast, seeded. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Body {
  id: string;
  name: string;
  type: BodyType;
  province?: string;
  units: { id: string; name: string; sector: string; answers: UnitAnswers }[];
}

function buildCycle(scheme: Scheme, seed: number): Body[] {
  const rand = prng(seed);
  const byCode = new Map<string, Indicator>();
  for (const d of scheme.dimensions) for (const v of d.variables) for (const i of v.indicators) byCode.set(i.code, i);
  for (const s of scheme.supplements) for (const i of s.indicators) byCode.set(i.code, i);

  const provinces = Array.from({ length: 34 }, (_, k) => String(11 + k));
  const bodies: Body[] = [];
  let serial = 0;
  for (const [type, count] of BODIES) {
    for (let b = 0; b < count; b++) {
      serial++;
      const province = type === 'kementerian' || type === 'lembaga' ? undefined : provinces[type === 'provinsi' ? b : b % 34];
      const body: Body = { id: `${type}-${b + 1}`, name: `${type} ${String(b + 1).padStart(3, '0')}`, type, units: [] };
      if (province !== undefined) body.province = province;
      // A body has a quality level; its units scatter around it, answers around the unit's.
      const bodyQuality = 0.3 + 0.7 * rand();
      for (let u = 0; u < UNITS_PER_BODY; u++) {
        const q = Math.min(1, Math.max(0, bodyQuality + (rand() - 0.5) * 0.3));
        const sheets: Sheet[] = [];
        for (const ins of scheme.instruments) {
          for (let k = 0; k < ins.quota.target; k++) {
            const answers: Sheet['answers'] = {};
            for (const code of ins.covers) {
              const { min, max } = byCode.get(code)!.scale;
              const v = Math.round(min + (max - min) * Math.min(1, Math.max(0, q + (rand() - 0.5) * 0.6)));
              answers[code] = v;
            }
            sheets.push({ instrument: ins.code, respondent: `${ins.code} ${k + 1}`, answers });
          }
        }
        body.units.push({ id: `${body.id}/u${u + 1}`, name: `${SECTORS[u]} ${serial}.${u + 1}`, sector: SECTORS[u]!, answers: { sheets } });
      }
      bodies.push(body);
    }
  }
  return bodies;
}

/** Baseline: walk the same sheets and answers and only sum the numbers. */
function baseline(bodies: Body[]): number {
  let total = 0;
  for (const body of bodies) {
    for (const unit of body.units) {
      for (const sheet of unit.answers.sheets) {
        const record = sheet.answers;
        for (const code of Object.keys(record)) {
          const v = record[code];
          if (typeof v === 'number') total += v;
        }
      }
    }
  }
  return total;
}

interface RunResult {
  ms: number;
  bands: Map<string, number>;
  top: string;
}

function runEngine(scheme: Scheme, bodies: Body[]): RunResult {
  const t0 = performance.now();
  const governments: RankInput[] = [];
  const unitRows: RankInput[] = [];
  const bands = new Map<string, number>();
  for (const body of bodies) {
    const scores: UnitScore[] = [];
    for (const unit of body.units) {
      const s = scoreUnit(scheme, unit.answers);
      scores.push(s);
      const row: RankInput = { id: unit.id, name: unit.name, type: body.type, sector: unit.sector, score: s.score };
      if (body.province !== undefined) row.province = body.province;
      unitRows.push(row);
    }
    const g = aggregate(scheme, scores);
    bands.set(g.band.code, (bands.get(g.band.code) ?? 0) + 1);
    const row: RankInput = { id: body.id, name: body.name, type: body.type, score: g.score };
    if (body.province !== undefined) row.province = body.province;
    governments.push(row);
  }
  const ranks = rankGovernments(governments);
  const sectorRanks = rankUnitsBySector(unitRows);
  const ms = performance.now() - t0;
  const first = ranks.find((r) => r.nationalType.group === 'national:kabupaten' && r.nationalType.rank === 1);
  return { ms, bands, top: `${first?.nationalType.row.name ?? '-'} (${sectorRanks.length} sector ranks)` };
}

function main(): void {
  const runs = arg('runs', 5);
  const seed = arg('seed', 2024);
  const json = process.argv.includes('--json');
  const scheme = getScheme(SCHEME_ID);
  if (scheme === undefined) throw new Error(`scheme ${SCHEME_ID} is not in the library`);

  const tBuild = performance.now();
  const bodies = buildCycle(scheme, seed);
  const buildMs = performance.now() - tBuild;
  const units = bodies.reduce((n, b) => n + b.units.length, 0);
  let sheets = 0;
  let answers = 0;
  for (const b of bodies) {
    for (const u of b.units) {
      sheets += u.answers.sheets.length;
      for (const s of u.answers.sheets) answers += Object.keys(s.answers).length;
    }
  }

  const engineMs: number[] = [];
  const baselineMs: number[] = [];
  let last: RunResult | undefined;
  let checksum = 0;
  for (let r = 0; r < runs; r++) {
    const b0 = performance.now();
    checksum += baseline(bodies);
    baselineMs.push(performance.now() - b0);
    last = runEngine(scheme, bodies);
    engineMs.push(last.ms);
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const first = engineMs[0]!;
  const med = median(engineMs);
  const base = median(baselineMs);
  const result = {
    scheme: scheme.id,
    bodies: bodies.length,
    units,
    sheets,
    answers,
    runs,
    buildMs: Math.round(buildMs),
    firstRunMs: Math.round(first),
    medianMs: Math.round(med),
    answersPerSecond: Math.round(answers / (med / 1000)),
    baselineMedianMs: Number(base.toFixed(1)),
    ratioToBaseline: Number((med / base).toFixed(1)),
    underOneSecond: first < 1000,
    governmentBands: Object.fromEntries([...last!.bands].sort()),
    checksum,
  };
  if (json) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  const n = (x: number): string => x.toLocaleString('en-US');
  console.log(`Pantau engine benchmark — ${scheme.id}, seed ${seed}, ${runs} runs`);
  console.log(`  bodies ${n(result.bodies)} · units ${n(units)} · sheets ${n(sheets)} · answers ${n(answers)}`);
  console.log(`  synthetic cycle built in ${n(result.buildMs)} ms (not timed below)`);
  console.log(`  score + aggregate + rank: first run ${n(result.firstRunMs)} ms, median ${n(result.medianMs)} ms`);
  console.log(`  throughput: ${n(result.answersPerSecond)} answers/s (median run)`);
  console.log(
    `  baseline (walk + sum the same answers): median ${result.baselineMedianMs} ms → engine/baseline ${result.ratioToBaseline}×`,
  );
  console.log(
    `  government bands: ${Object.entries(result.governmentBands)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  console.log(`  goal < 1 s (first run): ${result.underOneSecond ? 'met' : 'NOT met'}`);
}

main();
