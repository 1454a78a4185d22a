// PEKPPP beyond the IPP: claims (F-01) against verdicts (F-02), F-03 beside the IPP, and the
// clarification window — each against numbers computed by hand below.
import { describe, expect, it } from 'vitest';
import { getScheme } from '../../methodologies/index.ts';
import { CoreError } from './errors.ts';
import { clarificationWindow, compareClaims, supplementSummaries } from './pekppp.ts';
import { scoreUnit } from './score-unit.ts';
import type { Scheme, Sheet } from './types.ts';

const pekppp = getScheme('pekppp-2024')!;
const scored = pekppp.dimensions.flatMap((d) => d.variables.flatMap((v) => v.indicators.map((i) => i.code)));

/**
 * F-02: every indicator 3, except D1 not yet scored.
 * F-01: every indicator claimed 4, except A2 = 2 (under), C1 = 3 (equal), B5 unclaimed.
 */
function unitSheets(): Sheet[] {
  const f02: Sheet['answers'] = Object.fromEntries(scored.map((c) => [c, c === 'D1' ? null : 3]));
  const f01: Sheet['answers'] = Object.fromEntries(scored.map((c) => [c, c === 'A2' ? 2 : c === 'C1' ? 3 : c === 'B5' ? null : 4]));
  return [
    { instrument: 'f01', answers: f01 },
    { instrument: 'f02', answers: f02 },
  ];
}

describe('compareClaims', () => {
  const unit = scoreUnit(pekppp, { sheets: unitSheets() });
  const cmp = compareClaims(pekppp, unit);

  it('verified IPP: 3 everywhere but D1 missing → 3 − 0.11 × 0.30 × 3 = 2.901 → 2.90 (C)', () => {
    expect(cmp.verifiedRaw).toBeCloseTo(2.901, 12);
    expect(cmp.verifiedScore).toBe(2.9);
    expect(cmp.verifiedBand.code).toBe('C');
  });

  it('claimed IPP: 4 − 0.24·0.14·2 − 0.25·0.30·4 − 0.18·0.15·1 = 3.6058 → 3.61 (B); difference 0.70', () => {
    expect(cmp.claimedRaw).toBeCloseTo(3.6058, 12);
    expect(cmp.claimedScore).toBe(3.61);
    expect(cmp.claimedBand).toMatchObject({ code: 'B', label: { id: 'Baik' } });
    expect(cmp.difference).toBe(0.7);
  });

  it('counts over-, under- and equal claims, unclaimed and unverified indicators', () => {
    expect(cmp.counts).toEqual({ over: 26, under: 1, equal: 1, unclaimed: 1, unverified: 1 });
    const byCode = Object.fromEntries(cmp.dimensions.flatMap((d) => d.indicators).map((i) => [i.code, i]));
    expect(byCode['A1']).toMatchObject({ claimed: 4, verified: 3, difference: 1, status: 'over' });
    expect(byCode['A2']).toMatchObject({ claimed: 2, verified: 3, difference: -1, status: 'under' });
    expect(byCode['C1']).toMatchObject({ claimed: 3, verified: 3, difference: 0, status: 'equal' });
    expect(byCode['B5']).toMatchObject({ claimed: null, verified: 3, difference: null, status: 'unclaimed', claimedPoints: 0 });
    expect(byCode['D1']).toMatchObject({ claimed: 4, verified: null, difference: null, status: 'unverified', verifiedPoints: 0 });
    // A1 is worth 0.24 × 0.17 × 5 = 0.204 at level 5: 4/5 of it claimed, 3/5 verified.
    expect(byCode['A1']!.claimedPoints).toBeCloseTo(0.1632, 12);
    expect(byCode['A1']!.verifiedPoints).toBeCloseTo(0.1224, 12);
    expect(Object.keys(byCode)).toHaveLength(30);
  });

  it('per aspect: the claimed score beside the verified one', () => {
    const aspects = Object.fromEntries(cmp.dimensions.map((d) => [d.code, [d.claimedScore, d.verifiedScore, d.difference]]));
    const close = (code: string, [c, v, diff]: [number, number, number]) => {
      expect(aspects[code]![0]).toBeCloseTo(c, 12);
      expect(aspects[code]![1]).toBeCloseTo(v, 12);
      expect(aspects[code]![2]).toBeCloseTo(diff, 12);
    };
    close('kebijakan', [3.72, 3, 0.72]);
    close('sdm', [2.8, 3, -0.2]);
    close('sarpras', [3.85, 3, 0.85]);
    close('sipp', [4, 2.1, 1.9]);
    close('konsultasi', [4, 3, 1]);
    close('inovasi', [4, 3, 1]);
  });

  it('a scheme without a claim instrument compares nothing', () => {
    const ombudsman = getScheme('ombudsman-2024')!;
    const u = scoreUnit(ombudsman, { sheets: [] });
    expect(compareClaims(ombudsman, u)).toMatchObject({
      dimensions: [],
      counts: { over: 0, under: 0, equal: 0, unclaimed: 0, unverified: 0 },
    });
  });
});

