/**
 * Follow-up actions on the wire (issue 12, `src/server/actions/routes.ts`): ONE model for the
 * action plans that answer an assessment's findings, the SKM follow-up plan (public surveys) and
 * actions written by hand. An action belongs to a service unit (and so to its body); its source
 * is a finding (`findingId`), an SKM unsur (`surveyId` + `unsurCode`) or nothing ('manual').
 *
 * Status: planned → in_progress → done (the unit reports progress, with evidence) → verified (the
 * koordinator verifies; a refusal sends it back to in_progress). `timing` (overdue, due soon …) is
 * computed on read against today's date in the body's zone. Updates keep the story: plan edits,
 * progress notes with evidence, verifications, the pimpinan's comments.
 *
 *   GET  /actions                       list in the caller's scope (filters: province, body, unit, status, timing, source)
 *   POST /units/:unitId/actions         plan an action (koordinator of the unit's government)
 *   GET  /actions/:actionId             one action with its updates and evidence
 *   PATCH /actions/:actionId            edit the plan (koordinator)
 *   POST /actions/:actionId/progress    progress note, status move, evidence ids (operator of the unit)
 *   POST /actions/:actionId/evidence    upload one evidence file (multipart, operator of the unit)
 *   GET  /actions/:actionId/evidence/:fileId  download it
 *   POST /actions/:actionId/verify      accept or refuse a done action (koordinator)
 *   POST /actions/:actionId/comments    a comment (pimpinan of the province)
 *   GET  /actions.xlsx                  the board as Excel, same filters (transfer/routes.ts)
 */
import { z } from 'zod';
import { Lang, csvOf, pageQuery, provinceCode } from './common.ts';
import { ACTION_SOURCES, ACTION_STATUSES, ACTION_TIMINGS, ACTION_UPDATE_KINDS } from './enums.ts';
import { ACTION_EVIDENCE_PER_UPDATE, ACTION_NOTE_MAX, ACTION_PERSON_MAX, ACTION_TITLE_MAX } from './limits.ts';

export const ActionStatus = z.enum(ACTION_STATUSES);
export type ActionStatus = z.infer<typeof ActionStatus>;
export const ActionSource = z.enum(ACTION_SOURCES);
export type ActionSource = z.infer<typeof ActionSource>;
export const ActionTiming = z.enum(ACTION_TIMINGS);
export type ActionTiming = z.infer<typeof ActionTiming>;
export const ActionUpdateKind = z.enum(ACTION_UPDATE_KINDS);
export type ActionUpdateKind = z.infer<typeof ActionUpdateKind>;

const note = z.string().trim().min(1).max(ACTION_NOTE_MAX);
const isoDate = z.iso.date();

export const Action = z.object({
  id: z.uuid(),
  bodyId: z.uuid(),
  bodyName: z.string(),
  unitId: z.uuid(),
  unitName: z.string(),
  provinceCode: z.string().nullable(),
  sourceKind: ActionSource,
  /** The finding answered (sourceKind 'finding'). */
  findingId: z.uuid().nullable(),
  /** The survey and its unsur (sourceKind 'skm'). */
  surveyId: z.uuid().nullable(),
  unsurCode: z.string().nullable(),
  /** The cycle and indicator concerned, when known (findings; optional otherwise). */
  cycleId: z.uuid().nullable(),
  indicator: z.string().nullable(),
  title: z.string(),
  personInCharge: z.string(),
  /** Local calendar date "YYYY-MM-DD" in the body's zone. */
  dueDate: isoDate,
  /** The level (indicator value) or the unsur value aimed at, when one is set. */
  targetLevel: z.number().nullable(),
  notes: z.string().nullable(),
  status: ActionStatus,
  /** Computed on read against today in the body's zone. */
  timing: ActionTiming,
  /** Days from today to the due date (negative: overdue by that many days). */
  daysLeft: z.number().int(),
  evidenceCount: z.number().int(),
  createdBy: z.uuid().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  verifiedBy: z.uuid().nullable(),
  verifiedAt: z.string().nullable(),
});
export type Action = z.infer<typeof Action>;

export const ActionEvidence = z.object({
  id: z.uuid(),
  actionId: z.uuid(),
  /** The progress report that named it, once one has. */
  updateId: z.uuid().nullable(),
  sha256: z.string(),
  filename: z.string(),
  mime: z.string(),
  size: z.number().int(),
  createdBy: z.uuid().nullable(),
  createdAt: z.string(),
});
export type ActionEvidence = z.infer<typeof ActionEvidence>;

