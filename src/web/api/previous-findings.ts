/**
 * issue 13 §1: last cycle's findings of a unit, for the assessor's visit (the pre-check of
 * issue 12 §5) — downloaded with the unit ("Unduh untuk luring") and kept on the device, so the
 * assessor sees them offline. "Last cycle": the newest published, assessed (not imported) cycle
 * of an earlier year, an Ombudsman one first (as the findings screen picks). A unit that was not
 * in that cycle has no findings there.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CycleSummary } from '../../shared/wire/cycles.ts';
import type { Finding, FindingList } from '../../shared/wire/findings.ts';
import { api, getAllPages, isApiError, withOfflineCache } from '../lib/api.ts';

export interface PreviousFindings {
  cycle: { id: string; name: string; year: number } | null;
  items: Finding[];
}

/** The cycle whose findings the visit in `year` follows up, or undefined. */
export function previousCycle<T extends Pick<CycleSummary, 'id' | 'year' | 'family' | 'source' | 'published'>>(
  list: readonly T[],
  year: number,
): T | undefined {
  const earlier = list.filter((c) => c.published && c.source !== 'imported' && c.year < year).sort((a, b) => b.year - a.year);
  return earlier.find((c) => c.family === 'ombudsman') ?? earlier[0];
}

export const previousFindingsKey = (cycleId: string, unitId: string) => ['previous-findings', cycleId, unitId] as const;

export function getPreviousFindings(
  current: { id: string; year: number },
  unitId: string,
  options: { fresh?: boolean } = {},
): Promise<PreviousFindings> {
  return withOfflineCache(
    `findings-prev:${current.id}:${unitId}`,
    async () => {
      const prev = previousCycle(await getAllPages<CycleSummary>('/cycles', { published: true }), current.year);
      if (!prev) return { cycle: null, items: [] };
      const cycle = { id: prev.id, name: prev.name, year: prev.year };
      try {
        const list = await api.get<FindingList>(`/cycles/${prev.id}/units/${unitId}/findings`);
        return { cycle, items: list.items };
      } catch (error) {
        // The unit was not in that cycle's locus: nothing to follow up.
        if (isApiError(error) && error.status === 404) return { cycle, items: [] };
        throw error;
      }
    },
    options,
  );
}

export const usePreviousFindings = (current: { id: string; year: number }, unitId: string) =>
  useQuery(
    queryOptions({
      queryKey: previousFindingsKey(current.id, unitId),
      queryFn: () => getPreviousFindings(current, unitId),
      staleTime: 5 * 60_000,
      networkMode: 'offlineFirst',
    }),
  );
