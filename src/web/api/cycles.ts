/**
 * Cycle reads (`src/shared/wire/cycles.ts`): the list (a page, or every page) and one cycle with
 * its instruments and quotas. The only place that builds cycle query keys (the frozen scheme's
 * read is `cycle-scheme.ts`, the writes `cycles-writes.ts`, the locus and progress `locus.ts`).
 * The public start page reads published cycles here, so keep this module lean.
 */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Page } from '../../shared/wire/common.ts';
import type { CycleDetail, CycleStatus, CycleSummary } from '../../shared/wire/cycles.ts';
import { api, getAllPages } from '../lib/api.ts';

export interface CyclePage {
  page: number;
  pageSize: number;
}

export interface CycleFilter {
  /** Only cycles the public can read (a released current publication, national or of a province). */
  published?: boolean;
  status?: CycleStatus;
  /** Issue 12 §4: 'official' leaves out a government's own pre-assessments (internal cycles). */
  kind?: 'official' | 'internal';
}

export const cycleKeys = {
  all: ['cycles'] as const,
  page: (p: CyclePage) => ['cycles', 'page', p] as const,
  list: (f: CycleFilter) => ['cycles', 'list', f] as const,
  one: (cycleId: string) => ['cycles', 'one', cycleId] as const,
  scheme: (cycleId: string) => ['cycles', 'scheme', cycleId] as const,
};

/** One page of cycles, newest first (the admin's table). */
export function getCyclesPageQueryOptions(p: CyclePage) {
  return queryOptions({
    queryKey: cycleKeys.page(p),
    queryFn: ({ signal }) => api.get<Page<CycleSummary>>('/cycles', { query: { page: p.page, pageSize: p.pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

export const useCyclesPage = (p: CyclePage) => useQuery(getCyclesPageQueryOptions(p));

/** Every cycle the caller may read, newest first. */
export function getCyclesQueryOptions(f: CycleFilter = {}) {
  return queryOptions({
    queryKey: cycleKeys.list(f),
    queryFn: () => getAllPages<CycleSummary>('/cycles', { published: f.published, status: f.status, kind: f.kind }),
  });
}

export const useCycles = (f: CycleFilter = {}) => useQuery(getCyclesQueryOptions(f));

export function getCycleQueryOptions(cycleId: string) {
  return queryOptions({ queryKey: cycleKeys.one(cycleId), queryFn: () => api.get<CycleDetail>(`/cycles/${cycleId}`) });
}

export const useCycle = (cycleId: string) => useQuery(getCycleQueryOptions(cycleId));
