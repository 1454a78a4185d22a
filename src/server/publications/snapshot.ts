// The published snapshot: everything a published result consists of, frozen as JSON in
// `publications.snapshot` and hashed (sha256 of canonicalJson) into `publications.content_hash`.
// Shared contract of publications (builder, permanent URL, errata), awards and certificates
// (verification against it), open data and report packs (rendered from it).
//
// Texts (indicator titles, band labels) are NOT repeated here: they come from the cycle's frozen
// scheme, whose hash is `schemeHash` (the cycle row keeps the scheme and can never change).
import type { StoredUnitScore } from '../scores/breakdown.ts';

export interface SnapshotRank {
  /** e.g. 'national:kabupaten', 'province:36' */
  group: string;
  rank: number;
  of: number;
  previousRank: number | null;
  movement: number | null;
}

export interface SnapshotChange {
  unitId: string;
  indicator: string;
  /** 'dispute' | 'correction' */
  source: string;
  reason: string;
  /** Indicator value (mean over the unit's sheets) before and after, and the unit score. */
  before: { value: number | null; unitScore: number | null };
  after: { value: number | null; unitScore: number | null };
  changedAt: string;
  changedBy: string | null;
}

export interface SnapshotBody {
  id: string;
  code: string;
  name: string;
  type: string;
  provinceCode: string | null;
  raw: number;
  /** round2(raw): the published, ranked number. */
  score: number;
  bandCode: string;
  complete: boolean;
  units: number;
  /** QualifierResult[] of the engine (e.g. 2025 "Tanpa Maladministrasi"). */
  qualifiers: { code: string; applies: boolean }[];
  source: string;
  ranks: { nationalType: SnapshotRank | null; province: SnapshotRank | null };
  /** The same body's published score in the previous cycle of the family, if any. */
  previous: { cycleId: string; year: number; score: number; bandCode: string } | null;
  /** The change log: answers changed after review and before this version. */
  changes: SnapshotChange[];
}

export interface SnapshotUnit {
  id: string;
  bodyId: string;
  name: string;
  sector: string;
  raw: number;
  score: number;
  bandCode: string;
  complete: boolean;
  /** The stored engine breakdown (scores/breakdown.ts; expand with the frozen scheme). */
  breakdown: StoredUnitScore;
}

export interface PublicationSnapshot {
  format: 1;
  cycle: { id: string; name: string; year: number; schemeId: string; family: string; schemeHash: string };
  /** 'national' or a province code. */
  scope: string;
  version: number;
  publishedAt: string;
  publicAt: string;
  /** The scheme's assumptions in force (texts id/en), shown wherever a published number is. */
  assumptions: { path: string; note: { id: string; en: string } }[];
  bodies: SnapshotBody[];
  units: SnapshotUnit[];
}
