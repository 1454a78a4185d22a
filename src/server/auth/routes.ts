// Sign-in, the signed-in user, sign-out. The session token lives only in the HttpOnly cookie
// (the database keeps its sha256); the readable CSRF cookie is echoed in `x-csrf-token` on writes.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { eq } from 'drizzle-orm';
import QRCode from 'qrcode';
import {
  LoginIn,
  MaybeSession,
  PasswordChangeIn,
  Session,
  TotpConfirmIn,
  TotpDisableIn,
  TotpEnrolIn,
  TotpEnrolment,
} from '../../shared/wire/auth.ts';
import { NoContent } from '../../shared/wire/common.ts';
import { defineRoute } from '../http/route.ts';
import { cookiesSecure } from '../http/security.ts';
import { AppError } from '../errors.ts';
import { toUser } from '../users/queries.ts';
import { normaliseUsername } from '../users/queries.ts';
import { CSRF_COOKIE, SESSION_COOKIE, hashToken } from './sessions.ts';
import { dummyHash, verifyPassword } from './passwords.ts';
import { endSession, findUserForLogin, loginDelaySeconds, recordFailedLogin, startSession } from './queries.ts';
import { changeOwnPassword, checkLoginTotp, confirmTotp, disableTotp, startTotpEnrolment } from './account.ts';
import { users } from './schema.ts';
import { withScopeNames } from './scope-names.ts';

const tags = ['auth'];

/** Routes a session that must change its password may still use (the rest answer 403). */
export const ALLOWED_DURING_PASSWORD_CHANGE = new Set([
  'GET /api/v1/auth/me',
  'GET /api/v1/auth/session',
  'POST /api/v1/auth/logout',
  'POST /api/v1/auth/password',
]);

/** Secure unless plain http on localhost (http/security.ts `cookiesSecure`). */
const isSecure = (app: FastifyInstance, req: FastifyRequest): boolean => cookiesSecure(app.config, req);

function setSessionCookies(
  app: FastifyInstance,
  req: FastifyRequest,
  reply: FastifyReply,
  s: { token: string; csrfToken: string; expiresAt: Date },
): void {
  const common = { path: '/', sameSite: 'lax' as const, secure: isSecure(app, req), expires: s.expiresAt };
  reply.setCookie(SESSION_COOKIE, s.token, { ...common, httpOnly: true });
  // Readable by the web app's script (double-submit CSRF token), so not HttpOnly.
  reply.setCookie(CSRF_COOKIE, s.csrfToken, { ...common, httpOnly: false });
}

function clearSessionCookies(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply): void {
  const common = { path: '/', sameSite: 'lax' as const, secure: isSecure(app, req) };
  reply.clearCookie(SESSION_COOKIE, { ...common, httpOnly: true });
  reply.clearCookie(CSRF_COOKIE, common);
}

