import { describe, expect, it } from 'vitest';
import type { CycleSummary } from '../../shared/wire/cycles.ts';
import type { RankingRow } from '../../shared/wire/scores.ts';
import { movementOf, movementSymbol } from '../ui/rank-movement.tsx';
import { familiesOf, filterRows, leaderboardFor, pickCycle, searchKey, shortBodyName } from './leaderboard-model.ts';

const band = { code: 'A', label: { id: 'Kualitas Tertinggi', en: 'Highest quality' }, color: '#1e6b34' };
function row(name: string, provinceCode: string | null, rank: number, movement: number | null): RankingRow {
  return {
    group: 'national:kota',
    rank,
    of: 3,
    previousRank: movement === null ? null : rank + movement,
    movement,
    body: { id: name, code: name, name, type: 'kota', provinceCode },
    unit: null,
    score: 90 - rank,
    band,
    complete: true,
  };
}
function cycle(id: string, year: number): CycleSummary {
  return {
    id,
    year,
    name: `Penilaian ${year}`,
    schemeId: `ombudsman-${year}`,
    family: 'ombudsman',
    schemeHash: `hash-${year}`,
    status: 'final',
    kind: 'official',
    ownerBodyId: null,
    source: 'computed',
    provinceCode: null,
    schemeTitle: { id: '', en: '' },
    bodies: 0,
    units: 0,
    published: true,
    terms: null,
    createdAt: `${year}-01-01T00:00:00.000Z`,
    updatedAt: `${year}-01-01T00:00:00.000Z`,
  };
}

describe('pickCycle', () => {
  const cycles = [cycle('c22', 2022), cycle('c24', 2024), cycle('c23', 2023)];
  it('takes the cycle asked for when it is published', () => {
    expect(pickCycle(cycles, 'c22')?.id).toBe('c22');
  });
  it('falls back to the newest published cycle for an unknown or missing id', () => {
    expect(pickCycle(cycles, 'gone')?.id).toBe('c24');
    expect(pickCycle(cycles, undefined)?.id).toBe('c24');
    expect(pickCycle([], undefined)).toBeUndefined();
  });
  it('prefers an Ombudsman cycle: a newer PEKPPP publication does not take over the start page', () => {
    const pekppp = { ...cycle('p25', 2025), schemeId: 'pekppp-2025', family: 'pekppp' };
    expect(pickCycle([...cycles, pekppp], undefined)?.id).toBe('c24');
    expect(pickCycle([pekppp], undefined)?.id).toBe('p25');
  });
});

describe('filterRows', () => {
  const rows = [row('Kota Tangerang', '36', 1, 2), row('Kota Bandung', '32', 2, -1), row('Kota Tangerang Selatan', '36', 3, 0)];
  it('searches names case- and accent-insensitively, keeping rank order', () => {
    expect(filterRows(rows, { q: '  TANGÉRANG ' }).map((r) => r.rank)).toEqual([1, 3]);
  });
  it('keeps only one province in the national view, with the national ranks', () => {
    expect(filterRows(rows, { province: '32' }).map((r) => [r.body.name, r.rank])).toEqual([['Kota Bandung', 2]]);
  });
  it('returns every row without a filter', () => {
    expect(filterRows(rows, {})).toHaveLength(3);
  });
  it('normalises search text', () => {
    expect(searchKey('  Kab.   Sérang ')).toBe('kab. serang');
  });
});

describe('movement', () => {
  it('reads previous − current rank: positive is up', () => {
    expect(movementSymbol(movementOf({ movement: 2, previousRank: 3 }))).toBe('▲2');
    expect(movementSymbol(movementOf({ movement: -1, previousRank: 4 }))).toBe('▼1');
    expect(movementSymbol(movementOf({ movement: 0, previousRank: 7 }))).toBe('=');
  });
  it('marks a government not ranked last time as new', () => {
    expect(movementOf({ movement: null, previousRank: null })).toEqual({ kind: 'new' });
  });
});

describe('names and back links', () => {
  it('shortens Kabupaten and Provinsi, leaves Kota', () => {
    expect(shortBodyName('Kabupaten Serang')).toBe('Kab. Serang');
    expect(shortBodyName('Provinsi Banten')).toBe('Prov. Banten');
    expect(shortBodyName('Kota Serang')).toBe('Kota Serang');
  });
  it('sends kabupaten/kota to their province ranking and others to the national one', () => {
    expect(leaderboardFor({ type: 'kota', provinceCode: '36' }, 'c')).toEqual({ cycle: 'c', view: 'province', province: '36' });
    expect(leaderboardFor({ type: 'provinsi', provinceCode: '36' }, 'c')).toEqual({ cycle: 'c', view: 'national', type: 'provinsi' });
    expect(leaderboardFor({ type: 'kementerian', provinceCode: null })).toEqual({
      cycle: undefined,
      view: 'national',
      type: 'kementerian',
    });
  });
});

describe('PEKPPP apart from Ombudsman (issue 10)', () => {
  const pekppp = (id: string, year: number): CycleSummary => ({ ...cycle(id, year), family: 'pekppp', schemeId: `pekppp-${year}` });
  const list = [pekppp('p24', 2024), cycle('o22', 2022), pekppp('p23', 2023)];

  it('offers each published family once with its newest cycle, Ombudsman first', () => {
    expect(familiesOf(list).map((c) => [c.family, c.id])).toEqual([
      ['ombudsman', 'o22'],
      ['pekppp', 'p24'],
    ]);
  });

  it('picks the newest cycle of the family asked for; the start page still prefers Ombudsman', () => {
    expect(pickCycle(list, undefined)?.id).toBe('o22');
    expect(pickCycle(list, undefined, 'pekppp')?.id).toBe('p24');
    expect(pickCycle(list, 'p23', 'ombudsman')?.id).toBe('p23');
    expect(pickCycle(list, undefined, 'skm')?.id).toBe('o22');
  });
});
