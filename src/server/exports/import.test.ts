import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { getScheme } from '../../../methodologies/index.ts';
import { scoreUnit } from '../../core/index.ts';
import type { Scheme, UnitAnswers } from '../../core/types.ts';
import { answersTemplateXlsx, parseAnswersImport, parseResultsImport, resultsTemplateXlsx } from './import.ts';
import { generateAnswers, SAMPLE_BODIES, seededRandom } from './test-data.ts';
import type { ImportIssue, ImportResult, KnownBody, ResultsImportContext } from './types.ts';

const ombudsman2024 = getScheme('ombudsman-2024')!;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

type CellIn = string | number | null;

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return wb;
}

async function save(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A plain workbook with one sheet of rows, as a user might make by hand. */
async function workbook(rows: CellIn[][], name = 'Hasil'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(name);
  for (const r of rows) ws.addRow(r);
  return save(wb);
}

/** Load, change, save. */
async function edit(buffer: Buffer, change: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = await load(buffer);
  change(wb);
  return save(wb);
}

function csv(rows: CellIn[][], delimiter = ',', bom = false, eol = '\r\n'): Buffer {
  const text = rows.map((r) => r.map((c) => (c === null ? '' : String(c))).join(delimiter)).join(eol) + eol;
  return Buffer.from((bom ? '\uFEFF' : '') + text, 'utf8');
}

const registry = new Map<string, KnownBody>(
  SAMPLE_BODIES.map((b) => [b.code, { id: `id-${b.code}`, code: b.code, name: b.name, type: b.type }]),
);
const ctx: ResultsImportContext = { lookupBody: async (code) => registry.get(code) };

function errorsOf<T>(r: ImportResult<T>): ImportIssue[] {
  if (r.ok) throw new Error('expected ok: false');
  expect(r).not.toHaveProperty('value');
  return r.errors;
}

function okValue<T>(r: ImportResult<T>): T {
  if (!r.ok) throw new Error(`expected ok: true, got ${JSON.stringify(r.errors, null, 1)}`);
  return r.value;
}

/** Write answer sheets into a fresh answers template (instrument sheets, row 2 on). */
async function fillAnswersTemplate(scheme: Scheme, answers: UnitAnswers, lang: 'id' | 'en' = 'id'): Promise<Buffer> {
  return edit(await answersTemplateXlsx(scheme, lang), (wb) => {
    const next = new Map<string, number>();
    for (const sheet of answers.sheets) {
      const ws = wb.getWorksheet(sheet.instrument)!;
      const headers = (ws.getRow(1).values as CellIn[]).slice(1).map(String);
      const r = next.get(sheet.instrument) ?? 2;
      next.set(sheet.instrument, r + 1);
      ws.getCell(r, 1).value = sheet.respondent ?? null;
      for (const [code, v] of Object.entries(sheet.answers)) {
        const col = headers.indexOf(code) + 1;
        if (col === 0) throw new Error(`no column ${code} in ${sheet.instrument}`);
        ws.getCell(r, col).value = v ?? null;
      }
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Historical results
// ---------------------------------------------------------------------------------------------

const HEADER = ['tahun', 'kode_instansi', 'nama', 'skema', 'nilai', 'peringkat'];
const GOOD: CellIn[] = [2022, '36.71', 'Kota Tangerang', 'ombudsman-2022', 87.45, 3];

describe('import: historical results template', () => {
  it('should have a results sheet with the documented headers in each language, and instructions', async () => {
    const id = await load(await resultsTemplateXlsx('id'));
    expect(id.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)).toEqual(['Hasil', 'Petunjuk']);
    expect((id.getWorksheet('Hasil')!.getRow(1).values as CellIn[]).slice(1)).toEqual(HEADER);
    expect(id.getWorksheet('Hasil')!.getColumn(2).numFmt).toBe('@');
    const en = await load(await resultsTemplateXlsx('en'));
    expect((en.getWorksheet('Results')!.getRow(1).values as CellIn[]).slice(1)).toEqual([
      'year',
      'body_code',
      'name',
      'scheme_id',
      'score',
      'rank',
    ]);
    expect(en.getWorksheet('Instructions')).toBeDefined();
  });

  it('should refuse the empty template as an empty file', async () => {
    expect(errorsOf(await parseResultsImport(await resultsTemplateXlsx('id'), ctx)).map((e) => e.code)).toEqual(['file.empty']);
  });

  it('should read a filled template back with the same numbers', async () => {
    const filled = await edit(await resultsTemplateXlsx('en'), (wb) => {
      const ws = wb.getWorksheet('Results')!;
      ws.addRow([2022, '36.71', 'Kota Tangerang', 'ombudsman-2022', 87.45, 3]);
      ws.addRow([2022, '36.73', 'Kota Serang', 'ombudsman-2022', 54, null]);
      ws.addRow([2023, '36', 'Provinsi Banten', 'pekppp-2023', 3.515, 1]);
      ws.addRow([2017, '36.01', null, 'skm-2017', 88.31, null]);
    });
    const rows = okValue(await parseResultsImport(filled, ctx));
    expect(rows.map((r) => [r.row, r.year, r.bodyCode, r.schemeId, r.score, r.rank, r.band.code])).toEqual([
      [2, 2022, '36.71', 'ombudsman-2022', 87.45, 3, 'B'],
      [3, 2022, '36.73', 'ombudsman-2022', 54, null, 'C'],
      // 3.515 rounds half away from zero to 3.52: PEKPPP "B" starts at 3.51.
      [4, 2023, '36', 'pekppp-2023', 3.52, 1, 'B'],
      [5, 2017, '36.01', 'skm-2017', 88.31, null, 'A'],
    ]);
    expect(rows[0]!.body).toEqual(registry.get('36.71'));
    expect(rows[3]!.name).toBeNull();
  });

  it('should read a body code that Excel turned into a number (36.1 → "36.10")', async () => {
    const rows = okValue(
      await parseResultsImport(
        await workbook([
          HEADER,
          [2022, 36.1, 'Kabupaten Contoh', 'ombudsman-2022', 70, null],
          [2022, 36, 'Provinsi Banten', 'ombudsman-2022', 71, null],
        ]),
        ctx,
      ),
    );
    expect(rows.map((r) => r.bodyCode)).toEqual(['36.10', '36']);
  });
});

describe('import: historical results validation', () => {
  // Each case: a bad third row under a good second row; exactly one error, located.
  const cases: { name: string; row: CellIn[]; code: string; column: string; header: string }[] = [
    {
      name: 'unknown body code',
      row: [2022, '99.99', 'Kota Entah', 'ombudsman-2022', 80, null],
      code: 'body.unknown',
      column: 'B',
      header: 'kode_instansi',
    },
    {
      name: 'unknown scheme',
      row: [2022, '36.72', 'Kota Cilegon', 'ombudsman-2019', 80, null],
      code: 'scheme.unknown',
      column: 'D',
      header: 'skema',
    },
    {
      name: 'score above the range',
      row: [2022, '36.72', 'Kota Cilegon', 'ombudsman-2022', 100.01, null],
      code: 'score.out_of_range',
      column: 'E',
      header: 'nilai',
    },
    {
      name: 'score below the range',
      row: [2022, '36.72', 'Kota Cilegon', 'ombudsman-2022', -1, null],
      code: 'score.out_of_range',
      column: 'E',
      header: 'nilai',
    },
    {
      name: 'PEKPPP score above 5',
      row: [2023, '36.72', 'Kota Cilegon', 'pekppp-2023', 5.5, null],
      code: 'score.out_of_range',
      column: 'E',
      header: 'nilai',
    },
    {
      name: 'SKM score below 25',
      row: [2017, '36.72', 'Kota Cilegon', 'skm-2017', 20, null],
      code: 'score.out_of_range',
      column: 'E',
      header: 'nilai',
    },
    {
      name: 'non-numeric score',
      row: [2022, '36.72', 'Kota Cilegon', 'ombudsman-2022', 'delapan puluh', null],
      code: 'score.not_number',
      column: 'E',
      header: 'nilai',
    },
    {
      name: 'missing score',
      row: [2022, '36.72', 'Kota Cilegon', 'ombudsman-2022', null, 4],
      code: 'value.required',
      column: 'E',
      header: 'nilai',
    },
    {
      name: 'fractional rank',
      row: [2022, '36.72', 'Kota Cilegon', 'ombudsman-2022', 80, 2.5],
      code: 'rank.invalid',
      column: 'F',
      header: 'peringkat',
    },
    {
      name: 'rank zero',
      row: [2022, '36.72', 'Kota Cilegon', 'ombudsman-2022', 80, 0],
      code: 'rank.invalid',
      column: 'F',
      header: 'peringkat',
    },
    {
      name: 'year out of range',
      row: [1999, '36.72', 'Kota Cilegon', 'ombudsman-2022', 80, null],
      code: 'year.invalid',
      column: 'A',
      header: 'tahun',
    },
    {
      name: 'duplicate row',
      row: [2022, '36.71', 'Kota Tangerang', 'ombudsman-2022', 80, null],
      code: 'row.duplicate',
      column: 'B',
      header: 'kode_instansi',
    },
  ];

  it.each(cases)('should locate $name at row 3, column $column', async ({ row, code, column, header }) => {
    const errors = errorsOf(await parseResultsImport(await workbook([HEADER, GOOD, row]), ctx));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ sheet: 'Hasil', row: 3, column, header, code });
    expect(errors[0]!.message.id).not.toBe(errors[0]!.message.en);
    expect(errors[0]!.message.id).not.toMatch(/\{\w+\}/);
  });

  it('should name the first row of a duplicate', async () => {
    const errors = errorsOf(
      await parseResultsImport(await workbook([HEADER, GOOD, [2022, '36.72', 'x', 'ombudsman-2022', 1, null], GOOD]), ctx),
    );
    expect(errors[0]).toMatchObject({ row: 4, code: 'row.duplicate' });
    expect(errors[0]!.message.en).toContain('row 2');
  });

  it('should report every bad row and cell at once, and no value', async () => {
    const errors = errorsOf(
      await parseResultsImport(
        await workbook([HEADER, GOOD, [2022, '99', 'x', 'ombudsman-2022', 'x', null], [2022, '36.72', 'x', 'nope', 50, -1], GOOD]),
        ctx,
      ),
    );
    expect(errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, 'B', 'body.unknown'],
      [3, 'E', 'score.not_number'],
      [4, 'D', 'scheme.unknown'],
      [4, 'F', 'rank.invalid'],
      [5, 'B', 'row.duplicate'],
    ]);
  });

  it('should report each missing required column on the header row', async () => {
    const errors = errorsOf(
      await parseResultsImport(
        await workbook([
          ['tahun', 'kode_instansi', 'nama', 'peringkat'],
          [2022, '36.71', 'x', 1],
        ]),
        ctx,
      ),
    );
    expect(errors.map((e) => [e.row, e.column, e.code, e.message.en])).toEqual([
      [1, null, 'column.missing', 'The required column "skema / scheme_id" is missing from the header row.'],
      [1, null, 'column.missing', 'The required column "nilai / score" is missing from the header row.'],
    ]);
  });

  it('should report a column given twice', async () => {
    const errors = errorsOf(
      await parseResultsImport(
        await workbook([
          [...HEADER, 'Nilai'],
          [...GOOD, 80],
        ]),
        ctx,
      ),
    );
    expect(errors).toMatchObject([{ row: 1, column: 'G', header: 'Nilai', code: 'column.duplicate' }]);
  });

  it.each([
    ['a zero-byte file', Buffer.alloc(0)],
    ['a CSV with only the header', csv([HEADER])],
    ['a CSV of blank lines', Buffer.from('\r\n\r\n;;\r\n')],
  ])('should refuse %s as empty', async (_name, buffer) => {
    expect(errorsOf(await parseResultsImport(buffer, ctx)).map((e) => e.code)).toEqual(['file.empty']);
  });

  it('should stop after maxErrors and say so', async () => {
    const rows: CellIn[][] = [HEADER];
    for (let k = 0; k < 30; k++) rows.push([2022, `x${k}`, 'x', 'ombudsman-2022', 50, null]);
    const errors = errorsOf(await parseResultsImport(csv(rows), { ...ctx, maxErrors: 10 }));
    expect(errors).toHaveLength(11);
    expect(errors.at(-1)!.code).toBe('file.too_many_errors');
  });

  it('should refuse a file with more rows than allowed', async () => {
    const rows: CellIn[][] = [
      HEADER,
      GOOD,
      [2023, '36.71', 'x', 'ombudsman-2023', 50, null],
      [2024, '36.71', 'x', 'ombudsman-2024', 50, null],
    ];
    expect(errorsOf(await parseResultsImport(csv(rows), { ...ctx, maxRows: 2 }))).toMatchObject([{ code: 'file.too_many_rows' }]);
  });
});

