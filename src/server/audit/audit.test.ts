import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, count, eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { addUser, signIn, type SignedIn } from '../auth/testing.ts';
import { bodies } from '../registry/schema.ts';
import { auditEvents } from './schema.ts';
import { appendAudit, changedFields, verifyAudit } from './queries.ts';
import type { AuditAction } from './actions.ts';

let t: TestApp;
let admin: SignedIn;
let pimpinan: SignedIn;
let asisten: SignedIn;
let startedAt: Date;
const PW = 'kata-sandi-rahasia';

beforeAll(async () => {
  t = await createTestApp();
  await t.db.db.insert(bodies).values([
    { type: 'provinsi', code: '36', name: 'Provinsi Banten', provinceCode: '36' },
    { type: 'provinsi', code: '32', name: 'Provinsi Jawa Barat', provinceCode: '32' },
  ]);
  startedAt = new Date();
  await addUser(t.db.db, { username: 'admin', name: 'Admin', password: PW, role: 'admin' });
  await addUser(t.db.db, { username: 'pimpinan', name: 'Kepala Banten', password: PW, role: 'pimpinan', provinceCode: '36' });
  await addUser(t.db.db, { username: 'asisten', name: 'Asisten Banten', password: PW, role: 'asisten', provinceCode: '36' });
  admin = await signIn(t.app, 'admin', PW);
  pimpinan = await signIn(t.app, 'pimpinan', PW);
  asisten = await signIn(t.app, 'asisten', PW);
  const create = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/bodies', headers: admin.headers, payload });
  expect((await create({ type: 'kota', code: '36.98', name: 'Kota Uji Banten', provinceCode: '36' })).statusCode).toBe(201);
  expect((await create({ type: 'kota', code: '32.98', name: 'Kota Uji Jawa Barat', provinceCode: '32' })).statusCode).toBe(201);
});
afterAll(() => t.close());

const list = (query: string, who: SignedIn | null) =>
  t.app.inject({ method: 'GET', url: `/api/v1/audit${query}`, headers: who?.headers ?? {} });
const total = async () => (await t.db.db.select({ n: count() }).from(auditEvents))[0]!.n;

describe('GET /audit', () => {
  it('shows an admin every event, newest first', async () => {
    const res = await list('?pageSize=200', admin);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(await total());
    const seqs = body.items.map((e: { seq: number }) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a: number, b: number) => b - a));
    expect(body.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['user.create', 'auth.login', 'body.create']),
    );
  });

  it('filters by exact action, by action prefix, and by subject', async () => {
    const exact = (await list('?action=body.create', admin)).json();
    expect(exact.total).toBe(2);
    const prefix = (await list('?action=auth.', admin)).json();
    expect(prefix.total).toBe(3);
    expect(prefix.items.every((e: { action: string }) => e.action.startsWith('auth.'))).toBe(true);
    const [b] = await t.db.db.select().from(bodies).where(eq(bodies.code, '36.98'));
    const bySubject = (await list(`?subjectType=body&subjectId=${b!.id}`, admin)).json();
    expect(bySubject.items).toHaveLength(1);
    expect(bySubject.items[0]).toMatchObject({ action: 'body.create', actorLabel: 'admin', provinceCode: '36', diff: { code: '36.98' } });
  });

  it('filters by time', async () => {
    const before = encodeURIComponent(new Date(startedAt.getTime() - 1000).toISOString());
    expect((await list(`?to=${before}`, admin)).json().total).toBe(0);
    expect((await list(`?from=${before}`, admin)).json().total).toBe(await total());
    expect((await list('?from=yesterday', admin)).statusCode).toBe(400);
  });

  it('paginates', async () => {
    const all = (await list('?pageSize=200', admin)).json().items;
    const page2 = (await list('?pageSize=2&page=2', admin)).json();
    expect(page2).toMatchObject({ page: 2, pageSize: 2, total: all.length });
    expect(page2.items.map((e: { seq: number }) => e.seq)).toEqual(all.slice(2, 4).map((e: { seq: number }) => e.seq));
  });

  it("shows a pimpinan only their own province's events", async () => {
    const res = await list('?pageSize=200', pimpinan);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { provinceCode: string | null; diff: { code?: string } }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((e) => e.provinceCode === '36')).toBe(true);
    expect(items.some((e) => e.diff.code === '36.98')).toBe(true);
    expect((await list('?province=32', pimpinan)).statusCode).toBe(403);
  });

  it('refuses an asisten (403) and an anonymous caller (401)', async () => {
    expect((await list('', asisten)).statusCode).toBe(403);
    expect((await list('', null)).statusCode).toBe(401);
  });
});

