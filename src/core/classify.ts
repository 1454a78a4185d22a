/**
 * Band classification (methodology.md §1: bands are closed below; a value belongs to the first
 * band, highest first, whose lower bound it meets). Rounding happens before the comparison,
 * so 87.995 is classified as 88.00 ("A" under ombudsman-2024). No I/O.
 */
import { CoreError } from './errors.ts';
import { round2 } from './round.ts';
import type { Band, BandRef, Scheme } from './types.ts';

/** The public reference to a band: everything but its bounds (undefined keys omitted). */
export function toBandRef(band: Band): BandRef {
  const ref: BandRef = { code: band.code, label: band.label, color: band.color };
  if (band.zone !== undefined) ref.zone = band.zone;
  if (band.group !== undefined) ref.group = band.group;
  return ref;
}

/**
 * Band of a value that is already rounded to 2 dp (e.g. a published score).
 * Robust to band order: picks the band with the highest lower bound the value meets, which is
 * "the first band, highest first" for a valid library file.
 * @throws CoreError 'value.out_of_range' outside `scheme.result.min … max`;
 *         'value.not_finite' for NaN/Infinity.
 */
export function bandOf(scheme: Scheme, rounded: number): BandRef {
  if (!Number.isFinite(rounded)) {
    throw new CoreError('value.not_finite', { value: rounded, what: 'value to classify' });
  }
  const { min, max } = scheme.result;
  if (rounded < min || rounded > max) {
    throw new CoreError('value.out_of_range', { schemeId: scheme.id, value: rounded, min, max });
  }
  let best: Band | undefined;
  for (const band of scheme.bands) {
    if (rounded >= band.min && (best === undefined || band.min > best.min)) best = band;
  }
  // A valid scheme's lowest band starts at result.min, so `best` exists; guard anyway.
  if (best === undefined) {
    throw new CoreError('value.out_of_range', { schemeId: scheme.id, value: rounded, min, max });
  }
  return toBandRef(best);
}

/**
 * Classify a value under a scheme: round half away from zero to 2 dp (`round2`), then
 * return the band whose lower bound it meets (closed below).
 * `classify(ombudsman2024, 87.995).code === 'A'`; `classify(ombudsman2024, 87.99).code === 'B'`.
 * @throws CoreError 'value.out_of_range' when the rounded value lies outside
 *         `scheme.result.min … max`.
 */
export function classify(scheme: Scheme, value: number): BandRef {
  return bandOf(scheme, round2(value));
}
