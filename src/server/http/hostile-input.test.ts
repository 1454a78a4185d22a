// Defects D1–D4 of issue 15: hostile input is a translated 4xx that changes nothing; ids are
// normalised so an offline outbox that sends an upper-case UUID is not stuck.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, desc } from 'drizzle-orm';
import { auditEvents } from '../audit/schema.ts';
import { records } from '../records/schema.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { type RecordPayload, type World, buildWorld, openCycle } from '../seed/test-world.ts';

let t: TestApp;
let w: World;
let cycleId: string;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.app, t.db.db);
  cycleId = await openCycle(w, { bodies: [w.bodies.a, w.bodies.b] });
});
afterAll(() => t.close());

const sheet = (over: Partial<RecordPayload> = {}): RecordPayload => ({
  id: randomUUID(),
  cycleId,
  unitId: w.units.a1,
  instrument: 'pengguna',
  respondent: 'Pengguna 1',
  answers: { O1: 3, O2: 2, O3: 3, O4: 3, O5: 1 },
  capturedAt: '2024-07-02T10:00:00+07:00',
  ...over,
});
const head = async () =>
  (await t.db.db.select({ seq: auditEvents.seq }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1))[0]?.seq ?? 0;
const recordCount = async () => (await t.db.db.select({ n: count() }).from(records))[0]!.n;

describe('D1: an upper-case record UUID is the same id', () => {
  it('POST /records/batch stores it once under the lower-case id, audits it, and a retry is unchanged', async () => {
    const r = sheet();
    const upper = { ...r, id: r.id.toUpperCase(), cycleId: r.cycleId.toUpperCase(), unitId: r.unitId.toUpperCase() };
    const before = await head();
    const first = await w.call('asisten', { method: 'POST', url: '/api/v1/records/batch', payload: { records: [upper] } });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ created: 1, rejected: 0, results: [{ id: r.id, outcome: 'created' }] });
    expect(await head()).toBe(before + 1);
    const retry = await w.call('asisten', { method: 'POST', url: '/api/v1/records/batch', payload: { records: [upper, r] } });
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toMatchObject({ created: 0, unchanged: 2, rejected: 0 });
    expect(await head()).toBe(before + 1);
    const stored = await w.call('asisten', { method: 'GET', url: `/api/v1/records/${r.id.toUpperCase()}` });
    expect(stored.json()).toMatchObject({ id: r.id, cycleId, unitId: w.units.a1 });
  });

  it('POST /records with an upper-case id answers 201, then 200 for the lower-case replay', async () => {
    const r = sheet();
    const first = await w.call('asisten', { method: 'POST', url: '/api/v1/records', payload: { ...r, id: r.id.toUpperCase() } });
    expect(first.statusCode).toBe(201);
    expect(first.json().id).toBe(r.id);
    expect((await w.call('asisten', { method: 'POST', url: '/api/v1/records', payload: r })).statusCode).toBe(200);
  });
});

describe('D2: a NUL character (or a lone surrogate) is a translated 400', () => {
  it.each([
    ['a body string', () => ({ method: 'POST' as const, url: '/api/v1/records', payload: sheet({ respondent: 'a\u0000b' }) })],
    ['a record key', () => ({ method: 'POST' as const, url: '/api/v1/records', payload: sheet({ answers: { 'O1\u0000': 3 } }) })],
    ['a lone surrogate', () => ({ method: 'POST' as const, url: '/api/v1/records', payload: sheet({ notes: 'x\ud800y' }) })],
    ['a query string', () => ({ method: 'GET' as const, url: '/api/v1/bodies?q=a%00b' })],
    ['a path parameter', () => ({ method: 'GET' as const, url: '/api/v1/bodies/3%006' })],
  ])('in %s', async (_name, req) => {
    const before = { head: await head(), records: await recordCount() };
    const res = await w.call('admin', { ...req(), headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.json().error.message).not.toMatch(/went wrong/);
    expect({ head: await head(), records: await recordCount() }).toEqual(before);
  });

  it('rejects only the record carrying it in a batch; the others go in', async () => {
    const good = sheet();
    const bad = sheet({ respondent: 'x\u0000' });
    const res = await w.call('asisten', { method: 'POST', url: '/api/v1/records/batch', payload: { records: [good, bad] } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ created: 1, rejected: 1 });
    expect(res.json().results[1]).toMatchObject({ id: bad.id, outcome: 'rejected', error: { code: 'request.bad_character' } });
  });
});

describe('D3: a timestamp in year 0000', () => {
  it('is a 400 on POST /records and a rejected record in a batch', async () => {
    const before = await head();
    const res = await w.call('asisten', { method: 'POST', url: '/api/v1/records', payload: sheet({ capturedAt: '0000-01-01T00:00:00Z' }) });
    expect(res.statusCode).toBe(400);
    const b = await w.call('asisten', {
      method: 'POST',
      url: '/api/v1/records/batch',
      payload: { records: [sheet({ capturedAt: '0000-06-01T00:00:00Z' })] },
    });
    expect(b.statusCode).toBe(200);
    expect(b.json()).toMatchObject({ rejected: 1 });
    expect(await head()).toBe(before);
  });
});

describe('D4: multipart/form-data without a boundary', () => {
  it.each(['/api/v1/evidence', `/api/v1/imports/results`])('is a 400 on %s', async (url) => {
    const before = await head();
    const res = await w.call('admin', {
      method: 'POST',
      url,
      headers: { 'content-type': 'multipart/form-data' },
      payload: 'garbage',
    });
    expect(res.statusCode).toBe(400);
    expect(await head()).toBe(before);
  });
});
