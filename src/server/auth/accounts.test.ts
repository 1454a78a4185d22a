// Issue 15 D9/D10: password rules, the admin's reset with a forced change at the next sign-in, and
// the optional second factor (TOTP) for admin and pimpinan — through the API, audited.
import { and, count, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../audit/schema.ts';
import { verifyAudit } from '../audit/queries.ts';
import { bodies } from '../registry/schema.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { generatePassword, passwordProblem } from './password-policy.ts';
import { loginAttempts, sessions, users } from './schema.ts';
import { type SignedIn, addUser, signIn } from './testing.ts';
import { base32Decode, base32Encode, hotp, totp } from './totp.ts';
import { decryptTotpSecret, encryptTotpSecret } from './totp-secret.ts';

let t: TestApp;
let admin: SignedIn;
const PW = 'kata-sandi-rahasia';
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  await t.db.db.insert(bodies).values({ type: 'provinsi', code: '36', name: 'Provinsi Banten', provinceCode: '36' });
  for (const [username, role] of [
    ['admin', 'admin'],
    ['kepala.banten', 'pimpinan'],
    ['asisten.satu', 'asisten'],
    ['asisten.dua', 'asisten'],
  ] as const) {
    const u = await addUser(t.db.db, {
      username,
      name: username,
      password: PW,
      role,
      ...(role === 'admin' ? {} : { provinceCode: '36' }),
    });
    ids[username] = u.id;
  }
  admin = await signIn(t.app, 'admin', PW);
});
afterAll(() => t.close());

const api = (method: 'GET' | 'POST' | 'PATCH', url: string, who: SignedIn | null, payload?: object, lang = 'id') =>
  t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { ...(who?.headers ?? {}), 'accept-language': lang },
    ...(payload ? { payload } : {}),
  });
const login = (username: string, password: string, totpCode?: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password, ...(totpCode ? { totp: totpCode } : {}) } });
const lastAudit = async (action: string) =>
  (await t.db.db.select().from(auditEvents).where(eq(auditEvents.action, action)).orderBy(desc(auditEvents.seq)).limit(1))[0];
const sessionsOf = async (userId: string) => (await t.db.db.select({ n: count() }).from(sessions).where(eq(sessions.userId, userId)))[0]!.n;

describe('D10: password rules', () => {
  it.each([
    ['a common password', 'password1234', 'user.password_common', 'This password is a common or breached one; choose another.'],
    ['a keyboard walk', 'qwertyuiop123', 'user.password_common', 'This password is a common or breached one; choose another.'],
    [
      'one that contains the username',
      'baru.sekali-2024!x',
      'user.password_contains_username',
      'The password must not contain the username.',
    ],
    ['a repeat', 'aaaaaaaaaaaaaaaa', 'user.password_weak', expect.stringMatching(/^The password is easy to guess/)],
    ['a word and a year', 'pancasila1945', 'user.password_weak', expect.stringMatching(/^The password is easy to guess/)],
  ])('refuses %s (400, translated), creating nothing', async (_name, password, code, message) => {
    const res = await api('POST', '/users', admin, { username: 'baru.sekali', name: 'Baru', password, role: 'admin' }, 'en');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code, message });
    expect(await t.db.db.select().from(users).where(eq(users.username, 'baru.sekali'))).toHaveLength(0);
  });

  it('refuses fewer than 12 characters (12345678 and the like)', async () => {
    for (const password of ['12345678', 'Tx9#kLm2pQ4']) {
      const res = await api('POST', '/users', admin, { username: 'baru.sekali', name: 'Baru', password, role: 'admin' });
      expect(res.statusCode).toBe(400);
    }
    expect(await passwordProblem('12345678')).toBe('too_short');
  });

  it('accepts a long passphrase and a random password', async () => {
    expect(await passwordProblem('kuda-laut-makan-pisang-goreng')).toBeNull();
    expect(await passwordProblem('Tx9#kLm2pQ4zR7')).toBeNull();
  });

  it('generates passwords that pass every rule without asking the dictionaries', async () => {
    const sample = await Promise.all(Array.from({ length: 40 }, () => generatePassword({ username: 'abc' })));
    expect(new Set(sample).size).toBe(40);
    for (const pw of sample) {
      expect(pw).toHaveLength(16);
      expect(await passwordProblem(pw, { username: 'abc' })).toBeNull();
    }
  });

  it('applies to a password an admin sets on an account', async () => {
    const res = await api('PATCH', `/users/${ids['asisten.dua']}`, admin, { password: '123456789012' });
    expect(res.statusCode).toBe(400);
  });
});

