// Sign-in bookkeeping: login attempts (for throttling), the account lookup for a login, and the
// audited writes of signing in, failing to (password or second factor), and signing out.
//
// Throttling by growing delays, never a lockout (issue 15 D9): after a few failures the next
// attempt must wait, the wait doubling with each further failure up to a small cap — so an
// attacker gets a handful of guesses a minute, and the right password is kept out for at most the
// cap, however long the attack goes on. Three counters, each within a sliding 15-minute window:
//  - per username, failures since its last success: 3 free, then 1 s, 2 s, 4 s … at most 30 s;
//  - per client address, failures for any username: 10 free, then 1 s … at most 30 s (an office
//    behind one NAT address waits at most half a minute, not a quarter of an hour);
//  - per username, wrong second-factor codes after the right password: 3 free, then 2 s … at most
//    5 min (only someone who already holds the password meets it; 6-digit codes need that).
// A throttled attempt is answered 429 with Retry-After and not recorded, so waiting always ends it.
import { and, desc, eq, gt, lt } from 'drizzle-orm';
import { type AuditActor, appendAudit } from '../audit/queries.ts';
import type { Queryable, Tx } from '../db/client.ts';
import { loginAttempts, sessions, users } from './schema.ts';
import { createSession } from './sessions.ts';

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
/** Attempts older than this are purged (they no longer count for anything). */
const KEEP_ATTEMPTS_MS = 24 * 60 * 60 * 1000;

interface Rule {
  /** Failures before any delay. */
  free: number;
  /** Delay after the first failure past `free`, doubling with each further one. */
  baseS: number;
  capS: number;
}

export const THROTTLE = {
  username: { free: 3, baseS: 1, capS: 30 },
  address: { free: 10, baseS: 1, capS: 30 },
  totp: { free: 3, baseS: 2, capS: 300 },
} as const satisfies Record<string, Rule>;

/** Seconds to wait after `failures` failures, the last at `last`, under `rule` (0: none). */
export function delaySeconds(rule: Rule, failures: number, last: Date | undefined, now: Date): number {
  if (!last || failures < rule.free) return 0;
  const delay = Math.min(rule.capS, rule.baseS * 2 ** (failures - rule.free));
  return Math.max(0, (last.getTime() + delay * 1000 - now.getTime()) / 1000);
}

/**
 * Seconds until the next attempt for this username from this address may be made (rounded up), or
 * null when it may be made now.
 */
export async function loginDelaySeconds(db: Queryable, username: string, ip: string, now = new Date()): Promise<number | null> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const byUser = await db
    .select({ ok: loginAttempts.ok, kind: loginAttempts.kind, at: loginAttempts.at })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.username, username), gt(loginAttempts.at, since)))
    .orderBy(desc(loginAttempts.at))
    .limit(100);
  const passwordFailures: Date[] = [];
  const totpFailures: Date[] = [];
  for (const a of byUser) {
    if (a.ok) break; // a success resets the username's counts
    (a.kind === 'totp' ? totpFailures : passwordFailures).push(a.at);
  }
  const byIp = await db
    .select({ at: loginAttempts.at })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.ip, ip), eq(loginAttempts.ok, false), gt(loginAttempts.at, since)))
    .orderBy(desc(loginAttempts.at))
    .limit(100);
  const wait = Math.max(
    delaySeconds(THROTTLE.username, passwordFailures.length, passwordFailures[0], now),
    delaySeconds(THROTTLE.totp, totpFailures.length, totpFailures[0], now),
    delaySeconds(THROTTLE.address, byIp.length, byIp[0]?.at, now),
  );
  return wait > 0 ? Math.ceil(wait) : null;
}

export async function recordLoginAttempt(
  db: Queryable,
  username: string,
  ip: string,
  ok: boolean,
  now = new Date(),
  kind: 'password' | 'totp' = 'password',
): Promise<void> {
  await db.insert(loginAttempts).values({ username, ip, ok, kind, at: now });
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

/**
 * A failed sign-in — a wrong password, or a wrong second-factor code after the right password
 * (`kind: 'totp'`, throttled on its own counter): the attempt (it counts towards the delays) and
 * its audit event.
 */
export async function recordFailedLogin(
  tx: Tx,
  input: {
    username: string;
    ip: string;
    user: { id: string; provinceCode: string | null } | undefined;
    now: Date;
    kind?: 'password' | 'totp';
  },
): Promise<void> {
  const kind = input.kind ?? 'password';
  await recordLoginAttempt(tx, input.username, input.ip, false, input.now, kind);
  await appendAudit(tx, {
    actor: { id: null, username: 'public' },
    action: 'auth.login_failed',
    subjectType: 'user',
    subjectId: input.user?.id ?? null,
    provinceCode: input.user?.provinceCode ?? null,
    diff: kind === 'totp' ? { username: input.username, ip: input.ip, factor: 'totp' } : { username: input.username, ip: input.ip },
    at: input.now,
  });
}

/** A successful sign-in: the attempt, the account's expired sessions purged, a new session, audited. */
export async function startSession(
  tx: Tx,
  user: { id: string; username: string; provinceCode: string | null; totpEnabledAt?: Date | null },
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
    diff: user.totpEnabledAt ? { ip, factors: 2 } : { ip },
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