describe('import: historical results as CSV', () => {
  const rows: CellIn[][] = [
    HEADER,
    GOOD,
    [2022, '36.73', 'Kota Serang, Banten', 'ombudsman-2022', 54.5, null],
    [2023, '36', 'Provinsi Banten', 'pekppp-2023', 3.51, 2],
  ];
  const expected = [
    [2, 2022, '36.71', 87.45, 3],
    [3, 2022, '36.73', 54.5, null],
    [4, 2023, '36', 3.51, 2],
  ];
  const simplify = (r: ImportResult<{ row: number; year: number; bodyCode: string; score: number; rank: number | null }[]>) =>
    okValue(r).map((x) => [x.row, x.year, x.bodyCode, x.score, x.rank]);

  it('should read comma CSV with quoted fields, with and without BOM, CRLF or LF', async () => {
    const quoted = rows.map((r) => r.map((c) => (typeof c === 'string' && c.includes(',') ? `"${c}"` : c)));
    expect(simplify(await parseResultsImport(csv(quoted, ','), ctx))).toEqual(expected);
    expect(simplify(await parseResultsImport(csv(quoted, ',', true), ctx))).toEqual(expected);
    expect(simplify(await parseResultsImport(csv(quoted, ',', true, '\n'), ctx))).toEqual(expected);
  });

  it('should read semicolon CSV with a decimal comma, as Indonesian Excel saves it', async () => {
    const semi = rows.map((r) => r.map((c) => (typeof c === 'number' && !Number.isInteger(c) ? String(c).replace('.', ',') : c)));
    expect(simplify(await parseResultsImport(csv(semi, ';', true), ctx))).toEqual(expected);
  });

  it('should locate CSV errors with a null sheet and the column letter', async () => {
    const errors = errorsOf(await parseResultsImport(csv([HEADER, GOOD, [2022, '36.72', 'x', 'ombudsman-2022', 101, null]], ';'), ctx));
    expect(errors).toMatchObject([{ sheet: null, row: 3, column: 'E', header: 'nilai', code: 'score.out_of_range', value: '101' }]);
  });

  it('should accept English headers', async () => {
    const en = [
      ['year', 'body_code', 'name', 'scheme_id', 'score'],
      [2022, '36.71', 'x', 'ombudsman-2022', 70],
    ];
    expect(okValue(await parseResultsImport(csv(en), ctx))).toHaveLength(1);
  });
});

