/**
 * Pure rules of the public leaderboard: which cycle to show, search and province filters,
 * rank movement, and short names for tight places. No UI.
 */
import type { BodyRef } from '../../shared/wire/registry.ts';
import type { CycleSummary } from '../../shared/wire/cycles.ts';
import type { RankingRow } from '../../shared/wire/scores.ts';
import { LEADERBOARD_TYPES, type LeaderboardSearch } from './public-search.ts';

/**
 * The cycle to show: the one asked for if published, else the newest published one of the
 * family asked for (PEKPPP apart from Ombudsman), else the newest published one.
 */
export function pickCycle(cycles: readonly CycleSummary[], wanted: string | undefined, family?: string): CycleSummary | undefined {
  return (
    cycles.find((c) => c.id === wanted) ?? newestCycle(family ? cycles.filter((c) => c.family === family) : cycles) ?? newestCycle(cycles)
  );
}

/** The families of the published cycles, Ombudsman first (as the start page prefers it), each with its newest cycle. */
export function familiesOf(cycles: readonly CycleSummary[]): CycleSummary[] {
  const out = new Map<string, CycleSummary>();
  for (const c of [...cycles].sort((a, b) => b.year - a.year)) if (!out.has(c.family)) out.set(c.family, c);
  return [...out.values()].sort((a, b) => (a.family === 'ombudsman' ? 0 : 1) - (b.family === 'ombudsman' ? 0 : 1));
}

/**
 * The start page ranks the Ombudsman compliance results: the newest published Ombudsman cycle,
 * newer years first; another regime's cycle (PEKPPP) only when no Ombudsman cycle is published.
 */
export function newestCycle(cycles: readonly CycleSummary[]): CycleSummary | undefined {
  const ombudsman = (c: CycleSummary) => (c.family === 'ombudsman' ? 0 : 1);
  return [...cycles].sort((a, b) => ombudsman(a) - ombudsman(b) || b.year - a.year)[0];
}

/** Case- and accent-insensitive comparison form of a name. */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export interface RowFilter {
  q?: string;
  /** Only bodies of this province (national view). */
  province?: string;
}

/** Rows matching the search and province filter, in rank order (ties by name, as ranked). */
export function filterRows(rows: readonly RankingRow[], filter: RowFilter): RankingRow[] {
  const q = filter.q ? searchKey(filter.q) : '';
  return rows.filter(
    (row) =>
      (!q || searchKey(row.body.name).includes(q) || (row.unit && searchKey(row.unit.name).includes(q))) &&
      (!filter.province || row.body.provinceCode === filter.province),
  );
}

/** "Kabupaten Serang" → "Kab. Serang" (tiles, cards); other names unchanged. */
export function shortBodyName(name: string): string {
  return name.replace(/^Kabupaten\s+/i, 'Kab. ').replace(/^Provinsi\s+/i, 'Prov. ');
}

/** The leaderboard where a government is ranked: its province for kabupaten/kota, else national by type. */
export function leaderboardFor(body: Pick<BodyRef, 'type' | 'provinceCode'>, cycle?: string): LeaderboardSearch {
  const type = LEADERBOARD_TYPES.find((t) => t === body.type);
  if (body.provinceCode && (type === 'kabupaten' || type === 'kota')) return { cycle, view: 'province', province: body.provinceCode };
  return { cycle, view: 'national', type };
}
