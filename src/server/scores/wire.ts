// Zod shapes of the engine's outputs on the wire (UnitScore, bands, improvements, rankings).
import { z } from 'zod';
import { Text, bodyType, provinceCode } from '../cycles/wire.ts';

export const BandRef = z.object({
  code: z.string(),
  label: Text,
  zone: z.enum(['hijau', 'kuning', 'merah']).optional(),
  color: z.string(),
  group: Text.optional(),
});

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
});

export const BodyRef = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  type: z.string(),
  provinceCode: z.string().nullable(),
});
export const UnitRef = z.object({ id: z.uuid(), name: z.string(), sector: z.string() });
export const ScoreRef = z.object({ score: z.number(), band: BandRef, complete: z.boolean() });
export const QualifierResult = z.object({ code: z.string(), label: Text, applies: z.boolean() });

export const RankPlace = z.object({
  group: z.string(),
  rank: z.number().int(),
  of: z.number().int(),
  previousRank: z.number().int().nullable(),
  movement: z.number().int().nullable(),
});

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
});

export const CycleRef = z.object({ id: z.uuid(), name: z.string(), year: z.number().int(), schemeId: z.string() });

/** The query naming a ranking group (JSON rankings and the leaderboard workbook). */
export const rankingQuery = z.object({
  group: z.enum(['national', 'province', 'sector']),
  type: bodyType.optional(),
  province: provinceCode.optional(),
  sector: z.string().min(1).max(40).optional(),
});
