/**
 * A unit's fieldwork flags (issue 13, `src/shared/wire/fieldwork.ts`): the anti-fabrication checks
 * the server stored when the unit was handed in, with reasons and acknowledgements.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { UnitFieldworkFlags } from '../../shared/wire/fieldwork.ts';
import { api } from '../lib/api.ts';

export const fieldworkKeys = {
  all: ['fieldwork-flags'] as const,
  unit: (cycleId: string, unitId: string) => ['fieldwork-flags', cycleId, unitId] as const,
};

export function getUnitFieldworkFlagsQueryOptions(cycleId: string, unitId: string) {
  return queryOptions({
    queryKey: fieldworkKeys.unit(cycleId, unitId),
    queryFn: ({ signal }) => api.get<UnitFieldworkFlags>(`/cycles/${cycleId}/units/${unitId}/fieldwork-flags`, { signal }),
  });
}

export const useUnitFieldworkFlags = (cycleId: string, unitId: string) => useQuery(getUnitFieldworkFlagsQueryOptions(cycleId, unitId));
