/** `POST /auth/login {username, password}` → `{user}`; the server sets the session cookies. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../lib/api.ts';
import type { User } from '../lib/roles.ts';
import { meQueryKey, rememberUser } from './use-me.ts';

export interface LoginInput {
  username: string;
  password: string;
}

export async function login(input: LoginInput): Promise<User> {
  const { user } = await api.post<{ user: User }>('/auth/login', input);
  return user;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    meta: { skipSessionCheck: true },
    onSuccess: (user) => {
      rememberUser(user);
      queryClient.setQueryData(meQueryKey, user);
    },
  });
}
