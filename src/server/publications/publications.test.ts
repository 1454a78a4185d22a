// Publication end to end over the API: preconditions and scope, embargo, what the public and the
// koordinator see, the snapshot's content and hash, errata (v2 current, v1 readable and
// byte-identical), the fieldwork lock after publication, open data, and a national publication
// closing the cycle.
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../core/canonical-json.ts';
import { auditEvents } from '../audit/schema.ts';
import { checkpointSignatureOk, verifyAudit } from '../audit/queries.ts';
import { publicationAnchors } from '../audit/checkpoints.ts';
import { clarificationWindows, disputes } from '../clarifications/schema.ts';
import { createCycle, getCycle } from '../cycles/queries.ts';
import { OPEN_DATA_COLUMNS, OPEN_DATA_JSON_KEYS } from '../exports/open-data.ts';
import { records } from '../records/schema.ts';
import { importBodyScores } from '../scores/import.ts';
import { insertBody } from '../seed/fixtures.ts';
import { type World, buildWorld, fullUnit, openCycle, submitAll } from '../seed/test-world.ts';
import { pdf } from '../test/files.ts';
import { createTestApp, expectUnchanged, type TestApp } from '../test/harness.ts';
import { publish } from './queries.ts';
import { publications } from './schema.ts';
import type { PublicationSnapshot } from '../../shared/wire/publications.ts';
import { acknowledgeAllFlags } from '../seed/test-fieldwork.ts';

let t: TestApp;
let w: World;
let cycleId: string;
let pastId: string;
let v1: { id: string; snapshotText: string };
let v2Id: string;
let evidenceId: string;

const PDF = pdf('Bukti publikasi');
/** POST /evidence as `who`: a multipart form with the fields, then one PDF. */
function uploadPdf(who: Parameters<World['call']>[0], fields: Record<string, string>) {
  const boundary = `----pantau${Math.random().toString(16).slice(2)}`;
  const parts = Object.entries(fields).map(([k, v]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
  );
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bukti.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
  );
  parts.push(PDF, Buffer.from(`\r\n--${boundary}--\r\n`));
  return w.call(who, {
    method: 'POST',
    url: '/api/v1/evidence',
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

const api = (url: string) => `/api/v1${url}`;
const get = (who: Parameters<World['call']>[0], url: string) => w.call(who, { method: 'GET', url: api(url) });
const post = (who: Parameters<World['call']>[0], url: string, payload: object = {}) =>
  w.call(who, { method: 'POST', url: api(url), payload });
const unitUrl = (unitId: string, action: string) => `/cycles/${cycleId}/units/${unitId}/${action}`;
/** A refused call: it must change nothing (audit head and publications unchanged). */
const unchanged = <T>(act: () => Promise<T>) => expectUnchanged(t.db.db, act, { tables: [publications] });
const snapshotText = async (id: string) =>
  ((await t.db.db.execute(sql`select snapshot::text as s from publications where id = ${id}`)) as unknown as { rows: { s: string }[] })
    .rows[0]!.s;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.app, t.db.db);
  await insertBody(t.db.db, { type: 'provinsi', code: '36', name: 'Provinsi Banten', provinceCode: '36' });
  // A published 2022 cycle of the family (imported scores, published for province 36): movement.
  await t.db.db.transaction(async (tx) => {
    const past = await createCycle(tx, null, {
      name: 'Hasil 2022',
      year: 2022,
      schemeId: 'ombudsman-2022',
      source: 'imported',
      status: 'final',
    });
    await importBodyScores(tx, null, past, [
      { bodyId: w.bodies.a.id, score: 88.47 },
      { bodyId: w.bodies.c.id, score: 79.24 },
      { bodyId: w.bodies.b.id, score: 77.73 },
    ]);
    await publish(tx, null, past, { scope: '36' });
    pastId = past.id;
  });
  cycleId = await openCycle(w);
  const a1 = fullUnit(w.scheme, cycleId, w.units.a1, () => 3);
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
    'asisten',
    fullUnit(w.scheme, cycleId, w.units.c1, () => 2),
  );
  await submitAll(
    w,
    'admin',
    fullUnit(w.scheme, cycleId, w.units.other1, () => 2),
  );
  const uploaded = await uploadPdf('asisten', { cycleId, unitId: w.units.a1 });
  expect(uploaded.statusCode, uploaded.body).toBe(201);
  evidenceId = uploaded.json().id;
  for (const u of [w.units.a1, w.units.a2, w.units.b1, w.units.c1])
    expect((await post('asisten', unitUrl(u, 'submit'))).statusCode).toBe(200);
  expect((await post('admin', unitUrl(w.units.other1, 'submit'))).statusCode).toBe(200);
});
afterAll(() => t.close());

