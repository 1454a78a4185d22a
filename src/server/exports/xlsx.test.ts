import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { getScheme } from '../../../methodologies/index.ts';
import type { Scheme } from '../../core/types.ts';
import { sampleCycleResults, sampleLeaderboard } from './test-data.ts';
import type { CycleResults, LeaderboardRow } from './types.ts';
import { bodyBreakdownXlsx, cycleResultsXlsx, leaderboardXlsx, NUM_FMT, TABLE_HEADER_ROW } from './xlsx.ts';

const scheme: Scheme = getScheme('ombudsman-2024')!;

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return wb;
}

/** The table of a sheet as objects keyed by header (duplicate headers get "#2"). */
function table(ws: ExcelJS.Worksheet): { rows: Record<string, ExcelJS.Cell>[]; headers: string[] } {
  const headers: string[] = [];
  ws.getRow(TABLE_HEADER_ROW).eachCell({ includeEmpty: false }, (cell, col) => {
    const h = String(cell.value);
    headers[col - 1] = headers.includes(h) ? `${h}#2` : h;
  });
  const rows: Record<string, ExcelJS.Cell>[] = [];
  for (let r = TABLE_HEADER_ROW + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const obj: Record<string, ExcelJS.Cell> = {};
    for (const [k, h] of headers.entries()) obj[h] = row.getCell(k + 1);
    rows.push(obj);
  }
  return { rows, headers };
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (ws === undefined) throw new Error(`no sheet ${name}; have ${wb.worksheets.map((w) => w.name).join(', ')}`);
  return ws;
}