describe('import: unreadable input never throws', () => {
  const random = seededRandom(99);
  const noise = Buffer.from(Array.from({ length: 2048 }, () => Math.floor(random() * 256)));
  const inputs: [string, Buffer, string][] = [
    ['a truncated zip', Buffer.concat([Buffer.from('PK\u0003\u0004'), noise]), 'file.unreadable'],
    ['an old .xls', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), noise]), 'file.xls'],
    [
      'Windows-1252 text',
      Buffer.from([0x74, 0x61, 0x68, 0x75, 0x6e, 0x3b, 0x6e, 0x61, 0x6d, 0x61, 0x0a, 0x32, 0x30, 0x32, 0x32, 0x3b, 0xe9]),
      'file.encoding',
    ],
    ['an unclosed quote', Buffer.from('tahun,nama\n2022,"Kota\n'), 'file.unreadable'],
    ['random bytes', noise, 'file.encoding'],
  ];

  it.each(inputs)('should refuse %s with one file-level error', async (_name, buffer, code) => {
    const results = errorsOf(await parseResultsImport(buffer, ctx));
    expect(results).toMatchObject([{ sheet: null, row: null, column: null, code }]);
    const answers = errorsOf(await parseAnswersImport(buffer, ombudsman2024));
    expect(answers).toMatchObject([{ code }]);
  });
});

