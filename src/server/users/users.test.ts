import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, desc, eq } from 'drizzle-orm';
import { createTestApp, expectUnchanged, type TestApp } from '../test/harness.ts';
import { auditEvents } from '../audit/schema.ts';
import { verifyAudit } from '../audit/queries.ts';
import { sessions, users } from '../auth/schema.ts';
import { addUser, signIn, type SignedIn } from '../auth/testing.ts';
import { bodies, units } from '../registry/schema.ts';

let t: TestApp;
let admin: SignedIn;
let pimpinan: SignedIn;
let asisten: SignedIn;
let adminId: string;
let lebakId: string;
let bandungId: string;
let unitId: string;
const PW = 'kata-sandi-rahasia';

beforeAll(async () => {
  t = await createTestApp();
  const rows = await t.db.db
    .insert(bodies)
    .values([
      { type: 'provinsi', code: '36', name: 'Provinsi Banten', provinceCode: '36' },
      { type: 'provinsi', code: '32', name: 'Provinsi Jawa Barat', provinceCode: '32' },
      { type: 'kabupaten', code: '36.02', name: 'Kabupaten Lebak', provinceCode: '36' },
      { type: 'kota', code: '32.73', name: 'Kota Bandung', provinceCode: '32' },
    ])
    .returning();
  lebakId = rows[2]!.id;
  bandungId = rows[3]!.id;
  unitId = (await t.db.db.insert(units).values({ bodyId: lebakId, name: 'Disdukcapil Lebak', sector: 'adminduk' }).returning())[0]!.id;
  adminId = (await addUser(t.db.db, { username: 'admin', name: 'Admin', password: PW, role: 'admin' })).id;
  await addUser(t.db.db, { username: 'pimpinan', name: 'Kepala Banten', password: PW, role: 'pimpinan', provinceCode: '36' });
  await addUser(t.db.db, { username: 'asisten', name: 'Asisten Banten', password: PW, role: 'asisten', provinceCode: '36' });
  await addUser(t.db.db, { username: 'pimpinan.jabar', name: 'Kepala Jawa Barat', password: PW, role: 'pimpinan', provinceCode: '32' });
  await addUser(t.db.db, { username: 'koord.bandung', name: 'Koordinator Bandung', password: PW, role: 'koordinator', bodyId: bandungId });
  admin = await signIn(t.app, 'admin', PW);
  pimpinan = await signIn(t.app, 'pimpinan', PW);
  asisten = await signIn(t.app, 'asisten', PW);
});
afterAll(() => t.close());