describe('exports: cycleResultsXlsx', () => {
  let results: CycleResults;
  let id: ExcelJS.Workbook;
  let en: ExcelJS.Workbook;
  const progress: [number, number][] = [];

  beforeAll(async () => {
    results = sampleCycleResults(scheme);
    id = await load(
      await cycleResultsXlsx(results, { lang: 'id', generatedAt: '2025-01-15T03:00:00Z', onProgress: (d, t) => progress.push([d, t]) }),
    );
    en = await load(await cycleResultsXlsx(results, { lang: 'en' }));
  });

  it('should have a sheet per level, named in the chosen language', () => {
    expect(id.worksheets.map((w) => w.name)).toEqual(['Pemerintah', 'Unit', 'Dimensi', 'Indikator', 'Asumsi']);
    expect(en.worksheets.map((w) => w.name)).toEqual(['Governments', 'Units', 'Dimensions', 'Indicators', 'Assumptions']);
  });

  it('should name the cycle and the scheme in the header block', () => {
    const ws = sheet(id, 'Pemerintah');
    expect(String(ws.getCell('A1').value)).toContain(results.cycle.name);
    expect(String(ws.getCell('A2').value)).toContain(`Skema: ombudsman-2024 v${scheme.version}`);
    expect(String(ws.getCell('A3').value)).toContain(`${scheme.assumptions.length} asumsi`);
    expect(String(ws.getCell('A3').value)).toContain('2025');
    expect(String(sheet(en, 'Governments').getCell('A2').value)).toContain(
      `Scheme: ombudsman-2024 v${scheme.version} — ${scheme.title.en}`,
    );
  });

  it('should return the same scores, ranks and bands when read back', () => {
    const { rows } = table(sheet(id, 'Pemerintah'));
    expect(rows).toHaveLength(results.bodies.length);
    for (const body of results.bodies) {
      const row = rows.find((r) => r['Kode']!.value === body.code);
      expect(row, body.code).toBeDefined();
      expect(row!['Nilai']!.value).toBe(body.score);
      expect(row!['Kategori']!.value).toBe(body.band.code);
      expect(row!['Keterangan']!.value).toBe(body.band.label.id);
      expect(row!['Peringkat nasional (jenis)']!.value).toBe(body.rankNationalType?.rank ?? null);
      expect(row!['Dari']!.value).toBe(body.rankNationalType?.of ?? null);
      expect(row!['Peringkat provinsi']!.value).toBe(body.rankProvince?.rank ?? null);
      expect(row!['Pergerakan']!.value).toBe(body.movement);
      expect(row!['Unit dinilai']!.value).toBe(body.units);
    }
  });

  it('should format scores with two decimals and ranks as whole numbers', () => {
    const { rows } = table(sheet(id, 'Pemerintah'));
    for (const row of rows) {
      expect(row['Nilai']!.numFmt).toBe('0.00');
      expect(row['Peringkat nasional (jenis)']!.numFmt).toBe('0');
      expect(row['Pergerakan']!.numFmt).toBe(NUM_FMT.movement);
    }
    const units = table(sheet(id, 'Unit')).rows;
    expect(units.every((r) => r['Nilai']!.numFmt === '0.00')).toBe(true);
  });

  it('should freeze the header row and put an autofilter over the whole table', () => {
    for (const ws of id.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: TABLE_HEADER_ROW });
      const last = ws.rowCount;
      expect(ws.autoFilter, ws.name).toMatch(new RegExp(`^A${TABLE_HEADER_ROW}:[A-Z]+${last}$`));
      expect(ws.getRow(TABLE_HEADER_ROW).getCell(1).font?.bold).toBe(true);
    }
  });

  it('should size text columns to their content', () => {
    const ws = sheet(id, 'Indikator');
    const { headers } = table(ws);
    const textCol = headers.indexOf('Uraian indikator') + 1;
    expect(ws.getColumn(textCol).width).toBeGreaterThan(30);
    expect(ws.getColumn(textCol).width).toBeLessThanOrEqual(60);
  });

  it('should print band labels and units in the chosen language', () => {
    const { rows } = table(sheet(en, 'Units'));
    for (const [k, unit] of results.units.entries()) {
      expect(rows[k]!['Band label']!.value).toBe(unit.band.label.en);
      expect(rows[k]!['Score']!.value).toBe(unit.score);
      expect(rows[k]!['Unrounded score']!.value).toBe(unit.breakdown.raw);
    }
    expect(rows.some((r) => r['Sector']!.value === 'Civil registration')).toBe(true);
  });

  it('should list every indicator of every unit, with points that add up to the unit total', () => {
    const { rows } = table(sheet(id, 'Indikator'));
    const perUnit = scheme.dimensions.flatMap((d) => d.variables.flatMap((v) => v.indicators)).length;
    expect(rows).toHaveLength(results.units.length * perUnit);
    const first = results.units[0]!;
    const mine = rows.filter((r) => r['Kode instansi']!.value === first.body && r['Unit layanan']!.value === first.name);
    const points = mine.reduce((s, r) => s + Number(r['Poin']!.value), 0);
    expect(points).toBeCloseTo(first.breakdown.raw, 9);
    const lost = mine.reduce((s, r) => s + Number(r['Poin hilang']!.value), 0);
    expect(points + lost).toBeCloseTo(scheme.result.max, 9);
  });

  it('should list the dimension scores of each unit', () => {
    const { rows } = table(sheet(id, 'Dimensi'));
    expect(rows).toHaveLength(results.units.length * scheme.dimensions.length);
    const u = results.units[4]!;
    const d = u.breakdown.dimensions[1]!;
    const row = rows.find(
      (r) => r['Unit layanan']!.value === u.name && r['Kode instansi']!.value === u.body && r['Dimensi']!.value === d.code,
    );
    expect(row!['Nilai dimensi']!.value).toBe(d.score);
    expect(row!['Bobot (%)']!.value).toBe(d.weight);
  });

  it("should list the scheme's assumptions in the chosen language", () => {
    const ids = table(sheet(id, 'Asumsi')).rows;
    expect(ids.map((r) => r['Asumsi']!.value)).toEqual(scheme.assumptions.map((a) => a.note.id));
    const ens = table(sheet(en, 'Assumptions')).rows;
    expect(ens.map((r) => r['Assumption']!.value)).toEqual(scheme.assumptions.map((a) => a.note.en));
    expect(ens.map((r) => r['Place in the scheme']!.value)).toEqual(scheme.assumptions.map((a) => a.path));
  });

  it('should report progress up to the total number of rows', () => {
    const perUnit = scheme.dimensions.flatMap((d) => d.variables.flatMap((v) => v.indicators)).length;
    const total = results.bodies.length + results.units.length * (1 + scheme.dimensions.length + perUnit) + scheme.assumptions.length;
    expect(progress.at(-1)).toEqual([total, total]);
    for (let k = 1; k < progress.length; k++) expect(progress[k]![0]).toBeGreaterThanOrEqual(progress[k - 1]![0]);
  });
});

