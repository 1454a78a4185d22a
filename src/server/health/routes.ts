// Health: `/health` (the database answers), `/health/live` (the process answers: restart it if
// not), `/health/ready` (send it traffic: the database answers and shutdown has not begun).
// None opens a transaction.
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { Health, Live, NotReady, Ready } from '../../shared/wire/health.ts';
import { defineRoute } from '../http/route.ts';

export async function healthRoutes(app: FastifyInstance): Promise<void> {
  defineRoute(
    app,
    {
      method: 'GET',
      url: '/health',
      summary: 'Liveness and database check',
      tags: ['system'],
      access: 'public',
      noTransaction: true,
      response: { 200: Health },
    },
    async ({ db }) => {
      await db.execute(sql`select 1`);
      return { status: 'ok' as const };
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/health/live',
      summary: 'Liveness: the process answers (no database round trip)',
      tags: ['system'],
      access: 'public',
      noTransaction: true,
      response: { 200: Live },
    },
    async ({ reply }) => {
      reply.header('cache-control', 'no-store');
      return { status: 'live' as const };
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/health/ready',
      summary: 'Readiness: the database answers and the instance is not shutting down (503 otherwise)',
      tags: ['system'],
      access: 'public',
      noTransaction: true,
      response: { 200: Ready, 503: NotReady },
    },
    async ({ db, reply }) => {
      reply.header('cache-control', 'no-store');
      if (app.draining) return reply.code(503).send({ status: 'draining' });
      try {
        await db.execute(sql`select 1`);
      } catch {
        return reply.code(503).send({ status: 'no-database' });
      }
      return { status: 'ready' as const };
    },
  );
}
