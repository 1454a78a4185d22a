/**
 * Fieldwork checks on the wire (issue 13, `src/server/fieldwork/routes.ts`): the anti-fabrication
 * flags the server computes with the engine's `fieldworkFlags` when a unit is handed in, stored
 * per sheet; a reviewer acknowledges (with a note) or returns a flagged sheet before the unit is
 * approved; bulk approval skips units with open flags.
 */
import { z } from 'zod';

export const FIELDWORK_FLAG_CODES = [
  'too-short',
  'time-inconsistent',
  'timing-missing',
  'assessor-load',
  'overlapping-interviews',
  'far-from-unit',
  'position-missing',
  'unit-location-missing',
  'respondent-reused',
  'straight-line',
  'identical-answers',
  'outside-cycle',
] as const;
export const FieldworkFlagCode = z.enum(FIELDWORK_FLAG_CODES);
export type FieldworkFlagCode = z.infer<typeof FieldworkFlagCode>;

export const FieldworkFlagView = z.object({
  recordId: z.uuid(),
  unitId: z.uuid(),
  instrument: z.string(),
  code: FieldworkFlagCode,
  /** 'warning' must be acknowledged (or the sheet returned) before the unit is approved. */
  severity: z.enum(['warning', 'info']),
  reason: z.object({ id: z.string(), en: z.string() }),
  details: z.record(z.string(), z.union([z.string(), z.number()])),
  acknowledged: z.object({ by: z.string(), at: z.string(), note: z.string() }).nullable(),
});
export type FieldworkFlagView = z.infer<typeof FieldworkFlagView>;

export const UnitFieldworkFlags = z.object({
  items: z.array(FieldworkFlagView),
  /** Warnings not yet acknowledged: the unit cannot be approved while this is above 0. */
  open: z.number().int(),
  /** When the flags were last computed (the unit's hand-in); null = never. */
  computedAt: z.string().nullable(),
});
export type UnitFieldworkFlags = z.infer<typeof UnitFieldworkFlags>;

export const AcknowledgeIn = z.object({ note: z.string().trim().min(1).max(4000) });
export type AcknowledgeIn = z.infer<typeof AcknowledgeIn>;
/** `POST …/fieldwork-flags/acknowledge-all`: every open warning of a unit, one note; the sheets touched. */
export const UnitAcknowledged = z.object({ unitId: z.uuid(), sheets: z.number().int(), warnings: z.number().int() });
export type UnitAcknowledged = z.infer<typeof UnitAcknowledged>;

export const Acknowledged = z.object({ recordId: z.uuid(), acknowledged: z.number().int() });
export type Acknowledged = z.infer<typeof Acknowledged>;

export const BulkApproveIn = z.object({
  unitIds: z.array(z.uuid()).min(1).max(500),
  note: z.string().trim().max(4000).nullish(),
});
export type BulkApproveIn = z.infer<typeof BulkApproveIn>;
export const BulkApproveOut = z.object({
  results: z.array(
    z.object({
      unitId: z.uuid(),
      outcome: z.enum(['approved', 'skipped']),
      /** Why it was skipped (translated). */
      reason: z.string().optional(),
      code: z.string().optional(),
    }),
  ),
  approved: z.number().int(),
  skipped: z.number().int(),
});
export type BulkApproveOut = z.infer<typeof BulkApproveOut>;
