// A service unit's evidence library (issue 12 §3): each document once (type from
// methodologies/document-types.json, title, issuing date, validity end, the file in the
// content-addressed evidence store), and its uses — an evidence link of a cycle's indicator or a
// file of a follow-up action, both pointing at the same stored content (no second copy), or an
// SKM survey of the unit (the report of that period, the published follow-up). A use
// goes with the link it names: unlinking the evidence elsewhere (DELETE /evidence/:id) removes it.
import { date, index, pgTable, uniqueIndex, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/schema.ts';
import { units } from '../registry/schema.ts';
import { evidenceFiles, evidenceLinks } from '../evidence/schema.ts';
import { actionEvidence } from '../actions/schema.ts';
import { surveys } from '../surveys/schema.ts';

export const libraryDocuments = pgTable(
  'library_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** A type code of methodologies/document-types.json. */
    type: text('type').notNull(),
    title: text('title').notNull(),
    /** Local calendar dates "YYYY-MM-DD" in the body's zone. */
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }),
    sha256: text('sha256')
      .notNull()
      .references(() => evidenceFiles.sha256),
    filename: text('filename').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('library_documents_unit_idx').on(t.unitId)],
);

export const libraryDocumentUses = pgTable(
  'library_document_uses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => libraryDocuments.id),
    /** A cycle's indicator: the evidence link made for it. */
    evidenceLinkId: uuid('evidence_link_id')
      .unique()
      .references(() => evidenceLinks.id, { onDelete: 'cascade' }),
    /** A follow-up action: the action file made for it. */
    actionEvidenceId: uuid('action_evidence_id')
      .unique()
      .references(() => actionEvidence.id, { onDelete: 'cascade' }),
    /** An SKM survey of the unit (its report, the published follow-up …): the use is the link itself. */
    surveyId: uuid('survey_id').references(() => surveys.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('library_document_uses_doc_idx').on(t.documentId),
    uniqueIndex('library_document_uses_survey_key').on(t.documentId, t.surveyId),
  ],
);
