/**
 * API reads of a government's page and the map: a government's result and trend, a unit's
 * breakdown, the kabupaten/kota of a province, and the cycle's frozen scheme (title, result
 * scale, bands, assumptions). Read-only; keys under `public` (see use-rankings.ts).
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Assumption, Band, Text } from '../../core/types.ts';
import { api, isApiError } from '../lib/api.ts';
import type { BodyResult, Page, RegistryBody, Trend, UnitResult } from './public-types.ts';
import { publicKey, publishedStaleTime, throwOnError } from './use-rankings.ts';

export const getBodyResultQueryOptions = (cycleId: string, bodyId: string) =>
  queryOptions({
    queryKey: [...publicKey, 'body-result', cycleId, bodyId],
    queryFn: () => api.get<BodyResult>(`/cycles/${cycleId}/bodies/${bodyId}/result`),
    staleTime: publishedStaleTime,
  });

export const getTrendQueryOptions = (bodyId: string) =>
  queryOptions({
    queryKey: [...publicKey, 'trend', bodyId],
    queryFn: () => api.get<Trend>(`/bodies/${bodyId}/trend`),
    staleTime: publishedStaleTime,
  });

export const getUnitResultQueryOptions = (cycleId: string, unitId: string) =>
  queryOptions({
    queryKey: [...publicKey, 'unit-result', cycleId, unitId],
    queryFn: () => api.get<UnitResult>(`/cycles/${cycleId}/units/${unitId}/result`),
    staleTime: publishedStaleTime,
  });

export const getProvinceBodiesQueryOptions = (province: string) =>
  queryOptions({
    queryKey: [...publicKey, 'province-bodies', province],
    queryFn: () => api.get<Page<RegistryBody>>('/bodies', { query: { province, type: 'kabupaten,kota', pageSize: 200 } }),
    select: (page) => page.items,
    staleTime: Infinity,
  });

/** The parts of a cycle's frozen scheme the portal shows. */
export interface SchemeFacts {
  schemeId: string;
  title: Text | null;
  result: { min: number; max: number };
  bands: Band[];
  assumptions: Assumption[];
}

interface FrozenScheme {
  title?: Text;
  result?: { min: number; max: number };
  bands?: Band[];
  assumptions?: Assumption[];
}

export const getSchemeFactsQueryOptions = (cycleId: string) =>
  queryOptions({
    queryKey: [...publicKey, 'scheme', cycleId],
    queryFn: () => api.get<{ schemeId: string; scheme: FrozenScheme }>(`/cycles/${cycleId}/scheme`),
    select: ({ schemeId, scheme }): SchemeFacts => ({
      schemeId,
      title: scheme.title ?? null,
      result: scheme.result ?? { min: 0, max: 100 },
      bands: scheme.bands ?? [],
      assumptions: scheme.assumptions ?? [],
    }),
    staleTime: Infinity,
  });

/** A government outside the cycle's locus is a 404: the page says so instead of failing. */
export const useBodyResult = (cycleId: string | undefined, bodyId: string) =>
  useQuery({
    ...getBodyResultQueryOptions(cycleId ?? '', bodyId),
    enabled: !!cycleId,
    throwOnError: (error) => !(isApiError(error) && error.status === 404),
  });
export const useTrend = (bodyId: string) => useQuery({ ...getTrendQueryOptions(bodyId), throwOnError });
export const useUnitResult = (cycleId: string, unitId: string) => useQuery({ ...getUnitResultQueryOptions(cycleId, unitId), throwOnError });
export const useProvinceBodies = (province: string | undefined) =>
  useQuery({ ...getProvinceBodiesQueryOptions(province ?? ''), enabled: !!province, throwOnError });
export const useSchemeFacts = (cycleId: string | undefined) =>
  useQuery({ ...getSchemeFactsQueryOptions(cycleId ?? ''), enabled: !!cycleId, throwOnError });
