/**
 * Awards and certificates on the wire (`src/server/awards/routes.ts`): a publication's award
 * lists with each award's certificate (piagam) code, the piagam PDF, and the public
 * verification of a code (`{ valid: false }` for an unknown, altered or unreleased one).
 */
import { z } from 'zod';
import { CycleRef } from './cycles.ts';
import { PublicationStatus } from './publications.ts';
import { BandRef } from './scores.ts';
import { AWARD_KINDS } from './enums.ts';

export const AwardKind = z.enum(AWARD_KINDS);
export type AwardKind = z.infer<typeof AwardKind>;

/** The publication an award list or a certificate belongs to. */
export const PublicationRef = z.object({
  id: z.uuid(),
  cycle: CycleRef,
  scope: z.string(),
  scopeName: z.string(),
  version: z.number().int(),
  status: PublicationStatus,
  released: z.boolean(),
  publishedAt: z.string(),
});
export type PublicationRef = z.infer<typeof PublicationRef>;

export const AwardItem = z.object({
  kind: AwardKind,
  rank: z.number().int().nullable(),
  provinceCode: z.string().nullable(),
  provinceName: z.string().nullable(),
  delta: z.number().nullable(),
  body: z.object({ id: z.string(), code: z.string(), name: z.string(), type: z.string(), provinceCode: z.string().nullable() }),
  score: z.number(),
  band: BandRef,
  ranks: z.object({ national: z.number().int().nullable(), province: z.number().int().nullable() }),
  previousScore: z.number().nullable(),
  /** The certificate code, checked at /verifikasi/<code>. */
  code: z.string(),
  piagamUrl: z.string(),
  verifyUrl: z.string(),
});
export type AwardItem = z.infer<typeof AwardItem>;

/** `GET /publications/:publicationId/awards`: the lists and the rules they follow (from the methodology file). */
export const Awards = z.object({
  publication: PublicationRef,
  topBand: BandRef,
  rules: z.object({ topProvinceRank: z.number().int(), mostImprovedTopN: z.number().int(), assumption: z.string() }),
  items: z.array(AwardItem),
});
export type Awards = z.infer<typeof Awards>;

export const awardCode = z.string().min(1).max(40);
export const piagamParams = z.object({ publicationId: z.uuid(), code: awardCode });
export const verifyParams = z.object({ code: awardCode });

/** A verified award's kind: a government's, or (issue 18) a unit's best-in-sector. */
export const VerifiedAwardKind = z.enum([...AWARD_KINDS, 'top-sector']);
export type VerifiedAwardKind = z.infer<typeof VerifiedAwardKind>;

/** `GET /verify/:code`: a superseded version is still valid, marked, with the current one. */
export const Verification = z.union([
  z.object({
    valid: z.literal(true),
    code: z.string(),
    award: z.object({
      kind: VerifiedAwardKind,
      rank: z.number().int().nullable(),
      provinceCode: z.string().nullable(),
      provinceName: z.string().nullable(),
      delta: z.number().nullable(),
    }),
    body: z.object({
      id: z.string(),
      name: z.string(),
      type: z.string(),
      provinceCode: z.string().nullable(),
      provinceName: z.string().nullable(),
    }),
    score: z.number(),
    band: BandRef,
    publication: PublicationRef.extend({ contentHash: z.string() }),
    superseded: z.boolean(),
    current: z.object({ id: z.uuid(), version: z.number().int() }).nullable(),
    /** issue 18: a unit's award (then `body` is its government, score and band the unit's). */
    unit: z.object({ id: z.string(), name: z.string(), sector: z.string(), sectorName: z.string() }).nullable().optional(),
  }),
  z.object({ valid: z.literal(false) }),
]);
export type Verification = z.infer<typeof Verification>;
