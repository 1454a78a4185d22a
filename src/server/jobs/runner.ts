// Background jobs. A route inserts the job row in its own transaction with `startJob` (so a
// rolled-back request starts nothing); the work begins once the response has been sent, runs in
// this process, reports progress (throttled) and writes its file to $DATA_DIR/jobs/<id>.
// A restart marks unfinished jobs failed ('job.interrupted'): the user starts them again.
import { createReadStream, mkdirSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Queryable, Tx } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { jobs } from './schema.ts';

export type JobRow = typeof jobs.$inferSelect;

export interface JobContext {
  /** The database (not a request transaction): read what the job needs in short queries. */
  db: Db;
  /** Where the job must write its file. */
  filePath: string;
  /** Report progress; cheap to call often (written at most every 250 ms, and at the end). */
  progress(done: number, total?: number): Promise<void>;
}

export interface JobOutcome {
  fileName?: string;
  mime?: string;
  /** Small JSON result shown with the job (counts, warnings). */
  result?: unknown;
}

export type JobWork = (ctx: JobContext) => Promise<JobOutcome>;

const pending = new WeakMap<FastifyRequest, (() => void)[]>();
/** Running jobs' promises, so tests (and shutdown) can wait for them. */
const running = new Set<Promise<void>>();

export function jobsDir(app: FastifyInstance): string {
  return join(app.config.dataDir, 'jobs');
}

/**
 * Creates a queued job in the request's transaction; the work runs after the response is sent
 * (and only if the request succeeded, so its transaction committed).
 */
export async function startJob(
  app: FastifyInstance,
  tx: Tx,
  req: FastifyRequest,
  spec: { kind: string; ownerId: string; params?: Record<string, unknown>; total?: number },
  work: JobWork,
): Promise<JobRow> {
  const [row] = await tx
    .insert(jobs)
    .values({ kind: spec.kind, ownerId: spec.ownerId, params: spec.params ?? {}, total: spec.total ?? 0 })
    .returning();
  const job = row!;
  const list = pending.get(req) ?? [];
  list.push(() => {
    const p = runJob(app, job.id, work).finally(() => running.delete(p));
    running.add(p);
  });
  pending.set(req, list);
  return job;
}

/** Registers the hook that launches a request's jobs once its reply has gone out. */
export function registerJobHooks(app: FastifyInstance): void {
  app.addHook('onResponse', async (req, reply) => launchPending(req, reply.statusCode));
}

/** Starts the jobs a request queued, unless it failed (its transaction rolled back). */
export function launchPending(req: FastifyRequest, statusCode: number): void {
  const list = pending.get(req);
  if (!list) return;
  pending.delete(req);
  if (statusCode >= 400) return;
  for (const launch of list) launch();
}

async function runJob(app: FastifyInstance, id: string, work: JobWork): Promise<void> {
  const db = app.db;
  const dir = jobsDir(app);
  mkdirSync(dir, { recursive: true });
  const filePath = join(dir, id);
  let last = 0;
  let latest: { done: number; total?: number } | null = null;
  const write = async (done: number, total?: number) => {
    await db
      .update(jobs)
      .set(total === undefined ? { done } : { done, total })
      .where(eq(jobs.id, id));
  };
  const ctx: JobContext = {
    db,
    filePath,
    async progress(done, total) {
      latest = { done, ...(total === undefined ? {} : { total }) };
      const now = Date.now();
      if (now - last < 250) return;
      last = now;
      await write(done, total);
    },
  };
  try {
    await db.update(jobs).set({ status: 'running', startedAt: new Date() }).where(eq(jobs.id, id));
    const outcome = await work(ctx);
    const size = outcome.fileName ? (await stat(filePath)).size : null;
    const final = latest as { done: number; total?: number } | null;
    await db
      .update(jobs)
      .set({
        status: 'done',
        finishedAt: new Date(),
        ...(final ? { done: final.done, ...(final.total === undefined ? {} : { total: final.total }) } : {}),
        fileName: outcome.fileName ?? null,
        mime: outcome.mime ?? null,
        size,
        result: (outcome.result ?? null) as never,
      })
      .where(eq(jobs.id, id));
  } catch (err) {
    const error = err instanceof AppError ? { code: err.code, details: err.details } : { code: 'internal', details: {} };
    if (!(err instanceof AppError)) app.log.error({ err, job: id }, 'job failed');
    await db
      .update(jobs)
      .set({ status: 'failed', finishedAt: new Date(), error })
      .where(eq(jobs.id, id))
      .catch(() => undefined);
  }
}

/** Waits until every job started so far has finished (tests). */
export async function settleJobs(): Promise<void> {
  while (running.size) await Promise.allSettled([...running]);
}

/** At start-up: jobs left queued or running by a previous process will never finish. */
export async function failInterruptedJobs(db: Queryable): Promise<number> {
  const rows = await db
    .update(jobs)
    .set({ status: 'failed', finishedAt: sql`now()`, error: { code: 'job.interrupted', details: {} } })
    .where(and(inArray(jobs.status, ['queued', 'running'])))
    .returning({ id: jobs.id });
  return rows.length;
}

export function jobFileStream(app: FastifyInstance, id: string) {
  return createReadStream(join(jobsDir(app), id));
}
