// Direct-insert fixtures for tests and benchmarks: bodies, units, accounts and signed-in sessions
// without going through the API (or argon2: these accounts cannot sign in with a password).
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/client.ts';
import type { Role } from '../auth/policy.ts';
import { users } from '../auth/schema.ts';
import { CSRF_COOKIE, SESSION_COOKIE, createSession } from '../auth/sessions.ts';
import { bodies, units } from '../registry/schema.ts';

export interface FixtureBody {
  id: string;
  code: string;
  name: string;
  type: string;
  provinceCode: string | null;
}

export async function insertBody(db: Queryable, b: Omit<FixtureBody, 'id'>): Promise<FixtureBody> {
  const [row] = await db.insert(bodies).values(b).returning();
  return { id: row!.id, code: row!.code, name: row!.name, type: row!.type, provinceCode: row!.provinceCode };
}

export async function insertUnit(
  db: Queryable,
  bodyId: string,
  name: string,
  sector: string,
): Promise<{ id: string; bodyId: string; name: string; sector: string }> {
  const [row] = await db.insert(units).values({ bodyId, name, sector }).returning();
  return { id: row!.id, bodyId, name, sector };
}

export interface FixtureUser {
  id: string;
  username: string;
  role: Role;
}

export async function insertUser(
  db: Queryable,
  role: Role,
  scope: { provinceCode?: string | null; bodyId?: string | null; unitId?: string | null } = {},
  username = `${role}-${randomUUID().slice(0, 8)}`,
): Promise<FixtureUser> {
  const [row] = await db
    .insert(users)
    .values({
      username,
      name: username,
      // Not an argon2 hash: fixture accounts sign in through createSession only.
      passwordHash: '!fixture',
      role,
      provinceCode: scope.provinceCode ?? null,
      bodyId: scope.bodyId ?? null,
      unitId: scope.unitId ?? null,
    })
    .returning();
  return { id: row!.id, username, role };
}

/** Headers of a signed-in request: session cookie, CSRF cookie and the echoed CSRF header. */
export interface SessionHeaders {
  cookie: string;
  'x-csrf-token': string;
  [name: string]: string;
}

export async function sessionHeaders(db: Queryable, userId: string): Promise<SessionHeaders> {
  const { token, csrfToken } = await createSession(db, userId);
  return { cookie: `${SESSION_COOKIE}=${token}; ${CSRF_COOKIE}=${csrfToken}`, 'x-csrf-token': csrfToken };
}
