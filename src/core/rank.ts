/**
 * Rankings (methodology.md §5): standard competition ranking (1, 2, 2, 4) on the rounded
 * published score, inside groups: national per body type; provincial (the kabupaten and kota
 * of one province together; a provinsi is ranked only among provinces); unit sector within a
 * province. Ties are displayed by name in Indonesian collation. Pure; no I/O.
 */
import { round2 } from './round.ts';
import type { RankGroupSpec, RankInput, Ranked } from './types.ts';

const collator = new Intl.Collator('id');

interface Member {
  index: number;
  s: number;
  row: RankInput;
}

/** Display order inside a group: score desc, then name (Indonesian collation), then id. */
function compareMembers(a: Member, b: Member): number {
  return (
    b.s - a.s || collator.compare(a.row.name, b.row.name) || (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0) || a.index - b.index
  );
}

interface Placement {
  index: number;
  group: string;
  rank: number;
  of: number;
}

/** Rank by input index (so the same object twice in `rows` is still two rows). */
function placements(rows: readonly RankInput[], spec: RankGroupSpec): Placement[] {
  const groups = new Map<string, Member[]>();
  rows.forEach((row, index) => {
    const key = spec.key(row);
    if (key === null) return;
    let g = groups.get(key);
    if (g === undefined) groups.set(key, (g = []));
    g.push({ index, s: round2(row.score), row });
  });
  const out: Placement[] = [];
  for (const [group, members] of groups) {
    members.sort(compareMembers);
    let rankHere = 0;
    let previous = Number.NaN;
    members.forEach((m, k) => {
      // Competition ranking: a new score takes rank = 1 + number of rows above it.
      if (m.s !== previous) {
        rankHere = k + 1;
        previous = m.s;
      }
      out.push({ index: m.index, group, rank: rankHere, of: members.length });
    });
  }
  return out;
}

/**
 * Rank rows inside the groups `spec.key` assigns (a null key: the row is not ranked and not
 * returned). Scores are compared after `round2`, so 87.994 and 87.99 tie.
 * Returns groups in order of first appearance, each in display order (rank, then name).
 */
export function rank<T extends RankInput>(rows: readonly T[], spec: RankGroupSpec): Ranked<T>[] {
  return placements(rows, spec).map((p) => ({ row: rows[p.index]!, group: p.group, rank: p.rank, of: p.of }));
}

/** Group of a body inside its type, nationally: "national:kota". */
export const nationalTypeGroup: RankGroupSpec = { key: (row) => `national:${row.type}` };

/** Kabupaten and kota of one province together: "province:36"; other types are not ranked here. */
export const provinceGroup: RankGroupSpec = {
  key: (row) =>
    (row.type === 'kabupaten' || row.type === 'kota') && row.province !== undefined && row.province !== ''
      ? `province:${row.province}`
      : null,
};

/** Units of one sector inside one province: "sector:36:adminduk". */
export const sectorGroup: RankGroupSpec = {
  key: (row) =>
    row.province !== undefined && row.province !== '' && row.sector !== undefined && row.sector !== ''
      ? `sector:${row.province}:${row.sector}`
      : null,
};

/**
 * Rank governments nationally per body type and, for kabupaten/kota, inside their province.
 * Returns one entry per input row, in input order.
 */
export function rankGovernments<T extends RankInput>(rows: readonly T[]): { nationalType: Ranked<T>; province?: Ranked<T> }[] {
  const national: Ranked<T>[] = new Array<Ranked<T>>(rows.length);
  for (const p of placements(rows, nationalTypeGroup)) {
    national[p.index] = { row: rows[p.index]!, group: p.group, rank: p.rank, of: p.of };
  }
  const provincial: (Ranked<T> | undefined)[] = new Array<Ranked<T> | undefined>(rows.length);
  for (const p of placements(rows, provinceGroup)) {
    provincial[p.index] = { row: rows[p.index]!, group: p.group, rank: p.rank, of: p.of };
  }
  return rows.map((_, i) => {
    const entry: { nationalType: Ranked<T>; province?: Ranked<T> } = { nationalType: national[i]! };
    const p = provincial[i];
    if (p !== undefined) entry.province = p;
    return entry;
  });
}

/** Rank service units by sector within their province (rows without province or sector are left out). */
export function rankUnitsBySector<T extends RankInput>(rows: readonly T[]): Ranked<T>[] {
  return rank(rows, sectorGroup);
}

/**
 * Movement against the previous cycle: previous rank − current rank (positive = moved up).
 * Null when either rank is missing. Compare only ranks of the same group and scheme family.
 */
export function movement(previousRank: number | null | undefined, currentRank: number | null | undefined): number | null {
  if (previousRank === null || previousRank === undefined) return null;
  if (currentRank === null || currentRank === undefined) return null;
  return previousRank - currentRank;
}
