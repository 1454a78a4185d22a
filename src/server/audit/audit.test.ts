import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, randomUUID } from 'node:crypto';
import { asc, count, desc, eq, gte, sql } from 'drizzle-orm';
import { canonicalJson } from '../../core/canonical-json.ts';
import { createTestApp, tamper, type TestApp } from '../test/harness.ts';
import { addUser, signIn, type SignedIn } from '../auth/testing.ts';
import { bodies } from '../registry/schema.ts';
import { auditEvents } from './schema.ts';
import { GENESIS, appendAudit, changedFields, eventHash, verifyAudit } from './queries.ts';
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

  it("chains a transaction's later events onto the head it wrote, and takes the long way when the head moved", async () => {
    const before = await total();
    const event = (subjectId: string) => ({
      actor: null,
      action: 'body.create' as AuditAction,
      subjectType: 'uji',
      subjectId,
      diff: { n: 1 },
    });
    await t.db.db.transaction(async (tx) => {
      await appendAudit(tx, event('a'));
      await appendAudit(tx, event('b')); // onto the head the transaction holds: one statement
      // A savepoint appends on its own handle: the outer handle's head is stale afterwards.
      await tx.transaction((inner) => appendAudit(inner, event('c')));
      await appendAudit(tx, event('d'));
    });
    const rows = await t.db.db.select().from(auditEvents).orderBy(desc(auditEvents.seq)).limit(4);
    expect(rows.map((r) => r.subjectId).reverse()).toEqual(['a', 'b', 'c', 'd']);
    for (const [i, r] of rows.slice(0, 3).entries()) expect(r.prevHash).toBe(rows[i + 1]!.hash);
    expect(await verifyAudit(t.db.db)).toEqual({ ok: true, events: before + 4 });
  });

  it('is keyed: each hash is an HMAC with the server’s audit key, not a plain sha256', async () => {
    const [first] = await t.db.db.select().from(auditEvents).orderBy(asc(auditEvents.seq)).limit(1);
    const fields = {
      at: first!.at.toISOString(),
      actorId: first!.actorId,
      actorLabel: first!.actorLabel,
      action: first!.action,
      subjectType: first!.subjectType,
      subjectId: first!.subjectId,
      provinceCode: first!.provinceCode,
      diff: first!.diff,
    };
    expect(first!.hash).toBe(eventHash(GENESIS, fields, t.app.secrets.audit));
    expect(first!.hash).not.toBe(createHash('sha256').update(GENESIS).update(canonicalJson(fields)).digest('hex'));
    // Verified under another key, the very first event fails.
    expect(await verifyAudit(t.db.db, { key: Buffer.alloc(32, 7) })).toMatchObject({ ok: false, brokenAt: first!.seq, kind: 'content' });
  });

  it('names the seq of an event whose diff was edited', async () => {
    const rows = await t.db.db.select().from(auditEvents).orderBy(asc(auditEvents.seq));
    const victim = rows[3]!;
    await tamper(t.db.db, (tx) => tx.execute(sql`update audit_events set diff = '{"code":"36.99"}'::jsonb where seq = ${victim.seq}`));
    const v = await verifyAudit(t.db.db);
    expect(v).toMatchObject({ ok: false, brokenAt: victim.seq, kind: 'content', events: 4 });
    await tamper(t.db.db, (tx) => tx.update(auditEvents).set({ diff: victim.diff }).where(eq(auditEvents.seq, victim.seq)));
    expect((await verifyAudit(t.db.db)).ok).toBe(true);
  });

  it('names the event after a deleted one', async () => {
    const rows = await t.db.db.select().from(auditEvents).orderBy(asc(auditEvents.seq));
    await tamper(t.db.db, (tx) => tx.delete(auditEvents).where(eq(auditEvents.seq, rows[5]!.seq)));
    expect(await verifyAudit(t.db.db)).toMatchObject({ ok: false, brokenAt: rows[6]!.seq, kind: 'link' });
    await tamper(t.db.db, (tx) => tx.insert(auditEvents).values(rows[5]!));
    expect((await verifyAudit(t.db.db)).ok).toBe(true);
  });

  it('detects an event chained onto an older link (a fork), though its own hash is right', async () => {
    // Let the server's pending checkpoint go first: it must not sign the forged event.
    await t.app.auditCheckpointer.now();
    const rows = await t.db.db.select().from(auditEvents).orderBy(asc(auditEvents.seq));
    // Re-append a forged copy at the end: its own hash is right, but the chain it forks from is not.
    await t.db.db.transaction((tx) => appendAudit(tx, { actor: null, action: 'forged' as AuditAction, subjectType: 'x', diff: {} }));
    await tamper(t.db.db, (tx) => tx.execute(sql`update audit_events set prev_hash = ${rows[0]!.hash} where action = 'forged'`));
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
    // Mend the fork: the endpoint then reports a whole chain, checked against the checkpoint.
    await tamper(t.db.db, (tx) => tx.delete(auditEvents).where(eq(auditEvents.action, 'forged')));
    await t.app.auditCheckpointer.now();
    const mended = await t.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: admin.headers });
    expect(mended.json()).toMatchObject({ ok: true, brokenAt: null, events: await total(), checkpoint: { seq: expect.any(Number) } });
  });
});

