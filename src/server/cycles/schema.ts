// Assessment cycles (a year under one frozen scheme), their locus and assessor assignments.
import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bodies, units } from '../registry/schema.ts';
import { users } from '../auth/schema.ts';

export const cycles = pgTable(
  'cycles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    year: integer('year').notNull(),
    schemeId: text('scheme_id').notNull(),
    /** ombudsman | pekppp | skm — from the frozen scheme; movement compares cycles of one family. */
    family: text('family').notNull(),
    /** sha256 of the canonical scheme JSON at creation; with the frozen copy below. */
    schemeHash: text('scheme_hash').notNull(),
    /** The scheme as it was when the cycle was created: editing a library file never changes a cycle. */
    scheme: jsonb('scheme').notNull(),
    /** planning → fieldwork → review → final (later issues add clarification/published). */
    status: text('status').notNull().default('planning'),
    /** null = national cycle; a province code = a Perwakilan's own cycle. */
    provinceCode: text('province_code'),
    /** 'computed' (answers in Pantau) or 'imported' (published scores of a past cycle). */
    source: text('source').notNull().default('computed'),
    /**
     * Issue 12 §4: 'official' (the Ombudsman's or KemenPANRB's assessment) or 'internal' (a pemda's
     * own pre-assessment with the same instrument: owned by `owner_body_id`, never public, never
     * ranked, never published, never in open data or awards).
     */
    kind: text('kind').notNull().default('official'),
    /** The government that runs an internal cycle (null for an official cycle). */
    ownerBodyId: uuid('owner_body_id').references(() => bodies.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('cycles_family_idx').on(t.family, t.year), index('cycles_owner_idx').on(t.ownerBodyId)],
);

/** The bodies in a cycle's locus. */
export const cycleBodies = pgTable(
  'cycle_bodies',
  {
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    /** open | final (final once every unit is approved) */
    status: text('status').notNull().default('open'),
    /**
     * Ombudsman products due and their follow-up, for qualifiers: `{ products: [{ kind, followedUp }] }`
     * (QualifierInput). null = not recorded yet, so no qualifier applies.
     */
    followups: jsonb('followups'),
    /**
     * Issue 10: PEKPPP — the organisation that evaluates this locus entry (KemenPANRB, the
     * province's Biro Organisasi or the kab/kota's Bagian Organisasi = that government's body).
     * Defaulted when the body joins a PEKPPP cycle (pekppp/organisations.ts); null for Ombudsman.
     */
    evaluatorBodyId: uuid('evaluator_body_id').references(() => bodies.id),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.bodyId] })],
);

/** The units assessed in a cycle, with their assessor and review state. */
export const cycleUnits = pgTable(
  'cycle_units',
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
    assessorId: uuid('assessor_id').references(() => users.id),
    dueDate: date('due_date'),
    /** pending | submitted | approved | returned */
    status: text('status').notNull().default('pending'),
    /** Last review: { note, comments: { indicatorCode: comment }, by, at } (set when returned or approved). */
    review: jsonb('review').notNull().default({}),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.cycleId, t.unitId] }),
    index('cycle_units_body_idx').on(t.cycleId, t.bodyId),
    index('cycle_units_assessor_idx').on(t.assessorId),
  ],
);
