// Background jobs on a PostgreSQL queue: the `jobs` table itself. A route inserts the job row in
// its own transaction with `startJob` (a rolled-back request starts nothing); every instance runs
// a worker (`JobWorker`) that claims queued jobs of the kinds it knows with
// `FOR UPDATE SKIP LOCKED`, so each job runs once, on whichever instance is free. While a job
// runs, its worker writes a heartbeat; a job whose heartbeat is older than `staleMs` (its
// instance died) is claimed again by another worker, up to `max_attempts` runs in all. An
// unexpected error is retried after a back-off; an AppError (the user's input) fails at once with
// its translated code. At shutdown a worker lets its jobs finish for a grace period, then hands
// them back to the queue. The job's file goes to the file store (storage/: the data directory or
// S3), so any instance can serve the download.
//
// Why not pg-boss or graphile-worker: graphile-worker does not run on PGlite (the embedded
// default); pg-boss does, but adds its own schema, maintenance loops and a second job table to
// keep in step with this one (progress, owner, file), and declares Node ≥ 22.12. A claim here is
// one UPDATE … WHERE id = (SELECT … FOR UPDATE SKIP LOCKED) on the table the UI already reads.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { eq, sql } from 'drizzle-orm';
import type { Actor, Role } from '../auth/policy.ts';
import { users } from '../auth/schema.ts';
import type { Db, Queryable, Tx } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { jobs } from './schema.ts';

export type JobRow = typeof jobs.$inferSelect;

export interface JobContext {
  /** The database (not a request transaction): read what the job needs in short queries. */
  db: Db;
  /** The job's row as claimed (params, owner, attempt). */
  job: JobRow;
  /** Where the job must write its file (a local temporary path; stored once the job is done). */
  filePath: string;
  /** Report progress; cheap to call often (written at most every 250 ms, and at the end). */
  progress(done: number, total?: number): Promise<void>;
  /** Aborted when the worker lost the job (another instance took it over) or is shutting down hard. */
  signal: AbortSignal;
}

export interface JobOutcome {
  fileName?: string;
  mime?: string;
  /** Small JSON result shown with the job (counts, warnings). */
  result?: unknown;
}

export type JobWork = (ctx: JobContext) => Promise<JobOutcome>;

export interface WorkerOptions {
  /** Jobs run at the same time by this instance (default 1; PANTAU_JOB_CONCURRENCY). */
  concurrency?: number;
  /** How often an idle worker looks for work (ms). */
  pollMs?: number;
  /** How often a running job's heartbeat is written (ms). */
  heartbeatMs?: number;
  /** A running job whose heartbeat is older than this belongs to a dead instance (ms). */
  staleMs?: number;
  /** Grace period at shutdown before running jobs are handed back (ms). */
  graceMs?: number;
  /** Do not run jobs here (an instance that only serves requests). */
  disabled?: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    jobs: JobWorker;
  }
}

/** Every worker of this process, so tests can wait for all of them. */
const workers = new Set<JobWorker>();

export class JobWorker {
  readonly id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly kinds = new Map<string, JobWork>();
  private readonly active = new Map<string, { controller: AbortController; done: Promise<void> }>();
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  private stopped = true;
  readonly opts: Required<WorkerOptions>;
  readonly stats = { claimed: 0, done: 0, failed: 0, retried: 0, reclaimed: 0 };

  constructor(
    private readonly app: FastifyInstance,
    opts: WorkerOptions = {},
  ) {
    this.opts = {
      concurrency: opts.concurrency ?? 1,
      pollMs: opts.pollMs ?? 1000,
      heartbeatMs: opts.heartbeatMs ?? 5000,
      staleMs: opts.staleMs ?? 60_000,
      graceMs: opts.graceMs ?? 20_000,
      disabled: opts.disabled ?? false,
    };
  }

  /** Declares what a kind of job does. Every instance declares the same kinds (in its routes). */
  define(kind: string, work: JobWork): void {
    this.kinds.set(kind, work);
  }

  start(): void {
    if (this.opts.disabled || !this.stopped) return;
    this.stopped = false;
    workers.add(this);
    this.schedule(0);
  }

