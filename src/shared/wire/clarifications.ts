/**
 * Clarification (klarifikasi) on the wire (`src/server/clarifications/routes.ts`): a window per
 * cycle and scope (a province, or 'pusat') while the cycle is in review; a koordinator disputes
 * one indicator of its body's unit with a statement and evidence; the reviewer accepts (the
 * answer changes through the change log, results are recomputed) or rejects with a reason.
 */
import { z } from 'zod';
import { Text } from './common.ts';
import { ResultRef } from './locus.ts';
import { BodyRef } from './registry.ts';
import { DISPUTE_STATUSES, WINDOW_STATES } from './enums.ts';
import { REASON_MAX, REASON_MIN, STATEMENT_MAX, STATEMENT_MIN } from './limits.ts';

export const WindowState = z.enum(WINDOW_STATES);
export type WindowState = z.infer<typeof WindowState>;
export const DisputeStatus = z.enum(DISPUTE_STATUSES);
export type DisputeStatus = z.infer<typeof DisputeStatus>;

/** A province code, or 'pusat' (the central office's bodies: ministries and agencies). */
export const ClarificationScope = z.string().regex(/^(\d{2}|pusat)$/);

export const ClarificationWindow = z.object({
  id: z.uuid(),
  cycleId: z.uuid(),
  scope: z.string(),
  openedAt: z.string(),
  openedBy: z.string().nullable(),
  deadline: z.string(),
  closedAt: z.string().nullable(),
  note: z.string().nullable(),
  state: WindowState,
  disputes: z.object({ open: z.number().int(), accepted: z.number().int(), rejected: z.number().int() }),
});
export type ClarificationWindow = z.infer<typeof ClarificationWindow>;
export const ClarificationWindowList = z.object({ items: z.array(ClarificationWindow) });

/** A file attached to a dispute (kept by content hash in the evidence store). */
export const DisputeEvidence = z.object({ sha256: z.string(), filename: z.string(), mime: z.string(), size: z.number().int() });
export type DisputeEvidence = z.infer<typeof DisputeEvidence>;
export const DisputeEvidenceList = z.object({ evidence: z.array(DisputeEvidence) });

/** The state a change log row records before and after an answer changed. */
export const ChangeSnapshot = z.object({
  /** recordId → the indicator's answer on that record as scored (a decision's override applied). */
  answers: z.record(z.string(), z.number().nullable()),
  /** recordId → the answer as entered in the field: a decision never changes it (issue 15). Absent on rows from before. */
  raw: z.record(z.string(), z.number().nullable()).optional(),
  /** The indicator's value in the unit result (the mean over its sheets), or null when missing. */
  value: z.number().nullable(),
  unitScore: z.number().nullable(),
  bodyScore: z.number().nullable(),
});
export type ChangeSnapshot = z.infer<typeof ChangeSnapshot>;

/** The disputed indicator as the frozen scheme defines it. */
export const IndicatorInfo = z.object({
  code: z.string(),
  text: Text,
  guidance: Text.nullable(),
  min: z.number(),
  max: z.number(),
  levels: z.array(z.object({ value: z.number(), descriptor: Text })),
});
export type IndicatorInfo = z.infer<typeof IndicatorInfo>;

export const Dispute = z.object({
  id: z.uuid(),
  windowId: z.uuid(),
  cycleId: z.uuid(),
  bodyId: z.uuid(),
  bodyName: z.string(),
  unitId: z.uuid(),
  unitName: z.string(),
  indicator: IndicatorInfo,
  statement: z.string(),
  evidence: z.array(DisputeEvidence),
  status: DisputeStatus,
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  resolvedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  resolution: z.string().nullable(),
  /** The indicator as it stands now: the unit's value and each record's answer. */
  current: z.object({
    value: z.number().nullable(),
    answers: z.array(
      z.object({
        recordId: z.uuid(),
        instrument: z.string(),
        respondent: z.string().nullable(),
        /** As scored (an accepted decision's override applied). */
        value: z.number().nullable(),
        /** As entered in the field. */
        raw: z.number().nullable(),
      }),
    ),
  }),
  /** The change an acceptance made. */
  change: z.object({ before: ChangeSnapshot, after: ChangeSnapshot }).nullable(),
});
export type Dispute = z.infer<typeof Dispute>;
export const DisputeList = z.object({ items: z.array(Dispute) });

/** One row of a body's change log. */
export const ChangeEntry = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  indicator: z.string(),
  indicatorText: Text,
  source: z.string(),
  disputeId: z.uuid().nullable(),
  before: ChangeSnapshot,
  after: ChangeSnapshot,
  reason: z.string(),
  changedBy: z.string().nullable(),
  changedAt: z.string(),
});
export type ChangeEntry = z.infer<typeof ChangeEntry>;

/** `GET /cycles/:cycleId/bodies/:bodyId/clarification`: the window covering the body, its units, disputes and change log. */
export const BodyClarification = z.object({
  cycle: z.object({ id: z.uuid(), name: z.string(), year: z.number().int(), schemeId: z.string(), status: z.string() }),
  scope: z.string(),
  window: ClarificationWindow.nullable(),
  body: BodyRef,
  result: ResultRef.nullable(),
  units: z.array(z.object({ id: z.uuid(), name: z.string(), sector: z.string(), status: z.string(), result: ResultRef.nullable() })),
  disputes: z.array(Dispute),
  changes: z.array(ChangeEntry),
  /**
   * Issue 17: a ministry's or agency's page as a Perwakilan sees it — only the units located in
   * this province (their disputes and changes, no national result); null: the whole body.
   */
  limitedTo: z.string().nullable().optional(),
});
export type BodyClarification = z.infer<typeof BodyClarification>;

// ── Requests ─────────────────────────────────────────────────────────────────────────────────

export const windowParams = z.object({ windowId: z.uuid() });
export const disputeParams = z.object({ disputeId: z.uuid() });
export const disputeEvidenceParams = z.object({ disputeId: z.uuid(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

export const WindowIn = z.object({
  scope: ClarificationScope,
  deadline: z.iso.datetime({ offset: true }),
  note: z.string().trim().max(2000).nullish(),
});
export type WindowIn = z.infer<typeof WindowIn>;
/** Extend the deadline, or close the window now (`close: true`). */
export const WindowPatchIn = z.object({ deadline: z.iso.datetime({ offset: true }).optional(), close: z.literal(true).optional() });
export type WindowPatchIn = z.infer<typeof WindowPatchIn>;

export const DisputesQuery = z.object({ status: DisputeStatus.optional(), unitId: z.uuid().optional(), bodyId: z.uuid().optional() });

export const DisputeIn = z.object({
  indicator: z.string().min(1).max(100),
  statement: z.string().trim().min(STATEMENT_MIN).max(STATEMENT_MAX),
});
export type DisputeIn = z.infer<typeof DisputeIn>;

/** Accept: the indicator's answer becomes `value` on the chosen records (default: every scored one). */
export const AcceptIn = z.object({
  value: z.number(),
  recordIds: z.array(z.uuid()).max(1000).optional(),
  note: z.string().trim().max(2000).nullish(),
});
export type AcceptIn = z.infer<typeof AcceptIn>;
export const RejectIn = z.object({ reason: z.string().trim().min(REASON_MIN).max(REASON_MAX) });
export type RejectIn = z.infer<typeof RejectIn>;
