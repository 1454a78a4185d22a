import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, desc, eq, inArray } from 'drizzle-orm';
import { auditEvents } from '../audit/schema.ts';
import { verifyAudit } from '../audit/queries.ts';
import { unitResults } from '../scores/schema.ts';
import { createTestApp, expectUnchanged, type TestApp } from '../test/harness.ts';
import { type RecordPayload, type World, buildWorld, fullUnit, openCycle, submitAll } from '../seed/test-world.ts';
import { records } from './schema.ts';
import { RecordInput } from '../../shared/wire/records.ts';
import { fastRecordInput } from './queries.ts';
import { acknowledgeAllFlags } from '../seed/test-fieldwork.ts'; // issue 13

let t: TestApp;
let w: World;
let cycleId: string;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.app, t.db.db);
  cycleId = await openCycle(w, { bodies: [w.bodies.a, w.bodies.b, w.bodies.other] });
});
afterAll(() => t.close());

const sheet = (unitId: string, over: Partial<RecordPayload> = {}): RecordPayload => ({
  id: randomUUID(),
  cycleId,
  unitId,
  instrument: 'pengguna',
  respondent: 'Pengguna 1',
  answers: { O1: 3, O2: 2, O3: 3, O4: 3, O5: 1 },
  capturedAt: '2024-07-02T10:00:00+07:00',
  ...over,
});

const post = (who: Parameters<World['call']>[0], payload: unknown, lang = 'id') =>
  w.call(who, { method: 'POST', url: '/api/v1/records', payload: payload as object, headers: { 'accept-language': lang } });
const batch = (who: Parameters<World['call']>[0], list: unknown[], lang = 'id') =>
  w.call(who, { method: 'POST', url: '/api/v1/records/batch', payload: { records: list }, headers: { 'accept-language': lang } });

/** A refused call: it must change nothing (audit head and the records table unchanged). */
const unchanged = <T>(act: () => Promise<T>) => expectUnchanged(t.db.db, act, { tables: [records] });
const recordCount = async () => (await t.db.db.select({ n: count() }).from(records))[0]!.n;
const auditCount = async () => (await t.db.db.select({ n: count() }).from(auditEvents))[0]!.n;

