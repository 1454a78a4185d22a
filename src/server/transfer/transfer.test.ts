// Excel round trips through the routes (issue 5 §5, §7 "the Excel round trip returns the same
// numbers"): the leaderboard, a body's breakdown and a cycle's full results exported and read
// back with exceljs match the JSON API number for number; imports are all-or-nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { and, count, eq } from 'drizzle-orm';
import { scoreUnit } from '../../core/index.ts';
import { createTestApp, expectUnchanged, type TestApp } from '../test/harness.ts';
import { type RecordPayload, type World, buildWorld, fullUnit, openCycle, submitAll } from '../seed/test-world.ts';
import { settleJobs } from '../jobs/runner.ts';
import { cycles } from '../cycles/schema.ts';
import { records } from '../records/schema.ts';
import { bodyResults } from '../scores/schema.ts';
import { auditEvents } from '../audit/schema.ts';
import { TABLE_HEADER_ROW } from '../exports/xlsx.ts';
import { importedRecordId } from './queries.ts';

let t: TestApp;
let w: World;
let cycleId: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.app, t.db.db);
  cycleId = await openCycle(w);
  // Distinct scores: a (a1 mixed, a2 all 2), b all 3, other all 1. c1 stays empty for the answers import.
  await submitAll(
    w,
    'asisten',
    fullUnit(w.scheme, cycleId, w.units.a1, (code, _i, k) => (code.length + k) % 4),
  );
  await submitAll(
    w,
    'asisten',
    fullUnit(w.scheme, cycleId, w.units.a2, () => 2),
  );
  await submitAll(
    w,
    'asisten',
    fullUnit(w.scheme, cycleId, w.units.b1, () => 3),
  );
  await submitAll(
    w,
    'admin',
    fullUnit(w.scheme, cycleId, w.units.other1, () => 1),
  );
}, 120_000);
afterAll(() => t.close());

type Who = Parameters<World['call']>[0];
/** A refused call: it must change nothing (audit head unchanged). */
const unchanged = <T>(act: () => Promise<T>) => expectUnchanged(t.db.db, act);
const get = (who: Who, url: string) => w.call(who, { method: 'GET', url: `/api/v1${url}` });

/** A multipart/form-data body: fields, then the file. */
function form(fields: Record<string, string>, file: { name: string; content: Buffer }) {
  const boundary = `----pantau${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
  );
  parts.push(file.content, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const post = (who: Who, url: string, fields: Record<string, string>, file: { name: string; content: Buffer }, lang = 'id') => {
  const f = form(fields, file);
  return w.call(who, { method: 'POST', url: `/api/v1${url}?lang=${lang}`, payload: f.payload, headers: f.headers });
};

/** The table of a sheet as objects keyed by header text (headers in row TABLE_HEADER_ROW). */
async function readSheet(buf: Buffer, sheet: string, headerRow = TABLE_HEADER_ROW): Promise<Record<string, unknown>[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}: ${wb.worksheets.map((s) => s.name).join(', ')}`);
  const headers: string[] = [];
  ws.getRow(headerRow).eachCell((c, k) => (headers[k] = String(c.value)));
  const out: Record<string, unknown>[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (!row.hasValues) continue;
    const o: Record<string, unknown> = {};
    headers.forEach((h, k) => {
      if (h !== undefined && !(h in o)) o[h] = row.getCell(k).value;
    });
    out.push(o);
  }
  return out;
}

const rows = async (table: typeof cycles | typeof bodyResults) => (await t.db.db.select({ n: count() }).from(table))[0]!.n;

