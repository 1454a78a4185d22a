/**
 * Account writes: create with role and scope, deactivate and reactivate. No self sign-up; the
 * server refuses to deactivate or demote oneself. Every write refetches the lists (`userKeys.all`).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PasswordReset, UserIn, UserPatchIn, UserRecord } from '../../shared/wire/users.ts';
import { api } from '../lib/api.ts';
import { userKeys } from './users.ts';

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UserIn) => api.post<UserRecord>('/users', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export function useSetUserActive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, active }: { userId: string; active: boolean }) =>
      active ? api.patch<UserRecord>(`/users/${userId}`, { active: true }) : api.post<UserRecord>(`/users/${userId}/deactivate`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

// issue 15: editing an account, resetting its password (a one-time password, shown once) and its
// second factor.

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, patch }: { userId: string; patch: UserPatchIn }) => api.patch<UserRecord>(`/users/${userId}`, patch),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api.post<PasswordReset>(`/users/${userId}/reset-password`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export function useResetTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api.post<UserRecord>(`/users/${userId}/reset-totp`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
