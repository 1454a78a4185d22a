/**
 * Multi-step rules through the scenario facade: load a scheme, answer step by step, expect
 * the band, completeness and missing codes after each step.
 */
import { describe, it } from 'vitest';
import { miniOmbudsman, miniPekppp, miniSkm } from './test/fixtures.ts';
import { Scenario } from './test/scenario.ts';

describe('scenarios', () => {
  it('a unit becomes complete only when its last required sheet arrives', () => {
    const s = Scenario.load(miniOmbudsman).answer('pejabat', { B1: 3, B2: 3 }).answer('pengguna', { A1: 3, A2: 3 }, 2);
    // All indicators answered, full marks, but 2 of 3 users: publishable score, not complete.
    s.expectMissing([]).expectScore(100).expectComplete(false);
    s.answer('pengguna', { A1: 3, A2: 3 }).expectComplete(true).expectBand('A');
  });

  it('weak officials drag the unit from A to B, then to C', () => {
    // Full marks (3 users, 2 officials): 100 → A.
    const s = Scenario.load(miniOmbudsman).fillAll(3).expectScore(100).expectBand('A');
    // A third official answers 0, 0: B1 and B2 means 2 → (15 + 45) · 2/3 = 40; + A 40 → 80 → B
    s.answer('pejabat', { B1: 0, B2: 0 }).expectScore(80).expectBand('B');
    // A fourth: means 1.5 → 60 · 1.5/3 = 30; + 40 → 70 → C
    s.answer('pejabat', { B1: 0, B2: 0 }).expectScore(70).expectBand('C');
  });

  it('answering a missing indicator turns an incomplete preview into a complete unit', () => {
    const s = Scenario.load(miniOmbudsman)
      .fillAll((i) => (i.code === 'B2' ? null : 2))
      .expectMissing(['B2'])
      .expectComplete(false);
    // Everything at 2 except B2: 2/3 · 55 = 36.67 → D
    s.expectScore(36.67).expectBand('D');
    // The second official (min is 1) answers B2 = 3: B2 → 45 points; total 36.67 + 45 = 81.67 → B
    s.answer('pejabat', { B2: 3 }).expectMissing([]).expectComplete(true).expectScore(81.67).expectBand('B');
  });

  it('a PEKPPP self-assessment claim does not move the predicate; the evaluator does', () => {
    const s = Scenario.load(miniPekppp).answer('f01', { K1: 5, K2: 5, S1: 5 }).answer('f03', { Q1: 5, Q2: 5 });
    // Nothing scored yet: 0 → F
    s.expectBand('F').expectMissing(['K1', 'K2', 'S1']);
    // Evaluator: K1 3, K2 3, S1 3 → 3.00 → C (2.01 ≤ x < 3.01), although the claim says 5
    s.answer('f02', { K1: 3, K2: 3, S1: 3 }).expectScore(3).expectBand('C').expectComplete(true);
  });

  it('an SKM survey moves band as respondents arrive', () => {
    const all = (v: number) => Object.fromEntries(['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'].map((u) => [u, v]));
    const s = Scenario.load(miniSkm).answer('responden', all(4), 2).expectScore(100).expectBand('A').expectComplete(false);
    // Third respondent answers 2 everywhere: NRR 10/3 each → 25 · 9 · (10/3) / 9 = 83.33 → B
    s.answer('responden', all(2)).expectScore(83.33).expectBand('B').expectComplete(true);
  });
});
