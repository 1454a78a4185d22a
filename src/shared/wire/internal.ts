/**
 * Issue 12 §4 on the wire (`src/server/internal/routes.ts`): a government's own pre-assessment —
 * an `internal` cycle owned by the government, with the Ombudsman instrument, its units and its
 * own internal assessors — and the comparison per indicator of a unit's internal result with its
 * last official (published) one. Never public, never ranked, never published.
 */
import { z } from 'zod';
import { Text } from './common.ts';
import { CycleRef } from './cycles.ts';

/** `POST /internal-cycles`: the koordinator's government is the owner; its units only. */
export const InternalCycleIn = z.object({
  name: z.string().trim().min(3).max(120),
  year: z.number().int().min(2000).max(2100),
  /** An Ombudsman scheme of the library (the coming or current year's). */
  schemeId: z.string().min(1).max(60),
  unitIds: z.array(z.uuid()).min(1).max(500),
});
export type InternalCycleIn = z.infer<typeof InternalCycleIn>;

/** `GET /internal-cycles/assessors`: the koordinator's government's active internal assessors. */
export const InternalAssessors = z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string(), username: z.string() })) });
export type InternalAssessors = z.infer<typeof InternalAssessors>;

/** One indicator: the level of the internal pre-assessment beside the last official one. */
export const ComparisonRow = z.object({
  indicator: z.string(),
  text: Text,
  dimension: Text,
  /** Mean level reached in the internal pre-assessment (null: not answered yet). */
  internal: z.number().nullable(),
  /** Mean level of the last official published result (null: none, or not in that scheme). */
  official: z.number().nullable(),
  /** internal − official when both are known. */
  difference: z.number().nullable(),
  /** The indicator's scale maximum. */
  max: z.number(),
});
export type ComparisonRow = z.infer<typeof ComparisonRow>;

/** `GET /cycles/:cycleId/units/:unitId/comparison` (an internal cycle). */
export const InternalComparison = z.object({
  cycle: CycleRef,
  unit: z.object({ id: z.uuid(), name: z.string() }),
  body: z.object({ id: z.uuid(), name: z.string() }),
  internalScore: z.number().nullable(),
  /** The last official cycle of the family with a released publication covering the unit's government and a result for the unit. */
  official: z.object({ cycle: CycleRef, score: z.number() }).nullable(),
  rows: z.array(ComparisonRow),
});
export type InternalComparison = z.infer<typeof InternalComparison>;
