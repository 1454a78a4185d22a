// Job routes: a signed-in user follows the jobs they started (progress) and downloads the file.
// Another user's job is not revealed (404); admins see every job.
import type { FastifyInstance } from 'fastify';
import { FileReply } from '../../shared/wire/common.ts';
import { Job, JobList, JobsQuery, jobParams } from '../../shared/wire/jobs.ts';
import { and, desc, eq } from 'drizzle-orm';
import { defineRoute } from '../http/route.ts';
import { AppError, localiseDetails, messageFor, notFound, type ErrorCode } from '../errors.ts';
import type { Actor } from '../auth/policy.ts';
import type { Queryable } from '../db/client.ts';
import type { Lang } from '../../core/types.ts';
import { jobs } from './schema.ts';
import { type JobRow, jobFileKey } from './runner.ts';

const tags = ['jobs'];
/** A job row as its starter sees it: progress, and the error in the caller's language. */
export function jobView(row: JobRow, lang: Lang): Job {
  const err = row.error as { code: ErrorCode; details: Record<string, unknown> } | null;
  return {
    id: row.id,
    kind: row.kind,
    status: row.status as Job['status'],
    done: row.done,
    total: row.total,
    percent: row.status === 'done' ? 100 : row.total > 0 ? Math.min(100, Math.floor((row.done / row.total) * 100)) : null,
    params: row.params as Record<string, unknown>,
    fileName: row.fileName,
    size: row.size,
    result: row.result ?? null,
    error: err
      ? {
          code: err.code,
          message: messageFor(err.code, lang, localiseDetails(err.code, lang, err.details ?? {})),
          details: err.details ?? {},
        }
      : null,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

async function ownJobOr404(tx: Queryable, actor: Actor, id: string): Promise<JobRow> {
  const [row] = await tx.select().from(jobs).where(eq(jobs.id, id));
  if (!row || (row.ownerId !== actor.id && actor.role !== 'admin')) throw notFound('job');
  return row;
}

export async function jobRoutes(app: FastifyInstance): Promise<void> {
  defineRoute(
    app,
    {
      method: 'GET',
      url: '/jobs',
      summary: 'The jobs I started, newest first (report packs, exports, imports)',
      tags,
      access: 'authenticated',
      query: JobsQuery,
      response: { 200: JobList },
    },
    async ({ tx, auth, query, lang }) => {
      const actor = auth.user();
      const rows = await tx
        .select()
        .from(jobs)
        .where(and(eq(jobs.ownerId, actor.id), query.kind ? eq(jobs.kind, query.kind) : undefined))
        .orderBy(desc(jobs.createdAt))
        .limit(50);
      return { items: rows.map((r) => jobView(r, lang)) };
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/jobs/:jobId',
      summary: "A job's status and progress",
      tags,
      access: 'authenticated',
      params: jobParams,
      response: { 200: Job },
    },
    async ({ tx, auth, params, lang }) => jobView(await ownJobOr404(tx, auth.user(), params.jobId), lang),
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/jobs/:jobId/file',
      summary: "Download a finished job's file",
      tags,
      access: 'authenticated',
      params: jobParams,
      response: { 200: FileReply },
    },
    async ({ tx, auth, params, reply }) => {
      const row = await ownJobOr404(tx, auth.user(), params.jobId);
      if (row.status !== 'done' || !row.fileName) throw new AppError('job.not_ready', { status: row.status });
      const ascii = row.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
      reply
        .header('content-type', row.mime ?? 'application/octet-stream')
        .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(row.fileName)}`);
      const file = await app.stores.files.getFile(jobFileKey(row.id));
      if (!file) throw new AppError('job.not_ready', { status: 'missing' });
      reply.header('content-length', String(file.size));
      return reply.send(file.stream);
    },
  );
}
