/**
 * Imports from documented templates (issue 5 §5): historical government results, and the answer
 * sheets of one unit. Each template is generated here (so the template and its parser cannot
 * drift apart) and explains itself on a Petunjuk/Instructions sheet; README.md beside this file
 * documents both formats.
 *
 * Validation is all-or-nothing: every row is read and checked first, then the result is either
 * `{ok: true, value}` with every row, or `{ok: false, errors}` with every problem located as
 * Excel shows it (sheet, row number, column letter and header) and no value at all. Bad input
 * never throws; only a failing `ctx.lookupBody` (e.g. the database is down) does.
 * CSV is accepted for both: UTF-8 with or without BOM, "," or ";" separated.
 */
import type ExcelJS from 'exceljs';
import { loadExcel } from '../lazy-libs.ts';
import { bandOf, round2 } from '../../core/index.ts';
import type { Instrument, Lang, Scheme, Sheet } from '../../core/types.ts';
import { getScheme as libraryScheme, schemeIds } from '../../../methodologies/index.ts';
import { issueMessage, label, sheetNames } from './i18n.ts';
import type { ImportIssueCode } from './i18n.ts';
import { cellNumber, cellText, normalizeHeader, readTables } from './read-table.ts';
import type { Cell, Grid, GridRow } from './read-table.ts';
import type {
  AnswersImportOptions,
  HistoricalResult,
  ImportedAnswers,
  ImportIssue,
  ImportResult,
  KnownBody,
  ProgressCallback,
  ResultsImportContext,
} from './types.ts';
import { columnLetter } from './workbook.ts';

/** Name of the hidden sheet that tells which template (and scheme) a workbook was made from. */
export const META_SHEET = '_pantau';
const DEFAULT_MAX_ROWS = 100_000;
const DEFAULT_MAX_ERRORS = 1_000;
const CHUNK = 1_000;

// ---------------------------------------------------------------------------------------------
// Issue collection
// ---------------------------------------------------------------------------------------------

class Issues {
  readonly list: ImportIssue[] = [];
  full = false;
  constructor(private readonly max: number) {}

  add(
    code: ImportIssueCode,
    at: { sheet: string | null; row?: number | null; col?: number | null; header?: string | null; value?: Cell },
    params: Record<string, string | number> = {},
  ): void {
    if (this.full) return;
    if (this.list.length >= this.max) {
      this.full = true;
      this.list.push({
        sheet: null,
        row: null,
        column: null,
        header: null,
        code: 'file.too_many_errors',
        message: issueMessage('file.too_many_errors', { max: this.max }),
      });
      return;
    }
    const value = at.value === undefined || at.value === null ? undefined : cellText(at.value);
    const issue: ImportIssue = {
      sheet: at.sheet,
      row: at.row ?? null,
      column: at.col === undefined || at.col === null ? null : columnLetter(at.col + 1),
      header: at.header ?? null,
      code,
      message: issueMessage(code, { ...(value === undefined ? {} : { value }), ...params }),
    };
    if (value !== undefined) issue.value = value;
    this.list.push(issue);
  }
}

const failure = <T>(issues: ImportIssue[]): ImportResult<T> => ({ ok: false, errors: issues });

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function progress(cb: ProgressCallback | undefined, done: number, total: number): Promise<void> {
  if (cb === undefined) return;
  cb(done, total);
  await yieldToEventLoop();
}

/** Sheets the parsers never read as data: instructions, descriptors, the meta sheet. */
const NON_DATA_SHEETS = new Set(
  [...sheetNames('sheet.instructions'), ...sheetNames('sheet.descriptors'), ...sheetNames('sheet.assumptions'), META_SHEET].map((s) =>
    s.toLowerCase(),
  ),
);

/** Key → value pairs of the meta sheet (column A → column B), when present. */
function readMeta(grids: Grid[]): Map<string, string> {
  const meta = new Map<string, string>();
  const grid = grids.find((g) => g.sheet === META_SHEET);
  for (const row of grid?.rows ?? []) meta.set(cellText(row.cells[0]), cellText(row.cells[1]));
  return meta;
}

