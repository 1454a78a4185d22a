/**
 * Target planner (issue 12 §6): "to reach rank R in the province (or the national top N) you
 * need +X points; the cheapest set of indicator fixes that gets there is …". Peers are assumed
 * to keep their published scores (the result says so). Pure; no I/O.
 *
 * Ranking is methodology.md §5's: standard competition ranking on the rounded published score,
 * so a government holds rank R when at most R − 1 peers score strictly more — i.e. when its
 * rounded score reaches the R-th highest peer score (a tie shares the rank).
 *
 * "Cheapest" = the fewest whole level steps over all fixes (raising indicator i of unit u from
 * its current value v to level L costs L − floor(v) steps; a missing value counts from the scale
 * minimum); among sets with that many steps, the one with the largest gain; remaining ties go
 * to the earlier unit and indicator. It is a multiple-choice knapsack (each unit × indicator is
 * raised to at most one level), solved exactly by dynamic programming over the step count.
 * A fix raises every sheet (every product) of the unit to the level, as in `improvements`.
 */
import { CoreError } from './errors.ts';
import { round2 } from './round.ts';
import { compileScheme } from './score-unit.ts';
import type { IndicatorScore, PlanFix, PlanPeer, PlanUnit, Scheme, TargetPlan, UnitScore } from './types.ts';

/** Indicator code → current value of a unit scored with scoreUnit (the `levels` of a PlanUnit). */
export function indicatorLevels(unit: UnitScore): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const d of unit.dimensions) for (const v of d.variables) for (const i of v.indicators as IndicatorScore[]) out[i.code] = i.value;
  return out;
}

interface Option {
  to: number;
  steps: number;
  gain: number;
  unitGain: number;
}

interface Group {
  unit: number;
  indicator: number;
  from: number | null;
  options: Option[];
}

const rankOf = (score: number, peers: number[]): number => 1 + peers.filter((p) => p > score).length;

export interface PlanOptions {
  /** Only these indicator codes may be fixed (default: every scored indicator). */
  fixable?: readonly string[];
}

/**
 * Plan the cheapest indicator fixes for a government to reach `target.rank` in the group formed
 * by itself and `peers` (a province's kabupaten/kota, or its national type group for "top N").
 * @param units the government's assessed units with their current indicator values.
 * @param options.fixable restricts the fixes to some indicators (e.g. leave out the users'
 *        perception items a pemda cannot change directly); `maximum` then honours it too.
 * @throws CoreError 'value.invalid' for a rank below 1, an unknown indicator code or a value
 *         outside its scale; 'aggregate.empty' without units (or zero total weight).
 */
