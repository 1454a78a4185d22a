/**
 * Wire shapes the koordinator and operator screens read (`src/server/{registry,cycles,scores,
 * evidence}/routes.ts` are the source of truth). Engine shapes come from the core contract.
 */
import type { BandRef, Improvement, QualifierResult, Text, UnitScore } from '../../core/types.ts';

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

export interface RegistryBody extends BodyRef {
  active: boolean;
}

export interface RegistryUnit {
  id: string;
  bodyId: string;
  name: string;
  sector: string;
  active: boolean;
}

export type CycleStatus = 'planning' | 'fieldwork' | 'review' | 'final';

export interface CycleSummary {
  id: string;
  name: string;
  year: number;
  schemeId: string;
  family: string;
  status: CycleStatus;
  source: 'computed' | 'imported';
  schemeTitle: Text;
  bodies: number;
  units: number;
}

export interface CycleRef {
  id: string;
  name: string;
  year: number;
  schemeId: string;
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
  movement: number | null;
}

export interface BodyResult {
  cycle: CycleRef & { status: CycleStatus };
  body: BodyRef;
  status: 'open' | 'final';
  result: (ScoreRef & { raw: number; units: number; qualifiers: QualifierResult[]; source: string; computedAt: string }) | null;
  dimensions: { code: string; title: Text; weight: number; score: number }[];
  ranks: { nationalType: RankPlace | null; province: RankPlace | null };
  units: { id: string; name: string; sector: string; status: string; result: ScoreRef | null }[];
}

export interface UnitResult {
  cycle: CycleRef;
  body: BodyRef;
  unit: { id: string; name: string; sector: string };
  status: string;
  result: UnitScore | null;
  computedAt: string | null;
}

export type UnitImprovement = Improvement;
export type BodyImprovement = Improvement & { unit: { id: string; name: string; sector: string } };

export interface TrendItem {
  cycle: CycleRef & { family: string; status: CycleStatus };
  score: number;
  band: BandRef;
  complete: boolean;
  source: string;
}

export interface Evidence {
  id: string;
  sha256: string;
  size: number;
  mime: string;
  cycleId: string;
  unitId: string;
  recordId: string | null;
  indicator: string | null;
  filename: string;
  kind: string | null;
  createdAt: string;
}
