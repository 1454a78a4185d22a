/**
 * Decimal-exact rounding (methodology.md §1): half away from zero, applied once to the number
 * that is classified. Binary floating point is never used for the rounding step itself:
 * `Math.round(1.005 * 100) / 100` gives 1 because 1.005 is stored as 1.00499999999999989…,
 * while the published rule (and every assessor's spreadsheet) says 1.01.
 *
 * Method: first drop binary noise by reading the double at 15 significant digits (the most a
 * double always round-trips), then round on those decimal digits with integer (BigInt)
 * arithmetic, then parse the decimal string back (the nearest double to the exact decimal).
 */
import { CoreError } from './errors.ts';

/** Scaled magnitude: |x| rounded to `places` decimals, as an integer count of 10^-places. */
function scaledMagnitude(x: number, places: number): bigint {
  if (!Number.isFinite(x)) throw new CoreError('value.not_finite', { value: x, what: 'value to round' });
  const abs = Math.abs(x);
  if (abs === 0) return 0n;
  // e.g. "1.00500000000000", "87.9950000000000", "1.00000000000000e-7", "1.23400000000000e+21"
  const [mantissa = '', expPart] = abs.toPrecision(15).split('e');
  const exp = expPart === undefined ? 0 : Number(expPart);
  const dot = mantissa.indexOf('.');
  const digits = dot === -1 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  // The value is 0.<digits> × 10^pointPos; keep the first `keep` digits.
  const pointPos = (dot === -1 ? mantissa.length : dot) + exp;
  const keep = pointPos + places;
  if (keep < 0) return 0n; // below half a unit of the last place
  if (keep >= digits.length) return BigInt(digits.padEnd(keep, '0'));
  const kept = keep === 0 ? 0n : BigInt(digits.slice(0, keep));
  // Half away from zero on the magnitude: the first dropped digit decides (5 → up).
  return digits.charCodeAt(keep) - 48 >= 5 ? kept + 1n : kept;
}

/** Decimal string of sign · n · 10^-places with exactly `places` decimals ("-0.00" never occurs). */
function toDecimalString(negative: boolean, n: bigint, places: number): string {
  const s = n.toString().padStart(places + 1, '0');
  const body = places === 0 ? s : `${s.slice(0, s.length - places)}.${s.slice(s.length - places)}`;
  return negative && n !== 0n ? `-${body}` : body;
}

/**
 * Round half away from zero to `places` decimals, decimal-exact (see the file head).
 * `roundTo(2.5, 0) === 3`, `roundTo(-2.5, 0) === -3`.
 * @throws CoreError 'value.not_finite' for NaN or ±Infinity.
 */
export function roundTo(x: number, places: number): number {
  // Fast path, same result: when |x|·10^places is small and its fraction is far from one half,
  // binary noise (< 1e-7 here) cannot change the outcome, and n / 10^places is the double
  // nearest to the decimal n·10^-places (one correctly rounded division of exact integers).
  if (places >= 0 && places <= 6 && Number.isFinite(x)) {
    const scale = 10 ** places;
    const y = Math.abs(x) * scale;
    if (y < 1e8) {
      const n = Math.floor(y);
      const f = y - n;
      if (f < 0.499999 || f > 0.500001) {
        const r = (f > 0.5 ? n + 1 : n) / scale;
        return r === 0 ? 0 : x < 0 ? -r : r;
      }
    }
  }
  return roundExact(x, places);
}

/** The decimal (string + BigInt) rounding itself, without the fast path. Exported for tests. */
export function roundExact(x: number, places: number): number {
  const n = scaledMagnitude(x, places);
  if (n === 0n) return 0;
  return Number(toDecimalString(x < 0, n, places));
}

/**
 * Round half away from zero to 2 decimals, decimal-exact:
 * `round2(1.005) === 1.01`, `round2(87.995) === 88`, `round2(-1.005) === -1.01`,
 * `round2(2.675) === 2.68`.
 * @throws CoreError 'value.not_finite' for NaN or ±Infinity.
 */
export function round2(x: number): number {
  return roundTo(x, 2);
}

/**
 * Round as `round2` and format with exactly two decimals, "." as separator, no grouping:
 * `formatFixed2(88) === "88.00"`, `formatFixed2(87.995) === "88.00"`. Locale formatting
 * (id-ID "88,00") is the caller's job.
 */
export function formatFixed2(x: number): string {
  return toDecimalString(x < 0, scaledMagnitude(x, 2), 2);
}
