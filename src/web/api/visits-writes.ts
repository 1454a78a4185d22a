/**
 * Visit plan and fieldwork-team writes (issue 13 §5, §6; `src/shared/wire/visits.ts`): plan,
 * change or remove a visit; set a unit's own quota with a reason; switch a Perwakilan's team-lead
 * level; the team lead passes a unit on or returns it with comments per indicator. Each refetches
 * by the readers' keys.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReturnIn, Returned } from '../../shared/wire/review.ts';
import type { TeamLeadsIn, TeamLevels, UnitQuotaIn, VisitPlan, VisitPlanIn } from '../../shared/wire/visits.ts';
import { api } from '../lib/api.ts';
import { locusKeys } from './locus.ts';
import { recordKeys } from './records.ts';
import { scoreKeys } from './scores.ts';
import { visitKeys } from './visits.ts';

/** Create (no id) or change (id) a planned visit. */
export function useSavePlan(cycleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: VisitPlanIn }) =>
      id ? api.put<VisitPlan>(`/visits/${id}`, input) : api.post<VisitPlan>(`/cycles/${cycleId}/visits`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: visitKeys.all }),
  });
}

export function useDeletePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<null>(`/visits/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: visitKeys.all }),
  });
}

/** A unit's own quota of an instrument (target null: back to the scheme's default); progress and results follow. */
export function useSetUnitQuota(cycleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ unitId, input }: { unitId: string; input: UnitQuotaIn }) =>
      api.put<{ instrument: string; target: number; min: number; adjusted: boolean }>(`/cycles/${cycleId}/units/${unitId}/quota`, input),
    onSuccess: () =>
      Promise.all(
        [visitKeys.quotas(cycleId), locusKeys.progress(cycleId), scoreKeys.cycle(cycleId)].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      ),
  });
}

export function useSetTeamLeads(cycleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TeamLeadsIn) => api.put<TeamLevels>(`/cycles/${cycleId}/team-leads`, input),
    onSuccess: () =>
      Promise.all(
        [visitKeys.teamLevels(cycleId), visitKeys.leadQueue(cycleId)].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      ),
  });
}

function useLeadDecision<V>(cycleId: string, unitId: string, send: (v: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  const keys = [visitKeys.leadQueue(cycleId), recordKeys.unit(cycleId, unitId), scoreKeys.cycle(cycleId), locusKeys.progress(cycleId)];
  return useMutation({
    mutationFn: send,
    onSuccess: () => Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}

/** The team lead passes a handed-in unit on to the pimpinan. */
export const useLeadReview = (cycleId: string, unitId: string) =>
  useLeadDecision(cycleId, unitId, (note: string | null) =>
    api.post<{ status: 'reviewed' }>(`/cycles/${cycleId}/units/${unitId}/lead-review`, { note }),
  );

/** The team lead returns a handed-in unit to its assessor with comments per indicator. */
export const useLeadReturn = (cycleId: string, unitId: string) =>
  useLeadDecision(cycleId, unitId, (input: ReturnIn) => api.post<Returned>(`/cycles/${cycleId}/units/${unitId}/lead-return`, input));
