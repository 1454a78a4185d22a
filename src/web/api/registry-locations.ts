/**
 * Issue 17: the registry reads of a unit's location, for the signed-in screens only (kept apart
 * from `registry.ts`, which the public portal loads before its first paint): the vertical office
 * types, kabupaten/kota by search or by province, and the kabupaten/kota a typed address names.
 * Keys start with `registryKeys.all` (registry.ts), so a registry write refetches these too; they
 * are built here, not in registry.ts, to keep the portal's first visit as it was.
 */
import { useQuery } from '@tanstack/react-query';
import type { Page } from '../../shared/wire/common.ts';
import type { Body, RegencyMatch, VerticalOfficeType } from '../../shared/wire/registry.ts';
import { api } from '../lib/api.ts';
import { registryKeys, useBodies } from './registry.ts';

export const registryLocationKeys = {
  verticalOfficeTypes: () => [...registryKeys.all, 'vertical-office-types'] as const,
  regencyNames: (provinces: readonly string[]) => [...registryKeys.all, 'regency-names', provinces] as const,
  regencyMatch: (address: string) => [...registryKeys.all, 'regency-match', address] as const,
};

/** The typical vertical offices of the starter list's ministries and agencies (registry data). */
export const useVerticalOfficeTypes = () =>
  useQuery({
    queryKey: registryLocationKeys.verticalOfficeTypes(),
    queryFn: async () => (await api.get<{ items: VerticalOfficeType[] }>('/vertical-office-types')).items,
    staleTime: Infinity,
  });

/** Kabupaten/kota whose name contains `q` (the picker's search), at most `pageSize`. */
export const useRegencySearch = (q: string, pageSize = 20) =>
  useBodies({ page: 1, pageSize, type: ['kabupaten', 'kota'], q: q.trim() || undefined, active: 'all' });

/**
 * Kabupaten/kota code → name for the given provinces (one read per province, in one query).
 * Not `useQueries`: its observer would join the first-paint vendor chunk (bench/web-size.ts).
 */
export function useRegencyNames(provinceCodes: readonly string[]): Map<string, string> {
  const provinces = [...new Set(provinceCodes)].sort();
  const { data } = useQuery({
    queryKey: registryLocationKeys.regencyNames(provinces),
    queryFn: ({ signal }) =>
      Promise.all(
        provinces.map((province) =>
          api.get<Page<Body>>('/bodies', { query: { page: 1, pageSize: 200, type: 'kabupaten,kota', province, active: 'all' }, signal }),
        ),
      ),
    enabled: provinces.length > 0,
    staleTime: Infinity,
  });
  return new Map((data ?? []).flatMap((page) => page.items.map((b) => [b.code, b.name] as const)));
}

/** The kabupaten/kota a typed address names (`regency: null` when none or several); off below 3 characters. */
export const useRegencyMatch = (address: string) =>
  useQuery({
    queryKey: registryLocationKeys.regencyMatch(address.trim()),
    queryFn: ({ signal }) => api.get<RegencyMatch>('/regencies/match', { query: { address: address.trim() }, signal }),
    enabled: address.trim().length >= 3,
    staleTime: Infinity,
  });