/** Header cells → column index per field; reports duplicates. */
interface HeaderMap<F extends string> {
  fields: Map<F, number>;
  /** Every non-blank header: index → text as written. */
  texts: Map<number, string>;
}

function mapHeaders<F extends string>(
  header: GridRow,
  sheet: string | null,
  aliases: Record<F, readonly string[]>,
  issues: Issues,
  onOther?: (col: number, text: string) => void,
): HeaderMap<F> {
  const fields = new Map<F, number>();
  const texts = new Map<number, string>();
  const lookup = new Map<string, F>();
  for (const [field, names] of Object.entries(aliases) as [F, readonly string[]][]) {
    for (const n of names) lookup.set(n, field);
  }
  header.cells.forEach((cell, col) => {
    const text = cellText(cell);
    if (text === '') return;
    texts.set(col, text);
    const field = lookup.get(normalizeHeader(cell));
    if (field === undefined) {
      onOther?.(col, text);
      return;
    }
    const seen = fields.get(field);
    if (seen !== undefined) {
      issues.add('column.duplicate', { sheet, row: header.number, col, header: text }, { header: text, other: columnLetter(seen + 1) });
      return;
    }
    fields.set(field, col);
  });
  return { fields, texts };
}

// ---------------------------------------------------------------------------------------------
// Historical results
// ---------------------------------------------------------------------------------------------

type ResultField = 'year' | 'bodyCode' | 'name' | 'schemeId' | 'score' | 'rank';

/** Template header per field and language (the first alias of each language). */
const RESULT_HEADERS: Record<ResultField, { id: string; en: string; required: boolean }> = {
  year: { id: 'tahun', en: 'year', required: true },
  bodyCode: { id: 'kode_instansi', en: 'body_code', required: true },
  name: { id: 'nama', en: 'name', required: true },
  schemeId: { id: 'skema', en: 'scheme_id', required: true },
  score: { id: 'nilai', en: 'score', required: true },
  rank: { id: 'peringkat', en: 'rank', required: false },
};

/** Accepted header names per field (normalised: lower case, "_" for spaces). */
export const RESULT_HEADER_ALIASES: Record<ResultField, readonly string[]> = {
  year: ['tahun', 'year', 'cycle_year'],
  bodyCode: ['kode_instansi', 'body_code', 'kode', 'kode_kemendagri', 'code'],
  name: ['nama', 'name', 'nama_instansi', 'body_name'],
  schemeId: ['skema', 'scheme_id', 'scheme', 'kode_skema'],
  score: ['nilai', 'score'],
  rank: ['peringkat', 'rank'],
};

const RESULT_FIELDS = Object.keys(RESULT_HEADERS) as ResultField[];

/**
 * A body code cell as text. Excel turns a code typed into a General cell into a number, and
 * "36.10" into 36.1: Kemendagri regency codes always have two digits after the dot, so a
 * fractional number is read back with two decimals.
 */
function bodyCodeOf(cell: Cell | undefined): string {
  if (typeof cell === 'number') return Number.isInteger(cell) ? String(cell) : cell.toFixed(2);
  return cellText(cell);
}

/**
 * Parse a historical results file (.xlsx from `resultsTemplateXlsx`, or CSV with the same
 * headers). Checks every row: required cells, year, body code against `ctx.lookupBody`, scheme
 * id, score numeric and inside the scheme's result range, rank, duplicate (year, body, scheme).
 */
