/**
 * A cycle's frozen scheme (`GET /cycles/:cycleId/scheme`): forms and previews of assignment
 * sheets use it, never the library, so they match what the server scores. Content-addressed
 * (the hash never changes for a cycle), so it is cached forever and kept for offline use.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Scheme } from '../../core/types.ts';
import { api } from '../lib/api.ts';
import { withOfflineCache } from '../lib/sync.ts';

export interface CycleScheme {
  schemeId: string;
  schemeHash: string;
  scheme: Scheme;
}

/** The server validated the scheme when it froze it; this only guards against a wrong reply. */
function looksLikeScheme(value: unknown): value is Scheme {
  const s = value as Partial<Scheme> | null;
  return !!s && typeof s.id === 'string' && Array.isArray(s.instruments) && Array.isArray(s.dimensions) && Array.isArray(s.bands);
}

export async function getCycleScheme(cycleId: string): Promise<CycleScheme> {
  const reply = await withOfflineCache(`scheme:${cycleId}`, () =>
    api.get<{ schemeId: string; schemeHash: string; scheme: unknown }>(`/cycles/${cycleId}/scheme`),
  );
  if (!looksLikeScheme(reply.scheme)) throw new Error(`cycle ${cycleId}: the frozen scheme is malformed`);
  return { schemeId: reply.schemeId, schemeHash: reply.schemeHash, scheme: reply.scheme };
}

export function getCycleSchemeQueryOptions(cycleId: string) {
  return queryOptions({ queryKey: ['cycles', cycleId, 'scheme'], queryFn: () => getCycleScheme(cycleId), staleTime: Infinity });
}

export function useCycleScheme(cycleId: string) {
  return useQuery(getCycleSchemeQueryOptions(cycleId));
}
