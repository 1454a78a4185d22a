/**
 * Rapor inputs from a published snapshot (shared/wire/publications.ts) or from live results in
 * the same shape. Pure (no database, no clock): the route, the report-pack job and the render
 * workers all call it, so a rapor downloaded alone and the same rapor inside a pack are the same
 * document.
 *
 * Improvements are computed from the stored breakdown, not from the answer sheets: under every
 * scheme a unit's total is Σ indicator points, and reaching level L on an indicator makes its
 * points fullPoints × L / max (core/improve.ts), where fullPoints = points + points lost. So the
 * list depends only on the numbers frozen in the snapshot, and a pack never reads the records.
 */
import { rank } from '../../core/index.ts';
import { zoneOf } from '../../shared/local-time.ts';
import { compareClaims, supplementSummaries } from '../../core/pekppp.ts';
import type { Improvement, Lang, Scheme, UnitScore } from '../../core/types.ts';
import { bandRef, expandUnitScore } from '../scores/breakdown.ts';
import type { EvidenceSummaryRow, RankPosition, RaporInput, ReportImprovement, ReportUnit, SnapshotRef } from './types.ts';
import type { SnapshotBody, SnapshotRank, SnapshotUnit } from '../../shared/wire/publications.ts';
import type { Mandiri } from '../../shared/wire/cycles.ts';

/** Evidence of a unit, counted per indicator and kind (one row per unit × indicator). */
export interface EvidenceCount {
  unitId: string;
  indicator: string;
  files: number;
  kinds: string[];
}

export interface SnapshotRaporArgs {
  lang: Lang;
  cycle: { name: string; year: number; schemeId: string };
  body: SnapshotBody;
  /** The body's units (any order). */
  units: SnapshotUnit[];
  /** A unit rapor of this unit (one of `units`); absent = the government rapor. */
  unitId?: string;
  /** Ranks of the unit among units of its sector (unit rapor only). */
  unitRanks?: { national: RankPosition; province?: RankPosition };
  provinceName: string | null;
  evidence: EvidenceCount[];
  assumptions: RaporInput['assumptions'];
  snapshot: SnapshotRef | null;
  generatedAt: string;
  /** issue 10: a "mandiri" PEKPPP cycle and its validation, read live when the pack is made. */
  mandiri?: Mandiri;
}

const position = (r: SnapshotRank | null): RankPosition | undefined =>
  r === null ? undefined : { rank: r.rank, of: r.of, movement: r.movement };

/** Every improvement of one unit from its breakdown, largest unit gain first (as core/improve.ts). */
export function improvementsFromScore(scheme: Scheme, unit: UnitScore, share: number): Improvement[] {
  const defs = new Map(scheme.dimensions.flatMap((d) => d.variables.flatMap((v) => v.indicators.map((i) => [i.code, i] as const))));
  const out: Improvement[] = [];
  if (scheme.aggregation.unit === 'products' && unit.weight === 0) return out;
  for (const d of unit.dimensions) {
    for (const v of d.variables) {
      for (const i of v.indicators) {
        const def = defs.get(i.code);
        const full = i.points + i.pointsLost;
        if (def === undefined || full <= 0) continue;
        const { max, levels } = def.scale;
        for (const level of levels) {
          if (i.value !== null && level.value <= i.value) continue;
          const unitGain = full * (level.value / max) - i.points;
          if (unitGain <= 1e-9) continue;
          out.push({
            indicator: i.code,
            ref: i.ref,
            text: def.text,
            dimension: d.code,
            from: i.value,
            to: level.value,
            descriptor: level.descriptor,
            unitGain,
            governmentGain: unitGain * share,
          });
        }
      }
    }
  }
  const key = (g: number): number => Math.round(g * 1e9);
  out.sort(
    (a, b) => key(b.unitGain) - key(a.unitGain) || (a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : 0) || a.to - b.to,
  );
  return out;
}

function evidenceRows(
  scheme: Scheme,
  evidence: readonly EvidenceCount[],
  unitNames: Map<string, string>,
  withUnit: boolean,
): EvidenceSummaryRow[] {
  const texts = new Map(scheme.dimensions.flatMap((d) => d.variables.flatMap((v) => v.indicators.map((i) => [i.code, i.text] as const))));
  for (const s of scheme.supplements) for (const i of s.indicators) texts.set(i.code, i.text);
  const rows: EvidenceSummaryRow[] = [];
  for (const e of evidence) {
    const name = unitNames.get(e.unitId);
    if (name === undefined) continue;
    const row: EvidenceSummaryRow = {
      indicator: e.indicator,
      text: texts.get(e.indicator) ?? { id: e.indicator, en: e.indicator },
      files: e.files,
      kinds: e.kinds as EvidenceSummaryRow['kinds'],
    };
    if (withUnit) row.unit = name;
    rows.push(row);
  }
  return rows.sort(
    (a, b) => (a.unit ?? '').localeCompare(b.unit ?? '', 'id') || (a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : 0),
  );
}

