// Issue 15 D5: an .xlsx is checked for its inflated size, parts and rows before any parser runs;
// a zip bomb sent to either import is a 422 that changes nothing. (Time and memory: bench/zip-bomb.ts.)
import { desc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../audit/schema.ts';
import { type World, buildWorld, openCycle } from '../seed/test-world.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { xlsxBomb, xlsxManyRows } from '../test/zip-bomb.ts';
import { resultsTemplateXlsx } from './import.ts';
import { readTables } from './read-table.ts';
import { XLSX_LIMITS, inspectXlsx } from './zip-guard.ts';

describe('inspectXlsx', () => {
  it('passes a real workbook, counting its rows', async () => {
    const r = await inspectXlsx(await resultsTemplateXlsx('id'));
    expect(r).toMatchObject({ ok: true });
    if (r.ok) expect(r.rows).toBeGreaterThan(0);
  });

  it('refuses a bomb by its declared size, and a lying one while inflating, at the limit', async () => {
    expect(await inspectXlsx(xlsxBomb(200))).toEqual({
      ok: false,
      problem: 'size',
      size: expect.any(Number),
      max: XLSX_LIMITS.maxUncompressed,
    });
    const liar = await inspectXlsx(xlsxBomb(200, { honest: false }));
    expect(liar).toMatchObject({ ok: false, problem: 'size', max: XLSX_LIMITS.maxUncompressed });
    // It stopped right after the limit, not at the end of the 200 MiB.
    if (!liar.ok && liar.problem === 'size') expect(liar.size).toBeLessThan(XLSX_LIMITS.maxUncompressed + 2 * 1024 * 1024);
  });

  it('refuses too many rows before the workbook is built', async () => {
    expect(await inspectXlsx(xlsxManyRows(300), { ...XLSX_LIMITS, maxRows: 299 })).toMatchObject({ ok: false, problem: 'rows', max: 299 });
    expect(await inspectXlsx(xlsxManyRows(300), { ...XLSX_LIMITS, maxRows: 300 })).toMatchObject({ ok: true, rows: 300 });
  });

  it('refuses a damaged archive', async () => {
    const good = await resultsTemplateXlsx('id');
    expect(await inspectXlsx(good.subarray(0, good.length - 30))).toMatchObject({ ok: false, problem: 'corrupt' });
    const torn = Buffer.from(good);
    torn.fill(0, 200, 2000);
    expect((await inspectXlsx(torn)).ok).toBe(false);
  });

  it('reads as a translated file issue, CSV lines included', async () => {
    const bomb = await readTables(xlsxBomb(100, { honest: false }));
    expect(bomb).toMatchObject({ ok: false, issue: { code: 'file.too_large' } });
    if (!bomb.ok) expect(bomb.issue.message.en).toMatch(/too large once unpacked/);
    const lines = Buffer.from(`a,b\n${'1,2\n'.repeat(XLSX_LIMITS.maxRows + 5)}`);
    expect(await readTables(lines)).toMatchObject({ ok: false, issue: { code: 'file.too_many_rows' } });
  });
});

describe('the import routes', () => {
  let t: TestApp;
  let w: World;
  let cycleId: string;
  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t.app, t.db.db);
    cycleId = await openCycle(w);
  });
  afterAll(() => t.close());

  const form = (fields: Record<string, string>, content: Buffer) => {
    const b = 'zipBombBoundary';
    const parts: Buffer[] = Object.entries(fields).map(([k, v]) =>
      Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
    );
    parts.push(
      Buffer.from(
        `--${b}\r\nContent-Disposition: form-data; name="file"; filename="hasil.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
    );
    parts.push(content, Buffer.from(`\r\n--${b}--\r\n`));
    return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${b}` } };
  };
  const head = async () =>
    (await t.db.db.select({ seq: auditEvents.seq }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1))[0]?.seq ?? 0;

  it.each([
    ['results import (admin)', 'admin' as const, (): string => '/api/v1/imports/results', { name: 'Bom', schemeId: 'ombudsman-2022' }],
    ['answers import (asisten)', 'asisten' as const, (): string => `/api/v1/cycles/${cycleId}/units/${w.units.a1}/imports/answers`, {}],
    ['answers import (operator)', 'operator' as const, (): string => `/api/v1/cycles/${cycleId}/units/${w.units.a1}/imports/answers`, {}],
  ])('%s: a 200 MiB zip bomb is a 422 file.too_large that changes nothing', async (_n, who, url, fields) => {
    const before = await head();
    const f = form(fields, xlsxBomb(200, { honest: false }));
    const res = await w.call(who, { method: 'POST', url: `${url()}?lang=en`, payload: f.payload, headers: f.headers });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'import.invalid', details: { issues: [{ code: 'file.too_large' }] } });
    expect(await head()).toBe(before);
  });
});