export async function parseResultsImport(
  input: Buffer | Uint8Array,
  ctx: ResultsImportContext & { onProgress?: ProgressCallback },
): Promise<ImportResult<HistoricalResult[]>> {
  const issues = new Issues(ctx.maxErrors ?? DEFAULT_MAX_ERRORS);
  const read = await readTables(input);
  if (!read.ok) return failure([read.issue]);
  const schemeOf = ctx.getScheme ?? libraryScheme;

  const candidates = read.grids.filter((g) => !g.hidden && !NON_DATA_SHEETS.has((g.sheet ?? '').toLowerCase()));
  const named = new Set(sheetNames('sheet.results').map((s) => s.toLowerCase()));
  const grid = candidates.find((g) => named.has((g.sheet ?? '').toLowerCase())) ?? candidates[0];
  const header = grid?.rows[0];
  if (grid === undefined || header === undefined) return failure([fileLevel('file.empty')]);
  const sheet = grid.sheet;

  const { fields, texts } = mapHeaders(header, sheet, RESULT_HEADER_ALIASES, issues);
  for (const f of RESULT_FIELDS) {
    const h = RESULT_HEADERS[f];
    if (h.required && !fields.has(f)) {
      issues.add('column.missing', { sheet, row: header.number }, { header: `${h.id} / ${h.en}` });
    }
  }
  if (issues.list.length > 0) return failure(issues.list);

  const data = grid.rows.slice(1);
  if (data.length === 0) return failure([fileLevel('file.empty')]);
  const maxRows = ctx.maxRows ?? DEFAULT_MAX_ROWS;
  if (data.length > maxRows) return failure([fileLevel('file.too_many_rows', { rows: data.length, max: maxRows })]);

  const col = (f: ResultField): number | undefined => fields.get(f);
  const at = (row: GridRow, f: ResultField) => {
    const c = col(f);
    return {
      sheet,
      row: row.number,
      col: c ?? null,
      header: c === undefined ? null : (texts.get(c) ?? null),
      value: c === undefined ? null : (row.cells[c] ?? null),
    };
  };
  const bodies = new Map<string, KnownBody | null>();
  const seen = new Map<string, number>();
  const value: HistoricalResult[] = [];

  for (let k = 0; k < data.length && !issues.full; k++) {
    const row = data[k]!;
    if (k > 0 && k % CHUNK === 0) await progress(ctx.onProgress, k, data.length);
    const cell = (f: ResultField): Cell | undefined => {
      const c = col(f);
      return c === undefined ? undefined : row.cells[c];
    };
    const before = issues.list.length;

    const yearN = cellNumber(cell('year'));
    if (yearN === null) issues.add('value.required', at(row, 'year'));
    else if (!Number.isInteger(yearN) || yearN < 2000 || yearN > 2100) issues.add('year.invalid', at(row, 'year'));

    const code = bodyCodeOf(cell('bodyCode'));
    let body: KnownBody | null = null;
    if (code === '') issues.add('value.required', at(row, 'bodyCode'));
    else {
      if (!bodies.has(code)) bodies.set(code, (await ctx.lookupBody(code)) ?? null);
      body = bodies.get(code) ?? null;
      if (body === null) issues.add('body.unknown', { ...at(row, 'bodyCode'), value: code });
    }

    const schemeId = cellText(cell('schemeId'));
    const scheme = schemeId === '' ? undefined : schemeOf(schemeId);
    if (schemeId === '') issues.add('value.required', at(row, 'schemeId'));
    else if (scheme === undefined) issues.add('scheme.unknown', at(row, 'schemeId'));

    const scoreN = cellNumber(cell('score'));
    let score: number | null = null;
    if (scoreN === null) issues.add('value.required', at(row, 'score'));
    else if (!Number.isFinite(scoreN)) issues.add('score.not_number', at(row, 'score'));
    else if (scheme !== undefined) {
      const rounded = round2(scoreN);
      if (rounded < scheme.result.min || rounded > scheme.result.max) {
        issues.add('score.out_of_range', at(row, 'score'), { scheme: scheme.id, min: scheme.result.min, max: scheme.result.max });
      } else score = rounded;
    }

    const rankN = cellNumber(cell('rank'));
    if (rankN !== null && (!Number.isInteger(rankN) || rankN < 1)) issues.add('rank.invalid', at(row, 'rank'));

    if (issues.list.length > before || yearN === null || body === null || scheme === undefined || score === null) continue;
    const key = `${yearN}|${code}|${scheme.id}`;
    const first = seen.get(key);
    if (first !== undefined) {
      issues.add('row.duplicate', at(row, 'bodyCode'), { other: first, key: `${yearN}, ${code}, ${scheme.id}` });
      continue;
    }
    seen.set(key, row.number);
    const name = cellText(cell('name'));
    value.push({
      row: row.number,
      sheet,
      year: yearN,
      bodyCode: code,
      body,
      name: name === '' ? null : name,
      schemeId: scheme.id,
      score,
      band: bandOf(scheme, score),
      rank: rankN,
    });
  }
  await progress(ctx.onProgress, data.length, data.length);
  if (issues.list.length > 0) return failure(issues.list);
  return { ok: true, value };
}

