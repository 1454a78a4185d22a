/**
 * Flat record files (the `rank` and `ikm` inputs): a CSV with a header row, or a JSON array of
 * objects with the same keys. Columns are checked against what the command expects, and every
 * cell keeps its place (file + row + column, or file + JSON path) for error messages.
 */
import { CliError, type ErrorPlace } from './errors.ts';
import { looksLikeJson, type InputText } from './io.ts';
import { checkDuplicateColumns, readCsv, readJson } from './read-table.ts';
import { parseDecimal, parsePositiveInteger } from './args.ts';

export type Cell = string | number | boolean | null | undefined;

export interface RecordRow {
  /** Index of the record (0-based). */
  index: number;
  values: ReadonlyMap<string, Cell>;
  place(column?: string): ErrorPlace;
}

export interface RecordColumns {
  required: readonly string[];
  optional?: readonly string[];
}

export function readRecords(input: InputText, columns: RecordColumns): RecordRow[] {
  const expected = [...columns.required, ...(columns.optional ?? [])];
  const expectedList = expected.join(',');
  const allowed = new Set(expected);
  if (looksLikeJson(input)) {
    const doc = readJson(input);
    if (!Array.isArray(doc)) throw new CliError('errors.expected_array', {}, { file: input.name });
    if (doc.length === 0) throw new CliError('errors.no_rows', {}, { file: input.name });
    return doc.map((item: unknown, index): RecordRow => {
      const place = (column?: string): ErrorPlace => ({
        file: input.name,
        path: column === undefined ? `[${index}]` : `[${index}].${column}`,
      });
      if (item === null || typeof item !== 'object' || Array.isArray(item)) {
        throw new CliError('errors.expected_object', {}, place());
      }
      const values = new Map<string, Cell>();
      for (const [key, value] of Object.entries(item)) {
        if (!allowed.has(key)) throw new CliError('errors.unknown_field', { field: key }, place(key));
        if (value !== null && typeof value === 'object') throw new CliError('errors.expected_text', {}, place(key));
        values.set(key, value as Cell);
      }
      for (const name of columns.required) {
        if (!values.has(name)) {
          throw new CliError('errors.missing_column', { column: name, expected: expectedList }, place(name));
        }
      }
      return { index, values, place };
    });
  }
  const table = readCsv(input);
  checkDuplicateColumns(table, input.name);
  for (const name of table.header) {
    if (!allowed.has(name)) {
      throw new CliError('errors.unknown_column', { column: name, expected: expectedList }, { file: input.name, row: 1, column: name });
    }
  }
  for (const name of columns.required) {
    if (!table.header.includes(name)) {
      throw new CliError('errors.missing_column', { column: name, expected: expectedList }, { file: input.name, row: 1 });
    }
  }
  if (table.rows.length === 0) throw new CliError('errors.no_rows', {}, { file: input.name });
  return table.rows.map(({ row, cells }, index): RecordRow => {
    const values = new Map<string, Cell>(table.header.map((name, c) => [name, cells[c]]));
    return { index, values, place: (column) => ({ file: input.name, row, ...(column === undefined ? {} : { column }) }) };
  });
}

/** A cell as trimmed text; '' when empty or absent. */
export function cellText(row: RecordRow, column: string): string {
  const value = row.values.get(column);
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  throw new CliError('errors.expected_text', {}, row.place(column));
}

/** A required, non-empty text cell. */
export function requiredText(row: RecordRow, column: string): string {
  const value = cellText(row, column);
  if (value === '') throw new CliError('errors.empty_cell', {}, row.place(column));
  return value;
}

/** A number cell (JSON number, or text such as `95.31` / `95,31`); null when empty. */
export function cellNumber(row: RecordRow, column: string): number | null {
  const value = row.values.get(column);
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new CliError('errors.cell_not_number', { value: String(value) }, row.place(column));
    return value;
  }
  if (typeof value !== 'string') throw new CliError('errors.expected_number', {}, row.place(column));
  if (value.trim() === '') return null;
  const parsed = parseDecimal(value);
  if (parsed === null) throw new CliError('errors.cell_not_number', { value }, row.place(column));
  return parsed;
}

/** A required number cell. */
export function requiredNumber(row: RecordRow, column: string): number {
  const value = cellNumber(row, column);
  if (value === null) throw new CliError('errors.empty_cell', {}, row.place(column));
  return value;
}

/** A positive whole number cell, or null when empty; `key` names the error when it is not one. */
export function cellPositiveInteger(
  row: RecordRow,
  column: string,
  key: 'errors.bad_previous_rank' | 'errors.not_a_positive_integer',
): number | null {
  const value = row.values.get(column);
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return null;
  const parsed =
    typeof value === 'number' ? (Number.isSafeInteger(value) && value > 0 ? value : null) : parsePositiveInteger(String(value));
  if (parsed === null) throw new CliError(key, { value: String(value) }, row.place(column));
  return parsed;
}
