/**
 * Publications on the wire (`src/server/publications/routes.ts`): an immutable snapshot of a
 * cycle's results for one scope (the nation or a province) with an embargo date (`publicAt`), a
 * permanent URL (`GET /publications/:id`), errata as new versions, and open data.
 *
 * `PublicationSnapshot` is the frozen content itself, hashed into `contentHash`: the shared
 * contract of the permanent page, awards and certificates (verified against it), open data and
 * report packs (rendered from it). Texts (indicator titles, band labels) are not repeated in it:
 * they come from the cycle's frozen scheme, whose hash is `cycle.schemeHash`.
 */
import { z } from 'zod';
import { Text, opaque } from './common.ts';
import { CycleRef } from './cycles.ts';
import { UnitPlace } from './registry.ts';
import { BandRef, type StoredUnitScore } from './scores.ts';
import { OPEN_DATA_TABLES, PUBLICATION_STATUSES } from './enums.ts';
import { REASON_MAX, REASON_MIN } from './limits.ts';

export const PublicationStatus = z.enum(PUBLICATION_STATUSES);
export type PublicationStatus = z.infer<typeof PublicationStatus>;

/** 'national' or a two-digit province code. */
export const PublicationScope = z.string().regex(/^(national|\d{2})$/, 'national or a province code (two digits)');

/** The metadata of one version. */
export const PublicationMeta = z.object({
  id: z.uuid(),
  cycleId: z.uuid(),
  cycle: CycleRef,
  /** 'national' or a province code. */
  scope: z.string(),
  scopeName: z.string(),
  version: z.number().int(),
  status: PublicationStatus,
  publicAt: z.string(),
  publishedAt: z.string(),
  publishedBy: z.string().nullable(),
  reason: z.string().nullable(),
  supersedesId: z.uuid().nullable(),
  supersededById: z.uuid().nullable(),
  contentHash: z.string(),
  schemeHash: z.string(),
  /** The public sees it (publicAt has passed). */
  released: z.boolean(),
  bodies: z.number().int(),
});
export type PublicationMeta = z.infer<typeof PublicationMeta>;
export const PublicationList = z.object({ items: z.array(PublicationMeta) });

// ── The snapshot ─────────────────────────────────────────────────────────────────────────────

export const SnapshotRank = z.object({
  /** e.g. 'national:kabupaten', 'province:36' */
  group: z.string(),
  rank: z.number().int(),
  of: z.number().int(),
  previousRank: z.number().int().nullable(),
  movement: z.number().int().nullable(),
});
export type SnapshotRank = z.infer<typeof SnapshotRank>;

/** Indicator value (mean over the unit's sheets) and the unit score, before or after a change. */
const ChangeState = z.object({ value: z.number().nullable(), unitScore: z.number().nullable() });

/** One entry of the change log: an answer changed after review and before this version. */
export const SnapshotChange = z.object({
  unitId: z.uuid(),
  indicator: z.string(),
  /** 'dispute' | 'correction' */
  source: z.string(),
  reason: z.string(),
  before: ChangeState,
  after: ChangeState,
  changedAt: z.string(),
  changedBy: z.string().nullable(),
});
export type SnapshotChange = z.infer<typeof SnapshotChange>;

export const SnapshotBody = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  type: z.string(),
  provinceCode: z.string().nullable(),
  raw: z.number(),
  /** round2(raw): the published, ranked number. */
  score: z.number(),
  bandCode: z.string(),
  complete: z.boolean(),
  units: z.number().int(),
  /** The engine's qualifiers (e.g. 2025 "Tanpa Maladministrasi"), without their texts. */
  qualifiers: z.array(z.object({ code: z.string(), applies: z.boolean() })),
  source: z.string(),
  ranks: z.object({ nationalType: SnapshotRank.nullable(), province: SnapshotRank.nullable() }),
  /** The same body's published score in the previous cycle of the family, if any. */
  previous: z.object({ cycleId: z.uuid(), year: z.number().int(), score: z.number(), bandCode: z.string() }).nullable(),
  changes: z.array(SnapshotChange),
});
export type SnapshotBody = z.infer<typeof SnapshotBody>;

export const SnapshotUnit = z.object({
  id: z.uuid(),
  bodyId: z.uuid(),
  name: z.string(),
  sector: z.string(),
  raw: z.number(),
  score: z.number(),
  bandCode: z.string(),
  complete: z.boolean(),
  /** The stored engine breakdown; expand it with the frozen scheme. */
  breakdown: opaque<StoredUnitScore>(),
  /** Issue 17: where the unit was located when published (null: not located); absent in snapshots before it. */
  place: UnitPlace.nullable().optional(),
});
export type SnapshotUnit = z.infer<typeof SnapshotUnit>;

