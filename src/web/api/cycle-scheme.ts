/**
 * A cycle's frozen scheme (`GET /cycles/:cycleId/scheme`, `CycleScheme` in
 * `src/shared/wire/cycles.ts`): forms, previews, reviews and published pages use it, never the
 * library, so they show what the server scores. One key (`cycleKeys.scheme`) for every screen.
 * Apart from `cycles.ts` because the public start page lists cycles without reading a scheme.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Scheme } from '../../core/types.ts';
import type { CycleScheme } from '../../shared/wire/cycles.ts';
import { api, withOfflineCache } from '../lib/api.ts';
import { cycleKeys } from './cycles.ts';

/** The server validated the scheme when it froze it; this only guards against a wrong reply. */
function looksLikeScheme(value: unknown): value is Scheme {
  const s = value as Partial<Scheme> | null;
  return !!s && typeof s.id === 'string' && Array.isArray(s.instruments) && Array.isArray(s.dimensions) && Array.isArray(s.bands);
}

export async function getCycleScheme(cycleId: string, options: { fresh?: boolean } = {}): Promise<CycleScheme> {
  const reply = await withOfflineCache(`scheme:${cycleId}`, () => api.get<CycleScheme>(`/cycles/${cycleId}/scheme`), options);
  if (!looksLikeScheme(reply.scheme)) throw new Error(`cycle ${cycleId}: the frozen scheme is malformed`);
  return reply;
}

/**
 * Content-addressed (the hash never changes for a cycle), so it is cached for good, and kept on
 * the assessor's device for offline use.
 */
export function getCycleSchemeQueryOptions(cycleId: string) {
  return queryOptions({
    queryKey: cycleKeys.scheme(cycleId),
    queryFn: () => getCycleScheme(cycleId),
    staleTime: Infinity,
    // Runs offline too (never paused): answers the device's copy, or says it was not downloaded.
    networkMode: 'offlineFirst',
  });
}

export const useCycleScheme = (cycleId: string, enabled = true) => useQuery({ ...getCycleSchemeQueryOptions(cycleId), enabled });