describe('api: POST /records', () => {
  it('creates a record (201) and a repeat of the same content is a no-op returning it (200)', async () => {
    const r = sheet(w.units.a1, { remarks: { O5: 'antre lama' }, notes: 'wawancara di loket' });
    const first = await post('asisten', r);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      id: r.id,
      status: 'submitted',
      answers: r.answers,
      remarks: { O5: 'antre lama' },
      capturedBy: w.users.asisten.id,
    });
    const audits = await auditCount();
    const again = await post('asisten', r);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(await auditCount()).toBe(audits);
    // The same instant written in another offset is the same content.
    expect((await post('asisten', { ...r, capturedAt: '2024-07-02T03:00:00Z' })).statusCode).toBe(200);
  });

  it('refuses the same id with other content (409 record.id_reused), changing nothing', async () => {
    const r = sheet(w.units.a1);
    await post('asisten', r);
    const before = await recordCount();
    const res = await unchanged(() => post('asisten', { ...r, answers: { ...r.answers, O1: 0 } }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'record.id_reused', details: { id: r.id } });
    expect(await recordCount()).toBe(before);
    const stored = (await w.call('asisten', { method: 'GET', url: `/api/v1/records/${r.id}` })).json();
    expect(stored.answers.O1).toBe(3);
  });

  it.each([
    ['an answer outside the scale', { answers: { O1: 4 } }, 'Rekaman tidak valid: indikator O1: jawaban 4 di luar skala 0–3', 'O1'],
    [
      'an indicator the instrument does not cover',
      { answers: { K1: 2 } },
      "Rekaman tidak valid: instrumen 'pengguna' tidak mencakup indikator K1",
      'K1',
    ],
    ['an unknown indicator', { answers: { Z9: 2 } }, 'Rekaman tidak valid: indikator Z9 tidak ada dalam metodologi ombudsman-2024', 'Z9'],
    ['a fractional answer', { answers: { O2: 1.5 } }, 'Rekaman tidak valid: indikator O2: jawaban 1.5 bukan bilangan bulat', 'O2'],
    [
      'an unknown instrument',
      { instrument: 'survei' },
      "Rekaman tidak valid: instrumen 'survei' tidak ada dalam metodologi ombudsman-2024",
      undefined,
    ],
    ['no answer at all', { answers: { O1: null } }, 'Rekaman tidak valid: rekaman tidak berisi satu jawaban pun', undefined],
  ])('rejects %s with 422 naming the indicator, changing nothing', async (_name, over, message, indicator) => {
    const before = { records: await recordCount(), audits: await auditCount() };
    const res = await unchanged(() => post('asisten', sheet(w.units.a1, over as Partial<RecordPayload>)));
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'record.invalid', message });
    if (indicator) expect(res.json().error.details.indicator).toBe(indicator);
    expect({ records: await recordCount(), audits: await auditCount() }).toEqual(before);
  });

  it('explains the rejection in English when asked', async () => {
    const res = await post('asisten', sheet(w.units.a1, { answers: { O3: 7 } }), 'en');
    expect(res.json().error.message).toBe('Invalid record: indicator O3: answer 7 is outside the scale 0–3');
  });

  it('refuses a unit outside the locus, and callers without the unit in scope', async () => {
    const notInLocus = await unchanged(() => post('asisten', sheet(w.units.c1)));
    expect(notInLocus.statusCode).toBe(422);
    expect(notInLocus.json().error.code).toBe('locus.unit_missing');
    expect((await unchanged(() => post('asistenOther', sheet(w.units.a1)))).statusCode).toBe(403);
    expect((await unchanged(() => post('operatorOther', sheet(w.units.a1)))).statusCode).toBe(403);
    expect((await unchanged(() => post('pimpinan', sheet(w.units.a1)))).statusCode).toBe(403);
    expect((await unchanged(() => post('koordinator', sheet(w.units.a1)))).statusCode).toBe(403);
    expect((await unchanged(() => post('public', sheet(w.units.a1)))).statusCode).toBe(401);
    // issue 10: the library names who fills each instrument; an operator does not fill an Ombudsman interview.
    const operator = await unchanged(() => post('operator', sheet(w.units.a1)));
    expect(operator.statusCode).toBe(403);
    expect(operator.json().error.code).toBe('record.filler_forbidden');
  });

  it("appends one audit event per affected unit committing to every created record's content", async () => {
    const list = [
      sheet(w.units.a2),
      sheet(w.units.a2, { respondent: 'Pengguna 2' }),
      sheet(w.units.a2, { instrument: 'pejabat', answers: { K1: 2 } }),
    ];
    await submitAll(w, 'asisten', list);
    const [event] = await t.db.db.select().from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
    expect(event).toMatchObject({
      action: 'record.create',
      subjectType: 'unit',
      subjectId: w.units.a2,
      provinceCode: '36',
      actorId: w.users.asisten.id,
    });
    const diff = event!.diff as { cycleId: string; count: number; instruments: Record<string, number>; ids: string[]; digest: string };
    expect(diff).toMatchObject({ cycleId, count: 3, instruments: { pengguna: 2, pejabat: 1 } });
    expect(diff.ids).toEqual(list.map((r) => r.id).sort());
    // The digest is sha256 over "id:contentHash" lines of the stored records, in id order.
    const stored = await t.db.db
      .select({ id: records.id, contentHash: records.contentHash })
      .from(records)
      .where(inArray(records.id, diff.ids));
    const lines = stored
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((r) => `${r.id}:${r.contentHash}\n`)
      .join('');
    expect(diff.digest).toBe(createHash('sha256').update(lines).digest('hex'));
  });

  it('parses records the fast way only when zod would accept them unchanged', async () => {
    const good = sheet(w.units.a1, { remarks: { O1: 'ok' }, notes: 'catatan' });
    expect(fastRecordInput(good)).toEqual(RecordInput.parse(good));
    const doubtful: unknown[] = [
      { ...good, extra: 1 },
      { ...good, respondent: ' Pengguna 1 ' },
      { ...good, id: 'not-a-uuid' },
      { ...good, capturedAt: '2024-13-01T00:00:00Z' },
      { ...good, answers: { O1: Number.POSITIVE_INFINITY } },
      { ...good, answers: { '': 1 } },
      { ...good, latitude: 91 },
      { ...good, answers: [] },
      null,
    ];
    for (const d of doubtful) expect(fastRecordInput(d)).toBeUndefined();
    // A trimmed respondent is valid for zod (it trims) but left to zod.
    expect(RecordInput.safeParse(doubtful[1]).success).toBe(true);
  });
});