describe('publish: preconditions and scope', () => {
  it('refuses a cycle still in fieldwork', async () => {
    const res = await unchanged(() => post('pimpinan', `/cycles/${cycleId}/publications`, { scope: '36' }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('publication.cycle_not_ready');
    expect((await post('admin', `/cycles/${cycleId}/status`, { status: 'review' })).statusCode).toBe(200);
  });

  it('refuses while a body of the scope is not final, naming it', async () => {
    await acknowledgeAllFlags(w, cycleId, w.units.a1); // the fixture's uniform answers raise fieldwork warnings (issue 13)
    expect((await post('pimpinan', unitUrl(w.units.a1, 'approve'))).statusCode).toBe(200);
    const res = await unchanged(() =>
      w.call('pimpinan', {
        method: 'POST',
        url: api(`/cycles/${cycleId}/publications`),
        payload: { scope: '36' },
        headers: { 'accept-language': 'en' },
      }),
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'publication.bodies_open', details: { open: 3 } });
    expect(res.json().error.message).toContain('Kota Tangerang');
    for (const u of [w.units.a2, w.units.b1, w.units.c1]) {
      await acknowledgeAllFlags(w, cycleId, u);
      expect((await post('pimpinan', unitUrl(u, 'approve'))).statusCode).toBe(200);
    }
  });

  it('refuses while a clarification window of the scope is open or a dispute is undecided', async () => {
    const [win] = await t.db.db
      .insert(clarificationWindows)
      .values({ cycleId, scope: '36', deadline: new Date(Date.now() + 86_400_000) })
      .returning();
    const open = await unchanged(() => post('pimpinan', `/cycles/${cycleId}/publications`, { scope: '36' }));
    expect(open.statusCode).toBe(409);
    expect(open.json().error.code).toBe('publication.window_open');
    // issue 16: the refusal names the province and gives the deadline in its zone, not "36" and an ISO instant.
    const message: string = open.json().error.message;
    expect(message).toMatch(/ WIB;/);
    expect(message).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    const ready = await w.call('pimpinan', { method: 'GET', url: api(`/cycles/${cycleId}/publication-readiness?scope=36`) });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ scope: '36', ready: false, blockers: [{ kind: 'window_open', scope: '36' }] });
    expect(ready.json().blockers[0].deadlineText).toMatch(/ WIB$/);
    await t.db.db.update(clarificationWindows).set({ closedAt: new Date() }).where(eq(clarificationWindows.id, win!.id));
    const [d] = await t.db.db
      .insert(disputes)
      .values({ windowId: win!.id, cycleId, bodyId: w.bodies.b.id, unitId: w.units.b1, indicator: 'O1', statement: 'Keberatan' })
      .returning();
    const disputed = await unchanged(() => post('pimpinan', `/cycles/${cycleId}/publications`, { scope: '36' }));
    expect(disputed.statusCode).toBe(409);
    expect(disputed.json().error).toMatchObject({ code: 'publication.disputes_open', details: { open: 1 } });
    expect(disputed.json().error.message).toContain(w.bodies.b.name);
    const blocked = await w.call('pimpinan', { method: 'GET', url: api(`/cycles/${cycleId}/publication-readiness?scope=36`) });
    expect(blocked.json().blockers).toEqual([{ kind: 'dispute_open', bodyId: w.bodies.b.id, name: w.bodies.b.name, count: 1 }]);
    await t.db.db.update(disputes).set({ status: 'rejected', resolution: 'Tidak terbukti' }).where(eq(disputes.id, d!.id));
  });

  it('refuses a pimpinan of another province (403), and the national scope to a pimpinan', async () => {
    expect((await unchanged(() => post('pimpinanOther', `/cycles/${cycleId}/publications`, { scope: '36' }))).statusCode).toBe(403);
    expect((await unchanged(() => post('pimpinan', `/cycles/${cycleId}/publications`, { scope: 'national' }))).statusCode).toBe(403);
    expect((await unchanged(() => post('koordinator', `/cycles/${cycleId}/publications`, { scope: '36' }))).statusCode).toBe(403);
    expect((await unchanged(() => post('public', `/cycles/${cycleId}/publications`, { scope: '36' }))).statusCode).toBe(401);
    expect((await unchanged(() => post('pimpinan', `/cycles/${cycleId}/publications`, { scope: 'banten' }))).statusCode).toBe(400);
    expect(await t.db.db.select().from(publications).where(eq(publications.cycleId, cycleId))).toEqual([]);
  });

  it('publishes the province under embargo, once', async () => {
    const publicAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const res = await post('pimpinan', `/cycles/${cycleId}/publications`, { scope: '36', publicAt });
    expect(res.statusCode, res.body).toBe(201);
    const meta = res.json();
    expect(meta).toMatchObject({
      cycleId,
      scope: '36',
      scopeName: 'Banten',
      version: 1,
      status: 'current',
      released: false,
      publicAt: new Date(publicAt).toISOString(),
      reason: null,
      supersedesId: null,
      supersededById: null,
      bodies: 3,
    });
    expect(meta.publishedBy).toBeTruthy();
    v1 = { id: meta.id, snapshotText: await snapshotText(meta.id) };
    const twice = await unchanged(() => post('pimpinan', `/cycles/${cycleId}/publications`, { scope: '36' }));
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toMatchObject({ code: 'publication.exists', details: { version: 1 } });
    // A province publication leaves the cycle in review.
    expect((await getCycle(t.db.db, cycleId))!.status).toBe('review');
    const [event] = await t.db.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'publication.publish'))
      .orderBy(asc(auditEvents.seq));
    expect(event).toBeTruthy();
  });
});