describe('D6: deletions, truncation and rewriting are caught', () => {
  const verify = async () => verifyAudit(t.db.db, { checkpoint: await t.app.auditCheckpoints.read(), requireCheckpoint: true });
  const newEvents = async (n: number) => {
    for (let i = 0; i < n; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/bodies',
        headers: admin.headers,
        payload: { type: 'lembaga', code: `lembaga-d6-${randomUUID().slice(0, 8)}`, name: `Lembaga D6 ${i}` },
      });
      expect(res.statusCode).toBe(201);
    }
    expect(await t.app.auditCheckpointer.now()).toBe('written');
  };

  it('the table refuses UPDATE, DELETE and TRUNCATE from any role (42501), on PGlite and PostgreSQL', async () => {
    const refused = async (q: ReturnType<typeof sql>) => {
      const err = await t.db.db.execute(q).then(
        () => null,
        (e: unknown) => e as { cause?: { code?: string }; code?: string },
      );
      return err?.cause?.code ?? err?.code;
    };
    const before = await total();
    expect(await refused(sql`update audit_events set action = 'x' where seq = (select max(seq) from audit_events)`)).toBe('42501');
    expect(await refused(sql`delete from audit_events where seq = (select max(seq) from audit_events)`)).toBe('42501');
    expect(await refused(sql`truncate audit_events`)).toBe('42501');
    expect(await total()).toBe(before);
  });

  it('an application role with SELECT and INSERT only (docs/security.md) cannot even try', async () => {
    const role = `pantau_app_${randomUUID().slice(0, 8)}`;
    await t.db.db.execute(sql.raw(`create role ${role} nologin`));
    await t.db.db.execute(sql.raw(`grant select, insert on audit_events to ${role}`));
    const code = await t.db.db
      .transaction(async (tx) => {
        await tx.execute(sql.raw(`set local role ${role}`));
        await tx.execute(sql`select count(*) from audit_events`);
        await tx.execute(sql`delete from audit_events`);
      })
      .then(
        () => null,
        (e: { cause?: { code?: string }; code?: string }) => e.cause?.code ?? e.code,
      );
    expect(code).toBe('42501');
    await t.db.db.execute(sql.raw(`revoke all on audit_events from ${role}`));
    await t.db.db.execute(sql.raw(`drop role ${role}`));
  });

  it('deleting the newest events (tail) is "truncated" at the checkpoint’s seq', async () => {
    await newEvents(3);
    expect(await verify()).toMatchObject({ ok: true });
    const [last] = await t.db.db.select().from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
    const tail = await t.db.db.select().from(auditEvents).orderBy(desc(auditEvents.seq)).limit(2);
    await tamper(t.db.db, (tx) => tx.delete(auditEvents).where(gte(auditEvents.seq, tail[1]!.seq)));
    // The chain that is left is whole: only the checkpoint shows what is missing.
    expect((await verifyAudit(t.db.db)).ok).toBe(true);
    expect(await verify()).toMatchObject({ ok: false, kind: 'truncated', brokenAt: last!.seq });
    // And the server will not move the checkpoint back over the gap.
    expect(await t.app.auditCheckpointer.now()).toBe('refused');
    await tamper(t.db.db, (tx) => tx.insert(auditEvents).values([...tail].reverse()));
    expect(await verify()).toMatchObject({ ok: true });
  });

  it('rewriting the last event with a recomputed hash is caught: plain sha256 fails the key, a keyed one the checkpoint', async () => {
    const [last] = await t.db.db.select().from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
    const fields = {
      at: last!.at.toISOString(),
      actorId: last!.actorId,
      actorLabel: last!.actorLabel,
      action: last!.action,
      subjectType: last!.subjectType,
      subjectId: last!.subjectId,
      provinceCode: last!.provinceCode,
      diff: { code: 'rewritten' },
    };
    const plain = createHash('sha256').update(last!.prevHash).update(canonicalJson(fields)).digest('hex');
    await tamper(t.db.db, (tx) =>
      tx.execute(sql`update audit_events set diff = ${JSON.stringify(fields.diff)}::jsonb, hash = ${plain} where seq = ${last!.seq}`),
    );
    expect(await verify()).toMatchObject({ ok: false, kind: 'content', brokenAt: last!.seq });
    // Even someone holding the key cannot make it agree with the checkpoint signed before.
    const keyed = eventHash(last!.prevHash, fields, t.app.secrets.audit);
    await tamper(t.db.db, (tx) => tx.execute(sql`update audit_events set hash = ${keyed} where seq = ${last!.seq}`));
    expect(await verify()).toMatchObject({ ok: false, kind: 'rewritten', brokenAt: last!.seq });
    await tamper(t.db.db, (tx) =>
      tx.execute(sql`update audit_events set diff = ${JSON.stringify(last!.diff)}::jsonb, hash = ${last!.hash} where seq = ${last!.seq}`),
    );
    expect(await verify()).toMatchObject({ ok: true });
  });

  it('a truncated table is "truncated"; a forged or missing checkpoint is "checkpoint"', async () => {
    const checkpoint = (await t.app.auditCheckpoints.read())!;
    expect(await verifyAudit(t.db.db, { checkpoint: { ...checkpoint, seq: checkpoint.seq - 1 } })).toMatchObject({
      ok: false,
      kind: 'checkpoint',
    });
    expect(await verifyAudit(t.db.db, { checkpoint: null, requireCheckpoint: true })).toMatchObject({ ok: false, kind: 'checkpoint' });
    const all = await t.db.db.select().from(auditEvents).orderBy(asc(auditEvents.seq));
    await tamper(t.db.db, (tx) => tx.execute(sql`delete from audit_events`));
    expect(await verify()).toMatchObject({ ok: false, kind: 'truncated', events: 0, brokenAt: checkpoint.seq });
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: admin.headers });
    expect(res.json()).toMatchObject({ ok: false, kind: 'truncated' });
    await tamper(t.db.db, (tx) => tx.insert(auditEvents).values(all));
    expect(await verify()).toMatchObject({ ok: true });
  });
});
