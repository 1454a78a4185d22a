import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { improvements } from './improve.ts';
import { scoreUnit } from './score-unit.ts';
import { unitAnswers } from './test/arbitraries.ts';
import { fixtures, miniOmbudsman, miniProducts } from './test/fixtures.ts';
import type { Improvement, Scheme, UnitAnswers } from './types.ts';

const example: UnitAnswers = {
  sheets: [
    { instrument: 'pengguna', answers: { A1: 3, A2: 3 } },
    { instrument: 'pengguna', answers: { A1: 2, A2: 3 } },
    { instrument: 'pengguna', answers: { A1: 1, A2: 3 } },
    { instrument: 'pejabat', answers: { B1: 2, B2: 3 } },
    { instrument: 'pejabat', answers: { B1: 1, B2: 2 } },
  ],
};

const brief = (list: Improvement[]): [string, number | null, number, number, number][] =>
  list.map((i) => [i.indicator, i.from, i.to, Number(i.unitGain.toFixed(4)), Number(i.governmentGain.toFixed(4))]);

/**
 * Re-score with `code` answered `level` on every non-blank score sheet covering it (adding one
 * sheet if none): a blank sheet is not a respondent or product (it does not count).
 */
function rescoreRaised(scheme: Scheme, answers: UnitAnswers, code: string, level: number): number {
  const covering = new Set(scheme.instruments.filter((i) => i.role === 'score' && i.covers.includes(code)).map((i) => i.code));
  let touched = false;
  const sheets = answers.sheets.map((s) => {
    if (!covering.has(s.instrument) || Object.values(s.answers).every((v) => v === null || v === undefined)) return s;
    touched = true;
    return { ...s, answers: { ...s.answers, [code]: level } };
  });
  if (!touched) sheets.push({ instrument: [...covering][0]!, answers: { [code]: level } });
  return scoreUnit(scheme, { sheets }).raw;
}

describe('improvements', () => {
  it('lists every higher level with its gain, largest first (hand example)', () => {
    // Effective weights A1 20, A2 20, B1 15, B2 45 points at full marks.
    // A1 at 2 (13.333 points): → 3 gains 20 − 13.333 = 6.6667
    // A2 at 3: nothing above.
    // B1 at 1.5 (7.5 points): → 2 gains 15·2/3 − 7.5 = 2.5; → 3 gains 15 − 7.5 = 7.5
    // B2 at 2.5 (37.5 points): → 3 gains 45 − 37.5 = 7.5
    // Government of 5 units: each gain / 5. Ties (7.5) by indicator code.
    expect(brief(improvements(miniOmbudsman, example, { governmentUnits: 5 }))).toEqual([
      ['B1', 1.5, 3, 7.5, 1.5],
      ['B2', 2.5, 3, 7.5, 1.5],
      ['A1', 2, 3, 6.6667, 1.3333],
      ['B1', 1.5, 2, 2.5, 0.5],
    ]);
  });

  it('carries the level descriptor, ref and dimension', () => {
    const [first] = improvements(miniOmbudsman, example);
    expect(first).toMatchObject({
      indicator: 'B1',
      ref: 'ombudsman-1991/b/vb1/B1',
      dimension: 'b',
      to: 3,
      descriptor: { id: 'tingkat 3', en: 'level 3' },
    });
  });

  it('counts a missing indicator as below every level (level 0 gains nothing and is left out)', () => {
    const withoutA2: UnitAnswers = {
      sheets: example.sheets.map((s) => (s.instrument === 'pengguna' ? { ...s, answers: { A1: s.answers.A1 } } : s)),
    };
    const a2 = improvements(miniOmbudsman, withoutA2).filter((i) => i.indicator === 'A2');
    // A2 is worth 20 points at level 3: levels 1, 2, 3 gain 6.667, 13.333, 20
    expect(brief(a2)).toEqual([
      ['A2', null, 3, 20, 20],
      ['A2', null, 2, 13.3333, 13.3333],
      ['A2', null, 1, 6.6667, 6.6667],
    ]);
  });

  it('weights the government gain by products under products-mean', () => {
    // Two products: P1 present in both, P2 in one, P3 in none. Each item 33.333 points.
    // P3 → 1 (in every product) gains 33.333; P2 → 1 gains 33.333 − 16.667 = 16.667.
    // Government of 8 products in all: this unit weighs 2/8.
    const answers: UnitAnswers = {
      sheets: [
        { instrument: 'produk', answers: { P1: 1, P2: 1, P3: 0 } },
        { instrument: 'produk', answers: { P1: 1, P2: 0, P3: 0 } },
      ],
    };
    expect(brief(improvements(miniProducts, answers, { governmentWeight: 8 }))).toEqual([
      ['P3', 0, 1, 33.3333, 8.3333],
      ['P2', 0.5, 1, 16.6667, 4.1667],
    ]);
  });

  it('is empty when everything is at its top level', () => {
    const top: UnitAnswers = {
      sheets: example.sheets.map((s) => ({ ...s, answers: Object.fromEntries(Object.keys(s.answers).map((k) => [k, 3])) })),
    };
    expect(improvements(miniOmbudsman, top)).toEqual([]);
  });

  it.each(Object.values(fixtures).map((s) => [s.id, s] as const))(
    '%s: every gain equals the change of a real re-score, and the list is sorted (property)',
    (_, scheme) => {
      fc.assert(
        fc.property(unitAnswers(scheme), (answers) => {
          const base = scoreUnit(scheme, answers).raw;
          const list = improvements(scheme, answers);
          for (const imp of list) {
            const raised = rescoreRaised(scheme, answers, imp.indicator, imp.to);
            if (Math.abs(raised - base - imp.unitGain) > 1e-9) return false;
            if (!(imp.unitGain > 0)) return false;
          }
          return list.every(
            (imp, k) =>
              k === 0 ||
              list[k - 1]!.unitGain > imp.unitGain + 1e-9 ||
              (Math.abs(list[k - 1]!.unitGain - imp.unitGain) <= 1e-9 && list[k - 1]!.indicator <= imp.indicator),
          );
        }),
        { numRuns: 100 },
      );
    },
  );
});