describe('api: POST /records/batch', () => {
  it('reports created, unchanged and rejected per record, in order, in one transaction', async () => {
    const stored = sheet(w.units.b1);
    await post('asisten', stored);
    const fresh = sheet(w.units.b1, { respondent: 'Pengguna 9' });
    const bad = sheet(w.units.b1, { answers: { O4: 9 } });
    const reused = { ...stored, answers: { O1: 0 } };
    const forbidden = sheet(w.units.other1);
    const malformed = { id: randomUUID(), cycleId, unitId: w.units.b1, instrument: 'pengguna', answers: { O1: 'tiga' } };
    const dup = { ...fresh };
    const before = await recordCount();
    const res = await batch('asisten', [fresh, stored, bad, reused, forbidden, malformed, dup]);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.results.map((r: { outcome: string; error?: { code: string } }) => r.error?.code ?? r.outcome)).toEqual([
      'created',
      'unchanged',
      'record.invalid',
      'record.id_reused',
      'auth.forbidden',
      'request.invalid',
      'unchanged',
    ]);
    expect(body).toMatchObject({ created: 1, unchanged: 2, rejected: 4 });
    expect(body.results[2].error.message).toContain('O4');
    expect(body.results[5].error.details.issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(['answers.O1', 'capturedAt']),
    );
    expect(await recordCount()).toBe(before + 1);
  });

  it('lets a repeat of a rejected record share its rejection', async () => {
    const bad = sheet(w.units.b1, { answers: { O1: -1 } });
    const body = (await batch('asisten', [bad, bad])).json();
    expect(body.results.map((r: { outcome: string }) => r.outcome)).toEqual(['rejected', 'rejected']);
  });

  it('recomputes the affected units at the end: every answer 2 of 3 scores 200/3 = 66.67', async () => {
    const c = await openCycle(w, { bodies: [w.bodies.b] });
    const list = fullUnit(w.scheme, c, w.units.b1, () => 2);
    const res = await batch('asisten', list);
    expect(res.json().created).toBe(list.length);
    const [row] = await t.db.db
      .select({ score: unitResults.score, bandCode: unitResults.bandCode, complete: unitResults.complete })
      .from(unitResults)
      .where(and(eq(unitResults.cycleId, c), eq(unitResults.unitId, w.units.b1)));
    expect(row).toEqual({ score: 66.67, bandCode: 'C', complete: true });
  });

  it('refuses a batch larger than the limit with 400', async () => {
    const res = await unchanged(() =>
      batch(
        'asisten',
        Array.from({ length: 2001 }, () => ({})),
      ),
    );
    expect(res.statusCode).toBe(400);
  });
});

