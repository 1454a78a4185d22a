/**
 * Follow-up actions and findings (issue 12, `src/shared/wire/actions.ts`, `findings.ts`): the
 * action board of a government or province (counts per status and timing), one action with its
 * updates and evidence, a unit's and a government's findings and follow-up products.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ActionDetail, ActionPage } from '../../shared/wire/actions.ts';
import type { FindingList, FollowupProduct } from '../../shared/wire/findings.ts';
import { API_BASE, api } from '../lib/api.ts';

/** Filters of `GET /actions` as query-string values (comma-separated lists for status and timing). */
export interface ActionFilter {
  provinceCode?: string;
  bodyId?: string;
  unitId?: string;
  status?: string;
  timing?: string;
  sourceKind?: string;
  findingId?: string;
  surveyId?: string;
  cycleId?: string;
  page?: number;
  pageSize?: number;
}

export const actionKeys = {
  all: ['actions'] as const,
  list: (f: ActionFilter) => ['actions', 'list', f] as const,
  detail: (actionId: string) => ['actions', 'detail', actionId] as const,
  unitFindings: (cycleId: string, unitId: string) => ['actions', 'findings', 'unit', cycleId, unitId] as const,
  bodyFindings: (cycleId: string, bodyId: string) => ['actions', 'findings', 'body', cycleId, bodyId] as const,
  products: (cycleId: string, bodyId: string) => ['actions', 'products', cycleId, bodyId] as const,
};

const qs = (f: ActionFilter): string => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
};

export const getActionsQueryOptions = (f: ActionFilter) =>
  queryOptions({ queryKey: actionKeys.list(f), queryFn: ({ signal }) => api.get<ActionPage>(`/actions${qs(f)}`, { signal }) });
export const useActions = (f: ActionFilter) => useQuery(getActionsQueryOptions(f));

export const getActionQueryOptions = (actionId: string) =>
  queryOptions({
    queryKey: actionKeys.detail(actionId),
    queryFn: ({ signal }) => api.get<ActionDetail>(`/actions/${actionId}`, { signal }),
  });
export const useAction = (actionId: string) => useQuery(getActionQueryOptions(actionId));

export const useUnitFindings = (cycleId: string, unitId: string) =>
  useQuery({
    queryKey: actionKeys.unitFindings(cycleId, unitId),
    queryFn: ({ signal }) => api.get<FindingList>(`/cycles/${cycleId}/units/${unitId}/findings`, { signal }),
  });
export const useBodyFindings = (cycleId: string, bodyId: string) =>
  useQuery({
    queryKey: actionKeys.bodyFindings(cycleId, bodyId),
    queryFn: ({ signal }) => api.get<FindingList>(`/cycles/${cycleId}/bodies/${bodyId}/findings`, { signal }),
  });
export const useFollowupProducts = (cycleId: string, bodyId: string) =>
  useQuery({
    queryKey: actionKeys.products(cycleId, bodyId),
    queryFn: ({ signal }) => api.get<{ items: FollowupProduct[] }>(`/cycles/${cycleId}/bodies/${bodyId}/followup-products`, { signal }),
  });

/** Download addresses (the browser sends the session cookie). */
export const actionEvidenceUrl = (actionId: string, fileId: string): string => `/api/v1/actions/${actionId}/evidence/${fileId}`;
export const productDocumentUrl = (productId: string): string => `/api/v1/followup-products/${productId}/document`;

/** The board as .xlsx with the same filters (`GET /actions.xlsx`; a plain download link). */
export function actionsXlsxUrl(f: Omit<ActionFilter, 'page' | 'pageSize'>, lang: 'id' | 'en'): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== '') p.set(k, String(v));
  p.set('lang', lang);
  return `${API_BASE}/actions.xlsx?${p.toString()}`;
}