function fileLevel(code: ImportIssueCode, params: Record<string, string | number> = {}): ImportIssue {
  return { sheet: null, row: null, column: null, header: null, code, message: issueMessage(code, params) };
}

// ---------------------------------------------------------------------------------------------
// Answer sheets
// ---------------------------------------------------------------------------------------------

const RESPONDENT_ALIASES = ['responden', 'respondent', 'produk', 'product', 'nama_responden'] as const;
const INSTRUMENT_ALIASES = ['instrumen', 'instrument'] as const;

interface IndicatorInfo {
  code: string;
  min: number;
  max: number;
}

/** Every indicator code of a scheme (scored and supplement) with its scale. */
function indicatorIndex(scheme: Scheme): Map<string, IndicatorInfo> {
  const map = new Map<string, IndicatorInfo>();
  const add = (i: { code: string; scale: { min: number; max: number } }): void => {
    map.set(i.code.toUpperCase(), { code: i.code, min: i.scale.min, max: i.scale.max });
  };
  for (const d of scheme.dimensions) for (const v of d.variables) for (const i of v.indicators) add(i);
  for (const s of scheme.supplements) for (const i of s.indicators) add(i);
  return map;
}

interface AnswerColumn {
  col: number;
  header: string;
  info: IndicatorInfo;
}

/**
 * Parse the answer sheets of one unit (.xlsx from `answersTemplateXlsx`, or one CSV with an
 * "instrumen" column) into the engine's Sheet shape, ready for `scoreUnit(scheme, value)`.
 * Checks: the template's scheme, sheet names (instrument codes), required columns, indicator
 * columns (known to the scheme, answered by the instrument), every answer a whole number on the
 * indicator's scale, duplicate respondents within an instrument. Rows without any answer are
 * skipped (templates come with respondent labels pre-filled).
 */
