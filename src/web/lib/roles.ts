/**
 * Where each role starts, and the return-to path after login (the `User` shape and the roles
 * are the wire contract: src/shared/wire/auth.ts).
 * Authorisation is the server's job; the UI only chooses what to show.
 */
import type { Role } from '../../shared/wire/auth.ts';

/** The first screen of each role after login. */
export const ROLE_HOME: Record<Role, string> = {
  admin: '/admin',
  pimpinan: '/review',
  asisten: '/assess',
  koordinator: '/pemda',
  operator: '/unit',
  evaluator: '/pekppp', // issue 10
  penilai: '/assignments/mine', // issue 12 §4: the pemda's internal assessor fills its assigned sheets
};

/** Every role has a home (the record's type says so), so this is also the list of roles. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && Object.hasOwn(ROLE_HOME, value);
}

/**
 * A return-to path is only followed when it stays on this site: it must start with a single
 * "/" (not "//host" or "/\host", which browsers treat as another origin).
 */
export function safeRedirect(value: unknown): string | null {
  if (typeof value !== 'string' || !value.startsWith('/')) return null;
  if (value.startsWith('//') || value.startsWith('/\\')) return null;
  if (value.startsWith('/login')) return null;
  return value;
}
