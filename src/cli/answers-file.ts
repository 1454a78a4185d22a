/**
 * The answers file of `pantau score | whatif | improve`: the filled instrument sheets of one
 * unit, as JSON or CSV (format in README.md). This module only reads the file's structure;
 * the engine checks instruments, coverage and scales, and `place` maps its sheet index back to
 * the file row (CSV) or JSON path for the error line.
 *
 * JSON: { "scheme"?: id, "unit"?: name, "sheets": [ { "instrument", "respondent"?, "answers": { code: n|null } } ] }
 * CSV:  header `instrument,respondent,<indicator codes…>`, one row per sheet, empty cell = not answered.
 */
import type { Scheme, Sheet } from '../core/index.ts';
import { parseDecimal } from './args.ts';
import { CliError } from './errors.ts';
import { looksLikeJson, readInput, type CliIo, type InputText } from './io.ts';
import { checkDuplicateColumns, readCsv, readJson } from './read-table.ts';
import { indicatorCodes, loadScheme } from './schemes.ts';
import type { SheetPlace } from './core-errors.ts';

export interface AnswersFile {
  file: string;
  /** Scheme id named inside a JSON file. */
  scheme?: string;
  unit?: string;
  sheets: Sheet[];
  place: SheetPlace;
  /** CSV only: the indicator columns of the header, checked against the scheme by `checkAnswerColumns`. */
  columns?: string[];
}

const SHEET_KEYS = new Set(['id', 'instrument', 'respondent', 'answers']);
const TOP_KEYS = new Set(['scheme', 'unit', 'sheets']);

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function readAnswersJson(input: InputText): AnswersFile {
  const file = input.name;
  const doc = readJson(input);
  if (!isObject(doc)) throw new CliError('errors.expected_object', {}, { file });
  for (const key of Object.keys(doc)) {
    if (!TOP_KEYS.has(key)) throw new CliError('errors.unknown_field', { field: key }, { file, path: key });
  }
  const out: AnswersFile = {
    file,
    sheets: [],
    place: (sheet, field) => ({
      file,
      path:
        field === undefined
          ? `sheets[${sheet}]`
          : field === 'instrument' || field === 'respondent'
            ? `sheets[${sheet}].${field}`
            : `sheets[${sheet}].answers.${field}`,
    }),
  };
  for (const key of ['scheme', 'unit'] as const) {
    const value = doc[key];
    if (value === undefined) continue;
    if (typeof value !== 'string') throw new CliError('errors.expected_text', {}, { file, path: key });
    out[key] = value;
  }
  const sheets = doc.sheets;
  if (sheets === undefined)
    throw new CliError('errors.missing_column', { column: 'sheets', expected: 'scheme, unit, sheets' }, { file, path: 'sheets' });
  if (!Array.isArray(sheets)) throw new CliError('errors.expected_array', {}, { file, path: 'sheets' });
  if (sheets.length === 0) throw new CliError('errors.no_rows', {}, { file, path: 'sheets' });
  sheets.forEach((raw: unknown, s) => {
    const path = `sheets[${s}]`;
    if (!isObject(raw)) throw new CliError('errors.expected_object', {}, { file, path });
    for (const key of Object.keys(raw)) {
      if (!SHEET_KEYS.has(key)) throw new CliError('errors.unknown_field', { field: key }, { file, path: `${path}.${key}` });
    }
    const instrument = raw.instrument;
    if (typeof instrument !== 'string' || instrument.trim() === '') {
      throw new CliError('errors.expected_text', {}, { file, path: `${path}.instrument` });
    }
    const sheet: Sheet = { instrument: instrument.trim(), answers: {} };
    for (const key of ['respondent', 'id'] as const) {
      const value = raw[key];
      if (value === undefined) continue;
      if (typeof value !== 'string') throw new CliError('errors.expected_text', {}, { file, path: `${path}.${key}` });
      sheet[key] = value;
    }
    const answers = raw.answers;
    if (!isObject(answers)) throw new CliError('errors.expected_object', {}, { file, path: `${path}.answers` });
    for (const [code, value] of Object.entries(answers)) {
      if (value !== null && typeof value !== 'number') {
        throw new CliError('errors.expected_number', {}, { file, path: `${path}.answers.${code}` });
      }
      sheet.answers[code] = value;
    }
    out.sheets.push(sheet);
  });
  return out;
}

function readAnswersCsv(input: InputText): AnswersFile {
  const file = input.name;
  const table = readCsv(input);
  checkDuplicateColumns(table, file);
  const instrumentAt = table.header.indexOf('instrument');
  const respondentAt = table.header.indexOf('respondent');
  if (instrumentAt === -1) {
    throw new CliError('errors.missing_instrument_column', {}, { file, row: 1 });
  }
  const columns = table.header.filter((_, c) => c !== instrumentAt && c !== respondentAt);
  if (table.rows.length === 0) throw new CliError('errors.no_rows', {}, { file });
  const rows = table.rows.map((r) => r.row);
  const sheets = table.rows.map(({ row, cells }): Sheet => {
    const instrument = cells[instrumentAt]!;
    if (instrument === '') throw new CliError('errors.empty_cell', {}, { file, row, column: 'instrument' });
    const sheet: Sheet = { instrument, answers: {} };
    if (respondentAt !== -1 && cells[respondentAt] !== '') sheet.respondent = cells[respondentAt]!;
    table.header.forEach((column, c) => {
      if (c === instrumentAt || c === respondentAt) return;
      const cell = cells[c]!;
      if (cell === '') return; // not answered: missing, not zero
      const value = parseDecimal(cell);
      if (value === null) throw new CliError('errors.cell_not_number', { value: cell }, { file, row, column });
      sheet.answers[column] = value;
    });
    return sheet;
  });
  return {
    file,
    sheets,
    columns,
    place: (sheet, field) => ({ file, row: rows[sheet]!, ...(field === undefined ? {} : { column: field }) }),
  };
}

export function readAnswers(input: InputText): AnswersFile {
  return looksLikeJson(input) ? readAnswersJson(input) : readAnswersCsv(input);
}

/**
 * A CSV header column that is not an indicator of the scheme is a wrong column, even when every
 * cell under it is empty (the engine never sees empty cells).
 */
export function checkAnswerColumns(answers: AnswersFile, scheme: Scheme): void {
  if (answers.columns === undefined) return;
  const codes = new Set(indicatorCodes(scheme));
  for (const column of answers.columns) {
    if (!codes.has(column)) {
      throw new CliError(
        'errors.column_not_indicator',
        { column: column === '' ? '""' : column, scheme: scheme.id },
        { file: answers.file, row: 1, column },
      );
    }
  }
}

/**
 * The scheme to score under: `--scheme` or the file's "scheme"; both given must agree.
 */
export function schemeIdFor(answers: AnswersFile, flag: string | undefined): string {
  if (flag !== undefined && answers.scheme !== undefined && flag !== answers.scheme) {
    throw new CliError('errors.scheme_conflict', { file: answers.scheme, flag }, { file: answers.file, path: 'scheme' });
  }
  const id = flag ?? answers.scheme;
  if (id === undefined) throw new CliError('errors.scheme_required');
  return id;
}

/** Reads FILE (or `-`), settles the scheme and checks the CSV columns against it. */
export async function loadAnswers(
  fileArg: string,
  schemeFlag: string | undefined,
  io: CliIo,
): Promise<{ answers: AnswersFile; scheme: Scheme }> {
  const answers = readAnswers(await readInput(fileArg, io));
  const scheme = loadScheme(schemeIdFor(answers, schemeFlag));
  checkAnswerColumns(answers, scheme);
  return { answers, scheme };
}
