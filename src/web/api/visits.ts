/**
 * Visit plans and the team-lead queue (issue 13 §5, §6; `src/shared/wire/visits.ts`): a cycle's
 * plans the caller may see with progress against them, the units waiting for a team lead, the
 * units' own quotas and the team-lead levels. The writes are in `visits-writes.ts`.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { LeadQueue, TeamLevels, UnitQuotaList, VisitList } from '../../shared/wire/visits.ts';
import { api } from '../lib/api.ts';

export const visitKeys = {
  all: ['visits'] as const,
  list: (cycleId: string, from?: string, to?: string) => ['visits', cycleId, from ?? '', to ?? ''] as const,
  leadQueue: (cycleId: string) => ['visits', 'lead-queue', cycleId] as const,
  quotas: (cycleId: string) => ['visits', 'unit-quotas', cycleId] as const,
  teamLevels: (cycleId: string) => ['visits', 'team-leads', cycleId] as const,
};

export function getVisitsQueryOptions(cycleId: string, from?: string, to?: string) {
  const q = new URLSearchParams();
  if (from) q.set('from', from);
  if (to) q.set('to', to);
  const qs = q.toString();
  return queryOptions({
    queryKey: visitKeys.list(cycleId, from, to),
    queryFn: ({ signal }) => api.get<VisitList>(`/cycles/${cycleId}/visits${qs ? `?${qs}` : ''}`, { signal }),
  });
}
export const useVisits = (cycleId: string, from?: string, to?: string) => useQuery(getVisitsQueryOptions(cycleId, from, to));

export function getLeadQueueQueryOptions(cycleId: string) {
  return queryOptions({
    queryKey: visitKeys.leadQueue(cycleId),
    queryFn: ({ signal }) => api.get<LeadQueue>(`/cycles/${cycleId}/lead-queue`, { signal }),
  });
}
export const useLeadQueue = (cycleId: string) => useQuery(getLeadQueueQueryOptions(cycleId));

export function getUnitQuotasQueryOptions(cycleId: string) {
  return queryOptions({
    queryKey: visitKeys.quotas(cycleId),
    queryFn: ({ signal }) => api.get<UnitQuotaList>(`/cycles/${cycleId}/unit-quotas`, { signal }),
  });
}
/** Instruments whose quota may be set per unit (the scheme's range) and the units' own quotas. */
export const useUnitQuotas = (cycleId: string) => useQuery(getUnitQuotasQueryOptions(cycleId));

export function getTeamLevelsQueryOptions(cycleId: string) {
  return queryOptions({
    queryKey: visitKeys.teamLevels(cycleId),
    queryFn: ({ signal }) => api.get<TeamLevels>(`/cycles/${cycleId}/team-leads`, { signal }),
  });
}
/** The cycle's team-lead level per Perwakilan the caller may see, with its leads. */
export const useTeamLevels = (cycleId: string) => useQuery(getTeamLevelsQueryOptions(cycleId));