// ---------------------------------------------------------------------------------------------
// Answer sheets
// ---------------------------------------------------------------------------------------------

describe('import: answers template', () => {
  it('should have a sheet per instrument with a column per covered indicator, and descriptors', async () => {
    const wb = await load(await answersTemplateXlsx(ombudsman2024, 'id'));
    expect(wb.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)).toEqual([
      'Petunjuk',
      ...ombudsman2024.instruments.map((i) => i.code),
      'Deskriptor',
    ]);
    for (const ins of ombudsman2024.instruments) {
      const ws = wb.getWorksheet(ins.code)!;
      expect((ws.getRow(1).values as CellIn[]).slice(1)).toEqual(['responden', ...ins.covers]);
      expect(ws.rowCount).toBe(1 + Math.max(ins.quota.target, ins.perProduct === true ? 2 : 1));
      expect(ws.getRow(1).getCell(2).note).toBeDefined();
    }
    const levels = ombudsman2024.dimensions.flatMap((d) => d.variables.flatMap((v) => v.indicators.flatMap((i) => i.scale.levels)));
    expect(wb.getWorksheet('Deskriptor')!.rowCount).toBe(1 + levels.length);
    const k1 = ombudsman2024.dimensions[0]!.variables[0]!.indicators[0]!;
    const desc = wb.getWorksheet('Deskriptor')!.getRow(2);
    expect([desc.getCell(1).value, desc.getCell(6).value, desc.getCell(7).value]).toEqual([
      k1.code,
      k1.scale.levels[0]!.value,
      k1.scale.levels[0]!.descriptor.id,
    ]);
  });

  it('should refuse the unfilled template as empty', async () => {
    expect(errorsOf(await parseAnswersImport(await answersTemplateXlsx(ombudsman2024, 'en'), ombudsman2024)).map((e) => e.code)).toEqual([
      'file.empty',
    ]);
  });

  it.each(['ombudsman-2024', 'ombudsman-2025', 'ombudsman-2021', 'pekppp-2024', 'skm-2017'])(
    'should parse a filled %s template into sheets that score the same as the original answers',
    async (schemeId) => {
      const scheme = getScheme(schemeId)!;
      const original = generateAnswers(scheme, seededRandom(schemeId.length * 31), 0.6, 0.1, 60);
      const parsed = okValue(await parseAnswersImport(await fillAnswersTemplate(scheme, original), scheme));
      expect(parsed.schemeId).toBe(scheme.id);
      // Sheets without any answer are skipped, as documented.
      const answered = original.sheets.filter((s) => Object.values(s.answers).some((v) => v !== null && v !== undefined));
      expect(parsed.sheets).toEqual(answered);
      const before = scoreUnit(scheme, original);
      const after = scoreUnit(scheme, parsed);
      expect(after.raw).toBe(before.raw);
      expect(after.score).toBe(before.score);
      expect(after).toEqual(before);
    },
  );

  it('should read the English template too', async () => {
    const original = generateAnswers(ombudsman2024, seededRandom(5), 0.8);
    const filled = await fillAnswersTemplate(ombudsman2024, original, 'en');
    expect(scoreUnit(ombudsman2024, okValue(await parseAnswersImport(filled, ombudsman2024))).score).toBe(
      scoreUnit(ombudsman2024, original).score,
    );
  });
});

