/**
 * API reads of the koordinator (own body) and operator (own unit) screens: the body and its
 * units, cycles, results and improvement lists as the server releases them to the role, the
 * cycle's frozen scheme, and a unit's evidence. Read-only; the only place building `pemda` keys.
 */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Scheme } from '../../core/types.ts';
import { api, isApiError } from '../lib/api.ts';
import type {
  BodyImprovement,
  BodyResult,
  CycleSummary,
  Evidence,
  Page,
  RegistryBody,
  RegistryUnit,
  TrendItem,
  UnitImprovement,
  UnitResult,
} from './pemda-types.ts';

const key = ['pemda'] as const;

export const getOwnBodyQueryOptions = (bodyId: string) =>
  queryOptions({ queryKey: [...key, 'body', bodyId], queryFn: () => api.get<RegistryBody>(`/bodies/${bodyId}`) });

export const getOwnUnitsQueryOptions = (bodyId: string) =>
  queryOptions({
    queryKey: [...key, 'units', bodyId],
    queryFn: () => api.get<Page<RegistryUnit>>(`/bodies/${bodyId}/units`, { query: { pageSize: 200, active: 'all' } }),
  });

export const getOwnUnitQueryOptions = (unitId: string) =>
  queryOptions({ queryKey: [...key, 'unit', unitId], queryFn: () => api.get<RegistryUnit>(`/units/${unitId}`) });

export const getCyclesQueryOptions = () =>
  queryOptions({
    queryKey: [...key, 'cycles'],
    queryFn: () => api.get<Page<CycleSummary>>('/cycles', { query: { pageSize: 50 } }),
  });

export const getTrendQueryOptions = (bodyId: string) =>
  queryOptions({
    queryKey: [...key, 'trend', bodyId],
    queryFn: () => api.get<{ items: TrendItem[] }>(`/bodies/${bodyId}/trend`).then((r) => r.items),
  });

export const getBodyResultQueryOptions = (cycleId: string, bodyId: string) =>
  queryOptions({
    queryKey: [...key, 'body-result', cycleId, bodyId],
    queryFn: () => api.get<BodyResult>(`/cycles/${cycleId}/bodies/${bodyId}/result`),
  });

export const getBodyImprovementsQueryOptions = (cycleId: string, bodyId: string, limit: number) =>
  queryOptions({
    queryKey: [...key, 'body-improvements', cycleId, bodyId, limit],
    queryFn: () =>
      api.get<{ items: BodyImprovement[]; total: number }>(`/cycles/${cycleId}/bodies/${bodyId}/improvements`, { query: { limit } }),
    placeholderData: keepPreviousData,
  });

export const getUnitResultQueryOptions = (cycleId: string, unitId: string) =>
  queryOptions({
    queryKey: [...key, 'unit-result', cycleId, unitId],
    queryFn: () => api.get<UnitResult>(`/cycles/${cycleId}/units/${unitId}/result`),
  });

export const getUnitImprovementsQueryOptions = (cycleId: string, unitId: string, limit: number) =>
  queryOptions({
    queryKey: [...key, 'unit-improvements', cycleId, unitId, limit],
    queryFn: () =>
      api.get<{ items: UnitImprovement[]; total: number }>(`/cycles/${cycleId}/units/${unitId}/improvements`, { query: { limit } }),
    placeholderData: keepPreviousData,
  });

export const getEvidenceQueryOptions = (cycleId: string, unitId: string) =>
  queryOptions({
    queryKey: [...key, 'evidence', cycleId, unitId],
    queryFn: () => api.get<Page<Evidence>>(`/cycles/${cycleId}/units/${unitId}/evidence`, { query: { pageSize: 200 } }),
  });

export const getCycleSchemeQueryOptions = (cycleId: string) =>
  queryOptions({
    queryKey: [...key, 'scheme', cycleId],
    queryFn: () => api.get<{ schemeId: string; schemeHash: string; scheme: Scheme }>(`/cycles/${cycleId}/scheme`).then((r) => r.scheme),
    staleTime: Infinity,
  });

export const useOwnBody = (bodyId: string | null) => useQuery({ ...getOwnBodyQueryOptions(bodyId ?? ''), enabled: !!bodyId });
export const useOwnUnits = (bodyId: string | null) => useQuery({ ...getOwnUnitsQueryOptions(bodyId ?? ''), enabled: !!bodyId });
export const useOwnUnit = (unitId: string | null) => useQuery({ ...getOwnUnitQueryOptions(unitId ?? ''), enabled: !!unitId });
export const useCycles = () => useQuery(getCyclesQueryOptions());
export const useTrend = (bodyId: string | null) => useQuery({ ...getTrendQueryOptions(bodyId ?? ''), enabled: !!bodyId });
export const useBodyResult = (cycleId: string, bodyId: string) => useQuery(getBodyResultQueryOptions(cycleId, bodyId));
export const useBodyImprovements = (cycleId: string, bodyId: string, limit: number) =>
  useQuery(getBodyImprovementsQueryOptions(cycleId, bodyId, limit));
export const useUnitResult = (cycleId: string, unitId: string) => useQuery(getUnitResultQueryOptions(cycleId, unitId));
export const useUnitImprovements = (cycleId: string, unitId: string, limit: number, enabled = true) =>
  useQuery({ ...getUnitImprovementsQueryOptions(cycleId, unitId, limit), enabled });
export const useEvidence = (cycleId: string, unitId: string) => useQuery(getEvidenceQueryOptions(cycleId, unitId));
export const useCycleScheme = (cycleId: string) => useQuery(getCycleSchemeQueryOptions(cycleId));

/**
 * Why a result is not shown: the server withholds it from this role (403: not released), or the
 * body/unit is not part of the cycle's locus (404). Null for any other error.
 */
export function unavailableReason(error: unknown): 'not_released' | 'not_in_locus' | null {
  if (!isApiError(error)) return null;
  if (error.status === 403) return 'not_released';
  if (error.status === 404) return 'not_in_locus';
  return null;
}

/** The download address of one evidence file (the session cookie authorises it). */
export const evidenceHref = (id: string): string => `/api/v1/evidence/${id}`;
