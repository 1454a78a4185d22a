/**
 * A cycle's locus on the wire (`src/server/cycles/routes.ts`): which bodies and units are
 * assessed, who assesses each unit and by when, the Ombudsman follow-ups of a body
 * (qualifiers), fieldwork progress against the instrument quotas, and an assessor's own
 * assignments (`GET /assignments/mine`).
 */
import { z } from 'zod';
import { pageOf, pageQuery, provinceCode } from './common.ts';
import { CycleStatus, InstrumentQuota } from './cycles.ts';
import { BodyType } from './registry.ts';
import { BODY_STATUSES, UNIT_STATUSES } from './enums.ts';

export const UnitStatus = z.enum(UNIT_STATUSES);
export type UnitStatus = z.infer<typeof UnitStatus>;
export const BodyStatus = z.enum(BODY_STATUSES);
export type BodyStatus = z.infer<typeof BodyStatus>;

/** A result named by its band code (the texts are in the cycle's frozen scheme). */
export const ResultRef = z.object({ score: z.number(), bandCode: z.string(), complete: z.boolean() });
export type ResultRef = z.infer<typeof ResultRef>;

/** Records of one instrument against its quota ("pengguna 27/30"). */
export const InstrumentCount = z.object({
  code: z.string(),
  done: z.number().int(),
  target: z.number().int(),
  min: z.number().int(),
  complete: z.boolean(),
});
export type InstrumentCount = z.infer<typeof InstrumentCount>;

export const Assessor = z.object({ id: z.uuid(), name: z.string(), username: z.string() });

export const UnitProgress = z.object({
  unitId: z.uuid(),
  name: z.string(),
  sector: z.string(),
  status: UnitStatus,
  assessor: Assessor.nullable(),
  dueDate: z.string().nullable(),
  instruments: z.array(InstrumentCount),
  /** Σ min(done, target) and Σ target over the instruments. */
  done: z.number().int(),
  target: z.number().int(),
  complete: z.boolean(),
  result: ResultRef.nullable(),
});
export type UnitProgress = z.infer<typeof UnitProgress>;

/** Ombudsman products due for a body and whether each was followed up (e.g. "Tanpa Maladministrasi"). */
export const Followups = z.object({
  products: z.array(z.object({ kind: z.string().min(1).max(60), followedUp: z.boolean() })).max(200),
});
export type Followups = z.infer<typeof Followups>;

export const BodyProgress = z.object({
  bodyId: z.uuid(),
  code: z.string(),
  name: z.string(),
  type: z.string(),
  provinceCode: z.string().nullable(),
  status: BodyStatus,
  followups: Followups.nullable(),
  units: z.array(UnitProgress),
  done: z.number().int(),
  target: z.number().int(),
  unitsComplete: z.number().int(),
  unitsApproved: z.number().int(),
  result: ResultRef.nullable(),
});
export type BodyProgress = z.infer<typeof BodyProgress>;

/** `GET /cycles/:cycleId/progress`: a page of bodies, and the cycle's instruments with quotas. */
export const ProgressPage = pageOf(BodyProgress).extend({ instruments: z.array(InstrumentQuota) });
export type ProgressPage = z.infer<typeof ProgressPage>;
export const ProgressQuery = z.object({
  ...pageQuery,
  bodyId: z.uuid().optional(),
  province: provinceCode.optional(),
  type: BodyType.optional(),
});

/** One unit assigned to the caller, in a cycle that is not final. */
export const Assignment = z.object({
  cycle: z.object({ id: z.uuid(), name: z.string(), year: z.number().int(), status: CycleStatus, schemeId: z.string() }),
  body: z.object({ id: z.uuid(), name: z.string(), type: z.string(), provinceCode: z.string().nullable() }),
  unit: UnitProgress,
});
export type Assignment = z.infer<typeof Assignment>;
export const AssignmentList = z.object({ items: z.array(Assignment) });

/**
 * `GET /assignments/mine/bodies`: the governments where the caller assesses a unit, each with the
 * cycles of those assignments (any status) — what an asisten may plan for (`plan.read` 'assigned').
 */
export const AssignedBody = z.object({
  id: z.uuid(),
  name: z.string(),
  type: z.string(),
  provinceCode: z.string().nullable(),
  cycleIds: z.array(z.uuid()),
});
export type AssignedBody = z.infer<typeof AssignedBody>;
export const AssignedBodyList = z.object({ items: z.array(AssignedBody) });
export type AssignedBodyList = z.infer<typeof AssignedBodyList>;

// ── Locus writes ─────────────────────────────────────────────────────────────────────────────

/** `POST /cycles/:cycleId/bodies`: the body with all its active units, or only `unitIds`. */
export const LocusBodyIn = z.object({ bodyId: z.uuid(), unitIds: z.array(z.uuid()).max(500).optional() });
export type LocusBodyIn = z.infer<typeof LocusBodyIn>;
/** `POST /cycles/:cycleId/units`: one unit (its body joins the locus if needed). */
export const LocusUnitIn = z.object({ unitId: z.uuid() });
export const LocusAdded = z.object({ added: z.array(z.uuid()) });
export type LocusAdded = z.infer<typeof LocusAdded>;
export const LocusRemoved = z.object({ removed: z.uuid() });
export type LocusRemoved = z.infer<typeof LocusRemoved>;

/** `PUT /cycles/:cycleId/units/:unitId/assignment`: absent leaves a field, null clears it. */
export const AssignmentIn = z.object({ assessorId: z.uuid().nullish(), dueDate: z.iso.date().nullish() });
export type AssignmentIn = z.infer<typeof AssignmentIn>;
export const AssignmentOut = z.object({ assessorId: z.uuid().nullable(), dueDate: z.string().nullable() });
export type AssignmentOut = z.infer<typeof AssignmentOut>;

// issue 10 ─ the organisation that evaluates a PEKPPP locus entry

/** An organisation that evaluates PEKPPP (KemenPANRB, a province's Biro or a kab/kota's Bagian Organisasi). */
export const EvaluatorOrganisation = z.object({ id: z.uuid(), code: z.string(), name: z.string(), type: z.string() });
export type EvaluatorOrganisation = z.infer<typeof EvaluatorOrganisation>;

/** `PUT /cycles/:cycleId/bodies/:bodyId/evaluator-organisation` */
export const EvaluatorOrganisationIn = z.object({ organisationId: z.uuid() });
export type EvaluatorOrganisationIn = z.infer<typeof EvaluatorOrganisationIn>;

/** The stored organisation of a locus entry and the ones that may evaluate it. */
export const EvaluatorOrganisationOut = z.object({
  bodyId: z.uuid(),
  organisation: EvaluatorOrganisation.nullable(),
  options: z.array(EvaluatorOrganisation),
});
export type EvaluatorOrganisationOut = z.infer<typeof EvaluatorOrganisationOut>;
