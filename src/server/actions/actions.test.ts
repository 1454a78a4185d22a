// Follow-up actions (issue 12): plan → progress with evidence → done → verified, refusals, scope of
// lists and counts (overdue, due soon), comments, audit rows; bad input changes nothing.
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdf } from '../test/files.ts';
import { type World, buildWorld, openCycle } from '../seed/test-world.ts';
import { createTestApp, expectUnchanged, type TestApp } from '../test/harness.ts';
import { auditEvents } from '../audit/schema.ts';
import { actions } from './schema.ts';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { TABLE_HEADER_ROW } from '../exports/workbook.ts';
import type { ActionDetail, ActionPage } from '../../shared/wire/actions.ts';

let t: TestApp;
let w: World;

const day = (offset: number) => new Date(Date.now() + 7 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
const call = (who: Parameters<World['call']>[0], method: InjectOptions['method'], url: string, payload?: object) =>
  w.call(who, { method, url: `/api/v1${url}`, ...(payload ? { payload } : {}) });

function form(file: { name: string; type: string; content: Buffer }): Pick<InjectOptions, 'payload' | 'headers'> {
  const boundary = `----pantau${Math.random().toString(16).slice(2)}`;
  return {
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const plan = (unitId: string, extra: object = {}) =>
  call('koordinator', 'POST', `/units/${unitId}/actions`, {
    sourceKind: 'manual',
    title: 'Menetapkan SK standar pelayanan',
    personInCharge: 'Kepala Bagian Organisasi',
    dueDate: day(30),
    ...extra,
  });

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.app, t.db.db);
  // The asisten is assigned to the units of province 36 in a cycle: they see those units' actions.
  await openCycle(w, { bodies: [w.bodies.a, w.bodies.b] });
});
afterAll(() => t.close());

