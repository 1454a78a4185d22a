/**
 * Issue 17: a unit's location as the form types it — coordinates read the way people write them
 * ("-6,0183" with a decimal comma, or "-6.0183"), checked against the wire's bounds (inside
 * Indonesia) and kept together (latitude without longitude is refused, as the server does); the
 * office types a ministry or agency usually has, first in the sector list.
 */
import { SECTORS } from '../../shared/wire/enums.ts';
import { LATITUDE_RANGE, LONGITUDE_RANGE } from '../../shared/wire/limits.ts';
import type { Sector, VerticalOfficeType } from '../../shared/wire/registry.ts';

export type CoordinateProblem = 'number' | 'range' | 'pair';

/** A typed coordinate: null when empty, NaN when not a number. */
export function parseCoordinate(text: string): number | null {
  const t = text.trim().replace(/\s+/g, '').replace(',', '.').replace(/^−/, '-');
  if (t === '') return null;
  return /^[-+]?\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

/** The problem with each typed coordinate, if any (both empty is fine: not located yet). */
export function coordinateProblems(lat: string, lon: string): { latitude?: CoordinateProblem; longitude?: CoordinateProblem } {
  const out: { latitude?: CoordinateProblem; longitude?: CoordinateProblem } = {};
  const check = (text: string, range: readonly [number, number]): CoordinateProblem | undefined => {
    const n = parseCoordinate(text);
    if (n === null) return undefined;
    if (Number.isNaN(n)) return 'number';
    return n < range[0] || n > range[1] ? 'range' : undefined;
  };
  const a = check(lat, LATITUDE_RANGE);
  const b = check(lon, LONGITUDE_RANGE);
  if (a) out.latitude = a;
  if (b) out.longitude = b;
  if (!a && !b) {
    const latEmpty = parseCoordinate(lat) === null;
    const lonEmpty = parseCoordinate(lon) === null;
    if (latEmpty && !lonEmpty) out.latitude = 'pair';
    if (lonEmpty && !latEmpty) out.longitude = 'pair';
  }
  return out;
}

export const COORDINATE_BOUNDS = { latitude: LATITUDE_RANGE, longitude: LONGITUDE_RANGE } as const;

/** A link to see typed coordinates on OpenStreetMap (a check by eye; opens outside the app). */
export const osmLink = (lat: number, lon: number): string => `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=16/${lat}/${lon}`;

/**
 * The sector options: the body's usual vertical office types first (labelled as offices, e.g.
 * "Kepolisian Resor (Polres/Polresta)"), then every other sector.
 */
export function sectorOptions(
  types: readonly VerticalOfficeType[],
  bodyCode: string | null,
  lang: 'id' | 'en',
  sectorLabel: (s: Sector) => string,
): { office: { value: Sector; label: string }[]; other: { value: Sector; label: string }[] } {
  const office = types.filter((v) => v.bodyCode === bodyCode).map((v) => ({ value: v.sector, label: v.label[lang] }));
  const taken = new Set(office.map((o) => o.value));
  return { office, other: SECTORS.filter((s) => !taken.has(s)).map((s) => ({ value: s, label: sectorLabel(s) })) };
}

/** Where to read a unit's office type label: its body's vertical office type, else the sector's name. */
export function officeTypeLabel(
  types: readonly VerticalOfficeType[],
  bodyCode: string | null,
  sector: Sector,
  lang: 'id' | 'en',
  sectorLabel: (s: Sector) => string,
): string {
  return types.find((v) => v.bodyCode === bodyCode && v.sector === sector)?.label[lang] ?? sectorLabel(sector);
}

/** The province of a kabupaten/kota code ("36.04" → "36"). */
export const provinceOfRegency = (code: string | null): string | null => (code ? (code.split('.')[0] ?? null) : null);

/** The locations template: one row per unit with what is known, in the import's column names. */
export function locationsCsv(
  units: readonly {
    id: string;
    name: string;
    address: string | null;
    regencyCode: string | null;
    latitude: number | null;
    longitude: number | null;
  }[],
): string {
  const cell = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    return /[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const head = ['id_unit', 'unit', 'alamat', 'kode_kabupaten_kota', 'lintang', 'bujur'];
  const rows = units.map((u) => [u.id, u.name, u.address, u.regencyCode, u.latitude, u.longitude].map(cell).join(','));
  return `${[head.join(','), ...rows].join('\r\n')}\r\n`;
}