describe('leaderboard export', () => {
  it('has the same rows, ranks and scores as the JSON ranking, with number formats', async () => {
    const json = (await get('admin', `/cycles/${cycleId}/rankings?group=national&type=kota`)).json();
    const res = await get('admin', `/cycles/${cycleId}/rankings.xlsx?group=national&type=kota`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('peringkat-kota');
    const sheet = await readSheet(res.rawPayload, 'Peringkat');
    expect(json.items.length).toBe(3);
    expect(sheet.map((r) => [r.Kode, r.Peringkat, r.Nilai])).toEqual(
      json.items.map((i: { body: { code: string }; rank: number; score: number }) => [i.body.code, i.rank, i.score]),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Peringkat')!;
    const scoreCol = ws.getRow(TABLE_HEADER_ROW).values as unknown[];
    const k = scoreCol.indexOf('Nilai');
    expect(ws.getRow(TABLE_HEADER_ROW + 1).getCell(k).numFmt).toBe('0.00');
  });

  it('leaves out the rows the caller may not read, like the JSON ranking', async () => {
    const json = (await get('pimpinanOther', `/cycles/${cycleId}/rankings?group=national&type=kota`)).json();
    const sheet = await readSheet(
      (await get('pimpinanOther', `/cycles/${cycleId}/rankings.xlsx?group=national&type=kota`)).rawPayload,
      'Peringkat',
    );
    expect(json.items.map((i: { body: { code: string } }) => i.body.code)).toEqual(['31.71']);
    expect(sheet.map((r) => r.Kode)).toEqual(['31.71']);
    // The public: unpublished cycle → refused; English workbook on request.
    expect((await get('public', `/cycles/${cycleId}/rankings.xlsx?group=national&type=kota`)).statusCode).toBe(401);
    const en = await readSheet(
      (await get('admin', `/cycles/${cycleId}/rankings.xlsx?group=province&province=36&lang=en`)).rawPayload,
      'Ranking',
    );
    expect(en.map((r) => r.Code)).toHaveLength(2);
  });
});

describe('body breakdown export', () => {
  it("carries the body's units with the same scores as the JSON result; scoped", async () => {
    const json = (await get('koordinator', `/cycles/${cycleId}/bodies/${w.bodies.a.id}/result`)).json();
    const res = await get('koordinator', `/cycles/${cycleId}/bodies/${w.bodies.a.id}/breakdown.xlsx`);
    expect(res.statusCode).toBe(200);
    const summary = await readSheet(res.rawPayload, 'Ringkasan');
    const byName = new Map(summary.map((r) => [r['Unit layanan'], r.Nilai]));
    for (const u of json.units) expect(byName.get(u.name)).toBe(u.result.score);
    const unit = (await get('koordinator', `/cycles/${cycleId}/units/${w.units.a1}/result`)).json().result;
    const indicators = await readSheet(res.rawPayload, 'Indikator');
    const lost = indicators.filter((r) => r['Unit layanan'] === 'Disdukcapil').reduce((s, r) => s + (r['Poin hilang'] as number), 0);
    const expected = unit.dimensions.reduce((s: number, d: { pointsLost: number }) => s + d.pointsLost, 0);
    expect(lost).toBeCloseTo(expected, 9);
    expect((await get('koordinatorOther', `/cycles/${cycleId}/bodies/${w.bodies.a.id}/breakdown.xlsx`)).statusCode).toBe(403);
    expect((await get('public', `/cycles/${cycleId}/bodies/${w.bodies.a.id}/breakdown.xlsx`)).statusCode).toBe(401);
  });
});

describe('cycle results export (job)', () => {
  it('runs as a job with progress to the total; the file has the JSON numbers', async () => {
    const start = await w.call('admin', { method: 'POST', url: `/api/v1/cycles/${cycleId}/exports/results`, payload: {} });
    expect(start.statusCode).toBe(202);
    const jobId = start.json().id;
    await settleJobs();
    const job = (await get('admin', `/jobs/${jobId}`)).json();
    expect(job).toMatchObject({ status: 'done', percent: 100, result: { bodies: 3, units: 4 } });
    expect(job.total).toBeGreaterThan(0);
    expect(job.done).toBe(job.total);
    const file = await get('admin', `/jobs/${jobId}/file`);
    expect(file.statusCode).toBe(200);
    const govs = await readSheet(file.rawPayload, 'Pemerintah');
    for (const body of [w.bodies.a, w.bodies.b, w.bodies.other]) {
      const r = (await get('admin', `/cycles/${cycleId}/bodies/${body.id}/result`)).json();
      const row = govs.find((g) => g.Kode === body.code)!;
      expect(row.Nilai).toBe(r.result.score);
      expect(row['Peringkat nasional (jenis)']).toBe(r.ranks.nationalType.rank);
      expect(row['Peringkat provinsi'] ?? null).toBe(r.ranks.province?.rank ?? null);
    }
    const unitRows = await readSheet(file.rawPayload, 'Unit');
    const a1 = (await get('admin', `/cycles/${cycleId}/units/${w.units.a1}/result`)).json().result;
    expect(unitRows.find((u) => u['Kode instansi'] === '36.71' && u['Unit layanan'] === 'Disdukcapil')!.Nilai).toBe(a1.score);
  });

  it("gives a pimpinan only their province's bodies, and refuses other roles", async () => {
    const start = await w.call('pimpinanOther', {
      method: 'POST',
      url: `/api/v1/cycles/${cycleId}/exports/results`,
      payload: { lang: 'en' },
    });
    expect(start.statusCode).toBe(202);
    await settleJobs();
    const jobId = start.json().id;
    expect((await get('pimpinanOther', `/jobs/${jobId}`)).json().result).toEqual({ bodies: 1, units: 1 });
    const govs = await readSheet((await get('pimpinanOther', `/jobs/${jobId}/file`)).rawPayload, 'Governments');
    expect(govs.map((g) => g.Code)).toEqual(['31.71']);
    expect((await get('pimpinan', `/jobs/${jobId}`)).statusCode).toBe(404);
    for (const who of ['asisten', 'koordinator', 'operator'] as const) {
      expect(
        (await unchanged(() => w.call(who, { method: 'POST', url: `/api/v1/cycles/${cycleId}/exports/results`, payload: {} }))).statusCode,
      ).toBe(403);
    }
  });
});

describe('historical results import', () => {
  async function resultsFile(lines: (string | number)[][]): Promise<Buffer> {
    const tpl = (await get('admin', '/imports/templates/results.xlsx')).rawPayload;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Hasil')!;
    for (const [k, l] of lines.entries()) ws.getRow(k + 2).values = l;
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('serves the template to admins only', async () => {
    expect((await get('admin', '/imports/templates/results.xlsx')).statusCode).toBe(200);
    expect((await get('pimpinan', '/imports/templates/results.xlsx')).statusCode).toBe(403);
  });

  it('refuses an invalid file with every issue by row and column, saving nothing', async () => {
    const before = { cycles: await rows(cycles), results: await rows(bodyResults) };
    const file = await resultsFile([
      [2022, '36.71', 'Kota Tangerang', 'ombudsman-2022', 87.456],
      [2022, '99.99', 'Kota Entah', 'ombudsman-2022', 120],
      [2021, '36.72', 'Kota Cilegon', 'ombudsman-2022', 70],
    ]);
    const res = await unchanged(() =>
      post('admin', '/imports/results', { name: 'Hasil 2022', schemeId: 'ombudsman-2022' }, { name: 'hasil.xlsx', content: file }, 'en'),
    );
    expect(res.statusCode).toBe(422);
    const { error } = res.json();
    expect(error.code).toBe('import.invalid');
    const at = error.details.issues.map((i: { row: number; column: string | null; code: string }) => `${i.row}${i.column ?? ''} ${i.code}`);
    expect(at).toEqual(expect.arrayContaining(['3B body.unknown', '3E score.out_of_range']));
    expect(error.details.issues[0].message).toMatch(/registry/);
    // Row 4 is valid on its own but of another year than the first: refused once the rest is fixed.
    const second = await unchanged(async () =>
      post(
        'admin',
        '/imports/results',
        { name: 'Hasil 2022', schemeId: 'ombudsman-2022' },
        {
          name: 'hasil.xlsx',
          content: await resultsFile([
            [2022, '36.71', 'Kota Tangerang', 'ombudsman-2022', 87.456],
            [2021, '36.72', 'Kota Cilegon', 'ombudsman-2022', 70],
          ]),
        },
      ),
    );
    expect(second.statusCode).toBe(422);
    expect(second.json().error.details.issues).toMatchObject([{ sheet: 'Hasil', row: 3, code: 'cycle.year_mismatch' }]);
    expect(second.json().error.details.issues[0].message).toMatch(/Tahun 2021/);
    expect({ cycles: await rows(cycles), results: await rows(bodyResults) }).toEqual(before);
    expect(
      (
        await unchanged(() =>
          post('pimpinan', '/imports/results', { name: 'x', schemeId: 'ombudsman-2022' }, { name: 'hasil.xlsx', content: file }),
        )
      ).statusCode,
    ).toBe(403);
  });

  it('creates an imported, final cycle with the same scores from a valid file (as a job)', async () => {
    const file = await resultsFile([
      [2022, '36.71', 'Kota Tangerang', 'ombudsman-2022', 87.456],
      [2022, 36.72, 'Kota Cilegon', 'ombudsman-2022', 70.1],
      [2022, '36.73', 'Kota Serang', 'ombudsman-2022', 64],
    ]);
    const res = await post(
      'admin',
      '/imports/results',
      { name: 'Hasil terbit 2022', schemeId: 'ombudsman-2022' },
      { name: 'hasil.xlsx', content: file },
    );
    expect(res.statusCode).toBe(202);
    await settleJobs();
    const job = (await get('admin', `/jobs/${res.json().id}`)).json();
    expect(job).toMatchObject({ status: 'done', done: 3, total: 3, result: { bodies: 3, year: 2022, schemeId: 'ombudsman-2022' } });
    const newId = job.result.cycleId as string;
    const [cycle] = await t.db.db.select().from(cycles).where(eq(cycles.id, newId));
    expect(cycle).toMatchObject({ source: 'imported', status: 'final', year: 2022, name: 'Hasil terbit 2022' });
    const scores = Object.fromEntries(
      (
        await t.db.db
          .select({ bodyId: bodyResults.bodyId, score: bodyResults.score })
          .from(bodyResults)
          .where(eq(bodyResults.cycleId, newId))
      ).map((r) => [r.bodyId, r.score]),
    );
    expect(scores).toEqual({ [w.bodies.a.id]: 87.46, [w.bodies.b.id]: 70.1, [w.bodies.c.id]: 64 });
    // Round trip: the imported cycle's leaderboard, exported, gives the same numbers back.
    const back = await readSheet((await get('admin', `/cycles/${newId}/rankings.xlsx?group=province&province=36`)).rawPayload, 'Peringkat');
    expect(back.map((r) => [r.Kode, r.Nilai, r.Peringkat])).toEqual([
      ['36.71', 87.46, 1],
      ['36.72', 70.1, 2],
      ['36.73', 64, 3],
    ]);
    const audit = await t.db.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'cycle.import'), eq(auditEvents.subjectId, newId)));
    expect(audit).toHaveLength(1);
    // Not public until an admin publishes it.
    const publicUrl = `/cycles/${newId}/rankings.xlsx?group=province&province=36`;
    expect((await get('public', publicUrl)).statusCode).toBe(401);
    const published = await w.call('admin', { method: 'POST', url: `/api/v1/cycles/${newId}/publications`, payload: { scope: '36' } });
    expect(published.statusCode).toBe(201);
    const open = await get('public', publicUrl);
    expect(open.statusCode).toBe(200);
    expect((await readSheet(open.rawPayload, 'Peringkat')).map((r) => r.Nilai)).toEqual([87.46, 70.1, 64]);
  });
});

