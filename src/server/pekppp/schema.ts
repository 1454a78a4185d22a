// PEKPPP per unit of a cycle (issue 10): the state of the unit's F-01 self-assessment (draft,
// submitted = locked, reopened by the evaluator), the links the unit gives as evidence beside its
// uploaded files, the evaluator's data sources per indicator (F-02), and clarification requests
// on chosen indicators with the unit's answers. Levels, statements and reasons themselves are the
// F-01 / F-02 records (records/), so scoring, review and publication work as for any instrument.
import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/schema.ts';
import { cycles } from '../cycles/schema.ts';
import { bodies, units } from '../registry/schema.ts';

export const pekpppUnits = pgTable(
  'pekppp_units',
  {
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** draft | submitted | reopened */
    claimStatus: text('claim_status').notNull().default('draft'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by').references(() => users.id),
    reopenedAt: timestamp('reopened_at', { withTimezone: true }),
    reopenedBy: uuid('reopened_by').references(() => users.id),
    reopenNote: text('reopen_note'),
    /** Indicator code → links (URLs) the unit gives as evidence. */
    links: jsonb('links').notNull().default({}),
    /** Indicator code → the evaluator's data sources (codes of the F-02 entry rules). */
    sources: jsonb('sources').notNull().default({}),
    finalisedAt: timestamp('finalised_at', { withTimezone: true }),
    finalisedBy: uuid('finalised_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.unitId] })],
);

export const pekpppClarifications = pgTable(
  'pekppp_clarifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** Indicator codes returned to the unit. */
    indicators: jsonb('indicators').notNull(),
    question: text('question').notNull(),
    requestedBy: uuid('requested_by').references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    /** End of the verification window (core clarificationWindow, in the body's zone). */
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    /** YYYY-MM-DD, the window's last local day. */
    lastDay: text('last_day').notNull(),
    /** open | answered | closed */
    status: text('status').notNull().default('open'),
    /** Indicator code → { statement, links } the unit answered with (files: evidence links of kind 'klarifikasi'). */
    answers: jsonb('answers').notNull().default({}),
    answeredBy: uuid('answered_by').references(() => users.id),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => users.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [index('pekppp_clarifications_unit_idx').on(t.cycleId, t.unitId)],
);

/**
 * A "mandiri" PEKPPP cycle (issue 10 §1): run by a Biro/Bagian Organisasi (`organiserBodyId`, a
 * government's body) for its own government's units; its results carry a validation state by the
 * organisation the library names (`verification.mandiri.validatedBy`, KemenPANRB).
 */
export const pekpppCycles = pgTable('pekppp_cycles', {
  cycleId: uuid('cycle_id')
    .primaryKey()
    .references(() => cycles.id),
  organiserBodyId: uuid('organiser_body_id')
    .notNull()
    .references(() => bodies.id),
  /** pending | validated | returned */
  validation: text('validation').notNull().default('pending'),
  decidedBy: uuid('decided_by').references(() => users.id),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  /** Why it was returned (required then). */
  reason: text('reason'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
