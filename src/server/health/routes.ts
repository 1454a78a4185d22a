import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { sql } from 'drizzle-orm';
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
      response: { 200: z.object({ status: z.literal('ok') }) },
    },
    async ({ tx }) => {
      await tx.execute(sql`select 1`);
      return { status: 'ok' as const };
    },
  );
}
