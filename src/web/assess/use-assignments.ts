/**
 * The assessor's assignments (`GET /assignments/mine`): units in open cycles with due dates and
 * progress per instrument against the quotas. Kept on the device so the list opens offline.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../lib/api.ts';
import { withOfflineCache } from '../lib/sync.ts';

export type CycleStatus = 'planning' | 'fieldwork' | 'review' | 'final';
export type UnitStatus = 'pending' | 'submitted' | 'approved' | 'returned';

export interface InstrumentCount {
  code: string;
  done: number;
  target: number;
  min: number;
  complete: boolean;
}

export interface UnitProgress {
  unitId: string;
  name: string;
  sector: string;
  status: UnitStatus;
  assessor: { id: string; name: string; username: string } | null;
  dueDate: string | null;
  instruments: InstrumentCount[];
  done: number;
  target: number;
  complete: boolean;
  result: { score: number; bandCode: string; complete: boolean } | null;
}

export interface Assignment {
  cycle: { id: string; name: string; year: number; status: CycleStatus; schemeId: string };
  body: { id: string; name: string; type: string; provinceCode: string | null };
  unit: UnitProgress;
}

export const assignmentsQueryKey = ['assignments', 'mine'] as const;

export function getAssignments(): Promise<Assignment[]> {
  return withOfflineCache('assignments:mine', async () => (await api.get<{ items: Assignment[] }>('/assignments/mine')).items);
}

export function getAssignmentsQueryOptions() {
  return queryOptions({ queryKey: assignmentsQueryKey, queryFn: getAssignments });
}

export function useAssignments() {
  return useQuery(getAssignmentsQueryOptions());
}

/** Fieldwork is open for the unit: the server accepts its records (cycles/queries.ts writableReason). */
export function unitWritable(cycle: CycleStatus, unit: UnitStatus): boolean {
  if (cycle === 'fieldwork') return unit === 'pending' || unit === 'returned';
  if (cycle === 'review') return unit === 'returned';
  return false;
}
