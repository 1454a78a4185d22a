/**
 * Sign-in (`POST /auth/login` → `{ user }`; the server sets the session cookies) and sign-out
 * (`POST /auth/logout` → 204). Apart from `auth.ts` so a public first visit, which only reads
 * the session, does not download mutation code.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoginIn, Session, User } from '../../shared/wire/auth.ts';
import { api } from '../lib/api.ts';
import { authKeys, rememberUser } from './auth.ts';

export async function login(input: LoginIn): Promise<User> {
  const { user } = await api.post<Session>('/auth/login', input);
  return user;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    meta: { skipSessionCheck: true },
    onSuccess: (user) => {
      rememberUser(user);
      queryClient.setQueryData(authKeys.me, user);
    },
  });
}

export async function logout(): Promise<void> {
  await api.post<void>('/auth/logout');
}

/** Afterwards nothing of the previous user stays in the cache: every query is dropped, not refetched. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    meta: { skipSessionCheck: true },
    onSettled: () => {
      rememberUser(null);
      queryClient.clear();
      queryClient.setQueryData(authKeys.me, null);
    },
  });
}
