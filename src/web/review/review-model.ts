/** Which cycles the head of office works in. Pure. */
import type { CycleSummary } from '../../shared/wire/cycles.ts';

/** Cycles a reviewer works in (fieldwork or review), newest first. */
export const openCycles = (cycles: CycleSummary[]): CycleSummary[] =>
  cycles.filter((c) => c.status === 'fieldwork' || c.status === 'review');

/**
 * How a reviewer names a sheet (issue 16's rule: names, not ids): its respondent label if the
 * assessor gave one, and its number among the unit's sheets of the same instrument in the order
 * the sheets tab lists them (capture order). Pure.
 */
export interface SheetName {
  respondent: string | null;
  /** 1-based position among the unit's sheets of that instrument. */
  number: number;
}
export function sheetNames(
  records: ReadonlyArray<{ id: string; instrument: string; respondent: string | null; capturedAt: string }>,
): Map<string, SheetName> {
  const ordered = [...records].sort((a, b) =>
    a.capturedAt < b.capturedAt ? -1 : a.capturedAt > b.capturedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  const counts = new Map<string, number>();
  const out = new Map<string, SheetName>();
  for (const r of ordered) {
    const n = (counts.get(r.instrument) ?? 0) + 1;
    counts.set(r.instrument, n);
    const label = r.respondent?.trim();
    out.set(r.id, { respondent: label ? label : null, number: n });
  }
  return out;
}
