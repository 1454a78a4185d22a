// Recognition (issue 18): the hand-over of a publication's awards (date and place of the award
// night, entered by the Perwakilan) and the press-release drafts a koordinator edited. Generated
// texts are never stored: they are recomputed from the immutable snapshot on every read.
import { pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/schema.ts';
import { publications } from '../publications/schema.ts';
import { bodies } from '../registry/schema.ts';

export const awardHandovers = pgTable('award_handovers', {
  publicationId: uuid('publication_id')
    .primaryKey()
    .references(() => publications.id),
  /** Local calendar date, YYYY-MM-DD. */
  date: text('date').notNull(),
  place: text('place').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const pressReleases = pgTable(
  'press_releases',
  {
    publicationId: uuid('publication_id')
      .notNull()
      .references(() => publications.id),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    /** 'id' | 'en' */
    lang: text('lang').notNull(),
    text: text('text').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.publicationId, t.bodyId, t.lang] })],
);
