/**
 * Test-only inputs for the export, import and open-data tests: answers generated from a seeded
 * random stream for EVERY instrument of a scheme (score, claim and beside), scored by the real
 * engine (`scoreUnit`, `aggregate`, `rankGovernments`), then shaped as CycleResults, a
 * leaderboard or a PublishedSnapshot. Deterministic: the same seed gives the same data.
 */
import { aggregate, rankGovernments, rankUnitsBySector, scoreUnit } from '../../core/index.ts';
import type { BodyType, Scheme, Sheet, UnitAnswers } from '../../core/types.ts';
import type { CycleBody, CycleResults, CycleUnit, LeaderboardRow, PublishedSnapshot } from './types.ts';

/** mulberry32: a small seedable PRNG, uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Answers for every instrument of `scheme` at `quality` (0 poor … 1 good): the quota target of
 * sheets (at least 2 products), each covered indicator answered with a whole number on its
 * scale; `blankRate` of the answers left empty (not answered).
 */
export function generateAnswers(scheme: Scheme, random: () => number, quality: number, blankRate = 0, maxSheets = 40): UnitAnswers {
  const scales = new Map<string, { min: number; max: number }>();
  for (const d of scheme.dimensions) for (const v of d.variables) for (const i of v.indicators) scales.set(i.code, i.scale);
  for (const s of scheme.supplements) for (const i of s.indicators) scales.set(i.code, i.scale);
  const sheets: Sheet[] = [];
  for (const ins of scheme.instruments) {
    const count = Math.min(maxSheets, Math.max(ins.quota.target, ins.perProduct === true ? 2 : 1));
    for (let k = 0; k < count; k++) {
      const answers: Sheet['answers'] = {};
      for (const code of ins.covers) {
        const scale = scales.get(code);
        if (scale === undefined) continue;
        if (random() < blankRate) continue;
        const q = Math.min(1, Math.max(0, quality + (random() - 0.5) * 0.6));
        answers[code] = Math.round(scale.min + q * (scale.max - scale.min));
      }
      sheets.push({ instrument: ins.code, respondent: `${ins.respondent.id} ${k + 1}`, answers });
    }
  }
  return { sheets };
}

const LOCUS = [
  { name: 'Dinas Kependudukan dan Pencatatan Sipil', sector: 'adminduk' },
  { name: 'Dinas Penanaman Modal dan PTSP', sector: 'perizinan' },
  { name: 'Puskesmas Kota', sector: 'puskesmas' },
];

export const SAMPLE_BODIES: { code: string; name: string; type: BodyType; provinceCode: string | null; provinceName: string | null }[] = [
  { code: '36', name: 'Provinsi Banten', type: 'provinsi', provinceCode: '36', provinceName: 'Banten' },
  { code: '36.71', name: 'Kota Tangerang', type: 'kota', provinceCode: '36', provinceName: 'Banten' },
  { code: '36.72', name: 'Kota Cilegon', type: 'kota', provinceCode: '36', provinceName: 'Banten' },
  { code: '36.73', name: 'Kota Serang', type: 'kota', provinceCode: '36', provinceName: 'Banten' },
  { code: '36.01', name: 'Kabupaten Pandeglang', type: 'kabupaten', provinceCode: '36', provinceName: 'Banten' },
  { code: '36.10', name: 'Kabupaten Contoh', type: 'kabupaten', provinceCode: '36', provinceName: 'Banten' },
];

const MOVEMENTS: (number | null)[] = [null, 3, -2, null, 0, 1];

