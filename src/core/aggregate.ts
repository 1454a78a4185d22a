/**
 * Government aggregation (methodology.md §2–§3): the mean of its units' full-precision totals
 * ('units-mean'), or the product-weighted mean ('products-mean', ombudsman-2021), rounded
 * once and banded. Qualifiers (2025 "Tanpa Maladministrasi") are flags beside the score,
 * never folded into it. Pure; no I/O.
 */
import { bandOf } from './classify.ts';
import { CoreError } from './errors.ts';
import { round2 } from './round.ts';
import type { GovernmentScore, QualifierInput, QualifierResult, Scheme } from './types.ts';

/** One unit as aggregate() needs it: a UnitScore fits, and so does a bare published score. */
export interface AggregateUnit {
  /** Full-precision total; used when given (a UnitScore's `raw`). */
  raw?: number;
  /** Published (rounded) score; used when `raw` is absent. */
  score: number;
  /** Weight under 'products-mean' (number of products); default 1. */
  weight?: number;
  /** Default true (a bare score is taken as final). */
  complete?: boolean;
  /**
   * A vertical office of a ministry/agency (Polres, Kantor Pertanahan …) being aggregated into
   * that ministry/agency. Under `aggregation.verticalOffices: 'separate'` it is left out; under
   * 'with-parent' (and when the scheme says nothing) it counts like any other unit.
   */
  vertical?: boolean;
}

/**
 * Evaluate the scheme's qualifiers for a body. A qualifier of kind 'all-followed-up' applies
 * when every due product of its kinds was followed up; when none is due it applies only if
 * `rule.whenNoneDue`. Without `input` nothing is known, so no qualifier applies.
 */
export function evaluateQualifiers(scheme: Scheme, input?: QualifierInput): QualifierResult[] {
  return scheme.qualifiers.map((q) => {
    let applies = false;
    if (input !== undefined) {
      const due = input.products.filter((p) => q.products.includes(p.kind));
      applies = due.length === 0 ? q.rule.whenNoneDue : due.every((p) => p.followedUp);
    }
    return { code: q.code, label: q.label, applies };
  });
}

/**
 * Aggregate unit results into the government result.
 *
 * The values are summed in a canonical (sorted) order, so the result does not depend on the
 * order of `units` down to the last bit. Vertical offices (`vertical: true`) are left out when
 * the scheme's `aggregation.verticalOffices` is 'separate'; `units` in the result counts the
 * units that entered the mean.
 * @throws CoreError 'aggregate.empty' for no units (none left, or total weight 0 under 'products-mean');
 *         'value.not_finite'; 'value.out_of_range' when the rounded mean of complete units leaves
 *         the result range.
 */
export function aggregate(scheme: Scheme, all: readonly AggregateUnit[], qualifiers?: QualifierInput): GovernmentScore {
  const counted = (u: AggregateUnit): boolean => scheme.aggregation.verticalOffices !== 'separate' || u.vertical !== true;
  const units = all.filter(counted);
  if (units.length === 0) {
    throw new CoreError('aggregate.empty', { schemeId: scheme.id, reason: 'no-units' });
  }
  const weighted = scheme.aggregation.government === 'products-mean';
  const pairs = all.flatMap((u, k) => {
    if (!counted(u)) return [];
    const x = u.raw ?? u.score;
    const w = weighted ? (u.weight ?? 1) : 1;
    if (!Number.isFinite(x)) throw new CoreError('value.not_finite', { value: x, what: `units[${k}] score` });
    if (!Number.isFinite(w) || w < 0) {
      throw new CoreError('value.not_finite', { value: w, what: `units[${k}] weight` });
    }
    return [[x, w] as const];
  });
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let sum = 0;
  let total = 0;
  for (const [x, w] of pairs) {
    sum += x * w;
    total += w;
  }
  if (total === 0) {
    throw new CoreError('aggregate.empty', { schemeId: scheme.id, reason: 'no-weight' });
  }
  const raw = sum / total;
  const score = round2(raw);
  const complete = units.every((u) => u.complete !== false);
  return {
    schemeId: scheme.id,
    raw,
    score,
    // As in scoreUnit: an incomplete preview below result.min (SKM) shows the lowest band.
    band: bandOf(scheme, !complete && score < scheme.result.min ? scheme.result.min : score),
    units: units.length,
    qualifiers: evaluateQualifiers(scheme, qualifiers),
    complete,
  };
}
