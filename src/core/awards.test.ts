// Award lists against hand-made fixtures (issue 18 §5): governments and service units of a
// Banten-like publication under ombudsman-2024's award rules (top 3 per province or sector,
// 3 most-improved ranks, every complete entry in band A).
import { describe, expect, it } from 'vitest';
import { getScheme } from '../../methodologies/index.ts';
import { governmentAwards, topBandCode, unitAwards } from './awards.ts';
import type { AwardCandidate, AwardEntry, Scheme } from './types.ts';

const scheme = getScheme('ombudsman-2024')!;
const list = (entries: AwardEntry[]) => entries.map((e) => [e.kind, e.id, e.rank, e.delta]);

const governments: AwardCandidate[] = [
  { id: 'tng', name: 'Kota Tangerang', type: 'kota', province: '36', score: 94.76, previousScore: 87.49 },
  { id: 'kab-serang', name: 'Kabupaten Serang', type: 'kabupaten', province: '36', score: 91.5, previousScore: 89.28 },
  { id: 'tangsel', name: 'Kota Tangerang Selatan', type: 'kota', province: '36', score: 91.5, previousScore: 93.21 },
  { id: 'kota-serang', name: 'Kota Serang', type: 'kota', province: '36', score: 87.99, previousScore: 79.24 },
  { id: 'cilegon', name: 'Kota Cilegon', type: 'kota', province: '36', score: 85, previousScore: 77.73 },
  { id: 'pandeglang', name: 'Kabupaten Pandeglang', type: 'kabupaten', province: '36', score: 85, previousScore: 83.91 },
  { id: 'kab-tng', name: 'Kabupaten Tangerang', type: 'kabupaten', province: '36', score: 84.99, previousScore: null },
  { id: 'lebak', name: 'Kabupaten Lebak', type: 'kabupaten', province: '36', score: 70, previousScore: 50, complete: false },
  { id: 'banten', name: 'Provinsi Banten', type: 'provinsi', province: '36', score: 94.01, previousScore: 67.18 },
];

describe('governmentAwards', () => {
  const awards = governmentAwards(scheme, governments);

  it('band A: every complete government from 88.00, by score then name', () => {
    expect(awards.topBand).toBe('A');
    expect(list(awards.entries.filter((e) => e.kind === 'top-band'))).toEqual([
      ['top-band', 'tng', null, null],
      ['top-band', 'banten', null, null],
      ['top-band', 'kab-serang', null, null],
      ['top-band', 'tangsel', null, null],
    ]);
  });

  it('top 3 of the province among kabupaten/kota, ties sharing a rank (the province itself is not ranked there)', () => {
    expect(list(awards.entries.filter((e) => e.kind === 'top-province'))).toEqual([
      ['top-province', 'tng', 1, null],
      ['top-province', 'kab-serang', 2, null],
      ['top-province', 'tangsel', 2, null],
    ]);
    expect(awards.entries.find((e) => e.kind === 'top-province')!.group).toBe('province:36');
  });

  it('3 most-improved ranks: ties share rank 3; incomplete results and decreases get nothing', () => {
    expect(list(awards.entries.filter((e) => e.kind === 'most-improved'))).toEqual([
      ['most-improved', 'banten', 1, 26.83],
      ['most-improved', 'kota-serang', 2, 8.75],
      ['most-improved', 'cilegon', 3, 7.27],
      ['most-improved', 'tng', 3, 7.27],
    ]);
  });

  it('a government without a body type is not ranked in its province', () => {
    const untyped = governments.map((g) => (g.id === 'tng' ? { ...g, type: undefined } : g));
    expect(list(governmentAwards(scheme, untyped).entries.filter((e) => e.kind === 'top-province'))).toEqual([
      ['top-province', 'kab-serang', 1, null],
      ['top-province', 'tangsel', 1, null],
      ['top-province', 'kota-serang', 3, null],
    ]);
  });

  it('carries the band of each entry', () => {
    expect(awards.entries.find((e) => e.id === 'kota-serang')!.band).toMatchObject({ code: 'B', zone: 'hijau' });
  });

  it('without award rules: only the top band', () => {
    const bare: Scheme = { ...scheme };
    delete bare.awards;
    expect(new Set(governmentAwards(bare, governments).entries.map((e) => e.kind))).toEqual(new Set(['top-band']));
  });
});

