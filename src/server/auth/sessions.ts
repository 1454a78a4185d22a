// DB-backed cookie sessions: a random 32-byte token lives only in the HttpOnly cookie; the
// database keeps sha256(token). A readable CSRF cookie is echoed back in `x-csrf-token` on writes.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import type { Queryable } from '../db/client.ts';
import type { Actor, Role } from './policy.ts';
import { sessions, users } from './schema.ts';

export const SESSION_COOKIE = 'pantau_session';
export const CSRF_COOKIE = 'pantau_csrf';
export const CSRF_HEADER = 'x-csrf-token';
/** Sessions last 12 hours: a working day in the field, then sign in again. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
export const newToken = (): string => randomBytes(32).toString('base64url');

export interface SessionLookup {
  actor: Actor;
  csrfToken: string;
  sessionId: string;
  /** The account must set a new password before anything else (after an admin's reset). */
  mustChangePassword: boolean;
}

/** The live session for a cookie token, or null (unknown, expired, or account deactivated). */
export async function resolveSession(db: Queryable, token: string, now = new Date()): Promise<SessionLookup | null> {
  const [row] = await db
    .select({
      sessionId: sessions.id,
      csrfToken: sessions.csrfToken,
      id: users.id,
      username: users.username,
      name: users.name,
      role: users.role,
      provinceCode: users.provinceCode,
      bodyId: users.bodyId,
      unitId: users.unitId,
      mustChangePassword: users.mustChangePassword,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, hashToken(token)), gt(sessions.expiresAt, now), eq(users.active, true)))
    .limit(1);
  if (!row) return null;
  return {
    sessionId: row.sessionId,
    csrfToken: row.csrfToken,
    mustChangePassword: row.mustChangePassword,
    actor: {
      id: row.id,
      username: row.username,
      name: row.name,
      role: row.role as Role,
      provinceCode: row.provinceCode,
      bodyId: row.bodyId,
      unitId: row.unitId,
    },
  };
}

/** Creates a session; returns the cookie token and the CSRF token. */
export async function createSession(
  db: Queryable,
  userId: string,
  now = new Date(),
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await db.insert(sessions).values({ id: hashToken(token), userId, csrfToken, createdAt: now, expiresAt });
  return { token, csrfToken, expiresAt };
}

export async function deleteSession(db: Queryable, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}
