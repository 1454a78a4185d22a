import { describe, expect, it } from 'vitest';
import { identicalPatterns, missingInstruments, scoreOutliers, type ScoredBody } from './outliers.ts';

const body = (id: string, scores: (number | null)[]): ScoredBody => ({
  bodyId: id,
  units: scores.map((s, k) => ({ unitId: `${id}-u${k}`, result: s === null ? null : { score: s } })),
});
const range = { min: 0, max: 100 };

describe('scoreOutliers (modified z ≥ 3.5 and ≥ 5 % of the range from the body median)', () => {
  it('flags the demo Kota Cilegon unit far below its body and nothing in a tight body', () => {
    // Kota Cilegon's seven units in the demo 2024 cycle: median 56.95, MAD 1.04.
    const cilegon = body('cilegon', [54.66, 56.04, 57.99, 56.95, 49.55, 61.47, 57.24]);
    const banten = body('banten', [92.59, 91.3, 91.39, 92.38, 93.03]);
    const out = scoreOutliers([cilegon, banten], range);
    expect(out.map((o) => o.unitId)).toEqual(['cilegon-u4']);
    expect(out[0]!.median).toBeCloseTo(56.95, 10);
    expect(out[0]!.gap).toBeCloseTo(-7.4, 10);
    expect(out[0]!.z).toBeCloseTo((0.6745 * -7.4) / 1.04, 6);
  });

  it.each([
    { name: 'too few scored units', scores: [90, 91, 40], flagged: [] },
    { name: 'unscored units do not count towards the minimum', scores: [90, 91, 40, null, null], flagged: [] },
    { name: 'MAD 0: the mean absolute deviation stands in', scores: [80, 80, 80, 80, 40], flagged: ['b-u4'] },
    { name: 'all equal: nothing stands out', scores: [70, 70, 70, 70], flagged: [] },
    // z is large (MAD 0.1) but the gap is only 1 point: below 5 % of the range.
    { name: 'a large z with a trivial gap is not flagged', scores: [80, 80.1, 80.2, 80.1, 81.2], flagged: [] },
    { name: 'an outlier above the body is flagged too', scores: [60, 61, 62, 61, 60, 85], flagged: ['b-u5'] },
  ])('$name', ({ scores, flagged }) => {
    expect(scoreOutliers([body('b', scores)], range).map((o) => o.unitId)).toEqual(flagged);
  });

  it('scales the minimum gap to the result range (PEKPPP 0–5: 0.25)', () => {
    const scores = [3.5, 3.52, 3.49, 3.51, 3.3];
    expect(scoreOutliers([body('p', scores)], { min: 0, max: 5 }).map((o) => o.unitId)).toEqual([]);
    expect(scoreOutliers([body('p', [3.5, 3.52, 3.49, 3.51, 3.1])], { min: 0, max: 5 }).map((o) => o.unitId)).toEqual(['p-u4']);
  });
});

describe('identicalPatterns (≥ 3 sheets and ≥ 40 % of one instrument)', () => {
  const rec = (id: string, instrument: string, answers: Record<string, number | null>) => ({ id, instrument, answers });

  it('flags officials who all gave the same answers, regardless of key order', () => {
    const flags = identicalPatterns([
      rec('a', 'pejabat', { K1: 3, K2: 2 }),
      rec('b', 'pejabat', { K2: 2, K1: 3 }),
      rec('c', 'pejabat', { K1: 3, K2: 2 }),
      rec('d', 'pejabat', { K1: 1, K2: 2 }),
    ]);
    expect(flags).toEqual([{ instrument: 'pejabat', sheets: ['a', 'b', 'c'], total: 4, answers: { K1: 3, K2: 2 } }]);
  });

  it('does not flag a pattern shared by fewer than 40 % of the sheets', () => {
    const users = Array.from({ length: 30 }, (_, k) => rec(`u${k}`, 'pengguna', k < 11 ? { O1: 3 } : { O1: k % 3 }));
    // 11 of 30 all-3 sheets = 37 %: below the share (the demo's busiest pattern is 9 of 30).
    expect(identicalPatterns(users)).toEqual([]);
    users.push(rec('u30', 'pengguna', { O1: 3 }));
    expect(identicalPatterns(users)).toEqual([]); // 12 of 31 = 38.7 %
    users.push(rec('u31', 'pengguna', { O1: 3 }));
    expect(identicalPatterns(users)[0]!.sheets).toHaveLength(13); // 13 of 32 = 40.6 %
  });

  it('needs at least three sheets: two identical product observations are not flagged', () => {
    expect(identicalPatterns([rec('p1', 'observasi-produk', { P1: 3 }), rec('p2', 'observasi-produk', { P1: 3 })])).toEqual([]);
  });

  it('treats a missing answer as part of the pattern', () => {
    const flags = identicalPatterns([
      rec('a', 'x', { A: null }),
      rec('b', 'x', { A: null }),
      rec('c', 'x', { A: 0 }),
      rec('d', 'x', { A: null }),
    ]);
    expect(flags[0]!.sheets).toEqual(['a', 'b', 'd']);
  });
});

describe('missingInstruments', () => {
  it('lists the instruments below their minimum quota', () => {
    expect(
      missingInstruments({
        instruments: [
          { code: 'pengguna', done: 27, min: 30 },
          { code: 'pejabat', done: 4, min: 4 },
          { code: 'observasi-produk', done: 3, min: 2 },
        ],
      }),
    ).toEqual([{ code: 'pengguna', done: 27, min: 30 }]);
  });
});
