import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CoreError } from './errors.ts';
import { sampleSize } from './sample-size.ts';
import { miniSkm } from './test/fixtures.ts';

const km = miniSkm.sampling!;

describe('sampleSize (Krejcie–Morgan, X² 3.841, P 0.5, d 0.05)', () => {
  // reference.md §4.5 table (computed from the formula, rounded to nearest).
  it.each([
    [10, 10],
    [20, 19],
    [30, 28],
    [50, 44],
    [100, 80],
    [150, 108],
    [200, 132],
    [300, 169],
    [500, 217],
    [1_000, 278],
    [2_000, 322],
    [5_000, 357],
    [10_000, 370],
    [20_000, 377],
    [50_000, 381],
    [100_000, 383],
    [1_000_000, 384],
  ])('N = %s → %s', (n, s) => {
    expect(sampleSize(km, n)).toBe(s);
  });

  it('never asks for more than the population', () => {
    expect(sampleSize(km, 1)).toBe(1);
    expect(sampleSize(km, 2)).toBe(2);
  });

  it.each([0, -5, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '10' as unknown as number])('rejects N = %s', (n) => {
    try {
      sampleSize(km, n);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CoreError);
      expect((e as CoreError).code).toBe('sample.population_invalid');
    }
  });

  it('takes its constants from the scheme, not from code', () => {
    // d = 0.1: N = 100 → 3.841·100·0.25 / (0.01·99 + 0.96025) = 96.025 / 1.95025 = 49.24 → 49
    expect(sampleSize({ ...km, d: 0.1 }, 100)).toBe(49);
  });

  it('is between 1 and N and never decreases as N grows (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000_000 }), (n) => {
        const s = sampleSize(km, n);
        return s >= 1 && s <= n && sampleSize(km, n + 1) >= s;
      }),
    );
  });
});
