import { describe, expect, it } from 'vitest';
import { cli, cliJson } from './test/harness.ts';

/*
 * fixtures/rank.csv by hand (scores rounded to 2 dp first, competition ranking 1, 2, 2, 4):
 *   kota nationally:     Bandung 95.31 → 1, Tangerang 91.50 → 2, Cilegon 88.00 and Serang 88.004→88.00 → 3, 3
 *   kabupaten:           Bogor 88.00 → 1, Lebak 70.25 → 2
 *   provinsi:            Jawa Barat 85.555→85.56 → 1, Banten 80.10 → 2
 *   kementerian:         Agama 77.77 → 1
 *   province Banten (kab+kota together): Tangerang 1, Cilegon 2, Serang 2, Lebak 4
 *   province Jawa Barat: Bandung 1, Bogor 2
 *   movement = previous − now: Serang 3−3=0, Tangerang 1−2=−1, Cilegon 2−3=−1, Bogor 4−1=3,
 *              Prov. Banten 1−2=−1, Prov. Jawa Barat 2−1=1; no previous rank → null.
 * Order: kementerian, lembaga, provinsi, kabupaten, kota; then rank; then name.
 */
const expected = [
  {
    name: 'Kementerian Agama',
    type: 'kementerian',
    province: null,
    score: 77.77,
    previous_rank: null,
    rank_national_type: 1,
    rank_province: null,
    movement: null,
  },
  {
    name: 'Provinsi Jawa Barat',
    type: 'provinsi',
    province: 'Jawa Barat',
    score: 85.56,
    previous_rank: 2,
    rank_national_type: 1,
    rank_province: null,
    movement: 1,
  },
  {
    name: 'Provinsi Banten',
    type: 'provinsi',
    province: 'Banten',
    score: 80.1,
    previous_rank: 1,
    rank_national_type: 2,
    rank_province: null,
    movement: -1,
  },
  {
    name: 'Kabupaten Bogor',
    type: 'kabupaten',
    province: 'Jawa Barat',
    score: 88,
    previous_rank: 4,
    rank_national_type: 1,
    rank_province: 2,
    movement: 3,
  },
  {
    name: 'Kabupaten Lebak',
    type: 'kabupaten',
    province: 'Banten',
    score: 70.25,
    previous_rank: null,
    rank_national_type: 2,
    rank_province: 4,
    movement: null,
  },
  {
    name: 'Kota Bandung',
    type: 'kota',
    province: 'Jawa Barat',
    score: 95.31,
    previous_rank: null,
    rank_national_type: 1,
    rank_province: 1,
    movement: null,
  },
  {
    name: 'Kota Tangerang',
    type: 'kota',
    province: 'Banten',
    score: 91.5,
    previous_rank: 1,
    rank_national_type: 2,
    rank_province: 1,
    movement: -1,
  },
  {
    name: 'Kota Cilegon',
    type: 'kota',
    province: 'Banten',
    score: 88,
    previous_rank: 2,
    rank_national_type: 3,
    rank_province: 2,
    movement: -1,
  },
  {
    name: 'Kota Serang',
    type: 'kota',
    province: 'Banten',
    score: 88,
    previous_rank: 3,
    rank_national_type: 3,
    rank_province: 2,
    movement: 0,
  },
];

describe('pantau rank', () => {
  it('ranks CSV rows nationally per type and per province, with movement (--json)', async () => {
    expect(await cliJson(['rank', 'rank.csv'])).toEqual(expected);
  });

  it('reads the same rows from JSON', async () => {
    expect(await cliJson(['rank', 'rank.json'])).toEqual(expected);
  });

  it('reads a semicolon CSV with decimal commas and a capitalised type', async () => {
    // 88,004 → 88.00 and 88,5 → 88.50: Cilegon 1, Serang 2.
    expect(await cliJson(['rank', 'rank-semicolon.csv'])).toEqual([
      {
        name: 'Kota Cilegon',
        type: 'kota',
        province: 'Banten',
        score: 88.5,
        previous_rank: null,
        rank_national_type: 1,
        rank_province: 1,
        movement: null,
      },
      {
        name: 'Kota Serang',
        type: 'kota',
        province: 'Banten',
        score: 88,
        previous_rank: null,
        rank_national_type: 2,
        rank_province: 2,
        movement: null,
      },
    ]);
  });

  it('reads rows from stdin with -', async () => {
    const csv = 'name,type,province,score\nKota B,kota,P,50\nKota A,kota,P,60\n';
    const rows = (await cliJson(['rank', '-'], csv)) as { name: string; rank_national_type: number }[];
    expect(rows.map((r) => [r.name, r.rank_national_type])).toEqual([
      ['Kota A', 1],
      ['Kota B', 2],
    ]);
  });

  it('prints a table with Indonesian number formatting by default', async () => {
    const { code, stdout, stderr } = await cli(['rank', 'rank.csv']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^Jenis\s+Peringkat \(jenis\)\s+Nama/);
    expect(stdout).toMatch(/kota\s+3\s+Kota Serang\s+Banten\s+88,00\s+2\s+3\s+0\n/);
    expect(stdout).toMatch(/kabupaten\s+1\s+Kabupaten Bogor\s+Jawa Barat\s+88,00\s+2\s+4\s+\+3\n/);
    expect(stdout).toContain('85,56');
  });

  it('prints English headers and number format with --lang en', async () => {
    const { stdout } = await cli(['rank', 'rank.csv', '--lang', 'en']);
    expect(stdout).toMatch(/^Type\s+Rank \(type\)\s+Name/);
    expect(stdout).toContain('85.56');
    expect(stdout).toMatch(/Kota Tangerang\s+Banten\s+91\.50\s+1\s+1\s+−1\n/);
  });
});
