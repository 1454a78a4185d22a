/**
 * Synthetic rapor and piagam inputs scored by the REAL engine: answers are generated from a
 * seeded random stream for every scoring instrument of a scheme (full quotas), then run
 * through `scoreUnit`, `aggregate` and `improvements`. Used by the report tests, the sample
 * script and `bench/reports.ts`; never by production code paths (those build inputs from the
 * database). Deterministic: the same seed gives the same input.
 */
import { aggregate, improvements, scoreUnit } from '../../core/index.ts';
import type { BodyType, Lang, Scheme, Sheet, UnitAnswers } from '../../core/types.ts';
import type { EvidenceSummaryRow, PiagamInput, RaporInput, ReportImprovement, ReportUnit, SnapshotRef } from './types.ts';

/** mulberry32: a small, fast, seedable PRNG (uniform in [0, 1)). */
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

/** The typical Ombudsman locus of a pemda, 2022–24 (methodology.md §6). */
export const TYPICAL_LOCUS: { name: string; sector: string }[] = [
  { name: 'Dinas Kependudukan dan Pencatatan Sipil', sector: 'adminduk' },
  { name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', sector: 'perizinan' },
  { name: 'Dinas Pendidikan', sector: 'pendidikan' },
  { name: 'Dinas Sosial', sector: 'sosial' },
  { name: 'Dinas Kesehatan', sector: 'kesehatan' },
  { name: 'Puskesmas Kecamatan Kota', sector: 'puskesmas' },
  { name: 'Puskesmas Kecamatan Pesisir', sector: 'puskesmas' },
];

/**
 * Full answers for every instrument of `scheme`, at `quality` (0 = poor … 1 = good):
 * each answer is the scale level nearest to quality plus noise, clamped to the scale.
 */
export function generateAnswers(scheme: Scheme, random: () => number, quality: number): UnitAnswers {
  const scales = new Map<string, { min: number; max: number }>();
  for (const d of scheme.dimensions) for (const v of d.variables) for (const i of v.indicators) scales.set(i.code, i.scale);
  for (const sup of scheme.supplements) for (const i of sup.indicators) scales.set(i.code, i.scale);
  // Each indicator has its own strength around the unit's quality, so the breakdown varies.
  // The spread shrinks towards the ends, so quality 1 really gives (nearly) full marks.
  const spread = 1 - Math.abs(2 * quality - 1) * 0.8;
  const bias = new Map<string, number>();
  for (const code of scales.keys()) bias.set(code, (random() - 0.5) * 0.7 * spread);
  const sheets: Sheet[] = [];
  // Every instrument, scoring or not (PEKPPP self-assessment F-01, public F-03), up to its target.
  for (const ins of scheme.instruments) {
    const count = Math.max(ins.quota.target, ins.perProduct === true ? 2 : 1);
    for (let k = 0; k < count; k++) {
      const answers: Sheet['answers'] = {};
      for (const code of ins.covers) {
        const scale = scales.get(code);
        if (scale === undefined) continue;
        const q = Math.min(1, Math.max(0, quality + (bias.get(code) ?? 0) + (random() - 0.5) * 0.5 * spread));
        answers[code] = Math.round(scale.min + q * (scale.max - scale.min));
      }
      sheets.push({ instrument: ins.code, respondent: `${ins.code} ${k + 1}`, answers });
    }
  }
  return { sheets };
}

export interface SampleGovernmentOptions {
  seed: number;
  name: string;
  type: BodyType;
  provinceName: string | null;
  /** Units of the locus (default: the typical 7). */
  units?: { name: string; sector: string }[];
  /** Mean quality of the government's units, 0..1 (default from the seed). */
  quality?: number;
  language?: Lang;
  snapshot?: SnapshotRef | null;
  generatedAt?: string;
  ranks?: RaporInput['ranks'];
  cycleName?: string;
}

/** A government rapor input with its units scored by the real engine. */
export function sampleGovernmentRapor(scheme: Scheme, opts: SampleGovernmentOptions): RaporInput {
  const random = seededRandom(opts.seed);
  const locus = opts.units ?? TYPICAL_LOCUS;
  const quality = opts.quality ?? 0.35 + random() * 0.6;
  const scored = locus.map((u) => {
    const answers = generateAnswers(scheme, random, Math.min(1, Math.max(0, quality + (random() - 0.5) * 0.4)));
    return { ...u, answers, breakdown: scoreUnit(scheme, answers) };
  });
  const government = aggregate(
    scheme,
    scored.map((s) => s.breakdown),
  );
  const units: ReportUnit[] = scored.map((s) => ({
    name: s.name,
    sector: s.sector,
    score: s.breakdown.score,
    band: s.breakdown.band,
    breakdown: s.breakdown,
  }));
  const improvementList: ReportImprovement[] = scored.flatMap((s) =>
    improvements(scheme, s.answers, { governmentUnits: scored.length }).map((i) => ({ ...i, unit: s.name })),
  );
  const evidence: EvidenceSummaryRow[] = [];
  for (const s of scored) {
    for (const d of s.breakdown.dimensions) {
      for (const v of d.variables) {
        for (const i of v.indicators) {
          const indicator = scheme.dimensions
            .flatMap((x) => x.variables)
            .flatMap((x) => x.indicators)
            .find((x) => x.code === i.code);
          if (indicator === undefined || indicator.evidence.length === 0 || random() < 0.75) continue;
          evidence.push({
            unit: s.name,
            indicator: i.code,
            text: i.text,
            files: 1 + Math.floor(random() * 4),
            kinds: indicator.evidence.slice(0, 2),
          });
        }
      }
    }
  }
  const typeSize: Record<BodyType, number> = { kabupaten: 416, kota: 98, provinsi: 38, kementerian: 24, lembaga: 11 };
  const of = typeSize[opts.type];
  return {
    language: opts.language ?? 'id',
    cycle: {
      name: opts.cycleName ?? `${scheme.title.id.includes('Kepatuhan') ? 'Penilaian Kepatuhan' : 'Penilaian'} ${scheme.year}`,
      year: scheme.year,
      schemeId: scheme.id,
      schemeTitle: scheme.title,
    },
    subject: { kind: 'government', name: opts.name, type: opts.type, provinceName: opts.provinceName },
    score: government.score,
    band: government.band,
    qualifiers: government.qualifiers,
    ranks: opts.ranks ?? {
      national: { rank: 1 + Math.floor(random() * of), of, movement: Math.floor(random() * 21) - 10 },
      ...(opts.provinceName !== null && opts.type !== 'provinsi'
        ? { province: { rank: 1 + Math.floor(random() * 8), of: 8, movement: Math.floor(random() * 5) - 2 } }
        : {}),
    },
    units,
    improvements: improvementList,
    evidence,
    assumptions: scheme.assumptions,
    snapshot: opts.snapshot ?? null,
    generatedAt: opts.generatedAt ?? '2024-12-04T09:00:00+07:00',
  };
}

/** The rapor of one unit of a sample government (a unit rapor is the same document for one unit). */
export function sampleUnitRapor(government: RaporInput, unitIndex = 0): RaporInput {
  const unit = government.units[unitIndex];
  if (unit === undefined || government.subject.kind !== 'government') throw new RangeError('sampleUnitRapor: no such unit');
  return {
    ...government,
    subject: {
      kind: 'unit',
      name: unit.name,
      sector: unit.sector,
      governmentName: government.subject.name,
      provinceName: government.subject.provinceName,
    },
    score: unit.score,
    band: unit.band,
    qualifiers: [],
    ranks: { national: { rank: 37, of: 514, movement: null }, province: { rank: 2, of: 9, movement: 1 } },
    units: [unit],
    improvements: government.improvements.filter((i) => i.unit === unit.name).map(({ unit: _unit, ...rest }) => rest),
    evidence: government.evidence.filter((e) => e.unit === unit.name).map(({ unit: _unit, ...rest }) => rest),
  };
}

/** A piagam input for a sample government. */
export function samplePiagam(rapor: RaporInput, award: PiagamInput['award'], language: Lang = 'id'): PiagamInput {
  const s = rapor.subject;
  return {
    language,
    awardee: { name: s.name, type: s.kind === 'government' ? s.type : s.sector, provinceName: s.provinceName },
    award,
    cycle: rapor.cycle,
    score: rapor.score,
    band: rapor.band,
    verification: { code: 'PTU-2024-7K3Q-9XD2', url: 'https://pantau.ombudsman.go.id/verifikasi/PTU-2024-7K3Q-9XD2' },
    signatory: { name: 'Dr. Andi Pratama, S.H., M.H.', title: 'Ketua Ombudsman Republik Indonesia' },
    issuedAt: '2024-12-10T10:00:00+07:00',
    issuedPlace: 'Jakarta',
  };
}
