/**
 * Wire shapes of publications (`src/server/publications/routes.ts` and `snapshot.ts` are the
 * source of truth): the metadata of one version, and the immutable snapshot it froze. The web
 * app keeps its own copy of the shapes it reads instead of importing server modules.
 */
import type { BandRef, Text } from '../../core/types.ts';

export type PublicationStatus = 'current' | 'superseded';

export interface PublicationMeta {
  id: string;
  cycleId: string;
  cycle: { id: string; name: string; year: number; schemeId: string };
  /** 'national' or a province code. */
  scope: string;
  scopeName: string;
  version: number;
  status: PublicationStatus;
  publicAt: string;
  publishedAt: string;
  publishedBy: string | null;
  reason: string | null;
  supersedesId: string | null;
  supersededById: string | null;
  contentHash: string;
  schemeHash: string;
  /** The public sees it (publicAt has passed). */
  released: boolean;
  bodies: number;
}

export interface SnapshotRank {
  group: string;
  rank: number;
  of: number;
  previousRank: number | null;
  movement: number | null;
}

export interface SnapshotChange {
  unitId: string;
  indicator: string;
  source: string;
  reason: string;
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
  score: number;
  bandCode: string;
  complete: boolean;
  units: number;
  qualifiers: { code: string; applies: boolean }[];
  source: string;
  ranks: { nationalType: SnapshotRank | null; province: SnapshotRank | null };
  previous: { cycleId: string; year: number; score: number; bandCode: string } | null;
  changes: SnapshotChange[];
}

/** [code, value, n, weight, points, pointsLost, claimed?] */
export type StoredIndicator = [string, number | null, number, number, number, number, (number | null)?];
/** [code, points, pointsLost, indicators] */
export type StoredVariable = [string, number, number, StoredIndicator[]];
/** [code, score, points, pointsLost, variables] */
export type StoredDimension = [string, number, number, number, StoredVariable[]];

export interface SnapshotUnit {
  id: string;
  bodyId: string;
  name: string;
  sector: string;
  raw: number;
  score: number;
  bandCode: string;
  complete: boolean;
  breakdown: { dimensions?: StoredDimension[] } & Record<string, unknown>;
}

export interface PublicationSnapshot {
  format: 1;
  cycle: { id: string; name: string; year: number; schemeId: string; family: string; schemeHash: string };
  scope: string;
  version: number;
  publishedAt: string;
  publicAt: string;
  assumptions: { path: string; note: Text }[];
  bodies: SnapshotBody[];
  units: SnapshotUnit[];
}

export interface PublicationView {
  meta: PublicationMeta;
  snapshot: PublicationSnapshot;
  bands: BandRef[];
}

export interface PublishInput {
  scope: string;
  publicAt?: string;
}

export interface Correction {
  unitId: string;
  indicator: string;
  value: number;
}

export interface ErratumInput {
  reason: string;
  publicAt?: string;
  corrections?: Correction[];
}

/** The indicator value a unit had in a snapshot (mean over its sheets), or null when missing. */
export function snapshotIndicatorValue(unit: SnapshotUnit, indicator: string): number | null | undefined {
  for (const d of unit.breakdown.dimensions ?? []) {
    for (const v of d[4]) {
      for (const i of v[3]) if (i[0] === indicator) return i[1];
    }
  }
  return undefined;
}