describe('embargo', () => {
  it('hides the results from the public before publicAt', async () => {
    expect((await get('public', `/publications/${v1.id}`)).statusCode).toBe(404);
    expect((await get('public', `/cycles/${cycleId}/bodies/${w.bodies.a.id}/result`)).statusCode).toBe(401);
    expect((await get('public', `/cycles/${cycleId}`)).statusCode).toBe(401);
    expect((await get('public', `/cycles/${cycleId}/publications`)).json().items).toEqual([]);
    const cycles = (await get('public', '/cycles?pageSize=200')).json();
    expect(cycles.items.map((c: { id: string }) => c.id)).not.toContain(cycleId);
    // Another province's pimpinan and koordinator of another body: not revealed either.
    expect((await get('pimpinanOther', `/publications/${v1.id}`)).statusCode).toBe(404);
  });

  it('shows the koordinator its own body only, and the operator its own unit', async () => {
    const res = await get('koordinator', `/publications/${v1.id}`);
    expect(res.statusCode).toBe(200);
    const { snapshot, meta } = res.json();
    expect(meta.released).toBe(false);
    expect(snapshot.bodies.map((b: { id: string }) => b.id)).toEqual([w.bodies.a.id]);
    expect(snapshot.units.map((u: { id: string }) => u.id).sort()).toEqual([w.units.a1, w.units.a2].sort());
    const op = (await get('operator', `/publications/${v1.id}`)).json().snapshot;
    expect(op.units.map((u: { id: string }) => u.id)).toEqual([w.units.a1]);
    expect((await get('koordinator', `/cycles/${cycleId}/publications`)).json().items).toHaveLength(1);
    expect((await get('pimpinan', `/publications/${v1.id}`)).json().snapshot.bodies).toHaveLength(3);
  });
});

