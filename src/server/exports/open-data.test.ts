import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { getScheme } from '../../../methodologies/index.ts';
import {
  OPEN_DATA_COLUMNS,
  OPEN_DATA_JSON_KEYS,
  OPEN_DATA_SNAPSHOT_KEYS,
  openDataCsv,
  openDataFileName,
  openDataJson,
} from './open-data.ts';
import type { OpenDataLevel } from './open-data.ts';
import { sampleCycleResults, sampleSnapshot } from './test-data.ts';

const doc = readFileSync(new URL('../../../docs/open-data.md', import.meta.url), 'utf8');

/** Rows of the table that follows `<!-- columns:<table>:<lang> -->` in docs/open-data.md. */
function documented(table: string, lang: 'id' | 'en'): { name: string; type: string; meaning: string; example: string }[] {
  const marker = `<!-- columns:${table}:${lang} -->`;
  const at = doc.indexOf(marker);
  if (at === -1) throw new Error(`docs/open-data.md has no ${marker}`);
  const lines = doc
    .slice(at + marker.length)
    .trimStart()
    .split('\n');
  const rows: { name: string; type: string; meaning: string; example: string }[] = [];
  for (const line of lines.slice(2)) {
    if (!line.startsWith('|')) break;
    const cells = line
      .split(/(?<!\\)\|/)
      .slice(1, -1)
      .map((c) => c.trim());
    const name = /^`([a-z0-9_]+)`$/.exec(cells[0] ?? '')?.[1];
    if (name === undefined) throw new Error(`bad column cell in ${marker}: ${line}`);
    rows.push({ name, type: cells[1] ?? '', meaning: cells[2] ?? '', example: cells[3] ?? '' });
  }
  return rows;
}

const scheme = getScheme('ombudsman-2025')!;
const results = sampleCycleResults(scheme, 21);
const snapshot = sampleSnapshot(scheme, results);
const levels: OpenDataLevel[] = ['governments', 'units', 'unit_dimensions'];

function readCsv(text: string): string[][] {
  return parse(text, { bom: true }) as string[][];
}

describe('open data: documented columns', () => {
  it.each(levels)('should document the %s columns exactly, in Indonesian then English', (level) => {
    const id = documented(level, 'id');
    const en = documented(level, 'en');
    expect(id.map((r) => r.name)).toEqual([...OPEN_DATA_COLUMNS[level]]);
    expect(en.map((r) => r.name)).toEqual([...OPEN_DATA_COLUMNS[level]]);
    expect(doc.indexOf(`<!-- columns:${level}:id -->`)).toBeLessThan(doc.indexOf(`<!-- columns:${level}:en -->`));
    for (const r of [...id, ...en]) {
      expect(r.type, r.name).not.toBe('');
      expect(r.meaning, r.name).not.toBe('');
      expect(r.example, r.name).toMatch(/^`.+`$/);
    }
  });

  it.each(levels)('should write the %s CSV with exactly the documented header', (level) => {
    const [header] = readCsv(openDataCsv(snapshot, level));
    expect(header).toEqual(documented(level, 'en').map((r) => r.name));
  });

  it('should document the JSON snapshot keys and write exactly them', () => {
    const json = JSON.parse(openDataJson(snapshot)) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual([...OPEN_DATA_JSON_KEYS]);
    expect(Object.keys(json.snapshot as object)).toEqual(documented('snapshot', 'id').map((r) => r.name));
    expect(documented('snapshot', 'en').map((r) => r.name)).toEqual([...OPEN_DATA_SNAPSHOT_KEYS]);
  });

  it.each(levels)('should give every %s JSON row exactly the CSV columns', (level) => {
    const json = JSON.parse(openDataJson(snapshot)) as Record<OpenDataLevel, Record<string, unknown>[]>;
    expect(json[level].length).toBeGreaterThan(0);
    for (const row of json[level]) expect(Object.keys(row)).toEqual([...OPEN_DATA_COLUMNS[level]]);
  });
});

