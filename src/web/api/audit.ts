/** The audit log (`src/shared/wire/audit.ts`): newest first, filtered and paginated (admin: all; pimpinan: own province). */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { AuditEvent } from '../../shared/wire/audit.ts';
import type { Page } from '../../shared/wire/common.ts';
import { api } from '../lib/api.ts';

export interface AuditFilter {
  page: number;
  pageSize: number;
  /** An action, or a prefix ending in "." ("user."). */
  action?: string;
  subjectType?: string;
  province?: string | null;
  /** Calendar dates (YYYY-MM-DD), inclusive, in the browser's time zone. */
  from?: string;
  to?: string;
}

export const auditKeys = {
  all: ['audit'] as const,
  list: (f: AuditFilter) => ['audit', 'list', f] as const,
};

/** "2024-12-04" → the start (or end) of that local day as an ISO instant with offset. */
export function dayBoundary(date: string, end: boolean): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const d = end
    ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 23, 59, 59, 999)
    : new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return d.toISOString();
}

export function getAuditQueryOptions(f: AuditFilter) {
  return queryOptions({
    queryKey: auditKeys.list(f),
    queryFn: ({ signal }) =>
      api.get<Page<AuditEvent>>('/audit', {
        query: {
          page: f.page,
          pageSize: f.pageSize,
          action: f.action?.trim(),
          subjectType: f.subjectType?.trim(),
          province: f.province,
          from: f.from ? dayBoundary(f.from, false) : undefined,
          to: f.to ? dayBoundary(f.to, true) : undefined,
        },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export const useAudit = (f: AuditFilter) => useQuery(getAuditQueryOptions(f));