describe('after publication', () => {
  it('locks the records, evidence and review of the published bodies (409 publication.locked)', async () => {
    const [rec] = await t.db.db
      .select()
      .from(records)
      .where(and(eq(records.cycleId, cycleId), eq(records.unitId, w.units.a1)))
      .limit(1);
    const put = await w.call('asisten', {
      method: 'PUT',
      url: api(`/records/${rec!.id}`),
      payload: {
        instrument: rec!.instrument,
        respondent: rec!.respondent,
        answers: rec!.answers,
        capturedAt: rec!.capturedAt.toISOString(),
        notes: 'ubah',
      },
    });
    expect(put.statusCode).toBe(409);
    expect(put.json().error.code).toBe('publication.locked');
    const [sheet] = fullUnit(w.scheme, cycleId, w.units.a1, () => 3);
    const created = await unchanged(() => post('asisten', '/records', sheet!));
    expect(created.statusCode).toBe(409);
    expect(created.json().error.code).toBe('publication.locked');
    const back = await unchanged(() => post('pimpinan', unitUrl(w.units.a1, 'return'), { note: 'Periksa ulang' }));
    expect(back.statusCode).toBe(409);
    expect(back.json().error.code).toBe('publication.locked');
    expect((await unchanged(() => w.call('asisten', { method: 'DELETE', url: api(`/records/${rec!.id}`) }))).json().error.code).toBe(
      'publication.locked',
    );
    // Evidence: no new file, no unlinking.
    const up = await unchanged(() => uploadPdf('asisten', { cycleId, unitId: w.units.a1 }));
    expect(up.statusCode).toBe(409);
    expect(up.json().error.code).toBe('publication.locked');
    const unlink = await unchanged(() => w.call('asisten', { method: 'DELETE', url: api(`/evidence/${evidenceId}`) }));
    expect(unlink.statusCode).toBe(409);
    expect(unlink.json().error.code).toBe('publication.locked');
    // A body outside the publication is not locked: the 31 unit can still be returned.
    expect((await post('admin', unitUrl(w.units.other1, 'return'), { note: 'Lengkapi' })).statusCode).toBe(200);
  });

  it('shows the public the body, the rankings and the cycle once publicAt has passed', async () => {
    await t.db.db
      .update(publications)
      .set({ publicAt: new Date(Date.now() - 1000) })
      .where(eq(publications.id, v1.id));
    const pub = await get('public', `/publications/${v1.id}`);
    expect(pub.statusCode).toBe(200);
    expect(pub.json().meta.released).toBe(true);
    expect(pub.json().bands.map((b: { code: string }) => b.code)).toEqual(w.scheme.bands.map((b) => b.code));
    const body = await get('public', `/cycles/${cycleId}/bodies/${w.bodies.a.id}/result`);
    expect(body.statusCode).toBe(200);
    expect(body.json().result.score).toBe(83.33);
    expect((await get('public', `/cycles/${cycleId}/units/${w.units.a1}/result`)).statusCode).toBe(200);
    // The 31 body is not covered: still hidden.
    expect((await get('public', `/cycles/${cycleId}/bodies/${w.bodies.other.id}/result`)).statusCode).toBe(401);
    const province = (await get('public', `/cycles/${cycleId}/rankings?group=province&province=36`)).json();
    expect(province.items.map((i: { body: { code: string }; rank: number }) => [i.body.code, i.rank])).toEqual([
      ['36.72', 1],
      ['36.71', 2],
      ['36.73', 3],
    ]);
    expect(province.previousCycle.id).toBe(pastId);
    const national = (await get('public', `/cycles/${cycleId}/rankings?group=national&type=kota`)).json();
    expect(national.items.map((i: { body: { code: string } }) => i.body.code)).not.toContain('31.71');
    expect(national.hidden).toBe(1);
    const list = (await get('public', '/cycles?pageSize=200')).json();
    expect(list.items.find((c: { id: string }) => c.id === cycleId)).toMatchObject({ status: 'review', published: true });
    expect((await get('public', `/cycles/${cycleId}/publications`)).json().items.map((m: { id: string }) => m.id)).toEqual([v1.id]);
    const trend = (await get('public', `/bodies/${w.bodies.a.id}/trend?family=ombudsman`)).json();
    expect(trend.items.map((i: { cycle: { year: number; published: boolean } }) => [i.cycle.year, i.cycle.published])).toEqual([
      [2022, true],
      [2024, true],
    ]);
  });

  it('shows signed-in people of another province what the public sees, no less', async () => {
    const url = `/cycles/${cycleId}/rankings?group=province&province=36`;
    const codes = async (who: Parameters<typeof get>[0]) =>
      (await get(who, url)).json().items.map((i: { body: { code: string } }) => i.body.code);
    expect(await codes('pimpinanOther')).toEqual(await codes('public'));
    expect((await get('pimpinanOther', `/cycles/${cycleId}/bodies/${w.bodies.a.id}/result`)).statusCode).toBe(200);
    // …but nothing the public does not see: the unpublished 31 body stays with its own pimpinan.
    expect((await get('pimpinan', `/cycles/${cycleId}/bodies/${w.bodies.other.id}/result`)).statusCode).toBe(403);
  });

  it('stores the scheme hash, every unit and body result, ranks, assumptions and the time, hashed', async () => {
    const { meta, snapshot } = (await get('public', `/publications/${v1.id}`)).json() as {
      meta: Record<string, string>;
      snapshot: PublicationSnapshot;
    };
    const cycle = (await getCycle(t.db.db, cycleId))!;
    expect(snapshot.cycle).toMatchObject({ id: cycleId, schemeId: 'ombudsman-2024', family: 'ombudsman', schemeHash: cycle.schemeHash });
    expect(meta.schemeHash).toBe(cycle.schemeHash);
    expect(snapshot.scope).toBe('36');
    expect(snapshot.version).toBe(1);
    expect(snapshot.publishedAt).toBe(meta.publishedAt);
    expect(snapshot.assumptions).toEqual(w.scheme.assumptions.map((a) => ({ path: a.path, note: a.note })));
    expect(snapshot.assumptions.length).toBeGreaterThan(0);
    expect(snapshot.bodies.map((b) => b.code)).toEqual(['36.71', '36.72', '36.73']);
    expect(snapshot.units).toHaveLength(4);
    const a = snapshot.bodies.find((b) => b.code === '36.71')!;
    expect(a).toMatchObject({ score: 83.33, bandCode: 'B', complete: true, units: 2, source: 'computed' });
    expect(a.ranks.nationalType).toBeNull();
    expect(a.ranks.province).toEqual({ group: 'province:36', rank: 2, of: 3, previousRank: 1, movement: -1 });
    expect(a.previous).toEqual({ cycleId: pastId, year: 2022, score: 88.47, bandCode: expect.any(String) });
    const a1 = snapshot.units.find((u) => u.id === w.units.a1)!;
    expect(a1).toMatchObject({ bodyId: w.bodies.a.id, score: 100, bandCode: 'A', complete: true });
    expect(a1.breakdown.dimensions.map((d) => d[0])).toEqual(w.scheme.dimensions.map((d) => d.code));
    // The audit head at publication, signed: the log must still hold that event with that hash.
    const cp = snapshot.auditCheckpoint!;
    expect(checkpointSignatureOk(cp, t.app.secrets.audit)).toBe(true);
    const [anchored] = await t.db.db.select({ hash: auditEvents.hash }).from(auditEvents).where(eq(auditEvents.seq, cp.seq));
    expect(anchored!.hash).toBe(cp.hash);
    expect(await publicationAnchors(t.db.db)).toContainEqual(cp);
    const hash = createHash('sha256').update(canonicalJson(snapshot)).digest('hex');
    expect(meta.contentHash).toBe(hash);
    expect(
      createHash('sha256')
        .update(canonicalJson(JSON.parse(v1.snapshotText)))
        .digest('hex'),
    ).toBe(hash);
  });
});

