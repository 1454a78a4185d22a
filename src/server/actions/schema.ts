// Follow-up actions (issue 12): one model for findings' action plans, the SKM follow-up plan and
// manual actions; their updates (plan edits, progress, verification, comments) and evidence files
// (content-addressed in the evidence store, `evidence_files`).
import { doublePrecision, index, jsonb, pgTable, text, timestamp, uuid, date } from 'drizzle-orm/pg-core';
import { users } from '../auth/schema.ts';
import { bodies, units } from '../registry/schema.ts';
import { evidenceFiles } from '../evidence/schema.ts';

export const actions = pgTable(
  'actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** finding | skm | manual */
    sourceKind: text('source_kind').notNull(),
    /** The finding answered ('finding'); the findings table lives in its own resource. */
    findingId: uuid('finding_id'),
    /** The survey and unsur ('skm'); the surveys table lives in the public-survey resource. */
    surveyId: uuid('survey_id'),
    unsurCode: text('unsur_code'),
    cycleId: uuid('cycle_id'),
    indicator: text('indicator'),
    title: text('title').notNull(),
    personInCharge: text('person_in_charge').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    targetLevel: doublePrecision('target_level'),
    notes: text('notes'),
    /** planned | in_progress | done | verified */
    status: text('status').notNull().default('planned'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    verifiedBy: uuid('verified_by').references(() => users.id),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
  },
  (t) => [
    index('actions_body_idx').on(t.bodyId, t.status),
    index('actions_unit_idx').on(t.unitId),
    index('actions_finding_idx').on(t.findingId),
    index('actions_survey_idx').on(t.surveyId),
  ],
);

export const actionUpdates = pgTable(
  'action_updates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actionId: uuid('action_id')
      .notNull()
      .references(() => actions.id),
    /** plan | progress | verification | comment */
    kind: text('kind').notNull(),
    authorId: uuid('author_id').references(() => users.id),
    note: text('note'),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    /** Plan edits: the fields changed, { before, after }. */
    diff: jsonb('diff'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('action_updates_action_idx').on(t.actionId, t.createdAt)],
);

export const actionEvidence = pgTable(
  'action_evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actionId: uuid('action_id')
      .notNull()
      .references(() => actions.id),
    updateId: uuid('update_id').references(() => actionUpdates.id),
    sha256: text('sha256')
      .notNull()
      .references(() => evidenceFiles.sha256),
    filename: text('filename').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('action_evidence_action_idx').on(t.actionId)],
);
