// Public surveys (issue 11): a unit's SKM survey per period (or a PEKPPP cycle's F-03) and its
// anonymous responses. Flagged responses are kept with their reasons but left out of the IKM.
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/schema.ts';
import { cycles } from '../cycles/schema.ts';
import { units } from '../registry/schema.ts';

export const surveys = pgTable(
  'surveys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** skm | f03 */
    kind: text('kind').notNull(),
    /** The short public code of the link and QR (lower-case letters and digits). */
    code: text('code').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    schemeId: text('scheme_id').notNull(),
    instrument: text('instrument').notNull(),
    /** F-03: the PEKPPP cycle whose locus quota the responses count against. */
    cycleId: uuid('cycle_id').references(() => cycles.id),
    periodKind: text('period_kind').notNull(),
    periodKey: text('period_key').notNull(),
    periodStart: timestamp('period_start', { withTimezone: true }).notNull(),
    periodEnd: timestamp('period_end', { withTimezone: true }).notNull(),
    offsetMinutes: integer('offset_minutes').notNull().default(420),
    services: jsonb('services').notNull(),
    expectedUsers: integer('expected_users').notNull(),
    targetSample: integer('target_sample').notNull(),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    /** When the unit's IKM of this survey was published (public portal, open data). */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('surveys_code_key').on(t.code),
    index('surveys_unit_idx').on(t.unitId, t.periodKey),
    // One F-03 questionnaire per unit per PEKPPP cycle (also the recompute's lookup by cycle).
    uniqueIndex('surveys_f03_cycle_unit_key').on(t.cycleId, t.unitId).where(sql`${t.kind} = 'f03'`),
  ],
);

export const surveyResponses = pgTable(
  'survey_responses',
  {
    /** Client-generated: a retried send of a queued response is a no-op. */
    id: uuid('id').primaryKey(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id),
    /** public | kiosk | paper */
    source: text('source').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    /** sha256 of the signed device id (never the token itself); null for kiosk and paper. */
    deviceKey: text('device_key'),
    /** sha256 of the answers and profile, for bursts of identical responses. */
    fingerprint: text('fingerprint').notNull(),
    answers: jsonb('answers').notNull(),
    profile: jsonb('profile').notNull(),
    suggestion: text('suggestion'),
    /** pending | approved | hidden (moderated before anything is public). */
    suggestionStatus: text('suggestion_status').notNull().default('pending'),
    accepted: boolean('accepted').notNull(),
    /** Core SurveyFlag[]: code, bilingual reason, details. */
    flags: jsonb('flags').notNull(),
    /** Paper forms: the scan (evidence file) and who typed it. */
    scanSha256: text('scan_sha256'),
    enteredBy: uuid('entered_by').references(() => users.id),
  },
  (t) => [
    index('survey_responses_device_idx').on(t.surveyId, t.deviceKey),
    index('survey_responses_fingerprint_idx').on(t.surveyId, t.fingerprint, t.submittedAt),
  ],
);
