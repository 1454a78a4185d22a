/**
 * Cycles on the wire (`src/server/cycles/routes.ts`): an assessment cycle freezes one scheme of
 * the methodology library (canonical JSON + sha256) and moves one step at a time
 * (planning → fieldwork → review → final). The public sees cycles with a released publication.
 * The locus, progress and assignments of a cycle are in `./locus.ts`.
 */
import { z } from 'zod';
import type { Scheme } from '../../core/types.ts';
import { Text, opaque, pageQuery, provinceCode } from './common.ts';
import { CYCLE_KINDS, CYCLE_SOURCES, CYCLE_STATUSES, FAMILIES, INSTRUMENT_ROLES, PEKPPP_VALIDATION_STATUSES } from './enums.ts';

export const CycleStatus = z.enum(CYCLE_STATUSES);
export type CycleStatus = z.infer<typeof CycleStatus>;
export const Family = z.enum(FAMILIES);
export type Family = z.infer<typeof Family>;

/** How results name their cycle. */
export const CycleRef = z.object({ id: z.uuid(), name: z.string(), year: z.number().int(), schemeId: z.string() });
export type CycleRef = z.infer<typeof CycleRef>;

/** A cycle without its (large) frozen scheme. */
export const Cycle = z.object({
  id: z.uuid(),
  name: z.string(),
  year: z.number().int(),
  schemeId: z.string(),
  family: z.string(),
  schemeHash: z.string(),
  status: CycleStatus,
  /** A provincial cycle belongs to its Perwakilan; null: national. */
  provinceCode: z.string().nullable(),
  source: z.enum(CYCLE_SOURCES),
  /** Issue 12 §4: 'internal' = a government's own pre-assessment (owner below), seen only by that government and the admin. */
  kind: z.enum(CYCLE_KINDS),
  /** The government that owns an internal cycle; null for an official one. */
  ownerBodyId: z.uuid().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Cycle = z.infer<typeof Cycle>;

/** One instrument of the frozen scheme with its quota per unit. */
export const InstrumentQuota = z.object({
  code: z.string(),
  title: Text,
  respondent: Text,
  kind: z.string(),
  role: z.enum(INSTRUMENT_ROLES),
  target: z.number().int(),
  min: z.number().int(),
});
export type InstrumentQuota = z.infer<typeof InstrumentQuota>;

/** The words a scheme's results are published in (library `terms`: "IPP", "Predikat", "Aspek"). */
export const SchemeTerms = z.object({
  issuer: Text,
  issuerShort: Text,
  programme: Text,
  score: Text,
  scoreLong: Text,
  band: Text,
  dimension: Text,
  dimensions: Text,
});
export type SchemeTerms = z.infer<typeof SchemeTerms>;

// issue 10 ─ "mandiri" PEKPPP cycles
export const MandiriValidationStatus = z.enum(PEKPPP_VALIDATION_STATUSES);

/**
 * A PEKPPP cycle a Biro/Bagian Organisasi runs for its own government ("mandiri"), with its
 * validation by the organisation the library names (KemenPANRB): who decided and when, and why
 * it was returned. Dates are ISO instants; screens show them in the body's zone.
 */
export const Mandiri = z.object({
  organiser: z.object({ id: z.uuid(), name: z.string(), provinceCode: z.string().nullable() }),
  validator: z.object({ code: z.string(), name: z.string().nullable() }),
  status: MandiriValidationStatus,
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  reason: z.string().nullable(),
});
export type Mandiri = z.infer<typeof Mandiri>;

export const CycleSummary = Cycle.extend({
  schemeTitle: Text,
  /** The frozen scheme's own words for its results; null: the generic ones (Nilai, Predikat, Dimensi). */
  terms: SchemeTerms.nullable(),
  bodies: z.number().int(),
  units: z.number().int(),
  /** At least one released current publication (the public may open the cycle). */
  published: z.boolean(),
  /** issue 10: a PEKPPP cycle run "mandiri" by a Biro/Bagian Organisasi, with its KemenPANRB validation (absent: not mandiri). */
  mandiri: Mandiri.nullable().optional(),
});
export type CycleSummary = z.infer<typeof CycleSummary>;

export const CycleDetail = CycleSummary.extend({ instruments: z.array(InstrumentQuota) });
export type CycleDetail = z.infer<typeof CycleDetail>;

/** `GET /cycles/:cycleId/scheme`: content-addressed (the same hash is always the same scheme). */
export const CycleScheme = z.object({
  schemeId: z.string(),
  schemeHash: z.string(),
  /** Validated by core's parseScheme when the cycle froze it. */
  scheme: opaque<Scheme>(),
});
export type CycleScheme = z.infer<typeof CycleScheme>;

// ── Requests ─────────────────────────────────────────────────────────────────────────────────

export const CyclesQuery = z.object({
  ...pageQuery,
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: CycleStatus.optional(),
  schemeId: z.string().min(1).max(60).optional(),
  family: Family.optional(),
  province: provinceCode.optional(),
  /** Issue 12 §4: only official cycles or only internal pre-assessments (the caller's government's). */
  kind: z.enum(CYCLE_KINDS).optional(),
  /** true: only cycles the public can read (a released current publication). */
  published: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

export const CycleIn = z.object({
  name: z.string().trim().min(3).max(200),
  year: z.number().int().min(2000).max(2100),
  schemeId: z.string().min(1).max(60),
  provinceCode: provinceCode.nullish(),
});
export type CycleIn = z.infer<typeof CycleIn>;

/** `POST /cycles/:cycleId/status`: the next status only (anything else is 409). */
export const CycleStatusIn = z.object({ status: CycleStatus });
export type CycleStatusIn = z.infer<typeof CycleStatusIn>;