describe('unitAwards', () => {
  const units: AwardCandidate[] = [
    { id: 'dukcapil-tng', name: 'Disdukcapil Kota Tangerang', province: '36', sector: 'adminduk', score: 96.25, previousScore: 90 },
    { id: 'dukcapil-serang', name: 'Disdukcapil Kabupaten Serang', province: '36', sector: 'adminduk', score: 89.94, previousScore: 91 },
    { id: 'dukcapil-cilegon', name: 'Disdukcapil Kota Cilegon', province: '36', sector: 'adminduk', score: 89.94, previousScore: 80 },
    { id: 'dukcapil-lebak', name: 'Disdukcapil Kabupaten Lebak', province: '36', sector: 'adminduk', score: 70, previousScore: 60 },
    { id: 'dpmptsp-cilegon', name: 'DPMPTSP Kota Cilegon', province: '36', sector: 'perizinan', score: 85.03, previousScore: 84 },
    { id: 'dpmptsp-tng', name: 'DPMPTSP Kota Tangerang', province: '36', sector: 'perizinan', score: 95.98 },
    { id: 'dukcapil-bandung', name: 'Disdukcapil Kota Bandung', province: '32', sector: 'adminduk', score: 92, previousScore: 85 },
    { id: 'puskesmas-x', name: 'Puskesmas X', province: '36', sector: 'puskesmas', score: 99, previousScore: 10, complete: false },
  ];
  const awards = unitAwards(scheme, units);

  it('every complete unit in band A', () => {
    expect(list(awards.entries.filter((e) => e.kind === 'top-band')).map((e) => e[1])).toEqual([
      'dukcapil-tng',
      'dpmptsp-tng',
      'dukcapil-bandung',
      'dukcapil-serang',
      'dukcapil-cilegon',
    ]);
  });

  it('top 3 of each sector in each province, ties included', () => {
    expect(awards.entries.filter((e) => e.kind === 'top-sector').map((e) => [e.group, e.id, e.rank])).toEqual([
      ['sector:32:adminduk', 'dukcapil-bandung', 1],
      ['sector:36:adminduk', 'dukcapil-tng', 1],
      ['sector:36:adminduk', 'dukcapil-serang', 2],
      ['sector:36:adminduk', 'dukcapil-cilegon', 2],
      ['sector:36:perizinan', 'dpmptsp-tng', 1],
      ['sector:36:perizinan', 'dpmptsp-cilegon', 2],
    ]);
  });

  it('3 most-improved ranks among complete units', () => {
    expect(list(awards.entries.filter((e) => e.kind === 'most-improved'))).toEqual([
      ['most-improved', 'dukcapil-lebak', 1, 10],
      ['most-improved', 'dukcapil-cilegon', 2, 9.94],
      ['most-improved', 'dukcapil-bandung', 3, 7],
    ]);
  });

  it('no unit rules (a scheme frozen before them): no unit awards', () => {
    const old: Scheme = { ...scheme, awards: { topPerProvince: 3, mostImproved: 3 } };
    expect(unitAwards(old, units).entries).toEqual([]);
  });

  it('the rules come from the file: topBand off, one per sector, no most improved', () => {
    const strict: Scheme = { ...scheme, awards: { ...scheme.awards!, units: { topBand: false, topPerSector: 1, mostImproved: 0 } } };
    expect(list(unitAwards(strict, units).entries)).toEqual([
      ['top-sector', 'dukcapil-bandung', 1, null],
      ['top-sector', 'dukcapil-tng', 1, null],
      ['top-sector', 'dpmptsp-tng', 1, null],
    ]);
  });
});

it('topBandCode is the band with the highest lower bound', () => {
  expect(topBandCode(scheme)).toBe('A');
  expect(topBandCode(getScheme('ombudsman-2021')!)).toBe('hijau');
  expect(topBandCode({ ...scheme, bands: [...scheme.bands].reverse() })).toBe('A');
});
