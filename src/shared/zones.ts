/**
 * Issue 16: the three zones of Indonesia — WIB (UTC+7), WITA (UTC+8), WIT (UTC+9) — and which
 * province is in which. The date and time formatters in the zone are local-time.ts (which
 * re-exports all of this); this module is apart so the web app's shell (lib/format.ts) carries
 * only the zones on a public first visit (issue 14 §2). Pure, no I/O.
 */
export type ZoneLabel = 'WIB' | 'WITA' | 'WIT';
export interface Zone {
  /** IANA time zone (Intl). */
  tz: 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura';
  label: ZoneLabel;
}

export const WIB: Zone = { tz: 'Asia/Jakarta', label: 'WIB' };
export const WITA: Zone = { tz: 'Asia/Makassar', label: 'WITA' };
export const WIT: Zone = { tz: 'Asia/Jayapura', label: 'WIT' };

/** Provinces in WITA: Bali, NTB, NTT, South/East/North Kalimantan and every Sulawesi province. */
const WITA_PROVINCES = new Set(['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76']);
/** Provinces in WIT: Maluku, North Maluku and the Papua provinces. */
const WIT_PROVINCES = new Set(['81', '82', '91', '92', '93', '94', '95', '96', '97']);

/** The zone of a province (or regency) code; WIB when unknown or national. */
export function zoneOf(provinceCode: string | null | undefined): Zone {
  const p = provinceCode?.slice(0, 2);
  if (p && WITA_PROVINCES.has(p)) return WITA;
  if (p && WIT_PROVINCES.has(p)) return WIT;
  return WIB;
}

/** The zone of an IANA name (a formatter option); WIB for anything else. */
export function zoneOfTz(tz: string | undefined): Zone {
  if (tz === WITA.tz) return WITA;
  if (tz === WIT.tz) return WIT;
  return WIB;
}
