/**
 * Findings on the wire (issue 12, `src/server/findings/routes.ts`): at publication every
 * indicator where a unit lost points becomes a finding — the level reached, the next level and its
 * descriptor, the gain for the unit and its government (core `improvements`). The Perwakilan adds
 * a saran perbaikan or tindakan korektif per finding and records the Ombudsman's follow-up
 * products (saran perbaikan, tindakan korektif, rekomendasi) with their source document.
 * Actions answering a finding are follow-up actions (`./actions.ts`, sourceKind 'finding').
 *
 *   GET   /cycles/:cycleId/units/:unitId/findings     a unit's findings, largest unit gain first
 *   GET   /cycles/:cycleId/bodies/:bodyId/findings    a government's, largest government gain first
 *   PATCH /findings/:findingId                        the Perwakilan's recommendation; the pre-check's resolution
 *   POST  /cycles/:cycleId/bodies/:bodyId/followup-products   multipart: fields of FollowupProductFields, then the document
 *   GET   /cycles/:cycleId/bodies/:bodyId/followup-products
 *   GET   /followup-products/:productId/document
 */
import { z } from 'zod';
import { Text } from './common.ts';
import { FINDING_RECOMMENDATION_KINDS, FINDING_RESOLUTIONS, FOLLOWUP_PRODUCT_KINDS } from './enums.ts';
import { ACTION_NOTE_MAX, ACTION_TITLE_MAX } from './limits.ts';

export const RecommendationKind = z.enum(FINDING_RECOMMENDATION_KINDS);
export type RecommendationKind = z.infer<typeof RecommendationKind>;
export const FollowupProductKind = z.enum(FOLLOWUP_PRODUCT_KINDS);
export type FollowupProductKind = z.infer<typeof FollowupProductKind>;
export const FindingResolution = z.enum(FINDING_RESOLUTIONS);
export type FindingResolution = z.infer<typeof FindingResolution>;

export const Finding = z.object({
  id: z.uuid(),
  cycleId: z.uuid(),
  bodyId: z.uuid(),
  bodyName: z.string(),
  unitId: z.uuid(),
  unitName: z.string(),
  indicator: z.string(),
  ref: z.string(),
  text: Text,
  dimension: z.string(),
  /** The level reached (null: not answered). */
  levelReached: z.number().nullable(),
  nextLevel: z.number(),
  nextDescriptor: Text,
  /** Points gained by reaching the next level: for the unit, for its government. */
  unitGain: z.number(),
  governmentGain: z.number(),
  recommendationKind: RecommendationKind.nullable(),
  recommendation: z.string().nullable(),
  recommendedBy: z.uuid().nullable(),
  recommendedAt: z.string().nullable(),
  /** Follow-up actions planned on it, and how many of them are verified. */
  actions: z.number().int(),
  verifiedActions: z.number().int(),
  /** The next cycle's pre-check (issue 12 §5): the assessor's judgement at the visit. */
  resolution: FindingResolution.nullable(),
  resolutionNote: z.string().nullable(),
  resolvedBy: z.uuid().nullable(),
  resolvedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Finding = z.infer<typeof Finding>;

export const FindingList = z.object({ items: z.array(Finding), total: z.number().int() });
export type FindingList = z.infer<typeof FindingList>;

/** The Perwakilan's recommendation (null kind clears it), or the pre-check's resolution. */
export const FindingPatchIn = z.object({
  recommendationKind: RecommendationKind.nullable().optional(),
  recommendation: z.string().trim().min(1).max(ACTION_NOTE_MAX).nullable().optional(),
  resolution: FindingResolution.nullable().optional(),
  resolutionNote: z.string().trim().min(1).max(ACTION_NOTE_MAX).nullable().optional(),
});
export type FindingPatchIn = z.infer<typeof FindingPatchIn>;

export const FollowupProduct = z.object({
  id: z.uuid(),
  cycleId: z.uuid(),
  bodyId: z.uuid(),
  unitId: z.uuid().nullable(),
  findingId: z.uuid().nullable(),
  kind: FollowupProductKind,
  /** The document's number (nomor surat). */
  number: z.string(),
  /** Local date "YYYY-MM-DD" the document was issued. */
  issuedOn: z.iso.date(),
  title: z.string(),
  note: z.string().nullable(),
  document: z.object({ sha256: z.string(), filename: z.string(), mime: z.string(), size: z.number().int() }),
  createdBy: z.uuid().nullable(),
  createdAt: z.string(),
});
export type FollowupProduct = z.infer<typeof FollowupProduct>;
export const FollowupProductList = z.object({ items: z.array(FollowupProduct) });

/** Fields of the follow-up product upload; they come before the file part. */
export const FollowupProductFields = z.object({
  kind: FollowupProductKind,
  number: z.string().trim().min(1).max(100),
  issuedOn: z.iso.date(),
  title: z.string().trim().min(1).max(ACTION_TITLE_MAX),
  note: z.string().trim().min(1).max(ACTION_NOTE_MAX).optional(),
  unitId: z.uuid().optional(),
  findingId: z.uuid().optional(),
});
export type FollowupProductFields = z.infer<typeof FollowupProductFields>;

export const findingParams = z.object({ findingId: z.uuid() });
export const productParams = z.object({ productId: z.uuid() });
