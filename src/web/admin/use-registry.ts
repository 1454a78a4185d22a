/**
 * Registry API for the admin screens: provinces, bodies (filtered, paginated), one body, its
 * units, and the unit writes (create, edit, deactivate/reactivate — never delete). The only
 * place that builds registry query keys; writes refetch by the `['admin', 'registry']` prefix.
 */
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../lib/api.ts';
import type { ActiveFilter, Body, BodyType, Page, Province, Sector, Unit } from './admin-types.ts';

const registryKey = ['admin', 'registry'] as const;

export function getProvincesQueryOptions() {
  return queryOptions({
    queryKey: [...registryKey, 'provinces'],
    queryFn: () => api.get<{ items: Province[] }>('/provinces').then((r) => r.items),
    staleTime: 60 * 60_000,
  });
}

export const useProvinces = () => useQuery(getProvincesQueryOptions());

/** Province code → name, for tables (empty until loaded). */
export function useProvinceNames(): Map<string, string> {
  const { data } = useProvinces();
  return new Map((data ?? []).map((p) => [p.code, p.name]));
}

export interface BodyFilter {
  page: number;
  pageSize: number;
  type?: BodyType | null;
  province?: string | null;
  q?: string;
  active?: ActiveFilter;
}

export function getBodiesQueryOptions(f: BodyFilter) {
  return queryOptions({
    queryKey: [...registryKey, 'bodies', f],
    queryFn: ({ signal }) =>
      api.get<Page<Body>>('/bodies', {
        query: { page: f.page, pageSize: f.pageSize, type: f.type, province: f.province, q: f.q?.trim(), active: f.active },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export const useBodies = (f: BodyFilter, enabled = true) => useQuery({ ...getBodiesQueryOptions(f), enabled });

export function getBodyQueryOptions(bodyId: string) {
  return queryOptions({ queryKey: [...registryKey, 'body', bodyId], queryFn: () => api.get<Body>(`/bodies/${bodyId}`) });
}

export const useBody = (bodyId: string | null) => useQuery({ ...getBodyQueryOptions(bodyId ?? ''), enabled: !!bodyId });

export function getUnitQueryOptions(unitId: string) {
  return queryOptions({ queryKey: [...registryKey, 'unit', unitId], queryFn: () => api.get<Unit>(`/units/${unitId}`) });
}

export const useUnit = (unitId: string | null) => useQuery({ ...getUnitQueryOptions(unitId ?? ''), enabled: !!unitId });

export interface UnitFilter {
  page: number;
  pageSize: number;
  active?: ActiveFilter;
}

export function getUnitsQueryOptions(bodyId: string, f: UnitFilter) {
  return queryOptions({
    queryKey: [...registryKey, 'units', bodyId, f],
    queryFn: ({ signal }) => api.get<Page<Unit>>(`/bodies/${bodyId}/units`, { query: { ...f }, signal }),
    placeholderData: keepPreviousData,
  });
}

export const useUnits = (bodyId: string | null, f: UnitFilter) => useQuery({ ...getUnitsQueryOptions(bodyId ?? '', f), enabled: !!bodyId });

export interface UnitInput {
  name: string;
  sector: Sector;
}

export type UnitWrite =
  | { kind: 'create'; bodyId: string; input: UnitInput }
  | { kind: 'edit'; unitId: string; input: UnitInput }
  | { kind: 'deactivate'; unitId: string }
  | { kind: 'reactivate'; unitId: string };

export function writeUnit(w: UnitWrite): Promise<Unit> {
  switch (w.kind) {
    case 'create':
      return api.post<Unit>(`/bodies/${w.bodyId}/units`, w.input);
    case 'edit':
      return api.patch<Unit>(`/units/${w.unitId}`, w.input);
    case 'deactivate':
      return api.post<Unit>(`/units/${w.unitId}/deactivate`);
    case 'reactivate':
      return api.patch<Unit>(`/units/${w.unitId}`, { active: true });
  }
}

export function useWriteUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: writeUnit,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: registryKey }),
  });
}
