// Sign-in bookkeeping: login attempts (for rate limiting), the account lookup for a login, and
// the audited writes of signing in, failing to, and signing out.
// Limits: 5 failures per username (since its last success) and 30 per client address, both
// within a sliding 15-minute window. A blocked attempt is not recorded, so waiting always ends it.
import { and, desc, eq, gt, lt } from 'drizzle-orm';
import { type AuditActor, appendAudit } from '../audit/queries.ts';
import type { Queryable, Tx } from '../db/client.ts';
import { loginAttempts, sessions, users } from './schema.ts';
import { createSession } from './sessions.ts';

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_USERNAME = 5;
export const MAX_FAILURES_PER_IP = 30;
/** Attempts older than this are purged (they no longer count for anything). */
const KEEP_ATTEMPTS_MS = 24 * 60 * 60 * 1000;

/**
 * Minutes until the next attempt may be made, or null when not blocked. The block lifts when the
 * oldest of the last N failures leaves the window.
 */
export async function loginBlockedMinutes(db: Queryable, username: string, ip: string, now = new Date()): Promise<number | null> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const byUser = await db
    .select({ ok: loginAttempts.ok, at: loginAttempts.at })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.username, username), gt(loginAttempts.at, since)))
    .orderBy(desc(loginAttempts.at))
    .limit(MAX_FAILURES_PER_USERNAME + 50);
  const userFailures: Date[] = [];
  for (const a of byUser) {
    if (a.ok) break; // a success resets the username's count
    userFailures.push(a.at);
  }
  const byIp = await db
    .select({ at: loginAttempts.at })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.ip, ip), eq(loginAttempts.ok, false), gt(loginAttempts.at, since)))
    .orderBy(desc(loginAttempts.at))
    .limit(MAX_FAILURES_PER_IP);
  const until = [
    userFailures.length >= MAX_FAILURES_PER_USERNAME ? userFailures[MAX_FAILURES_PER_USERNAME - 1]! : null,
    byIp.length >= MAX_FAILURES_PER_IP ? byIp[MAX_FAILURES_PER_IP - 1]!.at : null,
  ]
    .filter((d): d is Date => d !== null)
    .map((d) => d.getTime() + LOGIN_WINDOW_MS);
  if (until.length === 0) return null;
  return Math.max(1, Math.ceil((Math.max(...until) - now.getTime()) / 60_000));
}

export async function recordLoginAttempt(db: Queryable, username: string, ip: string, ok: boolean, now = new Date()): Promise<void> {
  await db.insert(loginAttempts).values({ username, ip, ok, at: now });
  if (ok) await db.delete(loginAttempts).where(lt(loginAttempts.at, new Date(now.getTime() - KEEP_ATTEMPTS_MS)));
}

export async function findUserForLogin(db: Queryable, username: string) {
  const [row] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  return row;
}

/** Drops the account's expired sessions (housekeeping at each sign-in). */
export async function purgeExpiredSessions(db: Queryable, userId: string, now = new Date()): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, now)));
}

/** Deletes the session of a cookie token; returns its account id when there was one. */
export async function deleteSessionById(db: Queryable, sessionId: string): Promise<string | null> {
  const [row] = await db.delete(sessions).where(eq(sessions.id, sessionId)).returning({ userId: sessions.userId });
  return row?.userId ?? null;
}

/** A failed sign-in: the attempt (it counts towards the limits) and its audit event. */
export async function recordFailedLogin(
  tx: Tx,
  input: { username: string; ip: string; user: { id: string; provinceCode: string | null } | undefined; now: Date },
): Promise<void> {
  await recordLoginAttempt(tx, input.username, input.ip, false, input.now);
  await appendAudit(tx, {
    actor: { id: null, username: 'public' },
    action: 'auth.login_failed',
    subjectType: 'user',
    subjectId: input.user?.id ?? null,
    provinceCode: input.user?.provinceCode ?? null,
    diff: { username: input.username, ip: input.ip },
    at: input.now,
  });
}

/** A successful sign-in: the attempt, the account's expired sessions purged, a new session, audited. */
export async function startSession(
  tx: Tx,
  user: { id: string; username: string; provinceCode: string | null },
  ip: string,
  now: Date,
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  await recordLoginAttempt(tx, user.username, ip, true, now);
  await purgeExpiredSessions(tx, user.id, now);
  const session = await createSession(tx, user.id, now);
  await appendAudit(tx, {
    actor: user,
    action: 'auth.login',
    subjectType: 'user',
    subjectId: user.id,
    provinceCode: user.provinceCode,
    diff: { ip },
    at: now,
  });
  return session;
}

/**
 * Sign-out: deletes the cookie's session (if any). Audited when a session ended and the caller
 * was signed in (a stale cookie or an anonymous call changes nothing worth recording).
 */
export async function endSession(
  tx: Tx,
  sessionId: string | null,
  actor: (NonNullable<AuditActor> & { id: string; provinceCode: string | null }) | null,
): Promise<void> {
  const userId = sessionId ? await deleteSessionById(tx, sessionId) : null;
  if (!userId || !actor) return;
  await appendAudit(tx, {
    actor,
    action: 'auth.logout',
    subjectType: 'user',
    subjectId: actor.id,
    provinceCode: actor.provinceCode,
    diff: {},
  });
}