describe('errata', () => {
  it('refuses a short reason (400) and a pimpinan of another province (403), changing nothing', async () => {
    expect((await unchanged(() => post('pimpinan', `/publications/${v1.id}/errata`, { reason: 'kurang' }))).statusCode).toBe(400);
    expect(
      (await unchanged(() => post('pimpinanOther', `/publications/${v1.id}/errata`, { reason: 'Koreksi jawaban indikator O1' })))
        .statusCode,
    ).toBe(403);
    const bad = await unchanged(() =>
      post('pimpinan', `/publications/${v1.id}/errata`, {
        reason: 'Koreksi jawaban indikator O1',
        corrections: [{ unitId: w.units.other1, indicator: 'O1', value: 0 }],
      }),
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe('publication.correction_outside');
    // v1 is public already: an erratum hidden behind a future date would take the results away.
    const later = await unchanged(() =>
      post('pimpinan', `/publications/${v1.id}/errata`, {
        reason: 'Koreksi jawaban indikator O1',
        publicAt: '2099-01-01T00:00:00Z',
      }),
    );
    expect(later.statusCode).toBe(409);
    expect(later.json().error.code).toBe('publication.erratum_embargo');
    expect(await t.db.db.select({ id: publications.id }).from(publications).where(eq(publications.cycleId, cycleId))).toHaveLength(1);
  });

  it('publishes v2 with the correction and the reason; v1 stays readable, superseded, byte-identical', async () => {
    const reason = 'Koreksi: jawaban O1 Disdukcapil salah input';
    const res = await post('pimpinan', `/publications/${v1.id}/errata`, {
      reason,
      corrections: [{ unitId: w.units.a1, indicator: 'O1', value: 0 }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const v2 = res.json();
    v2Id = v2.id;
    expect(v2).toMatchObject({
      version: 2,
      status: 'current',
      reason,
      supersedesId: v1.id,
      supersededById: null,
      released: true,
      scope: '36',
    });
    const old = (await get('public', `/publications/${v1.id}`)).json();
    expect(old.meta).toMatchObject({ version: 1, status: 'superseded', supersededById: v2.id });
    expect(await snapshotText(v1.id)).toBe(v1.snapshotText);
    expect(old.snapshot).toEqual(JSON.parse(v1.snapshotText));
    const [row] = await t.db.db.select({ supersededAt: publications.supersededAt }).from(publications).where(eq(publications.id, v1.id));
    expect(row!.supersededAt).toBeInstanceOf(Date);

    const snap = (await get('public', `/publications/${v2.id}`)).json().snapshot as PublicationSnapshot;
    const a = snap.bodies.find((b) => b.code === '36.71')!;
    expect(a.changes).toHaveLength(1);
    expect(a.changes[0]).toMatchObject({
      unitId: w.units.a1,
      indicator: 'O1',
      source: 'correction',
      reason,
      before: { value: 3, unitScore: 100 },
    });
    expect(a.changes[0]!.after.value).toBe(0);
    const a1 = snap.units.find((u) => u.id === w.units.a1)!;
    expect(a1.score).toBeLessThan(100);
    expect(a.score).toBeLessThan(83.33);
    // The live result (public: v2 covers it) agrees with v2.
    expect((await get('public', `/cycles/${cycleId}/bodies/${w.bodies.a.id}/result`)).json().result.score).toBe(a.score);
    const actions = (await t.db.db.select({ action: auditEvents.action }).from(auditEvents)).map((e) => e.action);
    expect(actions).toContain('publication.erratum');
    expect(actions).toContain('result.change');
  });

  it('refuses an erratum on a superseded version', async () => {
    const res = await post('pimpinan', `/publications/${v1.id}/errata`, { reason: 'Koreksi kedua atas versi lama' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'publication.superseded', details: { version: 1, supersededById: v2Id } });
  });

  it('lists the cycle among the published ones (?published=true) for everybody', async () => {
    const pub = (await get('public', '/cycles?published=true')).json().items.map((c: { id: string }) => c.id);
    expect(pub).toContain(cycleId);
    const unpublished = (await get('admin', '/cycles?published=false')).json().items.map((c: { id: string }) => c.id);
    expect(unpublished).not.toContain(cycleId);
  });

  it('lists every version newest first', async () => {
    const items = (await get('public', `/cycles/${cycleId}/publications`)).json().items;
    expect(items.map((m: { version: number; status: string }) => [m.version, m.status])).toEqual([
      [2, 'current'],
      [1, 'superseded'],
    ]);
  });
});

describe('open data', () => {
  it('writes the governments, units and dimensions CSV with the documented columns', async () => {
    const res = await get('public', `/publications/${v2Id}/open-data.csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('pantau_ombudsman-2024_province-36_v2_governments.csv');
    const [header, ...rows] = parse(res.body, { bom: true }) as string[][];
    expect(header).toEqual([...OPEN_DATA_COLUMNS.governments]);
    expect(rows.map((r) => r[header!.indexOf('body_code')])).toEqual(['36.71', '36.72', '36.73']);
    const a = rows[0]!;
    expect(a[header!.indexOf('rank_province')]).toBe('2');
    expect(a[header!.indexOf('rank_national_type')]).toBe('');
    expect(a[header!.indexOf('snapshot_version')]).toBe('2');
    expect(a[header!.indexOf('snapshot_id')]).toBe(v2Id);
    expect(a[header!.indexOf('score')]).toMatch(/^\d+\.\d\d$/);
    const units = parse((await get('public', `/publications/${v2Id}/open-data.csv?table=units`)).body, { bom: true }) as string[][];
    expect(units[0]).toEqual([...OPEN_DATA_COLUMNS.units]);
    expect(units).toHaveLength(5);
    const dims = parse((await get('public', `/publications/${v2Id}/open-data.csv?table=unit_dimensions`)).body, {
      bom: true,
    }) as string[][];
    expect(dims).toHaveLength(1 + 4 * w.scheme.dimensions.length);
    expect((await get('public', `/publications/${v2Id}/open-data.csv?table=nope`)).statusCode).toBe(400);
  });

  it('writes the JSON document with metadata, the erratum reason and the assumptions', async () => {
    const res = await get('public', `/publications/${v2Id}/open-data.json`);
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(Object.keys(doc)).toEqual([...OPEN_DATA_JSON_KEYS]);
    expect(doc.snapshot).toMatchObject({
      snapshot_id: v2Id,
      snapshot_version: 2,
      scope: 'province:36',
      scheme_id: 'ombudsman-2024',
      erratum_reason: expect.stringContaining('Koreksi'),
    });
    expect(doc.assumptions).toHaveLength(w.scheme.assumptions.length);
    expect(doc.governments).toHaveLength(3);
    for (const row of doc.units) expect(Object.keys(row)).toEqual([...OPEN_DATA_COLUMNS.units]);
  });

  it('is not revealed before release to the public', async () => {
    expect((await get('public', `/publications/00000000-0000-4000-8000-000000000000/open-data.json`)).statusCode).toBe(404);
  });
});

describe('national publication', () => {
  it('is for admins, refused while a body is open, and moves the cycle from review to final', async () => {
    const open = await unchanged(() => post('admin', `/cycles/${cycleId}/publications`, { scope: 'national' }));
    expect(open.statusCode).toBe(409);
    expect(open.json().error).toMatchObject({ code: 'publication.bodies_open', details: { open: 1 } });
    expect((await post('admin', unitUrl(w.units.other1, 'submit'))).statusCode).toBe(200);
    await acknowledgeAllFlags(w, cycleId, w.units.other1, 'admin');
    expect((await post('admin', unitUrl(w.units.other1, 'approve'))).statusCode).toBe(200);
    const res = await post('admin', `/cycles/${cycleId}/publications`, { scope: 'national' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ scope: 'national', scopeName: 'Nasional', version: 1, bodies: 4, released: true });
    expect((await getCycle(t.db.db, cycleId))!.status).toBe('final');
    const snap = (await get('public', `/publications/${res.json().id}`)).json().snapshot as PublicationSnapshot;
    expect(snap.bodies.every((b) => b.ranks.nationalType !== null)).toBe(true);
    expect(snap.bodies.find((b) => b.code === '31.71')!.ranks).toMatchObject({
      nationalType: { group: 'national:kota', of: 4 },
      province: { group: 'province:31' },
    });
    expect((await get('public', `/cycles/${cycleId}/bodies/${w.bodies.other.id}/result`)).statusCode).toBe(200);
  });

  it("corrects every current publication covering the corrected body (national and Banten's)", async () => {
    const national = (await get('public', `/cycles/${cycleId}/publications`))
      .json()
      .items.find((m: { scope: string; status: string }) => m.scope === 'national' && m.status === 'current');
    const reason = 'Koreksi: jawaban O1 DPMPTSP Kota Tangerang';
    const res = await post('admin', `/publications/${national.id}/errata`, {
      reason,
      corrections: [{ unitId: w.units.a2, indicator: 'O1', value: 3 }],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ scope: 'national', version: 2, supersedesId: national.id });
    const items = (await get('public', `/cycles/${cycleId}/publications`)).json().items as {
      id: string;
      scope: string;
      version: number;
      status: string;
      reason: string;
      supersedesId: string;
    }[];
    const banten = items.filter((m) => m.scope === '36' && m.status === 'current');
    expect(banten).toHaveLength(1);
    expect(banten[0]).toMatchObject({ version: 3, reason, supersedesId: v2Id });
    const [nat, prov] = await Promise.all(
      [res.json().id, banten[0]!.id].map(async (id) => (await get('public', `/publications/${id}`)).json().snapshot as PublicationSnapshot),
    );
    const score = (s: PublicationSnapshot) => s.bodies.find((b) => b.code === '36.71')!.score;
    expect(score(nat!)).toBe(score(prov!));
    expect(prov!.bodies.find((b) => b.code === '36.71')!.changes.map((c) => c.unitId)).toEqual([w.units.a1, w.units.a2]);
    expect(
      items
        .filter((m) => m.status === 'current')
        .map((m) => m.scope)
        .sort(),
    ).toEqual(['36', 'national']);
  });

  it('keeps the audit chain intact', async () => {
    expect((await verifyAudit(t.db.db)).ok).toBe(true);
  });
});

describe('seed helper', () => {
  it('publishes a past imported cycle with its scores', async () => {
    const [row] = await t.db.db.select().from(publications).where(eq(publications.cycleId, pastId));
    const snap = row!.snapshot as PublicationSnapshot;
    expect(snap.bodies.map((b) => [b.code, b.score, b.source])).toEqual([
      ['36.71', 88.47, 'imported'],
      ['36.72', 77.73, 'imported'],
      ['36.73', 79.24, 'imported'],
    ]);
    expect(snap.units).toEqual([]);
    expect(row!.version).toBe(1);
  });
});