export async function parseAnswersImport(
  input: Buffer | Uint8Array,
  scheme: Scheme,
  opts: AnswersImportOptions & { onProgress?: ProgressCallback } = {},
): Promise<ImportResult<ImportedAnswers>> {
  const issues = new Issues(opts.maxErrors ?? DEFAULT_MAX_ERRORS);
  const read = await readTables(input);
  if (!read.ok) return failure([read.issue]);

  const meta = readMeta(read.grids);
  const templateScheme = meta.get('scheme_id');
  if (templateScheme !== undefined && templateScheme !== '' && templateScheme !== scheme.id) {
    return failure([fileLevel('scheme.mismatch', { found: templateScheme, expected: scheme.id })]);
  }

  const instruments = new Map(scheme.instruments.map((i) => [i.code.toLowerCase(), i]));
  const instrumentList = scheme.instruments.map((i) => i.code).join(', ');
  const indicators = indicatorIndex(scheme);

  // Which grids hold answers, and for which instrument (null: a CSV naming it per row).
  const work: { grid: Grid; instrument: Instrument | null }[] = [];
  for (const grid of read.grids) {
    if (grid.sheet === null) {
      work.push({ grid, instrument: null });
      continue;
    }
    if (NON_DATA_SHEETS.has(grid.sheet.toLowerCase())) continue;
    const instrument = instruments.get(grid.sheet.trim().toLowerCase());
    if (instrument !== undefined) work.push({ grid, instrument });
    else if (!grid.hidden && grid.rows.length > 0) {
      issues.add('sheet.unknown', { sheet: grid.sheet }, { sheet: grid.sheet, scheme: scheme.id, instruments: instrumentList });
    }
  }
  const total = work.reduce((n, w) => n + Math.max(0, w.grid.rows.length - 1), 0);
  const maxRows = opts.maxRows ?? DEFAULT_MAX_ROWS;
  if (total > maxRows) return failure([fileLevel('file.too_many_rows', { rows: total, max: maxRows })]);

  const sheets: Sheet[] = [];
  const origins: ImportedAnswers['origins'] = [];
  const perInstrument = new Map<string, number>();
  const seen = new Map<string, number>();
  let done = 0;

  for (const { grid, instrument: fixed } of work) {
    const header = grid.rows[0];
    if (header === undefined) continue;
    const sheet = grid.sheet;
    const columns: AnswerColumn[] = [];
    const claimed = new Map<string, number>();
    let otherHeaders = 0;
    const aliases: Record<'respondent' | 'instrument', readonly string[]> =
      fixed === null
        ? { respondent: RESPONDENT_ALIASES, instrument: INSTRUMENT_ALIASES }
        : { respondent: RESPONDENT_ALIASES, instrument: [] };
    const { fields } = mapHeaders(header, sheet, aliases, issues, (col, text) => {
      otherHeaders++;
      const info = indicators.get(text.toUpperCase());
      const at = { sheet, row: header.number, col, header: text };
      if (info === undefined) {
        issues.add('indicator.unknown', at, { header: text, scheme: scheme.id });
        return;
      }
      if (fixed !== null && !fixed.covers.includes(info.code)) {
        issues.add('indicator.not_covered', at, { indicator: info.code, instrument: fixed.code });
        return;
      }
      const other = claimed.get(info.code);
      if (other !== undefined) {
        issues.add('column.duplicate', at, { header: text, other: columnLetter(other + 1) });
        return;
      }
      claimed.set(info.code, col);
      columns.push({ col, header: text, info });
    });
    // Data under a blank header would be silently dropped: report it.
    const width = Math.max(...grid.rows.map((r) => r.cells.length));
    for (let c = 0; c < width; c++) {
      if (cellText(header.cells[c]) !== '') continue;
      const row = grid.rows.slice(1).find((r) => cellText(r.cells[c]) !== '');
      if (row !== undefined) issues.add('column.no_header', { sheet, row: row.number, col: c, value: row.cells[c] ?? null });
    }
    const respondentCol = fields.get('respondent');
    const instrumentCol = fields.get('instrument');
    if (respondentCol === undefined) {
      issues.add('column.missing', { sheet, row: header.number }, { header: 'responden / respondent' });
    }
    if (fixed === null && instrumentCol === undefined) {
      issues.add('column.missing', { sheet, row: header.number }, { header: 'instrumen / instrument' });
    }
    if (otherHeaders === 0) issues.add('column.no_indicators', { sheet, row: header.number });
    if (respondentCol === undefined || (fixed === null && instrumentCol === undefined)) continue;

    for (const row of grid.rows.slice(1)) {
      if (issues.full) break;
      done++;
      if (done % CHUNK === 0) await progress(opts.onProgress, done, total);
      const before = issues.list.length;
      let instrument = fixed;
      if (instrument === null && instrumentCol !== undefined) {
        const code = cellText(row.cells[instrumentCol]);
        instrument = instruments.get(code.toLowerCase()) ?? null;
        if (instrument === null) {
          issues.add(
            code === '' ? 'value.required' : 'instrument.unknown',
            {
              sheet,
              row: row.number,
              col: instrumentCol,
              header: cellText(header.cells[instrumentCol]),
              value: row.cells[instrumentCol] ?? null,
            },
            { scheme: scheme.id, instruments: instrumentList },
          );
          continue;
        }
      }
      if (instrument === null) continue;
      const answers: Sheet['answers'] = {};
      let answered = 0;
      for (const c of columns) {
        const cell = row.cells[c.col];
        const n = cellNumber(cell);
        if (n === null) continue;
        const at = { sheet, row: row.number, col: c.col, header: c.header, value: cell ?? null };
        const params = { indicator: c.info.code, min: c.info.min, max: c.info.max, instrument: instrument.code };
        if (!instrument.covers.includes(c.info.code)) issues.add('indicator.not_covered', at, params);
        else if (!Number.isInteger(n)) issues.add('answer.not_integer', at, params);
        else if (n < c.info.min || n > c.info.max) issues.add('answer.out_of_scale', at, params);
        else {
          answers[c.info.code] = n;
          answered++;
        }
      }
      if (issues.list.length > before || answered === 0) continue;
      const labelText = cellText(row.cells[respondentCol]);
      const count = (perInstrument.get(instrument.code) ?? 0) + 1;
      if (labelText !== '') {
        const key = `${instrument.code}\u0000${labelText.toLowerCase()}`;
        const first = seen.get(key);
        if (first !== undefined) {
          issues.add(
            'row.duplicate',
            { sheet, row: row.number, col: respondentCol, header: cellText(header.cells[respondentCol]), value: labelText },
            { other: first, key: `${instrument.code}, ${labelText}` },
          );
          continue;
        }
        seen.set(key, row.number);
      }
      perInstrument.set(instrument.code, count);
      sheets.push({ instrument: instrument.code, respondent: labelText === '' ? `${instrument.code} ${count}` : labelText, answers });
      origins.push({ sheet, row: row.number });
    }
  }
  await progress(opts.onProgress, total, total);
  if (issues.list.length > 0) return failure(issues.list);
  if (sheets.length === 0) return failure([fileLevel('file.empty')]);
  return { ok: true, value: { schemeId: scheme.id, sheets, origins } };
}