describe('answer sheets import', () => {
  /** One CSV of every sheet a complete unit needs (instrumen, responden, indicator codes). */
  function answersCsv(list: RecordPayload[]): Buffer {
    const codes = [...new Set(list.flatMap((r) => Object.keys(r.answers)))];
    const lines = [['instrumen', 'responden', ...codes].join(',')];
    for (const r of list) lines.push([r.instrument, r.respondent, ...codes.map((c) => (r.answers[c] ?? '') as string | number)].join(','));
    return Buffer.from(lines.join('\n'));
  }
  const unitRecords = async (unitId: string) =>
    (await t.db.db.select({ n: count() }).from(records).where(eq(records.unitId, unitId)))[0]!.n;
  const answer = (code: string, _i: string, k: number) => (code.charCodeAt(0) + k) % 4;
  const url = () => `/cycles/${cycleId}/units/${w.units.c1}/imports/answers`;

  it('serves the template of the cycle scheme', async () => {
    const res = await get('asisten', `/cycles/${cycleId}/imports/templates/answers.xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    for (const i of w.scheme.instruments) expect(wb.getWorksheet(i.code)).toBeDefined();
    expect((await get('pimpinan', `/cycles/${cycleId}/imports/templates/answers.xlsx`)).statusCode).toBe(403);
  });

  it('refuses an invalid file, or one the ingestion refuses, and saves nothing', async () => {
    const list = fullUnit(w.scheme, cycleId, w.units.c1, answer);
    const bad = structuredClone(list);
    const code = Object.keys(bad[1]!.answers)[0]!;
    bad[1]!.answers[code] = 9;
    const res = await unchanged(() => post('asisten', url(), {}, { name: 'jawaban.csv', content: answersCsv(bad) }));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.issues).toMatchObject([{ row: 3, code: 'answer.out_of_scale', header: code }]);
    // Valid for the parser, refused by the record ingestion (respondent longer than 200): nothing of the rest is kept.
    const long = structuredClone(list);
    long[4]!.respondent = 'R'.repeat(250);
    const refused = await unchanged(() => post('asisten', url(), {}, { name: 'jawaban.csv', content: answersCsv(long) }));
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details.issues).toMatchObject([{ sheet: null, row: 6, code: 'record.rejected' }]);
    expect(await unitRecords(w.units.c1)).toBe(0);
    expect((await get('asisten', `/cycles/${cycleId}/units/${w.units.c1}/result`)).json().result).toBeNull();
  });

  it('is refused to an asisten not assigned to the unit', async () => {
    const res = await unchanged(() =>
      post('asistenOther', url(), {}, { name: 'jawaban.csv', content: answersCsv(fullUnit(w.scheme, cycleId, w.units.c1, answer)) }),
    );
    expect(res.statusCode).toBe(403);
    expect(await unitRecords(w.units.c1)).toBe(0);
  });

  it('creates the records; the unit result equals the engine on the same answers; a re-import changes nothing', async () => {
    const list = fullUnit(w.scheme, cycleId, w.units.c1, answer);
    const res = await post('asisten', url(), {}, { name: 'jawaban.csv', content: answersCsv(list) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ sheets: list.length, created: list.length, unchanged: 0 });
    const expected = scoreUnit(w.scheme, {
      sheets: list.map((r) => ({ instrument: r.instrument, respondent: r.respondent, answers: r.answers })),
    });
    const stored = (await get('asisten', `/cycles/${cycleId}/units/${w.units.c1}/result`)).json().result;
    expect(stored.score).toBe(expected.score);
    expect(stored.raw).toBeCloseTo(expected.raw, 10);
    expect(res.json().result.score).toBe(expected.score);
    expect(await unitRecords(w.units.c1)).toBe(list.length);
    // The body result moved too (the same recompute as the batch sync).
    expect((await get('admin', `/cycles/${cycleId}/bodies/${w.bodies.c.id}/result`)).json().result.score).toBe(expected.score);
    const again = await post('asisten', url(), {}, { name: 'jawaban.csv', content: answersCsv(list) });
    expect(again.json()).toMatchObject({ created: 0, unchanged: list.length });
    expect(await unitRecords(w.units.c1)).toBe(list.length);
    const first = list[0]!;
    const [row] = await t.db.db
      .select()
      .from(records)
      .where(eq(records.id, importedRecordId(cycleId, w.units.c1, first)));
    expect(row?.respondent).toBe(first.respondent);
  });
});
