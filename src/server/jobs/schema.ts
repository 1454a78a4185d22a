// Background jobs (report packs, long exports and imports): progress the browser polls, and the
// resulting file kept under $DATA_DIR/jobs/<id>.
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/schema.ts';

export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** e.g. 'report-pack', 'export.cycle', 'import.results' */
    kind: text('kind').notNull(),
    /** queued | running | done | failed */
    status: text('status').notNull().default('queued'),
    done: integer('done').notNull().default(0),
    total: integer('total').notNull().default(0),
    /** Parameters the job was started with (for display and for re-checking access). */
    params: jsonb('params').notNull().default({}),
    /** File name offered on download, its MIME type and size; null until done. */
    fileName: text('file_name'),
    mime: text('mime'),
    size: integer('size'),
    /** Small JSON result (e.g. an import's counts) shown beside the file. */
    result: jsonb('result'),
    /** { code, details } when failed (a catalogue code, translated on read). */
    error: jsonb('error'),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('jobs_owner_idx').on(t.ownerId, t.createdAt)],
);
