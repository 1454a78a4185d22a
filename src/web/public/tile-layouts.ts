/**
 * Tile grid maps: no boundary data ships offline, so a province is drawn as one equal tile per
 * kabupaten/kota, placed roughly where it lies (column, row from the north-west). Every province's
 * layout is derived from the kabupaten/kota centres (tile-layouts/<province>.json, made by
 * scripts/derive-tile-layouts.ts from src/web/lib/geo/kabkota-centroids.json — source and licence
 * there); a hand-made layout below wins over the derived one. A province whose bodies do not all
 * have a place (a new kabupaten) gets its tiles in alphabetical order. One file per province, a
 * chunk each: the map loads only the chosen province's (issue 14 §2).
 */

export interface TileLayout {
  cols: number;
  /** Kemendagri code → [column, row], both from 0. */
  at: Record<string, readonly [number, number]>;
}

export const HAND_MADE: Record<string, TileLayout> = {
  // Banten: Cilegon on the north-west tip, Kota Serang inside Kabupaten Serang, Tangerang and
  // Tangerang Selatan against Jakarta in the east, Pandeglang and Lebak across the south.
  '36': {
    cols: 4,
    at: {
      '36.72': [0, 0], // Kota Cilegon
      '36.73': [1, 0], // Kota Serang
      '36.03': [2, 0], // Kabupaten Tangerang
      '36.71': [3, 0], // Kota Tangerang
      '36.01': [0, 1], // Kabupaten Pandeglang
      '36.04': [1, 1], // Kabupaten Serang
      '36.02': [2, 1], // Kabupaten Lebak
      '36.74': [3, 1], // Kota Tangerang Selatan
    },
  },
};

const DERIVED = import.meta.glob<TileLayout>('./tile-layouts/*.json', { import: 'default' });
const loading = new Map<string, Promise<TileLayout | undefined>>();

/** The province's layout (the hand-made one, else the derived one); undefined when it has none. */
export function loadTileLayout(province: string): Promise<TileLayout | undefined> {
  let promise = loading.get(province);
  if (!promise) {
    const load = /^\d{2}$/.test(province) ? DERIVED[`./tile-layouts/${province}.json`] : undefined;
    promise = HAND_MADE[province] ? Promise.resolve(HAND_MADE[province]) : load ? load() : Promise.resolve(undefined);
    // A failed download (offline) may be retried by the next render.
    promise.catch(() => loading.delete(province));
    loading.set(province, promise);
  }
  return promise;
}

export interface PlacedTile<T> {
  item: T;
  col: number;
  row: number;
}

/**
 * Places each item on the grid: by the province's layout when every item has a place in it,
 * otherwise alphabetically by name, row by row, in up to 5 columns.
 */
export function placeTiles<T extends { code: string; name: string }>(
  layout: TileLayout | undefined,
  items: readonly T[],
): { cols: number; rows: number; tiles: PlacedTile<T>[] } {
  if (layout && items.length > 0 && items.every((i) => layout.at[i.code])) {
    const tiles = items.map((item) => {
      const [col, row] = layout.at[item.code]!;
      return { item, col, row };
    });
    return { cols: layout.cols, rows: Math.max(...tiles.map((t) => t.row)) + 1, tiles };
  }
  const cols = Math.max(1, Math.min(5, Math.ceil(Math.sqrt(items.length))));
  const sorted = [...items].sort((a, b) => a.name.localeCompare(b.name, 'id'));
  const tiles = sorted.map((item, i) => ({ item, col: i % cols, row: Math.floor(i / cols) }));
  return { cols, rows: Math.ceil(items.length / cols), tiles };
}