describe('import: answers validation', () => {
  const base = generateAnswers(ombudsman2024, seededRandom(1), 0.5);
  const filled = fillAnswersTemplate(ombudsman2024, base);
  const pengguna = ombudsman2024.instruments.find((i) => i.code === 'pengguna')!;
  /** Column letter of an indicator in the pengguna sheet (A is the respondent). */
  const colOf = (code: string): string => String.fromCharCode(66 + pengguna.covers.indexOf(code));
  const o1 = pengguna.covers[0]!;

  const cases: { name: string; change: (wb: ExcelJS.Workbook) => void; expected: Partial<ImportIssue>; also?: string[] }[] = [
    {
      name: 'an answer above the scale',
      change: (wb) => (wb.getWorksheet('pengguna')!.getCell(`${colOf(o1)}5`).value = 4),
      expected: { sheet: 'pengguna', row: 5, column: colOf(o1), header: o1, code: 'answer.out_of_scale', value: '4' },
    },
    {
      name: 'a negative answer',
      change: (wb) => (wb.getWorksheet('pengguna')!.getCell(`${colOf(o1)}7`).value = -1),
      expected: { sheet: 'pengguna', row: 7, column: colOf(o1), code: 'answer.out_of_scale' },
    },
    {
      name: 'a fractional answer',
      change: (wb) => (wb.getWorksheet('pengguna')!.getCell(`${colOf(o1)}6`).value = 2.5),
      expected: { sheet: 'pengguna', row: 6, column: colOf(o1), code: 'answer.not_integer' },
    },
    {
      name: 'a text answer',
      change: (wb) => (wb.getWorksheet('pengguna')!.getCell(`${colOf(o1)}6`).value = 'dua'),
      expected: { sheet: 'pengguna', row: 6, column: colOf(o1), code: 'answer.not_integer', value: 'dua' },
    },
    {
      name: 'an unknown indicator column',
      change: (wb) => {
        const ws = wb.getWorksheet('pengguna')!;
        ws.getCell(1, pengguna.covers.length + 2).value = 'X9';
        ws.getCell(2, pengguna.covers.length + 2).value = 1;
      },
      expected: {
        sheet: 'pengguna',
        row: 1,
        column: String.fromCharCode(66 + pengguna.covers.length),
        header: 'X9',
        code: 'indicator.unknown',
      },
    },
    {
      name: 'an indicator the instrument does not answer',
      change: (wb) => (wb.getWorksheet('pengguna')!.getCell(1, pengguna.covers.length + 2).value = 'K1'),
      expected: { sheet: 'pengguna', row: 1, header: 'K1', code: 'indicator.not_covered' },
    },
    {
      name: 'a sheet that is not an instrument',
      change: (wb) => wb.addWorksheet('tamu').addRow(['responden', 'O1']),
      expected: { sheet: 'tamu', row: null, column: null, code: 'sheet.unknown' },
    },
    {
      name: 'a missing respondent column',
      change: (wb) => (wb.getWorksheet('dokumen')!.getCell('A1').value = 'siapa'),
      expected: { sheet: 'dokumen', row: 1, column: null, code: 'column.missing' },
      // The renamed header is also not an indicator code.
      also: ['indicator.unknown'],
    },
    {
      name: 'a duplicate respondent',
      change: (wb) => (wb.getWorksheet('pejabat')!.getCell('A3').value = wb.getWorksheet('pejabat')!.getCell('A2').value),
      expected: { sheet: 'pejabat', row: 3, column: 'A', code: 'row.duplicate' },
    },
    {
      name: 'data under a blank header',
      change: (wb) => (wb.getWorksheet('pejabat')!.getCell(4, 20).value = 3),
      expected: { sheet: 'pejabat', row: 4, column: 'T', code: 'column.no_header' },
    },
  ];

  it.each(cases)('should locate $name', async ({ change, expected, also = [] }) => {
    const errors = errorsOf(await parseAnswersImport(await edit(await filled, change), ombudsman2024));
    expect(errors.map((e) => e.code).sort()).toEqual([expected.code!, ...also].sort());
    expect(errors.find((e) => e.code === expected.code)).toMatchObject(expected);
  });

  it('should refuse a template made for another scheme', async () => {
    const other = getScheme('ombudsman-2023')!;
    const buffer = await fillAnswersTemplate(other, generateAnswers(other, seededRandom(2), 0.5));
    expect(errorsOf(await parseAnswersImport(buffer, ombudsman2024))).toMatchObject([
      { code: 'scheme.mismatch', message: { en: 'This template is for scheme ombudsman-2023, not ombudsman-2024.' } },
    ]);
  });
});