describe('D10: an admin resets a password; the account must change it at its next sign-in', () => {
  let oneTime = '';

  it('answers a one-time password once, ends the account’s sessions and audits without the password', async () => {
    const before = await signIn(t.app, 'asisten.satu', PW);
    const res = await api('POST', `/users/${ids['asisten.satu']}/reset-password`, admin);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json();
    oneTime = body.password;
    expect(oneTime).toMatch(/^[A-Za-z2-9]{16}$/);
    expect(await passwordProblem(oneTime, { username: 'asisten.satu' })).toBeNull();
    expect(body.user).toMatchObject({ username: 'asisten.satu', mustChangePassword: true });
    expect(await sessionsOf(ids['asisten.satu']!)).toBe(0);
    expect((await api('GET', '/auth/me', before)).statusCode).toBe(401);
    const event = await lastAudit('user.password_reset');
    expect(event).toMatchObject({
      actorLabel: 'admin',
      subjectId: ids['asisten.satu'],
      diff: { after: { password: 'reset', mustChangePassword: true } },
    });
    expect(JSON.stringify(event!.diff)).not.toContain(oneTime);
    expect((await login('asisten.satu', PW)).statusCode).toBe(401);
  });

  it('lets the one-time password sign in, but nothing else happens until the password is changed', async () => {
    const res = await login('asisten.satu', oneTime);
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ mustChangePassword: true, totpEnabled: false });
    const s = await signIn(t.app, 'asisten.satu', oneTime);
    const blocked = await api('GET', '/cycles', s, undefined, 'en');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error).toMatchObject({
      code: 'auth.password_change_required',
      message: 'Your password was reset by an admin: set a new password first.',
    });
    expect((await api('GET', '/auth/me', s)).json().user.mustChangePassword).toBe(true);
    // A new password must follow the rules and differ; the current one must be right.
    expect(
      (await api('POST', '/auth/password', s, { currentPassword: 'salah-sekali-123', newPassword: 'kuda-laut-makan-pisang' })).statusCode,
    ).toBe(403);
    expect((await api('POST', '/auth/password', s, { currentPassword: oneTime, newPassword: oneTime })).json().error.code).toBe(
      'auth.password_reused',
    );
    expect((await api('POST', '/auth/password', s, { currentPassword: oneTime, newPassword: 'password1234' })).json().error.code).toBe(
      'user.password_common',
    );
    const other = await signIn(t.app, 'asisten.satu', oneTime);
    const ok = await api('POST', '/auth/password', s, { currentPassword: oneTime, newPassword: 'kuda-laut-makan-pisang' });
    expect(ok.statusCode).toBe(204);
    // This session goes on, unblocked; the account's other sessions are over.
    expect((await api('GET', '/cycles', s)).statusCode).toBe(200);
    expect((await api('GET', '/auth/me', other)).statusCode).toBe(401);
    expect((await api('GET', '/auth/me', s)).json().user.mustChangePassword).toBe(false);
    expect(await lastAudit('auth.password_change')).toMatchObject({
      actorLabel: 'asisten.satu',
      diff: { after: { password: 'changed', mustChangePassword: false } },
    });
    expect((await login('asisten.satu', oneTime)).statusCode).toBe(401);
    expect((await login('asisten.satu', 'kuda-laut-makan-pisang')).statusCode).toBe(200);
  });

  it('is for admins only, and not on the own account', async () => {
    const pimpinan = await signIn(t.app, 'kepala.banten', PW);
    expect((await api('POST', `/users/${ids['asisten.dua']}/reset-password`, pimpinan)).statusCode).toBe(403);
    expect((await api('POST', `/users/${ids.admin}/reset-password`, admin)).json().error.code).toBe('user.self');
  });

  it('lets anyone change their own password (POST /auth/password)', async () => {
    const s = await signIn(t.app, 'asisten.dua', PW);
    expect((await api('POST', '/auth/password', s, { currentPassword: PW, newPassword: 'Jeruk-manis-di-pagi-hari' })).statusCode).toBe(204);
    expect((await login('asisten.dua', 'Jeruk-manis-di-pagi-hari')).statusCode).toBe(200);
  });
});

