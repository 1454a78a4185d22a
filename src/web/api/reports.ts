/**
 * Rapor (report card) PDFs (`src/shared/wire/reports.ts`): the addresses of a government's or a
 * unit's live rapor (SEMENTARA until a released publication covers it) and of a published one.
 * Plain links, no query library: public pages offer them without growing their JavaScript.
 * Report packs (a background job) are in `reports-writes.ts`.
 */
import type { Lang } from '../../shared/wire/common.ts';
import { API_BASE } from '../lib/api.ts';

export type RaporTarget =
  | { cycleId: string; bodyId: string }
  | { cycleId: string; unitId: string }
  | { publicationId: string; bodyId: string };

export function raporHref(target: RaporTarget, lang: Lang): string {
  if ('publicationId' in target) return `${API_BASE}/publications/${target.publicationId}/bodies/${target.bodyId}/rapor.pdf?lang=${lang}`;
  if ('unitId' in target) return `${API_BASE}/cycles/${target.cycleId}/units/${target.unitId}/rapor.pdf?lang=${lang}`;
  return `${API_BASE}/cycles/${target.cycleId}/bodies/${target.bodyId}/rapor.pdf?lang=${lang}`;
}
