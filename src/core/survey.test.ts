// Public surveys: periods in a UTC offset, population quotas, the IKM report of a fixture
// computed by hand, age bands and the abuse flags of issue 11 §3.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getScheme } from '../../methodologies/index.ts';
import { CoreError } from './errors.ts';
import { ikm } from './ikm.ts';
import { quotaFor } from './sample-size.ts';
import { scoreUnit } from './score-unit.ts';
import { ageBand, ikmByPeriod, ikmReport, parsePeriodKey, periodBounds, periodOf, surveyResponseFlags } from './survey.ts';
import type { PeriodKind, Scheme, SurveyResponseInput } from './types.ts';

const skm = getScheme('skm-2017')!;
const pekppp = getScheme('pekppp-2024')!;
const WIB = 420;

describe('periods', () => {
  it.each([
    ['month', '2025-03-31T23:59:59+07:00', WIB, '2025-03', '2025-03-01', '2025-03-31'],
    ['month', '2025-03-31T17:00:00Z', WIB, '2025-04', '2025-04-01', '2025-04-30'],
    ['month', '2024-02-10T10:00:00+07:00', WIB, '2024-02', '2024-02-01', '2024-02-29'],
    ['quarter', '2025-03-31T23:30:00+07:00', WIB, '2025-Q1', '2025-01-01', '2025-03-31'],
    ['quarter', '2025-03-31T16:30:00Z', 480, '2025-Q2', '2025-04-01', '2025-06-30'],
    ['quarter', '2025-12-31T16:59:59Z', WIB, '2025-Q4', '2025-10-01', '2025-12-31'],
    ['semester', '2025-06-30T16:59:59.999Z', WIB, '2025-S1', '2025-01-01', '2025-06-30'],
    ['semester', '2025-06-30T17:00:00Z', WIB, '2025-S2', '2025-07-01', '2025-12-31'],
    ['year', '2024-12-31T15:00:00Z', 540, '2025', '2025-01-01', '2025-12-31'],
    ['year', '2024-12-31T15:00:00Z', WIB, '2024', '2024-01-01', '2024-12-31'],
  ] as const)('%s of %s at UTC%+d min → %s', (kind, at, offset, key, firstDay, lastDay) => {
    const p = periodOf(kind, at, offset);
    expect(p).toMatchObject({ kind, key, firstDay, lastDay });
    expect(p.start).toBe(Date.parse(`${firstDay}T00:00:00Z`) - offset * 60_000);
  });

  it('bounds: Q1 2025 WIB runs from 2024-12-31T17:00Z to 2025-03-31T17:00Z (exclusive)', () => {
    const q = periodBounds('quarter', 2025, 1, WIB);
    expect([new Date(q.start).toISOString(), new Date(q.end).toISOString()]).toEqual([
      '2024-12-31T17:00:00.000Z',
      '2025-03-31T17:00:00.000Z',
    ]);
    expect(q).toMatchObject({ year: 2025, index: 1, key: '2025-Q1' });
  });

  it.each([
    ['2025-03', 'month', 3],
    ['2025-Q4', 'quarter', 4],
    ['2025-S2', 'semester', 2],
    ['2025', 'year', 1],
  ] as const)('parses the key %s', (key, kind, index) => {
    expect(parsePeriodKey(key, WIB)).toEqual(periodBounds(kind, 2025, index, WIB));
  });

  it.each(['2025-13', '2025-Q5', '2025-S3', '25', '2025-3', 'Q1-2025'])('rejects the key %s', (key) => {
    expect(() => parsePeriodKey(key, WIB)).toThrow(CoreError);
  });

  it('rejects unknown kinds, bad indices and offsets', () => {
    expect(() => periodBounds('week' as PeriodKind, 2025, 1, WIB)).toThrow(/period kind/);
    expect(() => periodBounds('quarter', 2025, 0, WIB)).toThrow(/quarter number/);
    expect(() => periodOf('month', '2025-03-01T00:00:00+07:00', 30.5)).toThrow(/UTC offset/);
    expect(() => periodOf('month', 'yesterday', WIB)).toThrow(/not a valid date/);
  });

  it('property: every instant lies in exactly its period, the next period starts where it ends, and its key round-trips', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2000-01-01T00:00:00Z'), max: Date.parse('2099-12-31T00:00:00Z') }),
        fc.constantFrom<PeriodKind>('month', 'quarter', 'semester', 'year'),
        fc.constantFrom(420, 480, 540, 0, -300),
        (t, kind, offset) => {
          const p = periodOf(kind, t, offset);
          expect(p.start <= t && t < p.end).toBe(true);
          expect(parsePeriodKey(p.key, offset)).toEqual(p);
          expect(periodOf(kind, p.end, offset).start).toBe(p.end);
          expect(periodOf(kind, p.start - 1, offset).end).toBe(p.start);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('population quotas', () => {
  it('skm-2017: the target follows Krejcie–Morgan S(N); the minimum stays 1', () => {
    expect(quotaFor(skm, 'responden')).toEqual({ target: 384, min: 1, fromPopulation: false });
    expect(quotaFor(skm, 'responden', 1000)).toEqual({ target: 278, min: 1, fromPopulation: true });
    expect(quotaFor(skm, 'responden', 10)).toEqual({ target: 10, min: 1, fromPopulation: true });
    expect(() => quotaFor(skm, 'responden', 0)).toThrow(CoreError);
  });

  it("'target-and-min' makes S(N) the minimum too; instruments without fromPopulation ignore N", () => {
    const strict: Scheme = {
      ...skm,
      instruments: skm.instruments.map((i) => ({ ...i, quota: { ...i.quota, fromPopulation: 'target-and-min' as const } })),
    };
    expect(quotaFor(strict, 'responden', 100)).toEqual({ target: 80, min: 80, fromPopulation: true });
    expect(quotaFor(pekppp, 'f03', 1000)).toEqual({ target: 20, min: 10, fromPopulation: false });
  });

  it('scoreUnit reports progress against S(N) and, under target-and-min, completeness too', () => {
    const sheets = Array.from({ length: 50 }, () => ({
      instrument: 'responden',
      answers: { U1: 3, U2: 3, U3: 3, U4: 3, U5: 3, U6: 3, U7: 3, U8: 3, U9: 3 },
    }));
    const u = scoreUnit(skm, { sheets }, { population: 100 });
    expect(u.progress).toEqual([{ code: 'responden', done: 50, target: 80, min: 1, complete: true }]);
    expect(u.complete).toBe(true);
    const strict: Scheme = {
      ...skm,
      instruments: skm.instruments.map((i) => ({ ...i, quota: { ...i.quota, fromPopulation: 'target-and-min' as const } })),
    };
    const s = scoreUnit(strict, { sheets }, { population: 100 });
    expect(s.progress[0]).toEqual({ code: 'responden', done: 50, target: 80, min: 80, complete: false });
    expect(s.complete).toBe(false);
    expect(scoreUnit(skm, { sheets }).progress[0]).toMatchObject({ target: 384, min: 1 });
  });
});

describe('ikmReport', () => {
  // Five respondents, keys deliberately out of order (U9 first): answers are keyed by code.
  const rows: Record<string, number>[] = [
    [4, 3, 3, 4, 3, 4, 4, 3, 2],
    [3, 3, 2, 4, 3, 3, 4, 3, 2],
    [4, 4, 3, 4, 4, 4, 4, 3, 3],
    [3, 3, 3, 4, 3, 3, 3, 2, 2],
    [4, 3, 2, 4, 3, 4, 4, 3, 1],
  ].map((r) => Object.fromEntries([8, 0, 1, 2, 3, 4, 5, 6, 7].map((k) => [`U${k + 1}`, r[k]!])));

  // By hand: NRR U1 18/5 = 3.6, U2 3.2, U3 2.6, U4 4.0, U5 3.2, U6 3.6, U7 3.8, U8 2.8, U9 2.0;
  // Σ NRR = 28.8; IKM = 25 × 28.8 / 9 = 80.00 (B). With 0.111 it would read 79.92.
  const report = ikmReport(skm, rows);

  it('NRR per unsur, IKM 80.00 (B) with the exact 1/9', () => {
    expect(report.respondents).toBe(5);
    expect(report.unsur.map((u) => [u.code, u.nrr])).toEqual([
      ['U1', 3.6],
      ['U2', 3.2],
      ['U3', 2.6],
      ['U4', 4],
      ['U5', 3.2],
      ['U6', 3.6],
      ['U7', 3.8],
      ['U8', 2.8],
      ['U9', 2],
    ]);
    expect(report.raw).toBeCloseTo(80, 10);
    expect(report.ikm).toBe(80);
    expect(report.band).toMatchObject({ code: 'B', label: { id: 'Baik' } });
    expect(report.complete).toBe(true);
    const sum = report.unsur.reduce((s, u) => s + u.weighted, 0);
    expect(sum * 25).toBeCloseTo(80, 10);
    expect(report.unsur[0]!.weighted).toBeCloseTo(3.6 / 9, 12);
  });

  it('each unsur converted to 25–100 with its mutu; 65.00 is C (closed below)', () => {
    expect(report.unsur.map((u) => [u.code, Math.round(u.converted * 100) / 100, u.band.code])).toEqual([
      ['U1', 90, 'A'],
      ['U2', 80, 'B'],
      ['U3', 65, 'C'],
      ['U4', 100, 'A'],
      ['U5', 80, 'B'],
      ['U6', 90, 'A'],
      ['U7', 95, 'A'],
      ['U8', 70, 'C'],
      ['U9', 50, 'D'],
    ]);
  });

  it('names the weakest unsur and orders all from weakest (ties in scheme order)', () => {
    expect(report.weakest).toEqual(['U9']);
    expect(report.ascending).toEqual(['U9', 'U3', 'U8', 'U2', 'U5', 'U1', 'U6', 'U7', 'U4']);
    const tied = ikmReport(skm, [{ U1: 2, U2: 2, U3: 3, U4: 3, U5: 3, U6: 3, U7: 3, U8: 3, U9: 3 }]);
    expect(tied.weakest).toEqual(['U1', 'U2']);
  });

  it('agrees with the positional ikm() on the same answers', () => {
    const positional = rows.map((r) => Array.from({ length: 9 }, (_, k) => r[`U${k + 1}`]!));
    const old = ikm(skm, positional);
    expect(report.raw).toBe(old.raw);
    expect(report.unsur.map((u) => u.nrr)).toEqual(old.nrr);
  });

  it('with the population: the Krejcie–Morgan target and the shortfall', () => {
    expect(ikmReport(skm, rows, 100).sample).toEqual({ population: 100, target: 80, met: false, shortfall: 75 });
    expect(ikmReport(skm, rows, 5).sample).toEqual({ population: 5, target: 5, met: true, shortfall: 0 });
    expect(report.sample).toBeUndefined();
  });

  it('a blank unsur makes the report provisional; a wrong code or answer is refused', () => {
    const blank = ikmReport(skm, [...rows, { U1: 4, U2: 4, U3: 4, U4: 4, U5: 4, U6: 4, U7: 4, U8: 4 }]);
    expect(blank.complete).toBe(false);
    expect(blank.unsur.find((u) => u.code === 'U9')).toMatchObject({ nrr: 2, n: 5 });
    expect(() => ikmReport(skm, [{ U10: 3 }])).toThrow(/indicator 'U10' is not part of scheme 'skm-2017'/);
    expect(() => ikmReport(skm, [{ U1: 5 }])).toThrow(CoreError);
    expect(() => ikmReport(skm, [])).toThrow(/at least one respondent/);
  });
});

describe('ikmByPeriod', () => {
  it('one report per quarter with responses, oldest first; the quarter is read in the survey offset', () => {
    const all4 = { U1: 4, U2: 4, U3: 4, U4: 4, U5: 4, U6: 4, U7: 4, U8: 4, U9: 4 };
    const all2 = { U1: 2, U2: 2, U3: 2, U4: 2, U5: 2, U6: 2, U7: 2, U8: 2, U9: 2 };
    const responses = [
      { submittedAt: '2025-04-02T09:00:00+07:00', answers: all2 },
      { submittedAt: '2025-03-31T23:30:00+07:00', answers: all4 }, // still Q1 in WIB
      { submittedAt: '2025-01-15T09:00:00+07:00', answers: all2 },
    ];
    const byQuarter = ikmByPeriod(skm, responses, 'quarter', WIB, 100);
    expect(byQuarter.map((p) => [p.period.key, p.report.respondents, p.report.ikm, p.report.band.code, p.report.sample?.target])).toEqual([
      ['2025-Q1', 2, 75, 'C', 80],
      ['2025-Q2', 1, 50, 'D', 80],
    ]);
    expect(ikmByPeriod(skm, responses, 'year', WIB).map((p) => [p.period.key, p.report.ikm])).toEqual([['2025', 66.67]]);
    expect(ikmByPeriod(skm, [], 'month', WIB)).toEqual([]);
  });
});

describe('ageBand', () => {
  it.each([
    [0, 'u-19'],
    [19, 'u-19'],
    [19.9, 'u-19'],
    [20, 'u-20-29'],
    [45, 'u-40-49'],
    [59, 'u-50-59'],
    [60, 'u-60'],
    [104, 'u-60'],
    [-1, null],
    [Number.NaN, null],
  ])('%s years → %s', (age, band) => {
    expect(ageBand(skm, 'responden', age)).toBe(band);
  });

  it('needs an age-band field', () => {
    expect(() => ageBand(pekppp, 'f03', 30)).toThrow(/has no 'instruments\/f03\/profile \(age-band\)' rules/);
  });
});

describe('surveyResponseFlags', () => {
  const answers = { U1: 3, U2: 3, U3: 3, U4: 4, U5: 3, U6: 3, U7: 3, U8: 3, U9: 3 };
  const profile = { 'jenis-kelamin': 'P', layanan: 'ktp' };
  const at = (hhmm: string, day = '2025-03-10') => `${day}T${hhmm}:00+07:00`;
  const responses: SurveyResponseInput[] = [
    { id: 'r1', submittedAt: at('08:00'), openedAt: at('07:59'), deviceKey: 'd1', answers },
    { id: 'r2', submittedAt: at('08:05'), deviceKey: 'd1', answers: { ...answers, U1: 4 } },
    { id: 'r3', submittedAt: at('08:06'), openedAt: '2025-03-10T08:05:50+07:00', deviceKey: 'd2', answers: { ...answers, U2: 2 } },
    ...['09:00', '09:02', '09:04', '09:06'].map(
      (t, k): SurveyResponseInput => ({ id: `k${k + 1}`, submittedAt: at(t), kiosk: true, deviceKey: 'kiosk', answers, profile }),
    ),
    { id: 'k5', submittedAt: at('09:20'), kiosk: true, answers, profile },
    { id: 'r9', submittedAt: at('10:00'), deviceKey: 'd9', honeypot: 'http://spam', answers: { ...answers, U3: 1 } },
    { id: 'r10', submittedAt: at('23:00', '2025-02-28'), deviceKey: 'd10', answers: { ...answers, U4: 1 } },
    { id: 'r11', submittedAt: at('00:30', '2025-04-01'), deviceKey: 'd1', answers: { ...answers, U5: 1 } },
  ];
  const options = {
    window: { opensAt: '2025-03-01T00:00:00+07:00', closesAt: '2025-05-01T00:00:00+07:00' },
    periodKind: 'month' as const,
    offsetMinutes: WIB,
  };
  const verdicts = surveyResponseFlags(skm, 'responden', responses, options);
  const flagsOf = (list: typeof verdicts) => Object.fromEntries(list.map((v) => [v.id, v.flags.map((f) => f.code)]));

  it('flags each abuse with its reason and accepts the rest', () => {
    expect(flagsOf(verdicts)).toEqual({
      r1: [],
      r2: ['device-repeat'],
      r3: ['too-fast'],
      k1: [],
      k2: [],
      k3: [],
      k4: ['burst-identical'],
      k5: [],
      r9: ['honeypot'],
      r10: ['outside-dates'],
      r11: [],
    });
    expect(verdicts.filter((v) => v.accepted).map((v) => v.id)).toEqual(['r1', 'k1', 'k2', 'k3', 'k5', 'r11']);
    expect(verdicts.find((v) => v.id === 'k4')!.flags[0]).toEqual({
      code: 'burst-identical',
      reason: { id: 'Jawaban ke-4 yang identik dalam 10 menit (batas 3).', en: 'Identical response number 4 within 10 minutes (limit 3).' },
      details: { count: 4, windowMinutes: 10, limit: 3 },
    });
    expect(verdicts.find((v) => v.id === 'r3')!.flags[0]!.details).toEqual({ seconds: 10, minSeconds: 20 });
    // The period in words (issue 11), its key kept in the details.
    expect(verdicts.find((v) => v.id === 'r2')!.flags[0]).toMatchObject({
      reason: {
        id: 'Perangkat ini sudah mengirim 1 jawaban pada periode Maret 2025.',
        en: 'This device already sent 1 response(s) in the period March 2025.',
      },
      details: { limit: 1, period: '2025-03' },
    });
  });

  it('the per-device limit runs per survey period: a yearly survey refuses the same device in April', () => {
    const yearly = flagsOf(surveyResponseFlags(skm, 'responden', responses, { ...options, periodKind: 'year' }));
    expect(yearly['r11']).toEqual(['device-repeat']);
    const whole = flagsOf(surveyResponseFlags(skm, 'responden', responses, { window: options.window }));
    expect(whole['r11']).toEqual(['device-repeat']);
  });

  it('identical answers with a different profile are not a burst', () => {
    const mixed = responses.map((r, k) =>
      r.id.startsWith('k') ? { ...r, profile: { ...profile, 'jenis-kelamin': k % 2 === 0 ? 'L' : 'P' } } : r,
    );
    expect(flagsOf(surveyResponseFlags(skm, 'responden', mixed, options))['k4']).toEqual([]);
  });

  it('property: verdicts do not depend on the order of the responses', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(responses, { minLength: responses.length, maxLength: responses.length }), (shuffled) => {
        const again = surveyResponseFlags(skm, 'responden', shuffled, options);
        expect(flagsOf(again)).toEqual(flagsOf(verdicts));
      }),
      { numRuns: 50 },
    );
  });

  it('serves F-03 (one period: the cycle) and refuses instruments without public rules', () => {
    const f03 = surveyResponseFlags(pekppp, 'f03', [
      { id: 'a', submittedAt: at('08:00'), deviceKey: 'x', answers: { 'F03.01': 4 } },
      { id: 'b', submittedAt: at('08:00', '2025-06-01'), deviceKey: 'x', answers: { 'F03.01': 5 } },
    ]);
    expect(flagsOf(f03)).toEqual({ a: [], b: ['device-repeat'] });
    expect(() => surveyResponseFlags(pekppp, 'f02', [])).toThrow(/has no 'instruments\/f02\/publicResponse' rules/);
    expect(() => surveyResponseFlags(pekppp, 'f09', [])).toThrow(CoreError);
  });
});
