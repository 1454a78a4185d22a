import { describe, expect, it } from 'vitest';
import { addDays, calendarDay, WIB, WIT, WITA } from './local-time.ts';

describe('calendarDay', () => {
  // 20 December 2026 23.30 WIB = 16.30 UTC = 00.30 WITA / 01.30 WIT on the 21st.
  const lateWib = '2026-12-20T23:30:00+07:00';

  it('is the day of the instant in the zone, not in UTC or the host', () => {
    expect(calendarDay(lateWib, WIB)).toBe('2026-12-20');
    expect(calendarDay(lateWib, WITA)).toBe('2026-12-21');
    expect(calendarDay(lateWib, WIT)).toBe('2026-12-21');
  });

  it('turns at local midnight in each zone', () => {
    expect(calendarDay('2026-12-20T16:59:59.999Z', WIB)).toBe('2026-12-20');
    expect(calendarDay('2026-12-20T17:00:00Z', WIB)).toBe('2026-12-21');
    expect(calendarDay('2026-12-20T15:59:59.999Z', WITA)).toBe('2026-12-20');
    expect(calendarDay('2026-12-20T16:00:00Z', WITA)).toBe('2026-12-21');
    expect(calendarDay('2026-12-20T14:59:59.999Z', WIT)).toBe('2026-12-20');
    expect(calendarDay('2026-12-20T15:00:00Z', WIT)).toBe('2026-12-21');
  });

  it('takes a Date, epoch milliseconds or an ISO string alike, WIB by default', () => {
    const ms = Date.parse(lateWib);
    expect(calendarDay(new Date(ms))).toBe('2026-12-20');
    expect(calendarDay(ms, WITA)).toBe('2026-12-21');
    // 06.30 WIB on New Year's Day, still 31 December in UTC.
    expect(calendarDay('2026-12-31T23:30:00Z')).toBe('2027-01-01');
  });

  it('refuses what is not an instant', () => {
    expect(() => calendarDay('not a date')).toThrow(RangeError);
  });
});

describe('addDays', () => {
  it('moves across month, year and leap-day boundaries', () => {
    expect(addDays('2026-12-20', 90)).toBe('2027-03-20');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2026-12-20', 0)).toBe('2026-12-20');
  });

  it('refuses a day that is not a calendar date', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow();
  });
});
