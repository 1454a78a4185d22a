/**
 * Cycles API for the admin: list, one cycle, create (the server freezes the scheme's content
 * hash on it), status transitions, the locus with progress, locus writes and assignments.
 * Every write refetches by the `['admin', 'cycles']` prefix, so lists and progress agree.
 */
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../lib/api.ts';
import type { CycleDetail, CycleStatus, CycleSummary, Page, ProgressPage } from './admin-types.ts';

const cyclesKey = ['admin', 'cycles'] as const;

export function getCyclesQueryOptions(page: number, pageSize = 20) {
  return queryOptions({
    queryKey: [...cyclesKey, 'list', page, pageSize],
    queryFn: ({ signal }) => api.get<Page<CycleSummary>>('/cycles', { query: { page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

export const useCycles = (page: number) => useQuery(getCyclesQueryOptions(page));

export function getCycleQueryOptions(cycleId: string) {
  return queryOptions({ queryKey: [...cyclesKey, 'one', cycleId], queryFn: () => api.get<CycleDetail>(`/cycles/${cycleId}`) });
}

export const useCycle = (cycleId: string) => useQuery(getCycleQueryOptions(cycleId));

export interface ProgressFilter {
  page: number;
  pageSize: number;
}

export function getProgressQueryOptions(cycleId: string, f: ProgressFilter) {
  return queryOptions({
    queryKey: [...cyclesKey, 'progress', cycleId, f],
    queryFn: ({ signal }) => api.get<ProgressPage>(`/cycles/${cycleId}/progress`, { query: { ...f }, signal }),
    placeholderData: keepPreviousData,
  });
}

export const useProgress = (cycleId: string, f: ProgressFilter) => useQuery(getProgressQueryOptions(cycleId, f));

export interface CycleInput {
  name: string;
  year: number;
  schemeId: string;
}

function useCycleWrite<V, R>(fn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: cyclesKey }) });
}

export const useCreateCycle = () => useCycleWrite((input: CycleInput) => api.post<CycleDetail>('/cycles', input));

export const useTransitionCycle = (cycleId: string) =>
  useCycleWrite((status: CycleStatus) => api.post<CycleSummary>(`/cycles/${cycleId}/status`, { status }));

export const useAddLocusBody = (cycleId: string) =>
  useCycleWrite((input: { bodyId: string; unitIds?: string[] }) => api.post<{ added: string[] }>(`/cycles/${cycleId}/bodies`, input));

export const useRemoveLocus = (cycleId: string) =>
  useCycleWrite((target: { bodyId: string } | { unitId: string }) =>
    'unitId' in target
      ? api.delete<{ removed: string }>(`/cycles/${cycleId}/units/${target.unitId}`)
      : api.delete<{ removed: string }>(`/cycles/${cycleId}/bodies/${target.bodyId}`),
  );

export interface AssignmentInput {
  unitIds: string[];
  assessorId: string | null;
  dueDate: string | null;
}

/** One PUT per unit, in order; stops at the first refusal (the units before it stay assigned). */
export const useAssign = (cycleId: string) =>
  useCycleWrite(async ({ unitIds, assessorId, dueDate }: AssignmentInput) => {
    for (const unitId of unitIds) {
      await api.put(`/cycles/${cycleId}/units/${unitId}/assignment`, { assessorId, dueDate });
    }
    return unitIds.length;
  });

/** The status after `status`, or null at the end of the workflow. */
export function nextStatus(status: CycleStatus): CycleStatus | null {
  const order: CycleStatus[] = ['planning', 'fieldwork', 'review', 'final'];
  return order[order.indexOf(status) + 1] ?? null;
}
