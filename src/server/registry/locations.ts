// Issue 17: where service units are, in bulk. An .xlsx (checked by the zip guard before any
// parser inflates it: exports/read-table.ts → exports/zip-guard.ts) or CSV with one row per unit
// of a body — the unit (its id or its name), the street address, the kabupaten/kota code and the
// coordinates — is validated whole (every problem listed, nothing saved: 422 import.invalid), then
// each changed unit is updated and audited (`unit.update`) in the request's transaction. A typed
// address without a kabupaten/kota code gets the one its text names ("… Kota Cilegon, Banten").
import { eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../db/client.ts';
import { type Cell, cellNumber, cellText, normalizeHeader, readTables } from '../exports/read-table.ts';
import { bodies, units } from './schema.ts';
import type { Lang } from '../../shared/wire/common.ts';
import type { ImportIssue } from '../../shared/wire/transfer.ts';
import type { UnitLocation } from '../../shared/wire/registry.ts';
import { ADDRESS_MAX, LATITUDE_RANGE, LONGITUDE_RANGE } from '../../shared/wire/limits.ts';

/** Header spellings (normalised: lower case, "_" for spaces) of each column, Indonesian first. */
const HEADERS = {
  unitId: ['id_unit', 'unit_id', 'id'],
  name: ['unit', 'unit_layanan', 'nama_unit', 'nama', 'name'],
  address: ['alamat', 'address'],
  regencyCode: ['kode_kabupaten_kota', 'kode_kab_kota', 'kode_kabupaten', 'kabupaten_kota', 'regency_code', 'regency'],
  latitude: ['lintang', 'latitude', 'lat'],
  longitude: ['bujur', 'longitude', 'lon', 'lng'],
} as const;
type Column = keyof typeof HEADERS;

const MESSAGES: Record<string, { id: string; en: string }> = {
  'file.unreadable': { id: 'Berkas tidak dapat dibaca: {reason}', en: 'The file cannot be read: {reason}' },
  'header.missing': {
    id: 'Kolom unit (nama atau id) tidak ditemukan di baris judul.',
    en: 'No unit column (name or id) in the header row.',
  },
  'unit.unknown': { id: 'Unit {value} tidak ada pada instansi ini.', en: 'Unit {value} is not a unit of this body.' },
  'unit.duplicate': { id: 'Unit {value} muncul lebih dari sekali.', en: 'Unit {value} appears more than once.' },
  'regency.unknown': { id: 'Kode kabupaten/kota {value} tidak dikenal.', en: 'Unknown kabupaten/kota code {value}.' },
  'coordinate.invalid': { id: '{header} harus berupa angka dalam wilayah Indonesia.', en: '{header} must be a number inside Indonesia.' },
  'coordinate.incomplete': {
    id: 'Lintang dan bujur harus diisi bersama.',
    en: 'Latitude and longitude go together.',
  },
  'address.too_long': { id: 'Alamat lebih dari {max} karakter.', en: 'The address is longer than {max} characters.' },
};

function message(code: string, lang: Lang, params: Record<string, string | number>): string {
  const t = MESSAGES[code]?.[lang] ?? code;
  return t.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}

const letter = (i: number): string => {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/** One unit's new location, as a row of the file says it (only the columns the file has). */
export interface LocationRow {
  row: number;
  unitId: string;
  location: UnitLocation;
}

export interface KnownRegency {
  code: string;
  name: string;
}

/**
 * The kabupaten/kota a typed address names: the longest registry name found in it ("Kota
 * Serang" before "Serang"), a bare name ("Cilegon") counting when only one kabupaten/kota has it.
 * Null when none or several match.
 */
export function regencyFromAddress(address: string, regencies: readonly KnownRegency[]): string | null {
  const text = ` ${address
    .toLowerCase()
    .replace(/[.,;/()]+/g, ' ')
    .replace(/\s+/g, ' ')} `;
  const full = regencies.filter((r) => text.includes(` ${r.name.toLowerCase()} `));
  if (full.length > 0) {
    const longest = Math.max(...full.map((r) => r.name.length));
    const best = full.filter((r) => r.name.length === longest);
    return best.length === 1 ? best[0]!.code : null;
  }
  // "Kab." / "Kab" abbreviations and bare names.
  const bare = regencies.filter((r) => {
    const place = r.name.replace(/^(Kabupaten|Kota) /, '').toLowerCase();
    return text.includes(` ${place} `) || (r.name.startsWith('Kabupaten ') && text.includes(` kab ${place} `));
  });
  const places = new Set(bare.map((r) => r.name.replace(/^(Kabupaten|Kota) /, '')));
  if (places.size !== 1) return null;
  if (bare.length === 1) return bare[0]!.code;
  // A kabupaten and a kota of the same name: "kota" in the text decides, otherwise the kabupaten.
  const kota = bare.find((r) => r.name.startsWith('Kota '));
  const kab = bare.find((r) => r.name.startsWith('Kabupaten '));
  const place = [...places][0]!.toLowerCase();
  return text.includes(` kota ${place} `) ? (kota?.code ?? null) : (kab?.code ?? null);
}

export async function knownRegencies(tx: Queryable): Promise<KnownRegency[]> {
  return tx
    .select({ code: bodies.code, name: bodies.name })
    .from(bodies)
    .where(inArray(bodies.type, ['kabupaten', 'kota']));
}

/**
 * Reads and validates a locations file for the units of `bodyId`. Every problem is listed (a
 * wire ImportIssue in `lang`); rows are returned only when there is none.
 */
export async function readUnitLocations(
  tx: Queryable,
  bodyId: string,
  file: Buffer,
  lang: Lang,
): Promise<{ ok: true; rows: LocationRow[] } | { ok: false; issues: ImportIssue[] }> {
  const read = await readTables(file);
  if (!read.ok) {
    const i = read.issue;
    return {
      ok: false,
      issues: [{ sheet: i.sheet, row: i.row, column: i.column, header: i.header, code: i.code, message: i.message[lang] }],
    };
  }
  const grid = read.grids.find((g) => !g.hidden && g.rows.length > 0);
  const issues: ImportIssue[] = [];
  const issue = (
    row: number | null,
    col: number | null,
    header: string | null,
    code: string,
    params: Record<string, string | number> = {},
    value?: string,
  ) =>
    issues.push({
      sheet: grid?.sheet ?? null,
      row,
      column: col === null ? null : letter(col),
      header,
      code,
      message: message(code, lang, { ...params, value: value ?? '', header: header ?? '' }),
      ...(value === undefined ? {} : { value }),
    });
  if (!grid) {
    issue(null, null, null, 'header.missing');
    return { ok: false, issues };
  }
  const [head, ...body] = grid.rows;
  const col = {} as Partial<Record<Column, { index: number; header: string }>>;
  head!.cells.forEach((c, index) => {
    const h = normalizeHeader(c);
    for (const k of Object.keys(HEADERS) as Column[]) {
      if (!col[k] && (HEADERS[k] as readonly string[]).includes(h)) col[k] = { index, header: cellText(c) };
    }
  });
  if (!col.unitId && !col.name) {
    issue(head!.number, null, null, 'header.missing');
    return { ok: false, issues };
  }
  const bodyUnits = await tx.select({ id: units.id, name: units.name }).from(units).where(eq(units.bodyId, bodyId));
  const byId = new Map(bodyUnits.map((u) => [u.id, u.id]));
  const byName = new Map<string, string | null>();
  for (const u of bodyUnits) {
    const k = u.name.trim().toLowerCase();
    byName.set(k, byName.has(k) ? null : u.id); // a name two units share identifies neither
  }
  const regencies = await knownRegencies(tx);
  const regencyCodes = new Set(regencies.map((r) => r.code));
  const seen = new Set<string>();
  const rows: LocationRow[] = [];
  const at = (cells: Cell[], k: Column): Cell | undefined => (col[k] ? cells[col[k]!.index] : undefined);

  for (const r of body) {
    const idText = cellText(at(r.cells, 'unitId'));
    const nameText = cellText(at(r.cells, 'name'));
    const unitId = idText ? byId.get(idText) : byName.get(nameText.toLowerCase()) || undefined;
    const which = col.unitId && idText ? col.unitId : col.name!;
    if (!unitId) {
      issue(r.number, which?.index ?? null, which?.header ?? null, 'unit.unknown', {}, idText || nameText);
      continue;
    }
    if (seen.has(unitId)) {
      issue(r.number, which?.index ?? null, which?.header ?? null, 'unit.duplicate', {}, idText || nameText);
      continue;
    }
    seen.add(unitId);
    const location: UnitLocation = {};
    if (col.address) {
      const a = cellText(at(r.cells, 'address'));
      if (a.length > ADDRESS_MAX) issue(r.number, col.address.index, col.address.header, 'address.too_long', { max: ADDRESS_MAX });
      location.address = a === '' ? null : a;
    }
    if (col.regencyCode) {
      const code = cellText(at(r.cells, 'regencyCode'));
      if (code !== '' && !regencyCodes.has(code))
        issue(r.number, col.regencyCode.index, col.regencyCode.header, 'regency.unknown', {}, code);
      location.regencyCode = code === '' ? null : code;
    }
    // A typed address names its kabupaten/kota when the file gives no code.
    if (!location.regencyCode && location.address) {
      const guessed = regencyFromAddress(location.address, regencies);
      if (guessed) location.regencyCode = guessed;
    }
    const coordinate = (k: 'latitude' | 'longitude', range: readonly [number, number]): number | null | undefined => {
      const c = col[k];
      if (!c) return undefined;
      const n = cellNumber(at(r.cells, k));
      if (n === null) return null;
      if (!Number.isFinite(n) || n < range[0] || n > range[1]) {
        issue(r.number, c.index, c.header, 'coordinate.invalid', {}, cellText(at(r.cells, k)));
        return undefined;
      }
      return n;
    };
    const lat = coordinate('latitude', LATITUDE_RANGE);
    const lon = coordinate('longitude', LONGITUDE_RANGE);
    if (col.latitude || col.longitude) {
      const bad = (col.latitude && lat === undefined) || (col.longitude && lon === undefined);
      if (!bad) {
        if (!col.latitude || !col.longitude || (lat === null) !== (lon === null)) issue(r.number, null, null, 'coordinate.incomplete');
        else {
          location.latitude = lat ?? null;
          location.longitude = lon ?? null;
        }
      }
    }
    rows.push({ row: r.number, unitId, location });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, rows };
}

/** The registry's regencies with a name, for the picker's "from a typed address". */
export async function regencyOfAddress(tx: Queryable, address: string): Promise<KnownRegency | null> {
  const regencies = await knownRegencies(tx);
  const code = regencyFromAddress(address, regencies);
  return code ? (regencies.find((r) => r.code === code) ?? null) : null;
}
