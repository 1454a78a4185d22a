// Clarification (issue 5 §1): windows, disputes with evidence, acceptance through
// applyIndicatorChange (answers change, unit and body recomputed, change log and audit),
// rejection, scope, and the deadline.
//
// Fixture (ombudsman-2024, hand-checked in scores.test.ts): a1 answers 3 everywhere except one of
// its 30 service users answering O1 = 0 → O1 = 2.9, a1 = 99.84; a2 answers 2 everywhere → 66.67;
// Kota Tangerang = (99.8384 + 66.666…)/2 → 83.25. Accepting "O1 = 3" on a1 makes a1 100.00 and
// Kota Tangerang (100 + 66.666…)/2 → 83.33.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, desc, eq } from 'drizzle-orm';
import { aggregate, scoreUnit } from '../../core/index.ts';
import { auditEvents } from '../audit/schema.ts';
import { verifyAudit } from '../audit/queries.ts';
import { getCycleOr404, transitionCycle } from '../cycles/queries.ts';
import { records } from '../records/schema.ts';
import { loadSheets } from '../scores/recompute.ts';
import { bodyResults, indicatorOverrides, unitResults } from '../scores/schema.ts';
import { type World, buildWorld, fullUnit, openCycle, submitAll } from '../seed/test-world.ts';
import { png } from '../test/files.ts';
import { createTestApp, expectUnchanged, type TestApp } from '../test/harness.ts';
import { applyIndicatorChange } from './change.ts';
import { clarificationWindows, disputes, resultChanges } from './schema.ts';
import { acknowledgeAllFlags } from '../seed/test-fieldwork.ts'; // issue 13

let t: TestApp;
let w: World;
let cycleId: string;
type Who = Parameters<World['call']>[0];

const api = (who: Who, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, lang = 'id') =>
  w.call(who, { method, url: `/api/v1${url}`, headers: { 'accept-language': lang }, ...(payload ? { payload } : {}) });
/** A refused call: it must change nothing (audit head unchanged). */
const unchanged = <T>(act: () => Promise<T>) => expectUnchanged(t.db.db, act);
const inAnHour = () => new Date(Date.now() + 3600_000).toISOString();

