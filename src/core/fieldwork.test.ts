// Fieldwork anti-fabrication: a fabricated batch raises exactly its flags under the Ombudsman
// 2024 thresholds of the library file; haversine against exact values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getScheme } from '../../methodologies/index.ts';
import { CoreError } from './errors.ts';
import { fieldworkFlags, haversineMetres } from './fieldwork.ts';
import type { FieldworkFlagCode, FieldworkSheetInput, Scheme } from './types.ts';

const scheme = getScheme('ombudsman-2024')!;
const R = 6_371_008.8;

describe('haversineMetres', () => {
  it.each([
    ['one degree of latitude', { lat: 0, lon: 0 }, { lat: 1, lon: 0 }, (R * Math.PI) / 180],
    ['one degree of longitude on the equator', { lat: 0, lon: 106 }, { lat: 0, lon: 107 }, (R * Math.PI) / 180],
    ['antipodes', { lat: 0, lon: 0 }, { lat: 0, lon: 180 }, R * Math.PI],
    ['pole to pole', { lat: 90, lon: 0 }, { lat: -90, lon: 0 }, R * Math.PI],
    ['the same point', { lat: -6.1783, lon: 106.6319 }, { lat: -6.1783, lon: 106.6319 }, 0],
  ])('%s', (_name, a, b, metres) => {
    expect(haversineMetres(a, b)).toBeCloseTo(metres, 6);
  });

  it('one degree of longitude at 60° is half a degree of latitude', () => {
    expect(haversineMetres({ lat: 60, lon: 0 }, { lat: 60, lon: 1 })).toBeCloseTo((R * Math.PI) / 360, -1);
  });

  it('is symmetric and obeys the triangle inequality across Indonesia', () => {
    // Indonesia's bounding box: far from antipodal pairs, where the formula is ill-conditioned.
    const point = fc.record({ lat: fc.double({ min: -11, max: 6, noNaN: true }), lon: fc.double({ min: 95, max: 141, noNaN: true }) });
    fc.assert(
      fc.property(point, point, point, (a, b, c) => {
        expect(Math.abs(haversineMetres(a, b) - haversineMetres(b, a))).toBeLessThan(1e-6);
        expect(haversineMetres(a, c)).toBeLessThanOrEqual(haversineMetres(a, b) + haversineMetres(b, c) + 1e-6);
      }),
    );
  });

  it('refuses coordinates off the globe', () => {
    expect(() => haversineMetres({ lat: 91, lon: 0 }, { lat: 0, lon: 0 })).toThrow(CoreError);
    expect(() => haversineMetres({ lat: 0, lon: Number.NaN }, { lat: 0, lon: 0 })).toThrow(/longitude/);
  });
});