const get = (url: string, who: SignedIn | null, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { ...(who?.headers ?? {}), ...headers } });
const send = (method: 'POST' | 'PATCH', url: string, who: SignedIn | null, payload?: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { ...(who?.headers ?? {}), ...headers },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
/** A refused call: it must change nothing (audit head unchanged). */
const unchanged = <T>(act: () => Promise<T>) => expectUnchanged(t.db.db, act);
const userCount = async () => (await t.db.db.select({ n: count() }).from(users))[0]!.n;
const lastAudit = async (subjectId: string) =>
  (await t.db.db.select().from(auditEvents).where(eq(auditEvents.subjectId, subjectId)).orderBy(desc(auditEvents.seq)).limit(1))[0];

describe('POST /users', () => {
  it('lets an admin create a pimpinan who can then sign in; the audit row holds no password', async () => {
    const res = await send('POST', '/users', admin, {
      username: 'Kepala.Baru',
      name: 'Kepala Baru',
      password: 'rahasia-baru-1',
      role: 'pimpinan',
      provinceCode: '36',
    });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      username: 'kepala.baru',
      role: 'pimpinan',
      provinceCode: '36',
      bodyId: null,
      unitId: null,
      active: true,
    });
    expect(created).not.toHaveProperty('passwordHash');
    const audit = await lastAudit(created.id);
    expect(audit).toMatchObject({ action: 'user.create', actorLabel: 'admin', provinceCode: '36' });
    expect(JSON.stringify(audit!.diff)).not.toMatch(/rahasia|argon/);
    const [row] = await t.db.db.select().from(users).where(eq(users.id, created.id));
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
    await expect(signIn(t.app, 'kepala.baru', 'rahasia-baru-1')).resolves.toBeDefined();
  });

  it('fills in the province and body of an operator from the unit', async () => {
    const res = await send('POST', '/users', admin, {
      username: 'op.lebak',
      name: 'Operator Lebak',
      password: PW,
      role: 'operator',
      unitId,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ role: 'operator', unitId, bodyId: lebakId, provinceCode: '36' });
  });

  it('fills in the province of a koordinator from the body', async () => {
    const res = await send('POST', '/users', admin, {
      username: 'koord.lebak',
      name: 'Koordinator Lebak',
      password: PW,
      role: 'koordinator',
      bodyId: lebakId,
    });
    expect(res.json()).toMatchObject({ role: 'koordinator', bodyId: lebakId, unitId: null, provinceCode: '36' });
  });

  it.each([
    [{ role: 'pimpinan' }, 'user.scope_required', 'Peran pimpinan wajib memiliki provinceCode.'],
    [
      { role: 'asisten', provinceCode: '36', bodyId: '00000000-0000-4000-8000-000000000000' },
      'user.scope_not_allowed',
      'Peran asisten tidak boleh memiliki bodyId.',
    ],
    [{ role: 'koordinator', provinceCode: '36' }, 'user.scope_not_allowed', 'Peran koordinator tidak boleh memiliki provinceCode.'],
    [{ role: 'operator' }, 'user.scope_required', 'Peran operator wajib memiliki unitId.'],
    [{ role: 'admin', provinceCode: '36' }, 'user.scope_not_allowed', 'Peran admin tidak boleh memiliki provinceCode.'],
    [{ role: 'asisten', provinceCode: '99' }, 'registry.unknown_reference', 'provinceCode tidak dikenal: 99.'],
    [
      { role: 'operator', unitId: '00000000-0000-4000-8000-000000000000' },
      'registry.unknown_reference',
      'unitId tidak dikenal: 00000000-0000-4000-8000-000000000000.',
    ],
  ])('rejects a scope that does not fit the role: %o → %s', async (scope, code, message) => {
    const before = await userCount();
    const res = await unchanged(() => send('POST', '/users', admin, { username: 'salah', name: 'Salah Cakupan', password: PW, ...scope }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code, message });
    expect(await userCount()).toBe(before);
  });

  it('rejects a taken username with 409, in English when asked', async () => {
    const res = await unchanged(() =>
      send('POST', '/users', admin, { username: 'ADMIN', name: 'Admin Dua', password: PW, role: 'admin' }, { 'accept-language': 'en' }),
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'user.username_taken', message: 'Username admin is already taken.' });
  });

  it('rejects a short password and a malformed username with 400 naming the field', async () => {
    const short = await unchanged(() =>
      send('POST', '/users', admin, { username: 'pendek', name: 'Pendek', password: 'abc', role: 'admin' }),
    );
    expect(short.statusCode).toBe(400);
    expect(short.json().error.message).toMatch(/body\.password/);
    const bad = await unchanged(() => send('POST', '/users', admin, { username: 'a b', name: 'Spasi', password: PW, role: 'admin' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/body\.username/);
  });

  it('refuses a pimpinan (403), an asisten (403) and an anonymous caller (401)', async () => {
    const payload = { username: 'asisten.baru', name: 'Asisten Baru', password: PW, role: 'asisten', provinceCode: '36' };
    expect((await unchanged(() => send('POST', '/users', pimpinan, payload))).statusCode).toBe(403);
    expect((await unchanged(() => send('POST', '/users', asisten, payload))).statusCode).toBe(403);
    expect((await unchanged(() => send('POST', '/users', null, payload))).statusCode).toBe(401);
  });
});

describe('GET /users', () => {
  it('lists every account for an admin, filtered by role and search', async () => {
    const all = (await get('/users?pageSize=200', admin)).json();
    expect(all.total).toBe(await userCount());
    const pimpinans = (await get('/users?role=pimpinan', admin)).json();
    expect(pimpinans.items.every((u: { role: string }) => u.role === 'pimpinan')).toBe(true);
    expect((await get('/users?q=bandung', admin)).json().items.map((u: { username: string }) => u.username)).toEqual(['koord.bandung']);
  });

  it("shows a pimpinan only their own province's accounts", async () => {
    const res = await get('/users?pageSize=200', pimpinan);
    expect(res.statusCode).toBe(200);
    const names = res.json().items.map((u: { username: string }) => u.username);
    expect(names).toContain('op.lebak');
    expect(names).toContain('asisten');
    expect(names).not.toContain('pimpinan.jabar');
    expect(names).not.toContain('koord.bandung');
    expect(names).not.toContain('admin');
    expect((await get('/users?province=32', pimpinan)).statusCode).toBe(403);
  });

  it('lets a pimpinan read one account of their province, not of another', async () => {
    const [jabar] = await t.db.db.select().from(users).where(eq(users.username, 'pimpinan.jabar'));
    const [own] = await t.db.db.select().from(users).where(eq(users.username, 'asisten'));
    expect((await get(`/users/${own!.id}`, pimpinan)).statusCode).toBe(200);
    expect((await get(`/users/${jabar!.id}`, pimpinan)).statusCode).toBe(403);
  });

  it('refuses an asisten (403)', async () => {
    expect((await get('/users', asisten)).statusCode).toBe(403);
  });
});

