// Background jobs (report packs, long exports and imports): the queue every instance's worker
// claims from (jobs/runner.ts), the progress the browser polls, and the resulting file kept in the
// file store under jobs/<id>.
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
    /** Runs so far (a retry or a takeover after an instance died counts one more). */
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(3),
    /** Not claimed before this moment (retry back-off). */
    runAfter: timestamp('run_after', { withTimezone: true }).notNull().defaultNow(),
    /** The worker running it, and when that worker last said it is alive. */
    lockedBy: text('locked_by'),
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('jobs_owner_idx').on(t.ownerId, t.createdAt), index('jobs_queue_idx').on(t.status, t.runAfter)],
);
