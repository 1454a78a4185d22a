// Reading the audit log: admins see everything, a pimpinan the events of their own province.
// The log is append-only; there is no write route.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { defineRoute } from '../http/route.ts';
import { scopesFor } from '../auth/policy.ts';
import { pageOf, pageQuery } from '../registry/routes.ts';
import { listAudit, verifyAudit } from './queries.ts';

const AuditEventOut = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  provinceCode: z.string().nullable(),
  diff: z.unknown(),
  prevHash: z.string(),
  hash: z.string(),
});

export async function auditRoutes(app: FastifyInstance): Promise<void> {
  defineRoute(
    app,
    {
      method: 'GET',
      url: '/audit',
      summary: 'Audit events, newest first (admin: all; pimpinan: own province). `action` ending in "." matches a prefix ("user.")',
      tags: ['audit'],
      access: 'audit.read',
      query: z.object({
        ...pageQuery,
        action: z.string().trim().min(1).max(80).optional(),
        subjectType: z.string().trim().min(1).max(40).optional(),
        subjectId: z.string().trim().min(1).max(80).optional(),
        actorId: z.uuid().optional(),
        province: z
          .string()
          .regex(/^\d{2}$/)
          .optional(),
        from: z.iso.datetime({ offset: true }).optional(),
        to: z.iso.datetime({ offset: true }).optional(),
      }),
      response: { 200: pageOf(AuditEventOut) },
    },
    async ({ tx, auth, query }) => {
      const actor = auth.user();
      const province = scopesFor(actor, 'audit.read').includes('all') ? query.province : (query.province ?? actor.provinceCode);
      auth.require('audit.read', { provinceCode: province ?? null });
      return listAudit(tx, {
        page: query.page,
        pageSize: query.pageSize,
        action: query.action,
        subjectType: query.subjectType,
        subjectId: query.subjectId,
        actorId: query.actorId,
        provinceCode: province ?? undefined,
        from: query.from ? new Date(query.from) : undefined,
        to: query.to ? new Date(query.to) : undefined,
      });
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/audit/verify',
      summary: 'Walks the whole hash chain and names the first broken link (as `pantau audit verify`)',
      tags: ['audit'],
      access: 'audit.verify',
      response: {
        200: z.object({
          ok: z.boolean(),
          events: z.number().int(),
          brokenAt: z.number().int().nullable(),
          kind: z.enum(['link', 'content']).nullable(),
          reason: z.string().nullable(),
        }),
      },
    },
    async ({ tx }) => {
      const r = await verifyAudit(tx);
      return r.ok
        ? { ok: true, events: r.events, brokenAt: null, kind: null, reason: null }
        : { ok: false, events: r.events, brokenAt: r.brokenAt, kind: r.kind, reason: r.reason };
    },
  );
}