export async function authRoutes(app: FastifyInstance): Promise<void> {
  defineRoute(
    app,
    {
      method: 'POST',
      url: '/auth/login',
      summary: 'Sign in with username and password; sets the session and CSRF cookies',
      tags,
      access: 'public',
      body: LoginIn,
      response: { 200: Session },
      // A failed attempt must be recorded even though the request fails, so this handler opens
      // its own transactions instead of the wrapper's one (which a throw would roll back).
      noTransaction: true,
    },
    async ({ db, body, req, reply }) => {
      const username = normaliseUsername(body.username);
      const ip = req.ip;
      const now = new Date();
      const wait = await loginDelaySeconds(db, username, ip, now);
      if (wait !== null) {
        reply.header('retry-after', String(wait));
        throw new AppError('auth.rate_limited', { seconds: wait });
      }
      const user = await findUserForLogin(db, username);
      // An unknown or deactivated account costs the same hash as a wrong password (no enumeration).
      let ok = false;
      if (user?.active) ok = await verifyPassword(user.passwordHash, body.password);
      else await verifyPassword(await dummyHash(), body.password);
      if (!ok || !user) {
        await db.transaction((tx) => recordFailedLogin(tx, { username, ip, user, now }));
        throw new AppError('auth.invalid_credentials');
      }
      // The second factor, when the account has one: asked for (401, nothing recorded) or checked.
      const totpRefusal = await db.transaction((tx) => checkLoginTotp(tx, user, body.totp, now, app.secrets.totp));
      if (totpRefusal === 'auth.totp_required') throw new AppError('auth.totp_required');
      if (totpRefusal) {
        await db.transaction((tx) => recordFailedLogin(tx, { username, ip, user, now, kind: 'totp' }));
        throw new AppError(totpRefusal);
      }
      const session = await db.transaction((tx) => startSession(tx, user, ip, now));
      setSessionCookies(app, req, reply, session);
      return { user: await withScopeNames(db, toUser(user)) };
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/auth/me',
      summary: 'The signed-in user (401 auth.session_expired when the session has ended)',
      tags,
      access: 'authenticated',
      response: { 200: Session },
    },
    async ({ tx, auth }) => {
      // Read afresh: a forced password change or the second factor may have changed since sign-in.
      const [row] = await tx.select().from(users).where(eq(users.id, auth.user().id)).limit(1);
      if (!row) throw new AppError('auth.required');
      return { user: await withScopeNames(tx, toUser(row)) };
    },
  );

  // issue 16: the session for the web shell — anonymous (or an ended session) is 200 { user: null }, not a 401 in the console.
  defineRoute(
    app,
    {
      method: 'GET',
      url: '/auth/session',
      summary: 'The signed-in user, or { user: null } when nobody is signed in (never 401)',
      tags,
      access: 'public',
      response: { 200: MaybeSession },
    },
    async ({ tx, auth }) => {
      if (!auth.actor) return { user: null };
      const [row] = await tx.select().from(users).where(eq(users.id, auth.actor.id)).limit(1);
      return { user: row ? await withScopeNames(tx, toUser(row)) : null };
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/auth/logout',
      summary: 'Sign out: ends the session and clears the cookies (204 even without a session)',
      tags,
      access: 'public',
      response: { 204: NoContent },
    },
    async ({ tx, auth, req, reply }) => {
      const token = req.cookies[SESSION_COOKIE];
      await endSession(tx, token ? hashToken(token) : null, auth.actor);
      clearSessionCookies(app, req, reply);
      reply.status(204);
      return null;
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/auth/password',
      summary:
        'Change the own password: the current one and a new one (≥ 12 characters, not common, breached or easy to guess, not containing the username). Clears a forced change after an admin reset; ends the account’s other sessions',
      tags,
      access: 'authenticated',
      body: PasswordChangeIn,
      response: { 204: NoContent },
    },
    async ({ tx, auth, body, req, reply }) => {
      const token = req.cookies[SESSION_COOKIE];
      await changeOwnPassword(tx, auth.user(), body, token ? hashToken(token) : null);
      reply.status(204);
      return null;
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/auth/totp/enrol',
      summary:
        'Start turning on two-step verification (admin and pimpinan): the current password in; a new secret and its otpauth:// URI (and QR code as an SVG data URL) out. Not in force until confirmed',
      tags,
      access: 'authenticated',
      body: TotpEnrolIn,
      response: { 200: TotpEnrolment },
    },
    async ({ tx, auth, body }) => {
      const e = await startTotpEnrolment(tx, auth.user(), body.password, app.secrets.totp);
      const qr = await QRCode.toString(e.uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
      return { ...e, qr: `data:image/svg+xml;base64,${Buffer.from(qr).toString('base64')}` };
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/auth/totp/confirm',
      summary: 'Turn two-step verification on with a first 6-digit code from the authenticator app',
      tags,
      access: 'authenticated',
      body: TotpConfirmIn,
      response: { 204: NoContent },
    },
    async ({ tx, auth, body, reply }) => {
      await confirmTotp(tx, auth.user(), body.code, app.secrets.totp);
      reply.status(204);
      return null;
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/auth/totp/disable',
      summary: 'Turn two-step verification off: the current password and a current code',
      tags,
      access: 'authenticated',
      body: TotpDisableIn,
      response: { 204: NoContent },
    },
    async ({ tx, auth, body, reply }) => {
      await disableTotp(tx, auth.user(), body, app.secrets.totp);
      reply.status(204);
      return null;
    },
  );
}
