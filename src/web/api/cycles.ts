/**
 * Cycle reads (`src/shared/wire/cycles.ts`): the list (a page, or every page), one cycle with
 * its instruments and quotas, and the cycle's frozen scheme. The only place that builds cycle
 * query keys; the writes are in `cycles-writes.ts`, the locus and progress in `locus.ts`.
 * The public portal reads published cycles and schemes here too, so keep this module lean.
 */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Scheme } from '../../core/types.ts';
import type { Page } from '../../shared/wire/common.ts';
import type { CycleDetail, CycleScheme, CycleStatus, CycleSummary } from '../../shared/wire/cycles.ts';
import { api, getAllPages, withOfflineCache } from '../lib/api.ts';

export interface CyclePage {
  page: number;
  pageSize: number;
}

export interface CycleFilter {
  /** Only cycles the public can read (a released current publication, national or of a province). */
  published?: boolean;
  status?: CycleStatus;
}

export const cycleKeys = {
  all: ['cycles'] as const,
  page: (p: CyclePage) => ['cycles', 'page', p] as const,
  list: (f: CycleFilter) => ['cycles', 'list', f] as const,
  one: (cycleId: string) => ['cycles', 'one', cycleId] as const,
  scheme: (cycleId: string) => ['cycles', 'scheme', cycleId] as const,
};

/** One page of cycles, newest first (the admin's table). */
export function getCyclesPageQueryOptions(p: CyclePage) {
  return queryOptions({
    queryKey: cycleKeys.page(p),
    queryFn: ({ signal }) => api.get<Page<CycleSummary>>('/cycles', { query: { page: p.page, pageSize: p.pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

export const useCyclesPage = (p: CyclePage) => useQuery(getCyclesPageQueryOptions(p));

/** Every cycle the caller may read, newest first. */
export function getCyclesQueryOptions(f: CycleFilter = {}) {
  return queryOptions({
    queryKey: cycleKeys.list(f),
    queryFn: async () => (await getAllPages<CycleSummary>('/cycles', { published: f.published, status: f.status })).items,
  });
}

export const useCycles = (f: CycleFilter = {}) => useQuery(getCyclesQueryOptions(f));

export function getCycleQueryOptions(cycleId: string) {
  return queryOptions({ queryKey: cycleKeys.one(cycleId), queryFn: () => api.get<CycleDetail>(`/cycles/${cycleId}`) });
}

export const useCycle = (cycleId: string) => useQuery(getCycleQueryOptions(cycleId));

/** The server validated the scheme when it froze it; this only guards against a wrong reply. */
function looksLikeScheme(value: unknown): value is Scheme {
  const s = value as Partial<Scheme> | null;
  return !!s && typeof s.id === 'string' && Array.isArray(s.instruments) && Array.isArray(s.dimensions) && Array.isArray(s.bands);
}

export async function getCycleScheme(cycleId: string): Promise<CycleScheme> {
  const reply = await withOfflineCache(`scheme:${cycleId}`, () => api.get<CycleScheme>(`/cycles/${cycleId}/scheme`));
  if (!looksLikeScheme(reply.scheme)) throw new Error(`cycle ${cycleId}: the frozen scheme is malformed`);
  return reply;
}

/**
 * A cycle's frozen scheme: forms, previews, reviews and published pages use it, never the
 * library, so they show what the server scores. Content-addressed (the hash never changes for a
 * cycle), so it is cached for good, and kept on the assessor's device for offline use.
 */
export function getCycleSchemeQueryOptions(cycleId: string) {
  return queryOptions({ queryKey: cycleKeys.scheme(cycleId), queryFn: () => getCycleScheme(cycleId), staleTime: Infinity });
}

export const useCycleScheme = (cycleId: string, enabled = true) => useQuery({ ...getCycleSchemeQueryOptions(cycleId), enabled });
