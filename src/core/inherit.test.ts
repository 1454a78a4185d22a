// inheritPolicy: a scheme frozen on a cycle before the policy fields existed reads them from the
// library file of the same id, while everything that scores stays as frozen.
import { describe, expect, it } from 'vitest';
import { getScheme } from '../../methodologies/index.ts';
import { canonicalJson } from './canonical-json.ts';
import { mayFill } from './fill.ts';
import { inheritPolicy } from './inherit.ts';
import { parseScheme } from './parse-scheme.ts';
import { scoreUnit } from './score-unit.ts';
import type { Scheme } from './types.ts';
import { Scenario } from './test/scenario.ts';

const POLICY = new Set([
  'key',
  'topics',
  'selfAssessment',
  'formCode',
  'fromPopulation',
  'instructions',
  'fillers',
  'paperEntry',
  'entry',
  'profile',
  'publicResponse',
  'fieldwork',
  'verticalOffices',
  'units',
  'verification',
  'survey',
]);

/** A library scheme as a cycle froze it before the policy fields existed. */
function frozenBefore(s: Scheme): Scheme {
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (v === null || typeof v !== 'object') return v;
    return Object.fromEntries(
      Object.entries(v)
        .filter(([k]) => !POLICY.has(k))
        .map(([k, x]) => [k, strip(x)]),
    );
  };
  const old = strip(structuredClone(s)) as Scheme;
  old.assumptions = old.assumptions.filter((a) => parseScheme({ ...old, assumptions: [a] }).ok);
  return old;
}

describe('inheritPolicy', () => {
  const library = getScheme('pekppp-2024')!;
  const old = frozenBefore(library);

  it('fills who fills, entry rules, thresholds and awards from the library file', () => {
    expect(mayFill(old, 'f02', 'evaluator').allowed).toBe(false);
    const read = inheritPolicy(old, library);
    expect(mayFill(read, 'f02', 'evaluator')).toEqual({ allowed: true, mode: 'direct' });
    expect(mayFill(read, 'f02', 'operator').allowed).toBe(false);
    expect(read.verification).toEqual({ clarificationDays: 7, mandiri: { validatedBy: 'kemenpanrb' } });
    expect(read.awards?.units).toEqual(library.awards?.units);
    expect(read.aggregation.verticalOffices).toBe('with-parent');
    expect(read.dimensions[0]!.variables[0]!.indicators[0]!.selfAssessment).toEqual(
      library.dimensions[0]!.variables[0]!.indicators[0]!.selfAssessment,
    );
    expect(read.assumptions.map((a) => a.path)).toEqual(
      expect.arrayContaining(['verification/clarificationDays', 'instruments/f02/entry', 'awards/units']),
    );
    expect(parseScheme(read).ok).toBe(true);
  });

  it('never changes what scores: dimensions, weights, scales, bands, quotas, aggregation rule, supplements items', () => {
    const read = inheritPolicy(old, library);
    const scoring = (s: Scheme) =>
      canonicalJson({
        weights: s.dimensions.map((d) => [d.code, d.weight, d.variables.map((v) => v.indicators.map((i) => [i.code, i.weight, i.scale]))]),
        bands: s.bands,
        quotas: s.instruments.map((i) => [i.code, i.quota, i.covers, i.role]),
        aggregation: [s.aggregation.unit, s.aggregation.government],
        supplements: s.supplements.map((g) => g.indicators.map((i) => i.code)),
      });
    expect(scoring(read)).toBe(scoring(old));
    const answers = Scenario.load(old).fillAll((ind) => (ind.code.charCodeAt(0) + ind.code.length) % 6).sheets;
    expect(scoreUnit(read, { sheets: answers })).toEqual(scoreUnit(old, { sheets: answers }));
  });

  it('keeps what the frozen scheme has, even when the library changed it', () => {
    const own: Scheme = { ...old, verification: { clarificationDays: 14 } };
    expect(inheritPolicy(own, library).verification).toEqual({ clarificationDays: 14 });
  });

  it('adds nothing for items the frozen scheme lacks (F-03 items 12–15 stay out of an 11-item scheme)', () => {
    const eleven: Scheme = {
      ...old,
      supplements: old.supplements.map((g) => (g.code === 'f03' ? { ...g, indicators: g.indicators.slice(0, 11) } : g)),
    };
    const read = inheritPolicy(eleven, library);
    expect(read.supplements.find((g) => g.code === 'f03')!.indicators.map((i) => i.code)).toHaveLength(11);
    expect(read.assumptions.some((a) => a.path.startsWith('supplements/f03/indicators/F03.12'))).toBe(false);
  });

  it('returns the same object when nothing is missing, for another id, or without a library scheme; caches per pair', () => {
    expect(inheritPolicy(library, library)).toBe(library);
    expect(inheritPolicy(old, undefined)).toBe(old);
    expect(inheritPolicy(old, getScheme('pekppp-2023'))).toBe(old);
    expect(inheritPolicy(old, library)).toBe(inheritPolicy(old, library));
    const copy = structuredClone(library);
    expect(inheritPolicy(copy, library)).toBe(copy);
  });

  it('does not modify the frozen scheme', () => {
    const before = canonicalJson(old);
    inheritPolicy(old, library);
    expect(canonicalJson(old)).toBe(before);
  });

  it('inherits SKM answer keys level by level and the respondent profile', () => {
    const skm = getScheme('skm-2017')!;
    const read = inheritPolicy(frozenBefore(skm), skm);
    expect(read.dimensions[0]!.variables[0]!.indicators[8]!.scale.levels.map((l) => l.key)).toEqual(['a', 'b', 'c', 'd']);
    expect(read.instruments[0]!.profile).toEqual(skm.instruments[0]!.profile);
    expect(read.instruments[0]!.quota).toEqual({ target: 384, min: 1 });
  });
});
