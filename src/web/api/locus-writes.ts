/**
 * Locus writes: a body (with its units, or some) joins a cycle's locus, a body or a unit leaves
 * it, and units get their assessor and due date. Each refetches the cycle's progress, the cycle
 * (its body and unit counts) and the assessors' assignments; removing a unit also its results.
 */
import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import type { AssignmentIn, EvaluatorOrganisationOut, LocusAdded, LocusBodyIn, LocusRemoved } from '../../shared/wire/locus.ts';
import { api } from '../lib/api.ts';
import { cycleKeys } from './cycles.ts';
import { locusKeys } from './locus.ts';
import { pekpppKeys } from './pekppp.ts';
import { rankingKeys } from './rankings.ts';
import { scoreKeys } from './scores.ts';

function useLocusWrite<V, R>(cycleId: string, write: (v: V) => Promise<R>, also: readonly QueryKey[] = []) {
  const queryClient = useQueryClient();
  const keys = [locusKeys.progress(cycleId), locusKeys.assignments, cycleKeys.all, ...also];
  return useMutation({
    mutationFn: write,
    onSuccess: () => Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}

export const useAddLocusBody = (cycleId: string) =>
  useLocusWrite(cycleId, (input: LocusBodyIn) => api.post<LocusAdded>(`/cycles/${cycleId}/bodies`, input));

/** Removing a unit recomputes its body's result (and so the rankings) without it. */
export const useRemoveLocus = (cycleId: string) =>
  useLocusWrite(
    cycleId,
    (target: { bodyId: string } | { unitId: string }) =>
      'unitId' in target
        ? api.delete<LocusRemoved>(`/cycles/${cycleId}/units/${target.unitId}`)
        : api.delete<LocusRemoved>(`/cycles/${cycleId}/bodies/${target.bodyId}`),
    [scoreKeys.cycle(cycleId), rankingKeys.cycle(cycleId)],
  );

export interface AssignmentsInput extends AssignmentIn {
  unitIds: string[];
}

/** One PUT per unit, in order; stops at the first refusal (the units before it stay assigned). */
export const useAssign = (cycleId: string) =>
  useLocusWrite(cycleId, async ({ unitIds, assessorId, dueDate }: AssignmentsInput) => {
    for (const unitId of unitIds) {
      await api.put(`/cycles/${cycleId}/units/${unitId}/assignment`, { assessorId, dueDate });
    }
    return unitIds.length;
  });

/** issue 10: names the organisation that evaluates a PEKPPP locus entry; the entry's read and the PEKPPP views refetch. */
export function useSetEvaluatorOrganisation(cycleId: string, bodyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (organisationId: string) =>
      api.put<EvaluatorOrganisationOut>(`/cycles/${cycleId}/bodies/${bodyId}/evaluator-organisation`, { organisationId }),
    onSuccess: async (out) => {
      queryClient.setQueryData(locusKeys.evaluatorOrganisation(cycleId, bodyId), out);
      await queryClient.invalidateQueries({ queryKey: pekpppKeys.all });
    },
  });
}
