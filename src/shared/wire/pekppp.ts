/**
 * PEKPPP (issue 10): the unit's F-01 self-assessment, the evaluator's F-02 verification beside
 * it, clarification requests with their verification window, and the claimed-vs-verified result.
 * Server: src/server/pekppp/routes.ts; web: src/web/api/pekppp.ts.
 */
import { z } from 'zod';
import { PEKPPP_CLARIFICATION_STATUSES, SELF_ASSESSMENT_STATUSES, UNIT_STATUSES } from './enums.ts';
import { Text } from './common.ts';
import { EvaluatorOrganisation } from './locus.ts';
import { IkmEvidence } from './evidence.ts';

export const SelfAssessmentStatus = z.enum(SELF_ASSESSMENT_STATUSES);
export type SelfAssessmentStatus = z.infer<typeof SelfAssessmentStatus>;
export const PekpppClarificationStatus = z.enum(PEKPPP_CLARIFICATION_STATUSES);

const code = z.string().min(1).max(100);
const link = z.url({ protocol: /^https?$/ }).max(2000);
const statement = z.string().trim().max(4000);

export const PekpppFile = z.object({
  id: z.uuid(),
  filename: z.string(),
  mime: z.string(),
  size: z.number().int(),
  kind: z.string().nullable(),
});
export type PekpppFile = z.infer<typeof PekpppFile>;

export const PekpppClaim = z.object({
  level: z.number().int().nullable(),
  statement: z.string(),
  links: z.array(z.string()),
  files: z.array(PekpppFile),
  /** issue 11 §7: the unit's IKMs attached to this indicator (frozen when attached); they count as evidence. */
  ikm: z.array(IkmEvidence),
});
export const PekpppVerdict = z.object({ level: z.number().int().nullable(), reason: z.string(), sources: z.array(z.string()) });

export const PekpppIndicator = z.object({
  code: z.string(),
  aspect: z.string(),
  text: Text,
  levels: z.array(z.object({ value: z.number().int(), descriptor: Text })),
  evidenceRequired: z.boolean(),
  /** issue 11 §7: the library lets the unit attach its IKM to this indicator (`ikmEvidence`, body type). */
  takesIkm: z.boolean(),
  /** The documents the library lists as evidence for the indicator. */
  documents: z.array(Text),
  claim: PekpppClaim,
  verdict: PekpppVerdict,
  /** claimed − verified, when both exist. */
  difference: z.number().nullable(),
  /** Problems that keep the claim (F-01) from being submitted, in the caller's language. */
  claimProblems: z.array(z.string()),
  /** Problems that keep the verdict (F-02) from being final. */
  verdictProblems: z.array(z.string()),
});
export type PekpppIndicator = z.infer<typeof PekpppIndicator>;

export const PekpppAspect = z.object({
  code: z.string(),
  title: Text,
  indicators: z.number().int(),
  claimed: z.number().int(),
  verified: z.number().int(),
});

