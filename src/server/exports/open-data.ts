/**
 * Open data (issue 5 §6): a published snapshot as CSV and JSON with STABLE columns, documented
 * column by column in docs/open-data.md (a test compares that document with OPEN_DATA_COLUMNS
 * and with the files). Three tables: `governments` (one row per government), `units` (one row
 * per service unit) and `unit_dimensions` (one row per unit and dimension). Column names are
 * snake_case English; a column is never renamed, retyped or removed within a format_version —
 * new columns are only appended.
 *
 * CSV: UTF-8 with BOM (so Excel reads it as UTF-8), "," separated, CRLF line ends, a header row;
 * numbers with "." as decimal separator, scores with exactly two decimals; an empty field means
 * "no value". JSON: one document with the snapshot's metadata, its assumptions and the three
 * tables, each row an object with the same keys as the CSV columns (numbers as numbers, no value
 * as null).
 */
import { stringify } from 'csv-stringify/sync';
import { formatFixed2, round2 } from '../../core/index.ts';
import type { PublishedSnapshot, SnapshotGovernment, SnapshotUnit } from './types.ts';

/** Version of the file layout below; bumped only by a breaking change (never so far). */
export const OPEN_DATA_FORMAT_VERSION = 1;

export type OpenDataLevel = 'governments' | 'units' | 'unit_dimensions';

/** The columns of each table, in file order. The contract documented in docs/open-data.md. */
export const OPEN_DATA_COLUMNS = {
  governments: [
    'cycle_year',
    'scheme_id',
    'body_code',
    'body_name',
    'body_type',
    'province_code',
    'score',
    'band_code',
    'band_label_id',
    'band_label_en',
    'zone',
    'qualifiers',
    'rank_national_type',
    'rank_national_type_of',
    'rank_province',
    'rank_province_of',
    'movement',
    'units_assessed',
    'snapshot_id',
    'snapshot_version',
    'published_at',
  ],
  units: [
    'cycle_year',
    'scheme_id',
    'body_code',
    'body_name',
    'unit_id',
    'unit_name',
    'sector',
    'province_code',
    'score',
    'band_code',
    'band_label_id',
    'band_label_en',
    'zone',
    'rank_sector_province',
    'rank_sector_province_of',
    'snapshot_id',
    'snapshot_version',
    'published_at',
  ],
  unit_dimensions: [
    'cycle_year',
    'scheme_id',
    'body_code',
    'unit_id',
    'dimension_code',
    'dimension_title_id',
    'dimension_title_en',
    'dimension_weight',
    'dimension_score',
    'snapshot_id',
    'snapshot_version',
    'published_at',
  ],
} as const satisfies Record<OpenDataLevel, readonly string[]>;

/** Top-level keys of the JSON document, in order. */
export const OPEN_DATA_JSON_KEYS = [
  'format',
  'format_version',
  'snapshot',
  'assumptions',
  'governments',
  'units',
  'unit_dimensions',
] as const;

/** Keys of the JSON `snapshot` object, in order. */
export const OPEN_DATA_SNAPSHOT_KEYS = [
  'snapshot_id',
  'snapshot_version',
  'published_at',
  'scope',
  'erratum_reason',
  'cycle_name',
  'cycle_year',
  'scheme_id',
  'scheme_version',
  'scheme_hash',
] as const;

type Value = string | number | null;
/** A score: a number rounded to 2 dp; in CSV it is written with exactly two decimals. */
class Fixed2 {
  constructor(readonly n: number) {}
}
type Field = Value | Fixed2;
type Row<L extends OpenDataLevel> = Record<(typeof OPEN_DATA_COLUMNS)[L][number], Field>;

/** ISO 8601 in UTC with milliseconds, e.g. "2025-03-01T02:00:00.000Z". */
function isoTime(d: Date | string): string {
  const date = d instanceof Date ? d : new Date(d);
  return Number.isNaN(date.getTime()) ? String(d) : date.toISOString();
}

function common(s: PublishedSnapshot) {
  return { snapshot_id: s.id, snapshot_version: s.version, published_at: isoTime(s.publishedAt) };
}

function governmentRow(s: PublishedSnapshot, g: SnapshotGovernment): Row<'governments'> {
  return {
    cycle_year: s.cycle.year,
    scheme_id: s.cycle.schemeId,
    body_code: g.code,
    body_name: g.name,
    body_type: g.type,
    province_code: g.provinceCode,
    score: new Fixed2(g.score),
    band_code: g.band.code,
    band_label_id: g.band.label.id,
    band_label_en: g.band.label.en,
    zone: g.band.zone ?? null,
    qualifiers: g.qualifiers.join(';'),
    rank_national_type: g.rankNationalType?.rank ?? null,
    rank_national_type_of: g.rankNationalType?.of ?? null,
    rank_province: g.rankProvince?.rank ?? null,
    rank_province_of: g.rankProvince?.of ?? null,
    movement: g.movement,
    units_assessed: g.unitsAssessed,
    ...common(s),
  };
}