describe('import: answers as CSV', () => {
  const scheme = getScheme('pekppp-2024')!;
  const answers = generateAnswers(scheme, seededRandom(8), 0.7, 0.05, 12);
  const codes = [...new Set(scheme.instruments.flatMap((i) => i.covers))];
  const rows: CellIn[][] = [
    ['instrumen', 'responden', ...codes],
    ...answers.sheets.map((s) => [s.instrument, s.respondent ?? null, ...codes.map((c) => s.answers[c] ?? null)]),
  ];

  it.each([
    ['comma, no BOM', ',', false],
    ['semicolon with BOM', ';', true],
  ] as const)('should parse %s into the same sheets', async (_name, delimiter, bom) => {
    const parsed = okValue(await parseAnswersImport(csv(rows, delimiter, bom), scheme));
    expect(scoreUnit(scheme, parsed)).toEqual(scoreUnit(scheme, answers));
  });

  it('should locate an unknown instrument and an answer the row instrument does not cover', async () => {
    const bad = rows.map((r) => [...r]);
    bad[2]![0] = 'f09';
    const f03Row = bad.findIndex((r) => r[0] === 'f03');
    const a1 = codes.indexOf('A1');
    bad[f03Row]![2 + a1] = 3;
    const errors = errorsOf(await parseAnswersImport(csv(bad, ';'), scheme));
    expect(errors.map((e) => [e.sheet, e.row, e.column, e.code])).toEqual([
      [null, 3, 'A', 'instrument.unknown'],
      [null, f03Row + 1, String.fromCharCode(67 + a1), 'indicator.not_covered'],
    ]);
  });

  it('should require the instrument column', async () => {
    const noInstrument = rows.map((r) => r.slice(1));
    expect(errorsOf(await parseAnswersImport(csv(noInstrument), scheme))).toMatchObject([{ row: 1, code: 'column.missing' }]);
  });
});
