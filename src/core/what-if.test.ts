import { describe, expect, it } from 'vitest';
import { CoreError } from './errors.ts';
import { miniOmbudsman, miniOmbudsmanNext, miniSkm } from './test/fixtures.ts';
import type { UnitAnswers } from './types.ts';
import { whatIf } from './what-if.ts';

const answers: UnitAnswers = {
  sheets: [
    { instrument: 'pengguna', answers: { A1: 3, A2: 3 } },
    { instrument: 'pengguna', answers: { A1: 2, A2: 3 } },
    { instrument: 'pengguna', answers: { A1: 1, A2: 3 } },
    { instrument: 'pejabat', answers: { B1: 2, B2: 3 } },
    { instrument: 'pejabat', answers: { B1: 1, B2: 2 } },
  ],
};

describe('whatIf', () => {
  it('re-scores the same answers under a later scheme of the family (hand example)', () => {
    // From: 78.333… → 78.33 (see score-unit.test.ts).
    // To (a 50 % A1/A2 equal, b 30 % B1, c 20 % C1): A1 mean 2 → 2/3, A2 → 1, B1 1.5 → 1/2;
    // B2 is not in the new scheme (dropped); C1 has no answer.
    // D_a = (½·2/3 + ½·1)·100 = 83.333…, D_b = 50, D_c = 0
    // T = 0.5·83.333… + 0.3·50 = 41.666… + 15 = 56.666… → 56.67; delta = 56.67 − 78.33 = −21.66
    const w = whatIf(miniOmbudsman, miniOmbudsmanNext, answers);
    expect(w.from.score).toBe(78.33);
    expect(w.to.score).toBe(56.67);
    expect(w.to.schemeId).toBe('ombudsman-1992');
    expect(w.delta).toBe(-21.66);
    expect(w.unmapped).toEqual(['C1']);
    expect(w.to.complete).toBe(false);
    expect(w.to.band.code).toBe('C');
  });

  it('drops instruments the target does not have', () => {
    // Valid under miniOmbudsmanNext: pejabat answers B1 only; 'dokumen' answers C1.
    const next: UnitAnswers = {
      sheets: [
        ...answers.sheets.slice(0, 3),
        { instrument: 'pejabat', answers: { B1: 2 } },
        { instrument: 'pejabat', answers: { B1: 1 } },
        { instrument: 'dokumen', answers: { C1: 3 } },
      ],
    };
    // Back under miniOmbudsman: 'dokumen' is dropped, B2 has no answer.
    // A1 2/3, A2 1 → D_a = 83.333…; B1 1/2 → D_b = ¼·½·100 = 12.5
    // T = 0.4·83.333… + 0.6·12.5 = 33.333… + 7.5 = 40.833… → 40.83
    const back = whatIf(miniOmbudsmanNext, miniOmbudsman, next);
    expect(back.to.score).toBe(40.83);
    expect(back.unmapped).toEqual(['B2']);
  });

  it('drops answers to indicators the target does not know, instead of failing', () => {
    // B2 is answered on 'pejabat', which miniOmbudsmanNext also has, but without B2.
    const w = whatIf(miniOmbudsman, miniOmbudsmanNext, answers);
    expect(w.to.dimensions.flatMap((d) => d.variables.flatMap((v) => v.indicators.map((i) => i.code)))).toEqual(['A1', 'A2', 'B1', 'C1']);
  });

  it('is the identity when from and to are the same scheme', () => {
    const w = whatIf(miniOmbudsman, miniOmbudsman, answers);
    expect(w.delta).toBe(0);
    expect(w.to.raw).toBe(w.from.raw);
  });

  it('refuses schemes of different families', () => {
    try {
      whatIf(miniOmbudsman, miniSkm, answers);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CoreError);
      expect((e as CoreError).code).toBe('scheme.family_mismatch');
      expect((e as CoreError).details).toEqual({ from: 'ombudsman-1991', fromFamily: 'ombudsman', to: 'skm-1990', toFamily: 'skm' });
    }
  });
});
