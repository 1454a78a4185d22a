/**
 * Issue 17: the registry reads of a unit's location, for the signed-in screens only (kept apart
 * from `registry.ts`, which the public portal loads before its first paint): the vertical office
 * types, kabupaten/kota by search or by province, and the kabupaten/kota a typed address names.
 * Keys are `registryKeys` (registry.ts), so a registry write refetches these too.
 */
import { useQueries, useQuery } from '@tanstack/react-query';
import type { RegencyMatch, VerticalOfficeType } from '../../shared/wire/registry.ts';
import { api } from '../lib/api.ts';
import { getBodiesQueryOptions, registryKeys, useBodies } from './registry.ts';

/** The typical vertical offices of the starter list's ministries and agencies (registry data). */
export const useVerticalOfficeTypes = () =>
  useQuery({
    queryKey: registryKeys.verticalOfficeTypes(),
    queryFn: async () => (await api.get<{ items: VerticalOfficeType[] }>('/vertical-office-types')).items,
    staleTime: Infinity,
  });

/** Kabupaten/kota whose name contains `q` (the picker's search), at most `pageSize`. */
export const useRegencySearch = (q: string, pageSize = 20) =>
  useBodies({ page: 1, pageSize, type: ['kabupaten', 'kota'], q: q.trim() || undefined, active: 'all' });

/** Kabupaten/kota code → name for the given provinces (one cached read per province). */
export function useRegencyNames(provinceCodes: readonly string[]): Map<string, string> {
  const results = useQueries({
    queries: [...new Set(provinceCodes)].map((province) => ({
      ...getBodiesQueryOptions({ page: 1, pageSize: 200, type: ['kabupaten', 'kota'], province, active: 'all' }),
      staleTime: Infinity,
    })),
  });
  return new Map(results.flatMap((r) => (r.data?.items ?? []).map((b) => [b.code, b.name] as const)));
}

/** The kabupaten/kota a typed address names (`regency: null` when none or several); off below 3 characters. */
export const useRegencyMatch = (address: string) =>
  useQuery({
    queryKey: registryKeys.regencyMatch(address.trim()),
    queryFn: ({ signal }) => api.get<RegencyMatch>('/regencies/match', { query: { address: address.trim() }, signal }),
    enabled: address.trim().length >= 3,
    staleTime: Infinity,
  });