export const PublicationSnapshot = z.object({
  format: z.literal(1),
  cycle: CycleRef.extend({ family: z.string(), schemeHash: z.string() }),
  /** 'national' or a province code. */
  scope: z.string(),
  version: z.number().int(),
  publishedAt: z.string(),
  publicAt: z.string(),
  /** The scheme's assumptions in force, shown wherever a published number is. */
  assumptions: z.array(z.object({ path: z.string(), note: Text })),
  bodies: z.array(SnapshotBody),
  units: z.array(SnapshotUnit),
  /**
   * The audit chain's head when this version was published, signed with the server's audit key
   * (issue 15; `AuditCheckpoint` in src/server/audit/queries.ts). Printed with the publication, it
   * anchors the log: `pantau audit verify` checks the chain still holds that event with that hash.
   */
  auditCheckpoint: z.object({ seq: z.number().int(), hash: z.string(), at: z.string(), mac: z.string() }).optional(),
});
export type PublicationSnapshot = z.infer<typeof PublicationSnapshot>;

/** `GET /publications/:publicationId`: the permanent page (a koordinator sees its own body only). */
export const PublicationView = z.object({ meta: PublicationMeta, snapshot: PublicationSnapshot, bands: z.array(BandRef) });
export type PublicationView = z.infer<typeof PublicationView>;

// ── Requests ─────────────────────────────────────────────────────────────────────────────────

export const publicationParams = z.object({ publicationId: z.uuid() });

/** `POST /cycles/:cycleId/publications`: the scope, and the embargo (default now). */
export const PublishIn = z.object({ scope: PublicationScope, publicAt: z.iso.datetime({ offset: true }).optional() });
export type PublishIn = z.infer<typeof PublishIn>;

/** One corrected answer: the indicator's value on the unit's records (default: every scored one). */
export const Correction = z.object({
  unitId: z.uuid(),
  indicator: z.string().min(1).max(100),
  value: z.number(),
  recordIds: z.array(z.uuid()).max(1000).optional(),
});
export type Correction = z.infer<typeof Correction>;

/** `POST /publications/:publicationId/errata`: a new version with the reason and its corrections. */
export const ErratumIn = z.object({
  reason: z.string().trim().min(REASON_MIN).max(REASON_MAX),
  publicAt: z.iso.datetime({ offset: true }).optional(),
  corrections: z.array(Correction).max(500).optional(),
});
export type ErratumIn = z.infer<typeof ErratumIn>;

export const OpenDataTable = z.enum(OPEN_DATA_TABLES);
export type OpenDataTable = z.infer<typeof OpenDataTable>;
export const OpenDataQuery = z.object({ table: OpenDataTable.default('governments') });

// issue 16: publication readiness — every blocker of a scope, named, so the screen can list them with links.
export const ReadinessQuery = z.object({ scope: PublicationScope });
export type ReadinessQuery = z.infer<typeof ReadinessQuery>;
export const PublishBlocker = z.discriminatedUnion('kind', [
  /** A body of the scope not final yet (a unit not approved). */
  z.object({ kind: z.literal('body_open'), bodyId: z.uuid(), name: z.string(), provinceCode: z.string().nullable() }),
  /** A clarification window still open; `deadline` is the instant, `deadlineText` the same in the province's zone. */
  z.object({ kind: z.literal('window_open'), scope: z.string(), scopeName: z.string(), deadline: z.string(), deadlineText: z.string() }),
  /** Undecided disputes on a body. */
  z.object({ kind: z.literal('dispute_open'), bodyId: z.uuid(), name: z.string(), count: z.number().int() }),
]);
export type PublishBlocker = z.infer<typeof PublishBlocker>;
export const PublishReadiness = z.object({
  scope: z.string(),
  scopeName: z.string(),
  cycleStatus: z.string(),
  /** The cycle is in review or final (else nothing can be published yet). */
  cycleReady: z.boolean(),
  /** The version in force of the scope (an erratum, not a new publication). */
  currentVersion: z.number().int().nullable(),
  blockers: z.array(PublishBlocker),
  ready: z.boolean(),
});
export type PublishReadiness = z.infer<typeof PublishReadiness>;
