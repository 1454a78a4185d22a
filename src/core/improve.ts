/**
 * Improvement list (issue 2 §3): for every scored indicator and every level above its current
 * value, the points the unit and its government would gain by reaching that level. This is
 * the first thing a pemda asks. Pure; no I/O.
 *
 * Exactness: the unit total is the sum of its indicators' points (T = Σ W_d·w_i·f_i·max), so
 * re-scoring with one indicator at level L changes exactly that indicator's points, from its
 * current points to W_d·w_i·(L / scale.max)·result.max. Substituting that one term is the
 * re-score, done in O(indicators × levels) instead of re-running scoreUnit per level.
 * "Reaching level L" means every sheet (every product, under 'products') answers L.
 */
import { compileScheme, scoreUnit } from './score-unit.ts';
import type { Improvement, IndicatorScore, Scheme, UnitAnswers } from './types.ts';

export interface ImprovementContext {
  /** Number of assessed units of the government ('units-mean'); default 1. */
  governmentUnits?: number;
  /** Σ unit weights (products) of the government ('products-mean'); default this unit's weight. */
  governmentWeight?: number;
}

/** Sort key free of binary noise, so equal gains tie and fall back to the indicator code. */
const gainKey = (g: number): number => Math.round(g * 1e9);

/**
 * List every possible improvement of one unit, largest unit gain first (then indicator code,
 * then target level). Indicators weighing nothing (weight 0) are left out: they gain nothing.
 * A missing indicator counts as below every level. Gains are full precision; format them with
 * `formatFixed2`.
 * @throws any scoreUnit error for invalid answers.
 */
export function improvements(scheme: Scheme, answers: UnitAnswers, context?: ImprovementContext): Improvement[] {
  const c = compileScheme(scheme);
  const unit = scoreUnit(scheme, answers);
  const byCode = new Map<string, IndicatorScore>();
  for (const d of unit.dimensions) {
    for (const v of d.variables) for (const i of v.indicators) byCode.set(i.code, i);
  }

  let share: number;
  if (scheme.aggregation.government === 'products-mean') {
    const total = context?.governmentWeight ?? unit.weight;
    share = total > 0 ? unit.weight / total : 0;
  } else {
    const n = context?.governmentUnits ?? 1;
    share = n > 0 ? 1 / n : 1;
  }

  const out: Improvement[] = [];
  // 'products' with no product observed: there is nothing to raise, so nothing to gain.
  if (scheme.aggregation.unit === 'products' && unit.weight === 0) return out;
  for (const ci of c.scored) {
    if (ci.fullPoints <= 0) continue;
    const current = byCode.get(ci.indicator.code)!;
    const from = current.value;
    const { max, levels } = ci.indicator.scale;
    for (const level of levels) {
      if (from !== null && level.value <= from) continue;
      const unitGain = ci.fullPoints * (level.value / max) - current.points;
      if (unitGain <= 0) continue;
      out.push({
        indicator: ci.indicator.code,
        ref: ci.ref,
        text: ci.indicator.text,
        dimension: ci.dimension.code,
        from,
        to: level.value,
        descriptor: level.descriptor,
        unitGain,
        governmentGain: unitGain * share,
      });
    }
  }
  out.sort(
    (a, b) =>
      gainKey(b.unitGain) - gainKey(a.unitGain) || (a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : 0) || a.to - b.to,
  );
  return out;
}