describe('changedFields', () => {
  it('keeps only the fields that change, dates as ISO strings', () => {
    const d1 = new Date('2024-01-01T00:00:00Z');
    const d2 = new Date('2024-02-01T00:00:00Z');
    expect(changedFields({ a: 1, b: 'x', c: d1, d: null }, { a: 1, b: 'y', c: d2, d: undefined })).toEqual({
      before: { b: 'x', c: '2024-01-01T00:00:00.000Z' },
      after: { b: 'y', c: '2024-02-01T00:00:00.000Z' },
    });
  });
});

describe('the audit chain', () => {
  it('stays one linear chain under concurrent writes', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/bodies',
          headers: admin.headers,
          payload: { type: 'lembaga', code: `lembaga-uji-${i}`, name: `Lembaga Uji ${i}` },
        }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
    expect(await verifyAudit(t.db.db)).toEqual({ ok: true, events: await total() });
  });

  it('names the seq of an event whose diff was edited', async () => {
    const rows = await t.db.db.select().from(auditEvents).orderBy(asc(auditEvents.seq));
    const victim = rows[3]!;
    await t.db.db.execute(sql`update audit_events set diff = '{"code":"36.99"}'::jsonb where seq = ${victim.seq}`);
    const v = await verifyAudit(t.db.db);
    expect(v).toMatchObject({ ok: false, brokenAt: victim.seq, kind: 'content', events: 4 });
    await t.db.db.update(auditEvents).set({ diff: victim.diff }).where(eq(auditEvents.seq, victim.seq));
    expect((await verifyAudit(t.db.db)).ok).toBe(true);
  });

  it('names the event after a deleted one', async () => {
    const rows = await t.db.db.select().from(auditEvents).orderBy(asc(auditEvents.seq));
    await t.db.db.delete(auditEvents).where(eq(auditEvents.seq, rows[5]!.seq));
    expect(await verifyAudit(t.db.db)).toMatchObject({ ok: false, brokenAt: rows[6]!.seq, kind: 'link' });
    await t.db.db.insert(auditEvents).values(rows[5]!);
    expect((await verifyAudit(t.db.db)).ok).toBe(true);
  });

  it('detects an event chained onto an older link (a fork), though its own hash is right', async () => {
    const rows = await t.db.db.select().from(auditEvents).orderBy(asc(auditEvents.seq));
    // Re-append a forged copy at the end: its own hash is right, but the chain it forks from is not.
    await t.db.db.transaction((tx) => appendAudit(tx, { actor: null, action: 'forged' as AuditAction, subjectType: 'x', diff: {} }));
    await t.db.db.execute(sql`update audit_events set prev_hash = ${rows[0]!.hash} where action = 'forged'`);
    expect(await verifyAudit(t.db.db)).toMatchObject({ ok: false, kind: 'link', events: rows.length + 1 });
  });
});

describe('GET /audit/verify', () => {
  it('is for admins only', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: pimpinan.headers });
    expect(res.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/audit/verify' })).statusCode).toBe(401);
  });

  it('reports the same verdict as verifyAudit, naming the broken link', async () => {
    // The chain was forked by the previous test: the forged event is the last one.
    const direct = await verifyAudit(t.db.db);
    expect(direct.ok).toBe(false);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: admin.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: false, kind: 'link', brokenAt: direct.ok ? null : direct.brokenAt });
    // Mend the fork: the endpoint then reports a whole chain.
    await t.db.db.delete(auditEvents).where(eq(auditEvents.action, 'forged'));
    const mended = await t.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: admin.headers });
    expect(mended.json()).toMatchObject({ ok: true, brokenAt: null, events: await total() });
  });
});
