// Operations: request ids (x-request-id in and out, in every JSON log line as reqId), a
// Prometheus /metrics (prom-client: latency per route pattern, database pool, job queue,
// published-read cache, process), and the draining flag readiness reports during shutdown.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sql } from 'drizzle-orm';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

declare module 'fastify' {
  interface FastifyInstance {
    /** True once shutdown has begun: readiness answers 503 so a balancer stops sending work. */
    draining: boolean;
    metrics: Registry;
  }
}

const ID_RE = /^[A-Za-z0-9._:-]{1,64}$/;

/** Fastify's genReqId: the caller's (a proxy's) x-request-id when it is sane, else a new UUID. */
export function requestId(req: { headers: Record<string, string | string[] | undefined> }): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && ID_RE.test(given) ? given : randomUUID();
}

export interface OpsOptions {
  /** Pool figures of the PostgreSQL connection pool (absent on PGlite). */
  pool?: () => { total: number; idle: number; waiting: number } | undefined;
  /** Bearer token /metrics requires (PANTAU_METRICS_TOKEN); unset: open (keep it off the public proxy). */
  metricsToken?: string;
}

export function registerOps(app: FastifyInstance, opts: OpsOptions = {}): void {
  app.decorate('draining', false);
  const registry = new Registry();
  app.decorate('metrics', registry);
  collectDefaultMetrics({ register: registry, prefix: 'pantau_' });

  const duration = new Histogram({
    name: 'pantau_http_request_duration_seconds',
    help: 'Time to answer, per route pattern, method and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('x-request-id', req.id);
    return payload;
  });
  app.addHook('onResponse', async (req: FastifyRequest, reply) => {
    duration.observe(
      { method: req.method, route: req.routeOptions.url ?? 'unknown', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  new Gauge({
    name: 'pantau_db_pool_connections',
    help: 'PostgreSQL pool connections by state (total, idle, waiting clients)',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const p = opts.pool?.();
      if (!p) return;
      this.set({ state: 'total' }, p.total);
      this.set({ state: 'idle' }, p.idle);
      this.set({ state: 'waiting' }, p.waiting);
    },
  });
  new Gauge({
    name: 'pantau_jobs',
    help: 'Background jobs in the queue by status (all instances)',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      const res = (await app.db.execute(sql`select status, count(*)::int as n from jobs group by status`)) as unknown as {
        rows: { status: string; n: number }[];
      };
      for (const s of ['queued', 'running', 'done', 'failed']) this.set({ status: s }, res.rows.find((r) => r.status === s)?.n ?? 0);
    },
  });
  new Gauge({
    name: 'pantau_jobs_running_here',
    help: 'Jobs this instance is running',
    registers: [registry],
    collect() {
      this.set(app.jobs.running);
    },
  });
  new Counter({
    name: 'pantau_jobs_worker_total',
    help: "This instance's worker: jobs claimed, done, failed, retried, taken over from a dead instance",
    labelNames: ['event'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const [event, n] of Object.entries(app.jobs.stats)) this.inc({ event }, n);
    },
  });
  new Counter({
    name: 'pantau_published_reads_total',
    help: 'Published reads: answered from the cache (hit), 304, computed (miss); data stamp checks',
    labelNames: ['result'] as const,
    registers: [registry],
    collect() {
      this.reset();
      const s = app.published.stats;
      this.inc({ result: 'hit' }, s.hits);
      this.inc({ result: 'not_modified' }, s.notModified);
      this.inc({ result: 'miss' }, s.misses);
      this.inc({ result: 'stamp_check' }, s.stampChecks);
    },
  });
  new Gauge({
    name: 'pantau_published_cache_bytes',
    help: 'Bytes the published-read cache holds (all encodings)',
    registers: [registry],
    collect() {
      this.set(app.published.size.bytes);
    },
  });

  app.get('/metrics', { schema: { hide: true } }, async (req, reply) => {
    if (opts.metricsToken && req.headers.authorization !== `Bearer ${opts.metricsToken}`) {
      return reply.code(401).send({ error: { code: 'auth.required', message: 'metrics token required', details: {} } });
    }
    reply.header('content-type', registry.contentType).header('cache-control', 'no-store');
    return registry.metrics();
  });
}
