// Content-addressed evidence files (sha256) and their links to records and indicators.
import { bigint, doublePrecision, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/schema.ts';
import { cycles } from '../cycles/schema.ts';
import { units } from '../registry/schema.ts';
import { records } from '../records/schema.ts';
import { surveys } from '../surveys/schema.ts';

export const evidenceFiles = pgTable('evidence_files', {
  sha256: text('sha256').primaryKey(),
  size: bigint('size', { mode: 'number' }).notNull(),
  /** Detected from magic bytes, not from the client's claim. */
  mime: text('mime').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const evidenceLinks = pgTable(
  'evidence_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sha256: text('sha256')
      .notNull()
      .references(() => evidenceFiles.sha256),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    recordId: uuid('record_id').references(() => records.id),
    /** Indicator code the file supports, when it supports one. */
    indicator: text('indicator'),
    filename: text('filename').notNull(),
    kind: text('kind'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** issue 13 §2: device time the photo was taken, and the position then (with permission). */
    capturedAt: timestamp('captured_at', { withTimezone: true }),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    accuracy: doublePrecision('accuracy'),
  },
  (t) => [index('evidence_links_unit_idx').on(t.cycleId, t.unitId), index('evidence_links_record_idx').on(t.recordId)],
);

/**
 * Issue 11 §7: a unit's IKM attached as evidence of an indicator (not a file, so not an
 * evidence link): the SKM survey it came from and its result frozen when attached.
 */
export const ikmEvidence = pgTable(
  'ikm_evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    indicator: text('indicator').notNull(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id),
    periodKey: text('period_key').notNull(),
    ikm: doublePrecision('ikm').notNull(),
    band: text('band').notNull(),
    respondents: integer('respondents').notNull(),
    target: integer('target').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('ikm_evidence_unit_idx').on(t.cycleId, t.unitId),
    uniqueIndex('ikm_evidence_once').on(t.cycleId, t.unitId, t.indicator, t.surveyId),
  ],
);
