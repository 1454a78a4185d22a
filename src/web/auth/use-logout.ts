/** `POST /auth/logout` → 204. Afterwards nothing of the previous user stays in the cache. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../lib/api.ts';
import { meQueryKey, rememberUser } from './use-me.ts';

export async function logout(): Promise<void> {
  await api.post<void>('/auth/logout');
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    meta: { skipSessionCheck: true },
    onSettled: () => {
      rememberUser(null);
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}
