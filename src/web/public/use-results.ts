/** The portal's reads of results: a government's result and trend, a unit's breakdown. */
import { useQuery } from '@tanstack/react-query';
import { getBodyResultQueryOptions, getTrendQueryOptions, getUnitResultQueryOptions } from '../api/scores.ts';
import { isApiError } from '../lib/api.ts';
import { publishedStaleTime, throwOnError } from './query-policy.ts';

/** A government outside the cycle's locus is a 404: the page says so instead of failing. */
export const useBodyResult = (cycleId: string | undefined, bodyId: string) =>
  useQuery({
    ...getBodyResultQueryOptions(cycleId ?? '', bodyId),
    enabled: !!cycleId,
    staleTime: publishedStaleTime,
    throwOnError: (error) => !(isApiError(error) && error.status === 404),
  });

export const useTrend = (bodyId: string) => useQuery({ ...getTrendQueryOptions(bodyId), staleTime: publishedStaleTime, throwOnError });

export const useUnitResult = (cycleId: string, unitId: string) =>
  useQuery({ ...getUnitResultQueryOptions(cycleId, unitId), staleTime: publishedStaleTime, throwOnError });
