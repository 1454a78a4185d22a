// The evidence library's rules (issue 12 §3): the document-type file, validity on a date, the
// date a cycle judges a document on, and suggestions from the cross-scheme topics.
import { describe, expect, it } from 'vitest';
import { documentTypes, getScheme, topics } from '../../methodologies/index.ts';
import documentTypesJson from '../../methodologies/document-types.json' with { type: 'json' };
import { cycleJudgingDate, documentValidity, parseDocumentTypes, suggestIndicators } from './library-docs.ts';

describe('parseDocumentTypes', () => {
  it('accepts the shipped file, whose topics all exist', () => {
    expect(parseDocumentTypes(documentTypesJson, topics)).toEqual({ ok: true, value: documentTypesJson });
    expect(documentTypes.types.map((t) => t.code)).toContain('maklumat-pelayanan');
  });

  it('names an unknown topic and a duplicate code', () => {
    const broken = structuredClone(documentTypesJson);
    broken.types[1]!.topics = ['maklumat', 'tidak-ada'];
    broken.types[2]!.code = broken.types[0]!.code;
    const r = parseDocumentTypes(broken, topics, 'document-types.json');
    expect(r.ok ? [] : r.issues.map((i) => i.message)).toEqual([
      'document-types.json: types[1].topics[1]: unknown topic "tidak-ada"',
      'document-types.json: types[2].code: duplicate type code "sk-standar-pelayanan"',
    ]);
  });
});

describe('documentValidity', () => {
  it('keeps the end date valid, expires the day after, warns inside the window', () => {
    expect(documentValidity('2025-12-31', '2025-12-31', 60)).toEqual({ validity: 'expiring', daysLeft: 0 });
    expect(documentValidity('2025-12-31', '2026-01-01', 60)).toEqual({ validity: 'expired', daysLeft: -1 });
    expect(documentValidity('2025-12-31', '2025-11-01', 60)).toEqual({ validity: 'expiring', daysLeft: 60 });
    expect(documentValidity('2025-12-31', '2025-10-31', 60)).toEqual({ validity: 'valid', daysLeft: 61 });
    expect(documentValidity(null, '2025-10-31', 60)).toEqual({ validity: 'open', daysLeft: null });
  });

  it('refuses a date that is not a calendar day', () => {
    expect(() => documentValidity('2025-02-30', '2025-01-01', 60)).toThrow();
  });
});

describe('cycleJudgingDate', () => {
  it('judges a past cycle on its year end and a running one today', () => {
    expect(cycleJudgingDate(2023, '2026-12-05')).toBe('2023-12-31');
    expect(cycleJudgingDate(2026, '2026-12-05')).toBe('2026-12-05');
    // A document that ended in 2024 was valid for the 2023 cycle, expired for the 2026 one.
    expect(documentValidity('2024-06-30', cycleJudgingDate(2023, '2026-12-05'), 60).validity).toBe('valid');
    expect(documentValidity('2024-06-30', cycleJudgingDate(2026, '2026-12-05'), 60).validity).toBe('expired');
  });
});

describe('suggestIndicators', () => {
  const omb = { cycleId: 'c-omb', scheme: getScheme('ombudsman-2024')! };
  const pek = { cycleId: 'c-pek', scheme: getScheme('pekppp-2024')! };

  it("suggests a maklumat for the maklumat indicators of both schemes from the type's topic", () => {
    const s = suggestIndicators([omb, pek], ['maklumat'], []);
    expect(s.map((x) => `${x.cycleId}:${x.indicator}:${x.reason}`)).toEqual(['c-omb:P6A:type', 'c-omb:P6B:type', 'c-pek:A5:type']);
  });

  it('suggests the related indicators of another scheme once linked, never the linked one', () => {
    const s = suggestIndicators([omb, pek], [], [{ cycleId: 'c-omb', indicator: 'P6A' }]);
    const codes = s.map((x) => `${x.cycleId}:${x.indicator}`);
    expect(codes).toContain('c-pek:A5');
    expect(codes).toContain('c-omb:P6B');
    expect(codes).not.toContain('c-omb:P6A');
    expect(s.every((x) => x.reason === 'related' && x.topics.includes('maklumat'))).toBe(true);
    // Linked on both sides: nothing of the maklumat topic is left.
    const all = suggestIndicators(
      [omb, pek],
      ['maklumat'],
      [
        { cycleId: 'c-omb', indicator: 'P6A' },
        { cycleId: 'c-omb', indicator: 'P6B' },
        { cycleId: 'c-pek', indicator: 'A5' },
      ],
    );
    expect(all).toEqual([]);
  });

  it('lists an indicator of a scheme used by two cycles once per cycle, and ignores unknown cycles', () => {
    const omb2 = { cycleId: 'c-omb-2', scheme: omb.scheme };
    const s = suggestIndicators([omb, omb2], ['maklumat'], [{ cycleId: 'elsewhere', indicator: 'P6A' }]);
    expect(s.map((x) => `${x.cycleId}:${x.indicator}`)).toEqual(['c-omb:P6A', 'c-omb:P6B', 'c-omb-2:P6A', 'c-omb-2:P6B']);
  });
});

describe('suggestIndicators: an SKM report where the IKM is evidence (issue 11 §7)', () => {
  const omb = { cycleId: 'omb', scheme: getScheme('ombudsman-2024')! };
  const pek = { cycleId: 'pek', scheme: getScheme('pekppp-2024')! };
  const skmTopics = getScheme('skm-2017')!.topics ?? [];
  const names = (list: ReturnType<typeof suggestIndicators>) => list.map((s) => `${s.cycleId}:${s.indicator}:${s.reason}`);

  it("suggests a Laporan SKM for PEKPPP's SKM indicators by topic, and for the Output indicators of a ministry's unit", () => {
    expect(skmTopics).toEqual(['skm']);
    const ministry = suggestIndicators([omb, pek], ['skm'], [], { topics: skmTopics, bodyType: 'kementerian' });
    expect(names(ministry)).toEqual([
      'omb:O1:type',
      'omb:O2:type',
      'omb:O3:type',
      'omb:O4:type',
      'omb:O5:type',
      'pek:A6:type',
      'pek:A7:type',
      'pek:A8:type',
      'pek:A9:type',
    ]);
    expect(ministry.find((s) => s.indicator === 'O1')!.topics).toEqual(['skm']);
  });

  it("not for a pemda unit's Output indicators (the library takes the IKM there only from ministries and agencies), nor for other document types", () => {
    const kota = suggestIndicators([omb, pek], ['skm'], [], { topics: skmTopics, bodyType: 'kota' });
    expect(names(kota)).toEqual(['pek:A6:type', 'pek:A7:type', 'pek:A8:type', 'pek:A9:type']);
    expect(names(suggestIndicators([omb], ['skm'], []))).toEqual([]);
    const maklumat = suggestIndicators([omb], ['maklumat'], [], { topics: skmTopics, bodyType: 'kementerian' });
    expect(maklumat.some((s) => s.indicator.startsWith('O'))).toBe(false);
    // Linked already: not suggested again.
    const linked = suggestIndicators([omb], ['skm'], [{ cycleId: 'omb', indicator: 'O2' }], { topics: skmTopics, bodyType: 'lembaga' });
    expect(names(linked.filter((x) => x.reason === 'type'))).toEqual(['omb:O1:type', 'omb:O3:type', 'omb:O4:type', 'omb:O5:type']);
  });
});
