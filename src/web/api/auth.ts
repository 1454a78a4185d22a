/**
 * The signed-in user: `GET /auth/session` → `{ user }`, null when nobody is signed in (200; a 401 is still read as null).
 * The last known user is kept on this device so an assessor who goes offline keeps their
 * workspace (drafts only; the server still checks every write). Sign-in and sign-out are in
 * `auth-writes.ts` (the shell reads the session on every page, public ones included).
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MaybeSession, User } from '../../shared/wire/auth.ts';
import { api, isApiError } from '../lib/api.ts';
import { isRole } from '../lib/roles.ts';

export const authKeys = {
  me: ['auth', 'me'] as const,
};

const LAST_USER_KEY = 'pantau.last-user';

export function rememberUser(user: User | null): void {
  try {
    if (user) localStorage.setItem(LAST_USER_KEY, JSON.stringify(user));
    else localStorage.removeItem(LAST_USER_KEY);
  } catch {
    // Storage blocked: offline fallback unavailable, nothing else changes.
  }
}

function lastUser(): User | null {
  try {
    const raw = localStorage.getItem(LAST_USER_KEY);
    const value: unknown = raw ? JSON.parse(raw) : null;
    if (value && typeof value === 'object' && isRole((value as User).role)) return value as User;
  } catch {
    // Corrupt entry: treat as unknown.
  }
  return null;
}

export async function getMe(): Promise<User | null> {
  try {
    // issue 16: /auth/session answers 200 { user: null } for an anonymous visitor (no 401 in the console).
    const { user } = await api.get<MaybeSession>('/auth/session');
    rememberUser(user);
    return user;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      rememberUser(null);
      return null;
    }
    if (isApiError(error) && error.code === 'network.offline') {
      const cached = lastUser();
      if (cached) return cached;
    }
    throw error;
  }
}

export function getMeQueryOptions() {
  return queryOptions({ queryKey: authKeys.me, queryFn: getMe, staleTime: 5 * 60_000, retry: false });
}

export function useMe() {
  return useQuery(getMeQueryOptions());
}
