/**
 * Wire shapes the public portal reads (`src/server/{registry,cycles,scores}/routes.ts` are the
 * source of truth). Engine shapes (bands, unit breakdowns) come from the core contract.
 * The public (anonymous) caller sees final cycles only; a signed-in user sees more, so the
 * portal asks for final cycles explicitly.
 */
import type { BandRef, BodyType, QualifierResult, Text, UnitScore } from '../../core/types.ts';

export type { BodyType };

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface BodyRef {
  id: string;
  code: string;
  name: string;
  type: string;
  provinceCode: string | null;
}

export interface UnitRef {
  id: string;
  name: string;
  sector: string;
}

export interface Province {
  code: string;
  name: string;
  bodyId: string;
}

export interface CycleRef {
  id: string;
  name: string;
  year: number;
  schemeId: string;
}

export interface CycleSummary extends CycleRef {
  family: string;
  status: string;
  source: 'computed' | 'imported';
  provinceCode: string | null;
  schemeTitle: Text;
  bodies: number;
  units: number;
  /** A released current publication exists (national or a province). */
  published: boolean;
}

export interface ScoreRef {
  score: number;
  band: BandRef;
  complete: boolean;
}

export interface RankPlace {
  group: string;
  rank: number;
  of: number;
  previousRank: number | null;
  /** Last cycle's rank − this cycle's rank: positive = moved up. */
  movement: number | null;
}

export interface RankingRow extends RankPlace {
  body: BodyRef;
  unit: UnitRef | null;
  score: number;
  band: BandRef;
  complete: boolean;
}

export interface Ranking {
  cycle: CycleRef & { status: string };
  group: string;
  previousCycle: CycleRef | null;
  items: RankingRow[];
  hidden: number;
}

export interface BodyResult {
  cycle: CycleRef & { status: string };
  body: BodyRef;
  status: 'open' | 'final';
  result: (ScoreRef & { raw: number; units: number; qualifiers: QualifierResult[]; source: string; computedAt: string }) | null;
  dimensions: { code: string; title: Text; weight: number; score: number }[];
  ranks: { nationalType: RankPlace | null; province: RankPlace | null };
  units: (UnitRef & { status: string; result: (ScoreRef & { dimensions: { code: string; score: number }[] }) | null })[];
}

export interface UnitResult {
  cycle: CycleRef;
  body: BodyRef;
  unit: UnitRef;
  status: string;
  result: UnitScore | null;
  computedAt: string | null;
}

export interface TrendItem {
  /** `published`: a released current publication covers this body (the public trend shows only those). */
  cycle: CycleRef & { family: string; status: string; published: boolean };
  score: number;
  band: BandRef;
  complete: boolean;
  source: string;
}

export interface Trend {
  body: BodyRef;
  items: TrendItem[];
}

export interface RegistryBody extends BodyRef {
  active: boolean;
}
