/**
 * Reads an uploaded file into plain grids of cells, whatever it is: an .xlsx workbook (one grid
 * per worksheet) or a CSV text (one grid; UTF-8 with or without BOM, "," or ";" separated).
 * Row numbers are kept as Excel shows them, so every later error can point at the cell the user
 * sees. Never throws on bad input: an unreadable file is an ImportIssue. Internal to this folder.
 */
import type ExcelJS from 'exceljs';
import { loadExcel } from '../lazy-libs.ts';
import { parse } from 'csv-parse/sync';
import { issueMessage } from './i18n.ts';
import { type ZipLimits, XLSX_LIMITS, inspectXlsx } from './zip-guard.ts';
import type { ImportIssue } from './types.ts';

export type Cell = string | number | boolean | null;

export interface GridRow {
  /** 1-based row number as Excel shows it. */
  number: number;
  /** cells[0] is column A. */
  cells: Cell[];
}

export interface Grid {
  /** Worksheet name; null for CSV. */
  sheet: string | null;
  hidden: boolean;
  /** Non-empty rows only, in order. */
  rows: GridRow[];
}

export type ReadResult = { ok: true; format: 'xlsx' | 'csv'; grids: Grid[] } | { ok: false; issue: ImportIssue };

type FileIssueCode =
  | 'file.empty'
  | 'file.unreadable'
  | 'file.xls'
  | 'file.encoding'
  | 'file.too_large'
  | 'file.too_many_parts'
  | 'file.too_many_rows';

function fileIssue(code: FileIssueCode, reason: string | Record<string, string | number> = ''): ReadResult {
  const params = typeof reason === 'string' ? { reason } : reason;
  return { ok: false, issue: { sheet: null, row: null, column: null, header: null, code, message: issueMessage(code, params) } };
}

/**
 * Limits checked before any parser runs (issue 15 D5): the inflated size, parts and rows of an
 * .xlsx (zip-guard.ts), the lines of a CSV.
 */
export const READ_LIMITS = XLSX_LIMITS;

/** True when the row has at least one non-blank cell. */
export function rowHasData(cells: readonly Cell[]): boolean {
  return cells.some((c) => c !== null && !(typeof c === 'string' && c.trim() === ''));
}

/** Plain value of an exceljs cell value (formula → its result, rich text → its text, …). */
function plain(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('error' in v) return String(v.error);
    if ('result' in v) {
      const r = (v as { result?: unknown }).result;
      if (r === undefined || r === null) return null;
      if (typeof r === 'object' && r !== null && 'error' in r) return String((r as { error: unknown }).error);
      return plain(r as ExcelJS.CellValue);
    }
    if ('text' in v) return plain((v as { text: ExcelJS.CellValue }).text);
    if ('formula' in v || 'sharedFormula' in v) return null;
  }
  return String(v);
}

async function readXlsx(buffer: Buffer, limits: ZipLimits): Promise<ReadResult> {
  const check = await inspectXlsx(buffer, limits);
  if (!check.ok) {
    switch (check.problem) {
      case 'size':
        return fileIssue('file.too_large', { max: check.max });
      case 'entries':
        return fileIssue('file.too_many_parts', { entries: check.entries, max: check.max });
      case 'rows':
        return fileIssue('file.too_many_rows', { rows: `> ${check.max}`, max: check.max });
      case 'corrupt':
        return fileIssue('file.unreadable', check.reason);
    }
  }
  const wb = new (await loadExcel()).Workbook();
  try {
    // exceljs's typings name an older Buffer type than @types/node 20's generic one.
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch (e) {
    return fileIssue('file.unreadable', e instanceof Error ? e.message : String(e));
  }
  const grids: Grid[] = [];
  wb.eachSheet((ws) => {
    const rows: GridRow[] = [];
    ws.eachRow({ includeEmpty: false }, (row, number) => {
      const values = row.values;
      const cells: Cell[] = [];
      if (Array.isArray(values)) {
        for (let k = 1; k < values.length; k++) cells.push(plain(values[k] as ExcelJS.CellValue));
      }
      if (rowHasData(cells)) rows.push({ number, cells });
    });
    grids.push({ sheet: ws.name, hidden: ws.state !== 'visible', rows });
  });
  return { ok: true, format: 'xlsx', grids };
}

/** The separator of a CSV: ";" when the first non-blank line has more semicolons than commas, else ",". */
function detectDelimiter(text: string): ',' | ';' {
  const first = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  let commas = 0;
  let semis = 0;
  let quoted = false;
  for (const ch of first) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semis++;
  }
  return semis > commas ? ';' : ',';
}

function readCsv(buffer: Buffer, limits: ZipLimits): ReadResult {
  // Lines before parsing: a file of a million short lines must not reach the parser.
  let lines = 0;
  for (let i = buffer.indexOf(0x0a); i >= 0; i = buffer.indexOf(0x0a, i + 1)) {
    if (++lines > limits.maxRows) return fileIssue('file.too_many_rows', { rows: `> ${limits.maxRows}`, max: limits.maxRows });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return fileIssue('file.encoding');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\u0000')) return fileIssue('file.unreadable', 'binary data');
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: false,
      trim: false,
    }) as string[][];
  } catch (e) {
    return fileIssue('file.unreadable', e instanceof Error ? e.message : String(e));
  }
  const rows: GridRow[] = [];
  records.forEach((record, k) => {
    const cells: Cell[] = record.map((c) => (c === '' ? null : c));
    if (rowHasData(cells)) rows.push({ number: k + 1, cells });
  });
  return { ok: true, format: 'csv', grids: [{ sheet: null, hidden: false, rows }] };
}

/**
 * Read an uploaded .xlsx or CSV. The format is told by the content (an .xlsx is a zip: "PK"),
 * not by the name or the declared type, which clients get wrong.
 */
export async function readTables(input: Buffer | Uint8Array, limits: ZipLimits = READ_LIMITS): Promise<ReadResult> {
  const buffer = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (buffer.length === 0) return fileIssue('file.empty');
  if (buffer[0] === 0x50 && buffer[1] === 0x4b) return readXlsx(buffer, limits);
  if (buffer[0] === 0xd0 && buffer[1] === 0xcf && buffer[2] === 0x11 && buffer[3] === 0xe0) return fileIssue('file.xls');
  return readCsv(buffer, limits);
}

/** Header text normalised for matching: trimmed, lower case, spaces and dashes as "_". */
export function normalizeHeader(cell: Cell): string {
  if (cell === null) return '';
  return String(cell)
    .trim()
    .toLowerCase()
    .replace(/[\s\-/]+/g, '_');
}

/** A cell as display text ("" for blank). */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  return typeof cell === 'string' ? cell.trim() : String(cell);
}

/**
 * A cell as a number: a number cell, or a numeric text with "." or a decimal "," (87,50).
 * Null for blank; NaN when not numeric.
 */
export function cellNumber(cell: Cell | undefined): number | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'number') return cell;
  if (typeof cell === 'boolean') return Number.NaN;
  const s = cell.trim();
  if (s === '') return null;
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(s)) return Number(s);
  if (/^[+-]?\d+,\d+$/.test(s)) return Number(s.replace(',', '.'));
  return Number.NaN;
}
