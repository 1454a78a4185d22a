/**
 * Deadlines in the browser's time zone: the time left before one (countdowns), and the
 * `<input type="datetime-local">` value ↔ ISO instant conversion of deadline pickers. Pure.
 */

/** Days, hours and minutes left until `deadline` (all zero once it has passed). */
export function timeLeft(deadline: string | Date, now: Date = new Date()): { past: boolean; days: number; hours: number; minutes: number } {
  const ms = new Date(deadline).getTime() - now.getTime();
  if (!(ms > 0)) return { past: true, days: 0, hours: 0, minutes: 0 };
  const minutesTotal = Math.ceil(ms / 60_000);
  return { past: false, days: Math.floor(minutesTotal / 1440), hours: Math.floor((minutesTotal % 1440) / 60), minutes: minutesTotal % 60 };
}

/**
 * A Date as the value of an <input type="datetime-local"> (local time, minutes). issue 16: with
 * `offsetMinutes` (WIB 420, WITA 480, WIT 540: `zoneOffset(zoneOf(province))`) the body's zone, not the browser's.
 */
export function toLocalInput(date: Date, offsetMinutes?: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  if (offsetMinutes !== undefined) {
    const d = new Date(date.getTime() + offsetMinutes * 60_000);
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  }
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The value of a datetime-local input as an ISO instant, or null when empty or invalid. */
export function fromLocalInput(value: string, offsetMinutes?: number): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  if (offsetMinutes !== undefined) {
    // issue 16: the value is a wall-clock time in the body's zone.
    const utc = new Date(`${value.slice(0, 16)}:00Z`);
    return Number.isNaN(utc.getTime()) ? null : new Date(utc.getTime() - offsetMinutes * 60_000).toISOString();
  }
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