export const PekpppClarification = z.object({
  id: z.uuid(),
  indicators: z.array(z.string()),
  question: z.string(),
  requestedAt: z.string(),
  closesAt: z.string(),
  lastDay: z.string(),
  status: PekpppClarificationStatus,
  answers: z.record(z.string(), z.object({ statement: z.string(), links: z.array(z.string()) })),
  answeredAt: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export type PekpppClarification = z.infer<typeof PekpppClarification>;

/** The verified side (ipp, predicate, label, aspects' verified, counts) is null for the unit until F-02 is finalised. */
export const PekpppResult = z.object({
  ipp: z.number().nullable(),
  predicate: z.string().nullable(),
  label: Text.nullable(),
  claimedIpp: z.number(),
  claimedPredicate: z.string(),
  aspects: z.array(z.object({ code: z.string(), title: Text, claimed: z.number(), verified: z.number().nullable() })),
  counts: z.object({ over: z.number(), under: z.number(), equal: z.number(), unclaimed: z.number(), unverified: z.number() }).nullable(),
});
export type PekpppResult = z.infer<typeof PekpppResult>;

export const PekpppUnitView = z.object({
  cycleId: z.uuid(),
  cycleName: z.string(),
  year: z.number().int(),
  unitId: z.uuid(),
  unitName: z.string(),
  bodyName: z.string(),
  /** The unit's review state (records workflow): submitted once the evaluator finalises. */
  unitStatus: z.enum(UNIT_STATUSES),
  claimStatus: SelfAssessmentStatus,
  submittedAt: z.string().nullable(),
  reopenedAt: z.string().nullable(),
  reopenNote: z.string().nullable(),
  finalisedAt: z.string().nullable(),
  evaluatorId: z.uuid().nullable(),
  /** The organisation that evaluates the unit's locus entry (stored per cycle and body). */
  evaluatorOrganisation: EvaluatorOrganisation.nullable(),
  /** The unit may still change its claims (draft or reopened, cycle open). */
  claimEditable: z.boolean(),
  claimInstrument: z.string(),
  verdictInstrument: z.string(),
  dataSources: z.array(z.object({ code: z.string(), label: Text })),
  clarificationDays: z.number().int(),
  aspects: z.array(PekpppAspect),
  indicators: z.array(PekpppIndicator),
  clarifications: z.array(PekpppClarification),
  result: PekpppResult.nullable(),
  /** issue 11: the unit's F-03 survey of this cycle (public questionnaire), counted against the locus quota. */
  f03: z
    .object({
      surveyId: z.uuid(),
      accepted: z.number().int(),
      flagged: z.number().int(),
      target: z.number().int(),
      /** The engine's summary of the accepted responses (supplementSummaries): reported beside the IPP, never inside it. */
      mean: z.number().nullable(),
      items: z.array(z.object({ code: z.string(), text: Text, mean: z.number().nullable(), n: z.number().int(), unverified: z.boolean() })),
      dimensions: z.array(z.object({ code: z.string(), title: Text, mean: z.number().nullable(), items: z.number().int() })),
      /** How F-03 enters the result, in the library's words (its assumption on the supplement group), if it says. */
      note: Text.nullable(),
    })
    .nullable(),
});
export type PekpppUnitView = z.infer<typeof PekpppUnitView>;

export const PekpppUnitRow = z.object({
  unitId: z.uuid(),
  unitName: z.string(),
  bodyName: z.string(),
  claimStatus: SelfAssessmentStatus,
  unitStatus: z.enum(UNIT_STATUSES),
  evaluatorId: z.uuid().nullable(),
  evaluatorOrganisation: EvaluatorOrganisation.nullable(),
  openClarifications: z.number().int(),
});
export const PekpppUnits = z.object({ items: z.array(PekpppUnitRow) });
export type PekpppUnits = z.infer<typeof PekpppUnits>;

/** Drafts of the claim, per indicator; indicators left out keep what is stored. */
export const ClaimsIn = z.object({
  indicators: z.record(
    code,
    z.object({ level: z.number().int().nullable(), statement: statement.default(''), links: z.array(link).max(20).default([]) }),
  ),
});
export type ClaimsIn = z.input<typeof ClaimsIn>;

export const VerdictsIn = z.object({
  indicators: z.record(
    code,
    z.object({ level: z.number().int().nullable(), reason: statement.default(''), sources: z.array(code).max(10).default([]) }),
  ),
});
export type VerdictsIn = z.input<typeof VerdictsIn>;

export const ReopenIn = z.object({ note: z.string().trim().min(1).max(2000) });
export type ReopenIn = z.infer<typeof ReopenIn>;

export const ClarificationRequestIn = z.object({ indicators: z.array(code).min(1).max(100), question: z.string().trim().min(1).max(4000) });
export type ClarificationRequestIn = z.infer<typeof ClarificationRequestIn>;

export const ClarificationAnswerIn = z.object({
  clarificationId: z.uuid(),
  answers: z.record(code, z.object({ statement: z.string().trim().min(1).max(4000), links: z.array(link).max(20).default([]) })),
});
export type ClarificationAnswerIn = z.input<typeof ClarificationAnswerIn>;

// ── "mandiri" cycles validated by KemenPANRB ────────────────────────────────────────────────

export { Mandiri, MandiriValidationStatus } from './cycles.ts';

/** `PUT /cycles/:cycleId/pekppp/mandiri`: the government whose Biro/Bagian Organisasi runs the cycle. */
export const MandiriIn = z.object({ organiserBodyId: z.uuid() });
export type MandiriIn = z.infer<typeof MandiriIn>;

/** `POST /cycles/:cycleId/pekppp/validation`: validate, or return with a reason. */
export const ValidationIn = z.object({
  decision: z.enum(['validated', 'returned']),
  reason: z.string().trim().max(2000).optional(),
});
export type ValidationIn = z.infer<typeof ValidationIn>;
