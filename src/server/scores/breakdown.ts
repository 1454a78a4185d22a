// Stored form of a unit breakdown. `unit_results.breakdown` keeps every number of the engine's
// UnitScore, but not what the cycle's frozen scheme already says (titles, texts, refs, band
// labels, quotas), and dimensions → variables → indicators as positional tuples: 5.4 KB of JSON
// per ombudsman unit becomes about 2.5 KB, which is what lets a national recompute (≈ 4,100
// results) be written in one pass. `expandUnitScore` puts the texts back from the same frozen
// scheme and returns the engine's UnitScore again, number for number.
import type { BandRef, IndicatorScore, Scheme, UnitScore } from '../../core/types.ts';
import type { StoredDimension, StoredIndicator, StoredUnitScore, StoredVariable } from '../../shared/wire/scores.ts';

export function compactUnitScore(u: UnitScore): StoredUnitScore {
  const stored: StoredUnitScore = {
    schemeId: u.schemeId,
    raw: u.raw,
    score: u.score,
    band: u.band.code,
    complete: u.complete,
    missing: u.missing,
    incompleteInstruments: u.incompleteInstruments,
    weight: u.weight,
    progress: Object.fromEntries(u.progress.map((p) => [p.code, p.done])),
    dimensions: u.dimensions.map(
      (d): StoredDimension => [
        d.code,
        d.score,
        d.points,
        d.pointsLost,
        d.variables.map(
          (v): StoredVariable => [
            v.code,
            v.points,
            v.pointsLost,
            v.indicators.map(
              (i): StoredIndicator =>
                i.claimed === undefined
                  ? [i.code, i.value, i.n, i.weight, i.points, i.pointsLost]
                  : [i.code, i.value, i.n, i.weight, i.points, i.pointsLost, i.claimed],
            ),
          ],
        ),
      ],
    ),
    supplements: u.supplements.map((s) => [s.code, s.indicators.map((i): [string, number | null, number] => [i.code, i.value, i.n])]),
  };
  if (u.products !== undefined) stored.products = u.products;
  return stored;
}

/** Dimension scores only (lists and radars), without expanding the whole breakdown. */
export const storedDimensionScores = (s: StoredUnitScore): { code: string; score: number }[] =>
  s.dimensions.map((d) => ({ code: d[0], score: d[1] }));

/** The band of a scheme by code, as the engine reports it. */
export function bandRef(scheme: Scheme, code: string): BandRef {
  const band = scheme.bands.find((b) => b.code === code);
  if (!band) return { code, label: { id: code, en: code }, color: '#888888' };
  const ref: BandRef = { code: band.code, label: band.label, color: band.color };
  if (band.zone !== undefined) ref.zone = band.zone;
  if (band.group !== undefined) ref.group = band.group;
  return ref;
}

export function expandUnitScore(scheme: Scheme, s: StoredUnitScore): UnitScore {
  const dims = new Map(scheme.dimensions.map((d) => [d.code, d]));
  const sups = new Map(scheme.supplements.map((x) => [x.code, x]));
  const indicatorScore = (
    code: string,
    value: number | null,
    n: number,
    weight: number,
    points: number,
    pointsLost: number,
    ref: string,
    def: { text: IndicatorScore['text']; scale: { max: number } } | undefined,
  ): IndicatorScore => ({
    code,
    ref,
    text: def?.text ?? { id: code, en: code },
    value,
    n,
    percentage: value === null || !def ? null : (value / def.scale.max) * 100,
    weight,
    points,
    pointsLost,
    missing: value === null,
  });
  const unit: UnitScore = {
    schemeId: s.schemeId,
    raw: s.raw,
    score: s.score,
    band: bandRef(scheme, s.band),
    complete: s.complete,
    missing: s.missing,
    incompleteInstruments: s.incompleteInstruments,
    dimensions: s.dimensions.map(([code, score, points, pointsLost, variables]) => {
      const def = dims.get(code);
      const vars = new Map((def?.variables ?? []).map((v) => [v.code, v]));
      return {
        code,
        title: def?.title ?? { id: code, en: code },
        weight: def?.weight ?? 0,
        score,
        points,
        pointsLost,
        variables: variables.map(([vcode, vpoints, vlost, indicators]) => {
          const vdef = vars.get(vcode);
          const inds = new Map((vdef?.indicators ?? []).map((i) => [i.code, i]));
          return {
            code: vcode,
            title: vdef?.title ?? { id: vcode, en: vcode },
            points: vpoints,
            pointsLost: vlost,
            indicators: indicators.map((i) => {
              const out = indicatorScore(i[0], i[1], i[2], i[3], i[4], i[5], `${scheme.id}/${code}/${vcode}/${i[0]}`, inds.get(i[0]));
              if (i.length === 7) out.claimed = i[6];
              return out;
            }),
          };
        }),
      };
    }),
    progress: scheme.instruments.map((ins) => {
      const done = s.progress[ins.code] ?? 0;
      const min = ins.quota.min ?? ins.quota.target;
      return { code: ins.code, done, target: ins.quota.target, min, complete: done >= min };
    }),
    weight: s.weight,
    supplements: s.supplements.map(([code, indicators]) => {
      const def = sups.get(code);
      const inds = new Map((def?.indicators ?? []).map((i) => [i.code, i]));
      return {
        code,
        title: def?.title ?? { id: code, en: code },
        indicators: indicators.map(([icode, value, n]) =>
          indicatorScore(icode, value, n, 0, 0, 0, `${scheme.id}/${code}/${icode}`, inds.get(icode)),
        ),
      };
    }),
  };
  if (s.products !== undefined) unit.products = s.products;
  return unit;
}