export function planTarget(
  scheme: Scheme,
  units: readonly PlanUnit[],
  peers: readonly PlanPeer[],
  target: { rank: number },
  options: PlanOptions = {},
): TargetPlan {
  if (!Number.isInteger(target.rank) || target.rank < 1) {
    throw new CoreError('value.invalid', { value: target.rank, what: 'target rank', expected: 'a whole number from 1' });
  }
  if (units.length === 0) throw new CoreError('aggregate.empty', { schemeId: scheme.id, reason: 'no-units' });
  const c = compileScheme(scheme);
  const productWeighted = scheme.aggregation.government === 'products-mean';
  const weights = units.map((u) => (productWeighted ? (u.weight ?? 1) : 1));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  if (!(totalWeight > 0)) throw new CoreError('aggregate.empty', { schemeId: scheme.id, reason: 'no-weight' });
  const share = weights.map((w) => w / totalWeight);

  // Current values and totals.
  const values: (number | null)[][] = units.map((u, k) => {
    for (const code of Object.keys(u.levels)) {
      if (!c.codes.has(code))
        throw new CoreError('value.invalid', { value: code, what: `units[${k}].levels`, expected: `an indicator code of ${scheme.id}` });
    }
    return c.scored.map((ci) => {
      const v = u.levels[ci.indicator.code];
      if (v === null || v === undefined) return null;
      const { min, max } = ci.indicator.scale;
      if (!Number.isFinite(v) || v < min || v > max) {
        throw new CoreError('value.invalid', {
          value: v,
          what: `units[${k}].levels.${ci.indicator.code}`,
          expected: `a value from ${min} to ${max}`,
        });
      }
      return v;
    });
  });
  const unitRaw = values.map((vs) =>
    c.scored.reduce((sum, ci, i) => sum + (vs[i] === null ? 0 : ci.fullPoints * (vs[i]! / ci.indicator.scale.max)), 0),
  );
  const raw0 = unitRaw.reduce((sum, r, u) => sum + r * share[u]!, 0);
  const score0 = round2(raw0);
  const peerScores = peers.map((p) => round2(p.score)).sort((a, b) => b - a);
  const of = peers.length + 1;

  // The lowest published score that holds the target rank.
  const threshold = target.rank > peerScores.length ? scheme.result.min : peerScores[target.rank - 1]!;
  const tiedWith = peers.filter((p) => round2(p.score) === threshold && target.rank <= peerScores.length).map((p) => p.id);

  // Options per unit × indicator.
  const fixable = options.fixable === undefined ? undefined : new Set(options.fixable);
  const groups: Group[] = [];
  let rawMax = raw0;
  units.forEach((_, u) => {
    c.scored.forEach((ci, i) => {
      if (ci.fullPoints <= 0 || (fixable !== undefined && !fixable.has(ci.indicator.code))) return;
      const from = values[u]![i]!;
      const { min, max, levels } = ci.indicator.scale;
      const base = Math.floor(from ?? min);
      const current = from === null ? 0 : ci.fullPoints * (from / max);
      const options: Option[] = [];
      for (const level of levels) {
        if (from !== null && level.value <= from) continue;
        const unitGain = ci.fullPoints * (level.value / max) - current;
        if (unitGain <= 0) continue;
        options.push({ to: level.value, steps: Math.max(1, level.value - base), gain: unitGain * share[u]!, unitGain });
      }
      if (options.length === 0) return;
      rawMax += options.reduce((best, o) => Math.max(best, o.gain), 0);
      groups.push({ unit: u, indicator: i, from, options });
    });
  });
  const scoreMax = round2(rawMax);

  const fixOf = (g: Group, o: Option): PlanFix => {
    const ci = c.scored[g.indicator]!;
    return {
      unit: units[g.unit]!.id,
      indicator: ci.indicator.code,
      ref: ci.ref,
      text: ci.indicator.text,
      dimension: ci.dimension.code,
      from: g.from,
      to: o.to,
      descriptor: ci.indicator.scale.levels.find((l) => l.value === o.to)!.descriptor,
      steps: o.steps,
      unitGain: o.unitGain,
      governmentGain: o.gain,
    };
  };
  const plan = (status: TargetPlan['status'], fixes: PlanFix[], raw: number): TargetPlan => ({
    status,
    peersAssumedUnchanged: true,
    cheapest: 'fewest-steps-then-largest-gain',
    current: { raw: raw0, score: score0, rank: rankOf(score0, peerScores), of },
    target: { rank: target.rank, score: threshold, needed: Math.max(0, round2(threshold - score0)), tiedWith },
    fixes,
    steps: fixes.reduce((s, f) => s + f.steps, 0),
    result: { raw, score: round2(raw), rank: rankOf(round2(raw), peerScores) },
    maximum: { raw: rawMax, score: scoreMax, rank: rankOf(scoreMax, peerScores) },
  });

  if (score0 >= threshold) return plan('already', [], raw0);
  if (scoreMax < threshold) return plan('unreachable', [], raw0);

  // dp[s] = largest gain with at most s steps; choice[g][s] = option taken by group g (−1 none).
  const totalSteps = groups.reduce((s, g) => s + Math.max(...g.options.map((o) => o.steps)), 0);
  let dp = new Float64Array(totalSteps + 1);
  const choice = groups.map(() => new Int16Array(totalSteps + 1).fill(-1));
  groups.forEach((g, gi) => {
    const next = Float64Array.from(dp);
    const pick = choice[gi]!;
    for (let s = 0; s <= totalSteps; s++) {
      g.options.forEach((o, k) => {
        if (o.steps > s) return;
        const cand = dp[s - o.steps]! + o.gain;
        if (cand > next[s]! + 1e-12) {
          next[s] = cand;
          pick[s] = k;
        }
      });
    }
    dp = next;
  });

  for (let s = 1; s <= totalSteps; s++) {
    if (round2(raw0 + dp[s]!) < threshold) continue;
    // Reconstruct, then check the exact total (sum of the chosen gains) against the threshold.
    const fixes: PlanFix[] = [];
    const unitGain = new Float64Array(units.length);
    let left = s;
    for (let gi = groups.length - 1; gi >= 0; gi--) {
      const k = choice[gi]![left]!;
      if (k < 0) continue;
      const g = groups[gi]!;
      const o = g.options[k]!;
      fixes.push(fixOf(g, o));
      unitGain[g.unit]! += o.unitGain;
      left -= o.steps;
    }
    fixes.reverse();
    const raw = unitRaw.reduce((sum, r, u) => sum + (r + unitGain[u]!) * share[u]!, 0);
    if (round2(raw) >= threshold) return plan('reachable', fixes, raw);
  }
  return plan('unreachable', [], raw0);
}