// ---------------------------------------------------------------------------------------------
// Templates
// ---------------------------------------------------------------------------------------------

type DataValidationTarget = { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } };

/** Range-wide data validation (exceljs supports it but leaves it out of its typings). */
function validate(ws: ExcelJS.Worksheet, range: string, validation: ExcelJS.DataValidation): void {
  (ws as unknown as DataValidationTarget).dataValidations.add(range, validation);
}

function styleHeader(row: ExcelJS.Row): void {
  row.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE5E7EB' } };
  });
}

function addMeta(wb: ExcelJS.Workbook, entries: [string, string][]): void {
  const ws = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  for (const e of entries) ws.addRow(e);
}

/** Instructions sheet: a title, paragraphs, then an optional table. */
function addInstructions(
  wb: ExcelJS.Workbook,
  lang: Lang,
  title: string,
  paragraphs: string[],
  table?: { headers: string[]; rows: (string | number)[][]; widths: number[] },
): void {
  const ws = wb.addWorksheet(label(lang, 'sheet.instructions'));
  ws.getColumn(1).width = 24;
  const t = ws.addRow([title]);
  t.getCell(1).font = { bold: true, size: 13 };
  for (const p of paragraphs) {
    const r = ws.addRow([p]);
    ws.mergeCells(r.number, 1, r.number, Math.max(4, table?.headers.length ?? 4));
    r.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    r.height = 15 * Math.ceil(p.length / 110);
  }
  if (table === undefined) return;
  ws.addRow([]);
  styleHeader(ws.addRow(table.headers));
  for (const r of table.rows) ws.addRow(r).alignment = { wrapText: true, vertical: 'top' };
  for (const [k, w] of table.widths.entries()) ws.getColumn(k + 1).width = w;
}

async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

const TEMPLATE_ROWS = 5_000;

/**
 * The historical results template: sheet "Hasil"/"Results" with the header row (tahun,
 * kode_instansi, nama, skema, nilai, peringkat — or year, body_code, name, scheme_id, score,
 * rank), the body-code column formatted as text, Excel data validation on year, score and rank;
 * a Petunjuk/Instructions sheet describing each column and the known schemes with their ranges.
 */
