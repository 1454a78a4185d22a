// Publications: immutable snapshots of a cycle's results for one scope (the nation, or one
// province), with an embargo date. A correction is an erratum: a NEW version with a reason; the
// old row stays readable and is marked superseded. Rows are never updated except `status`
// (current → superseded) and never deleted.
import { index, integer, json, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { cycles } from '../cycles/schema.ts';
import { users } from '../auth/schema.ts';

export const publications = pgTable(
  'publications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id),
    /** 'national' (every body of the cycle, published by an admin) or a province code (by its pimpinan). */
    scope: text('scope').notNull(),
    /** 1, 2, … per (cycle, scope); version > 1 is an erratum of the one before. */
    version: integer('version').notNull(),
    /** current | superseded */
    status: text('status').notNull().default('current'),
    /** Embargo: the public sees the snapshot from this moment; the body's koordinator before it. */
    publicAt: timestamp('public_at', { withTimezone: true }).notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    publishedBy: uuid('published_by').references(() => users.id),
    /** Why this version exists (required for errata, optional for version 1). */
    reason: text('reason'),
    supersedesId: uuid('supersedes_id'),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    schemeHash: text('scheme_hash').notNull(),
    /** sha256 of canonicalJson(snapshot): certificates and open data are checked against it. */
    contentHash: text('content_hash').notNull(),
    /** How many bodies the snapshot holds (so a metadata read does not parse the snapshot). */
    bodyCount: integer('body_count'),
    /** PublicationSnapshot (src/shared/wire/publications.ts), written once. */
    snapshot: json('snapshot').notNull(),
  },
  (t) => [
    uniqueIndex('publications_version_key').on(t.cycleId, t.scope, t.version),
    index('publications_cycle_idx').on(t.cycleId, t.status),
  ],
);
