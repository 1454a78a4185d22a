/**
 * Results on the wire (`src/server/scores/routes.ts`): the engine's outputs (core's `UnitScore`,
 * bands, improvements) and what the routes wrap around them — a unit's breakdown, a government's
 * result with its units and ranks, ranking groups with movement, what-if under another scheme,
 * improvement lists, a body's trend, and a full recompute. The public reads what a released
 * publication covers.
 */
import { z } from 'zod';
import type {
  BandRef as CoreBandRef,
  Improvement as CoreImprovement,
  QualifierResult as CoreQualifierResult,
  UnitScore as CoreUnitScore,
} from '../../core/types.ts';
import { Text, provinceCode } from './common.ts';
import { CycleRef, Family } from './cycles.ts';
import { BodyStatus, Followups } from './locus.ts';
import { BodyRef, BodyType, UnitPlace, UnitRef } from './registry.ts';
import { RANKING_GROUPS, TARGET_PLAN_SCOPES, TARGET_PLAN_STATUSES, ZONES } from './enums.ts';

// ── The engine's outputs (src/core/types.ts) ─────────────────────────────────────────────────

export const BandRef = z.object({
  code: z.string(),
  label: Text,
  zone: z.enum(ZONES).optional(),
  color: z.string(),
  group: Text.optional(),
}) satisfies z.ZodType<CoreBandRef>;
export type BandRef = z.infer<typeof BandRef>;

export const IndicatorScore = z.object({
  code: z.string(),
  ref: z.string(),
  text: Text,
  value: z.number().nullable(),
  n: z.number().int(),
  percentage: z.number().nullable(),
  weight: z.number(),
  points: z.number(),
  pointsLost: z.number(),
  missing: z.boolean(),
  claimed: z.number().nullable().optional(),
});

export const UnitScore = z.object({
  schemeId: z.string(),
  raw: z.number(),
  score: z.number(),
  band: BandRef,
  complete: z.boolean(),
  missing: z.array(z.string()),
  incompleteInstruments: z.array(z.string()),
  dimensions: z.array(
    z.object({
      code: z.string(),
      title: Text,
      weight: z.number(),
      score: z.number(),
      points: z.number(),
      pointsLost: z.number(),
      variables: z.array(
        z.object({ code: z.string(), title: Text, points: z.number(), pointsLost: z.number(), indicators: z.array(IndicatorScore) }),
      ),
    }),
  ),
  progress: z.array(
    z.object({ code: z.string(), done: z.number().int(), target: z.number().int(), min: z.number().int(), complete: z.boolean() }),
  ),
  products: z.array(z.object({ respondent: z.string(), raw: z.number(), score: z.number(), complete: z.boolean() })).optional(),
  weight: z.number(),
  supplements: z.array(z.object({ code: z.string(), title: Text, indicators: z.array(IndicatorScore) })),
}) satisfies z.ZodType<CoreUnitScore>;
export type UnitScore = z.infer<typeof UnitScore>;

export const ScoreRef = z.object({ score: z.number(), band: BandRef, complete: z.boolean() });
export type ScoreRef = z.infer<typeof ScoreRef>;
export const QualifierResult = z.object({ code: z.string(), label: Text, applies: z.boolean() }) satisfies z.ZodType<CoreQualifierResult>;
export type QualifierResult = z.infer<typeof QualifierResult>;

/** A place in a ranking group; `movement` = last cycle's rank − this cycle's (positive: up). */
export const RankPlace = z.object({
  group: z.string(),
  rank: z.number().int(),
  of: z.number().int(),
  previousRank: z.number().int().nullable(),
  movement: z.number().int().nullable(),
});
export type RankPlace = z.infer<typeof RankPlace>;

export const Improvement = z.object({
  indicator: z.string(),
  ref: z.string(),
  text: Text,
  dimension: z.string(),
  from: z.number().nullable(),
  to: z.number(),
  descriptor: Text,
  unitGain: z.number(),
  governmentGain: z.number(),
}) satisfies z.ZodType<CoreImprovement>;
export type Improvement = z.infer<typeof Improvement>;

/**
 * The compact form of a `UnitScore`, stored per unit result and frozen in publication
 * snapshots: every number of the engine's breakdown, without what the frozen scheme already says
 * (titles, texts, refs, band labels, quotas), dimensions → variables → indicators as tuples.
 * The server builds it (src/server/scores/breakdown.ts); it travels as an opaque object.
 *
 * One indicator: [code, value, n, weight, points, pointsLost] and, when the scheme has a
 * self-assessment ('claim') instrument covering it, a 7th element `claimed`.
 */
export type StoredIndicator =
  | [string, number | null, number, number, number, number]
  | [string, number | null, number, number, number, number, number | null];
/** [code, points, pointsLost, indicators] */
export type StoredVariable = [string, number, number, StoredIndicator[]];
/** [code, score, points, pointsLost, variables] */
export type StoredDimension = [string, number, number, number, StoredVariable[]];

/**
 * Issue 11: a unit's F-03 as its F-03 survey's accepted responses say (the 'beside' instrument):
 * the engine's supplement numbers of those responses and how many there are (the PEKPPP view's
 * F-03 card). The stored breakdown counts the same responses (scores/recompute.ts).
 */
