import { getRegencies } from 'idn-area-data';
import { describe, expect, it } from 'vitest';
import { TILE_LAYOUTS, placeTiles } from './tile-layouts.ts';

describe('tile grid maps', () => {
  it.each(Object.keys(TILE_LAYOUTS))('places every kabupaten/kota of province %s (idn-area-data) on its own cell', async (province) => {
    const regencies = (await getRegencies({ transform: true })).filter((r) => r.provinceCode === province);
    expect(regencies.length).toBeGreaterThan(1);
    const grid = placeTiles(province, regencies);
    expect(grid.tiles).toHaveLength(regencies.length);
    // Every one of them has a place in the layout (no alphabetical fallback).
    expect(grid.tiles.every((t) => TILE_LAYOUTS[province]!.at[t.item.code])).toBe(true);
    const cells = new Set(grid.tiles.map((t) => `${t.col},${t.row}`));
    expect(cells.size).toBe(regencies.length);
    expect(grid.tiles.every((t) => t.col < grid.cols && t.row < grid.rows)).toBe(true);
  });

  it('puts Banten roughly where it lies: Cilegon north-west, Lebak south of Kabupaten Tangerang, Tangerang Selatan east', async () => {
    const banten = (await getRegencies({ transform: true })).filter((r) => r.provinceCode === '36');
    const at = Object.fromEntries(placeTiles('36', banten).tiles.map((t) => [t.item.name, t]));
    expect(at['Kota Cilegon']).toMatchObject({ col: 0, row: 0 });
    expect(at['Kabupaten Lebak']!.row).toBeGreaterThan(at['Kabupaten Tangerang']!.row);
    expect(at['Kota Tangerang Selatan']!.col).toBe(at['Kota Tangerang']!.col);
  });

  it('falls back to alphabetical rows for a province without a layout', () => {
    const items = ['Kota Bogor', 'Kabupaten Bandung', 'Kota Bandung', 'Kabupaten Garut', 'Kota Depok'].map((name, i) => ({
      code: `32.${i}`,
      name,
    }));
    const grid = placeTiles('32', items);
    expect(grid.cols).toBe(3);
    expect(grid.tiles.map((t) => t.item.name)).toEqual([
      'Kabupaten Bandung',
      'Kabupaten Garut',
      'Kota Bandung',
      'Kota Bogor',
      'Kota Depok',
    ]);
    expect(grid.tiles.map((t) => [t.col, t.row])).toEqual([
      [0, 0],
      [1, 0],
      [2, 0],
      [0, 1],
      [1, 1],
    ]);
  });

  it('falls back too when a body is missing from the layout (a new kabupaten)', () => {
    const grid = placeTiles('36', [
      { code: '36.99', name: 'Kabupaten Baru' },
      { code: '36.01', name: 'Kabupaten Pandeglang' },
    ]);
    expect(grid.tiles.map((t) => t.item.code)).toEqual(['36.99', '36.01']);
    expect(grid.cols).toBe(2);
  });
});
