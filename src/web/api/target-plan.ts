/**
 * Issue 12 §6: a government's target plan (the points it needs for a rank and the cheapest
 * indicator fixes) and its what-if under another scheme of the family — reads of the scores
 * resource, in a module of their own so the public pages that read `scores.ts` do not carry them.
 */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { BodyWhatIf, TargetPlan, TargetPlanScope } from '../../shared/wire/scores.ts';
import { api } from '../lib/api.ts';
import { scoreKeys } from './scores.ts';

export interface TargetPlanAsk {
  scope: TargetPlanScope;
  rank: number;
  /** Comma-separated indicator codes that may be fixed (all when absent). */
  fixable?: string;
}

export const getTargetPlanQueryOptions = (cycleId: string, bodyId: string, q: TargetPlanAsk) =>
  queryOptions({
    queryKey: scoreKeys.targetPlan(cycleId, bodyId, q),
    queryFn: () =>
      api.get<TargetPlan>(`/cycles/${cycleId}/bodies/${bodyId}/target-plan`, {
        query: { scope: q.scope, rank: q.rank, ...(q.fixable ? { fixable: q.fixable } : {}) },
      }),
    placeholderData: keepPreviousData,
    retry: false,
  });

export const useTargetPlan = (cycleId: string, bodyId: string, q: TargetPlanAsk, enabled = true) =>
  useQuery({ ...getTargetPlanQueryOptions(cycleId, bodyId, q), enabled });

export const getBodyWhatIfQueryOptions = (cycleId: string, bodyId: string, scheme: string) =>
  queryOptions({
    queryKey: scoreKeys.bodyWhatIf(cycleId, bodyId, scheme),
    queryFn: () => api.get<BodyWhatIf>(`/cycles/${cycleId}/bodies/${bodyId}/what-if`, { query: { scheme } }),
    retry: false,
  });

export const useBodyWhatIf = (cycleId: string, bodyId: string, scheme: string, enabled = true) =>
  useQuery({ ...getBodyWhatIfQueryOptions(cycleId, bodyId, scheme), enabled });
