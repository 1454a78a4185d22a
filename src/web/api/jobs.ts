/**
 * Background jobs (`src/shared/wire/jobs.ts`: report packs, long exports and imports): a POST
 * answers the job; `useJob(id)` follows it, polling `GET /jobs/:jobId` every second until it is
 * done or failed. `jobFileUrl` is the download link of a finished job.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Job } from '../../shared/wire/jobs.ts';
import { API_BASE, api } from '../lib/api.ts';

export const jobKeys = {
  all: ['jobs'] as const,
  one: (jobId: string) => ['jobs', jobId] as const,
};

export const isFinished = (job: Pick<Job, 'status'> | undefined): boolean => job?.status === 'done' || job?.status === 'failed';

export function getJobQueryOptions(jobId: string) {
  return queryOptions({
    queryKey: jobKeys.one(jobId),
    queryFn: ({ signal }) => api.get<Job>(`/jobs/${jobId}`, { signal }),
    refetchInterval: (query) => (isFinished(query.state.data) ? false : 1000),
  });
}

export const useJob = (jobId: string | null | undefined) => useQuery({ ...getJobQueryOptions(jobId ?? ''), enabled: !!jobId });

export const jobFileUrl = (jobId: string): string => `${API_BASE}/jobs/${jobId}/file`;