describe('supplementSummaries (F-03 beside the IPP)', () => {
  /** 10 respondents: F03.01 half 4 half 5; 02–04: 3; 05–07: 4; 08–11: 2; 12: 5; 13 blank; 14: 1; 15: 0. */
  const f03 = Array.from({ length: 10 }, (_, k): Sheet => {
    const answers: Sheet['answers'] = { 'F03.01': k < 5 ? 4 : 5, 'F03.12': 5, 'F03.13': null, 'F03.14': 1, 'F03.15': 0 };
    for (const c of ['F03.02', 'F03.03', 'F03.04']) answers[c] = 3;
    for (const c of ['F03.05', 'F03.06', 'F03.07']) answers[c] = 4;
    for (const c of ['F03.08', 'F03.09', 'F03.10', 'F03.11']) answers[c] = 2;
    return { instrument: 'f03', answers };
  });
  const withF03 = scoreUnit(pekppp, { sheets: [...unitSheets(), ...f03] });
  const [group] = supplementSummaries(pekppp, withF03);

  it('never changes the IPP', () => {
    expect(withF03.raw).toBe(scoreUnit(pekppp, { sheets: unitSheets() }).raw);
  });

  it('item means, aspect means (mean of item means) and the overall mean', () => {
    expect(group!.code).toBe('f03');
    expect(group!.items.find((i) => i.code === 'F03.01')).toMatchObject({ mean: 4.5, n: 10, formCode: '1.a.K1', unverified: false });
    expect(group!.items.find((i) => i.code === 'F03.13')).toMatchObject({ mean: null, n: 0, unverified: true });
    expect(group!.items.find((i) => i.code === 'F03.01')!.guidance?.id).toBe(
      'Persyaratan yang diperlukan untuk memperoleh layanan mudah dipenuhi.',
    );
    expect(group!.dimensions).toEqual([
      { code: 'kebijakan', title: pekppp.dimensions[0]!.title, mean: 3.375, items: 4 },
      { code: 'sdm', title: pekppp.dimensions[1]!.title, mean: 4, items: 3 },
      { code: 'sarpras', title: pekppp.dimensions[2]!.title, mean: 2, items: 4 },
      { code: 'sipp', title: pekppp.dimensions[3]!.title, mean: 5, items: 2 },
      { code: 'konsultasi', title: pekppp.dimensions[4]!.title, mean: 1, items: 1 },
      { code: 'inovasi', title: pekppp.dimensions[5]!.title, mean: 0, items: 1 },
    ]);
    expect(group!.mean).toBeCloseTo(39.5 / 14, 12);
  });

  it('respondents against the 10–20 quota', () => {
    expect(group).toMatchObject({ respondents: 10, target: 20, min: 10, quotaMet: true });
    const [few] = supplementSummaries(pekppp, scoreUnit(pekppp, { sheets: f03.slice(0, 9) }));
    expect(few).toMatchObject({ respondents: 9, quotaMet: false });
  });

  it('the information item INF.01 is its own group without a quota', () => {
    const info = supplementSummaries(pekppp, withF03)[1]!;
    expect(info).toMatchObject({ code: 'informasi', respondents: 0, target: 0, dimensions: [], mean: null });
  });
});

describe('clarificationWindow', () => {
  it.each([
    ['Monday 10:00 WIB', '2025-03-10T10:00:00+07:00', 420, '2025-03-17', '2025-03-17T17:00:00.000Z'],
    ['23:30 WIB still counts as that day', '2025-03-10T23:30:00+07:00', 420, '2025-03-17', '2025-03-17T17:00:00.000Z'],
    ['00:30 WIB the next day', '2025-03-10T17:30:00Z', 420, '2025-03-18', '2025-03-18T17:00:00.000Z'],
    ['the same instant in WITA', '2025-03-10T16:30:00Z', 480, '2025-03-18', '2025-03-18T16:00:00.000Z'],
    ['across the year end', '2025-12-28T09:00:00+07:00', 420, '2026-01-04', '2026-01-04T17:00:00.000Z'],
  ])('%s', (_name, at, offset, lastDay, closes) => {
    const w = clarificationWindow(pekppp, at, offset);
    expect(w).toMatchObject({ lastDay, days: 7, requestedAt: Date.parse(at) });
    expect(new Date(w.closesAt).toISOString()).toBe(closes);
  });

  it('accepts epoch milliseconds', () => {
    expect(clarificationWindow(pekppp, Date.parse('2025-03-10T03:00:00Z'), 420).lastDay).toBe('2025-03-17');
  });

  it('needs the scheme to have a verification block and a valid time', () => {
    const ombudsman: Scheme = getScheme('ombudsman-2024')!;
    expect(() => clarificationWindow(ombudsman, '2025-03-10T10:00:00+07:00', 420)).toThrow(
      "scheme 'ombudsman-2024' has no 'verification' rules",
    );
    expect(() => clarificationWindow(pekppp, '2025-03-10 10:00', 420)).toThrow(CoreError);
    expect(() => clarificationWindow(pekppp, '2025-03-10T10:00:00', 420)).toThrow(/not a valid date/);
    expect(() => clarificationWindow(pekppp, '2025-03-10T10:00:00+07:00', 7)).not.toThrow();
    expect(() => clarificationWindow(pekppp, '2025-03-10T10:00:00+07:00', 4200)).toThrow(/UTC offset/);
  });
});