describe('api: PUT and DELETE /records/:id', () => {
  it('replaces the content, audits the difference and recomputes', async () => {
    const r = sheet(w.units.a1, { respondent: 'Ubah' });
    await post('asisten', r);
    const { id, cycleId: _c, unitId: _u, ...content } = r;
    const res = await w.call('asisten', {
      method: 'PUT',
      url: `/api/v1/records/${id}`,
      payload: { ...content, answers: { ...r.answers, O5: 3 } },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().answers.O5).toBe(3);
    const [event] = await t.db.db.select().from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
    expect(event).toMatchObject({ action: 'record.update', subjectId: id });
    expect(event!.diff).toMatchObject({ before: { answers: { O5: 1 } }, after: { answers: { O5: 3 } } });
    const invalid = await unchanged(() =>
      w.call('asisten', { method: 'PUT', url: `/api/v1/records/${id}`, payload: { ...content, answers: { O5: 5 } } }),
    );
    expect(invalid.statusCode).toBe(422);
  });

  it('deletes a record while its unit accepts writes', async () => {
    const r = sheet(w.units.a1, { respondent: 'Hapus' });
    await post('asisten', r);
    expect((await unchanged(() => w.call('asistenOther', { method: 'DELETE', url: `/api/v1/records/${r.id}` }))).statusCode).toBe(403);
    const res = await w.call('asisten', { method: 'DELETE', url: `/api/v1/records/${r.id}` });
    expect(res.statusCode).toBe(200);
    expect((await w.call('asisten', { method: 'GET', url: `/api/v1/records/${r.id}` })).statusCode).toBe(404);
  });
});

describe('review: submit, return with comments, approve', () => {
  let reviewCycle: string;
  let a1Sheets: RecordPayload[];
  beforeAll(async () => {
    reviewCycle = await openCycle(w, { bodies: [w.bodies.a] });
    a1Sheets = fullUnit(w.scheme, reviewCycle, w.units.a1, () => 3);
    await submitAll(w, 'asisten', a1Sheets);
    await submitAll(
      w,
      'asisten',
      fullUnit(w.scheme, reviewCycle, w.units.a2, () => 3),
    );
  });
  const unitUrl = (unitId: string, action: string) => `/api/v1/cycles/${reviewCycle}/units/${unitId}/${action}`;

  it('locks a submitted unit against new records', async () => {
    expect((await w.call('asisten', { method: 'POST', url: unitUrl(w.units.a1, 'submit') })).statusCode).toBe(200);
    const res = await unchanged(() => post('asisten', { ...sheet(w.units.a1), cycleId: reviewCycle }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('unit.locked');
  });

  it('still answers a replay of a stored record as unchanged once the unit is locked, and a reused id as 409', async () => {
    const replay = await unchanged(() => batch('asisten', [a1Sheets[0], { ...a1Sheets[1]!, answers: { K1: 0 } }]));
    expect(replay.json().results.map((r: { outcome: string; error?: { code: string } }) => r.error?.code ?? r.outcome)).toEqual([
      'unchanged',
      'record.id_reused',
    ]);
    expect((await post('asisten', a1Sheets[0])).statusCode).toBe(200);
  });

  it('returns the unit with a comment per indicator, placed on the records that answer it', async () => {
    expect(
      (
        await unchanged(() =>
          w.call('pimpinanOther', { method: 'POST', url: unitUrl(w.units.a1, 'return'), payload: { comments: { O1: 'x' } } }),
        )
      ).statusCode,
    ).toBe(403);
    const unknown = await unchanged(() =>
      w.call('pimpinan', { method: 'POST', url: unitUrl(w.units.a1, 'return'), payload: { comments: { ZZ: 'x' } } }),
    );
    expect(unknown.statusCode).toBe(422);
    const res = await w.call('pimpinan', {
      method: 'POST',
      url: unitUrl(w.units.a1, 'return'),
      payload: { note: 'Periksa lagi', comments: { O1: 'Jawaban pengguna 1 meragukan', K2: 'Lampirkan SK' } },
    });
    expect(res.statusCode).toBe(200);
    const list = (
      await w.call('asisten', { method: 'GET', url: `/api/v1/cycles/${reviewCycle}/units/${w.units.a1}/records?pageSize=200` })
    ).json();
    const users = list.items.filter((r: { instrument: string }) => r.instrument === 'pengguna');
    const officials = list.items.filter((r: { instrument: string }) => r.instrument === 'pejabat');
    expect(users[0]).toMatchObject({ status: 'returned', review: { O1: 'Jawaban pengguna 1 meragukan' } });
    expect(officials[0].review).toEqual({ K2: 'Lampirkan SK' });
    expect(list.items.find((r: { instrument: string }) => r.instrument === 'dokumen').review).toEqual({});
    // Returned: writable again, then handed in once more.
    expect((await post('asisten', { ...sheet(w.units.a1), cycleId: reviewCycle })).statusCode).toBe(201);
    expect((await w.call('asisten', { method: 'POST', url: unitUrl(w.units.a1, 'submit') })).statusCode).toBe(200);
  });

  it('approves units and makes the body final when all are approved', async () => {
    const early = await unchanged(() => w.call('pimpinan', { method: 'POST', url: unitUrl(w.units.a2, 'approve'), payload: {} }));
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('unit.invalid_state');
    expect((await w.call('asisten', { method: 'POST', url: unitUrl(w.units.a2, 'submit') })).statusCode).toBe(200);
    // issue 13: the uniform fixture answers raise fieldwork warnings; the pimpinan acknowledges them.
    for (const u of [w.units.a1, w.units.a2]) await acknowledgeAllFlags(w, reviewCycle, u);
    const first = await w.call('pimpinan', { method: 'POST', url: unitUrl(w.units.a1, 'approve'), payload: {} });
    expect(first.json()).toEqual({ status: 'approved', bodyFinal: false });
    const second = await w.call('pimpinan', { method: 'POST', url: unitUrl(w.units.a2, 'approve'), payload: { note: 'Lengkap' } });
    expect(second.json()).toEqual({ status: 'approved', bodyFinal: true });
    const [event] = await t.db.db.select().from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
    expect(event).toMatchObject({ action: 'unit.approve', diff: { bodyFinal: true, note: 'Lengkap' } });
    // Review of the cycle, then final: every body is final.
    expect(
      (await w.call('admin', { method: 'POST', url: `/api/v1/cycles/${reviewCycle}/status`, payload: { status: 'review' } })).statusCode,
    ).toBe(200);
    expect(
      (await w.call('admin', { method: 'POST', url: `/api/v1/cycles/${reviewCycle}/status`, payload: { status: 'final' } })).statusCode,
    ).toBe(200);
    const closed = await unchanged(() => post('asisten', { ...sheet(w.units.a1), cycleId: reviewCycle }));
    expect(closed.json().error.code).toBe('cycle.closed');
  });

  it('refuses to approve an incomplete unit, naming what is missing', async () => {
    const c = await openCycle(w, { bodies: [w.bodies.b] });
    await submitAll(
      w,
      'asisten',
      fullUnit(w.scheme, c, w.units.b1, () => 3).filter((r) => r.instrument !== 'dokumen'),
    );
    await w.call('asisten', { method: 'POST', url: `/api/v1/cycles/${c}/units/${w.units.b1}/submit` });
    const res = await unchanged(() =>
      w.call('pimpinan', { method: 'POST', url: `/api/v1/cycles/${c}/units/${w.units.b1}/approve`, payload: {} }),
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('unit.incomplete');
    expect(res.json().error.details.codes).toEqual(['dokumen', 'S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8', 'S9']);
  });

  it('keeps the audit chain intact', async () => {
    expect((await verifyAudit(t.db.db)).ok).toBe(true);
  });
});
