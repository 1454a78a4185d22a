/**
 * A service unit's evidence library on the wire (issue 12 §3, `src/server/library-docs/routes.ts`):
 * a document stored once (type of `methodologies/document-types.json`, title, issuing date,
 * validity end, the file in the content-addressed evidence store) and its uses — an indicator of
 * a cycle the unit is assessed in (an evidence link, as an upload makes), a follow-up action of
 * the unit (an action file) — each reusing the stored content — or an SKM survey of the unit. Validity is judged in the body's
 * zone: today for the document, the cycle's judging date for a use (core `cycleJudgingDate`).
 * Suggestions: the indicators of the unit's cycles the document's type or its linked indicators
 * relate to (`methodologies/topics.json`).
 *
 *   GET    /units/:unitId/library-documents            the unit's library (operator, koordinator); ?cycleId&indicator marks suggestions
 *   POST   /units/:unitId/library-documents            add a document (multipart: fields of LibraryDocumentFields, then the file)
 *   GET    /library-documents/:documentId             one document with its uses and suggestions (also the assigned asisten/evaluator)
 *   PATCH  /library-documents/:documentId             edit type, title, dates
 *   DELETE /library-documents/:documentId             delete it (409 library.document_in_use while it is linked)
 *   GET    /library-documents/:documentId/file        download the file
 *   POST   /library-documents/:documentId/uses        link it to an indicator of a cycle, to an action or to a survey of the unit
 *   DELETE /library-documents/:documentId/uses/:useId unlink it
 */
import { z } from 'zod';
import { Text, pageQuery } from './common.ts';
import { LIBRARY_TITLE_MAX } from './limits.ts';

export const LIBRARY_VALIDITIES = ['open', 'valid', 'expiring', 'expired'] as const;
export const LibraryValidity = z.enum(LIBRARY_VALIDITIES);
export type LibraryValidity = z.infer<typeof LibraryValidity>;

const isoDate = z.iso.date();
const typeCode = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/)
  .max(60);

export const LibraryDocumentType = z.object({ code: z.string(), title: Text, topics: z.array(z.string()) });
export type LibraryDocumentType = z.infer<typeof LibraryDocumentType>;

export const LibraryUse = z.object({
  id: z.uuid(),
  kind: z.enum(['indicator', 'action', 'survey']),
  /** kind 'indicator': the cycle, its family and year, the indicator and its text, the evidence link made. */
  cycleId: z.uuid().nullable(),
  cycleName: z.string().nullable(),
  cycleYear: z.number().int().nullable(),
  family: z.string().nullable(),
  indicator: z.string().nullable(),
  indicatorText: Text.nullable(),
  evidenceId: z.uuid().nullable(),
  /** kind 'action': the action and the action file made (name it in a progress report). */
  actionId: z.uuid().nullable(),
  actionTitle: z.string().nullable(),
  actionEvidenceId: z.uuid().nullable(),
  /** kind 'survey': the unit's survey (skm | f03) and its period key ("2026-S1"; core `periodLabel` names it). */
  surveyId: z.uuid().nullable(),
  surveyKind: z.string().nullable(),
  surveyPeriodKey: z.string().nullable(),
  /** The document judged on the cycle's date (an action, a survey: today): 'expired' is flagged. */
  validity: LibraryValidity,
  createdAt: z.string(),
});
export type LibraryUse = z.infer<typeof LibraryUse>;

/** A use's target fields, all empty: each kind fills its own (the server's reads, the web's test fixtures). */
export const LIBRARY_USE_NO_TARGET = {
  cycleId: null,
  cycleName: null,
  cycleYear: null,
  family: null,
  indicator: null,
  indicatorText: null,
  evidenceId: null,
  actionId: null,
  actionTitle: null,
  actionEvidenceId: null,
  surveyId: null,
  surveyKind: null,
  surveyPeriodKey: null,
} as const satisfies Omit<LibraryUse, 'id' | 'kind' | 'validity' | 'createdAt'>;

export const LibrarySuggestion = z.object({
  cycleId: z.uuid(),
  cycleName: z.string(),
  cycleYear: z.number().int(),
  family: z.string(),
  indicator: z.string(),
  ref: z.string(),
  text: Text,
  topics: z.array(z.string()),
  /** 'type': the document's type names the topic; 'related': it relates to an indicator the document is linked to. */
  reason: z.enum(['type', 'related']),
  validity: LibraryValidity,
});
export type LibrarySuggestion = z.infer<typeof LibrarySuggestion>;

/** A survey of the unit a document can be linked to. */
export const LibrarySurveyOption = z.object({ id: z.uuid(), kind: z.string(), periodKey: z.string(), closesAt: z.string() });
export type LibrarySurveyOption = z.infer<typeof LibrarySurveyOption>;

