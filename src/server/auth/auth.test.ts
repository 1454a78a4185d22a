import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { buildApp } from '../app.ts';
import { auditEvents } from '../audit/schema.ts';
import { verifyAudit } from '../audit/queries.ts';
import { bodies } from '../registry/schema.ts';
import { loginAttempts, sessions, users } from './schema.ts';
import { CSRF_COOKIE, SESSION_COOKIE, SESSION_TTL_MS, hashToken } from './sessions.ts';
import { addUser, signIn } from './testing.ts';

let t: TestApp;
const PW = 'kata-sandi-rahasia';

beforeAll(async () => {
  t = await createTestApp();
  await t.db.db.insert(bodies).values([
    { type: 'provinsi', code: '36', name: 'Provinsi Banten', provinceCode: '36' },
    { type: 'provinsi', code: '32', name: 'Provinsi Jawa Barat', provinceCode: '32' },
  ]);
  await addUser(t.db.db, { username: 'admin', name: 'Admin Pusat', password: PW, role: 'admin' });
  await addUser(t.db.db, {
    username: 'kepala.banten',
    name: 'Kepala Perwakilan Banten',
    password: PW,
    role: 'pimpinan',
    provinceCode: '36',
  });
  for (const u of ['ratelimit', 'reset', 'gone', 'expiry', 'logout', 'csrf'])
    await addUser(t.db.db, { username: u, name: `User ${u}`, password: PW, role: 'asisten', provinceCode: '36' });
});
afterAll(() => t.close());

const login = (username: string, password: string, extra: { headers?: Record<string, string>; remoteAddress?: string } = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, ...extra });

const auditCount = async (action: string) =>
  (await t.db.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.action, action)))[0]!.n;

