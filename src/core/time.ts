/**
 * Calendar arithmetic in a fixed UTC offset (WIB +07:00 = 420 minutes, WITA 480, WIT 540),
 * without the host's time zone or clock: every instant is an epoch-millisecond number or an
 * ISO 8601 string with an offset, every calendar date a "YYYY-MM-DD" string. Internal to the
 * engine (periods, clarification windows, fieldwork dates). Pure; no I/O.
 */
import { CoreError } from './errors.ts';
import type { Instant } from './types.ts';

export type { Instant };

export const MINUTE = 60_000;
export const DAY = 86_400_000;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Epoch milliseconds of an instant. @throws CoreError 'value.invalid_date'. */
export function toMs(value: Instant, what = 'instant'): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new CoreError('value.invalid_date', { value, what });
    return value;
  }
  if (typeof value !== 'string' || !ISO_INSTANT.test(value)) throw new CoreError('value.invalid_date', { value, what });
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new CoreError('value.invalid_date', { value, what });
  return ms;
}

export function checkOffset(offsetMinutes: number): number {
  if (!Number.isInteger(offsetMinutes) || offsetMinutes < -14 * 60 || offsetMinutes > 14 * 60) {
    throw new CoreError('value.invalid', {
      value: offsetMinutes,
      what: 'UTC offset in minutes',
      expected: 'a whole number from -840 to 840 (WIB = 420)',
    });
  }
  return offsetMinutes;
}

/** Local calendar fields of an instant at a UTC offset. */
export function localParts(ms: number, offsetMinutes: number): { year: number; month: number; day: number } {
  const d = new Date(ms + offsetMinutes * MINUTE);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The instant local midnight of year-month-day starts at the offset (month may overflow, as Date.UTC does). */
export function localMidnight(year: number, month: number, day: number, offsetMinutes: number): number {
  return Date.UTC(year, month - 1, day) - offsetMinutes * MINUTE;
}

/** "YYYY-MM-DD" → its fields. @throws CoreError 'value.invalid_date'. */
export function parseDate(value: string, what = 'date'): { year: number; month: number; day: number } {
  const m = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (m === null) throw new CoreError('value.invalid_date', { value, what });
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new CoreError('value.invalid_date', { value, what });
  }
  return { year, month, day };
}

/** Local calendar date "YYYY-MM-DD" of an instant at the offset. */
export function formatDate(ms: number, offsetMinutes: number): string {
  const { year, month, day } = localParts(ms, offsetMinutes);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
