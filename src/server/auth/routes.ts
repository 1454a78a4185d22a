// Sign-in, the signed-in user, sign-out. The session token lives only in the HttpOnly cookie
// (the database keeps its sha256); the readable CSRF cookie is echoed in `x-csrf-token` on writes.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LoginIn, Session } from '../../shared/wire/auth.ts';
import { NoContent } from '../../shared/wire/common.ts';
import { defineRoute } from '../http/route.ts';
import { AppError } from '../errors.ts';
import { toUser } from '../users/queries.ts';
import { normaliseUsername } from '../users/queries.ts';
import { CSRF_COOKIE, SESSION_COOKIE, hashToken } from './sessions.ts';
import { dummyHash, verifyPassword } from './passwords.ts';
import { endSession, findUserForLogin, loginBlockedMinutes, recordFailedLogin, startSession } from './queries.ts';

const tags = ['auth'];

/** Cookies are Secure when configured so or when the request came over https (directly or via a proxy). */
const isSecure = (app: FastifyInstance, req: FastifyRequest): boolean => !!app.config.secureCookies || req.protocol === 'https';

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
      const wait = await loginBlockedMinutes(db, username, ip, now);
      if (wait !== null) {
        reply.header('retry-after', String(wait * 60));
        throw new AppError('auth.rate_limited', { minutes: wait });
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
      const session = await db.transaction((tx) => startSession(tx, user, ip, now));
      setSessionCookies(app, req, reply, session);
      return { user: toUser(user) };
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
    async ({ auth }) => ({ user: toUser(auth.user()) }),
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
}
