// The Perwakilan's fieldwork team (issue 13 §5, §6): planned visits of an asisten (a day, a team,
// units of the cycle's locus), a unit's own quota set within the scheme's range, and the cycle's
// optional team-lead review level per Perwakilan with its team leads.
import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/schema.ts';
import { cycles } from '../cycles/schema.ts';
import { units } from '../registry/schema.ts';

export const visitPlans = pgTable(
  'visit_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id),
    /** The Perwakilan whose plan it is: the assessor's province (the policy's scope). */
    provinceCode: text('province_code').notNull(),
    /** The asisten whose plan it is. */
    assessorId: uuid('assessor_id')
      .notNull()
      .references(() => users.id),
    /** The local day of the visit. */
    date: date('date').notNull(),
    /** The other asisten going along. */
    teamIds: uuid('team_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** Units of the cycle's locus to visit that day. */
    unitIds: uuid('unit_ids').array().notNull(),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('visit_plans_cycle_idx').on(t.cycleId, t.provinceCode, t.date), index('visit_plans_assessor_idx').on(t.assessorId)],
);

/** A unit's own quota of one instrument in a cycle (within the frozen scheme's `quota.adjust`). */
export const unitQuotas = pgTable(
  'unit_quotas',
  {
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    instrument: text('instrument').notNull(),
    target: integer('target').notNull(),
    min: integer('min').notNull(),
    reason: text('reason').notNull(),
    setBy: uuid('set_by').references(() => users.id),
    setAt: timestamp('set_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.unitId, t.instrument] })],
);

/** A Perwakilan's team-lead review level in a cycle: on while a row exists; its leads review before the pimpinan. */
export const teamLeadLevels = pgTable(
  'team_lead_levels',
  {
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id),
    provinceCode: text('province_code').notNull(),
    leadIds: uuid('lead_ids').array().notNull(),
    setBy: uuid('set_by').references(() => users.id),
    setAt: timestamp('set_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.provinceCode] })],
);
