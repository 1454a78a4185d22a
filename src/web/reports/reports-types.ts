// Wire shapes of the report, award and verification routes (src/server/reports/routes.ts,
// src/server/awards/routes.ts).
import type { BandRef } from '../../core/types.ts';

export type AwardKind = 'kualitas-tertinggi' | 'top-province' | 'most-improved';
export const awardKinds: readonly AwardKind[] = ['kualitas-tertinggi', 'top-province', 'most-improved'];

export interface PublicationRef {
  id: string;
  cycle: { id: string; name: string; year: number; schemeId: string };
  scope: string;
  scopeName: string;
  version: number;
  status: 'current' | 'superseded';
  released: boolean;
  publishedAt: string;
}

export type VerifyResult =
  | {
      valid: true;
      code: string;
      award: { kind: AwardKind; rank: number | null; provinceCode: string | null; provinceName: string | null; delta: number | null };
      body: { id: string; name: string; type: string; provinceCode: string | null; provinceName: string | null };
      score: number;
      band: BandRef;
      publication: PublicationRef & { contentHash: string };
      superseded: boolean;
      current: { id: string; version: number } | null;
    }
  | { valid: false };

export interface AwardItem {
  kind: AwardKind;
  rank: number | null;
  provinceCode: string | null;
  provinceName: string | null;
  delta: number | null;
  body: { id: string; code: string; name: string; type: string; provinceCode: string | null };
  score: number;
  band: BandRef;
  ranks: { national: number | null; province: number | null };
  previousScore: number | null;
  code: string;
  piagamUrl: string;
  verifyUrl: string;
}

export interface AwardsResponse {
  publication: PublicationRef;
  topBand: BandRef;
  rules: { topProvinceRank: number; mostImprovedTopN: number; assumption: string };
  items: AwardItem[];
}
