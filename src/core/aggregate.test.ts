import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregate, evaluateQualifiers } from './aggregate.ts';
import { CoreError } from './errors.ts';
import { scoreUnit } from './score-unit.ts';
import { miniOmbudsman, miniProducts, miniSkm } from './test/fixtures.ts';

describe('aggregate', () => {
  describe("'units-mean'", () => {
    it.each([
      // scores, expected mean (hand: sum / n), band
      [[80, 90], 85, 'B'],
      [[87.99, 88.01], 88, 'A'],
      [[88, 88, 87.97], 87.99, 'B'], // 263.97 / 3 = 87.99
      [[53.99, 54.0], 54, 'C'], // 107.99 / 2 = 53.995 → 54.00
      [[31.99], 31.99, 'E'],
    ])('mean of %j is %s (%s)', (scores, expected, band) => {
      const g = aggregate(
        miniOmbudsman,
        scores.map((score) => ({ score })),
      );
      expect(g.score).toBe(expected);
      expect(g.band.code).toBe(band);
      expect(g.units).toBe(scores.length);
    });

    it('uses the full-precision raw when given, rounding only once', () => {
      // Raw totals 77.9951 and 77.994 publish as 78.00 and 77.99. The mean of the published
      // scores would be 77.995 → 78.00 (B); the mean of the raw totals is 77.99455 → 77.99 (C).
      const g = aggregate(miniOmbudsman, [
        { raw: 77.9951, score: 78 },
        { raw: 77.994, score: 77.99 },
      ]);
      expect(g.raw).toBeCloseTo(77.99455, 10);
      expect(g.score).toBe(77.99);
      expect(g.band.code).toBe('C');
    });

    it('accepts UnitScore objects directly', () => {
      const unit = scoreUnit(miniOmbudsman, {
        sheets: [
          { instrument: 'pengguna', answers: { A1: 3, A2: 3 } },
          { instrument: 'pengguna', answers: { A1: 3, A2: 3 } },
          { instrument: 'pengguna', answers: { A1: 3, A2: 3 } },
          { instrument: 'pejabat', answers: { B1: 3, B2: 3 } },
        ],
      });
      const g = aggregate(miniOmbudsman, [unit, { score: 50 }]);
      expect(g.score).toBe(75);
      expect(g.complete).toBe(true);
    });

    it('ignores weights', () => {
      expect(
        aggregate(miniOmbudsman, [
          { score: 60, weight: 9 },
          { score: 80, weight: 1 },
        ]).score,
      ).toBe(70);
    });

    it('is incomplete when any unit is', () => {
      expect(aggregate(miniOmbudsman, [{ score: 60 }, { score: 80, complete: false }]).complete).toBe(false);
      expect(aggregate(miniOmbudsman, [{ score: 60 }, { score: 80, complete: true }]).complete).toBe(true);
    });
  });

  describe("'products-mean' (2021)", () => {
    it('weights each unit by its number of products', () => {
      // (90 · 3 + 60 · 1) / 4 = 330 / 4 = 82.5 → hijau (≥ 81); the plain mean 75 would be kuning
      const g = aggregate(miniProducts, [
        { score: 90, weight: 3 },
        { score: 60, weight: 1 },
      ]);
      expect(g.score).toBe(82.5);
      expect(g.band.code).toBe('hijau');
    });

    it('rejects a total weight of 0', () => {
      expect(() => aggregate(miniProducts, [{ score: 90, weight: 0 }])).toThrow(/total weight is 0/);
    });
  });

  it('rejects an empty list with aggregate.empty', () => {
    try {
      aggregate(miniOmbudsman, []);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CoreError);
      expect((e as CoreError).code).toBe('aggregate.empty');
    }
  });

  it('rejects a non-finite score', () => {
    expect(() => aggregate(miniOmbudsman, [{ score: Number.NaN }])).toThrow(/units\[0\] score/);
  });

  it('gives an incomplete SKM preview below 25 the lowest band instead of failing', () => {
    const g = aggregate(miniSkm, [{ score: 11.11, complete: false }]);
    expect(g.score).toBe(11.11);
    expect(g.band.code).toBe('D');
    expect(() => aggregate(miniSkm, [{ score: 11.11 }])).toThrow(CoreError);
  });

  it('does not depend on the order of the units (property)', () => {
    const unit = fc.record({
      raw: fc.double({ min: 0, max: 100, noNaN: true }),
      weight: fc.integer({ min: 1, max: 12 }),
    });
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: 20 }), fc.infiniteStream(fc.nat()), (units, seeds) => {
        const list = units.map((u) => ({ ...u, score: u.raw }));
        const shuffled = [...list];
        for (let k = shuffled.length - 1; k > 0; k--) {
          const j = seeds.next().value % (k + 1);
          [shuffled[k], shuffled[j]] = [shuffled[j]!, shuffled[k]!];
        }
        for (const scheme of [miniOmbudsman, miniProducts]) {
          const a = aggregate(scheme, list);
          const b = aggregate(scheme, shuffled);
          if (a.raw !== b.raw || a.score !== b.score || a.band.code !== b.band.code) return false;
        }
        return true;
      }),
    );
  });

  it('stays between the lowest and highest unit (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 20 }), (scores) => {
        const g = aggregate(
          miniOmbudsman,
          scores.map((raw) => ({ raw, score: raw })),
        );
        return g.raw >= Math.min(...scores) - 1e-9 && g.raw <= Math.max(...scores) + 1e-9;
      }),
    );
  });
});