/** The rapor input of a government (or of one of its units) from snapshot-shaped data. */
export function raporInputFromSnapshot(scheme: Scheme, a: SnapshotRaporArgs): RaporInput {
  const cycle = { name: a.cycle.name, year: a.cycle.year, schemeId: a.cycle.schemeId, schemeTitle: scheme.title };
  const expanded = a.units
    // issue 11: the stored breakdown counts the F-03 questionnaire's responses (scores/recompute.ts).
    .map((u) => ({ u, score: expandUnitScore(scheme, u.breakdown) }))
    .sort((x, y) => x.u.name.localeCompare(y.u.name, 'id'));
  const reportUnits: ReportUnit[] = expanded.map(({ u, score }) => ({
    name: u.name,
    sector: u.sector,
    score: u.score,
    band: bandRef(scheme, u.bandCode),
    breakdown: score,
  }));
  const totalWeight = expanded.reduce((s, x) => s + x.score.weight, 0);
  const shareOf = (score: UnitScore): number =>
    scheme.aggregation.government === 'products-mean'
      ? totalWeight > 0
        ? score.weight / totalWeight
        : 0
      : 1 / Math.max(1, expanded.length);
  // The scheme's own words (library `terms`), its claim-vs-verdict view where a 'claim'
  // instrument exists (PEKPPP F-01 vs F-02), and the 'beside' questionnaire (F-03) where present.
  const hasClaims = scheme.instruments.some((i) => i.role === 'claim');
  const hasBeside = scheme.instruments.some((i) => i.role === 'beside') && scheme.supplements.length > 0;
  const pick = (x: { u: SnapshotUnit }) => a.unitId === undefined || x.u.id === a.unitId;
  const base = {
    language: a.lang,
    ...(scheme.terms ? { terms: scheme.terms } : {}),
    ...(a.mandiri ? { mandiri: a.mandiri } : {}),
    ...(hasClaims
      ? { claims: expanded.filter(pick).map(({ u, score }) => ({ unit: u.name, comparison: compareClaims(scheme, score) })) }
      : {}),
    ...(hasBeside
      ? {
          supplements: expanded
            .filter(pick)
            .flatMap(({ u, score }) => supplementSummaries(scheme, score).map((summary) => ({ unit: u.name, summary }))),
        }
      : {}),
    cycle,
    assumptions: a.assumptions,
    snapshot: a.snapshot,
    generatedAt: a.generatedAt,
    zone: zoneOf(a.body.provinceCode),
  };
  if (a.unitId !== undefined) {
    const k = expanded.findIndex((x) => x.u.id === a.unitId);
    if (k === -1) throw new RangeError('raporInputFromSnapshot: the unit is not one of the body\u2019s units');
    const { u, score } = expanded[k]!;
    const unit = reportUnits[k]!;
    return {
      ...base,
      subject: { kind: 'unit', name: u.name, sector: u.sector, governmentName: a.body.name, provinceName: a.provinceName },
      score: u.score,
      band: unit.band,
      qualifiers: [],
      ranks: a.unitRanks ?? { national: { rank: 0, of: 0, movement: null } },
      units: [unit],
      improvements: improvementsFromScore(scheme, score, shareOf(score)),
      evidence: evidenceRows(
        scheme,
        a.evidence.filter((e) => e.unitId === u.id),
        new Map([[u.id, u.name]]),
        false,
      ),
    };
  }
  const names = new Map(expanded.map(({ u }) => [u.id, u.name]));
  const improvements: ReportImprovement[] = expanded.flatMap(({ u, score }) =>
    improvementsFromScore(scheme, score, shareOf(score)).map((i) => ({ ...i, unit: u.name })),
  );
  const qualifierDefs = new Map((scheme.qualifiers ?? []).map((q) => [q.code, q]));
  const national = position(a.body.ranks.nationalType) ?? { rank: 0, of: 0, movement: null };
  const province = position(a.body.ranks.province);
  return {
    ...base,
    subject: { kind: 'government', name: a.body.name, type: a.body.type as 'kabupaten', provinceName: a.provinceName },
    score: a.body.score,
    band: bandRef(scheme, a.body.bandCode),
    qualifiers: a.body.qualifiers.map((q) => ({
      code: q.code,
      label: qualifierDefs.get(q.code)?.label ?? { id: q.code, en: q.code },
      applies: q.applies,
    })),
    ranks: province === undefined ? { national } : { national, province },
    units: reportUnits,
    improvements,
    evidence: evidenceRows(scheme, a.evidence, names, true),
  };
}

/** A unit's national rank among units of its sector, and inside its province (core ranking). */
export function unitRanksIn(
  all: readonly { id: string; name: string; sector: string; score: number; provinceCode: string | null }[],
  unitId: string,
): { national: RankPosition; province?: RankPosition } {
  const rows = all.map((u) => ({
    id: u.id,
    name: u.name,
    type: 'kota' as const,
    sector: u.sector,
    score: u.score,
    ...(u.provinceCode ? { province: u.provinceCode } : {}),
  }));
  const find = (spec: Parameters<typeof rank>[1]): RankPosition | undefined => {
    const r = rank(rows, spec).find((x) => x.row.id === unitId);
    return r === undefined ? undefined : { rank: r.rank, of: r.of, movement: null };
  };
  const national = find({ key: (r) => (r.sector ? `sector:${r.sector}` : null) }) ?? { rank: 0, of: 0, movement: null };
  const province = find({ key: (r) => (r.province && r.sector ? `sector:${r.province}:${r.sector}` : null) });
  return province === undefined ? { national } : { national, province };
}
