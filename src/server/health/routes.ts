import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { Health } from '../../shared/wire/health.ts';
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
      response: { 200: Health },
    },
    async ({ tx }) => {
      await tx.execute(sql`select 1`);
      return { status: 'ok' as const };
    },
  );
}
