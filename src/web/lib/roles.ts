/**
 * Who is signed in: the `user` object of the auth contract and where each role starts.
 * Authorisation is the server's job; the UI only chooses what to show.
 */
export type Role = 'admin' | 'pimpinan' | 'asisten' | 'koordinator' | 'operator';

export const ROLES: readonly Role[] = ['admin', 'pimpinan', 'asisten', 'koordinator', 'operator'];

export interface User {
  id: string;
  username: string;
  name: string;
  role: Role;
  provinceCode: string | null;
  bodyId: string | null;
  unitId: string | null;
}

/** The first screen of each role after login. */
export const ROLE_HOME: Record<Role, string> = {
  admin: '/admin',
  pimpinan: '/review',
  asisten: '/assess',
  koordinator: '/pemda',
  operator: '/unit',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
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