describe('fieldworkFlags', () => {
  // Disdukcapil Kota Tangerang (approximate); unit "dpmptsp" has no coordinates yet.
  const unit = { id: 'dukcapil', lat: -6.1783, lon: 106.6319 };
  const near = { lat: -6.1786, lon: 106.6319, accuracy: 15 }; // ≈ 33 m
  const far = { lat: -6.1983, lon: 106.6319, accuracy: 30 }; // ≈ 2,224 m
  const t = (hhmm: string, day = '2024-07-01') => `${day}T${hhmm}:00+07:00`;
  const sheet = (id: string, over: Partial<FieldworkSheetInput>): FieldworkSheetInput => ({
    id,
    unit: 'dukcapil',
    instrument: 'pengguna',
    assessor: 'a',
    position: near,
    ...over,
  });
  const answersK = (values: number[]) => Object.fromEntries(values.map((v, k) => [`K${k + 1}`, v]));

  const sheets: FieldworkSheetInput[] = [
    sheet('ok', {
      instrument: 'pejabat',
      startedAt: t('09:00'),
      finishedAt: t('09:15'),
      respondentKey: 'h-kadis',
      answers: answersK([3, 2, 3, 1, 2, 3]),
    }),
    sheet('rushed', {
      instrument: 'pejabat',
      startedAt: t('09:16'),
      finishedAt: t('09:20'),
      position: far,
      respondentKey: 'h-kabid',
      answers: answersK([3, 3, 3, 3, 3, 3]),
    }),
    ...[
      ['10:00', '10:15'],
      ['10:20', '10:35'],
      ['10:40', '10:55'],
    ].map(([from, to], k) =>
      sheet(`copy${k + 1}`, {
        instrument: 'pejabat',
        assessor: 'b',
        startedAt: t(from!),
        finishedAt: t(to!),
        respondentKey: `h-staff${k}`,
        answers: answersK([3, 2, 3, 2, 3, 2]),
      }),
    ),
    sheet('same-person-1', { assessor: 'c', startedAt: t('08:00'), finishedAt: t('08:05'), respondentKey: 'h-0812' }),
    sheet('same-person-2', { assessor: 'c', unit: 'dpmptsp', startedAt: t('08:30'), finishedAt: t('08:35'), respondentKey: 'h-0812' }),
    sheet('overlap-1', { assessor: 'd', startedAt: t('11:00'), finishedAt: t('11:10'), respondentKey: 'u1' }),
    sheet('overlap-2', { assessor: 'd', startedAt: t('11:05'), finishedAt: t('11:12'), respondentKey: 'u2' }),
    sheet('documents-meanwhile', { assessor: 'd', instrument: 'dokumen', startedAt: t('11:00'), finishedAt: t('11:30') }),
    sheet('after-cycle', { assessor: 'f', startedAt: t('08:00', '2024-09-01'), finishedAt: t('08:05', '2024-09-01'), respondentKey: 'u3' }),
    sheet('before-cycle', { assessor: 'f', startedAt: '2024-05-31T16:59:00Z', finishedAt: '2024-05-31T17:05:00Z', respondentKey: 'u4' }),
    sheet('no-finish', { assessor: 'f', startedAt: t('12:00'), respondentKey: 'u5' }),
    sheet('backwards', { assessor: 'f', startedAt: t('12:30'), finishedAt: t('12:20'), respondentKey: 'u6' }),
    sheet('no-gps', {
      assessor: 'f',
      startedAt: t('13:00', '2024-07-02'),
      finishedAt: t('13:05', '2024-07-02'),
      position: null,
      respondentKey: 'u7',
    }),
    // 16 user interviews started by one assessor within 45 minutes: the 16th exceeds 15 per 60 min.
    ...Array.from({ length: 16 }, (_, k) => {
      const start = Date.parse('2024-07-03T13:00:00+07:00') + k * 3 * 60_000;
      return sheet(`burst${k + 1}`, { assessor: 'e', startedAt: start, finishedAt: start + 150_000, respondentKey: `e${k}` });
    }),
  ];
  const flags = fieldworkFlags(scheme, { sheets, units: [unit, { id: 'dpmptsp' }], cycle: { start: '2024-06-01', end: '2024-08-31' } });
  const bySheet = (list: typeof flags) => {
    const out: Record<string, FieldworkFlagCode[]> = {};
    for (const s of sheets) out[s.id] = [];
    for (const f of list) out[f.sheet]!.push(f.code);
    return out;
  };

  it('raises exactly the flags of the fabricated batch', () => {
    const got = bySheet(flags);
    const expected: Record<string, FieldworkFlagCode[]> = {
      ok: [],
      rushed: ['too-short', 'far-from-unit', 'straight-line'],
      copy1: ['identical-answers'],
      copy2: ['identical-answers'],
      copy3: ['identical-answers'],
      'same-person-1': ['respondent-reused'],
      'same-person-2': ['unit-location-missing', 'respondent-reused'],
      'overlap-1': ['overlapping-interviews'],
      'overlap-2': ['overlapping-interviews'],
      'documents-meanwhile': [],
      'after-cycle': ['outside-cycle'],
      'before-cycle': ['outside-cycle'],
      'no-finish': ['timing-missing'],
      backwards: ['time-inconsistent'],
      'no-gps': ['position-missing'],
    };
    for (let k = 1; k <= 16; k++) expected[`burst${k}`] = k === 16 ? ['assessor-load'] : [];
    expect(got).toEqual(expected);
  });

  it('says why, with the numbers, in both languages', () => {
    const of = (sheetId: string, code: FieldworkFlagCode) => flags.find((f) => f.sheet === sheetId && f.code === code)!;
    expect(of('rushed', 'too-short')).toEqual({
      sheet: 'rushed',
      unit: 'dukcapil',
      code: 'too-short',
      severity: 'warning',
      reason: {
        id: 'Diisi dalam 240 detik; minimum instrumen 600 detik.',
        en: "Filled in 240 seconds; the instrument's minimum is 600 seconds.",
      },
      details: { seconds: 240, minSeconds: 600 },
    });
    expect(of('rushed', 'far-from-unit').details).toEqual({ metres: 2224, accuracy: 30, limit: 500 });
    expect(of('burst16', 'assessor-load').details).toEqual({ count: 16, windowMinutes: 60, limit: 15 });
    expect(of('same-person-1', 'respondent-reused').details).toEqual({ sheets: 2, units: 2 });
    expect(of('overlap-1', 'overlapping-interviews').details).toEqual({ others: 'overlap-2' });
    expect(of('after-cycle', 'outside-cycle').reason.en).toBe('Filled on 2024-09-01, outside the fieldwork dates 2024-06-01 – 2024-08-31.');
    expect(of('before-cycle', 'outside-cycle').details['date']).toBe('2024-05-31');
    expect(of('no-gps', 'position-missing').severity).toBe('info');
    expect(of('same-person-2', 'unit-location-missing').severity).toBe('info');
  });

  it('subtracts the GPS accuracy before comparing the distance', () => {
    const fuzzy = sheet('fuzzy', {
      startedAt: t('09:00'),
      finishedAt: t('09:05'),
      position: { lat: -6.1843, lon: 106.6319, accuracy: 200 },
    }); // ≈ 667 m
    expect(fieldworkFlags(scheme, { sheets: [fuzzy], units: [unit] })).toEqual([]);
    const sharp = { ...fuzzy, position: { lat: -6.1843, lon: 106.6319, accuracy: 100 } };
    expect(fieldworkFlags(scheme, { sheets: [sharp], units: [unit] }).map((f) => f.code)).toEqual(['far-from-unit']);
  });

  it('the grace days of the file widen the cycle dates', () => {
    const lenient: Scheme = { ...scheme, fieldwork: { ...scheme.fieldwork!, cycleGraceDays: 1 } };
    const late = sheets.filter((s) => s.id === 'after-cycle' || s.id === 'before-cycle');
    expect(fieldworkFlags(lenient, { sheets: late, units: [unit], cycle: { start: '2024-06-01', end: '2024-08-31' } })).toEqual([]);
  });

  it('flags do not depend on the order of the sheets', () => {
    const reversed = fieldworkFlags(scheme, {
      sheets: [...sheets].reverse(),
      units: [unit, { id: 'dpmptsp' }],
      cycle: { start: '2024-06-01', end: '2024-08-31' },
    });
    expect(bySheet(reversed)).toEqual(bySheet(flags));
  });

  it('needs fieldwork rules and valid dates', () => {
    const skm = getScheme('skm-2017')!;
    expect(() => fieldworkFlags(skm, { sheets: [], units: [] })).toThrow("scheme 'skm-2017' has no 'fieldwork' rules");
    expect(() => fieldworkFlags(scheme, { sheets: [], units: [], cycle: { start: '2024-02-30', end: '2024-08-31' } })).toThrow(
      /not a valid date/,
    );
    expect(() => fieldworkFlags(scheme, { sheets: [sheet('x', { startedAt: 'kemarin' })], units: [] })).toThrow(CoreError);
  });
});
