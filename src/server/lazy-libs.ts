// Libraries only some requests need, loaded on first use, not at start: exceljs (≈ 0.4 s),
// archiver (≈ 0.2 s). Together with pdfmake (reports/pdf.ts) and the rapor's ECharts
// (reports/routes.ts) that is ≈ 2 s of a start that serves neither a workbook nor a zip.
import type ExcelJSModule from 'exceljs';
import type archiverFn from 'archiver';

let excel: Promise<typeof ExcelJSModule> | undefined;
let zip: Promise<typeof archiverFn> | undefined;

export function loadExcel(): Promise<typeof ExcelJSModule> {
  excel ??= import('exceljs').then((m) => m.default);
  return excel;
}

export function loadArchiver(): Promise<typeof archiverFn> {
  zip ??= import('archiver').then((m) => m.default);
  return zip;
}
