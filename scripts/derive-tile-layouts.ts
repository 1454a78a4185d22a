/**
 * Derives the tile grid layout of every province (src/web/public/tile-layouts/<province>.json, one
 * file per province so the public map loads only the chosen one, issue 14 §2) from the
 * kabupaten/kota centres (src/web/lib/geo/kabkota-centroids.json, its source and licence are in
 * the file). Run: `npx tsx scripts/derive-tile-layouts.ts`; the output is committed, the browser
 * never runs this.
 *
 * Per province: project the centres (longitude scaled by the cosine of the latitude), fit them in
 * a grid of about 1.3 cells per kabupaten/kota with the province's aspect ratio (at most 8
 * columns, so a phone can still show it), give each kabupaten/kota its own cell with the least
 * total squared displacement (the assignment problem, Hungarian method), then drop empty rows
 * and columns.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const MAX_COLS = 8;
const CELLS_PER_ITEM = 1.3;

/** Minimum-cost assignment of n rows to distinct columns of an n × m cost matrix (n ≤ m). Returns the column of each row. */
export function assign(cost: number[][]): number[] {
  const n = cost.length;
  const m = cost[0]?.length ?? 0;
  if (n > m) throw new Error(`more items (${n}) than cells (${m})`);
  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(m + 1).fill(0);
  const p = new Array<number>(m + 1).fill(0);
  const way = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Array<number>(m + 1).fill(Number.POSITIVE_INFINITY);
    const used = new Array<boolean>(m + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = p[j0]!;
      let delta = Number.POSITIVE_INFINITY;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const cur = cost[i0 - 1]![j - 1]! - u[i0]! - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[p[j]!]! += delta;
          v[j]! -= delta;
        } else minv[j]! -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }
  const out = new Array<number>(n).fill(-1);
  for (let j = 1; j <= m; j++) if (p[j]! > 0) out[p[j]! - 1] = j - 1;
  return out;
}

export interface Layout {
  cols: number;
  at: Record<string, [number, number]>;
}

/** One province's grid from its kabupaten/kota centres ([latitude, longitude]). */
export function layoutOf(points: Record<string, readonly [number, number]>): Layout {
  const codes = Object.keys(points).sort();
  const n = codes.length;
  if (n === 1) return { cols: 1, at: { [codes[0]!]: [0, 0] } };
  const meanLat = codes.reduce((s, c) => s + points[c]![0], 0) / n;
  const k = Math.cos((meanLat * Math.PI) / 180);
  const xy = codes.map((c) => [points[c]![1] * k, -points[c]![0]] as const);
  const xs = xy.map((p) => p[0]);
  const ys = xy.map((p) => p[1]);
  const [minX, minY] = [Math.min(...xs), Math.min(...ys)];
  const w = Math.max(Math.max(...xs) - minX, 1e-6);
  const h = Math.max(Math.max(...ys) - minY, 1e-6);
  const aspect = Math.min(4, Math.max(0.25, w / h));
  const target = Math.ceil(n * CELLS_PER_ITEM);
  const cols = Math.max(1, Math.min(MAX_COLS, Math.round(Math.sqrt(target * aspect))));
  const rows = Math.max(Math.ceil(target / cols), Math.ceil(n / cols));
  const grid = xy.map(([x, y]) => [((x - minX) / w) * (cols - 1), ((y - minY) / h) * (rows - 1)] as const);
  const cells: [number, number][] = [];
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) cells.push([c, r]);
  const cost = grid.map(([gx, gy]) => cells.map(([c, r]) => (gx - c) ** 2 + (gy - r) ** 2));
  const chosen = assign(cost).map((j) => cells[j]!);
  // Drop empty columns and rows.
  const usedCols = [...new Set(chosen.map(([c]) => c))].sort((a, b) => a - b);
  const usedRows = [...new Set(chosen.map(([, r]) => r))].sort((a, b) => a - b);
  const at: Record<string, [number, number]> = {};
  codes.forEach((code, i) => {
    const [c, r] = chosen[i]!;
    at[code] = [usedCols.indexOf(c), usedRows.indexOf(r)];
  });
  return { cols: usedCols.length, at };
}

function main() {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const centroids = JSON.parse(readFileSync(`${root}src/web/lib/geo/kabkota-centroids.json`, 'utf8')) as {
    points: Record<string, [number, number]>;
  };
  const byProvince = new Map<string, Record<string, [number, number]>>();
  for (const [code, p] of Object.entries(centroids.points)) {
    const province = code.split('.')[0]!;
    byProvince.set(province, { ...byProvince.get(province), [code]: p });
  }
  const layouts: Record<string, Layout> = {};
  for (const province of [...byProvince.keys()].sort()) layouts[province] = layoutOf(byProvince.get(province)!);
  // Per province: [column, row] from the north-west of each kabupaten/kota (Kemendagri code).
  const dir = `${root}src/web/public/tile-layouts`;
  mkdirSync(dir, { recursive: true });
  // Written as the formatter (biome) writes JSON, so a run leaves the committed files unchanged.
  const text = (l: Layout) =>
    `{\n  "cols": ${l.cols},\n  "at": {\n${Object.entries(l.at)
      .map(([code, [c, r]]) => `    "${code}": [${c}, ${r}]`)
      .join(',\n')}\n  }\n}\n`;
  for (const [province, layout] of Object.entries(layouts)) writeFileSync(`${dir}/${province}.json`, text(layout));
  console.log(`${Object.keys(layouts).length} provinces, ${Object.keys(centroids.points).length} kabupaten/kota`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
