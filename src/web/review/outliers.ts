/**
 * What a reviewer should look at twice. Pure; no React. Two published rules (the dashboard and
 * the unit page state them in words):
 *
 * 1. Unit score far from its body: the modified z-score of Iglewicz & Hoaglin (1993),
 *    z = 0.6745 · (x − median) / MAD over the scores of the body's units, flags |z| ≥ 3.5.
 *    When MAD is 0 the mean absolute deviation stands in (z = (x − median) / (1.2533 · meanAD)).
 *    Only bodies with at least 4 scored units are judged, and the gap to the median must also
 *    be at least 5 % of the scheme's result range (5 points on 0–100), so a tight body does not
 *    flag trivial differences.
 * 2. Identical answer patterns: inside one unit, sheets of one instrument with exactly the same
 *    answer to every indicator, when they are at least 3 sheets and at least 40 % of that
 *    instrument's sheets (a short user questionnaire repeats patterns by chance far less often;
 *    the demo's 30 users peak at 9 identical sheets).
 * These are review heuristics, not methodology: they never change a score.
 */

export const SCORE_RULE = { modifiedZ: 3.5, minUnits: 4, minGapShare: 0.05 } as const;
export const PATTERN_RULE = { minSheets: 3, minShare: 0.4 } as const;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export interface ScoredBody {
  bodyId: string;
  units: { unitId: string; result: { score: number } | null }[];
}

export interface ScoreOutlier {
  bodyId: string;
  unitId: string;
  score: number;
  median: number;
  /** score − median (negative: below the body). */
  gap: number;
  z: number;
}

/** Units whose score stands apart from the other units of their body (rule 1). */
export function scoreOutliers(bodies: ScoredBody[], resultRange: { min: number; max: number }): ScoreOutlier[] {
  const out: ScoreOutlier[] = [];
  const minGap = SCORE_RULE.minGapShare * (resultRange.max - resultRange.min);
  for (const body of bodies) {
    const scored = body.units.filter((u): u is { unitId: string; result: { score: number } } => u.result !== null);
    if (scored.length < SCORE_RULE.minUnits) continue;
    const scores = scored.map((u) => u.result.score);
    const med = median(scores);
    const deviations = scores.map((x) => Math.abs(x - med));
    const mad = median(deviations);
    const meanAd = deviations.reduce((a, b) => a + b, 0) / deviations.length;
    const zOf = (x: number) => (mad > 0 ? (0.6745 * (x - med)) / mad : meanAd > 0 ? (x - med) / (1.2533 * meanAd) : 0);
    for (const u of scored) {
      const gap = u.result.score - med;
      const z = zOf(u.result.score);
      if (Math.abs(z) >= SCORE_RULE.modifiedZ && Math.abs(gap) >= minGap) {
        out.push({ bodyId: body.bodyId, unitId: u.unitId, score: u.result.score, median: med, gap, z });
      }
    }
  }
  return out.sort((a, b) => Math.abs(b.z) - Math.abs(a.z));
}

export interface PatternFlag {
  instrument: string;
  /** Ids of the sheets sharing the pattern. */
  sheets: string[];
  /** Sheets of that instrument in the unit. */
  total: number;
  answers: Record<string, number | null>;
}

/** Key of an answer set, independent of the order of its codes. */
function patternKey(answers: Record<string, number | null>): string {
  return Object.keys(answers)
    .sort()
    .map((k) => `${k}=${answers[k] ?? '-'}`)
    .join(';');
}

/** Groups of identical sheets inside one unit (rule 2), largest first. */
export function identicalPatterns(records: { id: string; instrument: string; answers: Record<string, number | null> }[]): PatternFlag[] {
  const byInstrument = new Map<string, typeof records>();
  for (const r of records) byInstrument.set(r.instrument, [...(byInstrument.get(r.instrument) ?? []), r]);
  const flags: PatternFlag[] = [];
  for (const [instrument, list] of byInstrument) {
    const groups = new Map<string, typeof records>();
    for (const r of list) {
      const key = patternKey(r.answers);
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    for (const group of groups.values()) {
      if (group.length >= PATTERN_RULE.minSheets && group.length / list.length >= PATTERN_RULE.minShare) {
        flags.push({ instrument, sheets: group.map((r) => r.id), total: list.length, answers: group[0]!.answers });
      }
    }
  }
  return flags.sort((a, b) => b.sheets.length - a.sheets.length);
}

/** Instruments of a unit below their minimum quota. */
export function missingInstruments(unit: {
  instruments: { code: string; done: number; min: number }[];
}): { code: string; done: number; min: number }[] {
  return unit.instruments.filter((i) => i.done < i.min);
}