describe('open data: CSV', () => {
  it('should start with a UTF-8 BOM and use CRLF line ends', () => {
    const text = openDataCsv(snapshot);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.split('\r\n')).toHaveLength(snapshot.governments.length + 2);
  });

  it('should hold one row per government with scores at exactly two decimals', () => {
    const [header, ...rows] = readCsv(openDataCsv(snapshot));
    const col = (name: string): number => header!.indexOf(name);
    expect(rows).toHaveLength(snapshot.governments.length);
    for (const [k, g] of snapshot.governments.entries()) {
      const row = rows[k]!;
      expect(row[col('body_code')]).toBe(g.code);
      expect(row[col('score')]).toMatch(/^\d+\.\d\d$/);
      expect(Number(row[col('score')])).toBe(g.score);
      expect(row[col('band_label_id')]).toBe(g.band.label.id);
      expect(row[col('band_label_en')]).toBe(g.band.label.en);
      expect(row[col('rank_province')]).toBe(g.rankProvince === null ? '' : String(g.rankProvince.rank));
      expect(row[col('movement')]).toBe(g.movement === null ? '' : String(g.movement));
      expect(row[col('qualifiers')]).toBe(g.qualifiers.join(';'));
      expect(row[col('published_at')]).toBe('2025-03-01T02:00:00.000Z');
      expect(row[col('snapshot_version')]).toBe('2');
    }
    // The provincial government is ranked among provinces, not inside its own province.
    expect(rows[0]![col('province_code')]).toBe('36');
    expect(rows[0]![col('rank_province')]).toBe('');
  });

  it('should keep a body code such as 36.10 as text', () => {
    const [header, ...rows] = readCsv(openDataCsv(snapshot));
    expect(rows.map((r) => r[header!.indexOf('body_code')])).toContain('36.10');
  });

  it('should write one unit row per unit and one dimension row per unit and dimension', () => {
    const [, ...units] = readCsv(openDataCsv(snapshot, 'units'));
    expect(units).toHaveLength(results.units.length);
    const [header, ...dims] = readCsv(openDataCsv(snapshot, 'unit_dimensions'));
    expect(dims).toHaveLength(results.units.length * scheme.dimensions.length);
    const first = results.units[0]!.breakdown.dimensions[4]!;
    const row = dims[4]!;
    expect(row[header!.indexOf('dimension_code')]).toBe(first.code);
    expect(row[header!.indexOf('dimension_score')]).toMatch(/^\d+\.\d\d$/);
    expect(Math.abs(Number(row[header!.indexOf('dimension_score')]) - first.score)).toBeLessThanOrEqual(0.005);
    expect(row[header!.indexOf('dimension_title_en')]).toBe(first.title.en);
  });
});

describe('open data: JSON', () => {
  it('should carry the snapshot metadata, the assumptions and numbers as numbers', () => {
    const json = JSON.parse(openDataJson(snapshot)) as {
      format: string;
      format_version: number;
      snapshot: Record<string, unknown>;
      assumptions: { path: string; note_id: string; note_en: string }[];
      governments: Record<string, unknown>[];
    };
    expect(json.format).toBe('pantau-open-data');
    expect(json.format_version).toBe(1);
    expect(json.snapshot).toMatchObject({
      snapshot_version: 2,
      scope: 'province:36',
      scheme_id: 'ombudsman-2025',
      erratum_reason: snapshot.erratumReason,
    });
    expect(json.assumptions).toHaveLength(scheme.assumptions.length);
    expect(json.assumptions[0]).toEqual({
      path: scheme.assumptions[0]!.path,
      note_id: scheme.assumptions[0]!.note.id,
      note_en: scheme.assumptions[0]!.note.en,
    });
    const g = json.governments[0]!;
    expect(g.score).toBe(snapshot.governments[0]!.score);
    expect(g.rank_province).toBeNull();
    expect(typeof g.cycle_year).toBe('number');
  });

  it('should be the same text for the same snapshot', () => {
    expect(openDataJson(snapshot)).toBe(openDataJson(sampleSnapshot(scheme, sampleCycleResults(scheme, 21))));
  });

  it('should name the files after scheme, scope, version and table', () => {
    expect(openDataFileName(snapshot, 'csv', 'units')).toBe('pantau_ombudsman-2025_province-36_v2_units.csv');
    expect(openDataFileName(snapshot, 'json')).toBe('pantau_ombudsman-2025_province-36_v2.json');
  });
});