describe('POST /auth/login', () => {
  it('answers the user and sets an HttpOnly Lax session cookie and a readable CSRF cookie', async () => {
    const before = Date.now();
    const res = await login('kepala.banten', PW);
    expect(res.statusCode).toBe(200);
    const { user } = res.json();
    expect(Object.keys(user).sort()).toEqual([
      'bodyId',
      'bodyName',
      'id',
      'leadsTeam',
      'mustChangePassword',
      'name',
      'provinceCode',
      'provinceName',
      'role',
      'totpEnabled',
      'unitId',
      'unitName',
      'username',
    ]);
    expect(user).toMatchObject({
      username: 'kepala.banten',
      name: 'Kepala Perwakilan Banten',
      role: 'pimpinan',
      provinceCode: '36',
      // issue 16: the scope's name travels with the code
      provinceName: 'Provinsi Banten',
      bodyId: null,
      unitId: null,
    });

    const session = res.cookies.find((c) => c.name === SESSION_COOKIE)!;
    const csrf = res.cookies.find((c) => c.name === CSRF_COOKIE)!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(session.secure).toBeUndefined();
    expect(csrf.httpOnly).toBeUndefined();
    expect(csrf).toMatchObject({ sameSite: 'Lax', path: '/' });
    const expires = new Date(session.expires!).getTime();
    // Cookie dates have one-second precision.
    expect(expires).toBeGreaterThanOrEqual(before + SESSION_TTL_MS - 1000);
    expect(expires).toBeLessThanOrEqual(Date.now() + SESSION_TTL_MS);

    // The database keeps only the hash of the token.
    const [row] = await t.db.db
      .select()
      .from(sessions)
      .where(eq(sessions.id, hashToken(session.value)));
    expect(row).toBeDefined();
    expect(row!.csrfToken).toBe(csrf.value);
    const raw = await t.db.db.select().from(sessions).where(eq(sessions.id, session.value));
    expect(raw).toHaveLength(0);
  });

  it('marks both cookies Secure when the request came over https through a trusted proxy', async () => {
    const app = await buildApp({ db: t.db.db, dataDir: t.dataDir, trustProxy: '127.0.0.1' });
    try {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { username: 'admin', password: PW },
      });
      expect(res.statusCode).toBe(200);
      expect(res.cookies.map((c) => c.secure)).toEqual([true, true]);
    } finally {
      await app.close();
    }
  });

  it('ignores X-Forwarded-Proto from an untrusted sender (no proxy configured)', async () => {
    const res = await login('admin', PW, { headers: { 'x-forwarded-proto': 'https' } });
    expect(res.statusCode).toBe(200);
    for (const c of res.cookies) expect(c.secure ?? false).toBe(false);
  });

  it('marks both cookies Secure when the app is configured for secure cookies', async () => {
    const app = await buildApp({ db: t.db.db, dataDir: t.dataDir, secureCookies: true });
    try {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: PW } });
      expect(res.statusCode).toBe(200);
      expect(res.cookies.map((c) => c.secure)).toEqual([true, true]);
    } finally {
      await app.close();
    }
  });

  it('accepts the username in any case', async () => {
    expect((await login('  Kepala.BANTEN ', PW)).statusCode).toBe(200);
  });

  it('rejects a wrong password with 401 auth.invalid_credentials, records and audits the failure', async () => {
    const failures = await auditCount('auth.login_failed');
    const res = await login('admin', 'wrong-password');
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toEqual({ code: 'auth.invalid_credentials', message: 'Nama pengguna atau kata sandi salah.', details: {} });
    expect(res.cookies).toHaveLength(0);
    expect(await auditCount('auth.login_failed')).toBe(failures + 1);
    const [last] = await t.db.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'auth.login_failed'))
      .orderBy(sql`seq desc`)
      .limit(1);
    expect(last).toMatchObject({ actorId: null, actorLabel: 'public', subjectType: 'user' });
    expect(JSON.stringify(last!.diff)).not.toContain('wrong-password');
  });

  it('answers an unknown username exactly like a wrong password', async () => {
    const res = await login('nobody', PW, { headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toEqual({ code: 'auth.invalid_credentials', message: 'Wrong username or password.', details: {} });
  });

  it('refuses a deactivated account', async () => {
    await t.db.db.update(users).set({ active: false }).where(eq(users.username, 'gone'));
    expect((await login('gone', PW)).statusCode).toBe(401);
  });

  it('answers 400 request.invalid in Indonesian by default and in English on request', async () => {
    const id = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin' } });
    expect(id.statusCode).toBe(400);
    expect(id.json().error.code).toBe('request.invalid');
    expect(id.json().error.message).toMatch(/^Permintaan tidak valid: body\.password: /);
    expect(id.json().error.message).toMatch(/tidak valid|diharapkan/i);
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin' },
      headers: { 'accept-language': 'en' },
    });
    expect(en.statusCode).toBe(400);
    expect(en.json().error.message).toMatch(/^Invalid request: body\.password: .*expected string/i);
  });

  // Each throttling test below starts from no attempts and cleans up after itself, so the sign-ins
  // of the other tests (all from 127.0.0.1) are not slowed down by its failures.
  const clearAttempts = () => t.db.db.execute(sql`delete from login_attempts`);

  it('answers 429 auth.rate_limited with a short, growing wait after a few failures — never a lockout', async () => {
    await clearAttempts();
    // 3 failures are free; the 4th attempt comes too soon after the 3rd (1 s).
    for (let i = 0; i < 3; i++) expect((await login('ratelimit', `wrong-${i}`)).statusCode).toBe(401);
    const blocked = await login('ratelimit', PW);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error).toEqual({
      code: 'auth.rate_limited',
      message: 'Terlalu banyak percobaan masuk. Coba lagi dalam 1 detik.',
      details: { seconds: 1 },
    });
    expect(blocked.headers['retry-after']).toBe('1');
    // Other accounts from the same address are unaffected.
    expect((await login('admin', PW)).statusCode).toBe(200);
    // Once the wait has passed, the right password gets in.
    await t.db.db.execute(sql`update login_attempts set at = at - interval '2 seconds' where username = 'ratelimit'`);
    expect((await login('ratelimit', PW)).statusCode).toBe(200);
    await clearAttempts();
  });

  it('doubles the wait with each further failure, up to 30 seconds, however long the attack goes on', async () => {
    // A distributed attack: every guess from another address, so only the username's count grows.
    let n = 0;
    const from = () => ({ remoteAddress: `198.51.100.${++n}` });
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await login('ratelimit', 'wrong', from());
      if (res.statusCode === 429) {
        waits.push(Number(res.headers['retry-after']));
        // Let the wait pass (as the attacker would), then fail again.
        await t.db.db.execute(sql`update login_attempts set at = at - interval '31 seconds' where username = 'ratelimit'`);
        expect((await login('ratelimit', 'wrong', from())).statusCode).toBe(401);
      }
    }
    expect(waits.length).toBeGreaterThan(3);
    expect(waits).toEqual([...waits].sort((a, b) => a - b));
    expect(Math.max(...waits)).toBe(30);
    // The owner, mid-attack: told to wait at most 30 s — then the right password gets in.
    const res = await login('ratelimit', PW, { headers: { 'accept-language': 'en' }, ...from() });
    expect(res.statusCode).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(30);
    expect(res.json().error.message).toMatch(/^Too many sign-in attempts\. Try again in \d+ seconds\.$/);
    await t.db.db.execute(sql`update login_attempts set at = at - interval '30 seconds' where username = 'ratelimit'`);
    expect((await login('ratelimit', PW, from())).statusCode).toBe(200);
    await clearAttempts();
  });

  it('resets the username count after a successful sign-in', async () => {
    for (let i = 0; i < 3; i++) await login('reset', 'wrong');
    expect((await login('reset', PW)).statusCode).toBe(429);
    await t.db.db.execute(sql`update login_attempts set at = at - interval '2 seconds' where username = 'reset'`);
    expect((await login('reset', PW)).statusCode).toBe(200);
    for (let i = 0; i < 3; i++) expect((await login('reset', 'wrong')).statusCode).toBe(401);
    await clearAttempts();
  });

  it('slows one address down after 10 failures, whatever the username, without locking its other users out', async () => {
    const ip = '203.0.113.7';
    for (let i = 0; i < 10; i++) expect((await login(`guess${i}`, 'x', { remoteAddress: ip })).statusCode).toBe(401);
    expect((await login('admin', PW, { remoteAddress: ip })).statusCode).toBe(429);
    expect((await login('admin', PW, { remoteAddress: '203.0.113.8' })).statusCode).toBe(200);
    const rows = await t.db.db.select({ n: count() }).from(loginAttempts).where(eq(loginAttempts.ip, ip));
    // The throttled attempt is not recorded, so waiting always ends it.
    expect(rows[0]!.n).toBe(10);
    // Even after 100 more failures from that office, the wait stays at most 30 s.
    for (let i = 0; i < 20; i++) {
      await t.db.db.execute(sql`update login_attempts set at = at - interval '31 seconds' where ip = ${ip}`);
      await login(`guess${i}`, 'x', { remoteAddress: ip });
    }
    const slow = await login('admin', PW, { remoteAddress: ip });
    expect(slow.statusCode).toBe(429);
    expect(Number(slow.headers['retry-after'])).toBeLessThanOrEqual(30);
    await t.db.db.execute(sql`update login_attempts set at = at - interval '30 seconds' where ip = ${ip}`);
    expect((await login('admin', PW, { remoteAddress: ip })).statusCode).toBe(200);
    await clearAttempts();
  });
});

