/**
 * Visit plans and the fieldwork team on the wire (issue 13 §5, §6; `src/server/visits/routes.ts`):
 * an assessor's planned visits (a day, a team of asisten of the Perwakilan, units of the cycle's
 * locus) with progress against the plan; a unit's own quota within the scheme's range; the
 * optional team-lead review level of a cycle (per Perwakilan) and its team leads.
 */
import { z } from 'zod';
import { Text, provinceCode } from './common.ts';
import { UnitStatus } from './locus.ts';

const isoDate = z.iso.date();

/** A planned unit: visited (sheets captured that day, or handed in), planned (day not past), missed. */
export const VISIT_STATES = ['visited', 'planned', 'missed'] as const;
export const VisitState = z.enum(VISIT_STATES);
export type VisitState = z.infer<typeof VisitState>;

export const Person = z.object({ id: z.uuid(), name: z.string(), username: z.string() });
export type Person = z.infer<typeof Person>;

export const PlannedUnit = z.object({
  unitId: z.uuid(),
  name: z.string(),
  bodyName: z.string(),
  status: UnitStatus,
  state: VisitState,
});
export type PlannedUnit = z.infer<typeof PlannedUnit>;

export const VisitPlan = z.object({
  id: z.uuid(),
  cycleId: z.uuid(),
  /** The local day of the visit ("YYYY-MM-DD"). */
  date: isoDate,
  /** The Perwakilan whose plan it is (the assessor's province). */
  provinceCode: z.string(),
  /** The asisten whose plan it is. */
  assessor: Person,
  /** The other asisten of the Perwakilan going along. */
  team: z.array(Person),
  units: z.array(PlannedUnit),
  note: z.string().nullable(),
  /** Units of the plan counted as visited. */
  visited: z.number().int(),
});
export type VisitPlan = z.infer<typeof VisitPlan>;

export const VisitPlanIn = z.object({
  date: isoDate,
  /** Whose plan: the asisten itself (default for an asisten); required when the pimpinan plans for its team. */
  assessorId: z.uuid().optional(),
  teamIds: z.array(z.uuid()).max(20).default([]),
  unitIds: z.array(z.uuid()).min(1).max(50),
  note: z.string().trim().max(2000).nullish(),
});
export type VisitPlanIn = z.input<typeof VisitPlanIn>;

export const VisitListQuery = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  assessorId: z.uuid().optional(),
});
export type VisitListQuery = z.infer<typeof VisitListQuery>;

/** Planned units over the listed plans, by state. */
export const VisitProgress = z.object({
  plans: z.number().int(),
  plannedUnits: z.number().int(),
  visited: z.number().int(),
  planned: z.number().int(),
  missed: z.number().int(),
});
export type VisitProgress = z.infer<typeof VisitProgress>;

export const VisitList = z.object({ items: z.array(VisitPlan), progress: VisitProgress });
export type VisitList = z.infer<typeof VisitList>;

export const visitParams = z.object({ id: z.uuid() });

// ── A unit's own quota ─────────────────────────────────────────────────────────────────────

/** Set one unit's target for an instrument within the scheme's range (`target: null` = back to the default). */
export const UnitQuotaIn = z.object({
  instrument: z.string().min(1).max(60),
  target: z.number().int().min(1).max(100_000).nullable(),
  reason: z.string().trim().min(1).max(2000),
});
export type UnitQuotaIn = z.infer<typeof UnitQuotaIn>;

export const AdjustableInstrument = z.object({
  code: z.string(),
  title: Text,
  target: z.number().int(),
  min: z.number().int(),
  range: z.object({ min: z.number().int(), max: z.number().int() }),
});
export type AdjustableInstrument = z.infer<typeof AdjustableInstrument>;

export const UnitQuota = z.object({
  unitId: z.uuid(),
  unitName: z.string(),
  bodyName: z.string(),
  instrument: z.string(),
  target: z.number().int(),
  min: z.number().int(),
  reason: z.string(),
  setBy: z.string(),
  setAt: z.string(),
});
export type UnitQuota = z.infer<typeof UnitQuota>;

export const UnitQuotaList = z.object({ instruments: z.array(AdjustableInstrument), items: z.array(UnitQuota) });
export type UnitQuotaList = z.infer<typeof UnitQuotaList>;

// ── Team-lead review level (§6) ────────────────────────────────────────────────────────────

/** Switch the team-lead level of one Perwakilan in a cycle on (with its leads) or off. */
export const TeamLeadsIn = z.object({
  provinceCode,
  enabled: z.boolean(),
  leadIds: z.array(z.uuid()).max(20).default([]),
});
export type TeamLeadsIn = z.input<typeof TeamLeadsIn>;

export const TeamLevel = z.object({ provinceCode: z.string(), leads: z.array(Person), setBy: z.string(), setAt: z.string() });
export type TeamLevel = z.infer<typeof TeamLevel>;
export const TeamLevels = z.object({ items: z.array(TeamLevel) });
export type TeamLevels = z.infer<typeof TeamLevels>;

/** A unit waiting for a team lead (handed in where the team-lead level is on). */
export const LeadQueueItem = z.object({
  unitId: z.uuid(),
  name: z.string(),
  bodyName: z.string(),
  provinceCode: z.string(),
  status: UnitStatus,
  assessor: Person.nullable(),
  /** When the unit was last handed in or changed. */
  since: z.string(),
});
export type LeadQueueItem = z.infer<typeof LeadQueueItem>;
export const LeadQueue = z.object({ items: z.array(LeadQueueItem) });
export type LeadQueue = z.infer<typeof LeadQueue>;

export const LeadReviewIn = z.object({ note: z.string().trim().max(4000).nullish() });
export type LeadReviewIn = z.infer<typeof LeadReviewIn>;
