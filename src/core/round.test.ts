import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CoreError } from './errors.ts';
import { formatFixed2, round2, roundExact, roundTo } from './round.ts';

describe('round2', () => {
  // Each expectation is the textbook half-away-from-zero result on the decimal written in the
  // source, which binary floating point alone gets wrong (1.005 is stored as 1.00499…).
  it.each([
    [1.005, 1.01],
    [87.995, 88],
    [-1.005, -1.01],
    [2.675, 2.68],
    [1.015, 1.02],
    [0.125, 0.13],
    [-0.125, -0.13],
    [87.994, 87.99],
    [87.9949999, 87.99],
    [53.995, 54],
    [77.995, 78],
    [31.995, 32],
    [4.505, 4.51],
    [4.5049, 4.5],
    [88.305, 88.31],
    [100, 100],
    [0, 0],
    [0.004, 0],
    [0.005, 0.01],
    [-0.004, 0],
    [0.1 + 0.2, 0.3],
    [1e-9, 0],
    [123456789.125, 123456789.13],
    [1.23e21, 1.23e21],
  ])('round2(%s) = %s', (x, expected) => {
    expect(round2(x)).toBe(expected);
  });

  it('removes binary noise before rounding (sum that should be exactly x.xx5)', () => {
    // 0.1 · 3 + 87.695 is 87.995 in decimal; in binary it lands a hair below.
    expect(round2(0.1 * 3 + 87.695)).toBe(88);
  });

  it('never returns negative zero', () => {
    expect(Object.is(round2(-0.001), 0)).toBe(true);
    expect(Object.is(round2(-0), 0)).toBe(true);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])('rejects %s', (x) => {
    expect(() => round2(x)).toThrow(CoreError);
    try {
      round2(x);
    } catch (e) {
      expect((e as CoreError).code).toBe('value.not_finite');
    }
  });

  it('agrees with an independent BigInt reference on decimals written with 3 places', () => {
    // Reference: integer thousandths k → round half away from zero to hundredths by integer
    // arithmetic on k itself, never touching floating point.
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (k) => {
        const sign = k < 0 ? -1 : 1;
        const abs = Math.abs(k);
        const hundredths = Math.floor(abs / 10) + (abs % 10 >= 5 ? 1 : 0);
        const expected = (sign * hundredths) / 100;
        const x = Number(`${k < 0 ? '-' : ''}${Math.floor(abs / 1000)}.${String(abs % 1000).padStart(3, '0')}`);
        return round2(x) === (expected === 0 ? 0 : expected);
      }),
    );
  });

  it('is idempotent and never moves a value by more than half a cent', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x) => {
        const r = round2(x);
        return round2(r) === r && Math.abs(r - x) <= 0.005 + 1e-9;
      }),
    );
  });
});

describe('roundTo', () => {
  it('takes its fast path only where it agrees with the decimal routine', () => {
    const near = fc
      .tuple(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: -3, max: 3 }))
      .map(([k, e]) => (k + 0.5) / 100 + e * 1e-9); // x.xx5 and its binary neighbours
    fc.assert(
      fc.property(fc.oneof(fc.double({ min: -1e9, max: 1e9, noNaN: true }), near), fc.integer({ min: 0, max: 3 }), (x, places) =>
        Object.is(roundTo(x, places), roundExact(x, places)),
      ),
      { numRuns: 2000 },
    );
  });

  it.each([
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [2.4999, 0, 2],
    [9.771, 0, 10],
    [382.63, 0, 383],
    [1.0005, 3, 1.001],
  ])('roundTo(%s, %s) = %s', (x, places, expected) => {
    expect(roundTo(x, places)).toBe(expected);
  });
});

describe('formatFixed2', () => {
  it.each([
    [88, '88.00'],
    [87.995, '88.00'],
    [1.005, '1.01'],
    [-1.005, '-1.01'],
    [0.5, '0.50'],
    [0.05, '0.05'],
    [-0.001, '0.00'],
    [100, '100.00'],
    [4.7, '4.70'],
  ])('formatFixed2(%s) = %s', (x, expected) => {
    expect(formatFixed2(x)).toBe(expected);
  });
});
