// Append-only audit log, chained by hash: hash = sha256(prevHash + canonical event).
import { bigserial, jsonb, pgTable, text, timestamp, uuid, index } from 'drizzle-orm/pg-core';

export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    /** Username or "system" / "public"; kept even if the account is later renamed. */
    actorLabel: text('actor_label').notNull(),
    /** resource.verb, e.g. "record.create" */
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id'),
    /** Province of the subject, so a pimpinan can read their province's log. */
    provinceCode: text('province_code'),
    /** Before/after difference or the created values. */
    diff: jsonb('diff').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_subject_idx').on(t.subjectType, t.subjectId), index('audit_province_idx').on(t.provinceCode, t.seq)],
);
