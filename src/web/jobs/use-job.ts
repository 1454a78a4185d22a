/**
 * Background jobs (report packs, long exports and imports): start one with a POST that answers
 * the job, then follow it with `useJob(id)`, which polls `/jobs/:id` every second until it is
 * done or failed. `jobFileUrl` is the download link of a finished job.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { API_BASE, api } from '../lib/api.ts';

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

/** Mirrors `JobView` in src/server/jobs/routes.ts. */
export interface Job {
  id: string;
  kind: string;
  status: JobStatus;
  done: number;
  total: number;
  /** 0–100, or null while the total is unknown. */
  percent: number | null;
  params: Record<string, unknown>;
  fileName: string | null;
  size: number | null;
  result: unknown;
  error: { code: string; message: string; details: Record<string, unknown> } | null;
  createdAt: string;
  finishedAt: string | null;
}

export const isFinished = (job: Pick<Job, 'status'> | undefined): boolean => job?.status === 'done' || job?.status === 'failed';

export function jobQueryOptions(id: string) {
  return queryOptions({
    queryKey: ['jobs', id],
    queryFn: ({ signal }) => api.get<Job>(`/jobs/${id}`, { signal }),
    refetchInterval: (query) => (isFinished(query.state.data) ? false : 1000),
  });
}

export function useJob(id: string | null | undefined) {
  return useQuery({ ...jobQueryOptions(id ?? ''), enabled: !!id });
}

export const jobFileUrl = (id: string): string => `${API_BASE}/jobs/${id}/file`;
