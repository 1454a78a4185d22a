/**
 * Result reads (`src/shared/wire/scores.ts`): a unit's breakdown, a government's result with
 * its units and ranks, the improvement lists of a unit and a government, and a body's trend
 * across cycles. Keys of one cycle's results share `scoreKeys.cycle(cycleId)`, so a write that
 * recomputes a cycle refetches them together. The public portal reads these too: keep it lean.
 */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { BodyImprovements, BodyResult, Trend, UnitImprovements, UnitResult } from '../../shared/wire/scores.ts';
import { api } from '../lib/api.ts';

export const scoreKeys = {
  all: ['scores'] as const,
  /** Every result read of one cycle. */
  cycle: (cycleId: string) => ['scores', cycleId] as const,
  unitResult: (cycleId: string, unitId: string) => ['scores', cycleId, 'unit', unitId] as const,
  unitImprovements: (cycleId: string, unitId: string, limit: number) => ['scores', cycleId, 'unit', unitId, 'improvements', limit] as const,
  bodyResult: (cycleId: string, bodyId: string) => ['scores', cycleId, 'body', bodyId] as const,
  bodyImprovements: (cycleId: string, bodyId: string, limit: number) => ['scores', cycleId, 'body', bodyId, 'improvements', limit] as const,
  /** Issue 12 §6: a government's target plan (`target-plan.ts`) and its what-if under another scheme. */
  targetPlan: (cycleId: string, bodyId: string, q: object) => ['scores', cycleId, 'body', bodyId, 'target-plan', q] as const,
  bodyWhatIf: (cycleId: string, bodyId: string, scheme: string) => ['scores', cycleId, 'body', bodyId, 'what-if', scheme] as const,
  /** Every body's trend (results across cycles). */
  trends: ['scores', 'trend'] as const,
  trend: (bodyId: string) => ['scores', 'trend', bodyId] as const,
};

export const getUnitResultQueryOptions = (cycleId: string, unitId: string) =>
  queryOptions({
    queryKey: scoreKeys.unitResult(cycleId, unitId),
    queryFn: () => api.get<UnitResult>(`/cycles/${cycleId}/units/${unitId}/result`),
  });

export const useUnitResult = (cycleId: string, unitId: string) => useQuery(getUnitResultQueryOptions(cycleId, unitId));

export const getBodyResultQueryOptions = (cycleId: string, bodyId: string) =>
  queryOptions({
    queryKey: scoreKeys.bodyResult(cycleId, bodyId),
    queryFn: () => api.get<BodyResult>(`/cycles/${cycleId}/bodies/${bodyId}/result`),
  });

export const useBodyResult = (cycleId: string, bodyId: string, enabled = true) =>
  useQuery({ ...getBodyResultQueryOptions(cycleId, bodyId), enabled });

export const getUnitImprovementsQueryOptions = (cycleId: string, unitId: string, limit: number) =>
  queryOptions({
    queryKey: scoreKeys.unitImprovements(cycleId, unitId, limit),
    queryFn: () => api.get<UnitImprovements>(`/cycles/${cycleId}/units/${unitId}/improvements`, { query: { limit } }),
    placeholderData: keepPreviousData,
  });

export const useUnitImprovements = (cycleId: string, unitId: string, limit: number, enabled = true) =>
  useQuery({ ...getUnitImprovementsQueryOptions(cycleId, unitId, limit), enabled });

export const getBodyImprovementsQueryOptions = (cycleId: string, bodyId: string, limit: number) =>
  queryOptions({
    queryKey: scoreKeys.bodyImprovements(cycleId, bodyId, limit),
    queryFn: () => api.get<BodyImprovements>(`/cycles/${cycleId}/bodies/${bodyId}/improvements`, { query: { limit } }),
    placeholderData: keepPreviousData,
  });

export const useBodyImprovements = (cycleId: string, bodyId: string, limit: number) =>
  useQuery(getBodyImprovementsQueryOptions(cycleId, bodyId, limit));

/** A body's results across the cycles the caller may read, oldest first. */
export const getTrendQueryOptions = (bodyId: string) =>
  queryOptions({ queryKey: scoreKeys.trend(bodyId), queryFn: () => api.get<Trend>(`/bodies/${bodyId}/trend`) });

export const useTrend = (bodyId: string | null) => useQuery({ ...getTrendQueryOptions(bodyId ?? ''), enabled: !!bodyId });
