/**
 * The one table layout every export workbook uses, written with exceljs's streaming writer (so
 * a national cycle's ~150k indicator rows need neither a second copy in memory nor a DOM of
 * cells): a header block in rows 1–4 (title, cycle and scheme, notes), the column headers in
 * row TABLE_HEADER_ROW, frozen above the data, with an autofilter over the whole table, number
 * formats per column kind and widths sized to the content. Internal to this folder.
 */
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type ExcelJS from 'exceljs';
import { loadExcel } from '../lazy-libs.ts';
import type { ProgressCallback } from './types.ts';

/** Row of the column headers on every export sheet (rows above it: the header block). */
export const TABLE_HEADER_ROW = 6;
const BLOCK_LINES = TABLE_HEADER_ROW - 2;

export type CellKind = 'text' | 'score' | 'int' | 'movement' | 'decimal' | 'precise';

/** Excel number formats per column kind. Excel renders them with the reader's locale separators. */
export const NUM_FMT: Record<Exclude<CellKind, 'text'>, string> = {
  /** Published scores and dimension scores: 2 decimals. */
  score: '0.00',
  /** Ranks, counts. */
  int: '0',
  /** Rank movement with its sign (+3, -2, 0). */
  movement: '+0;-0;0',
  /** Points, weights, means: stored in full precision, shown with 2 decimals. */
  decimal: '0.00',
  /** Unrounded totals: 4 decimals shown. */
  precise: '0.0000',
};

export type CellValue = string | number | null;

export interface TableColumn<R> {
  header: string;
  kind: CellKind;
  value: (row: R) => CellValue;
  /** Column width in characters; default: sized to the header and the first rows. */
  width?: number;
}

export interface Table<R> {
  /** Sheet name (≤ 31 characters). */
  name: string;
  /** Up to four lines above the table; the first is the title. */
  block: string[];
  columns: TableColumn<R>[];
  rows: readonly R[];
  /** Columns frozen on the left (default 0). */
  freezeColumns?: number;
}

/** Erases the row type so tables of different rows go in one workbook. */
export function defineTable<R>(table: Table<R>): Table<unknown> {
  return table as unknown as Table<unknown>;
}

const SAMPLE_ROWS = 2000;
const CHUNK = 1000;

function widthOf(column: TableColumn<unknown>, rows: readonly unknown[]): number {
  if (column.width !== undefined) return column.width;
  let w = column.header.length + 2;
  const n = Math.min(rows.length, SAMPLE_ROWS);
  for (let i = 0; i < n; i++) {
    const v = column.value(rows[i]);
    const len = v === null ? 0 : typeof v === 'number' ? (column.kind === 'precise' ? 10 : 8) : v.length;
    if (len + 1 > w) w = len + 1;
  }
  return Math.max(6, Math.min(60, w));
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Write the tables, one sheet each, to an .xlsx Buffer. Calls `onProgress(done, total)` every
 * 1 000 rows and once at the end (done === total), yielding to the event loop between chunks so
 * a server can stream the progress while a long export runs.
 */
export async function writeTables(
  tables: Table<unknown>[],
  opts: { onProgress?: ProgressCallback | undefined; created?: Date | undefined } = {},
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  const wb = new (await loadExcel()).stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: true });
  wb.creator = 'Pantau';
  if (opts.created !== undefined) {
    wb.created = opts.created;
    wb.modified = opts.created;
  }
  const styles: Record<CellKind, Partial<ExcelJS.Style>> = {
    text: {},
    score: { numFmt: NUM_FMT.score },
    int: { numFmt: NUM_FMT.int },
    movement: { numFmt: NUM_FMT.movement },
    decimal: { numFmt: NUM_FMT.decimal },
    precise: { numFmt: NUM_FMT.precise },
  };
  const total = tables.reduce((n, t) => n + t.rows.length, 0);
  let done = 0;

  for (const table of tables) {
    const ncol = table.columns.length;
    const ws = wb.addWorksheet(table.name, {
      views: [
        {
          state: 'frozen',
          ySplit: TABLE_HEADER_ROW,
          xSplit: table.freezeColumns ?? 0,
          topLeftCell: `${columnLetter((table.freezeColumns ?? 0) + 1)}${TABLE_HEADER_ROW + 1}`,
        },
      ],
    });
    ws.columns = table.columns.map((c) => ({ width: widthOf(c, table.rows) }));

    for (let line = 0; line < TABLE_HEADER_ROW - 1; line++) {
      const text = line < BLOCK_LINES ? table.block[line] : undefined;
      const row = ws.addRow(text === undefined ? [] : [text]);
      if (text !== undefined) {
        row.getCell(1).font = line === 0 ? { bold: true, size: 13 } : { italic: true, color: { argb: 'FF444444' } };
      }
      row.commit();
    }

    const header = ws.addRow(table.columns.map((c) => c.header));
    header.eachCell((cell) => {
      cell.font = { bold: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE5E7EB' } };
      cell.border = { bottom: { style: 'thin', color: { argb: 'FF6B7280' } } };
      cell.alignment = { vertical: 'middle' };
    });
    header.commit();
    ws.autoFilter = {
      from: { row: TABLE_HEADER_ROW, column: 1 },
      to: { row: TABLE_HEADER_ROW + table.rows.length, column: Math.max(1, ncol) },
    };

    const cellStyles = table.columns.map((c) => styles[c.kind]);
    for (const item of table.rows) {
      const row = ws.addRow(table.columns.map((c) => c.value(item)));
      // One shared style object per kind: exceljs caches a style id per object (a WeakMap),
      // so this is ~3× faster than setting `numFmt` on each cell (which copies the style).
      for (const [k, style] of cellStyles.entries()) row.getCell(k + 1).style = style;
      row.commit();
      done++;
      if (done % CHUNK === 0) {
        opts.onProgress?.(done, total);
        await yieldToEventLoop();
      }
    }
    ws.commit();
  }
  await wb.commit();
  if (!sink.writableFinished) await finished(sink);
  opts.onProgress?.(total, total);
  return Buffer.concat(chunks);
}

/** 1 → "A", 27 → "AA". */
export function columnLetter(n: number): string {
  let s = '';
  let k = n;
  while (k > 0) {
    const r = (k - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    k = Math.floor((k - 1) / 26);
  }
  return s;
}
