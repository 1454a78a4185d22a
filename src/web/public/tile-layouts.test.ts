import { getProvinces, getRegencies } from 'idn-area-data';
import { describe, expect, it } from 'vitest';
import { layoutOf } from '../../../scripts/derive-tile-layouts.ts';
import centroids from '../lib/geo/kabkota-centroids.json';
import { HAND_MADE, loadTileLayout, placeTiles, type TileLayout } from './tile-layouts.ts';

/** The committed per-province files (tile-layouts/<province>.json), as the script wrote them. */
const derived = Object.fromEntries(
  Object.entries(import.meta.glob<TileLayout>('./tile-layouts/*.json', { eager: true, import: 'default' })).map(([path, layout]) => [
    /(\d{2})\.json$/.exec(path)![1]!,
    layout,
  ]),
);
/** What the map draws: the hand-made layout wins over the derived one. */
const TILE_LAYOUTS: Record<string, TileLayout> = { ...derived, ...HAND_MADE };

describe('tile grid maps', () => {
  it('has a layout for every province, a tile for each of the 514 kabupaten/kota, none on another', async () => {
    const provinces = await getProvinces();
    const regencies = await getRegencies({ transform: true });
    expect(provinces).toHaveLength(38);
    expect(regencies).toHaveLength(514);
    let placed = 0;
    for (const p of provinces) {
      const own = regencies.filter((r) => r.provinceCode === p.code);
      const layout = TILE_LAYOUTS[p.code];
      expect(layout, p.name).toBeDefined();
      // Exactly the province's kabupaten/kota, by Kemendagri code.
      expect(Object.keys(layout!.at).sort(), p.name).toEqual(own.map((r) => r.code).sort());
      const grid = placeTiles(TILE_LAYOUTS[p.code], own);
      const cells = grid.tiles.map((t) => `${t.col},${t.row}`);
      expect(new Set(cells).size, p.name).toBe(own.length);
      expect(grid.tiles.every((t) => t.col >= 0 && t.row >= 0 && t.col < grid.cols && t.row < grid.rows)).toBe(true);
      // Placed by the layout (a layout's cell), not by the alphabetical fallback.
      expect(grid.tiles.every((t) => layout!.at[t.item.code]![0] === t.col && layout!.at[t.item.code]![1] === t.row)).toBe(true);
      expect(grid.cols).toBeLessThanOrEqual(8);
      placed += grid.tiles.length;
    }
    expect(placed).toBe(514);
  });

  it('keeps the committed layouts what the script derives from the committed centres', () => {
    const points = centroids.points as unknown as Record<string, [number, number]>;
    const byProvince = new Map<string, Record<string, [number, number]>>();
    for (const [code, p] of Object.entries(points))
      byProvince.set(code.split('.')[0]!, { ...byProvince.get(code.split('.')[0]!), [code]: p });
    expect(byProvince.size).toBe(38);
    for (const [province, pts] of byProvince) expect(derived[province]).toEqual(layoutOf(pts));
  });

  it('puts East Java roughly where it lies: Pacitan west, Banyuwangi east, Sumenep on Madura north of Jember', () => {
    const at = TILE_LAYOUTS['35']!.at;
    expect(at['35.01']![0]).toBeLessThan(at['35.10']![0]); // Pacitan, Banyuwangi
    expect(at['35.29']![1]).toBeLessThan(at['35.09']![1]); // Sumenep, Jember
    expect(at['35.78']![1]).toBeLessThan(at['35.07']![1]); // Kota Surabaya, Kabupaten Malang
  });

  it.each(Object.keys(TILE_LAYOUTS))('places every kabupaten/kota of province %s (idn-area-data) on its own cell', async (province) => {
    const regencies = (await getRegencies({ transform: true })).filter((r) => r.provinceCode === province);
    expect(regencies.length).toBeGreaterThan(1);
    const grid = placeTiles(TILE_LAYOUTS[province], regencies);
    expect(grid.tiles).toHaveLength(regencies.length);
    // Every one of them has a place in the layout (no alphabetical fallback).
    expect(grid.tiles.every((t) => TILE_LAYOUTS[province]!.at[t.item.code])).toBe(true);
    const cells = new Set(grid.tiles.map((t) => `${t.col},${t.row}`));
    expect(cells.size).toBe(regencies.length);
    expect(grid.tiles.every((t) => t.col < grid.cols && t.row < grid.rows)).toBe(true);
  });

  it('puts Banten roughly where it lies: Cilegon north-west, Lebak south of Kabupaten Tangerang, Tangerang Selatan east', async () => {
    const banten = (await getRegencies({ transform: true })).filter((r) => r.provinceCode === '36');
    const at = Object.fromEntries(placeTiles(TILE_LAYOUTS['36'], banten).tiles.map((t) => [t.item.name, t]));
    expect(at['Kota Cilegon']).toMatchObject({ col: 0, row: 0 });
    expect(at['Kabupaten Lebak']!.row).toBeGreaterThan(at['Kabupaten Tangerang']!.row);
    expect(at['Kota Tangerang Selatan']!.col).toBe(at['Kota Tangerang']!.col);
  });

  it('loads one province at a time: the hand-made layout wins, a derived one from its file, none for an unknown code', async () => {
    await expect(loadTileLayout('36')).resolves.toBe(HAND_MADE['36']);
    await expect(loadTileLayout('35')).resolves.toEqual(derived['35']);
    expect(loadTileLayout('35')).toBe(loadTileLayout('35')); // one download per province
    await expect(loadTileLayout('99')).resolves.toBeUndefined();
    await expect(loadTileLayout('../x')).resolves.toBeUndefined();
    // Without a layout the map still shows every body (alphabetical rows).
    expect(placeTiles(undefined, [{ code: '99.01', name: 'A' }]).tiles).toHaveLength(1);
  });

  it('falls back to alphabetical rows for a province without a layout', () => {
    const items = ['Kota Bogor', 'Kabupaten Bandung', 'Kota Bandung', 'Kabupaten Garut', 'Kota Depok'].map((name, i) => ({
      code: `32.${i}`,
      name,
    }));
    const grid = placeTiles(TILE_LAYOUTS['32'], items);
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
    const grid = placeTiles(TILE_LAYOUTS['36'], [
      { code: '36.99', name: 'Kabupaten Baru' },
      { code: '36.01', name: 'Kabupaten Pandeglang' },
    ]);
    expect(grid.tiles.map((t) => t.item.code)).toEqual(['36.99', '36.01']);
    expect(grid.cols).toBe(2);
  });
});
