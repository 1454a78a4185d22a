/**
 * Registry reads (`src/shared/wire/registry.ts`): provinces, bodies (filtered, paginated), one
 * body, a body's units, one unit. The only place that builds registry query keys; the writes
 * are in `registry-writes.ts`. The public portal reads provinces and a province's governments
 * here too, so keep this module lean.
 */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Page } from '../../shared/wire/common.ts';
import type { ActiveFilter, Body, BodyType, Province, Unit } from '../../shared/wire/registry.ts';
import { api } from '../lib/api.ts';

export interface BodyFilter {
  page: number;
  pageSize: number;
  /** One type, or several (sent as `kabupaten,kota`). */
  type?: BodyType | BodyType[] | null;
  province?: string | null;
  q?: string;
  active?: ActiveFilter;
}

export interface UnitFilter {
  page: number;
  pageSize: number;
  active?: ActiveFilter;
}

export const registryKeys = {
  all: ['registry'] as const,
  provinces: () => ['registry', 'provinces'] as const,
  bodies: (f: BodyFilter) => ['registry', 'bodies', f] as const,
  body: (bodyId: string) => ['registry', 'body', bodyId] as const,
  units: (bodyId: string, f: UnitFilter) => ['registry', 'units', bodyId, f] as const,
  unit: (unitId: string) => ['registry', 'unit', unitId] as const,
  // issue 17: the location reads' keys are in registry-locations.ts (under `registryKeys.all`)
};

export function getProvincesQueryOptions() {
  return queryOptions({
    queryKey: registryKeys.provinces(),
    queryFn: async () => (await api.get<{ items: Province[] }>('/provinces')).items,
    // Provinces change only through a registry write, which refetches them.
    staleTime: Infinity,
  });
}

export const useProvinces = () => useQuery(getProvincesQueryOptions());

/** Province code → name, for tables (empty until loaded). */
export function useProvinceNames(): Map<string, string> {
  const { data } = useProvinces();
  return new Map((data ?? []).map((p) => [p.code, p.name]));
}

export function getBodiesQueryOptions(f: BodyFilter) {
  return queryOptions({
    queryKey: registryKeys.bodies(f),
    queryFn: ({ signal }) =>
      api.get<Page<Body>>('/bodies', {
        query: {
          page: f.page,
          pageSize: f.pageSize,
          type: Array.isArray(f.type) ? f.type.join(',') : f.type,
          province: f.province,
          q: f.q?.trim(),
          active: f.active,
        },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export const useBodies = (f: BodyFilter, enabled = true) => useQuery({ ...getBodiesQueryOptions(f), enabled });

export function getBodyQueryOptions(bodyId: string) {
  return queryOptions({ queryKey: registryKeys.body(bodyId), queryFn: () => api.get<Body>(`/bodies/${bodyId}`) });
}

export const useBody = (bodyId: string | null) => useQuery({ ...getBodyQueryOptions(bodyId ?? ''), enabled: !!bodyId });

export function getUnitsQueryOptions(bodyId: string, f: UnitFilter) {
  return queryOptions({
    queryKey: registryKeys.units(bodyId, f),
    queryFn: ({ signal }) => api.get<Page<Unit>>(`/bodies/${bodyId}/units`, { query: { ...f }, signal }),
    placeholderData: keepPreviousData,
  });
}

export const useUnits = (bodyId: string | null, f: UnitFilter) => useQuery({ ...getUnitsQueryOptions(bodyId ?? '', f), enabled: !!bodyId });

export function getUnitQueryOptions(unitId: string) {
  return queryOptions({ queryKey: registryKeys.unit(unitId), queryFn: () => api.get<Unit>(`/units/${unitId}`) });
}

export const useUnit = (unitId: string | null) => useQuery({ ...getUnitQueryOptions(unitId ?? ''), enabled: !!unitId });
