/**
 * The one place the web app turns numbers and dates into text: id-ID ("95,31", "4 Desember
 * 2024") or English ("95.31", "4 December 2024"). Components use `useFormat()`; plain
 * functions take the language explicitly. No rounding rule lives here: published scores are
 * already rounded by the engine (half away from zero, 2 dp); `score` only fixes the digits.
 */
import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { type Zone, zoneOf, zoneOfTz } from '../../shared/zones.ts';

export type Lang = 'id' | 'en';

/** BCP 47 locale per UI language; en-GB keeps the day-month-year order of Indonesian dates. */
export const LOCALES: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };

export interface FormatOptions {
  /**
   * IANA time zone for date-times (Asia/Jakarta, Asia/Makassar, Asia/Jayapura); default WIB
   * (Asia/Jakarta), never the browser's (issue 16: the body's zone, not UTC). Dates (YYYY-MM-DD) ignore it.
   */
  timeZone?: string;
}

const numberCache = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const cacheKey = `${lang}|${key}`;
  let f = numberCache.get(cacheKey);
  if (!f) {
    f = new Intl.NumberFormat(LOCALES[lang], options);
    numberCache.set(cacheKey, f);
  }
  return f;
}

/** Avoid "-0,00": a value that shows as zero is zero. */
function unsignedZero(value: number, digits: number): number {
  return Math.abs(value) < 0.5 * 10 ** -digits ? 0 : value;
}

/** A score with exactly two decimals: 95.31 → "95,31" (id) / "95.31" (en). */
export function formatScore(value: number, lang: Lang): string {
  return numberFormat(lang, 'score', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(unsignedZero(value, 2));
}

/** A whole number with grouping: 12345 → "12.345" (id) / "12,345" (en). */
export function formatInteger(value: number, lang: Lang): string {
  return numberFormat(lang, 'integer', { maximumFractionDigits: 0 }).format(unsignedZero(value, 0));
}

/** A number with up to `digits` decimals (means of answers, weights): 21.85 → "21,85". */
export function formatDecimal(value: number, lang: Lang, digits = 2): string {
  return numberFormat(lang, `decimal${digits}`, { maximumFractionDigits: digits }).format(unsignedZero(value, digits));
}

/** A percentage given on the 0–100 scale (engine percentages, weights): 95.3 → "95,3%". */
export function formatPercent(value: number, lang: Lang, digits = 1): string {
  return numberFormat(lang, `percent${digits}`, { style: 'percent', maximumFractionDigits: digits }).format(
    unsignedZero(value, digits + 2) / 100,
  );
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

function toDate(value: string | Date): { date: Date; dateOnly: boolean } {
  if (value instanceof Date) return { date: value, dateOnly: false };
  const m = DATE_ONLY.exec(value);
  // A calendar date has no time zone: show the same day everywhere.
  if (m) return { date: new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))), dateOnly: true };
  return { date: new Date(value), dateOnly: false };
}

/** A calendar date: "2024-12-04" → "4 Desember 2024" (id) / "4 December 2024" (en). */
export function formatDate(value: string | Date, lang: Lang, options: FormatOptions = {}): string {
  const { date, dateOnly } = toDate(value);
  if (Number.isNaN(date.getTime())) return '—';
  return new Intl.DateTimeFormat(LOCALES[lang], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: dateOnly ? 'UTC' : zoneOfTz(options.timeZone).tz,
  }).format(date);
}

/** A moment: "4 Desember 2024 14.30" (id) / "4 December 2024 14:30" (en). */
export function formatDateTime(value: string | Date, lang: Lang, options: FormatOptions = {}): string {
  const { date } = toDate(value);
  if (Number.isNaN(date.getTime())) return '—';
  const locale = LOCALES[lang];
  // Indonesia spans three zones: "14.30 WIB" / "15.30 WITA" / "16.30 WIT" (an embargo's hour matters).
  const zone = zoneOfTz(options.timeZone);
  const day = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: zone.tz,
  }).format(date);
  const time = new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: zone.tz,
  }).format(date);
  return `${day} ${time} ${zone.label}`;
}

export function toLang(value: string | undefined | null): Lang {
  return value?.toLowerCase().startsWith('en') ? 'en' : 'id';
}

export interface Formatter {
  lang: Lang;
  score: (value: number) => string;
  integer: (value: number) => string;
  decimal: (value: number, digits?: number) => string;
  percent: (value: number, digits?: number) => string;
  date: (value: string | Date) => string;
  dateTime: (value: string | Date) => string;
}

export function createFormatter(lang: Lang, options: FormatOptions = {}): Formatter {
  return {
    lang,
    score: (v) => formatScore(v, lang),
    integer: (v) => formatInteger(v, lang),
    decimal: (v, d) => formatDecimal(v, lang, d),
    percent: (v, d) => formatPercent(v, lang, d),
    date: (v) => formatDate(v, lang, options),
    dateTime: (v) => formatDateTime(v, lang, options),
  };
}

/**
 * The zone of the screens below it (issue 16): the shell gives the signed-in user's province
 * (a Bali koordinator reads WITA, a Papua operator WIT); a screen about another body names that
 * body's zone in `useFormat({ timeZone })`. Undefined: WIB.
 */
export const ZoneContext = createContext<string | undefined>(undefined);

/** The zone of the screens here (`ZoneContext`: the signed-in user's province, a body's), WIB when none. */
export const useZone = (): Zone => zoneOfTz(useContext(ZoneContext));

/** The IANA zone of a province code for `ZoneContext` (undefined for national users: WIB). */
export const zoneTzOf = (provinceCode: string | null | undefined): string | undefined =>
  provinceCode ? zoneOf(provinceCode).tz : undefined;

/** A publication's scope ('national', 'pusat' or a province code "51") as a province code, or null. */
export const scopeProvince = (scope: string): string | null => (/^\d{2}$/.test(scope) ? scope : null);

/**
 * Formatting functions for the current UI language; re-renders when the language changes.
 * Date-times are in `options.timeZone` (the body's zone, `zoneOf(provinceCode).tz`), else the
 * zone of `ZoneContext` (the signed-in user's province), else WIB.
 */
export function useFormat(options: FormatOptions = {}): Formatter {
  const { i18n } = useTranslation();
  const inherited = useContext(ZoneContext);
  const timeZone = options.timeZone ?? inherited;
  return createFormatter(toLang(i18n.resolvedLanguage ?? i18n.language), timeZone === undefined ? options : { ...options, timeZone });
}
