// Target planner (issue 12 §6): a case computed by hand on the mini scheme, the competition
// ranking rule at ties, and the optimum checked against exhaustive search.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getScheme } from '../../methodologies/index.ts';
import { aggregate } from './aggregate.ts';
import { CoreError } from './errors.ts';
import { indicatorLevels, planTarget } from './plan.ts';
import { round2 } from './round.ts';
import { scoreUnit } from './score-unit.ts';
import { miniOmbudsman } from './test/fixtures.ts';
import type { PlanPeer, PlanUnit, Scheme } from './types.ts';

/*
 * miniOmbudsman: scale 0–3; effective weights A1 20 %, A2 20 %, B1 15 %, B2 45 %, so one level
 * step is worth 6.667 / 6.667 / 5 / 15 unit points, and half that for a government of two units.
 *
 *   u1: A1 2, A2 3, B1 1, B2 2 → 13.333 + 20 + 5 + 30 = 68.333
 *   u2: A1 3, A2 1, B1 3, B2 3 → 20 + 6.667 + 15 + 45 = 86.667
 *   government = (68.333 + 86.667) / 2 = 77.50
 *
 * Peers (published): P1 88.00, P2 80.00, P3 80.00, P4 79.10, P5 70.00 → the government is 5th of 6.
 * One-step fixes and their government gain: u1 A1 2→3 +3.333, u1 B1 1→2 +2.5, u1 B2 2→3 +7.5,
 * u2 A2 1→2 +3.333; two-step: u1 B1 1→3 +5, u2 A2 1→3 +6.667.
 */
const units: PlanUnit[] = [
  { id: 'u1', name: 'Disdukcapil', levels: { A1: 2, A2: 3, B1: 1, B2: 2 } },
  { id: 'u2', name: 'DPMPTSP', levels: { A1: 3, A2: 1, B1: 3, B2: 3 } },
];
const peers: PlanPeer[] = [
  { id: 'P1', name: 'Kota A', score: 88 },
  { id: 'P2', name: 'Kota B', score: 80 },
  { id: 'P3', name: 'Kab C', score: 80 },
  { id: 'P4', name: 'Kab D', score: 79.1 },
  { id: 'P5', name: 'Kab E', score: 70 },
];
const fixes = (plan: ReturnType<typeof planTarget>) => plan.fixes.map((f) => `${f.unit} ${f.indicator} ${f.from}→${f.to}`);

