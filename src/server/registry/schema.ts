// Registry tables: governments and other bodies, their service units, Ombudsman offices.
// Rows are never hard-deleted once results refer to them: `active` is cleared instead.
import { boolean, doublePrecision, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const bodies = pgTable(
  'bodies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** kementerian | lembaga | provinsi | kabupaten | kota */
    type: text('type').notNull(),
    /** Kemendagri code for regions ("36", "36.01"); a short slug for ministries and agencies. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** Province code: its own for a provinsi, the parent's for kabupaten/kota, null for K/L. */
    provinceCode: text('province_code'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('bodies_code_key').on(t.code), index('bodies_province_idx').on(t.provinceCode, t.type)],
);

export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    name: text('name').notNull(),
    /** adminduk | perizinan | kesehatan | puskesmas | pendidikan | sosial | pertanahan | kepolisian | lainnya */
    sector: text('sector').notNull(),
    /**
     * Where the unit is (one location model for fieldwork checks, vertical offices and the map):
     * street address, the Kemendagri code of its kabupaten/kota ("36.04") and WGS84 coordinates.
     * A ministry's or agency's vertical office carries its own; all are optional.
     */
    address: text('address'),
    regencyCode: text('regency_code'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('units_body_idx').on(t.bodyId)],
);

export const offices = pgTable(
  'offices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** pusat | perwakilan */
    kind: text('kind').notNull(),
    /** The province a Perwakilan covers; null for pusat. */
    provinceCode: text('province_code'),
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('offices_province_key').on(t.kind, t.provinceCode)],
);
