// Clarification (klarifikasi): after review the pimpinan opens a window with a deadline for a
// cycle's bodies in one scope (a province code, or 'pusat' for ministries and agencies); each
// koordinator may dispute indicators of its units; an asisten or pimpinan accepts (the answer
// changes, results are recomputed) or rejects with a reason. Every answer change before
// publication is written to `result_changes`, the change log attached to the body.
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { cycles } from '../cycles/schema.ts';
import { bodies, units } from '../registry/schema.ts';
import { users } from '../auth/schema.ts';

export const clarificationWindows = pgTable(
  'clarification_windows',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id),
    /** A province code, or 'pusat' for bodies without a province (kementerian, lembaga). */
    scope: text('scope').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    openedBy: uuid('opened_by').references(() => users.id),
    /** No new disputes after this moment. */
    deadline: timestamp('deadline', { withTimezone: true }).notNull(),
    /** Closed early by the pimpinan (or null: closes at the deadline). */
    closedAt: timestamp('closed_at', { withTimezone: true }),
    note: text('note'),
  },
  (t) => [uniqueIndex('clarification_windows_scope_key').on(t.cycleId, t.scope)],
);

export const disputes = pgTable(
  'disputes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    windowId: uuid('window_id')
      .notNull()
      .references(() => clarificationWindows.id),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** Indicator code of the cycle's frozen scheme. */
    indicator: text('indicator').notNull(),
    statement: text('statement').notNull(),
    /** Evidence files (content-addressed): [{ sha256, filename, mime, size }]. */
    evidence: jsonb('evidence').notNull().default([]),
    /** open | accepted | rejected | closed (deadline passed before a decision was needed) */
    status: text('status').notNull().default('open'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedBy: uuid('resolved_by').references(() => users.id),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    /** The resolver's reason (required to reject) or note. */
    resolution: text('resolution'),
  },
  (t) => [index('disputes_unit_idx').on(t.cycleId, t.unitId), index('disputes_window_idx').on(t.windowId, t.status)],
);

/** The change log: every answer changed after review and before publication, per body. */
export const resultChanges = pgTable(
  'result_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    indicator: text('indicator').notNull(),
    /** 'dispute' (an accepted dispute) | 'correction' (an erratum after publication) */
    source: text('source').notNull(),
    disputeId: uuid('dispute_id').references(() => disputes.id),
    /** { answers: { recordId: value }, unitScore, bodyScore } before and after. */
    before: jsonb('before').notNull(),
    after: jsonb('after').notNull(),
    reason: text('reason').notNull(),
    changedBy: uuid('changed_by').references(() => users.id),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('result_changes_body_idx').on(t.cycleId, t.bodyId, t.changedAt)],
);
