/**
 * Award lists of a publication (issue 5 §4), computed from its snapshot alone, so the lists
 * and every certificate can be checked against the published numbers at any time:
 *
 *  - "Kualitas Tertinggi": every complete body in the scheme's highest band (the band with the
 *    highest lower bound: A under Ombudsman, its label is "Kualitas Tertinggi");
 *  - top N of each province: provincial rank ≤ `awards.topPerProvince` (kabupaten/kota ranked
 *    together in their province, the snapshot's `ranks.province`); tied bodies share a rank;
 *  - most improved: the largest score increase against the body's previous published score
 *    (`previous`), the top `awards.mostImproved` competition ranks of the publication's scope
 *    (national, or the province), ties sharing; only increases > 0 count.
 *
 * The numbers live in the methodology library file (`awards`, with its ASSUMPTION note), never
 * here. Incomplete bodies get no award. No I/O.
 */
import { round2 } from '../../core/index.ts';
import type { AwardRules, Scheme } from '../../core/types.ts';
import { getScheme } from '../../../methodologies/index.ts';
import type { AwardKind } from '../../shared/wire/awards.ts';
import { AWARD_KINDS } from '../../shared/wire/enums.ts';
import type { PublicationSnapshot, SnapshotBody } from '../../shared/wire/publications.ts';

/**
 * The award rules of a cycle's frozen scheme; a scheme frozen before the library had them takes
 * the rules of the library file of the same id. null: only the top-band award.
 */
export function awardRules(scheme: Scheme): AwardRules | null {
  return scheme.awards ?? getScheme(scheme.id)?.awards ?? null;
}

export interface AwardEntry {
  kind: AwardKind;
  body: SnapshotBody;
  /** Rank inside the list (top-province: provincial rank; most-improved: rank by increase). */
  rank: number | null;
  /** top-province: the province; most-improved: the scope's province (null = national). */
  provinceCode: string | null;
  /** most-improved: score − previous score (rounded to 2 decimals). */
  delta: number | null;
}

export interface AwardLists {
  /** Code of the scheme's highest band. */
  topBand: string;
  entries: AwardEntry[];
}

/** The scheme's highest band: the one with the highest lower bound. */
export function topBandCode(scheme: Scheme): string {
  const bands = [...scheme.bands].sort((a, b) => b.min - a.min);
  const top = bands[0];
  if (top === undefined) throw new RangeError('topBandCode: the scheme has no bands');
  return top.code;
}

/** Competition ranking ("1, 2, 2, 4") of values, largest first. */
function competitionRanks<T>(items: readonly T[], value: (x: T) => number): { item: T; rank: number }[] {
  const sorted = [...items].sort((a, b) => value(b) - value(a));
  const out: { item: T; rank: number }[] = [];
  sorted.forEach((item, k) => {
    const prev = out[k - 1];
    out.push({ item, rank: prev !== undefined && value(prev.item) === value(item) ? prev.rank : k + 1 });
  });
  return out;
}

const byName = (a: SnapshotBody, b: SnapshotBody): number => a.name.localeCompare(b.name, 'id');

export function computeAwards(snapshot: PublicationSnapshot, scheme: Scheme): AwardLists {
  const topBand = topBandCode(scheme);
  const rules = awardRules(scheme);
  const eligible = snapshot.bodies.filter((b) => b.complete);
  const entries: AwardEntry[] = [];

  for (const body of [...eligible].filter((b) => b.bandCode === topBand).sort((a, b) => b.score - a.score || byName(a, b))) {
    entries.push({ kind: 'kualitas-tertinggi', body, rank: null, provinceCode: body.provinceCode, delta: null });
  }

  const topPerProvince = rules?.topPerProvince ?? 0;
  const top = eligible
    .filter((b) => b.ranks.province !== null && b.ranks.province.rank <= topPerProvince && b.provinceCode !== null)
    .sort((a, b) => a.provinceCode!.localeCompare(b.provinceCode!) || a.ranks.province!.rank - b.ranks.province!.rank || byName(a, b));
  for (const body of top)
    entries.push({ kind: 'top-province', body, rank: body.ranks.province!.rank, provinceCode: body.provinceCode, delta: null });

  const improved = eligible
    .filter((b) => b.previous !== null)
    .map((b) => ({ body: b, delta: round2(b.score - b.previous!.score) }))
    .filter((x) => x.delta > 0);
  const scopeProvince = snapshot.scope === 'national' ? null : snapshot.scope;
  for (const { item, rank } of competitionRanks(improved, (x) => x.delta)) {
    if (rank > (rules?.mostImproved ?? 0)) break;
    entries.push({ kind: 'most-improved', body: item.body, rank, provinceCode: scopeProvince, delta: item.delta });
  }
  // Equal increases: alphabetical inside a rank.
  return { topBand, entries: stableByKind(entries) };
}

function stableByKind(entries: AwardEntry[]): AwardEntry[] {
  const order = new Map(AWARD_KINDS.map((k, i) => [k, i]));
  return entries
    .map((e, i) => ({ e, i }))
    .sort(
      (a, b) =>
        order.get(a.e.kind)! - order.get(b.e.kind)! ||
        (a.e.kind === 'most-improved' ? a.e.rank! - b.e.rank! || byName(a.e.body, b.e.body) : a.i - b.i),
    )
    .map((x) => x.e);
}
