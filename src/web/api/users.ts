/** Accounts (`src/shared/wire/users.ts`): the filtered, paginated list. The writes are in `users-writes.ts`. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Role } from '../../shared/wire/auth.ts';
import type { Page } from '../../shared/wire/common.ts';
import type { ActiveFilter } from '../../shared/wire/registry.ts';
import type { UserRecord } from '../../shared/wire/users.ts';
import { api } from '../lib/api.ts';

export interface UserFilter {
  page: number;
  pageSize: number;
  role?: Role | null;
  province?: string | null;
  q?: string;
  active?: ActiveFilter;
}

export const userKeys = {
  all: ['users'] as const,
  list: (f: UserFilter) => ['users', 'list', f] as const,
};

export function getUsersQueryOptions(f: UserFilter) {
  return queryOptions({
    queryKey: userKeys.list(f),
    queryFn: ({ signal }) =>
      api.get<Page<UserRecord>>('/users', {
        query: { page: f.page, pageSize: f.pageSize, role: f.role, province: f.province, q: f.q?.trim(), active: f.active },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export const useUsers = (f: UserFilter, enabled = true) => useQuery({ ...getUsersQueryOptions(f), enabled });
