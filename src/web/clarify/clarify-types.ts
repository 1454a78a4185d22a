/**
 * Wire shapes of the clarification routes: the server's own view types (type-only imports of
 * `src/server/clarifications/`, the source of truth — nothing of the server is bundled), plus
 * what the route adds around them.
 */
import type { ChangeSnapshot } from '../../server/clarifications/change.ts';
import type {
  BodyClarification as BodyClarificationView,
  ChangeView,
  DisputeView,
  EvidenceItem,
  IndicatorInfo,
  WindowState,
  WindowView,
} from '../../server/clarifications/queries.ts';

export type { ChangeSnapshot, EvidenceItem, IndicatorInfo, WindowState };
export type ClarificationWindow = WindowView;
export type Dispute = DisputeView;
export type DisputeStatus = DisputeView['status'];
export type ChangeEntry = ChangeView;
export type ResultRef = NonNullable<BodyClarificationView['result']>;

/** GET /cycles/:cycleId/bodies/:bodyId/clarification */
export interface BodyClarification extends BodyClarificationView {
  cycle: { id: string; name: string; year: number; schemeId: string; status: string };
  scope: string;
}