const PNG = png(24, 16, 2);
function upload(who: Who, disputeId: string, file: { name: string; type: string; content: Buffer }) {
  const boundary = `----pantau${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return w.call(who, {
    method: 'POST',
    url: `/api/v1/disputes/${disputeId}/evidence`,
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

const unitScore = async (unitId: string) =>
  (
    await t.db.db
      .select({ score: unitResults.score, raw: unitResults.raw })
      .from(unitResults)
      .where(and(eq(unitResults.cycleId, cycleId), eq(unitResults.unitId, unitId)))
  )[0]!;
const bodyScore = async (bodyId: string) =>
  (
    await t.db.db
      .select({ score: bodyResults.score })
      .from(bodyResults)
      .where(and(eq(bodyResults.cycleId, cycleId), eq(bodyResults.bodyId, bodyId)))
  )[0]!.score;
const o1Answers = async (unitId: string) =>
  (
    await t.db.db
      .select({ answers: records.answers })
      .from(records)
      .where(and(eq(records.cycleId, cycleId), eq(records.unitId, unitId), eq(records.instrument, 'pengguna')))
  )
    .map((r) => (r.answers as Record<string, number>).O1)
    .sort();
const lastAudit = async () => (await t.db.db.select().from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1))[0]!;
const changeCount = async () => (await t.db.db.select({ n: count() }).from(resultChanges))[0]!.n;

/** The engine's own numbers for the stored records: each unit's score and the body's. */
async function engineScores(unitIds: string[]) {
  const sheets = await loadSheets(t.db.db, cycleId, unitIds);
  const scored = unitIds.map((id) => scoreUnit(w.scheme, { sheets: sheets.get(id)! }));
  return {
    units: scored.map((u) => u.score),
    body: aggregate(
      w.scheme,
      scored.map((u) => ({ raw: u.raw, score: u.score, weight: u.weight, complete: u.complete })),
    ).score,
  };
}

let windowId: string;
let disputeA1: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.app, t.db.db);
  cycleId = await openCycle(w, { bodies: [w.bodies.a, w.bodies.b, w.bodies.other] });
  const a1 = fullUnit(w.scheme, cycleId, w.units.a1, () => 3);
  a1.find((r) => r.instrument === 'pengguna')!.answers.O1 = 0;
  await submitAll(w, 'asisten', a1);
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
    fullUnit(w.scheme, cycleId, w.units.other1, () => 2),
  );
  // a1 is approved: its fieldwork is locked; only an accepted dispute may still change it.
  expect((await api('asisten', 'POST', `/cycles/${cycleId}/units/${w.units.a1}/submit`, {})).statusCode).toBe(200);
  await acknowledgeAllFlags(w, cycleId, w.units.a1); // issue 13
  expect((await api('pimpinan', 'POST', `/cycles/${cycleId}/units/${w.units.a1}/approve`, {})).statusCode).toBe(200);
});
afterAll(() => t.close());

describe('clarification windows', () => {
  it('opens only while the cycle is in review', async () => {
    const res = await api('pimpinan', 'POST', `/cycles/${cycleId}/clarification-windows`, { scope: '36', deadline: inAnHour() });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('clarification.cycle_status');
    await t.db.db.transaction(async (tx) => {
      await transitionCycle(tx, { id: w.users.admin.id, username: w.users.admin.username }, await getCycleOr404(tx, cycleId), 'review');
    });
  });

  it('is opened by the pimpinan of the province only (pusat and other provinces refused), with a future deadline', async () => {
    const url = `/cycles/${cycleId}/clarification-windows`;
    expect((await unchanged(() => api('pimpinanOther', 'POST', url, { scope: '36', deadline: inAnHour() }))).statusCode).toBe(403);
    expect((await unchanged(() => api('pimpinan', 'POST', url, { scope: '31', deadline: inAnHour() }))).statusCode).toBe(403);
    expect((await unchanged(() => api('pimpinan', 'POST', url, { scope: 'pusat', deadline: inAnHour() }))).statusCode).toBe(403);
    expect((await unchanged(() => api('koordinator', 'POST', url, { scope: '36', deadline: inAnHour() }))).statusCode).toBe(403);
    expect((await unchanged(() => api('asisten', 'POST', url, { scope: '36', deadline: inAnHour() }))).statusCode).toBe(403);
    const past = await unchanged(() => api('pimpinan', 'POST', url, { scope: '36', deadline: '2020-01-01T00:00:00Z' }, 'en'));
    expect(past.statusCode).toBe(422);
    expect(past.json().error).toMatchObject({ code: 'clarification.deadline_past', message: 'The deadline must be in the future.' });
    expect((await t.db.db.select({ n: count() }).from(clarificationWindows))[0]!.n).toBe(0);

    const res = await api('pimpinan', 'POST', url, { scope: '36', deadline: inAnHour(), note: 'Klarifikasi hasil sementara' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      scope: '36',
      state: 'open',
      closedAt: null,
      note: 'Klarifikasi hasil sementara',
      disputes: { open: 0, accepted: 0, rejected: 0 },
    });
    windowId = res.json().id;
    expect(await lastAudit()).toMatchObject({
      action: 'clarification.open',
      subjectId: windowId,
      provinceCode: '36',
      actorId: w.users.pimpinan.id,
    });

    const twice = await unchanged(() => api('pimpinan', 'POST', url, { scope: '36', deadline: inAnHour() }));
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('clarification.window_exists');
    // Ministries and agencies (no province): the admin opens the 'pusat' window.
    const pusat = await api('admin', 'POST', url, { scope: 'pusat', deadline: inAnHour() });
    expect(pusat.statusCode).toBe(201);
    expect(await lastAudit()).toMatchObject({ action: 'clarification.open', provinceCode: null });
    expect((await api('admin', 'GET', url)).json().items.map((x: { scope: string }) => x.scope)).toEqual(['36', 'pusat']);
  });

  it('lists the windows each caller may see', async () => {
    const url = `/cycles/${cycleId}/clarification-windows`;
    expect((await api('koordinator', 'GET', url)).json().items.map((x: { id: string }) => x.id)).toEqual([windowId]);
    expect((await api('asisten', 'GET', url)).json().items).toHaveLength(1);
    expect((await api('pimpinanOther', 'GET', url)).json().items).toEqual([]);
    expect((await api('operator', 'GET', url)).statusCode).toBe(403);
  });
});

describe('disputes', () => {
  it("lets the koordinator dispute its own body's unit, nobody else's", async () => {
    const url = (unitId: string) => `/cycles/${cycleId}/units/${unitId}/disputes`;
    const payload = { indicator: 'O1', statement: 'Survei pengguna tidak mewakili: responden tidak pernah dilayani di loket.' };
    expect((await unchanged(() => api('koordinatorOther', 'POST', url(w.units.a1), payload))).statusCode).toBe(403);
    expect((await unchanged(() => api('koordinator', 'POST', url(w.units.b1), payload))).statusCode).toBe(403);
    expect((await unchanged(() => api('koordinator', 'POST', url(w.units.other1), payload))).statusCode).toBe(403);
    expect((await unchanged(() => api('pimpinan', 'POST', url(w.units.a1), payload))).statusCode).toBe(403);
    expect((await unchanged(() => api('koordinator', 'POST', url(w.units.c1), payload))).statusCode).toBe(404); // not in the locus
    const unknown = await unchanged(() => api('koordinator', 'POST', url(w.units.a1), { ...payload, indicator: 'Z9' }));
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.code).toBe('dispute.indicator_unknown');
    expect((await unchanged(() => api('koordinator', 'POST', url(w.units.a1), { ...payload, statement: 'pendek' }))).statusCode).toBe(400);
    expect((await t.db.db.select({ n: count() }).from(disputes))[0]!.n).toBe(0);

    const res = await api('koordinator', 'POST', url(w.units.a1), payload);
    expect(res.statusCode).toBe(201);
    const d = res.json();
    expect(d).toMatchObject({
      unitId: w.units.a1,
      bodyId: w.bodies.a.id,
      windowId,
      status: 'open',
      evidence: [],
      indicator: { code: 'O1', min: 0, max: 3 },
    });
    expect(d.indicator.levels.map((l: { value: number }) => l.value)).toEqual([0, 1, 2, 3]);
    expect(d.current.value).toBeCloseTo(2.9, 12);
    expect(d.current.answers).toHaveLength(30);
    disputeA1 = d.id;
    expect(await lastAudit()).toMatchObject({ action: 'dispute.create', subjectId: disputeA1, provinceCode: '36' });

    const again = await unchanged(() => api('koordinator', 'POST', url(w.units.a1), payload));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('dispute.exists');
    // Province 31 has no window: the admin is refused for the state, not for scope.
    const closed = await unchanged(() => api('admin', 'POST', url(w.units.other1), payload));
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('clarification.closed');
  });

  it('takes evidence checked by content, readable only within scope', async () => {
    const bad = await upload('koordinator', disputeA1, {
      name: 'catatan.txt',
      type: 'image/png',
      content: Buffer.from('bukan gambar sama sekali'),
    });
    expect(bad.statusCode).toBe(415);
    expect(
      (await unchanged(() => upload('koordinatorOther', disputeA1, { name: 'foto.png', type: 'image/png', content: PNG }))).statusCode,
    ).toBe(403);
    const ok = await upload('koordinator', disputeA1, { name: 'foto loket.png', type: 'image/png', content: PNG });
    expect(ok.statusCode).toBe(201);
    const [item] = ok.json().evidence;
    expect(item).toMatchObject({ filename: 'foto loket.png', mime: 'image/png', size: PNG.length });
    expect(await lastAudit()).toMatchObject({ action: 'dispute.evidence', subjectId: disputeA1 });
    const url = `/disputes/${disputeA1}/evidence/${item.sha256}`;
    const got = await api('pimpinan', 'GET', url);
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(PNG)).toBe(true);
    expect((await api('asisten', 'GET', url)).statusCode).toBe(200);
    expect((await api('koordinatorOther', 'GET', url)).statusCode).toBe(403);
    expect((await api('pimpinanOther', 'GET', url)).statusCode).toBe(403);
    expect((await api('pimpinan', 'GET', `/disputes/${disputeA1}/evidence/${'0'.repeat(64)}`)).statusCode).toBe(404);
  });

  it('puts the disputes in the queue of the pimpinan and the assigned asisten only', async () => {
    const ids = async (who: Who) => (await api(who, 'GET', `/cycles/${cycleId}/disputes`)).json().items.map((x: { id: string }) => x.id);
    expect(await ids('pimpinan')).toEqual([disputeA1]);
    expect(await ids('asisten')).toEqual([disputeA1]);
    expect(await ids('koordinator')).toEqual([disputeA1]);
    expect(await ids('asistenOther')).toEqual([]);
    expect(await ids('pimpinanOther')).toEqual([]);
    expect(await ids('koordinatorOther')).toEqual([]);
  });
});

describe('resolution', () => {
  it('refuses resolvers out of scope and a value outside the levels, changing nothing', async () => {
    const before = { answers: await o1Answers(w.units.a1), unit: await unitScore(w.units.a1), changes: await changeCount() };
    for (const who of ['asistenOther', 'pimpinanOther', 'koordinator', 'operator'] as const) {
      expect((await unchanged(() => api(who, 'POST', `/disputes/${disputeA1}/accept`, { value: 3 }))).statusCode, who).toBe(403);
    }
    for (const value of [4, -1, 2.5]) {
      const res = await unchanged(() => api('pimpinan', 'POST', `/disputes/${disputeA1}/accept`, { value }));
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toMatchObject({ code: 'change.value_invalid', details: { indicator: 'O1', levels: '0, 1, 2, 3' } });
    }
    const foreign = await unchanged(() =>
      api('pimpinan', 'POST', `/disputes/${disputeA1}/accept`, { value: 3, recordIds: [w.users.admin.id] }),
    );
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().error.code).toBe('change.record_invalid');
    expect({ answers: await o1Answers(w.units.a1), unit: await unitScore(w.units.a1), changes: await changeCount() }).toEqual(before);
    expect((await t.db.db.select({ status: disputes.status }).from(disputes).where(eq(disputes.id, disputeA1)))[0]!.status).toBe('open');
  });

  it('accepts: an override beside the untouched raw answers; unit and body are recomputed with it; the change log shows both; audited', async () => {
    expect(await o1Answers(w.units.a1)).toContain(0);
    expect((await unitScore(w.units.a1)).score).toBe(99.84);
    expect(await bodyScore(w.bodies.a.id)).toBe(83.25);

    const res = await api('pimpinan', 'POST', `/disputes/${disputeA1}/accept`, { value: 3, note: 'Bukti foto loket meyakinkan.' });
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d).toMatchObject({ status: 'accepted', resolution: 'Bukti foto loket meyakinkan.', current: { value: 3 } });
    expect(d.resolvedBy).toBeTruthy();

    // The raw answers are as the assessor entered them (one 0 among the 3s): the decision is an
    // indicator-level override, which scoring applies on top.
    expect((await o1Answers(w.units.a1)).filter((v) => v === 0)).toHaveLength(1);
    const [override] = await t.db.db.select().from(indicatorOverrides).where(eq(indicatorOverrides.unitId, w.units.a1));
    expect(override).toMatchObject({ cycleId, indicator: 'O1', value: 3, source: 'dispute', createdBy: w.users.pimpinan.id });
    expect(override!.recordIds as string[]).toHaveLength(30);
    const engine = await engineScores([w.units.a1, w.units.a2]);
    expect(engine).toEqual({ units: [100, 66.67], body: 83.33 });
    expect((await unitScore(w.units.a1)).score).toBe(engine.units[0]);
    expect(await bodyScore(w.bodies.a.id)).toBe(engine.body);

    const [change] = await t.db.db.select().from(resultChanges).where(eq(resultChanges.disputeId, disputeA1));
    expect(change).toMatchObject({
      cycleId,
      bodyId: w.bodies.a.id,
      unitId: w.units.a1,
      indicator: 'O1',
      source: 'dispute',
      reason: 'Bukti foto loket meyakinkan.',
      changedBy: w.users.pimpinan.id,
    });
    const before = change!.before as { answers: Record<string, number>; value: number; unitScore: number; bodyScore: number };
    const after = change!.after as typeof before;
    expect(Object.keys(before.answers)).toHaveLength(30);
    expect(Object.values(before.answers).filter((v) => v === 0)).toHaveLength(1);
    expect(before.value).toBeCloseTo(2.9, 12);
    expect(before).toMatchObject({ unitScore: 99.84, bodyScore: 83.25 });
    expect(after).toMatchObject({ value: 3, unitScore: 100, bodyScore: 83.33 });
    // Both in the log: the effective answers before and after, and the raw ones (unchanged).
    const raw = (before as unknown as { raw: Record<string, number> }).raw;
    expect(Object.values(raw).filter((v) => v === 0)).toHaveLength(1);
    expect((after as unknown as { raw: Record<string, number> }).raw).toEqual(raw);
    expect(Object.values(after.answers)).toEqual(Array(30).fill(3));
    expect(override!.changeId).toBe(change!.id);
    // The dispute view shows the record answers as scored and as entered.
    const zero = d.current.answers.find((a: { raw: number }) => a.raw === 0);
    expect(zero).toMatchObject({ value: 3, raw: 0 });
    // The records' content (and hash) is what the field app holds: its re-sync is a no-op, not a 409.
    const [rec] = await t.db.db.select().from(records).where(eq(records.id, zero.recordId));
    const replay = await api('asisten', 'POST', '/records/batch', {
      records: [
        {
          id: rec!.id,
          cycleId,
          unitId: rec!.unitId,
          instrument: rec!.instrument,
          respondent: rec!.respondent,
          answers: rec!.answers,
          capturedAt: rec!.capturedAt.toISOString(),
        },
      ],
    });
    expect(replay.json()).toMatchObject({ unchanged: 1, rejected: 0 });
    expect(d.change.after.unitScore).toBe(100);

    const events = await t.db.db.select().from(auditEvents).orderBy(desc(auditEvents.seq)).limit(2);
    expect(events.map((e) => e.action)).toEqual(['dispute.accept', 'result.change']);
    expect(events[1]).toMatchObject({ subjectType: 'unit', subjectId: w.units.a1, provinceCode: '36' });
    expect(events[1]!.diff).toMatchObject({
      indicator: 'O1',
      source: 'dispute',
      disputeId: disputeA1,
      after: { unitScore: 100, bodyScore: 83.33 },
    });

    const again = await unchanged(() => api('asisten', 'POST', `/disputes/${disputeA1}/accept`, { value: 2 }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('dispute.resolved');
  });

  it('rejects with a reason only, changing no answer or score', async () => {
    const created = await api('koordinator', 'POST', `/cycles/${cycleId}/units/${w.units.a2}/disputes`, {
      indicator: 'K1',
      statement: 'Kompetensi petugas sudah bersertifikat sejak 2023.',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const before = { unit: await unitScore(w.units.a2), body: await bodyScore(w.bodies.a.id), changes: await changeCount() };
    const short = await unchanged(() => api('asisten', 'POST', `/disputes/${id}/reject`, { reason: 'tidak' }));
    expect(short.statusCode).toBe(400);
    expect((await unchanged(() => api('asisten', 'POST', `/disputes/${id}/reject`, {}))).statusCode).toBe(400);
    expect(
      (await unchanged(() => api('asistenOther', 'POST', `/disputes/${id}/reject`, { reason: 'Sertifikat tidak dilampirkan.' })))
        .statusCode,
    ).toBe(403);
    const res = await api('asisten', 'POST', `/disputes/${id}/reject`, { reason: 'Sertifikat tidak dilampirkan.' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'rejected', resolution: 'Sertifikat tidak dilampirkan.', change: null });
    expect({ unit: await unitScore(w.units.a2), body: await bodyScore(w.bodies.a.id), changes: await changeCount() }).toEqual(before);
    expect(await lastAudit()).toMatchObject({ action: 'dispute.reject', subjectId: id, actorId: w.users.asisten.id });
  });

  it("shows the koordinator its body's window, units, disputes and change log — and nobody else's", async () => {
    const url = `/cycles/${cycleId}/bodies/${w.bodies.a.id}/clarification`;
    const res = await api('koordinator', 'GET', url);
    expect(res.statusCode).toBe(200);
    const v = res.json();
    expect(v.window).toMatchObject({ id: windowId, state: 'open', disputes: { open: 0, accepted: 1, rejected: 1 } });
    expect(v.result).toMatchObject({ score: 83.33 });
    expect(v.units.map((u: { name: string; result: { score: number } }) => [u.name, u.result.score])).toEqual([
      ['DPMPTSP', 66.67],
      ['Disdukcapil', 100],
    ]);
    expect(v.disputes.map((d: { status: string }) => d.status).sort()).toEqual(['accepted', 'rejected']);
    expect(v.changes).toHaveLength(1);
    expect(v.changes[0]).toMatchObject({
      unitId: w.units.a1,
      indicator: 'O1',
      source: 'dispute',
      disputeId: disputeA1,
      before: { unitScore: 99.84 },
      after: { unitScore: 100, value: 3 },
    });
    expect(v.changes[0].indicatorText.id).toBeTruthy();
    expect((await api('pimpinan', 'GET', url)).statusCode).toBe(200);
    expect((await api('asisten', 'GET', url)).statusCode).toBe(200);
    expect((await api('koordinatorOther', 'GET', url)).statusCode).toBe(403);
    expect((await api('pimpinanOther', 'GET', url)).statusCode).toBe(403);
    expect((await api('asistenOther', 'GET', url)).statusCode).toBe(403);
    expect((await api('operator', 'GET', url)).statusCode).toBe(403);
    expect((await api('public', 'GET', url)).statusCode).toBe(401);
  });
});

describe('after the deadline', () => {
  let openDispute: string;

  it('closes the window to new disputes and evidence; open disputes can still be decided', async () => {
    const filed = await api('koordinator', 'POST', `/cycles/${cycleId}/units/${w.units.a2}/disputes`, {
      indicator: 'P1',
      statement: 'Standar pelayanan sudah dipublikasikan di laman resmi.',
    });
    expect(filed.statusCode).toBe(201);
    openDispute = filed.json().id;
    await t.db.db
      .update(clarificationWindows)
      .set({ deadline: new Date(Date.now() - 60_000) })
      .where(eq(clarificationWindows.id, windowId));

    const late = await unchanged(() =>
      api('koordinator', 'POST', `/cycles/${cycleId}/units/${w.units.a2}/disputes`, {
        indicator: 'P2',
        statement: 'Maklumat pelayanan sudah dipasang di ruang tunggu.',
      }),
    );
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('clarification.closed');
    expect(late.json().error.message).toMatch(/^Masa klarifikasi tidak sedang dibuka/);
    const lateEn = await unchanged(() =>
      api(
        'koordinator',
        'POST',
        `/cycles/${cycleId}/units/${w.units.a2}/disputes`,
        { indicator: 'P2', statement: 'Maklumat pelayanan sudah dipasang.' },
        'en',
      ),
    );
    expect(lateEn.json().error.message).toMatch(/^The clarification window is not open/);
    expect(
      (await unchanged(() => upload('koordinator', openDispute, { name: 'foto.png', type: 'image/png', content: PNG }))).statusCode,
    ).toBe(409);

    const view = (await api('koordinator', 'GET', `/cycles/${cycleId}/bodies/${w.bodies.a.id}/clarification`)).json();
    expect(view.window.state).toBe('closed');
    expect(view.disputes.find((d: { id: string }) => d.id === openDispute).status).toBe('open');

    const rejected = await api('pimpinan', 'POST', `/disputes/${openDispute}/reject`, { reason: 'Tautan laman tidak dapat diakses.' });
    expect(rejected.statusCode).toBe(200);
  });

  it('lets the pimpinan extend a window, then close it early (audited); a closed window stays closed', async () => {
    const ext = await api('pimpinan', 'PATCH', `/clarification-windows/${windowId}`, { deadline: inAnHour() });
    expect(ext.statusCode).toBe(200);
    expect(ext.json().state).toBe('open');
    expect(await lastAudit()).toMatchObject({ action: 'clarification.extend', subjectId: windowId });
    expect((await unchanged(() => api('pimpinanOther', 'PATCH', `/clarification-windows/${windowId}`, { close: true }))).statusCode).toBe(
      403,
    );
    const closed = await api('pimpinan', 'PATCH', `/clarification-windows/${windowId}`, { close: true });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ state: 'closed' });
    expect(closed.json().closedAt).toBeTruthy();
    expect(await lastAudit()).toMatchObject({ action: 'clarification.close', subjectId: windowId });
    const again = await unchanged(() => api('pimpinan', 'PATCH', `/clarification-windows/${windowId}`, { deadline: inAnHour() }));
    expect(again.statusCode).toBe(409);
  });
});

describe('applyIndicatorChange (the path errata use too)', () => {
  it('works without any window or dispute, and changes only the chosen records', async () => {
    const [rec] = await t.db.db
      .select({ id: records.id })
      .from(records)
      .where(and(eq(records.cycleId, cycleId), eq(records.unitId, w.units.b1), eq(records.instrument, 'pengguna')))
      .limit(1);
    const actor = { id: w.users.admin.id, username: w.users.admin.username };
    const out = await t.db.db.transaction((tx) =>
      applyIndicatorChange(tx, actor, {
        cycleId,
        unitId: w.units.b1,
        indicator: 'O2',
        value: 0,
        recordIds: [rec!.id],
        source: 'correction',
        reason: 'Erratum: jawaban salah ketik.',
      }),
    );
    expect(out.before).toMatchObject({ answers: { [rec!.id]: 3 }, value: 3, unitScore: 100, bodyScore: 100 });
    // O2 = 29 × 3 / 30 = 2.9 → 24.24 × 1/5 × (1 − 2.9/3) = 0.1616 points lost → 99.84.
    expect(out.after).toMatchObject({ answers: { [rec!.id]: 0 }, unitScore: 99.84, bodyScore: 99.84 });
    expect(out.after.value).toBeCloseTo(2.9, 12);
    const engine = await engineScores([w.units.b1]);
    expect(engine.units[0]).toBe(99.84);
    const [row] = await t.db.db.select().from(resultChanges).where(eq(resultChanges.id, out.changeId));
    expect(row).toMatchObject({ source: 'correction', disputeId: null, bodyId: w.bodies.b.id });
    expect(await lastAudit()).toMatchObject({ action: 'result.change', subjectId: w.units.b1 });
    // Nothing to change → refused.
    await expect(
      t.db.db.transaction((tx) =>
        applyIndicatorChange(tx, actor, {
          cycleId,
          unitId: w.units.b1,
          indicator: 'O2',
          value: 0,
          recordIds: [rec!.id],
          source: 'correction',
          reason: 'lagi',
        }),
      ),
    ).rejects.toMatchObject({ code: 'change.no_change' });
  });

  it('leaves the audit chain intact', async () => {
    expect((await verifyAudit(t.db.db)).ok).toBe(true);
  });
});

describe('after publication', () => {
  it('refuses new windows, disputes and dispute changes on a published scope; errata corrections still apply', async () => {
    const { publications } = await import('../publications/schema.ts');
    const province = w.bodies.a.provinceCode!;
    const cycle = await getCycleOr404(t.db.db, cycleId);
    await t.db.db.insert(publications).values({
      cycleId,
      scope: province,
      version: 1,
      publicAt: new Date(Date.now() + 86_400_000), // embargoed: the lock starts at publication, not at the public date
      schemeHash: cycle.schemeHash,
      contentHash: 'x'.repeat(64),
      snapshot: {},
    });
    const changesBefore = await changeCount();

    const win = await unchanged(() =>
      api('pimpinan', 'POST', `/cycles/${cycleId}/clarification-windows`, { scope: province, deadline: inAnHour() }),
    );
    expect(win.statusCode).toBe(409);
    expect(win.json().error.code).toBe('publication.locked');

    const filed = await unchanged(() =>
      api('koordinator', 'POST', `/cycles/${cycleId}/units/${w.units.a2}/disputes`, {
        indicator: 'O2',
        statement: 'Jawaban O2 tidak sesuai bukti yang kami kirim.',
      }),
    );
    expect(filed.statusCode).toBe(409);
    expect(filed.json().error.code).toBe('publication.locked');

    const actor = { id: w.users.pimpinan.id, username: w.users.pimpinan.username };
    const viaDispute = t.db.db.transaction((tx) =>
      applyIndicatorChange(tx, actor, {
        cycleId,
        unitId: w.units.a2,
        indicator: 'O2',
        value: 3,
        source: 'dispute',
        reason: 'Sanggahan diterima',
      }),
    );
    await expect(viaDispute).rejects.toMatchObject({ code: 'publication.locked' });
    expect(await changeCount()).toBe(changesBefore);

    await t.db.db.transaction((tx) =>
      applyIndicatorChange(tx, actor, {
        cycleId,
        unitId: w.units.a2,
        indicator: 'O2',
        value: 3,
        source: 'correction',
        reason: 'Ralat: jawaban O2 salah input',
      }),
    );
    expect(await changeCount()).toBe(changesBefore + 1);
  });
});
