/**
 * Issue 17: `GET /cycles/:cycleId/provinces/:provinceCode/vertical-offices` — the units of
 * ministries and agencies located in a province with their results and sector ranks. A module
 * of its own (keys under `scoreKeys.cycle`): only the province page's lazy panel reads it, so the
 * first visit never downloads it.
 */
import { queryOptions } from '@tanstack/react-query';
import type { VerticalOffices } from '../../shared/wire/scores.ts';
import { api } from '../lib/api.ts';
import { scoreKeys } from './scores.ts';

export const verticalOfficesKey = (cycleId: string, provinceCode: string) =>
  [...scoreKeys.cycle(cycleId), 'vertical-offices', provinceCode] as const;

export const getVerticalOfficesQueryOptions = (cycleId: string, provinceCode: string) =>
  queryOptions({
    queryKey: verticalOfficesKey(cycleId, provinceCode),
    queryFn: ({ signal }) => api.get<VerticalOffices>(`/cycles/${cycleId}/provinces/${provinceCode}/vertical-offices`, { signal }),
  });
