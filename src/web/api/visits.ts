/**
 * Visit plans and the team-lead queue (issue 13 §5, §6; `src/shared/wire/visits.ts`): a cycle's
 * plans the caller may see with progress against them, and the units waiting for a team lead.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { LeadQueue, VisitList } from '../../shared/wire/visits.ts';
import { api } from '../lib/api.ts';

export const visitKeys = {
  all: ['visits'] as const,
  list: (cycleId: string, from?: string, to?: string) => ['visits', cycleId, from ?? '', to ?? ''] as const,
  leadQueue: (cycleId: string) => ['visits', 'lead-queue', cycleId] as const,
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