export const LibraryDocument = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  bodyId: z.uuid(),
  bodyName: z.string(),
  type: z.string(),
  typeTitle: Text,
  title: z.string(),
  /** Local calendar dates "YYYY-MM-DD" in the body's zone. */
  issuedOn: isoDate,
  validUntil: isoDate.nullable(),
  /** Judged on `today` (the body's zone). */
  validity: LibraryValidity,
  daysLeft: z.number().int().nullable(),
  today: isoDate,
  filename: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uses: z.array(LibraryUse),
  /**
   * The unit's surveys the document is suggested for (its type shares a topic with the survey's
   * scheme, e.g. a "Laporan SKM" and an SKM survey), not yet linked.
   */
  suggestedSurveys: z.array(z.uuid()),
  /** With `?cycleId&indicator` (or `?surveyId`): the document is suggested there, or already linked there. */
  suggested: z.boolean(),
  linkedHere: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type LibraryDocument = z.infer<typeof LibraryDocument>;

export const LibraryDocumentDetail = LibraryDocument.extend({ suggestions: z.array(LibrarySuggestion) });
export type LibraryDocumentDetail = z.infer<typeof LibraryDocumentDetail>;

export const LibraryDocumentPage = z.object({
  /** Each with its suggestions (the unit's open cycles). */
  items: z.array(LibraryDocumentDetail),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  unitName: z.string(),
  bodyName: z.string(),
  today: isoDate,
  /** The document types of the library file, in its order. */
  types: z.array(LibraryDocumentType),
  expiringSoonDays: z.number().int(),
  /** The unit's surveys, newest period first (what a document can be linked to besides indicators and actions). */
  surveys: z.array(LibrarySurveyOption),
});
export type LibraryDocumentPage = z.infer<typeof LibraryDocumentPage>;

export const LibraryQuery = z.object({
  ...pageQuery,
  /** Mark the documents suggested for (or linked to) this indicator of this cycle, and list those first. */
  cycleId: z.uuid().optional(),
  indicator: z.string().min(1).max(100).optional(),
  /** Mark the documents suggested for (or linked to) this survey of the unit, and list those first. */
  surveyId: z.uuid().optional(),
});
export type LibraryQuery = z.infer<typeof LibraryQuery>;

/** Multipart fields of a new document; they come before the file part. */
export const LibraryDocumentFields = z.object({
  type: typeCode,
  title: z.string().trim().min(1).max(LIBRARY_TITLE_MAX),
  issuedOn: isoDate,
  validUntil: isoDate.optional(),
});
export type LibraryDocumentFields = z.infer<typeof LibraryDocumentFields>;

/**
 * A document's file sent resumably (tus, `POST /uploads`, the evidence uploads' machinery):
 * `Upload-Metadata` carries `target library`, the unit, the document's fields, the filename and
 * the sha256 the device computed. The last part answers `Upload-Document-Id`.
 */
export const LibraryUploadMeta = LibraryDocumentFields.extend({
  target: z.literal('library'),
  unitId: z.uuid(),
  filename: z.string().min(1).max(255),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});
export type LibraryUploadMeta = z.infer<typeof LibraryUploadMeta>;
/** What a resumable library upload keeps until its last byte: the unit and the document's fields. */
export type LibraryUploadFields = LibraryDocumentFields & { unitId: string };

export const LibraryDocumentPatch = z
  .object({
    type: typeCode.optional(),
    title: z.string().trim().min(1).max(LIBRARY_TITLE_MAX).optional(),
    issuedOn: isoDate.optional(),
    validUntil: isoDate.nullable().optional(),
  })
  .strict();
export type LibraryDocumentPatch = z.infer<typeof LibraryDocumentPatch>;

/** A deleted document: its id and title (the stored file stays — other links may share its content). */
export const LibraryDocumentDeleted = z.object({ id: z.uuid(), title: z.string() });
export type LibraryDocumentDeleted = z.infer<typeof LibraryDocumentDeleted>;

export const LibraryIndicatorLink = z
  .object({ cycleId: z.uuid(), indicator: z.string().min(1).max(100), kind: z.string().min(1).max(40).optional() })
  .strict();
export const LibraryActionLink = z.object({ actionId: z.uuid() }).strict();
export const LibrarySurveyLink = z.object({ surveyId: z.uuid() }).strict();
export const LibraryLinkIn = z.union([LibraryIndicatorLink, LibraryActionLink, LibrarySurveyLink]);
export type LibraryLinkIn = z.infer<typeof LibraryLinkIn>;

/** 201 of a link: the use made (its evidence or action file id) and the document after it. */
export const LibraryLinked = z.object({ use: LibraryUse, document: LibraryDocumentDetail });
export type LibraryLinked = z.infer<typeof LibraryLinked>;

export const libraryDocumentParams = z.object({ documentId: z.uuid() });
export const libraryUseParams = z.object({ documentId: z.uuid(), useId: z.uuid() });
