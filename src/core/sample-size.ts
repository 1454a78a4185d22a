/**
 * Minimum SKM sample (methodology.md §4, reference.md §4.5): Krejcie–Morgan
 *   S = X²·N·P(1−P) / (d²(N−1) + X²·P(1−P))
 * with X², P and d from the scheme's `sampling` block (never from code), rounded half away
 * from zero to a whole respondent and never above N. Pure; no I/O.
 */
import { CoreError } from './errors.ts';
import { roundTo } from './round.ts';
import type { Quota, Sampling, Scheme } from './types.ts';

/**
 * Minimum number of respondents for a population of `population` service users.
 * With skm-2017's constants: 10 → 10, 100 → 80, 1,000 → 278, 100,000 → 383.
 * @throws CoreError 'sample.population_invalid' unless `population` is a positive whole number.
 */
export function sampleSize(sampling: Sampling, population: number): number {
  if (typeof population !== 'number' || !Number.isSafeInteger(population) || population < 1) {
    throw new CoreError('sample.population_invalid', { population });
  }
  const { chiSquare: x2, p, d } = sampling;
  const pq = p * (1 - p);
  const s = (x2 * population * pq) / (d * d * (population - 1) + x2 * pq);
  return Math.min(population, roundTo(s, 0));
}

/**
 * The quota of an instrument, for a known expected population N of the period when given:
 * an instrument with `quota.fromPopulation` takes its target from the scheme's `sampling`
 * (skm-2017: Krejcie–Morgan S(N)), and with 'target-and-min' its minimum too; otherwise (and
 * without N) the quota is the file's `target` and `min ?? target`. The minimum never exceeds
 * the target.
 * @throws CoreError 'scheme.unknown_instrument'; 'sample.population_invalid'.
 */
export function quotaFor(scheme: Scheme, instrumentCode: string, population?: number): Quota {
  const instrument = scheme.instruments.find((i) => i.code === instrumentCode);
  if (instrument === undefined) throw new CoreError('scheme.unknown_instrument', { schemeId: scheme.id, instrument: instrumentCode });
  const { quota } = instrument;
  if (population === undefined || quota.fromPopulation === undefined || scheme.sampling === undefined) {
    const target = quota.target;
    return { target, min: Math.min(quota.min ?? target, target), fromPopulation: false };
  }
  const target = sampleSize(scheme.sampling, population);
  const min = quota.fromPopulation === 'target-and-min' ? target : Math.min(quota.min ?? target, target);
  return { target, min, fromPopulation: true };
}
