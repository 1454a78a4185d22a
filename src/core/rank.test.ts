import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { movement, rank, rankGovernments, rankUnitsBySector } from './rank.ts';
import type { BodyType, RankInput } from './types.ts';

const row = (name: string, score: number, type: BodyType = 'kota', province?: string, sector?: string): RankInput => {
  const r: RankInput = { id: name.toLowerCase().replace(/\s+/g, '-'), name, type, score };
  if (province !== undefined) r.province = province;
  if (sector !== undefined) r.sector = sector;
  return r;
};

const all = { key: () => 'all' };

describe('rank', () => {
  it('uses standard competition ranking (1, 2, 2, 4)', () => {
    const ranked = rank([row('D', 70), row('A', 90), row('C', 80), row('B', 80)], all);
    expect(ranked.map((r) => [r.row.name, r.rank, r.of])).toEqual([
      ['A', 1, 4],
      ['B', 2, 4],
      ['C', 2, 4],
      ['D', 4, 4],
    ]);
  });

  it('compares the rounded published score (87.994 ties with 87.99)', () => {
    const ranked = rank([row('Beta', 87.994), row('Alfa', 87.99), row('Gama', 87.995)], all);
    expect(ranked.map((r) => [r.row.name, r.rank])).toEqual([
      ['Gama', 1],
      ['Alfa', 2],
      ['Beta', 2],
    ]);
  });

  it('orders a tie by name in Indonesian collation (case and accents do not split it)', () => {
    const ranked = rank([row('kota Zeta', 80), row('Kota Bima', 80), row('Kota ambon', 80), row('Kota Ácarr', 80)], all);
    expect(ranked.map((r) => r.row.name)).toEqual(['Kota Ácarr', 'Kota ambon', 'Kota Bima', 'kota Zeta']);
    expect(new Set(ranked.map((r) => r.rank))).toEqual(new Set([1]));
  });

  it('ranks inside groups and leaves rows with a null key out', () => {
    const ranked = rank([row('A', 90, 'kota'), row('B', 95, 'kabupaten'), row('C', 80, 'kota'), row('D', 99, 'provinsi')], {
      key: (r) => (r.type === 'provinsi' ? null : r.type),
    });
    expect(ranked.map((r) => [r.group, r.row.name, r.rank, r.of])).toEqual([
      ['kota', 'A', 1, 2],
      ['kota', 'C', 2, 2],
      ['kabupaten', 'B', 1, 1],
    ]);
  });

  it('ranks the same object twice as two rows', () => {
    const r = row('A', 90);
    expect(rank([r, r], all).map((x) => x.rank)).toEqual([1, 1]);
  });

  describe('properties', () => {
    const rows = fc.array(
      fc.record({
        name: fc.string({ minLength: 1, maxLength: 6 }),
        score: fc.integer({ min: 0, max: 400 }).map((k) => k / 4), // many ties
      }),
      { minLength: 1, maxLength: 40 },
    );

    it('ties share a rank; ranks follow the competition pattern 1..n', () => {
      fc.assert(
        fc.property(rows, (list) => {
          const input = list.map((r, i) => ({ ...row(r.name, r.score, 'kota'), id: `r${i}` }));
          const ranked = rank(input, all);
          if (ranked.length !== input.length) return false;
          for (const r of ranked) {
            // rank = 1 + number of rows with a strictly higher score
            const above = input.filter((o) => o.score > r.row.score).length;
            if (r.rank !== above + 1 || r.of !== input.length) return false;
          }
          // display order: non-increasing score, non-decreasing rank, first rank 1
          return (
            ranked[0]!.rank === 1 &&
            ranked.every((r, k) => k === 0 || (r.row.score <= ranked[k - 1]!.row.score && r.rank >= ranked[k - 1]!.rank))
          );
        }),
      );
    });

    it('does not depend on the input order', () => {
      fc.assert(
        fc.property(rows, (list) => {
          const input = list.map((r, i) => ({ ...row(r.name, r.score), id: `r${i}` }));
          const a = rank(input, all).map((r) => `${r.row.id}:${r.rank}`);
          const b = rank([...input].reverse(), all).map((r) => `${r.row.id}:${r.rank}`);
          return a.join() === b.join();
        }),
      );
    });
  });
});

describe('rankGovernments', () => {
  const rows = [
    row('Provinsi Banten', 70, 'provinsi', '36'),
    row('Provinsi Jawa Barat', 80, 'provinsi', '32'),
    row('Kota Tangerang', 85, 'kota', '36'),
    row('Kabupaten Serang', 85, 'kabupaten', '36'),
    row('Kota Cilegon', 75, 'kota', '36'),
    row('Kota Bandung', 90, 'kota', '32'),
    row('Kementerian X', 60, 'kementerian'),
  ];
  const ranks = rankGovernments(rows);

  it('returns one entry per row, in input order', () => {
    expect(ranks.map((r) => r.nationalType.row.name)).toEqual(rows.map((r) => r.name));
  });

  it.each([
    // name, national group, national rank/of, province rank/of (null: not ranked in a province)
    ['Provinsi Banten', 'national:provinsi', 2, 2, null],
    ['Provinsi Jawa Barat', 'national:provinsi', 1, 2, null],
    ['Kota Bandung', 'national:kota', 1, 3, [1, 1]],
    ['Kota Tangerang', 'national:kota', 2, 3, [1, 3]],
    ['Kabupaten Serang', 'national:kabupaten', 1, 1, [1, 3]],
    ['Kota Cilegon', 'national:kota', 3, 3, [3, 3]],
    ['Kementerian X', 'national:kementerian', 1, 1, null],
  ] as const)('%s: %s rank %s of %s, province %j', (name, group, r, of, province) => {
    const entry = ranks[rows.findIndex((x) => x.name === name)]!;
    expect(entry.nationalType).toMatchObject({ group, rank: r, of });
    if (province === null) expect(entry.province).toBeUndefined();
    else expect(entry.province).toMatchObject({ rank: province[0], of: province[1] });
  });
});

describe('rankUnitsBySector', () => {
  it('ranks units of one sector inside one province', () => {
    const units = [
      row('Disdukcapil Kota Tangerang', 92, 'kota', '36', 'adminduk'),
      row('Disdukcapil Kab Serang', 88, 'kabupaten', '36', 'adminduk'),
      row('DPMPTSP Kota Tangerang', 95, 'kota', '36', 'perizinan'),
      row('Disdukcapil Kota Bandung', 99, 'kota', '32', 'adminduk'),
      row('Puskesmas tanpa sektor', 99, 'kota', '36'),
    ];
    expect(rankUnitsBySector(units).map((r) => [r.group, r.row.name, r.rank])).toEqual([
      ['sector:36:adminduk', 'Disdukcapil Kota Tangerang', 1],
      ['sector:36:adminduk', 'Disdukcapil Kab Serang', 2],
      ['sector:36:perizinan', 'DPMPTSP Kota Tangerang', 1],
      ['sector:32:adminduk', 'Disdukcapil Kota Bandung', 1],
    ]);
  });
});

describe('movement', () => {
  it.each([
    [5, 2, 3],
    [2, 5, -3],
    [4, 4, 0],
    [null, 3, null],
    [3, null, null],
    [undefined, 1, null],
  ])('previous %s, current %s → %s', (previous, current, expected) => {
    expect(movement(previous, current)).toBe(expected);
  });
});