export interface StoredF03 {
  surveyId: string;
  accepted: number;
  flagged: number;
  /** The 'beside' instrument and its sheets done (the accepted responses). */
  instrument: string;
  done: number;
  /** [group code, [item code, mean, n][]] of the groups the instrument covers. */
  supplements: [string, [string, number | null, number][]][];
}

export interface StoredUnitScore {
  schemeId: string;
  raw: number;
  score: number;
  band: string;
  complete: boolean;
  missing: string[];
  incompleteInstruments: string[];
  weight: number;
  /** Instrument code → sheets done. */
  progress: Record<string, number>;
  dimensions: StoredDimension[];
  /** [code, [indicator code, value, n][]] */
  supplements: [string, [string, number | null, number][]][];
  products?: UnitScore['products'];
}

// ── Responses ────────────────────────────────────────────────────────────────────────────────

/** `GET /cycles/:cycleId/units/:unitId/result`: dimensions → variables → indicators with points lost. */
export const UnitResult = z.object({
  cycle: CycleRef,
  body: BodyRef,
  unit: UnitRef,
  status: z.string(),
  result: UnitScore.nullable(),
  computedAt: z.string().nullable(),
});
export type UnitResult = z.infer<typeof UnitResult>;

/** `GET /cycles/:cycleId/bodies/:bodyId/result`: a government with its units, dimension means and ranks. */
export const BodyResult = z.object({
  cycle: CycleRef.extend({ status: z.string() }),
  body: BodyRef,
  status: BodyStatus,
  result: ScoreRef.extend({
    raw: z.number(),
    units: z.number().int(),
    qualifiers: z.array(QualifierResult),
    source: z.string(),
    computedAt: z.string(),
  }).nullable(),
  dimensions: z.array(z.object({ code: z.string(), title: Text, weight: z.number(), score: z.number() })),
  ranks: z.object({ nationalType: RankPlace.nullable(), province: RankPlace.nullable() }),
  units: z.array(
    UnitRef.extend({
      status: z.string(),
      result: ScoreRef.extend({ dimensions: z.array(z.object({ code: z.string(), score: z.number() })) }).nullable(),
      /** Issue 17: where the unit is located (a ministry's units are listed by province); null when not located. */
      place: UnitPlace.nullable(),
    }),
  ),
  followups: Followups.nullable(),
});
export type BodyResult = z.infer<typeof BodyResult>;

// issue 17: the vertical offices located in a province
export const cycleProvinceParams = z.object({ cycleId: z.uuid(), provinceCode });
/**
 * `GET /cycles/:cycleId/provinces/:provinceCode/vertical-offices`: the units of ministries and
 * agencies located in the province with their results, each ranked among the province's units of
 * its sector (its office type), by sector then rank.
 */
export const VerticalOffices = z.object({
  cycle: CycleRef.extend({ status: z.string() }),
  provinceCode: z.string(),
  items: z.array(ScoreRef.extend({ unit: UnitRef, body: BodyRef, place: UnitPlace, rank: z.number().int(), of: z.number().int() })),
  /** Rows the caller may not read (not published yet for the public). */
  hidden: z.number().int(),
});
export type VerticalOffices = z.infer<typeof VerticalOffices>;

/**
 * Issue 17 §4: `GET /cycles/:cycleId/provinces/:provinceCode/unit-points` — the assessed units
 * located in a province that have coordinates (its governments' units and the ministries' and
 * agencies' offices there), with their published score and band: the public map's points. The
 * office type is the unit's sector.
 */
export const UnitPoints = z.object({
  cycle: CycleRef.extend({ status: z.string() }),
  provinceCode: z.string(),
  items: z.array(
    ScoreRef.extend({
      unit: UnitRef,
      body: BodyRef,
      place: UnitPlace.nullable(),
      latitude: z.number(),
      longitude: z.number(),
    }),
  ),
  /** Rows the caller may not read (not published yet for the public). */
  hidden: z.number().int(),
});
export type UnitPoints = z.infer<typeof UnitPoints>;

/** The query naming a ranking group (JSON rankings and the leaderboard workbook). */
export const RankingQuery = z.object({
  group: z.enum(RANKING_GROUPS),
  type: BodyType.optional(),
  province: provinceCode.optional(),
  sector: z.string().min(1).max(40).optional(),
});
export type RankingQuery = z.infer<typeof RankingQuery>;

export const RankingRow = RankPlace.extend({
  body: BodyRef,
  unit: UnitRef.nullable(),
  score: z.number(),
  band: BandRef,
  complete: z.boolean(),
});
export type RankingRow = z.infer<typeof RankingRow>;

/** `GET /cycles/:cycleId/rankings`: rows outside the caller's scope are counted in `hidden`. */
export const Ranking = z.object({
  cycle: CycleRef.extend({ status: z.string() }),
  group: z.string(),
  previousCycle: CycleRef.nullable(),
  items: z.array(RankingRow),
  hidden: z.number().int(),
});
export type Ranking = z.infer<typeof Ranking>;

