/**
 * Background jobs on the wire (`src/server/jobs/routes.ts`): report packs, long exports and
 * imports answer `202 Job`; the starter follows `GET /jobs/:jobId` and downloads
 * `GET /jobs/:jobId/file`. Another user's job is a 404.
 */
import { z } from 'zod';
import { JOB_STATUSES } from './enums.ts';

export const JobStatus = z.enum(JOB_STATUSES);
export type JobStatus = z.infer<typeof JobStatus>;

export const Job = z.object({
  id: z.uuid(),
  kind: z.string(),
  status: JobStatus,
  done: z.number().int(),
  total: z.number().int(),
  /** 0–100, or null while the total is unknown. */
  percent: z.number().nullable(),
  params: z.record(z.string(), z.unknown()),
  fileName: z.string().nullable(),
  size: z.number().int().nullable(),
  result: z.unknown(),
  /** Why it failed, the message in the caller's language. */
  error: z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()) }).nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type Job = z.infer<typeof Job>;

export const JobList = z.object({ items: z.array(Job) });
export const JobsQuery = z.object({ kind: z.string().max(60).optional() });
export const jobParams = z.object({ jobId: z.uuid() });