describe('evaluateQualifiers', () => {
  it.each([
    [
      'every due product followed up',
      [
        { kind: 'rekomendasi', followedUp: true },
        { kind: 'tindakan-korektif', followedUp: true },
      ],
      true,
    ],
    [
      'one due product not followed up',
      [
        { kind: 'rekomendasi', followedUp: true },
        { kind: 'tindakan-korektif', followedUp: false },
      ],
      false,
    ],
    ['nothing due (whenNoneDue: true)', [], true],
    ['only kinds the qualifier ignores', [{ kind: 'saran-perbaikan', followedUp: false }], true],
  ])('%s → applies %s', (_, products, applies) => {
    expect(evaluateQualifiers(miniOmbudsman, { products })).toEqual([
      { code: 'tanpa-maladministrasi', label: { id: 'Tanpa Maladministrasi', en: 'Without Maladministration' }, applies },
    ]);
  });

  it('does not apply when nothing is known', () => {
    expect(evaluateQualifiers(miniOmbudsman)[0]!.applies).toBe(false);
  });

  it('honours whenNoneDue: false', () => {
    const strict = {
      ...miniOmbudsman,
      qualifiers: miniOmbudsman.qualifiers.map((q) => ({ ...q, rule: { ...q.rule, whenNoneDue: false } })),
    };
    expect(evaluateQualifiers(strict, { products: [] })[0]!.applies).toBe(false);
  });

  it('is reported beside the score, never folded into it', () => {
    const followed = aggregate(miniOmbudsman, [{ score: 70 }], { products: [{ kind: 'rekomendasi', followedUp: true }] });
    const notFollowed = aggregate(miniOmbudsman, [{ score: 70 }], { products: [{ kind: 'rekomendasi', followedUp: false }] });
    expect(followed.score).toBe(notFollowed.score);
    expect(followed.qualifiers[0]!.applies).toBe(true);
    expect(notFollowed.qualifiers[0]!.applies).toBe(false);
  });

  it('is empty for a scheme without qualifiers', () => {
    expect(aggregate(miniProducts, [{ score: 70 }]).qualifiers).toEqual([]);
  });
});

describe('vertical offices (issue 17 §3)', () => {
  // A ministry with a headquarters unit (90) and two Polres in provinces (70, 80).
  const units = [{ score: 90 }, { score: 70, vertical: true }, { score: 80, vertical: true }];

  it("'with-parent' (and a scheme that says nothing): a vertical office is one more unit of its ministry", () => {
    expect(
      aggregate({ ...miniOmbudsman, aggregation: { ...miniOmbudsman.aggregation, verticalOffices: 'with-parent' } }, units),
    ).toMatchObject({
      score: 80,
      units: 3,
    });
    expect(aggregate(miniOmbudsman, units)).toMatchObject({ score: 80, units: 3 });
  });

  it("'separate': vertical offices are left out of the parent's result", () => {
    const separate = { ...miniOmbudsman, aggregation: { ...miniOmbudsman.aggregation, verticalOffices: 'separate' as const } };
    expect(aggregate(separate, units)).toMatchObject({ score: 90, units: 1 });
    expect(() => aggregate(separate, units.slice(1))).toThrow(CoreError);
    // Input indices in messages still point at the caller's list.
    expect(() => aggregate(separate, [...units, { score: Number.NaN }])).toThrow('units[3] score is not a finite number');
  });
});
