/**
 * PEKPPP reads (`src/shared/wire/pekppp.ts`, issue 10): the PEKPPP units of a cycle the caller
 * may see, and one unit's F-01 beside F-02 (claims, verdicts, clarifications, result). The only
 * place that builds PEKPPP keys; the writes are in `pekppp-writes.ts`.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PekpppUnits, PekpppUnitView } from '../../shared/wire/pekppp.ts';
import { api } from '../lib/api.ts';

export const pekpppKeys = {
  all: ['pekppp'] as const,
  units: (cycleId: string) => ['pekppp', 'units', cycleId] as const,
  unit: (cycleId: string, unitId: string) => ['pekppp', 'unit', cycleId, unitId] as const,
};

export const getPekpppUnitsQueryOptions = (cycleId: string) =>
  queryOptions({
    queryKey: pekpppKeys.units(cycleId),
    queryFn: async () => (await api.get<PekpppUnits>(`/cycles/${cycleId}/pekppp/units`)).items,
  });

export const getPekpppUnitQueryOptions = (cycleId: string, unitId: string) =>
  queryOptions({
    queryKey: pekpppKeys.unit(cycleId, unitId),
    queryFn: () => api.get<PekpppUnitView>(`/cycles/${cycleId}/units/${unitId}/pekppp`),
  });

export const usePekpppUnits = (cycleId: string) => useQuery(getPekpppUnitsQueryOptions(cycleId));
export const usePekpppUnit = (cycleId: string, unitId: string) => useQuery(getPekpppUnitQueryOptions(cycleId, unitId));
