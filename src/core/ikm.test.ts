import { describe, expect, it } from 'vitest';
import { CoreError } from './errors.ts';
import { ikm } from './ikm.ts';
import { miniSkm } from './test/fixtures.ts';

const all = (v: number): number[] => Array.from({ length: 9 }, () => v);

describe('ikm', () => {
  it('computes NRR per unsur and IKM = 25 · Σ NRR / 9 (hand example)', () => {
    // NRR U1–U8 = (4 + 3 + 4) / 3 = 11/3; U9 = (4 + 3 + 1) / 3 = 8/3
    // Σ NRR = 8 · 11/3 + 8/3 = 96/3 = 32 → IKM = 25 · 32 / 9 = 88.888… → 88.89 → A (≥ 88.31)
    const r = ikm(miniSkm, [all(4), all(3), [4, 4, 4, 4, 4, 4, 4, 4, 1]]);
    expect(r.respondents).toBe(3);
    expect(r.nrr.slice(0, 8).every((x) => Math.abs(x - 11 / 3) < 1e-12)).toBe(true);
    expect(r.nrr[8]).toBeCloseTo(8 / 3, 12);
    expect(r.raw).toBeCloseTo(800 / 9, 12);
    expect(r.ikm).toBe(88.89);
    expect(r.band.code).toBe('A');
  });

  it('uses the exact 1/9, not 0.111 (which would give B here)', () => {
    // Five respondents; U1–U8 answered 4, 4, 4, 3, 3 (NRR 3.6), U9 answered 3 by all (NRR 3)
    // Σ NRR = 8 · 3.6 + 3 = 31.8 → 25 · 31.8 / 9 = 88.333… → 88.33 → A
    // (25 · 31.8 · 0.111 = 88.245 → 88.25 would be B)
    const row = (v: number): number[] => [...Array.from({ length: 8 }, () => v), 3];
    const r = ikm(miniSkm, [row(4), row(4), row(4), row(3), row(3)]);
    expect(r.ikm).toBe(88.33);
    expect(r.band.code).toBe('A');
  });

  it.each([
    [[all(4)], 100, 'A'],
    [[all(1)], 25, 'D'],
    [[all(3)], 75, 'C'],
    [[all(2), all(3)], 62.5, 'D'],
  ])('%j → %s (%s)', (responses, expected, band) => {
    const r = ikm(miniSkm, responses);
    expect(r.ikm).toBe(expected);
    expect(r.band.code).toBe(band);
  });

  it.each([
    [
      'an answer above 4',
      [all(4), [4, 4, 5, 4, 4, 4, 4, 4, 4]],
      'answer.out_of_scale',
      { sheet: 1, indicator: 'U3', value: 5, respondent: 'responden 2' },
    ],
    ['an answer of 0', [[0, 4, 4, 4, 4, 4, 4, 4, 4]], 'answer.out_of_scale', { sheet: 0, indicator: 'U1', value: 0 }],
    ['a fractional answer', [[4, 4, 4, 4, 4, 4, 4, 4, 2.5]], 'answer.not_integer', { sheet: 0, indicator: 'U9' }],
    ['a short row', [all(4), [4, 4]], 'ikm.row_length', { respondent: 1, expected: 9, got: 2 }],
    ['no respondents', [], 'ikm.no_respondents', {}],
  ])('rejects %s', (_, responses, code, details) => {
    try {
      ikm(miniSkm, responses);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CoreError);
      expect((e as CoreError).code).toBe(code);
      expect((e as CoreError).details).toMatchObject(details);
    }
  });

  it('names the respondent and unsur in the message', () => {
    expect(() => ikm(miniSkm, [all(4), all(4), [4, 4, 4, 4, 4, 4, 9, 4, 4]])).toThrow(/responden 3.*'U7'.*answer 9/);
  });
});