describe('planTarget (hand-computed)', () => {
  it('starts from 77.50, 5th of 6', () => {
    const plan = planTarget(miniOmbudsman, units, peers, { rank: 5 });
    expect(plan.current).toMatchObject({ score: 77.5, rank: 5, of: 6 });
    expect(plan.current.raw).toBeCloseTo(77.5, 10);
    expect(plan).toMatchObject({
      status: 'already',
      fixes: [],
      steps: 0,
      target: { rank: 5, score: 70, needed: 0 },
      peersAssumedUnchanged: true,
    });
  });

  it('rank 1 needs +10.50 (88.00): two steps, u1 A1 2→3 and u1 B2 2→3 (+10.83) → 88.33', () => {
    const plan = planTarget(miniOmbudsman, units, peers, { rank: 1 });
    expect(plan.status).toBe('reachable');
    expect(plan.target).toEqual({ rank: 1, score: 88, needed: 10.5, tiedWith: ['P1'] });
    // u2 A2 1→2 gains as much as u1 A1 2→3: the tie goes to the earlier unit.
    expect(fixes(plan)).toEqual(['u1 A1 2→3', 'u1 B2 2→3']);
    expect(plan.steps).toBe(2);
    expect(plan.fixes.map((f) => round2(f.governmentGain))).toEqual([3.33, 7.5]);
    expect(plan.fixes.map((f) => round2(f.unitGain))).toEqual([6.67, 15]);
    expect(plan.fixes[1]!.descriptor).toEqual(miniOmbudsman.dimensions[1]!.variables[1]!.indicators[0]!.scale.levels[3]!.descriptor);
    expect(plan.result).toMatchObject({ score: 88.33, rank: 1 });
    expect(plan.maximum).toMatchObject({ score: 100, rank: 1 });
  });

  it('rank 2 and rank 3 both need 80.00 (two peers tie at 80 and share rank 2): one step; the largest one-step gain wins', () => {
    for (const r of [2, 3]) {
      const plan = planTarget(miniOmbudsman, units, peers, { rank: r });
      expect(plan.target).toEqual({ rank: r, score: 80, needed: 2.5, tiedWith: ['P2', 'P3'] });
      expect(fixes(plan)).toEqual(['u1 B2 2→3']);
      expect(plan.result).toMatchObject({ score: 85, rank: 2 });
    }
  });

  it('reaching a score exactly equal to a peer shares its rank (competition ranking)', () => {
    // Only B1 may change: u1 B1 1→2 is +2.50 → exactly 80.00, tied 2nd with P2 and P3.
    const plan = planTarget(miniOmbudsman, units, peers, { rank: 2 }, { fixable: ['B1'] });
    expect(fixes(plan)).toEqual(['u1 B1 1→2']);
    expect(plan.result).toMatchObject({ score: 80, rank: 2 });
  });

  it('unreachable when the fixable indicators cannot get there; the maximum says how far they can', () => {
    const plan = planTarget(miniOmbudsman, units, peers, { rank: 1 }, { fixable: ['B1'] });
    // u1 B1 1→3 is +5 at most → 82.50, 2nd.
    expect(plan).toMatchObject({
      status: 'unreachable',
      fixes: [],
      steps: 0,
      result: { score: 77.5, rank: 5 },
      maximum: { score: 82.5, rank: 2 },
    });
  });

  it('a target rank beyond the group is already held; a rank below 1 is refused', () => {
    expect(planTarget(miniOmbudsman, units, peers, { rank: 9 }).status).toBe('already');
    expect(() => planTarget(miniOmbudsman, units, peers, { rank: 0 })).toThrow(CoreError);
    expect(() => planTarget(miniOmbudsman, [], peers, { rank: 1 })).toThrow(/no units/);
    expect(() => planTarget(miniOmbudsman, [{ id: 'x', levels: { A1: 4 } }], peers, { rank: 1 })).toThrow(/a value from 0 to 3/);
    expect(() => planTarget(miniOmbudsman, [{ id: 'x', levels: { Z9: 1 } }], peers, { rank: 1 })).toThrow(
      /an indicator code of ombudsman-1991/,
    );
  });

  it('a missing indicator counts from the scale minimum and gains its whole weight', () => {
    const plan = planTarget(miniOmbudsman, [{ id: 'u', levels: { A1: 3, A2: 3, B1: 3 } }], [{ id: 'p', name: 'p', score: 60 }], {
      rank: 1,
    });
    // B2 missing: 55.00 now; B2 → 1 (one step) is +15 → 70.00 > 60.
    expect(plan.current.score).toBe(55);
    expect(fixes(plan)).toEqual(['u B2 null→1']);
    expect(plan.fixes[0]!.steps).toBe(1);
  });

  it('a fractional mean (users) costs whole steps from its floor', () => {
    const plan = planTarget(miniOmbudsman, [{ id: 'u', levels: { A1: 2.4, A2: 3, B1: 3, B2: 3 } }], [{ id: 'p', name: 'p', score: 99 }], {
      rank: 1,
    });
    expect(plan.fixes).toMatchObject([{ indicator: 'A1', from: 2.4, to: 3, steps: 1 }]);
    expect(round2(plan.fixes[0]!.unitGain)).toBe(4); // 20 × 0.6 / 3
  });
});