describe('TOTP (RFC 6238), by hand: the RFCs’ own test vectors', () => {
  const key = Buffer.from('12345678901234567890');
  it('HOTP, RFC 4226 appendix D', () => {
    expect(Array.from({ length: 10 }, (_, i) => hotp(key, i))).toEqual([
      '755224',
      '287082',
      '359152',
      '969429',
      '338314',
      '254676',
      '287922',
      '162583',
      '399871',
      '520489',
    ]);
  });
  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ])('TOTP-SHA1, RFC 6238 appendix B, T = %i', (seconds, code) => {
    expect(totp(key, new Date(seconds * 1000), 8)).toBe(code);
  });
  it('base32 (RFC 4648) both ways', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Decode('MZXW6YTBOI').toString()).toBe('foobar');
  });
});

describe('D10: the second factor for admin and pimpinan', () => {
  let pimpinan: SignedIn;
  let secret = '';
  const codeAt = (offsetS: number) => totp(base32Decode(secret), new Date(Date.now() + offsetS * 1000));

  beforeAll(async () => {
    pimpinan = await signIn(t.app, 'kepala.banten', PW);
  });

  it('is not offered to other roles, and needs the current password', async () => {
    const asisten = await signIn(t.app, 'asisten.dua', 'Jeruk-manis-di-pagi-hari');
    expect((await api('POST', '/auth/totp/enrol', asisten, { password: 'Jeruk-manis-di-pagi-hari' })).json().error.code).toBe(
      'auth.totp_not_allowed',
    );
    expect((await api('POST', '/auth/totp/enrol', pimpinan, { password: 'salah-sekali' })).json().error.code).toBe('auth.wrong_password');
  });

  it('enrols: a secret and its QR code; in force only once a code confirms it', async () => {
    const res = await api('POST', '/auth/totp/enrol', pimpinan, { password: PW });
    expect(res.statusCode).toBe(200);
    ({ secret } = res.json());
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(res.json().uri).toBe(`otpauth://totp/Pantau%3Akepala.banten?secret=${secret}&issuer=Pantau&algorithm=SHA1&digits=6&period=30`);
    expect(res.json().qr).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(JSON.stringify((await lastAudit('auth.totp_enrol'))!.diff)).not.toContain(secret);
    // Not confirmed: signing in needs no code yet.
    expect((await login('kepala.banten', PW)).statusCode).toBe(200);
    expect((await api('POST', '/auth/totp/confirm', pimpinan, { code: codeAt(-3600) })).json().error.code).toBe('auth.totp_invalid');
    expect((await api('POST', '/auth/totp/confirm', pimpinan, { code: codeAt(0) })).statusCode).toBe(204);
    expect((await api('GET', '/auth/me', pimpinan)).json().user.totpEnabled).toBe(true);
    expect(await lastAudit('auth.totp_enable')).toMatchObject({ actorLabel: 'kepala.banten' });
  });

  it('then asks for the code at sign-in; a wrong or reused code is refused and counted', async () => {
    const without = await login('kepala.banten', PW);
    expect(without.statusCode).toBe(401);
    expect(without.json().error.code).toBe('auth.totp_required');
    expect(without.cookies).toHaveLength(0);
    const wrongCode = codeAt(0) === '000000' ? '111111' : '000000';
    const wrong = await login('kepala.banten', PW, wrongCode);
    expect(wrong.json().error.code).toBe('auth.totp_invalid');
    const [attempt] = await t.db.db
      .select()
      .from(loginAttempts)
      .where(and(eq(loginAttempts.username, 'kepala.banten'), eq(loginAttempts.kind, 'totp')));
    expect(attempt).toMatchObject({ ok: false });
    // The code that confirmed the enrolment is used up.
    expect((await login('kepala.banten', PW, codeAt(0))).json().error.code).toBe('auth.totp_invalid');
    // The next step's code (the phone's clock a little ahead) signs in, once.
    const next = codeAt(30);
    const ok = await login('kepala.banten', PW, next);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.totpEnabled).toBe(true);
    expect((await login('kepala.banten', PW, next)).json().error.code).toBe('auth.totp_invalid');
    expect(await lastAudit('auth.login')).toMatchObject({ actorLabel: 'kepala.banten', diff: { factors: 2 } });
  });

  it('keeps the secret encrypted at rest (AES-256-GCM under the totp key, bound to the account)', async () => {
    const [row] = await t.db.db.select({ stored: users.totpSecret }).from(users).where(eq(users.username, 'kepala.banten'));
    const stored = row!.stored!;
    expect(stored).toMatch(/^v1:[A-Za-z0-9+/]+=*$/);
    expect(stored).not.toContain(secret);
    expect(Buffer.from(stored.slice(3), 'base64').includes(Buffer.from(secret))).toBe(false);
    expect(Buffer.from(stored.slice(3), 'base64').includes(base32Decode(secret))).toBe(false);
    expect(decryptTotpSecret(t.app.secrets.totp, ids['kepala.banten']!, stored)).toBe(secret);
    // Copied onto another account, or read with another key, it does not open.
    expect(() => decryptTotpSecret(t.app.secrets.totp, ids['asisten.satu']!, stored)).toThrow();
    expect(() => decryptTotpSecret(Buffer.alloc(32, 7), ids['kepala.banten']!, stored)).toThrow();
    // A row written before encryption (bare base32) still reads.
    expect(decryptTotpSecret(t.app.secrets.totp, ids['kepala.banten']!, 'JBSWY3DPEHPK3PXP')).toBe('JBSWY3DPEHPK3PXP');
    // Two encryptions of one secret differ (a fresh IV each time).
    expect(encryptTotpSecret(t.app.secrets.totp, 'x', secret)).not.toBe(encryptTotpSecret(t.app.secrets.totp, 'x', secret));
  });

  it('is turned off by the owner (password and code) or by an admin (a lost phone)', async () => {
    // Free the steps used above, as if a minute had passed.
    await t.db.db.update(users).set({ totpLastStep: 0 }).where(eq(users.username, 'kepala.banten'));
    expect((await api('POST', '/auth/totp/disable', pimpinan, { password: 'salah-sekali', code: codeAt(0) })).statusCode).toBe(403);
    expect((await api('POST', '/auth/totp/disable', pimpinan, { password: PW, code: codeAt(0) })).statusCode).toBe(204);
    expect((await login('kepala.banten', PW)).statusCode).toBe(200);
    // On again, then reset by the admin.
    secret = (await api('POST', '/auth/totp/enrol', pimpinan, { password: PW })).json().secret;
    expect((await api('POST', '/auth/totp/confirm', pimpinan, { code: codeAt(0) })).statusCode).toBe(204);
    const reset = await api('POST', `/users/${ids['kepala.banten']}/reset-totp`, admin);
    expect(reset.statusCode).toBe(200);
    expect(reset.json().totpEnabled).toBe(false);
    expect(await lastAudit('user.totp_reset')).toMatchObject({ actorLabel: 'admin', subjectId: ids['kepala.banten'] });
    expect((await login('kepala.banten', PW)).statusCode).toBe(200);
    expect((await api('POST', `/users/${ids['kepala.banten']}/reset-totp`, admin)).json().error.code).toBe('auth.totp_not_enabled');
  });

  it('leaves a whole audit chain', async () => {
    expect((await verifyAudit(t.db.db)).ok).toBe(true);
  });
});