describe('exports: leaderboardXlsx', () => {
  let rows: LeaderboardRow[];
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    rows = sampleLeaderboard(sampleCycleResults(scheme, 11));
    wb = await load(
      await leaderboardXlsx(rows, {
        lang: 'id',
        title: 'Peringkat Kabupaten/Kota Banten 2024',
        cycle: { name: 'Penilaian 2024', year: 2024, schemeId: scheme.id },
      }),
    );
  });

  it('should read back the same ranks, scores and movements, ties included', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Peringkat', 'Asumsi']);
    expect(rows.map((r) => r.rank)).toContain(2);
    expect(new Set(rows.map((r) => r.rank)).size).toBeLessThan(rows.length); // the forced tie
    const back = table(sheet(wb, 'Peringkat')).rows;
    expect(back.map((r) => r['Peringkat']!.value)).toEqual(rows.map((r) => r.rank));
    expect(back.map((r) => r['Dari']!.value)).toEqual(rows.map((r) => r.of));
    expect(back.map((r) => r['Nilai']!.value)).toEqual(rows.map((r) => r.score));
    expect(back.map((r) => r['Pergerakan']!.value)).toEqual(rows.map((r) => r.movement));
    expect(back.map((r) => r['Kode']!.value)).toEqual(rows.map((r) => r.code));
    expect(back.map((r) => r['Jenis']!.value)).toEqual(rows.map((r) => (r.type === 'kota' ? 'Kota' : 'Kabupaten')));
    expect(back.every((r) => r['Peringkat']!.numFmt === '0' && r['Nilai']!.numFmt === '0.00')).toBe(true);
  });

  it('should carry the title and the scheme in the header block', () => {
    const ws = sheet(wb, 'Peringkat');
    expect(ws.getCell('A1').value).toBe('Peringkat Kabupaten/Kota Banten 2024');
    expect(String(ws.getCell('A2').value)).toContain('ombudsman-2024');
  });

  it('should say so on the Asumsi sheet when no scheme is known, and leave out an empty code column', async () => {
    const bare = await load(
      await leaderboardXlsx(
        rows.slice(0, 2).map(({ code: _code, ...r }) => r),
        { lang: 'en', title: 'Top two' },
      ),
    );
    const back = table(sheet(bare, 'Assumptions')).rows;
    expect(back).toHaveLength(1);
    expect(back[0]!['Assumption']!.value).toMatch(/Unknown scheme/);
    expect(table(sheet(bare, 'Ranking')).headers).not.toContain('Code');
  });
});

describe('exports: bodyBreakdownXlsx', () => {
  it("should export one body's units, dimensions and indicators with its score in the header", async () => {
    const scheme2 = getScheme('pekppp-2024')!;
    const results = sampleCycleResults(scheme2, 3);
    const body = results.bodies[3]!;
    const units = results.units.filter((u) => u.body === body.code);
    const wb = await load(await bodyBreakdownXlsx({ cycle: results.cycle, body, units }, { lang: 'id' }));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Ringkasan', 'Dimensi', 'Indikator', 'Asumsi']);
    const summary = sheet(wb, 'Ringkasan');
    expect(String(summary.getCell('A1').value)).toContain(body.name);
    expect(String(summary.getCell('A3').value)).toContain(`Nilai ${body.score.toFixed(2).replace('.', ',')}`);
    const back = table(summary);
    expect(back.rows.map((r) => r['Nilai']!.value)).toEqual(units.map((u) => u.score));
    // One column per PEKPPP aspect, holding the aspect score.
    for (const [k, d] of scheme2.dimensions.entries()) {
      expect(back.rows[0]![d.title.id]!.value).toBe(units[0]!.breakdown.dimensions[k]!.score);
    }
    const perUnit = scheme2.dimensions.flatMap((d) => d.variables.flatMap((v) => v.indicators)).length;
    expect(table(sheet(wb, 'Indikator')).rows).toHaveLength(units.length * perUnit);
    expect(table(sheet(wb, 'Asumsi')).rows).toHaveLength(scheme2.assumptions.length);
  });
});