describe('PATCH /users/:userId', () => {
  it('changes role and scope together and ends the sessions of the account', async () => {
    const [row] = await t.db.db.select().from(users).where(eq(users.username, 'asisten'));
    const res = await send('PATCH', `/users/${row!.id}`, admin, { role: 'koordinator', bodyId: lebakId });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ role: 'koordinator', bodyId: lebakId, provinceCode: '36', unitId: null });
    expect(await lastAudit(row!.id)).toMatchObject({
      action: 'user.update',
      diff: { before: { role: 'asisten' }, after: { role: 'koordinator', bodyId: lebakId } },
    });
    expect(await t.db.db.select().from(sessions).where(eq(sessions.userId, row!.id))).toHaveLength(0);
    expect((await get('/auth/me', asisten)).statusCode).toBe(401);
  });

  it('rejects a role change without the new scope (400) and changes nothing', async () => {
    const [row] = await t.db.db.select().from(users).where(eq(users.username, 'koord.lebak'));
    const res = await unchanged(() => send('PATCH', `/users/${row!.id}`, admin, { role: 'operator' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('user.scope_required');
    expect((await t.db.db.select().from(users).where(eq(users.id, row!.id)))[0]!.role).toBe('koordinator');
  });

  it('sets a password chosen by the admin: the old one stops working, the new one works once, to be changed', async () => {
    const [row] = await t.db.db.select().from(users).where(eq(users.username, 'op.lebak'));
    const res = await send('PATCH', `/users/${row!.id}`, admin, { password: 'kata-sandi-baru-2' });
    expect(res.statusCode).toBe(200);
    expect(res.json().mustChangePassword).toBe(true);
    expect((await lastAudit(row!.id))!.diff).toEqual({ before: {}, after: { password: 'changed', mustChangePassword: true } });
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'op.lebak', password: PW } })).statusCode,
    ).toBe(401);
    await expect(signIn(t.app, 'op.lebak', 'kata-sandi-baru-2')).resolves.toBeDefined();
  });

  it('refuses an admin demoting their own account (409 user.self)', async () => {
    const res = await unchanged(() => send('PATCH', `/users/${adminId}`, admin, { role: 'pimpinan', provinceCode: '36' }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('user.self');
  });
});

describe('POST /users/:userId/deactivate', () => {
  it('deactivates: the account can no longer sign in and its sessions end', async () => {
    const jabar = await signIn(t.app, 'pimpinan.jabar', PW);
    const [row] = await t.db.db.select().from(users).where(eq(users.username, 'pimpinan.jabar'));
    const res = await send('POST', `/users/${row!.id}/deactivate`, admin);
    expect(res.statusCode).toBe(200);
    expect(res.json().active).toBe(false);
    expect(await lastAudit(row!.id)).toMatchObject({ action: 'user.deactivate', provinceCode: '32' });
    expect((await get('/auth/me', jabar)).statusCode).toBe(401);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'pimpinan.jabar', password: PW } })).statusCode,
    ).toBe(401);
    expect((await get('/users?active=false', admin)).json().items.map((u: { username: string }) => u.username)).toEqual(['pimpinan.jabar']);
  });

  it('refuses deactivating your own account', async () => {
    expect((await unchanged(() => send('POST', `/users/${adminId}/deactivate`, admin))).statusCode).toBe(409);
  });

  it('answers 404 for an unknown account', async () => {
    const res = await unchanged(() => send('POST', '/users/00000000-0000-4000-8000-000000000000/deactivate', admin));
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe('Pengguna tidak ditemukan.');
  });
});

describe('audit of user writes', () => {
  it('verifies the chain', async () => {
    expect((await verifyAudit(t.db.db)).ok).toBe(true);
  });
});
