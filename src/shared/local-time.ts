/**
 * Issue 16: dates and times in the body's zone — WIB (UTC+7), WITA (UTC+8) or WIT (UTC+9) —
 * never ISO or UTC on screen, in PDFs, exports or error messages. A province code (Kemendagri,
 * "36", or a regency "36.01") decides the zone; without one (national, K/L) it is WIB, the
 * zone of the capital. Pure: Intl only, no I/O (the server, the CLI and the web share it).
 */
import { formatDate, parseDate } from '../core/time.ts';
import type { Lang } from '../core/types.ts';
import { WIB, WIT, WITA, type Zone } from './zones.ts';

// The zones themselves (which province is in which) are in zones.ts, which the web app's shell
// needs without these formatters (issue 14 §2); everything here re-exports them.
export { WIB, WIT, WITA, zoneOf, zoneOfTz, type Zone, type ZoneLabel } from './zones.ts';

const LOCALES: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };

function toDate(value: string | number | Date): Date {
  return value instanceof Date ? value : new Date(value);
}

/** "20 Desember 2026" in the zone (a bare "YYYY-MM-DD" is a calendar date: shown as written). */
export function localDate(value: string | number | Date, lang: Lang, zone: Zone = WIB): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    return new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(Date.UTC(y, m - 1, d)),
    );
  }
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return '—';
  return new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: zone.tz }).format(date);
}

/** "21 Desember 2026 00.00 WIB" (id) / "21 December 2026 00:00 WIB" (en). */
export function localDateTime(value: string | number | Date, lang: Lang, zone: Zone = WIB): string {
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return '—';
  const time = new Intl.DateTimeFormat(LOCALES[lang], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone.tz }).format(
    date,
  );
  return `${localDate(date, lang, zone)} ${time} ${zone.label}`;
}

/** A calendar date or an instant's day in both languages, for a message parameter ("20 Desember 2026"). */
export function localDateText(value: string | number | Date, zone: Zone = WIB): { id: string; en: string } {
  return { id: localDate(value, 'id', zone), en: localDate(value, 'en', zone) };
}

/** Both languages at once, for a message parameter (`localiseDetails` picks the caller's). */
export function localDateTimeText(value: string | number | Date, zone: Zone = WIB): { id: string; en: string } {
  return { id: localDateTime(value, 'id', zone), en: localDateTime(value, 'en', zone) };
}

/** The zone of a fixed UTC offset in minutes (a survey stores its body's): 480 WITA, 540 WIT, else WIB. */
export function zoneOfOffsetMinutes(offsetMinutes: number): Zone {
  return offsetMinutes === 540 ? WIT : offsetMinutes === 480 ? WITA : WIB;
}

/** The zone's fixed UTC offset in minutes (Indonesia keeps no daylight saving): WIB 420, WITA 480, WIT 540. */
export function zoneOffset(zone: Zone): number {
  return zone.label === 'WIT' ? 540 : zone.label === 'WITA' ? 480 : 420;
}

/**
 * The calendar day "YYYY-MM-DD" of an instant in a zone (WIB when none): 23.30 WIB on 20 December
 * is already 21 December in WITA and WIT. The one place the app turns an instant into a day.
 */
export function calendarDay(at: string | number | Date, zone: Zone = WIB): string {
  const ms = toDate(at).getTime();
  if (Number.isNaN(ms)) throw new RangeError(`calendarDay: not an instant: ${String(at)}`);
  return formatDate(ms, zoneOffset(zone));
}

/** The calendar day `days` after (or before, when negative) a "YYYY-MM-DD" day. */
export function addDays(day: string, days: number): string {
  const { year, month, day: d } = parseDate(day);
  return formatDate(Date.UTC(year, month - 1, d + days), 0);
}
