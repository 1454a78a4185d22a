/**
 * Sign-in (`POST /auth/login` → `{ user }`; the server sets the session cookies) and sign-out
 * (`POST /auth/logout` → 204). Apart from `auth.ts` so a public first visit, which only reads
 * the session, does not download mutation code.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  LoginIn,
  PasswordChangeIn,
  Session,
  TotpConfirmIn,
  TotpDisableIn,
  TotpEnrolIn,
  TotpEnrolment,
  User,
} from '../../shared/wire/auth.ts';
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

// issue 15: the own account — password change (also the forced one after an admin's reset) and
// the second factor (TOTP). Each refetches the signed-in user (`mustChangePassword`, `totpEnabled`).

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PasswordChangeIn) => api.post<void>('/auth/password', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.me }),
  });
}

/** Starts an enrolment: the secret, its otpauth:// URI and a QR code (SVG data URL) from the server. */
export function useStartTotp() {
  return useMutation({ mutationFn: (input: TotpEnrolIn) => api.post<TotpEnrolment>('/auth/totp/enrol', input) });
}

export function useConfirmTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TotpConfirmIn) => api.post<void>('/auth/totp/confirm', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.me }),
  });
}

export function useDisableTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TotpDisableIn) => api.post<void>('/auth/totp/disable', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.me }),
  });
}