describe('GET /auth/me', () => {
  it('answers the signed-in user', async () => {
    const s = await signIn(t.app, 'admin', PW);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: s.headers.cookie! } });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ username: 'admin', role: 'admin', provinceCode: null });
  });

  it('answers 401 auth.required without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('auth.required');
  });

  it('answers 401 auth.session_expired once the session has expired', async () => {
    const s = await signIn(t.app, 'expiry', PW);
    await t.db.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(sessions.id, hashToken(s.token)));
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: s.headers.cookie! } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toEqual({
      code: 'auth.session_expired',
      message: 'Sesi Anda telah berakhir. Silakan masuk kembali.',
      details: {},
    });
  });

  it('ends the session of an account that is deactivated', async () => {
    const s = await signIn(t.app, 'logout', PW);
    await t.db.db.update(users).set({ active: false }).where(eq(users.username, 'logout'));
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: s.headers.cookie! } });
    expect(res.statusCode).toBe(401);
    await t.db.db.update(users).set({ active: true }).where(eq(users.username, 'logout'));
  });
});

describe('POST /auth/logout', () => {
  it('deletes the session, clears both cookies, audits, and the old cookie no longer works', async () => {
    const s = await signIn(t.app, 'logout', PW);
    const before = await auditCount('auth.logout');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: s.headers });
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    const cleared = Object.fromEntries(res.cookies.map((c) => [c.name, c]));
    for (const name of [SESSION_COOKIE, CSRF_COOKIE]) {
      expect(cleared[name]!.value).toBe('');
      expect(new Date(cleared[name]!.expires!).getTime()).toBeLessThan(Date.now());
    }
    expect(
      await t.db.db
        .select()
        .from(sessions)
        .where(eq(sessions.id, hashToken(s.token))),
    ).toHaveLength(0);
    expect(await auditCount('auth.logout')).toBe(before + 1);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: s.headers.cookie! } });
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe('auth.session_expired');
  });

  it('answers 204 without a session', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(204);
  });

  it('needs the CSRF header when a session is sent (no forced sign-out)', async () => {
    const s = await signIn(t.app, 'logout', PW);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: s.headers.cookie! } });
    expect(res.statusCode).toBe(403);
    expect(
      await t.db.db
        .select()
        .from(sessions)
        .where(eq(sessions.id, hashToken(s.token))),
    ).toHaveLength(1);
  });
});

