/**
 * Issue 17: `GET /cycles/:cycleId/provinces/:provinceCode/vertical-offices` — the units of
 * ministries and agencies located in a province with their results and sector ranks. A module
 * of its own (keys under `scoreKeys.cycle`): only the province page's lazy panel reads it, so the
 * first visit never downloads it.
 */
import { queryOptions } from '@tanstack/react-query';
import type { UnitPoints, VerticalOffices } from '../../shared/wire/scores.ts';
import { api } from '../lib/api.ts';
import { scoreKeys } from './scores.ts';

export const verticalOfficesKey = (cycleId: string, provinceCode: string) =>
  [...scoreKeys.cycle(cycleId), 'vertical-offices', provinceCode] as const;

export const getVerticalOfficesQueryOptions = (cycleId: string, provinceCode: string) =>
  queryOptions({
    queryKey: verticalOfficesKey(cycleId, provinceCode),
    queryFn: ({ signal }) => api.get<VerticalOffices>(`/cycles/${cycleId}/provinces/${provinceCode}/vertical-offices`, { signal }),
  });

/**
 * Issue 17 §4: `GET /cycles/:cycleId/provinces/:provinceCode/unit-points` — the located units of a
 * province with coordinates and their published results: the map's points.
 */
export const unitPointsKey = (cycleId: string, provinceCode: string) => [...scoreKeys.cycle(cycleId), 'unit-points', provinceCode] as const;

export const getUnitPointsQueryOptions = (cycleId: string, provinceCode: string) =>
  queryOptions({
    queryKey: unitPointsKey(cycleId, provinceCode),
    queryFn: ({ signal }) => api.get<UnitPoints>(`/cycles/${cycleId}/provinces/${provinceCode}/unit-points`, { signal }),
  });
