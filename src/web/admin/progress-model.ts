import type { BodyProgress } from '../../shared/wire/locus.ts';
/** Totals over a cycle's locus progress (per body → per unit), for the summary tiles. Pure. */

export interface ProgressTotals {
  bodies: number;
  bodiesFinal: number;
  units: number;
  unitsAssigned: number;
  unitsComplete: number;
  unitsApproved: number;
  /** Records done and required across all instruments and units. */
  done: number;
  target: number;
  /** Units whose due date lies before `today` and are not complete. */
  overdue: number;
}

export function summariseProgress(bodies: readonly BodyProgress[], today: string): ProgressTotals {
  const totals: ProgressTotals = {
    bodies: bodies.length,
    bodiesFinal: 0,
    units: 0,
    unitsAssigned: 0,
    unitsComplete: 0,
    unitsApproved: 0,
    done: 0,
    target: 0,
    overdue: 0,
  };
  for (const b of bodies) {
    if (b.status === 'final') totals.bodiesFinal++;
    totals.unitsApproved += b.unitsApproved;
    for (const u of b.units) {
      totals.units++;
      if (u.assessor) totals.unitsAssigned++;
      if (u.complete) totals.unitsComplete++;
      if (u.dueDate && u.dueDate < today && !u.complete) totals.overdue++;
      // Done beyond the quota does not make up for another instrument's shortfall.
      for (const i of u.instruments) {
        totals.done += Math.min(i.done, i.target);
        totals.target += i.target;
      }
    }
  }
  return totals;
}

/** Local calendar date "YYYY-MM-DD". */
export function todayIso(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