/** `?scheme=`: another scheme of the same family. */
export const WhatIfQuery = z.object({ scheme: z.string().min(1).max(60) });

export const UnitWhatIf = z.object({
  fromScheme: z.string(),
  toScheme: z.string(),
  from: UnitScore,
  to: UnitScore,
  delta: z.number(),
  unmapped: z.array(z.string()),
});
export type UnitWhatIf = z.infer<typeof UnitWhatIf>;

export const BodyWhatIf = z.object({
  fromScheme: z.string(),
  toScheme: z.string(),
  from: ScoreRef.extend({ qualifiers: z.array(QualifierResult) }),
  to: ScoreRef.extend({ qualifiers: z.array(QualifierResult) }),
  delta: z.number(),
  units: z.array(z.object({ unit: UnitRef, from: ScoreRef, to: ScoreRef, delta: z.number(), unmapped: z.array(z.string()) })),
});
export type BodyWhatIf = z.infer<typeof BodyWhatIf>;

// ── Target planner (issue 12 §6) ─────────────────────────────────────────────────────────────

export const TargetPlanScope = z.enum(TARGET_PLAN_SCOPES);
export type TargetPlanScope = z.infer<typeof TargetPlanScope>;

/**
 * `?scope=province|national&rank=R[&fixable=K1,O2]`: the rank aimed at in the group (1 = top;
 * "top 10" = 10), optionally only some indicators may be fixed (comma-separated codes).
 */
export const TargetPlanQuery = z.object({
  scope: TargetPlanScope,
  rank: z.coerce.number().int().min(1).max(10_000),
  fixable: z.string().trim().min(1).max(2000).optional(),
});
export type TargetPlanQuery = z.infer<typeof TargetPlanQuery>;

/** One indicator fix of the plan: a unit's indicator raised to a level, with the gains; the finding on it when there is one. */
export const TargetPlanFix = Improvement.extend({
  unit: UnitRef,
  /** Whole level steps (to − floor(from); an unanswered indicator counts from the scale minimum). */
  steps: z.number().int(),
  findingId: z.uuid().nullable(),
});
export type TargetPlanFix = z.infer<typeof TargetPlanFix>;

const PlanPlace = z.object({ score: z.number(), rank: z.number().int() });

/**
 * `GET /cycles/:cycleId/bodies/:bodyId/target-plan`: the points a government needs to reach a
 * rank in its group and the cheapest set of indicator fixes (core `planTarget`), computed from the
 * published results; the other members of the group are assumed to keep their published scores
 * (`peersAssumedUnchanged`, said on screen). Members not yet published are left out (`unpublishedPeers`).
 */
export const TargetPlan = z.object({
  cycle: CycleRef,
  body: BodyRef,
  scope: TargetPlanScope,
  /** The ranking group: `province:36` or `national:kota` (as the stored ranks name it). */
  group: z.string(),
  status: z.enum(TARGET_PLAN_STATUSES),
  peersAssumedUnchanged: z.literal(true),
  cheapest: z.literal('fewest-steps-then-largest-gain'),
  current: PlanPlace.extend({ of: z.number().int() }),
  target: z.object({
    rank: z.number().int(),
    /** The lowest published score holding the rank (a tie shares it). */
    score: z.number(),
    needed: z.number(),
    tiedWith: z.array(BodyRef),
  }),
  fixes: z.array(TargetPlanFix),
  steps: z.number().int(),
  result: PlanPlace,
  maximum: PlanPlace,
  /** Published peers the plan ranks against; members of the group not yet published (left out). */
  peers: z.number().int(),
  unpublishedPeers: z.number().int(),
  /** The indicators that could be fixed (all scored ones unless `fixable` was given). */
  fixable: z.array(z.string()).nullable(),
});
export type TargetPlan = z.infer<typeof TargetPlan>;

export const ImprovementsQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) });
export const UnitImprovements = z.object({ items: z.array(Improvement), total: z.number().int() });
export type UnitImprovements = z.infer<typeof UnitImprovements>;
export const BodyImprovement = Improvement.extend({ unit: UnitRef });
export type BodyImprovement = z.infer<typeof BodyImprovement>;
export const BodyImprovements = z.object({ items: z.array(BodyImprovement), total: z.number().int() });
export type BodyImprovements = z.infer<typeof BodyImprovements>;

export const TrendQuery = z.object({ family: Family.optional() });
export const TrendItem = z.object({
  /** `published`: a released current publication covers this body (the public trend shows only those). */
  cycle: CycleRef.extend({ family: z.string(), status: z.string(), published: z.boolean() }),
  score: z.number(),
  band: BandRef,
  complete: z.boolean(),
  source: z.string(),
});
export type TrendItem = z.infer<typeof TrendItem>;
/** `GET /bodies/:bodyId/trend`: oldest first, only cycles the caller may read. */
export const Trend = z.object({ body: BodyRef, items: z.array(TrendItem) });
export type Trend = z.infer<typeof Trend>;

/** `POST /cycles/:cycleId/recompute`: how many results were written. */
export const Recomputed = z.object({ units: z.number().int(), bodies: z.number().int() });
export type Recomputed = z.infer<typeof Recomputed>;