function unitRow(s: PublishedSnapshot, u: SnapshotUnit, bodies: Map<string, SnapshotGovernment>): Row<'units'> {
  const body = bodies.get(u.bodyCode);
  return {
    cycle_year: s.cycle.year,
    scheme_id: s.cycle.schemeId,
    body_code: u.bodyCode,
    body_name: body?.name ?? null,
    unit_id: u.id,
    unit_name: u.name,
    sector: u.sector,
    province_code: body?.provinceCode ?? null,
    score: new Fixed2(u.score),
    band_code: u.band.code,
    band_label_id: u.band.label.id,
    band_label_en: u.band.label.en,
    zone: u.band.zone ?? null,
    rank_sector_province: u.rankSectorProvince?.rank ?? null,
    rank_sector_province_of: u.rankSectorProvince?.of ?? null,
    ...common(s),
  };
}

function dimensionRows(s: PublishedSnapshot, u: SnapshotUnit): Row<'unit_dimensions'>[] {
  return u.dimensions.map((d) => ({
    cycle_year: s.cycle.year,
    scheme_id: s.cycle.schemeId,
    body_code: u.bodyCode,
    unit_id: u.id,
    dimension_code: d.code,
    dimension_title_id: d.title.id,
    dimension_title_en: d.title.en,
    dimension_weight: d.weight,
    dimension_score: new Fixed2(d.score),
    ...common(s),
  }));
}

function rowsOf(s: PublishedSnapshot, level: OpenDataLevel): Record<string, Field>[] {
  switch (level) {
    case 'governments':
      return s.governments.map((g) => governmentRow(s, g));
    case 'units': {
      const bodies = new Map(s.governments.map((g) => [g.code, g]));
      return s.units.map((u) => unitRow(s, u, bodies));
    }
    case 'unit_dimensions':
      return s.units.flatMap((u) => dimensionRows(s, u));
  }
}

function csvField(v: Field): string {
  if (v instanceof Fixed2) return formatFixed2(v.n);
  if (v === null) return '';
  return String(v);
}

function jsonField(v: Field): Value {
  return v instanceof Fixed2 ? round2(v.n) : v;
}

/**
 * One table of a published snapshot as CSV text (UTF-8 BOM, ",", CRLF, header row of
 * OPEN_DATA_COLUMNS[level]). Default level: governments.
 */
export function openDataCsv(snapshot: PublishedSnapshot, level: OpenDataLevel = 'governments'): string {
  const columns: readonly string[] = OPEN_DATA_COLUMNS[level];
  const records = rowsOf(snapshot, level).map((r) => columns.map((c) => csvField(r[c] ?? null)));
  return stringify([columns as string[], ...records], { bom: true, record_delimiter: 'windows' });
}

/** The whole published snapshot as one JSON document (see the file head). */
export function openDataJson(snapshot: PublishedSnapshot): string {
  const s = snapshot;
  const table = (level: OpenDataLevel) => {
    const columns: readonly string[] = OPEN_DATA_COLUMNS[level];
    return rowsOf(s, level).map((r) => Object.fromEntries(columns.map((c) => [c, jsonField(r[c] ?? null)])));
  };
  const doc = {
    format: 'pantau-open-data',
    format_version: OPEN_DATA_FORMAT_VERSION,
    snapshot: {
      snapshot_id: s.id,
      snapshot_version: s.version,
      published_at: isoTime(s.publishedAt),
      scope: s.scope,
      erratum_reason: s.erratumReason ?? null,
      cycle_name: s.cycle.name,
      cycle_year: s.cycle.year,
      scheme_id: s.cycle.schemeId,
      scheme_version: s.cycle.schemeVersion,
      scheme_hash: s.cycle.schemeHash,
    } satisfies Record<(typeof OPEN_DATA_SNAPSHOT_KEYS)[number], Value>,
    assumptions: s.assumptions.map((a) => ({ path: a.path, note_id: a.note.id, note_en: a.note.en })),
    governments: table('governments'),
    units: table('units'),
    unit_dimensions: table('unit_dimensions'),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * File name of an open-data download:
 * "pantau_<scheme>_<scope>_v<version>_<level>.csv" / "…_v<version>.json".
 */
export function openDataFileName(snapshot: PublishedSnapshot, format: 'csv' | 'json', level: OpenDataLevel = 'governments'): string {
  const scope = snapshot.scope.replace(/[^A-Za-z0-9.-]+/g, '-');
  const base = `pantau_${snapshot.cycle.schemeId}_${scope}_v${snapshot.version}`;
  return format === 'json' ? `${base}.json` : `${base}_${level}.csv`;
}

export const OPEN_DATA_CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8' } as const;
