/**
 * Wire shapes of the clarification routes (`src/server/clarifications/routes.ts` is the source
 * of truth).
 */
import type { Text } from '../../core/types.ts';

export type WindowState = 'open' | 'closed';
export type DisputeStatus = 'open' | 'accepted' | 'rejected' | 'closed';

export interface ClarificationWindow {
  id: string;
  cycleId: string;
  /** A province code, or 'pusat'. */
  scope: string;
  openedAt: string;
  openedBy: string | null;
  deadline: string;
  closedAt: string | null;
  note: string | null;
  state: WindowState;
  disputes: { open: number; accepted: number; rejected: number };
}

export interface EvidenceItem {
  sha256: string;
  filename: string;
  mime: string;
  size: number;
}

export interface ChangeSnapshot {
  answers: Record<string, number | null>;
  value: number | null;
  unitScore: number | null;
  bodyScore: number | null;
}

export interface IndicatorInfo {
  code: string;
  text: Text;
  guidance: Text | null;
  min: number;
  max: number;
  levels: { value: number; descriptor: Text }[];
}

export interface Dispute {
  id: string;
  windowId: string;
  cycleId: string;
  bodyId: string;
  bodyName: string;
  unitId: string;
  unitName: string;
  indicator: IndicatorInfo;
  statement: string;
  evidence: EvidenceItem[];
  status: DisputeStatus;
  createdBy: string | null;
  createdAt: string;
  resolvedBy: string | null;
  resolvedAt: string | null;
  resolution: string | null;
  current: { value: number | null; answers: { recordId: string; instrument: string; respondent: string | null; value: number | null }[] };
  change: { before: ChangeSnapshot; after: ChangeSnapshot } | null;
}

export interface ChangeEntry {
  id: string;
  unitId: string;
  unitName: string;
  indicator: string;
  indicatorText: Text;
  source: string;
  disputeId: string | null;
  before: ChangeSnapshot;
  after: ChangeSnapshot;
  reason: string;
  changedBy: string | null;
  changedAt: string;
}

export interface ResultRef {
  score: number;
  bandCode: string;
  complete: boolean;
}

export interface BodyClarification {
  cycle: { id: string; name: string; year: number; schemeId: string; status: string };
  scope: string;
  window: ClarificationWindow | null;
  body: { id: string; code: string; name: string; type: string; provinceCode: string | null };
  result: ResultRef | null;
  units: { id: string; name: string; sector: string; status: string; result: ResultRef | null }[];
  disputes: Dispute[];
  changes: ChangeEntry[];
}