/** A small cycle (6 governments × 3 units) of `scheme`, scored and ranked by the engine. */
export function sampleCycleResults(scheme: Scheme, seed = 7): CycleResults {
  const random = seededRandom(seed);
  const units: CycleUnit[] = [];
  const rows = SAMPLE_BODIES.map((b, k) => {
    const quality = 0.25 + (k / SAMPLE_BODIES.length) * 0.7;
    const scored = LOCUS.map((u) => {
      const breakdown = scoreUnit(scheme, generateAnswers(scheme, random, quality));
      const unit: CycleUnit = {
        body: b.code,
        name: u.name,
        sector: u.sector,
        score: breakdown.score,
        band: breakdown.band,
        complete: breakdown.complete,
        breakdown,
      };
      units.push(unit);
      return breakdown;
    });
    const gov = aggregate(scheme, scored);
    return {
      ...b,
      id: b.code,
      province: b.provinceCode ?? undefined,
      score: gov.score,
      band: gov.band,
      units: scored.length,
      complete: gov.complete,
      qualifiers: gov.qualifiers,
    };
  });
  const ranks = rankGovernments(rows);
  const bodies: CycleBody[] = rows.map((r, i) => {
    const rk = ranks[i]!;
    return {
      code: r.code,
      name: r.name,
      type: r.type,
      provinceCode: r.provinceCode,
      provinceName: r.provinceName,
      score: r.score,
      band: r.band,
      units: r.units,
      complete: r.complete,
      rankNationalType: { rank: rk.nationalType.rank, of: rk.nationalType.of },
      rankProvince: rk.province === undefined ? null : { rank: rk.province.rank, of: rk.province.of },
      movement: MOVEMENTS[i % MOVEMENTS.length] ?? null,
    };
  });
  return { cycle: { name: `Penilaian ${scheme.year}`, year: scheme.year, schemeId: scheme.id }, bodies, units };
}

/** A leaderboard of the cycle's kota and kabupaten with ties forced on two rows. */
export function sampleLeaderboard(results: CycleResults): LeaderboardRow[] {
  const bodies = results.bodies.filter((b) => b.type !== 'provinsi').map((b) => ({ ...b }));
  // Force a tie so the ranks 1, 2, 2, 4 appear.
  if (bodies.length >= 3) bodies[2]!.score = bodies[1]!.score;
  const ranked = rankGovernments(bodies.map((b) => ({ ...b, id: b.code, type: 'kota' as const, province: b.provinceCode ?? undefined })));
  return ranked
    .map((r, i) => ({ r, b: bodies[i]! }))
    .sort((x, y) => x.r.nationalType.rank - y.r.nationalType.rank || x.b.name.localeCompare(y.b.name, 'id'))
    .map(({ r, b }) => ({
      rank: r.nationalType.rank,
      of: r.nationalType.of,
      code: b.code,
      name: b.name,
      type: b.type,
      province: b.provinceName,
      score: b.score,
      band: b.band,
      movement: b.movement,
      units: b.units,
    }));
}

/** The cycle published as a snapshot. */
export function sampleSnapshot(scheme: Scheme, results: CycleResults): PublishedSnapshot {
  const sectorRanks = rankUnitsBySector(
    results.units.map((u, i) => {
      const body = results.bodies.find((b) => b.code === u.body);
      return {
        id: String(i),
        name: u.name,
        type: body?.type ?? 'kota',
        province: body?.provinceCode ?? undefined,
        sector: u.sector,
        score: u.score,
      };
    }),
  );
  const rankOf = new Map(sectorRanks.map((r) => [Number(r.row.id), { rank: r.rank, of: r.of }]));
  return {
    id: '0b7c6f1e-2d1a-4c55-9a8e-3f1f7e2a9c10',
    version: 2,
    publishedAt: '2025-03-01T09:00:00+07:00',
    scope: 'province:36',
    cycle: { ...results.cycle, schemeVersion: scheme.version, schemeHash: 'ab'.repeat(32) },
    erratumReason: 'Ralat nilai Kota Serang setelah klarifikasi',
    governments: results.bodies.map((b, i) => ({
      code: b.code,
      name: b.name,
      type: b.type,
      provinceCode: b.provinceCode,
      score: b.score,
      band: b.band,
      qualifiers: i === 1 ? ['tanpa-maladministrasi', 'lain'] : [],
      rankNationalType: b.rankNationalType,
      rankProvince: b.rankProvince,
      movement: b.movement,
      unitsAssessed: b.units,
    })),
    units: results.units.map((u, i) => ({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      bodyCode: u.body,
      name: u.name,
      sector: u.sector,
      score: u.score,
      band: u.band,
      rankSectorProvince: rankOf.get(i) ?? null,
      dimensions: u.breakdown.dimensions.map((d) => ({ code: d.code, title: d.title, weight: d.weight, score: d.score })),
    })),
    assumptions: scheme.assumptions,
  };
}
