/**
 * Follow-up actions (issue 12): the one action model shared by findings of an assessment and
 * the SKM follow-up plan. Status machine, overdue / due-soon computed against the local calendar
 * date of the body's time zone, and that zone from the province code. Pure; no I/O.
 */
import { DAY, formatDate, parseDate } from './time.ts';

/** planned → in_progress → done → verified (the koordinator verifies; a refusal sends done back to in_progress). */
export const ACTION_STATUSES = ['planned', 'in_progress', 'done', 'verified'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Where an action comes from: a finding of an assessment, an SKM unsur, or written by hand. */
export const ACTION_SOURCES = ['finding', 'skm', 'manual'] as const;
export type ActionSource = (typeof ACTION_SOURCES)[number];

/** How an open action stands against its due date. */
export const ACTION_TIMINGS = ['on_track', 'due_soon', 'overdue', 'closed'] as const;
export type ActionTiming = (typeof ACTION_TIMINGS)[number];

/** An open action is "due soon" this many days or fewer before its due date. */
export const DUE_SOON_DAYS = 14;

/** Status moves the unit reports (progress); verification is a separate, koordinator's step. */
const reportMoves: Record<ActionStatus, readonly ActionStatus[]> = {
  planned: ['planned', 'in_progress', 'done'],
  in_progress: ['in_progress', 'done'],
  done: ['done'],
  verified: [],
};

/** May a progress report move the action from `from` to `to`? (Same status = a note only.) Verified actions are closed. */
export function mayReport(from: ActionStatus, to: ActionStatus): boolean {
  return reportMoves[from].includes(to);
}

/** The status after the koordinator's verification: accepted → verified, refused → back to in_progress. Only a done action is verified. */
export function verifiedStatus(from: ActionStatus, accepted: boolean): ActionStatus | null {
  if (from !== 'done') return null;
  return accepted ? 'verified' : 'in_progress';
}

/**
 * Overdue / due soon / on track of an action on `today` (local "YYYY-MM-DD" in the body's zone):
 * done and verified actions are closed; an open action is overdue the day after its due date.
 */
export function actionTiming(dueDate: string, status: ActionStatus, today: string): { timing: ActionTiming; daysLeft: number } {
  const due = parseDate(dueDate, 'dueDate');
  const now = parseDate(today, 'today');
  const daysLeft = Math.round((Date.UTC(due.year, due.month - 1, due.day) - Date.UTC(now.year, now.month - 1, now.day)) / DAY);
  if (status === 'done' || status === 'verified') return { timing: 'closed', daysLeft };
  if (daysLeft < 0) return { timing: 'overdue', daysLeft };
  if (daysLeft <= DUE_SOON_DAYS) return { timing: 'due_soon', daysLeft };
  return { timing: 'on_track', daysLeft };
}

/** Provinces on WITA (UTC+8): Bali, Nusa Tenggara, South/East/North Kalimantan, all of Sulawesi. */
export const WITA_PROVINCES: readonly string[] = ['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76'];
const WITA = new Set(WITA_PROVINCES);
/** Provinces on WIT (UTC+9): Maluku, North Maluku and Papua. */
export const WIT_PROVINCES: readonly string[] = ['81', '82', '91', '92', '93', '94', '95', '96', '97'];
const WIT = new Set(WIT_PROVINCES);

/** The UTC offset in minutes of a province (WIB 420, WITA 480, WIT 540); bodies without a province (pusat) use WIB. */
export function provinceOffsetMinutes(provinceCode: string | null | undefined): number {
  if (provinceCode && WIT.has(provinceCode)) return 540;
  if (provinceCode && WITA.has(provinceCode)) return 480;
  return 420;
}

/** Today's local date "YYYY-MM-DD" in a province's zone. */
export function localToday(provinceCode: string | null | undefined, nowMs: number): string {
  return formatDate(nowMs, provinceOffsetMinutes(provinceCode));
}
