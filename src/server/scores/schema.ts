// Stored results, recomputed with the engine after every write that affects them.
import {
  boolean,
  doublePrecision,
  index,
  integer,
  json,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { cycles } from '../cycles/schema.ts';
import { bodies, units } from '../registry/schema.ts';

export const unitResults = pgTable(
  'unit_results',
  {
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    raw: doublePrecision('raw').notNull(),
    /** round2(raw): the published, ranked number. */
    score: doublePrecision('score').notNull(),
    bandCode: text('band_code').notNull(),
    complete: boolean('complete').notNull(),
    /** Weight in a products-mean aggregate (number of products), else 1. */
    weight: doublePrecision('weight').notNull().default(1),
    /**
     * The engine's UnitScore in its stored form (scores/breakdown.ts: numbers only, tuples;
     * texts come back from the frozen scheme). `json`, not `jsonb`: written in bulk and always
     * read whole, so the binary conversion would only cost time on every recompute.
     */
    breakdown: json('breakdown').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.unitId] }), index('unit_results_body_idx').on(t.cycleId, t.bodyId)],
);

export const bodyResults = pgTable(
  'body_results',
  {
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    raw: doublePrecision('raw').notNull(),
    score: doublePrecision('score').notNull(),
    bandCode: text('band_code').notNull(),
    complete: boolean('complete').notNull(),
    units: integer('units').notNull(),
    qualifiers: jsonb('qualifiers').notNull().default([]),
    /** 'computed' from unit results, or 'imported' (a published past score). */
    source: text('source').notNull().default('computed'),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.bodyId] })],
);

/**
 * Indicator-level overrides (issue 15): an accepted dispute or an erratum sets an indicator's
 * answer on chosen records of a unit WITHOUT touching the records — the raw answers stay as the
 * assessor entered them, and scoring (recompute, what-if, improvements) reads records through
 * `loadSheets`, which applies these on top, in order. The change log (`result_changes`) shows both.
 */
export const indicatorOverrides = pgTable(
  'indicator_overrides',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    indicator: text('indicator').notNull(),
    value: doublePrecision('value').notNull(),
    /** The records the decision applies to (chosen when it was made). */
    recordIds: jsonb('record_ids').notNull(),
    /** 'dispute' | 'correction' */
    source: text('source').notNull(),
    /** The change log row (result_changes.id) that records it. */
    changeId: uuid('change_id'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('indicator_overrides_unit_idx').on(t.cycleId, t.unitId, t.createdAt)],
);

/**
 * Ranks stored at recompute time (issue 14): one row per (cycle, ranking group, ranked subject),
 * so a live ranking read is an indexed read instead of re-ranking the whole cycle. Groups are
 * core's keys (`src/core/rank.ts`): `national:<type>` and `province:<code>` rank bodies (subject
 * = body id); `sector:<province>:<sector>` and `sector:national:<sector>` rank units (subject =
 * unit id). Written by `scores/ranks.ts` in the transaction that changes a score, a locus or the
 * registry fields groups depend on.
 */
export const resultRanks = pgTable(
  'result_ranks',
  {
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id),
    groupKey: text('group_key').notNull(),
    subjectId: uuid('subject_id').notNull(),
    rank: integer('rank').notNull(),
    groupSize: integer('group_size').notNull(),
    /**
     * The rounded score the place was ranked on (`round(score, 2)`, as the engine ranks): a write
     * that moves one score shifts only the places between its old and new score (ranks.ts).
     */
    score: numeric('score').notNull(),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.groupKey, t.subjectId] }), index('result_ranks_subject_idx').on(t.cycleId, t.subjectId)],
);
