import { describe, expect, it } from 'vitest';
import { validateCycleSearch, validateLeaderboardSearch, validateMapSearch } from './public-search.ts';

describe('portal search parameters', () => {
  it('keeps valid leaderboard parameters', () => {
    expect(validateLeaderboardSearch({ cycle: 'abc', view: 'province', type: 'kota', province: '36', q: ' serang ' })).toEqual({
      cycle: 'abc',
      view: 'province',
      type: 'kota',
      province: '36',
      q: 'serang',
    });
  });

  it('drops what a hand-edited URL gets wrong instead of failing', () => {
    expect(validateLeaderboardSearch({ view: 'world', type: 'desa', province: 'Banten', q: '   ', cycle: 7 })).toEqual({
      cycle: undefined,
      view: undefined,
      type: undefined,
      province: undefined,
      q: undefined,
    });
  });

  it('reads a hand-typed province code that the router parsed as a number', () => {
    expect(validateLeaderboardSearch({ view: 'province', province: 36 }).province).toBe('36');
    expect(validateLeaderboardSearch({ province: 360 }).province).toBeUndefined();
    expect(validateLeaderboardSearch({ province: 3.6 }).province).toBeUndefined();
  });

  it('caps the search text at 100 characters', () => {
    expect(validateLeaderboardSearch({ q: 'x'.repeat(300) }).q).toHaveLength(100);
  });

  it('validates the government and map pages the same way', () => {
    expect(validateCycleSearch({ cycle: 'c1', other: 1 })).toEqual({ cycle: 'c1' });
    expect(validateMapSearch({ cycle: '', province: '360' })).toEqual({ cycle: undefined, province: undefined });
  });
});
