import { describe, expect, it } from 'vitest';
import { getScheme } from '../../../methodologies/index.ts';
import { scoreUnit } from '../../core/index.ts';
import type { Sheet } from '../../core/types.ts';
import { claimAspects } from './unit-breakdown.tsx';

describe('claimAspects (the public unit page)', () => {
  const scheme = getScheme('pekppp-2024')!;
  const f01 = scheme.instruments.find((i) => i.role === 'claim')!;
  const f02 = scheme.instruments.find((i) => i.role === 'score')!;
  const sheet = (instrument: string, codes: string[], level: number): Sheet => ({
    instrument,
    answers: Object.fromEntries(codes.map((c) => [c, level])),
  });

  it('gives each aspect the IPP claimed (F-01) beside the verified one (F-02)', () => {
    const result = scoreUnit(scheme, { sheets: [sheet(f01.code, f01.covers, 5), sheet(f02.code, f02.covers, 3)] });
    const aspects = claimAspects(scheme, result, 'id');
    expect(aspects.map((a) => a.title)).toEqual(scheme.dimensions.map((d) => d.title.id));
    for (const a of aspects) {
      expect(a.claimed).toBeCloseTo(5, 9);
      expect(a.verified).toBeCloseTo(3, 9);
    }
  });

  it('is empty for a result without claims (Ombudsman, or F-01 not filled)', () => {
    const result = scoreUnit(scheme, { sheets: [sheet(f02.code, f02.covers, 3)] });
    expect(claimAspects(scheme, result, 'id')).toEqual([]);
    const ombudsman = getScheme('ombudsman-2024')!;
    const o = scoreUnit(ombudsman, { sheets: [] });
    expect(claimAspects(ombudsman, o, 'id')).toEqual([]);
  });
});
