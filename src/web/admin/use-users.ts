/**
 * Accounts API: list (filtered, paginated), create with role and scope, deactivate and
 * reactivate. No self sign-up; the server refuses to deactivate or demote oneself.
 */
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../lib/api.ts';
import type { Role } from '../lib/roles.ts';
import type { ActiveFilter, Page, UserRecord } from './admin-types.ts';

const usersKey = ['admin', 'users'] as const;

export interface UserFilter {
  page: number;
  pageSize: number;
  role?: Role | null;
  province?: string | null;
  q?: string;
  active?: ActiveFilter;
}

export function getUsersQueryOptions(f: UserFilter) {
  return queryOptions({
    queryKey: [...usersKey, f],
    queryFn: ({ signal }) =>
      api.get<Page<UserRecord>>('/users', {
        query: { page: f.page, pageSize: f.pageSize, role: f.role, province: f.province, q: f.q?.trim(), active: f.active },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export const useUsers = (f: UserFilter, enabled = true) => useQuery({ ...getUsersQueryOptions(f), enabled });

/** The fields of `POST /users`: the scope field matching the role, the others absent. */
export interface UserInput {
  username: string;
  name: string;
  password: string;
  role: Role;
  provinceCode?: string;
  bodyId?: string;
  unitId?: string;
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UserInput) => api.post<UserRecord>('/users', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useSetUserActive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, active }: { userId: string; active: boolean }) =>
      active ? api.patch<UserRecord>(`/users/${userId}`, { active: true }) : api.post<UserRecord>(`/users/${userId}/deactivate`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}
