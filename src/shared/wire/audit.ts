/**
 * The audit log on the wire (`src/server/audit/routes.ts`): newest first, filtered and paged
 * (admin: all; pimpinan: own province), and the walk of the hash chain. Read-only.
 */
import { z } from 'zod';
import { pageQuery, provinceCode } from './common.ts';
import { AUDIT_BREAK_KINDS } from './enums.ts';

export const AuditEvent = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorLabel: z.string(),
  /** `resource.verb`, e.g. `user.create`. */
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  provinceCode: z.string().nullable(),
  diff: z.unknown(),
  prevHash: z.string(),
  hash: z.string(),
  // issue 16: names of the subject, the actor and every id in `diff` (the screen shows names, not ids)
  subjectName: z.string().nullable().optional(),
  actorName: z.string().nullable().optional(),
  names: z.record(z.string(), z.string()).optional(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditQuery = z.object({
  ...pageQuery,
  /** An action, or a prefix ending in "." ("user."). */
  action: z.string().trim().min(1).max(80).optional(),
  subjectType: z.string().trim().min(1).max(40).optional(),
  subjectId: z.string().trim().min(1).max(80).optional(),
  actorId: z.uuid().optional(),
  province: provinceCode.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

/** The first broken link of the chain, or ok. */
export const AuditVerify = z.object({
  ok: z.boolean(),
  events: z.number().int(),
  brokenAt: z.number().int().nullable(),
  kind: z.enum(AUDIT_BREAK_KINDS).nullable(),
  reason: z.string().nullable(),
  /** The signed checkpoint the chain was checked against (null: none yet). */
  checkpoint: z.object({ seq: z.number().int(), at: z.string() }).nullable(),
});
export type AuditVerify = z.infer<typeof AuditVerify>;