describe('planTarget on a library scheme', () => {
  it('pekppp-2024: levels read from scoreUnit, the government IPP as aggregate computes it', () => {
    const s = getScheme('pekppp-2024')!;
    const codes = s.dimensions.flatMap((d) => d.variables.flatMap((v) => v.indicators.map((i) => i.code)));
    const unitScores = [3, 4].map((level) =>
      scoreUnit(s, { sheets: [{ instrument: 'f02', answers: Object.fromEntries(codes.map((c) => [c, level])) }] }),
    );
    const plan = planTarget(
      s,
      unitScores.map((u, k) => ({ id: `u${k}`, levels: indicatorLevels(u) })),
      [{ id: 'p', name: 'Kab P', score: 3.6 }],
      { rank: 1 },
    );
    expect(plan.current.score).toBe(aggregate(s, unitScores).score);
    expect(plan.current.score).toBe(3.5);
    // +0.10 needed; one step of B5 (0.25 × 0.30 = 0.075 unit, 0.0375 government) is the largest step: three steps are needed.
    expect(plan.status).toBe('reachable');
    expect(plan.steps).toBe(3);
    expect(plan.result.score).toBeGreaterThanOrEqual(3.6);
    expect(plan.fixes.every((f) => f.indicator === 'B5')).toBe(true);
  });
});

describe('planTarget is optimal (exhaustive search on small cases)', () => {
  /** Every choice of a target level (or none) per unit × indicator: fewest steps, then most gain. */
  function bruteForce(scheme: Scheme, us: PlanUnit[], threshold: number): { steps: number; raw: number } | null {
    const codes = ['A1', 'A2', 'B1', 'B2'];
    const slots = us.flatMap((u, ui) => codes.map((c) => ({ ui, c, from: u.levels[c] ?? null })));
    let best: { steps: number; raw: number } | null = null;
    const choose = (k: number, levels: Record<string, number | null>[], steps: number): void => {
      if (k === slots.length) {
        const raws = levels.map(
          (l) =>
            scoreUnit(scheme, {
              sheets: [
                { instrument: 'pengguna', answers: { A1: l['A1'], A2: l['A2'] } },
                { instrument: 'pejabat', answers: { B1: l['B1'], B2: l['B2'] } },
              ],
            }).raw,
        );
        const raw = raws.reduce((a, b) => a + b, 0) / raws.length;
        if (round2(raw) >= threshold && (best === null || steps < best.steps || (steps === best.steps && raw > best.raw + 1e-9)))
          best = { steps, raw };
        return;
      }
      const { ui, c, from } = slots[k]!;
      choose(k + 1, levels, steps);
      for (let to = Math.floor(from ?? 0) + 1; to <= 3; to++) {
        const next = levels.map((l, j) => (j === ui ? { ...l, [c]: to } : l));
        choose(k + 1, next, steps + to - Math.floor(from ?? 0));
      }
    };
    choose(
      0,
      us.map((u) => ({ ...u.levels }) as Record<string, number | null>),
      0,
    );
    return best;
  }

  const level = fc.integer({ min: 0, max: 3 });
  const unit = fc.record({ A1: level, A2: level, B1: level, B2: level });

  it('matches the fewest steps and the largest gain', () => {
    fc.assert(
      fc.property(
        fc.array(unit, { minLength: 1, maxLength: 2 }),
        fc.array(fc.integer({ min: 0, max: 10000 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 3 }),
        (levels, peerCents, r) => {
          const us = levels.map((l, k) => ({ id: `u${k}`, levels: l }));
          const ps = peerCents.map((c, k) => ({ id: `p${k}`, name: `p${k}`, score: c / 100 }));
          const plan = planTarget(miniOmbudsman, us, ps, { rank: r });
          const sorted = ps.map((p) => p.score).sort((a, b) => b - a);
          const threshold = r > sorted.length ? 0 : sorted[r - 1]!;
          if (plan.status === 'already') {
            expect(plan.current.score).toBeGreaterThanOrEqual(threshold);
            return;
          }
          const best = bruteForce(miniOmbudsman, us, threshold);
          if (best === null) {
            expect(plan.status).toBe('unreachable');
            return;
          }
          expect(plan.status).toBe('reachable');
          expect(plan.steps).toBe(best.steps);
          expect(plan.result.raw).toBeCloseTo(best.raw, 9);
          expect(plan.result.rank).toBeLessThanOrEqual(r);
        },
      ),
      { numRuns: 40 },
    );
  });
});