export const ActionUpdate = z.object({
  id: z.uuid(),
  kind: ActionUpdateKind,
  authorId: z.uuid().nullable(),
  authorName: z.string().nullable(),
  authorRole: z.string().nullable(),
  note: z.string().nullable(),
  fromStatus: ActionStatus.nullable(),
  toStatus: ActionStatus.nullable(),
  evidenceIds: z.array(z.uuid()),
  createdAt: z.string(),
});
export type ActionUpdate = z.infer<typeof ActionUpdate>;

export const ActionDetail = Action.extend({ updates: z.array(ActionUpdate), evidence: z.array(ActionEvidence) });
export type ActionDetail = z.infer<typeof ActionDetail>;

/**
 * Plan an action on a unit. 'finding' needs `findingId`; 'skm' needs `surveyId` and `unsurCode`
 * (checked by the server after the caller's scope, 422 action.source_invalid).
 */
export const ActionIn = z.object({
  sourceKind: ActionSource,
  findingId: z.uuid().optional(),
  surveyId: z.uuid().optional(),
  unsurCode: z.string().trim().min(1).max(40).optional(),
  cycleId: z.uuid().optional(),
  indicator: z.string().trim().min(1).max(100).optional(),
  title: z.string().trim().min(1).max(ACTION_TITLE_MAX),
  personInCharge: z.string().trim().min(1).max(ACTION_PERSON_MAX),
  dueDate: isoDate,
  targetLevel: z.number().min(0).max(1000).optional(),
  notes: note.optional(),
});
export type ActionIn = z.infer<typeof ActionIn>;

/** Edit the plan (not the source, not the status). Null clears an optional field. */
export const ActionPatchIn = z.object({
  /** Move a manual action to another unit (OPD) of the same government (422 action.unit_fixed otherwise). */
  unitId: z.uuid().optional(),
  title: z.string().trim().min(1).max(ACTION_TITLE_MAX).optional(),
  personInCharge: z.string().trim().min(1).max(ACTION_PERSON_MAX).optional(),
  dueDate: isoDate.optional(),
  targetLevel: z.number().min(0).max(1000).nullable().optional(),
  notes: note.nullable().optional(),
});
export type ActionPatchIn = z.infer<typeof ActionPatchIn>;

/** The unit's progress: a note, optionally a status move (in_progress, done) and evidence uploaded to the action. */
export const ProgressIn = z.object({
  note,
  status: ActionStatus.optional(),
  evidenceIds: z.array(z.uuid()).max(ACTION_EVIDENCE_PER_UPDATE).optional(),
});
export type ProgressIn = z.infer<typeof ProgressIn>;

/** The koordinator's verification of a done action; a refusal needs a note (422 action.note_required). */
export const VerifyIn = z.object({ accepted: z.boolean(), note: note.optional() });
export type VerifyIn = z.infer<typeof VerifyIn>;

export const CommentIn = z.object({ note });
export type CommentIn = z.infer<typeof CommentIn>;

const actionFilters = {
  provinceCode: provinceCode.optional(),
  bodyId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  status: csvOf(ACTION_STATUSES).optional(),
  timing: csvOf(ACTION_TIMINGS).optional(),
  sourceKind: ActionSource.optional(),
  findingId: z.uuid().optional(),
  surveyId: z.uuid().optional(),
  cycleId: z.uuid().optional(),
};
export const ActionsQuery = z.object({ ...pageQuery, ...actionFilters });
export type ActionsQuery = z.infer<typeof ActionsQuery>;
/** `GET /actions.xlsx`: the board's filters (every matching row, no paging) and the file's language. */
export const ActionsXlsxQuery = z.object({ ...actionFilters, lang: Lang.optional() });
export type ActionsXlsxQuery = z.infer<typeof ActionsXlsxQuery>;

/**
 * Counts over the whole scope and the filters other than status and timing (not only the page),
 * per status and per timing: a board shows them all while one status or timing is chosen.
 * `ActionPage.total` counts the rows every filter keeps.
 */
export const ActionSummary = z.object({
  total: z.number().int(),
  byStatus: z.record(ActionStatus, z.number().int()),
  byTiming: z.record(ActionTiming, z.number().int()),
});
export type ActionSummary = z.infer<typeof ActionSummary>;

export const ActionPage = z.object({
  items: z.array(Action),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  summary: ActionSummary,
});
export type ActionPage = z.infer<typeof ActionPage>;

export const actionParams = z.object({ actionId: z.uuid() });
export const actionFileParams = z.object({ actionId: z.uuid(), fileId: z.uuid() });
