// Reading the audit log: admins see everything, a pimpinan the events of their own province.
// The log is append-only; there is no write route.
import type { FastifyInstance } from 'fastify';
import { AuditEvent, AuditQuery, AuditVerify } from '../../shared/wire/audit.ts';
import { pageOf } from '../../shared/wire/common.ts';
import { defineRoute } from '../http/route.ts';
import { scopesFor } from '../auth/policy.ts';
import { listAudit, verifyAudit } from './queries.ts';
import { withAuditNames } from './names.ts';
import { publicationAnchors } from './checkpoints.ts';

export async function auditRoutes(app: FastifyInstance): Promise<void> {
  defineRoute(
    app,
    {
      method: 'GET',
      url: '/audit',
      summary: 'Audit events, newest first (admin: all; pimpinan: own province). `action` ending in "." matches a prefix ("user.")',
      tags: ['audit'],
      access: 'audit.read',
      query: AuditQuery,
      response: { 200: pageOf(AuditEvent) },
    },
    async ({ tx, auth, query }) => {
      const actor = auth.user();
      const province = scopesFor(actor, 'audit.read').includes('all') ? query.province : (query.province ?? actor.provinceCode);
      auth.require('audit.read', { provinceCode: province ?? null });
      return withAuditNames(
        tx,
        await listAudit(tx, {
          page: query.page,
          pageSize: query.pageSize,
          action: query.action,
          subjectType: query.subjectType,
          subjectId: query.subjectId,
          actorId: query.actorId,
          provinceCode: province ?? undefined,
          from: query.from ? new Date(query.from) : undefined,
          to: query.to ? new Date(query.to) : undefined,
        }),
      );
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/audit/verify',
      summary:
        'Walks the whole keyed chain, checks it against the signed checkpoint and the publications’ checkpoints, and names the first problem (as `pantau audit verify`)',
      tags: ['audit'],
      access: 'audit.verify',
      response: { 200: AuditVerify },
    },
    async ({ tx }) => {
      const checkpoint = await app.auditCheckpoints.read();
      const r = await verifyAudit(tx, { checkpoint, requireCheckpoint: true, anchors: await publicationAnchors(tx) });
      const at = checkpoint ? { seq: checkpoint.seq, at: checkpoint.at } : null;
      return r.ok
        ? { ok: true, events: r.events, brokenAt: null, kind: null, reason: null, checkpoint: at }
        : { ok: false, events: r.events, brokenAt: r.brokenAt, kind: r.kind, reason: r.reason, checkpoint: at };
    },
  );
}
