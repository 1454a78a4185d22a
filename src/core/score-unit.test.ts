import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CoreError } from './errors.ts';
import { scoreUnit } from './score-unit.ts';
import { unitAnswers, raisableAnswers, raise } from './test/arbitraries.ts';
import { fixtures, miniOmbudsman, miniPekppp, miniProducts, miniSkm } from './test/fixtures.ts';
import { Scenario } from './test/scenario.ts';
import type { IndicatorScore, Sheet, UnitScore } from './types.ts';

const sheet = (instrument: string, answers: Sheet['answers'], respondent?: string): Sheet =>
  respondent === undefined ? { instrument, answers } : { instrument, answers, respondent };

function indicatorOf(score: UnitScore, code: string): IndicatorScore {
  for (const d of score.dimensions) for (const v of d.variables) for (const i of v.indicators) if (i.code === code) return i;
  throw new Error(`no indicator ${code}`);
}

/** 3 users and 2 officials; the hand computation is in the first test. */
const example: Sheet[] = [
  sheet('pengguna', { A1: 3, A2: 3 }),
  sheet('pengguna', { A1: 2, A2: 3 }),
  sheet('pengguna', { A1: 1, A2: 3 }),
  sheet('pejabat', { B1: 2, B2: 3 }),
  sheet('pejabat', { B1: 1, B2: 2 }),
];

