/**
 * Reading tabular input files (CSV or JSON) into rows of cells with their row number, so every
 * later error can name file, row and column. CSV: header on row 1; comma, semicolon or tab
 * separated (detected from the header; Indonesian Excel writes `;`); UTF-8 with or without BOM.
 * JSON: a document parsed with a line-numbered syntax error.
 */
import { parse } from 'csv-parse/sync';
import { CliError } from './errors.ts';
import type { InputText } from './io.ts';
import { jsonErrorOffset } from './json-locate.ts';

export interface CsvRow {
  /** Line number in the file (header = 1). */
  row: number;
  cells: string[];
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
}

/** The separator used most often in the header line, outside quotes; comma by default. */
function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const [ch, n] of counts) if (n > counts.get(best)!) best = ch;
  return best;
}

const QUOTE_ERRORS = new Set([
  'CSV_QUOTE_NOT_CLOSED',
  'INVALID_OPENING_QUOTE',
  'CSV_INVALID_CLOSING_QUOTE',
  'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE',
]);

export function readCsv(input: InputText): CsvTable {
  if (input.text.trim() === '') throw new CliError('errors.file_empty', {}, { file: input.name });
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(input.text, {
      delimiter: detectDelimiter(input.text),
      bom: true,
      info: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const { lines, code } = error as { lines?: unknown; code?: unknown };
    const reason = error instanceof Error ? error.message : String(error);
    const quote = typeof code === 'string' && QUOTE_ERRORS.has(code);
    throw new CliError(quote ? 'errors.csv_quote' : 'errors.csv_malformed', quote ? {} : { reason }, {
      file: input.name,
      ...(typeof lines === 'number' ? { row: lines } : {}),
    });
  }
  const [head, ...body] = records;
  if (head === undefined) throw new CliError('errors.file_empty', {}, { file: input.name });
  const header = head.record;
  const rows: CsvRow[] = [];
  for (const { record, info } of body) {
    // A line of only separators (`,,,`) is an empty line from a spreadsheet: skip it.
    if (record.every((cell) => cell === '')) continue;
    if (record.length !== header.length) {
      throw new CliError(
        'errors.csv_field_count',
        { actual: record.length, expected: header.length },
        { file: input.name, row: info.lines },
      );
    }
    rows.push({ row: info.lines, cells: record });
  }
  return { header, rows };
}

/** Parses JSON; a syntax error names its line and the character found there. */
export function readJson(input: InputText): unknown {
  if (input.text.trim() === '') throw new CliError('errors.file_empty', {}, { file: input.name });
  try {
    return JSON.parse(input.text);
  } catch {
    const offset = jsonErrorOffset(input.text);
    const row = input.text.slice(0, offset).split('\n').length;
    const found = input.text[offset];
    throw found === undefined
      ? new CliError('errors.json_unexpected_end', {}, { file: input.name, row })
      : new CliError('errors.json_unexpected', { found: JSON.stringify(found) }, { file: input.name, row });
  }
}

/** Rejects a header that names a column twice. */
export function checkDuplicateColumns(table: CsvTable, file: string): void {
  const seen = new Set<string>();
  for (const name of table.header) {
    if (seen.has(name)) throw new CliError('errors.duplicate_column', { column: name }, { file, row: 1, column: name });
    seen.add(name);
  }
}
