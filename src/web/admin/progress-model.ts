/** Totals over a cycle's locus progress (per body → per unit), for the summary tiles. Pure. */
import { calendarDay, zoneOf } from '../../shared/local-time.ts';
import type { BodyProgress } from '../../shared/wire/locus.ts';

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
  /** Units whose due date lies before today (in their body's zone, as the asisten sees it) and are not complete. */
  overdue: number;
}

/**
 * `now` is an instant: a locus spans WIB, WITA and WIT, so "today" is each body's own calendar day
 * (its province's zone, as the unit workspace and the asisten's visit panel count it), never the
 * device's — at 23.30 WIB a WITA unit due that day is already overdue.
 */
export function summariseProgress(bodies: readonly BodyProgress[], now: Date): ProgressTotals {
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
    const today = calendarDay(now, zoneOf(b.provinceCode));
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
