/**
 * Recognition on the wire (issue 18, `src/server/recognition/routes.ts`): a publication's unit
 * award lists with each award's certificate code (verified at the same `/verify/:code` as the
 * governments' piagam), the hand-over (date and place of the award night, entered by the
 * Perwakilan), a government's facts box and press-release draft (Indonesian and English, edited
 * by its koordinator before download), and the award-night pack (a background job).
 * Everything is computed from the publication's snapshot, never from live results.
 */
import { z } from 'zod';
import { Lang } from './common.ts';
import { PublicationRef } from './awards.ts';
import { BandRef } from './scores.ts';

export const UNIT_AWARD_KINDS = ['top-band', 'top-sector', 'most-improved'] as const;
export const UnitAwardKind = z.enum(UNIT_AWARD_KINDS);
export type UnitAwardKind = z.infer<typeof UnitAwardKind>;

export const UnitAwardItem = z.object({
  kind: UnitAwardKind,
  /** top-sector: rank in the sector in the province; most-improved: rank by increase; top-band: null. */
  rank: z.number().int().nullable(),
  /** most-improved: score − previous score. */
  delta: z.number().nullable(),
  unit: z.object({ id: z.string(), name: z.string(), sector: z.string(), sectorName: z.string() }),
  body: z.object({ id: z.string(), name: z.string(), type: z.string(), provinceCode: z.string().nullable() }),
  provinceName: z.string().nullable(),
  score: z.number(),
  band: BandRef,
  previousScore: z.number().nullable(),
  code: z.string(),
  piagamUrl: z.string(),
  verifyUrl: z.string(),
});
export type UnitAwardItem = z.infer<typeof UnitAwardItem>;

/** `GET /publications/:publicationId/unit-awards`: the lists and the rules they follow (library file). */
export const UnitAwards = z.object({
  publication: PublicationRef,
  topBand: BandRef,
  rules: z.object({ topBand: z.boolean(), topPerSector: z.number().int(), mostImproved: z.number().int(), assumption: z.string() }),
  items: z.array(UnitAwardItem),
});
export type UnitAwards = z.infer<typeof UnitAwards>;

// ── Hand-over (award night) ─────────────────────────────────────────────────────────────────

export const HANDOVER_PLACE_MAX = 200;
export const HandoverIn = z.object({
  /** Local calendar date of the hand-over, YYYY-MM-DD. */
  date: z.iso.date(),
  place: z.string().trim().min(2).max(HANDOVER_PLACE_MAX),
});
export type HandoverIn = z.infer<typeof HandoverIn>;
export const Handover = z.object({ date: z.string().nullable(), place: z.string().nullable(), updatedAt: z.string().nullable() });
export type Handover = z.infer<typeof Handover>;

// ── Facts box and press release ─────────────────────────────────────────────────────────────

const RankFact = z.object({
  rank: z.number().int(),
  of: z.number().int(),
  previousRank: z.number().int().nullable(),
  /** previous rank − rank (positive = moved up). */
  movement: z.number().int().nullable(),
});

export const ReleaseFacts = z.object({
  publication: z.object({ id: z.uuid(), version: z.number().int(), cycleName: z.string(), year: z.number().int() }),
  body: z.object({
    id: z.string(),
    name: z.string(),
    type: z.string(),
    provinceCode: z.string().nullable(),
    provinceName: z.string().nullable(),
  }),
  score: z.number(),
  band: BandRef,
  complete: z.boolean(),
  /** Rank among the kabupaten/kota of the province ("dari N kabupaten/kota"). */
  provinceRank: RankFact.nullable(),
  /**
   * Rank among the governments of the same type nationally: from this snapshot when it is the
   * national one, else from the cycle's released national publication (`publicationId`).
   */
  nationalRank: RankFact.extend({ publicationId: z.uuid() }).nullable(),
  previous: z.object({ year: z.number().int(), score: z.number(), bandCode: z.string(), delta: z.number() }).nullable(),
  units: z.array(z.object({ id: z.string(), name: z.string(), sectorName: z.string(), score: z.number(), band: BandRef })),
  /** The awards of the government and of its units in this publication. */
  awards: z.array(z.object({ subject: z.string(), text: z.string() })),
  handover: Handover,
});
export type ReleaseFacts = z.infer<typeof ReleaseFacts>;

export const RELEASE_TEXT_MAX = 20_000;
export const ReleaseQuery = z.object({ lang: Lang.default('id') });
export const Release = z.object({
  lang: Lang,
  /** The text to download: the koordinator's edited draft, else the generated one. */
  text: z.string(),
  /** The text generated from the snapshot now. */
  generated: z.string(),
  edited: z.boolean(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  facts: ReleaseFacts,
});
export type Release = z.infer<typeof Release>;
export const ReleaseIn = z.object({ lang: Lang, text: z.string().trim().min(1).max(RELEASE_TEXT_MAX) });
export type ReleaseIn = z.infer<typeof ReleaseIn>;

// ── Award-night pack ────────────────────────────────────────────────────────────────────────

/** `POST /publications/:publicationId/award-night-pack` (202 Job). */
export const AwardNightPackIn = z.object({ lang: Lang.default('id') });
export type AwardNightPackIn = z.infer<typeof AwardNightPackIn>;

export const unitAwardParams = z.object({ publicationId: z.uuid(), code: z.string().min(1).max(40) });
