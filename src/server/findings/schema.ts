// Findings (issue 12): made at publication from each unit's points lost; the Perwakilan's
// recommendation per finding; the next cycle's pre-check. Ombudsman follow-up products with their
// source document (content-addressed in the evidence store).
import { date, doublePrecision, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/schema.ts';
import { cycles } from '../cycles/schema.ts';
import { evidenceFiles } from '../evidence/schema.ts';
import { bodies, units } from '../registry/schema.ts';

export const findings = pgTable(
  'findings',
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
    ref: text('ref').notNull(),
    /** { id, en } of the indicator, and of the next level's descriptor. */
    text: jsonb('text').notNull(),
    dimension: text('dimension').notNull(),
    levelReached: doublePrecision('level_reached'),
    nextLevel: doublePrecision('next_level').notNull(),
    nextDescriptor: jsonb('next_descriptor').notNull(),
    unitGain: doublePrecision('unit_gain').notNull(),
    governmentGain: doublePrecision('government_gain').notNull(),
    recommendationKind: text('recommendation_kind'),
    recommendation: text('recommendation'),
    recommendedBy: uuid('recommended_by').references(() => users.id),
    recommendedAt: timestamp('recommended_at', { withTimezone: true }),
    resolution: text('resolution'),
    resolutionNote: text('resolution_note'),
    resolvedBy: uuid('resolved_by').references(() => users.id),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('findings_unit_indicator_key').on(t.cycleId, t.unitId, t.indicator),
    index('findings_body_idx').on(t.cycleId, t.bodyId),
  ],
);

export const followupProducts = pgTable(
  'followup_products',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    unitId: uuid('unit_id').references(() => units.id),
    findingId: uuid('finding_id').references(() => findings.id),
    /** saran_perbaikan | tindakan_korektif | rekomendasi */
    kind: text('kind').notNull(),
    number: text('number').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    note: text('note'),
    sha256: text('sha256')
      .notNull()
      .references(() => evidenceFiles.sha256),
    filename: text('filename').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('followup_products_body_idx').on(t.cycleId, t.bodyId)],
);