export async function resultsTemplateXlsx(lang: Lang): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'Pantau';
  const ws = wb.addWorksheet(label(lang, 'sheet.results'), { views: [{ state: 'frozen', ySplit: 1 }] });
  const header = ws.addRow(RESULT_FIELDS.map((f) => RESULT_HEADERS[f][lang]));
  styleHeader(header);
  const widths: Record<ResultField, number> = { year: 8, bodyCode: 16, name: 36, schemeId: 18, score: 9, rank: 11 };
  RESULT_FIELDS.forEach((f, k) => {
    const column = ws.getColumn(k + 1);
    column.width = widths[f];
    if (f === 'bodyCode') column.numFmt = '@';
    if (f === 'score') column.numFmt = '0.00';
  });
  const letter = (f: ResultField): string => columnLetter(RESULT_FIELDS.indexOf(f) + 1);
  const range = (f: ResultField): string => `${letter(f)}2:${letter(f)}${TEMPLATE_ROWS + 1}`;
  validate(ws, range('year'), { type: 'whole', operator: 'between', formulae: [2000, 2100], allowBlank: true, showErrorMessage: true });
  validate(ws, range('score'), { type: 'decimal', operator: 'between', formulae: [0, 100], allowBlank: true, showErrorMessage: true });
  validate(ws, range('rank'), { type: 'whole', operator: 'greaterThanOrEqual', formulae: [1], allowBlank: true, showErrorMessage: true });

  const fieldText: Record<ResultField, string> = {
    year: label(lang, 'field.year'),
    bodyCode: label(lang, 'field.bodyCode'),
    name: label(lang, 'field.name'),
    schemeId: label(lang, 'field.schemeId'),
    score: label(lang, 'field.score'),
    rank: label(lang, 'field.rank'),
  };
  const examples: Record<ResultField, string> = {
    year: '2022',
    bodyCode: '36.71',
    name: 'Kota Tangerang',
    schemeId: 'ombudsman-2022',
    score: '87.45',
    rank: '3',
  };
  const schemes = schemeIds
    .map((id) => libraryScheme(id))
    .filter((s): s is Scheme => s !== undefined)
    .map((s) => `${s.id}: ${s.result.min}–${s.result.max}`)
    .join(' · ');
  addInstructions(
    wb,
    lang,
    label(lang, 'tpl.results.title'),
    [label(lang, 'tpl.results.intro'), label(lang, 'tpl.results.csv'), `${label(lang, 'tpl.results.schemes')} ${schemes}`],
    {
      headers: [label(lang, 'col.column'), label(lang, 'col.required'), label(lang, 'col.meaning'), label(lang, 'col.example')],
      rows: RESULT_FIELDS.map((f) => [
        `${RESULT_HEADERS[f][lang]} (${RESULT_HEADER_ALIASES[f].filter((a) => a !== RESULT_HEADERS[f][lang]).join(', ')})`,
        label(lang, RESULT_HEADERS[f].required ? 'yes' : 'no'),
        fieldText[f],
        examples[f],
      ]),
      widths: [40, 9, 70, 18],
    },
  );
  addMeta(wb, [
    ['template', 'results'],
    ['lang', lang],
  ]);
  return toBuffer(wb);
}

/** Rows a template pre-labels for an instrument: its quota target (at least 2 for products). */
function templateRows(instrument: Instrument): number {
  return Math.max(instrument.quota.target, instrument.perProduct === true ? 2 : 1);
}

/**
 * The answer-sheet template of a scheme: one sheet per instrument (named by its code; column A
 * the respondent or product, then a column per covered indicator code, the indicator text and
 * scale in a note on the header; one pre-labelled row per quota respondent; Excel data validation
 * of the scale), a Deskriptor/Descriptors sheet with every level descriptor, and a
 * Petunjuk/Instructions sheet. A hidden sheet records the scheme id, so a template filled for
 * one scheme is refused by another.
 */
