/**
 * The operator's survey screens, pure parts (issue 11): a survey's state against the clock,
 * the set-up form's values ↔ the wire's `SurveyIn`, the live minimum sample from the engine's
 * Krejcie–Morgan function (`sampleSize`, constants from the library file's `sampling`), and the
 * form's problems from the wire schema itself.
 */
import { sampleSize } from '../../core/sample-size.ts';
import { periodBounds } from '../../core/survey.ts';
import type { PeriodKind, Sampling } from '../../core/types.ts';
import { PERIOD_KINDS, type Survey, SurveyIn } from '../../shared/wire/surveys.ts';
import { type FieldProblem, fieldProblems } from '../lib/form-schema.ts';

export type SurveyState = 'upcoming' | 'open' | 'closed';

/** Badge colours of the states (text stays in the text colour for contrast). */
export const STATE_COLOR: Record<SurveyState, string> = { open: 'green', upcoming: 'blue', closed: 'gray' };

export function surveyState(s: Pick<Survey, 'opensAt' | 'closesAt'>, now: Date = new Date()): SurveyState {
  const t = now.getTime();
  if (t < new Date(s.opensAt).getTime()) return 'upcoming';
  if (t < new Date(s.closesAt).getTime()) return 'open';
  return 'closed';
}

/** How many periods of a kind a year has (month 12, quarter 4, semester 2, year 1). */
export const PERIODS_PER_YEAR: Record<PeriodKind, number> = { month: 12, quarter: 4, semester: 2, year: 1 };
export { PERIOD_KINDS };

export interface SetupValues {
  unitId: string;
  periodKind: PeriodKind;
  year: number | string;
  index: string;
  /** One service per line. */
  services: string;
  expectedUsers: number | string;
  /** Local calendar dates "YYYY-MM-DD" in the body's zone. */
  opensOn: string;
  closesOn: string;
}

/** "+07:00" for WIB (420). */
export function offsetSuffix(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const m = Math.abs(offsetMinutes);
  return `${sign}${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The form's values as the request: opens at local 00:00 of its day, closes at 23:59 of its day. */
export function toSurveyIn(v: SetupValues, offsetMinutes: number): SurveyIn {
  const zone = offsetSuffix(offsetMinutes);
  return {
    kind: 'skm',
    periodKind: v.periodKind,
    year: typeof v.year === 'number' ? v.year : Number.NaN,
    index: v.periodKind === 'year' ? 1 : Number(v.index),
    services: v.services
      .split('\n')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
    expectedUsers: typeof v.expectedUsers === 'number' ? v.expectedUsers : Number.NaN,
    opensAt: DATE.test(v.opensOn) ? `${v.opensOn}T00:00:00${zone}` : '',
    closesAt: DATE.test(v.closesOn) ? `${v.closesOn}T23:59:00${zone}` : '',
  };
}

export type SetupProblem = FieldProblem | 'dates_order';

/** The first problem per field under the wire's `SurveyIn`, and the closing day before the opening day. */
export function setupProblems(v: SetupValues, offsetMinutes: number): Partial<Record<keyof SurveyIn, SetupProblem>> {
  const input = toSurveyIn(v, offsetMinutes);
  const out: Partial<Record<keyof SurveyIn, SetupProblem>> = fieldProblems(SurveyIn, input as unknown as Record<string, unknown>);
  if (!out.opensAt && !out.closesAt && v.closesOn < v.opensOn) out.closesAt = 'dates_order';
  return out;
}

/** The minimum sample for `expected` users (null while the number is not a positive whole number). */
export function minimumSample(sampling: Sampling | null | undefined, expected: number | string): number | null {
  if (!sampling || typeof expected !== 'number' || !Number.isSafeInteger(expected) || expected < 1) return null;
  return sampleSize(sampling, expected);
}

/** The period's first and last local days (the default open and close dates). */
export function periodDays(
  kind: PeriodKind,
  year: number | string,
  index: string,
  offsetMinutes: number,
): { first: string; last: string } | null {
  const y = typeof year === 'number' ? year : Number.NaN;
  const i = kind === 'year' ? 1 : Number(index);
  if (!Number.isInteger(y) || y < 2000 || y > 2100 || !Number.isInteger(i) || i < 1 || i > PERIODS_PER_YEAR[kind]) return null;
  const p = periodBounds(kind, y, i, offsetMinutes);
  return { first: p.firstDay, last: p.lastDay };
}

/** The IANA zone of a survey's offset (for date-times on screen in the body's zone). */
export function zoneOfOffset(offsetMinutes: number): { tz: string; label: string } {
  if (offsetMinutes === 540) return { tz: 'Asia/Jayapura', label: 'WIT' };
  if (offsetMinutes === 480) return { tz: 'Asia/Makassar', label: 'WITA' };
  return { tz: 'Asia/Jakarta', label: 'WIB' };
}
