/**
 * Visit plans (issue 13 §5): the rules of a unit's own quota and of progress against a plan.
 * Pure; no I/O, no clock — callers pass the day in the unit's zone and "today".
 */
import type { Scheme } from './types.ts';

/**
 * Where a unit's quota of one instrument may be set, from the frozen scheme: its default
 * (`quota.target`, `quota.min`) and the range `quota.adjust`. null when the scheme has no such
 * instrument or allows no adjustment.
 */
export function quotaRange(
  scheme: Scheme,
  instrumentCode: string,
): { target: number; min: number; range: { min: number; max: number } } | null {
  const i = scheme.instruments.find((x) => x.code === instrumentCode);
  if (!i?.quota.adjust) return null;
  return { target: i.quota.target, min: Math.min(i.quota.min ?? i.quota.target, i.quota.target), range: i.quota.adjust };
}

/**
 * A unit's quota when the Perwakilan sets its target to `target`: the target as given and the
 * minimum for a complete unit the file's minimum, never above the new target (raising the target
 * asks for more sheets without moving the bar of completeness; lowering it lowers both).
 * `{ ok: false }` outside the scheme's range or for an instrument that allows no adjustment.
 */
export function adjustQuota(
  scheme: Scheme,
  instrumentCode: string,
  target: number,
): { ok: true; value: { target: number; min: number } } | { ok: false; range: { min: number; max: number } | null } {
  const r = quotaRange(scheme, instrumentCode);
  if (r === null) return { ok: false, range: null };
  if (!Number.isSafeInteger(target) || target < r.range.min || target > r.range.max) return { ok: false, range: r.range };
  return { ok: true, value: { target, min: Math.min(r.min, target) } };
}

/** What the server knows of one planned unit on one planned day. */
export interface PlannedUnitFacts {
  /** Local calendar days ("YYYY-MM-DD", the unit's zone) on which sheets of the unit were captured. */
  captureDays: readonly string[];
  /** The unit's review state in the cycle: anything but pending/returned counts as handed in. */
  status: 'pending' | 'submitted' | 'reviewed' | 'approved' | 'returned';
}

export type VisitState = 'visited' | 'planned' | 'missed';

/**
 * The rule shown on screen: a planned unit counts as visited when sheets of it were captured on
 * the planned day, or when it was handed in (submitted, reviewed by the team lead or approved);
 * otherwise it is planned until the day has passed, then missed. `today` is the local day.
 */
export function visitState(date: string, today: string, facts: PlannedUnitFacts): VisitState {
  if (facts.captureDays.includes(date)) return 'visited';
  if (facts.status === 'submitted' || facts.status === 'reviewed' || facts.status === 'approved') return 'visited';
  return date < today ? 'missed' : 'planned';
}
