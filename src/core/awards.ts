/**
 * Award lists of a publication, for governments (issue 5 §4) and for service units (issue 18
 * §1), computed from published scores alone so every certificate can be checked against them.
 * The numbers (top N per province or sector, most-improved ranks, whether units get the top-band
 * award) live in the library file (`Scheme.awards`, with its ASSUMPTION notes); absent rules give
 * only the top-band award to governments and nothing to units. Pure; no I/O.
 *
 *  - 'top-band': every complete entry in the scheme's highest band (A "Kualitas Tertinggi" …);
 *  - 'top-province' (governments): provincial rank ≤ `topPerProvince` among the kabupaten and
 *    kota of one province (standard competition ranking, ties included);
 *  - 'top-sector' (units): rank ≤ `units.topPerSector` among the units of one sector in one province;
 *  - 'most-improved': round2(score − previousScore) > 0, the top `mostImproved` competition ranks
 *    of the increase among the candidates given (the publication's scope).
 */
import { bandOf } from './classify.ts';
import { provinceGroup, rank, sectorGroup } from './rank.ts';
import { round2 } from './round.ts';
import type { AwardCandidate, AwardEntry, AwardKind, AwardLists, AwardRules, BandRef, RankInput, Scheme } from './types.ts';

const collator = new Intl.Collator('id');
const byName = (a: { name: string; id: string }, b: { name: string; id: string }): number =>
  collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Code of the scheme's highest band (the one with the highest lower bound). */
export function topBandCode(scheme: Scheme): string {
  let best = scheme.bands[0]!;
  for (const b of scheme.bands) if (b.min > best.min) best = b;
  return best.code;
}

function asRankRow(c: AwardCandidate): RankInput {
  const row: RankInput = { id: c.id, name: c.name, type: c.type ?? 'kabupaten', score: c.score };
  if (c.province !== undefined && c.province !== null) row.province = c.province;
  if (c.sector !== undefined && c.sector !== null) row.sector = c.sector;
  return row;
}

function entry(
  kind: AwardKind,
  c: AwardCandidate,
  band: BandRef,
  rankValue: number | null,
  group: string | null,
  delta: number | null,
): AwardEntry {
  return { kind, id: c.id, name: c.name, score: c.score, band, rank: rankValue, group, delta };
}

function mostImproved(candidates: readonly AwardCandidate[], bands: BandRef[], ranks: number): AwardEntry[] {
  if (ranks <= 0) return [];
  const rises = candidates
    .map((c, k) => ({ c, k, delta: c.previousScore === null || c.previousScore === undefined ? 0 : round2(c.score - c.previousScore) }))
    .filter((x) => x.c.complete !== false && x.delta > 0)
    .sort((a, b) => b.delta - a.delta || byName(a.c, b.c));
  const out: AwardEntry[] = [];
  let rankHere = 0;
  let previous = Number.NaN;
  rises.forEach((x, pos) => {
    if (x.delta !== previous) {
      rankHere = pos + 1;
      previous = x.delta;
    }
    if (rankHere <= ranks) out.push(entry('most-improved', x.c, bands[x.k]!, rankHere, null, x.delta));
  });
  return out;
}

function lists(
  scheme: Scheme,
  candidates: readonly AwardCandidate[],
  level: 'government' | 'unit',
  rules: AwardRules | undefined,
): AwardLists {
  const topBand = topBandCode(scheme);
  const bands = candidates.map((c) => bandOf(scheme, round2(c.score)));
  const entries: AwardEntry[] = [];
  const unitRules = rules?.units;

  if (level === 'government' || unitRules?.topBand === true) {
    candidates
      .map((c, k) => ({ c, k }))
      .filter(({ c, k }) => c.complete !== false && bands[k]!.code === topBand)
      .sort((a, b) => b.c.score - a.c.score || byName(a.c, b.c))
      .forEach(({ c, k }) => {
        entries.push(entry('top-band', c, bands[k]!, null, null, null));
      });
  }

  const limit = level === 'government' ? (rules?.topPerProvince ?? 0) : (unitRules?.topPerSector ?? 0);
  if (limit > 0) {
    const kind: AwardKind = level === 'government' ? 'top-province' : 'top-sector';
    const rows = candidates.map(asRankRow);
    const index = new Map(rows.map((r, k) => [r, k]));
    // A government without a body type is not ranked in a province (only kabupaten/kota are).
    const spec =
      level === 'government'
        ? { key: (r: RankInput) => (candidates[index.get(r)!]!.type === undefined ? null : provinceGroup.key(r)) }
        : sectorGroup;
    const ranked = rank(rows, spec);
    ranked
      .filter((r) => r.rank <= limit && candidates[index.get(r.row)!]!.complete !== false)
      .sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0) || a.rank - b.rank || byName(a.row, b.row))
      .forEach((r) => {
        const k = index.get(r.row)!;
        entries.push(entry(kind, candidates[k]!, bands[k]!, r.rank, r.group, null));
      });
  }

  const improvedRanks = level === 'government' ? (rules?.mostImproved ?? 0) : (unitRules?.mostImproved ?? 0);
  entries.push(...mostImproved(candidates, bands, improvedRanks));
  return { topBand, entries };
}

/**
 * Government award lists of a publication: top band, top N per province, most improved.
 * `rules` defaults to `scheme.awards` (read a frozen scheme through `inheritPolicy` first).
 * Entries come grouped by kind (top-band by score then name; top-province by province, rank,
 * name; most-improved by rank, name).
 */
export function governmentAwards(
  scheme: Scheme,
  candidates: readonly AwardCandidate[],
  rules: AwardRules | undefined = scheme.awards,
): AwardLists {
  return lists(scheme, candidates, 'government', rules);
}

/**
 * Unit award lists of a publication under `rules.units` (default `scheme.awards.units`): every
 * complete unit in the top band (when `topBand`), the top N of each sector in each province,
 * the most improved units. No `units` rules: no unit awards.
 */
export function unitAwards(
  scheme: Scheme,
  candidates: readonly AwardCandidate[],
  rules: AwardRules | undefined = scheme.awards,
): AwardLists {
  return lists(scheme, candidates, 'unit', rules);
}