describe('CSRF on cookie-authenticated writes', () => {
  const newBody = { type: 'kabupaten', code: '36.99', name: 'Kabupaten Uji', provinceCode: '36' };
  const bodyCount = async () => (await t.db.db.select({ n: count() }).from(bodies))[0]!.n;
  const eventCount = async () => (await t.db.db.select({ n: count() }).from(auditEvents))[0]!.n;

  it('answers 403 auth.csrf without the header and changes nothing', async () => {
    const s = await signIn(t.app, 'admin', PW);
    const [b, e] = [await bodyCount(), await eventCount()];
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/bodies', payload: newBody, headers: { cookie: s.headers.cookie! } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('auth.csrf');
    expect([await bodyCount(), await eventCount()]).toEqual([b, e]);
  });

  it('answers 403 auth.csrf with a mismatched header and changes nothing', async () => {
    const s = await signIn(t.app, 'admin', PW);
    const other = await signIn(t.app, 'csrf', PW);
    const [b, e] = [await bodyCount(), await eventCount()];
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/bodies',
      payload: newBody,
      headers: { cookie: s.headers.cookie!, 'x-csrf-token': other.csrf, 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toBe('Missing or mismatched security (CSRF) token. Reload the page.');
    expect([await bodyCount(), await eventCount()]).toEqual([b, e]);
  });

  it('lets the write through with the matching header', async () => {
    const s = await signIn(t.app, 'admin', PW);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/bodies', payload: newBody, headers: s.headers });
    expect(res.statusCode).toBe(201);
  });
});

describe('audit chain', () => {
  it('verifies after every sign-in, failure and sign-out above', async () => {
    const v = await verifyAudit(t.db.db);
    expect(v.ok).toBe(true);
    expect(await auditCount('auth.login')).toBeGreaterThan(5);
  });
});

// issue 16: the web shell reads the session without a 401 in the console.
describe('GET /auth/session', () => {
  it('answers 200 { user: null } to an anonymous visitor', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ user: null });
  });

  it('answers the signed-in user with the names of the scope', async () => {
    const s = await signIn(t.app, 'kepala.banten', PW);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: s.headers.cookie! } });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ username: 'kepala.banten', provinceCode: '36', provinceName: 'Provinsi Banten' });
  });
});
