/**
 * The words a published cycle's results are shown in (issue 10): the frozen scheme's own
 * `terms` from the library (PEKPPP: "IPP", "Predikat", "Aspek", KemenPANRB), carried on the
 * cycle list the portal already reads; without them the generic words of the caller's strings.
 * Data, not an if/else on the family's name.
 */
import type { CycleSummary, SchemeTerms } from '../../shared/wire/cycles.ts';
import type { Lang } from '../../core/types.ts';
import { usePublishedCycles } from './use-published.ts';

export interface ResultWords {
  /** The result's short name ("IPP"), or null: the caller's generic word. */
  score: string | null;
  band: string | null;
  dimension: string | null;
  dimensions: string | null;
  /** "PEKPPP (KemenPANRB)", or null. */
  programme: string | null;
}

export function resultWords(terms: SchemeTerms | null | undefined, lang: Lang): ResultWords {
  if (!terms) return { score: null, band: null, dimension: null, dimensions: null, programme: null };
  return {
    score: terms.score[lang],
    band: terms.band[lang],
    dimension: terms.dimension[lang],
    dimensions: terms.dimensions[lang],
    programme: `${terms.programme[lang]} (${terms.issuerShort[lang]})`,
  };
}

/** The terms of a published cycle (null: generic words, or the list is still loading). */
export function useCycleTerms(cycleId: string | undefined): SchemeTerms | null {
  const cycles = usePublishedCycles();
  return cycles.data?.find((c) => c.id === cycleId)?.terms ?? null;
}

/** issue 10: the published cycle's summary (its "mandiri" validation state among others). */
export function usePublishedCycle(cycleId: string | undefined): CycleSummary | undefined {
  return usePublishedCycles().data?.find((c) => c.id === cycleId);
}
