import { describe, expect, it } from 'vitest';
import { bandOf, classify } from './classify.ts';
import { CoreError } from './errors.ts';
import { miniOmbudsman, miniPekppp, miniSkm } from './test/fixtures.ts';

describe('classify', () => {
  describe('closed below, highest band first (fixture bands A ≥ 88, B ≥ 78, C ≥ 54, D ≥ 32, E)', () => {
    it.each([
      [100, 'A'],
      [88, 'A'],
      [87.99, 'B'],
      [87.995, 'A'], // rounds to 88.00 first
      [87.9949, 'B'],
      [78, 'B'],
      [77.99, 'C'],
      [54, 'C'],
      [53.99, 'D'],
      [32, 'D'],
      [31.99, 'E'],
      [0, 'E'],
      [-0.004, 'E'], // rounds to 0.00, inside the range
    ])('%s → %s', (value, code) => {
      expect(classify(miniOmbudsman, value).code).toBe(code);
    });
  });

  it('returns the band reference without its bounds', () => {
    const band = classify(miniOmbudsman, 90);
    expect(band).toEqual({ code: 'A', label: { id: 'Pita A', en: 'Band A' }, color: '#000000', zone: 'hijau' });
    expect(band).not.toHaveProperty('min');
  });

  it.each([
    [100.005, 'above'],
    [-0.005, 'below'],
    [150, 'above'],
  ])('rejects %s (%s the result range) with value.out_of_range', (value) => {
    expect(() => classify(miniOmbudsman, value)).toThrow(CoreError);
    try {
      classify(miniOmbudsman, value);
    } catch (e) {
      expect(e).toBeInstanceOf(CoreError);
      expect((e as CoreError).code).toBe('value.out_of_range');
      expect((e as CoreError).details).toMatchObject({ schemeId: 'ombudsman-1991', min: 0, max: 100 });
    }
  });

  it('respects a result range that does not start at 0 (SKM 25–100)', () => {
    expect(classify(miniSkm, 25).code).toBe('D');
    expect(() => classify(miniSkm, 24.99)).toThrow(/outside the range 25–100/);
  });

  it.each([
    [4.51, 'A'],
    [4.505, 'A'],
    [4.5049, 'B'],
    [3.01, 'B'],
    [3.0, 'C'],
    [1.0, 'F'],
  ])('works on a 0–5 scale: %s → %s', (value, code) => {
    expect(classify(miniPekppp, value).code).toBe(code);
  });

  it('does not depend on the order of the bands in the file', () => {
    const shuffled = { ...miniOmbudsman, bands: [...miniOmbudsman.bands].reverse() };
    expect(classify(shuffled, 88).code).toBe('A');
    expect(classify(shuffled, 53.99).code).toBe('D');
  });
});

describe('bandOf', () => {
  it('classifies an already-rounded value without rounding it again', () => {
    expect(bandOf(miniOmbudsman, 87.99).code).toBe('B');
    // 87.995 is not a 2-dp value; bandOf takes it as is (below 88).
    expect(bandOf(miniOmbudsman, 87.995).code).toBe('B');
  });

  it('rejects NaN', () => {
    expect(() => bandOf(miniOmbudsman, Number.NaN)).toThrow(/not a finite number/);
  });
});
