// Fieldwork anti-fabrication flags (issue 13): one row per flagged sheet and rule, computed on the
// server by the engine's `fieldworkFlags` (src/core/fieldwork.ts) when a unit is handed in, and
// acknowledged by a reviewer (who, when, why) before the unit is approved.
import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/schema.ts';
import { cycles } from '../cycles/schema.ts';
import { records } from '../records/schema.ts';

export const fieldworkFlags = pgTable(
  'fieldwork_flags',
  {
    recordId: uuid('record_id')
      .notNull()
      .references(() => records.id, { onDelete: 'cascade' }),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id),
    unitId: uuid('unit_id').notNull(),
    /** A FieldworkFlagCode ('too-short', 'respondent-reused', …). */
    code: text('code').notNull(),
    /** warning | info */
    severity: text('severity').notNull(),
    /** { id, en } */
    reason: jsonb('reason').notNull(),
    details: jsonb('details').notNull().default({}),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgeNote: text('acknowledge_note'),
  },
  (t) => [primaryKey({ columns: [t.recordId, t.code] }), index('fieldwork_flags_unit_idx').on(t.cycleId, t.unitId)],
);
