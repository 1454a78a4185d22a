/**
 * Wire shapes of publications: the metadata of one version (mirrors `PublicationMeta` of
 * `src/server/publications/queries.ts`) and the immutable snapshot it froze, whose types are
 * imported from the server's contract `src/server/publications/snapshot.ts`.
 */
import type { BandRef } from '../../core/types.ts';

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

// The snapshot's shape is the server's own contract (type-only: nothing of the server is bundled).
import type { PublicationSnapshot, SnapshotUnit } from '../../server/publications/snapshot.ts';
export type {
  PublicationSnapshot,
  SnapshotBody,
  SnapshotChange,
  SnapshotRank,
  SnapshotUnit,
} from '../../server/publications/snapshot.ts';

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