describe('follow-up actions', () => {
  let id = '';

  it('the koordinator plans an action on a unit of its government; it is audited', async () => {
    const res = await plan(w.units.a1, { targetLevel: 3, notes: 'Dari temuan penilaian 2024' });
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json() as ActionDetail;
    id = a.id;
    expect(a).toMatchObject({
      status: 'planned',
      timing: 'on_track',
      daysLeft: 30,
      unitId: w.units.a1,
      bodyId: w.bodies.a.id,
      targetLevel: 3,
    });
    expect(a.updates.map((u) => u.kind)).toEqual(['plan']);
    const rows = await t.db.db.select().from(auditEvents).where(eq(auditEvents.subjectId, id));
    expect(rows.map((r) => r.action)).toEqual(['action.create']);
  });

  it('refuses other governments, other roles and bad input, changing nothing', async () => {
    await expectUnchanged(t.db.db, async () => {
      expect((await plan(w.units.b1)).statusCode).toBe(403);
      expect(
        (
          await call('operator', 'POST', `/units/${w.units.a1}/actions`, {
            sourceKind: 'manual',
            title: 'x',
            personInCharge: 'y',
            dueDate: day(1),
          })
        ).statusCode,
      ).toBe(403);
      expect((await plan(w.units.a1, { sourceKind: 'finding' })).statusCode).toBe(422);
      expect((await plan(w.units.a1, { sourceKind: 'skm', surveyId: crypto.randomUUID() })).statusCode).toBe(422);
      expect((await plan(w.units.a1, { dueDate: '2025-02-30' })).statusCode).toBe(400);
      expect((await call('koordinator', 'POST', `/actions/${id}/verify`, { accepted: true })).statusCode).toBe(409);
      expect((await call('operatorOther', 'POST', `/actions/${id}/progress`, { note: 'bukan unit saya' })).statusCode).toBe(403);
      expect((await call('koordinator', 'POST', `/actions/${id}/progress`, { note: 'koordinator' })).statusCode).toBe(403);
    });
  });

  it('the unit reports progress with evidence; the koordinator refuses, then verifies', async () => {
    const up = await w.call('operator', {
      method: 'POST',
      url: `/api/v1/actions/${id}/evidence`,
      ...form({ name: 'sk.pdf', type: 'application/pdf', content: pdf('SK standar pelayanan') }),
    });
    expect(up.statusCode, up.body).toBe(201);
    const fileId = (up.json() as { id: string }).id;
    let res = await call('operator', 'POST', `/actions/${id}/progress`, {
      note: 'Rancangan SK disusun',
      status: 'in_progress',
      evidenceIds: [fileId],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as ActionDetail).updates.at(-1)).toMatchObject({
      kind: 'progress',
      fromStatus: 'planned',
      toStatus: 'in_progress',
      evidenceIds: [fileId],
    });
    // The same file cannot be named twice, nor a status moved back.
    await expectUnchanged(t.db.db, async () => {
      expect((await call('operator', 'POST', `/actions/${id}/progress`, { note: 'lagi', evidenceIds: [fileId] })).statusCode).toBe(422);
      expect((await call('operator', 'POST', `/actions/${id}/progress`, { note: 'mundur', status: 'planned' })).statusCode).toBe(409);
      expect((await call('operator', 'POST', `/actions/${id}/progress`, { note: 'sendiri', status: 'verified' })).statusCode).toBe(409);
    });
    const dl = await call('koordinator', 'GET', `/actions/${id}/evidence/${fileId}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect((await call('operatorOther', 'GET', `/actions/${id}/evidence/${fileId}`)).statusCode).toBe(403);

    res = await call('operator', 'POST', `/actions/${id}/progress`, { note: 'SK ditandatangani', status: 'done' });
    expect((res.json() as ActionDetail).status).toBe('done');
    expect((await call('koordinator', 'POST', `/actions/${id}/verify`, { accepted: false })).statusCode).toBe(422);
    res = await call('koordinator', 'POST', `/actions/${id}/verify`, { accepted: false, note: 'Lampiran belum ada' });
    expect((res.json() as ActionDetail).status).toBe('in_progress');
    await call('operator', 'POST', `/actions/${id}/progress`, { note: 'Lampiran ditambahkan', status: 'done' });
    res = await call('koordinator', 'POST', `/actions/${id}/verify`, { accepted: true, note: 'Sesuai' });
    const a = res.json() as ActionDetail;
    expect(a).toMatchObject({ status: 'verified', timing: 'closed', verifiedBy: w.users.koordinator.id, evidenceCount: 1 });
    expect(a.updates.map((u) => `${u.kind}:${u.toStatus}`)).toEqual([
      'plan:planned',
      'progress:in_progress',
      'progress:done',
      'verification:in_progress',
      'progress:done',
      'verification:verified',
    ]);
    // Verified is closed: no more edits or progress.
    expect((await call('koordinator', 'PATCH', `/actions/${id}`, { title: 'Ubah' })).statusCode).toBe(409);
    expect((await call('operator', 'POST', `/actions/${id}/progress`, { note: 'setelah' })).statusCode).toBe(409);
  });

  it('the pimpinan of the province reads and comments; others do not', async () => {
    const res = await call('pimpinan', 'POST', `/actions/${id}/comments`, { note: 'Pertahankan.' });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as ActionDetail).updates.at(-1)).toMatchObject({ kind: 'comment', authorRole: 'pimpinan', note: 'Pertahankan.' });
    expect((await call('pimpinanOther', 'POST', `/actions/${id}/comments`, { note: 'Bukan provinsi saya' })).statusCode).toBe(403);
    expect((await call('pimpinanOther', 'GET', `/actions/${id}`)).statusCode).toBe(403);
    expect((await call('koordinatorOther', 'GET', `/actions/${id}`)).statusCode).toBe(403);
    expect((await call('asisten', 'GET', `/actions/${id}`)).statusCode).toBe(200);
    expect((await call('public', 'GET', `/actions/${id}`)).statusCode).toBe(401);
  });

  it('lists in scope with counts per status and timing (overdue, due soon)', async () => {
    const late = (await plan(w.units.a2, { dueDate: day(-3), title: 'Maklumat pelayanan' })).json() as ActionDetail;
    expect(late).toMatchObject({ timing: 'overdue', daysLeft: -3 });
    const soon = (await plan(w.units.a1, { dueDate: day(5), title: 'Kanal pengaduan' })).json() as ActionDetail;
    expect(soon.timing).toBe('due_soon');
    // issue 11: an SKM source must be a survey of the unit.
    const survey = (
      await call('operator', 'POST', `/units/${w.units.a1}/surveys`, {
        periodKind: 'year',
        year: 2026,
        index: 1,
        services: ['KTP-el'],
        expectedUsers: 100,
        opensAt: '2026-01-01T00:00:00Z',
        closesAt: '2026-12-31T00:00:00Z',
      })
    ).json() as { id: string };
    const skm = await plan(w.units.a1, {
      sourceKind: 'skm',
      surveyId: survey.id,
      unsurCode: 'U5',
      title: 'Perbaiki waktu layanan',
    });
    expect(skm.statusCode).toBe(201);

    const boardRes = await call('koordinator', 'GET', `/actions?bodyId=${w.bodies.a.id}`);
    expect(boardRes.statusCode, boardRes.body).toBe(200);
    const board = boardRes.json() as ActionPage;
    expect(board.total).toBe(4);
    expect(board.summary.byStatus).toEqual({ planned: 3, in_progress: 0, done: 0, verified: 1 });
    expect(board.summary.byTiming).toMatchObject({ overdue: 1, due_soon: 1, closed: 1, on_track: 1 });
    const overdue = (await call('koordinator', 'GET', '/actions?timing=overdue')).json() as ActionPage;
    expect(overdue.items.map((a) => a.id)).toEqual([late.id]);
    // The total counts the filtered rows; the counts keep every status and timing of the scope (a board's chips).
    expect(overdue.total).toBe(1);
    expect(overdue.summary).toEqual(board.summary);
    const planned = (await call('koordinator', 'GET', '/actions?status=planned,done&timing=due_soon,on_track')).json() as ActionPage;
    expect(planned.total).toBe(2);
    expect(planned.items).toHaveLength(2);
    expect(((await call('operator', 'GET', '/actions')).json() as ActionPage).total).toBe(3);
    expect(((await call('operatorOther', 'GET', '/actions')).json() as ActionPage).total).toBe(1);
    expect(((await call('pimpinan', 'GET', '/actions?provinceCode=36')).json() as ActionPage).total).toBe(4);
    expect(((await call('pimpinanOther', 'GET', '/actions')).json() as ActionPage).total).toBe(0);
    expect(((await call('koordinatorOther', 'GET', '/actions')).json() as ActionPage).total).toBe(0);
    expect(((await call('asisten', 'GET', '/actions')).json() as ActionPage).total).toBe(4);
    expect(((await call('koordinator', 'GET', '/actions?sourceKind=skm')).json() as ActionPage).items[0]).toMatchObject({
      unsurCode: 'U5',
    });
    expect((await call('public', 'GET', '/actions')).statusCode).toBe(401);
  });

  it('exports the board as .xlsx: the same rows and counts as the list, in scope, in the chosen language', async () => {
    const rowsOf = async (who: Parameters<World['call']>[0], query: string) => {
      const res = await call(who, 'GET', `/actions.xlsx${query}`);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
      const ws = wb.worksheets[0]!;
      const header = (ws.getRow(TABLE_HEADER_ROW).values as unknown[]).slice(1).map(String);
      const rows: Record<string, unknown>[] = [];
      for (let r = TABLE_HEADER_ROW + 1; r <= ws.rowCount; r++) {
        const v = (ws.getRow(r).values as unknown[]).slice(1);
        rows.push(Object.fromEntries(header.map((h, k) => [h, v[k] ?? null])));
      }
      return { ws, rows, disposition: String(res.headers['content-disposition']) };
    };
    const board = (await call('koordinator', 'GET', '/actions')).json() as ActionPage;
    const k = await rowsOf('koordinator', '');
    expect(k.ws.name).toBe('Tindak Lanjut');
    expect(String(k.ws.getCell('A1').value)).toBe('Papan Tindak Lanjut — Kota Tangerang');
    expect(String(k.ws.getCell('A2').value)).toContain(`${board.total} tindak lanjut: 3 direncanakan`);
    expect(k.disposition).toContain('tindak-lanjut-kota-tangerang-');
    expect(k.rows.map((r) => r['Tindak lanjut'])).toEqual(board.items.map((a) => a.title));
    const late = k.rows.find((r) => r['Tindak lanjut'] === 'Maklumat pelayanan')!;
    expect(late).toMatchObject({ 'Ketepatan waktu': 'Lewat tenggat', 'Sisa hari': -3, Status: 'Direncanakan', Tenggat: day(-3) });
    const skm = k.rows.find((r) => r.Sumber === 'Survei Kepuasan Masyarakat')!;
    expect(skm['Indikator / unsur']).toBe('U5');
    const verified = k.rows.find((r) => r.Status === 'Terverifikasi')!;
    expect(verified).toMatchObject({ Bukti: 1, 'Sisa hari': null });
    // Filters as on the board; English on request.
    const overdue = await rowsOf('koordinator', '?timing=overdue&lang=en');
    expect(overdue.ws.name).toBe('Actions');
    expect(overdue.rows.map((r) => r.Timing)).toEqual(['Overdue']);
    // Scope: the operator's unit only; another province sees an empty board; the public is refused.
    expect((await rowsOf('operator', '')).rows).toHaveLength(3);
    expect((await rowsOf('pimpinanOther', '')).rows).toHaveLength(0);
    expect((await call('public', 'GET', '/actions.xlsx')).statusCode).toBe(401);
    expect((await call('koordinator', 'GET', '/actions.xlsx?status=lost')).statusCode).toBe(400);
  });

  it('edits the plan with a diff in its updates', async () => {
    const a = (await plan(w.units.a1)).json() as ActionDetail;
    const res = await call('koordinator', 'PATCH', `/actions/${a.id}`, { dueDate: day(60), targetLevel: null });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as ActionDetail).dueDate).toBe(day(60));
    const rows = await t.db.db.select().from(auditEvents).where(eq(auditEvents.subjectId, a.id));
    expect(rows.map((r) => r.action)).toEqual(['action.create', 'action.update']);
  });

  it("moves a manual action to another unit of the government; refuses another government's unit and a finding's action, changing nothing", async () => {
    const a = (await plan(w.units.a1)).json() as ActionDetail;
    const res = await call('koordinator', 'PATCH', `/actions/${a.id}`, { unitId: w.units.a2, personInCharge: 'Sekretaris Dinas' });
    expect(res.statusCode, res.body).toBe(200);
    const moved = res.json() as ActionDetail;
    expect(moved).toMatchObject({ unitId: w.units.a2, personInCharge: 'Sekretaris Dinas' });
    expect(moved.unitName).not.toBe(a.unitName);
    const rows = await t.db.db.select().from(auditEvents).where(eq(auditEvents.subjectId, a.id));
    expect(rows.find((r) => r.action === 'action.update')?.diff).toMatchObject({
      before: { unitId: w.units.a1 },
      after: { unitId: w.units.a2 },
    });
    await expectUnchanged(t.db.db, async () => {
      const elsewhere = await w.call('koordinator', {
        method: 'PATCH',
        url: `/api/v1/actions/${a.id}`,
        payload: { unitId: w.units.b1 },
        headers: { 'accept-language': 'id' },
      });
      expect(elsewhere.statusCode).toBe(422);
      expect(elsewhere.json().error.code).toBe('action.unit_elsewhere');
      expect(elsewhere.json().error.message).toContain('bukan unit layanan aktif');
    });
    // A finding's (or a survey's) action stays with its unit.
    const b = (await plan(w.units.a1)).json() as ActionDetail;
    await t.db.db.update(actions).set({ sourceKind: 'survey' }).where(eq(actions.id, b.id));
    await expectUnchanged(t.db.db, async () => {
      const fixed = await call('koordinator', 'PATCH', `/actions/${b.id}`, { unitId: w.units.a2 });
      expect(fixed.statusCode).toBe(422);
      expect(fixed.json().error.code).toBe('action.unit_fixed');
      expect((await call('koordinator', 'PATCH', `/actions/${b.id}`, { unitId: 'not-a-uuid' })).statusCode).toBe(400);
    });
  });
});
