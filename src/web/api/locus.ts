/**
 * A cycle's locus (`src/shared/wire/locus.ts`): progress per body and unit against the
 * instrument quotas (a page of bodies, or all of them), and the assessor's own assignments
 * (kept on the device so the list opens offline). The only place that builds locus keys; the
 * writes (locus, assignments) are in `locus-writes.ts`.
 */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { CycleStatus, InstrumentQuota } from '../../shared/wire/cycles.ts';
import type {
  AssignedBodyList,
  Assignment,
  BodyProgress,
  EvaluatorOrganisationOut,
  ProgressPage,
  UnitStatus,
} from '../../shared/wire/locus.ts';
import { api, getAllPages, withOfflineCache } from '../lib/api.ts';

export interface ProgressFilter {
  page: number;
  pageSize: number;
}

/** Every body of the cycle with its units, and the cycle's instruments. */
export interface CycleProgress {
  bodies: BodyProgress[];
  instruments: InstrumentQuota[];
}

export const locusKeys = {
  all: ['locus'] as const,
  /** Every progress read of one cycle (a page, or all). */
  progress: (cycleId: string) => ['locus', 'progress', cycleId] as const,
  progressPage: (cycleId: string, f: ProgressFilter) => ['locus', 'progress', cycleId, 'page', f] as const,
  progressAll: (cycleId: string) => ['locus', 'progress', cycleId, 'all'] as const,
  assignments: ['locus', 'assignments', 'mine'] as const,
  /** The governments where the caller assesses a unit, with those cycles (what an asisten may plan for). */
  assignedBodies: ['locus', 'assignments', 'mine', 'bodies'] as const,
  /** issue 10: the organisation that evaluates a PEKPPP locus entry, and the ones that may. */
  evaluatorOrganisation: (cycleId: string, bodyId: string) => ['locus', 'evaluator-organisation', cycleId, bodyId] as const,
};

/** issue 10: who evaluates a PEKPPP locus entry (KemenPANRB, a Biro or Bagian Organisasi) and who may. */
export const useEvaluatorOrganisation = (cycleId: string, bodyId: string, enabled = true) =>
  useQuery({
    queryKey: locusKeys.evaluatorOrganisation(cycleId, bodyId),
    queryFn: ({ signal }) => api.get<EvaluatorOrganisationOut>(`/cycles/${cycleId}/bodies/${bodyId}/evaluator-organisation`, { signal }),
    enabled,
  });

export function getProgressPageQueryOptions(cycleId: string, f: ProgressFilter) {
  return queryOptions({
    queryKey: locusKeys.progressPage(cycleId, f),
    queryFn: ({ signal }) => api.get<ProgressPage>(`/cycles/${cycleId}/progress`, { query: { ...f }, signal }),
    placeholderData: keepPreviousData,
  });
}

export const useProgressPage = (cycleId: string, f: ProgressFilter) => useQuery(getProgressPageQueryOptions(cycleId, f));

export function getProgressQueryOptions(cycleId: string) {
  return queryOptions({
    queryKey: locusKeys.progressAll(cycleId),
    queryFn: async (): Promise<CycleProgress> => {
      let instruments: InstrumentQuota[] = [];
      const bodies = await getAllPages<BodyProgress, ProgressPage>(`/cycles/${cycleId}/progress`, {}, (page) => {
        instruments = page.instruments;
      });
      return { bodies, instruments };
    },
  });
}

export const useProgress = (cycleId: string) => useQuery(getProgressQueryOptions(cycleId));

export function getAssignments(options: { fresh?: boolean } = {}): Promise<Assignment[]> {
  return withOfflineCache('assignments:mine', async () => (await api.get<{ items: Assignment[] }>('/assignments/mine')).items, options);
}

/** The assessor's units in open cycles with due dates and progress, nearest due date first. */
export function getAssignmentsQueryOptions() {
  // offlineFirst: the read runs even when the browser says it is offline, and answers the device's copy.
  return queryOptions({ queryKey: locusKeys.assignments, queryFn: () => getAssignments(), networkMode: 'offlineFirst' });
}

export const useAssignments = () => useQuery(getAssignmentsQueryOptions());

export const getAssignedBodiesQueryOptions = () =>
  queryOptions({
    queryKey: locusKeys.assignedBodies,
    queryFn: ({ signal }) => api.get<AssignedBodyList>('/assignments/mine/bodies', { signal }),
  });
export const useAssignedBodies = (enabled = true) => useQuery({ ...getAssignedBodiesQueryOptions(), enabled });

/** Fieldwork is open for the unit: the server accepts its records (src/server/records/workflow.ts `writableReason`). */
export function unitWritable(cycle: CycleStatus, unit: UnitStatus): boolean {
  if (cycle === 'fieldwork') return unit === 'pending' || unit === 'returned';
  if (cycle === 'review') return unit === 'returned';
  return false;
}
