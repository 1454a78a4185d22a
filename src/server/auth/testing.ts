// Test helpers (not used by the server): create accounts and sign in through the real API, then
// send the cookies and CSRF header the way the web app does.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/client.ts';
import type { UserIn, UserRecord } from '../../shared/wire/users.ts';
import { createUser } from '../users/queries.ts';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from './sessions.ts';

export async function addUser(db: Db, input: UserIn): Promise<UserRecord> {
  return db.transaction((tx) => createUser(tx, null, input));
}

export interface SignedIn {
  token: string;
  csrf: string;
  /** Headers for `app.inject`: both cookies and the CSRF echo. */
  headers: Record<string, string>;
}

/** Signs in through `POST /api/v1/auth/login`; throws unless it answers 200. */
export async function signIn(app: FastifyInstance, username: string, password: string): Promise<SignedIn> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  const token = res.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
  const csrf = res.cookies.find((c) => c.name === CSRF_COOKIE)!.value;
  return { token, csrf, headers: { cookie: `${SESSION_COOKIE}=${token}; ${CSRF_COOKIE}=${csrf}`, [CSRF_HEADER]: csrf } };
}