export async function answersTemplateXlsx(scheme: Scheme, lang: Lang): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'Pantau';
  const byCode = new Map<
    string,
    { text: string; min: number; max: number; place: string; variable: string; levels: { value: number; descriptor: string }[] }
  >();
  for (const d of scheme.dimensions) {
    for (const v of d.variables) {
      for (const i of v.indicators) {
        byCode.set(i.code, {
          text: i.text[lang],
          min: i.scale.min,
          max: i.scale.max,
          place: d.title[lang],
          variable: v.title[lang],
          levels: i.scale.levels.map((l) => ({ value: l.value, descriptor: l.descriptor[lang] })),
        });
      }
    }
  }
  for (const s of scheme.supplements) {
    for (const i of s.indicators) {
      byCode.set(i.code, {
        text: i.text[lang],
        min: i.scale.min,
        max: i.scale.max,
        place: s.title[lang],
        variable: '',
        levels: i.scale.levels.map((l) => ({ value: l.value, descriptor: l.descriptor[lang] })),
      });
    }
  }

  addInstructions(
    wb,
    lang,
    label(lang, 'tpl.answers.title', { scheme: `${scheme.id} v${scheme.version} — ${scheme.title[lang]}` }),
    [label(lang, 'tpl.answers.intro'), label(lang, 'tpl.answers.check'), label(lang, 'tpl.answers.csv')],
    {
      headers: [
        label(lang, 'col.instrument'),
        label(lang, 'col.name'),
        label(lang, 'col.respondent'),
        label(lang, 'col.quota'),
        label(lang, 'col.indicator'),
      ],
      rows: scheme.instruments.map((i) => [i.code, i.title[lang], i.respondent[lang], i.quota.target, i.covers.join(', ')]),
      widths: [24, 40, 30, 8, 60],
    },
  );

  for (const instrument of scheme.instruments) {
    const codes = instrument.covers.filter((c) => byCode.has(c));
    const ws = wb.addWorksheet(instrument.code, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
    const header = ws.addRow([label(lang, 'col.respondent').toLowerCase(), ...codes]);
    styleHeader(header);
    ws.getColumn(1).width = 30;
    codes.forEach((code, k) => {
      const info = byCode.get(code)!;
      const cell = header.getCell(k + 2);
      cell.note = `${code}: ${label(lang, 'tpl.answers.scale', { min: info.min, max: info.max, text: info.text })}`;
      ws.getColumn(k + 2).width = Math.max(7, code.length + 3);
    });
    const n = templateRows(instrument);
    for (let r = 1; r <= n; r++) ws.addRow([`${instrument.respondent[lang]} ${r}`]);
    codes.forEach((code, k) => {
      const info = byCode.get(code)!;
      const letter = columnLetter(k + 2);
      validate(ws, `${letter}2:${letter}${n + 51}`, {
        type: 'whole',
        operator: 'between',
        formulae: [info.min, info.max],
        allowBlank: true,
        showErrorMessage: true,
        errorTitle: code,
        error: label(lang, 'tpl.answers.scale', { min: info.min, max: info.max, text: '' }).trim(),
      });
    });
  }

  const desc = wb.addWorksheet(label(lang, 'sheet.descriptors'), { views: [{ state: 'frozen', ySplit: 1 }] });
  styleHeader(
    desc.addRow([
      label(lang, 'col.indicator'),
      label(lang, 'col.indicatorText'),
      label(lang, 'col.dimension'),
      label(lang, 'col.variable'),
      label(lang, 'col.instrument'),
      label(lang, 'col.level'),
      label(lang, 'col.descriptor'),
    ]),
  );
  for (const [code, info] of byCode) {
    const by = scheme.instruments
      .filter((i) => i.covers.includes(code))
      .map((i) => i.code)
      .join(', ');
    for (const level of info.levels) {
      desc.addRow([code, info.text, info.place, info.variable, by, level.value, level.descriptor]).alignment = {
        wrapText: true,
        vertical: 'top',
      };
    }
  }
  for (const [k, w] of [10, 50, 22, 28, 22, 8, 80].entries()) desc.getColumn(k + 1).width = w;
  desc.autoFilter = { from: { row: 1, column: 1 }, to: { row: desc.rowCount, column: 7 } };

  addMeta(wb, [
    ['template', 'answers'],
    ['scheme_id', scheme.id],
    ['scheme_version', scheme.version],
    ['lang', lang],
  ]);
  return toBuffer(wb);
}