describe('scoreUnit', () => {
  describe('a hand-computed unit (miniOmbudsman: A1 20 %, A2 20 %, B1 15 %, B2 45 % effective)', () => {
    // A1: users answer 3, 2, 1 → mean 2 → f = 2/3 → 20 · 2/3 = 13.333… points
    // A2: 3, 3, 3 → 3 → f = 1 → 20 points
    // B1: officials 2, 1 → 1.5 → f = 1/2 → 15 · 1/2 = 7.5 points
    // B2: 3, 2 → 2.5 → f = 5/6 → 45 · 5/6 = 37.5 points
    // Dimension a = (½ · 2/3 + ½ · 1) · 100 = 83.333…; b = (¼ · ½ + ¾ · 5/6) · 100 = 75
    // T = 0.4 · 83.333… + 0.6 · 75 = 33.333… + 45 = 78.333… → 78.33 → band B (≥ 78)
    const score = scoreUnit(miniOmbudsman, { sheets: example });

    it('totals, rounds once and bands', () => {
      expect(score.raw).toBeCloseTo(78 + 1 / 3, 12);
      expect(score.score).toBe(78.33);
      expect(score.band.code).toBe('B');
      expect(score.complete).toBe(true);
      expect(score.missing).toEqual([]);
      expect(score.weight).toBe(1);
    });

    it.each([
      // code, value, n, percentage, weight %, points, points lost
      ['A1', 2, 3, 66.6667, 20, 13.3333, 6.6667],
      ['A2', 3, 3, 100, 20, 20, 0],
      ['B1', 1.5, 2, 50, 15, 7.5, 7.5],
      ['B2', 2.5, 2, 83.3333, 45, 37.5, 7.5],
    ])('indicator %s: value %s over %s sheets, %s %%, weight %s, %s points, %s lost', (code, value, n, pct, weight, points, lost) => {
      const i = indicatorOf(score, code);
      expect(i.value).toBe(value);
      expect(i.n).toBe(n);
      expect(i.percentage).toBeCloseTo(pct, 3);
      expect(i.weight).toBeCloseTo(weight, 10);
      expect(i.points).toBeCloseTo(points, 3);
      expect(i.pointsLost).toBeCloseTo(lost, 3);
      expect(i.missing).toBe(false);
      const path = { A1: 'a/va', A2: 'a/va', B1: 'b/vb1', B2: 'b/vb2' }[code];
      expect(i.ref).toBe(`ombudsman-1991/${path}/${code}`);
    });

    it('reports dimension scores and points that add up', () => {
      const [a, b] = score.dimensions;
      expect(a!.score).toBeCloseTo(83.3333, 3);
      expect(b!.score).toBeCloseTo(75, 10);
      expect(a!.points + b!.points).toBeCloseTo(score.raw, 10);
      expect(a!.points + a!.pointsLost).toBeCloseTo(40, 10);
      expect(b!.variables[0]!.points).toBeCloseTo(7.5, 10);
      expect(b!.variables[1]!.points).toBeCloseTo(37.5, 10);
    });

    it('reports progress against each quota', () => {
      expect(score.progress).toEqual([
        { code: 'pengguna', done: 3, target: 3, min: 3, complete: true },
        { code: 'pejabat', done: 2, target: 2, min: 1, complete: true },
      ]);
    });
  });

  describe('missing data is missing, not zero', () => {
    it('lists an unanswered indicator, gives it 0 points and marks the unit incomplete', () => {
      const sheets = example.map((s) => (s.instrument === 'pengguna' ? sheet('pengguna', { A1: s.answers.A1, A2: null }) : s));
      const score = scoreUnit(miniOmbudsman, { sheets });
      expect(score.missing).toEqual(['A2']);
      expect(score.complete).toBe(false);
      const a2 = indicatorOf(score, 'A2');
      expect(a2).toMatchObject({ value: null, n: 0, percentage: null, points: 0, pointsLost: 20, missing: true });
      // 78.333… − 20 points of A2
      expect(score.raw).toBeCloseTo(58 + 1 / 3, 12);
    });

    it('averages only the sheets that answered (a null is not a zero)', () => {
      const score = scoreUnit(miniOmbudsman, {
        sheets: [sheet('pengguna', { A1: 3, A2: 1 }), sheet('pengguna', { A1: null, A2: 2 }), sheet('pengguna', { A2: 3 })],
      });
      expect(indicatorOf(score, 'A1')).toMatchObject({ value: 3, n: 1 });
      expect(indicatorOf(score, 'A2')).toMatchObject({ value: 2, n: 3 });
    });

    it('is incomplete when an instrument is under its minimum, and names it', () => {
      const score = scoreUnit(miniOmbudsman, { sheets: example.slice(1, 4) });
      expect(score.missing).toEqual([]);
      expect(score.incompleteInstruments).toEqual(['pengguna']);
      expect(score.progress[0]).toEqual({ code: 'pengguna', done: 2, target: 3, min: 3, complete: false });
      expect(score.progress[1]).toMatchObject({ done: 1, min: 1, complete: true });
      expect(score.complete).toBe(false);
    });

    it('does not count a sheet without any answer toward the quota', () => {
      const score = scoreUnit(miniOmbudsman, { sheets: [...example.slice(0, 2), sheet('pengguna', { A1: null }), ...example.slice(3)] });
      expect(score.progress[0]!.done).toBe(2);
      expect(score.complete).toBe(false);
    });

    it('scores an empty unit as 0, everything missing', () => {
      const score = scoreUnit(miniOmbudsman, { sheets: [] });
      expect(score).toMatchObject({ raw: 0, score: 0, complete: false, missing: ['A1', 'A2', 'B1', 'B2'] });
      expect(score.band.code).toBe('E');
    });
  });

  describe('rejects invalid sheets, naming sheet, instrument and code', () => {
    it.each([
      ['instrument.unknown', [sheet('tamu', { A1: 1 })], { sheet: 0, instrument: 'tamu' }],
      [
        'indicator.unknown',
        [sheet('pengguna', { A1: 1 }), sheet('pengguna', { Z9: 1 })],
        { sheet: 1, instrument: 'pengguna', indicator: 'Z9' },
      ],
      ['instrument.not_covering', [sheet('pengguna', { B1: 1 })], { sheet: 0, instrument: 'pengguna', indicator: 'B1' }],
      [
        'answer.out_of_scale',
        [sheet('pejabat', { B2: 4 })],
        { sheet: 0, instrument: 'pejabat', indicator: 'B2', value: 4, min: 0, max: 3 },
      ],
      ['answer.out_of_scale', [sheet('pejabat', { B2: -1 })], { sheet: 0, indicator: 'B2', value: -1 }],
      ['answer.not_integer', [sheet('pejabat', { B1: 2, B2: 2.5 })], { sheet: 0, indicator: 'B2', value: 2.5 }],
      ['answer.not_integer', [sheet('pejabat', { B1: Number.NaN })], { sheet: 0, indicator: 'B1' }],
      ['answer.not_integer', [sheet('pejabat', { B1: '2' as unknown as number })], { sheet: 0, indicator: 'B1', value: '2' }],
    ])('%s', (code, sheets, details) => {
      let error: unknown;
      try {
        scoreUnit(miniOmbudsman, { sheets });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(CoreError);
      expect((error as CoreError).code).toBe(code);
      expect((error as CoreError).details).toMatchObject({ schemeId: 'ombudsman-1991', ...details });
      expect((error as CoreError).message).toContain(`sheets[${details.sheet}]`);
    });

    it('names the respondent in the message when the sheet has one', () => {
      expect(() => scoreUnit(miniOmbudsman, { sheets: [sheet('pengguna', { A1: 9 }, 'Bu Sari')] })).toThrow(/Bu Sari/);
    });
  });

  describe('products aggregation (2021: each product scored alone, unit = mean of products)', () => {
    // Three present/absent items, equal weight 1/3 each, result 0–100:
    // product 1: 1, 1, 0 → 66.666…; product 2: 1, 1, 1 → 100; product 3: 1, 0, 0 → 33.333…
    // unit = (66.666… + 100 + 33.333…) / 3 = 66.666… → 66.67 → kuning (51 ≤ x < 81); weight 3
    const products = [
      sheet('produk', { P1: 1, P2: 1, P3: 0 }, 'KTP-el'),
      sheet('produk', { P1: 1, P2: 1, P3: 1 }, 'KK'),
      sheet('produk', { P1: 1, P2: 0, P3: 0 }, 'Akta'),
    ];
    const score = scoreUnit(miniProducts, { sheets: products });

    it('scores each product and averages them', () => {
      expect(score.products!.map((p) => [p.respondent, p.score, p.complete])).toEqual([
        ['KTP-el', 66.67, true],
        ['KK', 100, true],
        ['Akta', 33.33, true],
      ]);
      expect(score.raw).toBeCloseTo(200 / 3, 12);
      expect(score.score).toBe(66.67);
      expect(score.band.code).toBe('kuning');
      expect(score.weight).toBe(3);
      expect(score.complete).toBe(true);
    });

    it('keeps the indicator points adding up to the unit total', () => {
      const points = score.dimensions[0]!.variables[0]!.indicators.map((i) => i.points);
      // P1 present in 3/3 products, P2 in 2/3, P3 in 1/3; each worth 33.333… points
      expect(points[0]).toBeCloseTo(100 / 3, 10);
      expect(points[1]).toBeCloseTo(200 / 9, 10);
      expect(points[2]).toBeCloseTo(100 / 9, 10);
      expect(points.reduce((a, b) => a + b, 0)).toBeCloseTo(score.raw, 10);
    });

    it('marks a product that misses an item, and the unit, incomplete', () => {
      const s = scoreUnit(miniProducts, { sheets: [products[0]!, sheet('produk', { P1: 1, P2: 1 }, 'KK')] });
      expect(s.products!.map((p) => p.complete)).toEqual([true, false]);
      expect(s.products![1]!.score).toBe(66.67);
      expect(s.missing).toEqual([]);
      expect(s.complete).toBe(false);
    });

    it('has weight 0 and score 0 without any product', () => {
      const s = scoreUnit(miniProducts, { sheets: [] });
      expect(s).toMatchObject({ raw: 0, weight: 0, products: [], complete: false });
    });
  });

  describe('claims and supplements (PEKPPP F-01 / F-03) stay out of the score', () => {
    // F-02: K1 4, K2 5, S1 3 → aspect k = 0.4·4 + 0.6·5 = 4.6; s = 3
    // IPP = 0.6·4.6 + 0.4·3 = 2.76 + 1.2 = 3.96 → B (3.01 ≤ x < 4.51)
    const f02 = sheet('f02', { K1: 4, K2: 5, S1: 3 });
    const f01 = sheet('f01', { K1: 5, K2: 5 });
    const f03 = [sheet('f03', { Q1: 4, Q2: 5 }), sheet('f03', { Q1: 2 })];
    const full = scoreUnit(miniPekppp, { sheets: [f02, f01, ...f03] });

    it('scores the evaluator sheet only', () => {
      expect(full.raw).toBeCloseTo(3.96, 12);
      expect(full.score).toBe(3.96);
      expect(full.band.code).toBe('B');
      expect(scoreUnit(miniPekppp, { sheets: [f02] }).raw).toBe(full.raw);
    });

    it('fills claimed from F-01', () => {
      expect(indicatorOf(full, 'K1').claimed).toBe(5);
      expect(indicatorOf(full, 'S1').claimed).toBeNull();
      expect(indicatorOf(full, 'K1').value).toBe(4);
    });

    it('reports F-03 items beside the score', () => {
      expect(full.supplements).toHaveLength(1);
      const [q1, q2] = full.supplements[0]!.indicators;
      expect(q1).toMatchObject({ code: 'Q1', value: 3, n: 2, percentage: 60, weight: 0, points: 0, missing: false });
      expect(q2).toMatchObject({ code: 'Q2', value: 5, n: 1 });
    });

    it('counts the claim and beside instruments in the quotas', () => {
      expect(full.progress.map((p) => [p.code, p.done, p.complete])).toEqual([
        ['f02', 1, true],
        ['f01', 1, true],
        ['f03', 2, true],
      ]);
      expect(scoreUnit(miniPekppp, { sheets: [f02] }).incompleteInstruments).toEqual(['f01', 'f03']);
    });
  });

  describe('SKM through the same formula', () => {
    it('gives 100 for an all-4 survey (exact 1/9, not 0.111)', () => {
      Scenario.load(miniSkm).fillAll(4).expectScore(100).expectBand('A').expectComplete(true);
    });

    it('gives the lowest band, not an error, to an incomplete unit below 25', () => {
      const s = scoreUnit(miniSkm, { sheets: [sheet('responden', { U1: 4 })] });
      // U1 alone: 1/9 · 4/4 · 100 = 11.11 points
      expect(s.score).toBe(11.11);
      expect(s.complete).toBe(false);
      expect(s.band.code).toBe('D');
    });
  });

  describe('properties', () => {
    const schemes = Object.values(fixtures);

    it.each(schemes.map((s) => [s.id, s] as const))('%s: the score stays in 0…result.max and points add up', (_, scheme) => {
      fc.assert(
        fc.property(unitAnswers(scheme), (answers) => {
          const s = scoreUnit(scheme, answers);
          const sum = s.dimensions.reduce((a, d) => a + d.points, 0);
          return (
            s.raw >= 0 &&
            s.raw <= scheme.result.max + 1e-9 &&
            s.score <= scheme.result.max &&
            Math.abs(sum - s.raw) < 1e-9 &&
            (!s.complete || s.score >= scheme.result.min)
          );
        }),
        { numRuns: 150 },
      );
    });

    it.each(schemes.map((s) => [s.id, s] as const))('%s: raising any answer never lowers the score', (_, scheme) => {
      fc.assert(
        fc.property(
          unitAnswers(scheme).chain((answers) => {
            const spots = raisableAnswers(scheme, answers);
            return fc.tuple(fc.constant(answers), spots.length === 0 ? fc.constant(null) : fc.constantFrom(...spots));
          }),
          ([answers, spot]) => {
            if (spot === null) return true;
            const before = scoreUnit(scheme, answers);
            const after = scoreUnit(scheme, raise(scheme, answers, spot));
            return after.raw >= before.raw - 1e-12 && after.score >= before.score;
          },
        ),
        { numRuns: 150 },
      );
    });

    it.each(schemes.map((s) => [s.id, s] as const))(
      '%s: a complete unit of full marks scores result.max, of lowest marks result.min',
      (_, scheme) => {
        const top = Scenario.load(scheme)
          .fillAll((i) => i.scale.max)
          .score();
        const bottom = Scenario.load(scheme)
          .fillAll((i) => i.scale.min)
          .score();
        expect(top.complete).toBe(true);
        expect(top.score).toBe(scheme.result.max);
        expect(bottom.score).toBe(scheme.result.min);
      },
    );
  });
});