  /** Look for work now (a job was just queued through this instance). */
  wake(): void {
    if (!this.stopped) this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.polling ??= this.poll().finally(() => {
        this.polling = null;
        if (!this.stopped) this.schedule(this.opts.pollMs);
      });
    }, ms);
    this.timer.unref();
  }

  private async poll(): Promise<void> {
    while (!this.stopped && this.active.size < this.opts.concurrency && this.kinds.size > 0) {
      let job: JobRow | undefined;
      try {
        job = await this.claim();
      } catch (err) {
        if (!this.stopped) this.app.log.error({ err }, 'job claim failed');
        return;
      }
      if (!job) return;
      this.launch(job);
    }
  }

  /** Claims the oldest runnable job: queued and due, or running on an instance that stopped beating. */
  private async claim(): Promise<JobRow | undefined> {
    const kinds = [...this.kinds.keys()];
    const res = (await this.app.db.execute(sql`
      update jobs set status = 'running', locked_by = ${this.id}, heartbeat_at = now(), attempts = attempts + 1,
        started_at = coalesce(started_at, now())
      where id = (
        select id from jobs
        where ${this.runnable(kinds)}
        order by created_at
        limit 1
        for update skip locked)
      returning id`)) as unknown as { rows: { id: string }[] };
    const id = res.rows[0]?.id;
    if (!id) return undefined;
    const [row] = await this.app.db.select().from(jobs).where(eq(jobs.id, id));
    this.stats.claimed++;
    if (row!.attempts > 1) this.stats.reclaimed++;
    return row;
  }

  /** Jobs this worker may claim: queued and due, or running on a worker that stopped beating. */
  private runnable(kinds: string[]) {
    return sql`kind = any(${sql.param(kinds)}::text[])
      and ((status = 'queued' and run_after <= now())
        or (status = 'running' and locked_by is distinct from ${this.id}
            and heartbeat_at < now() - (${this.opts.staleMs}::int * interval '1 millisecond')))`;
  }

  private launch(job: JobRow): void {
    const controller = new AbortController();
    const done = this.run(job, controller).finally(() => {
      this.active.delete(job.id);
      if (!this.stopped) this.schedule(0);
    });
    this.active.set(job.id, { controller, done });
  }

  private async run(job: JobRow, controller: AbortController): Promise<void> {
    const db = this.app.db;
    const mine = sql`${jobs.id} = ${job.id} and ${jobs.lockedBy} = ${this.id}`;
    if (job.attempts > job.maxAttempts) {
      await db
        .update(jobs)
        .set({ status: 'failed', finishedAt: new Date(), lockedBy: null, error: { code: 'job.interrupted', details: {} } })
        .where(mine);
      this.stats.failed++;
      return;
    }
    const work = this.kinds.get(job.kind)!;
    const dir = join(tmpdir(), 'pantau-jobs');
    mkdirSync(dir, { recursive: true });
    const filePath = join(dir, `${job.id}-${randomUUID().slice(0, 8)}`);
    let last = 0;
    let latest: { done: number; total?: number } | null = null;
    const heartbeat = setInterval(() => {
      void db
        .update(jobs)
        .set({ heartbeatAt: new Date() })
        .where(mine)
        .returning({ id: jobs.id })
        .then((rows) => {
          // Another worker took the job over (this one was presumed dead): stop.
          if (rows.length === 0) controller.abort(new Error('job taken over'));
        })
        .catch(() => undefined);
    }, this.opts.heartbeatMs);
    heartbeat.unref();
    const ctx: JobContext = {
      db,
      job,
      filePath,
      signal: controller.signal,
      async progress(done, total) {
        latest = { done, ...(total === undefined ? {} : { total }) };
        const now = Date.now();
        if (now - last < 250) return;
        last = now;
        await db
          .update(jobs)
          .set(total === undefined ? { done } : { done, total })
          .where(eq(jobs.id, job.id));
      },
    };
    try {
      const outcome = await work(ctx);
      if (controller.signal.aborted) return;
      let size: number | null = null;
      if (outcome.fileName) {
        size = (await stat(filePath)).size;
        await this.app.stores.files.putFile(jobFileKey(job.id), filePath);
      }
      const final = latest as { done: number; total?: number } | null;
      await db
        .update(jobs)
        .set({
          status: 'done',
          finishedAt: new Date(),
          lockedBy: null,
          ...(final ? { done: final.done, ...(final.total === undefined ? {} : { total: final.total }) } : {}),
          fileName: outcome.fileName ?? null,
          mime: outcome.mime ?? null,
          size,
          result: (outcome.result ?? null) as never,
          error: null,
        })
        .where(mine);
      this.stats.done++;
    } catch (err) {
      if (controller.signal.aborted) return;
      const known = err instanceof AppError;
      const error = known ? { code: err.code, details: err.details } : { code: 'internal', details: {} };
      if (!known) this.app.log.error({ err, job: job.id, attempt: job.attempts }, 'job failed');
      const retry = !known && job.attempts < job.maxAttempts;
      if (retry) this.stats.retried++;
      else this.stats.failed++;
      await db
        .update(jobs)
        .set(
          retry
            ? { status: 'queued', lockedBy: null, error, runAfter: new Date(Date.now() + 1000 * 2 ** job.attempts) }
            : { status: 'failed', finishedAt: new Date(), lockedBy: null, error },
        )
        .where(mine)
        .catch(() => undefined);
    } finally {
      clearInterval(heartbeat);
      await rm(filePath, { force: true }).catch(() => undefined);
    }
  }

  /** True while a job runs here. */
  get busy(): boolean {
    return this.active.size > 0 || this.polling !== null;
  }

  get running(): number {
    return this.active.size;
  }

  /**
   * Stops claiming; running jobs get `graceMs` to finish, then are handed back to the queue
   * (queued again, this attempt not counted) for another instance.
   */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    workers.delete(this);
    if (this.timer) clearTimeout(this.timer);
    await this.polling?.catch(() => undefined);
    const all = [...this.active.entries()];
    if (all.length === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((r) => {
      timer = setTimeout(() => r('timeout'), this.opts.graceMs);
    });
    const finished = await Promise.race([Promise.all(all.map(([, a]) => a.done)).then(() => 'done' as const), timeout]);
    clearTimeout(timer);
    if (finished === 'done') return;
    for (const [id, a] of this.active) {
      a.controller.abort(new Error('shutting down'));
      await this.app.db
        .update(jobs)
        .set({ status: 'queued', lockedBy: null, attempts: sql`greatest(${jobs.attempts} - 1, 0)`, runAfter: new Date() })
        .where(sql`${jobs.id} = ${id} and ${jobs.lockedBy} = ${this.id}`)
        .catch(() => undefined);
    }
  }

  /** Runs until no job this worker can run is queued or running here (tests). */
  async settle(): Promise<void> {
    for (;;) {
      await this.polling;
      await Promise.allSettled([...this.active.values()].map((a) => a.done));
      const kinds = [...this.kinds.keys()];
      if (kinds.length === 0) return;
      const res = (await this.app.db.execute(
        sql`select count(*)::int as n from jobs where (${this.runnable(kinds)}) or (status = 'running' and locked_by = ${this.id})`,
      )) as unknown as { rows: { n: number }[] };
      if (res.rows[0]!.n === 0 && this.active.size === 0) return;
      this.schedule(0);
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}

export const jobFileKey = (id: string) => `jobs/${id}`;

/**
 * Creates a queued job in the request's transaction; a worker of any instance runs it once the
 * transaction has committed. `work`, when given, declares the kind on this instance too (tests);
 * routes declare their kinds with `app.jobs.define` at registration.
 */
export async function startJob(
  app: FastifyInstance,
  tx: Tx,
  req: FastifyRequest,
  spec: { kind: string; ownerId: string; params?: Record<string, unknown>; total?: number; maxAttempts?: number },
  work?: JobWork,
): Promise<JobRow> {
  if (work) app.jobs.define(spec.kind, work);
  const [row] = await tx
    .insert(jobs)
    .values({
      kind: spec.kind,
      ownerId: spec.ownerId,
      params: spec.params ?? {},
      total: spec.total ?? 0,
      ...(spec.maxAttempts ? { maxAttempts: spec.maxAttempts } : {}),
    })
    .returning();
  pendingWake.add(req);
  return row!;
}

const pendingWake = new WeakSet<FastifyRequest>();

/** Creates this instance's worker and wakes it once a request that queued a job has answered. */
export function registerJobHooks(app: FastifyInstance, opts: WorkerOptions = {}): void {
  const worker = new JobWorker(app, opts);
  app.decorate('jobs', worker);
  app.addHook('onResponse', async (req, reply) => launchPending(req, reply.statusCode, app));
  app.addHook('onReady', async () => worker.start());
  app.addHook('preClose', async () => worker.stop());
}

/** After a request that queued a job: look for work at once (its transaction has committed). */
export function launchPending(req: FastifyRequest, statusCode: number, app?: FastifyInstance): void {
  if (!pendingWake.has(req)) return;
  pendingWake.delete(req);
  if (statusCode < 400) for (const w of app ? [app.jobs] : workers) w.wake();
}

/** Waits until every worker of this process has run what it can (tests). */
export async function settleJobs(): Promise<void> {
  for (const w of [...workers]) await w.settle();
}

/** The actor a job runs for: its owner as the policy sees them now. */
export async function ownerActor(db: Queryable, ownerId: string): Promise<Actor> {
  const [u] = await db
    .select({
      id: users.id,
      username: users.username,
      name: users.name,
      role: users.role,
      provinceCode: users.provinceCode,
      bodyId: users.bodyId,
      unitId: users.unitId,
    })
    .from(users)
    .where(eq(users.id, ownerId));
  if (!u) throw new AppError('auth.forbidden');
  return { ...u, role: u.role as Role };
}
