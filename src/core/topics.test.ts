// Cross-scheme related indicators: the vocabulary parser, the load-time check, and
// relatedIndicators over the shipped library (symmetric, never the indicator itself).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { library, topics } from '../../methodologies/index.ts';
import topicsJson from '../../methodologies/topics.json' with { type: 'json' };
import { checkTopicUse, indicatorsWithTopics, parseTopics, relatedIndicators } from './topics.ts';
import type { Scheme } from './types.ts';

const schemes = [...library.values()];
const allIndicators = schemes.flatMap((s) =>
  [...s.dimensions.flatMap((d) => d.variables.flatMap((v) => v.indicators)), ...s.supplements.flatMap((g) => g.indicators)].map((i) => ({
    schemeId: s.id,
    code: i.code,
  })),
);

describe('parseTopics', () => {
  it('accepts the shipped vocabulary unchanged', () => {
    expect(parseTopics(topicsJson)).toEqual({ ok: true, value: topicsJson });
  });

  it('rejects a duplicate code, a code with capitals and a missing title, naming each path', () => {
    const broken = structuredClone(topicsJson) as { topics: { code: string; title?: unknown }[] };
    broken.topics[1]!.code = 'standar-pelayanan';
    broken.topics[2]!.code = 'Prosedur';
    delete broken.topics[3]!.title;
    const result = parseTopics(broken, 'methodologies/topics.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path)).toEqual(['topics[2].code', 'topics[3].title']);
    const dup = parseTopics({ ...topicsJson, topics: [topicsJson.topics[0], topicsJson.topics[0]] });
    expect(dup.ok ? [] : dup.issues).toEqual([
      { path: 'topics[1].code', message: 'duplicate topic code "standar-pelayanan" (already used at topics[0])' },
    ]);
  });
});

describe('checkTopicUse', () => {
  it('the shipped library passes', () => {
    expect(checkTopicUse(topics, schemes)).toEqual([]);
  });

  it('reports a topic used only once or not at all', () => {
    const only2021 = schemes.filter((s) => s.id === 'ombudsman-2021');
    const problems = checkTopicUse(topics, only2021, undefined, 'methodologies/topics.json');
    expect(problems).toContain('methodologies/topics.json: topics[7]: topic "skm" is used by one indicator only, so it relates nothing');
    expect(problems).toContain(
      'methodologies/topics.json: topics[14]: topic "jam-pelayanan" is used by no indicator, so it relates nothing',
    );
  });

  it('reports an unknown scheme-level topic', () => {
    const s: Scheme = { ...library.get('skm-2017')!, topics: ['ikm'] };
    expect(checkTopicUse(topics, [s], (id) => `methodologies/${id}.json`)).toContain(
      'methodologies/skm-2017.json: topics[0]: unknown topic "ikm" (not in the topic vocabulary)',
    );
  });
});

describe('relatedIndicators', () => {
  it('links the same code across the years of a family, with no topic needed', () => {
    const r = relatedIndicators(schemes, 'ombudsman-2023', 'S9');
    expect(r.map((x) => [x.schemeId, x.indicator, x.sameCode, x.topics])).toEqual([
      ['ombudsman-2022', 'S9', true, []],
      ['ombudsman-2024', 'S9', true, []],
      ['ombudsman-2025', 'S9', true, []],
    ]);
  });

  it('names the shared topics and marks supplement items', () => {
    const r = relatedIndicators(schemes, 'pekppp-2024', 'F03.14');
    const e2 = r.find((x) => x.schemeId === 'pekppp-2024' && x.indicator === 'E2')!;
    expect(e2).toMatchObject({
      family: 'pekppp',
      topics: ['pengaduan'],
      sameCode: false,
      supplement: false,
      ref: 'pekppp-2024/konsultasi/konsultasi-pengaduan/E2',
    });
    expect(r.find((x) => x.schemeId === 'pekppp-2023' && x.indicator === 'F03.14')).toMatchObject({ sameCode: true, supplement: true });
  });

  it('returns nothing for an unknown scheme or indicator', () => {
    expect(relatedIndicators(schemes, 'ombudsman-2019', 'P1')).toEqual([]);
    expect(relatedIndicators(schemes, 'ombudsman-2024', 'P99')).toEqual([]);
  });

  it('property: symmetric, and never lists the starting indicator', () => {
    fc.assert(
      fc.property(fc.constantFrom(...allIndicators), ({ schemeId, code }) => {
        const r = relatedIndicators(schemes, schemeId, code);
        expect(r.some((x) => x.schemeId === schemeId && x.indicator === code)).toBe(false);
        for (const x of r) {
          expect(relatedIndicators(schemes, x.schemeId, x.indicator).some((y) => y.schemeId === schemeId && y.indicator === code)).toBe(
            true,
          );
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('indicatorsWithTopics', () => {
  it("the SKM result (skm-2017 topics) is evidence for PEKPPP's SKM indicators and Ombudsman 2021's survey item", () => {
    const served = indicatorsWithTopics(schemes, library.get('skm-2017')!.topics ?? []).map((x) => `${x.schemeId}/${x.indicator}`);
    expect(served).toEqual([
      'ombudsman-2021/EV1',
      ...['pekppp-2022', 'pekppp-2023', 'pekppp-2024', 'pekppp-2025'].flatMap((id) => ['A6', 'A7', 'A8', 'A9'].map((c) => `${id}/${c}`)),
    ]);
  });
});
