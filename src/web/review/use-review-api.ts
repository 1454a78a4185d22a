/**
 * The reviewer's reads: cycles, a cycle's progress per body and unit, its frozen scheme, a unit's
 * records, evidence and score breakdown, a body's result with ranks. Query options + hooks; the
 * only place that builds these keys. Mutations live in use-review-actions.ts.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { BandRef, Scheme, Text, UnitScore } from '../../core/types.ts';
import { api } from '../lib/api.ts';

export type CycleStatus = 'planning' | 'fieldwork' | 'review' | 'final';
export type UnitStatus = 'pending' | 'submitted' | 'approved' | 'returned';

export interface CycleSummary {
  id: string;
  name: string;
  year: number;
  schemeId: string;
  status: CycleStatus;
  provinceCode: string | null;
  source: 'computed' | 'imported';
  schemeTitle: Text;
  bodies: number;
  units: number;
}

export interface InstrumentQuota {
  code: string;
  title: Text;
  respondent: Text;
  target: number;
  min: number;
}

export interface ResultRef {
  score: number;
  bandCode: string;
  complete: boolean;
}

export interface UnitProgress {
  unitId: string;
  name: string;
  sector: string;
  status: UnitStatus;
  assessor: { id: string; name: string; username: string } | null;
  dueDate: string | null;
  instruments: { code: string; done: number; target: number; min: number; complete: boolean }[];
  done: number;
  target: number;
  complete: boolean;
  result: ResultRef | null;
}

export interface BodyProgress {
  bodyId: string;
  code: string;
  name: string;
  type: string;
  provinceCode: string | null;
  status: 'open' | 'final';
  units: UnitProgress[];
  done: number;
  target: number;
  unitsComplete: number;
  unitsApproved: number;
  result: ResultRef | null;
}

export interface CycleProgress {
  bodies: BodyProgress[];
  instruments: InstrumentQuota[];
}

export interface ReviewRecord {
  id: string;
  instrument: string;
  respondent: string | null;
  answers: Record<string, number | null>;
  remarks: Record<string, string>;
  notes: string | null;
  capturedAt: string;
  status: 'submitted' | 'approved' | 'returned';
  review: Record<string, string>;
}

export interface ReviewEvidence {
  id: string;
  mime: string;
  size: number;
  recordId: string | null;
  indicator: string | null;
  filename: string;
  kind: string | null;
  createdAt: string;
}

export interface UnitResultView {
  cycle: { id: string; name: string; year: number; schemeId: string };
  body: { id: string; code: string; name: string; type: string; provinceCode: string | null };
  unit: { id: string; name: string; sector: string };
  status: string;
  result: UnitScore | null;
}

export interface RankPlace {
  group: string;
  rank: number;
  of: number;
  previousRank: number | null;
  movement: number | null;
}

export interface BodyResultView {
  cycle: { id: string; name: string; year: number; status: string };
  body: { id: string; code: string; name: string; type: string; provinceCode: string | null };
  status: 'open' | 'final';
  result: { score: number; band: BandRef; complete: boolean; units: number } | null;
  ranks: { nationalType: RankPlace | null; province: RankPlace | null };
}

interface Page<T> {
  items: T[];
  total: number;
}

async function allPages<T, R extends Page<T>>(path: string, extra: Record<string, string> = {}): Promise<{ items: T[]; first: R | null }> {
  const items: T[] = [];
  let first: R | null = null;
  for (let page = 1; ; page++) {
    const reply = await api.get<R>(path, { query: { ...extra, page, pageSize: 200 } });
    first ??= reply;
    items.push(...reply.items);
    if (items.length >= reply.total || reply.items.length === 0) return { items, first };
  }
}

export const reviewKeys = {
  cycles: ['review', 'cycles'] as const,
  progress: (cycleId: string) => ['review', 'cycles', cycleId, 'progress'] as const,
  scheme: (cycleId: string) => ['review', 'cycles', cycleId, 'scheme'] as const,
  unit: (cycleId: string, unitId: string) => ['review', 'cycles', cycleId, 'units', unitId] as const,
  body: (cycleId: string, bodyId: string) => ['review', 'cycles', cycleId, 'bodies', bodyId] as const,
};

export function getCyclesQueryOptions() {
  return queryOptions({
    queryKey: reviewKeys.cycles,
    queryFn: async () => (await allPages<CycleSummary, Page<CycleSummary>>('/cycles')).items,
  });
}

export function getProgressQueryOptions(cycleId: string) {
  return queryOptions({
    queryKey: reviewKeys.progress(cycleId),
    queryFn: async (): Promise<CycleProgress> => {
      const { items, first } = await allPages<BodyProgress, Page<BodyProgress> & { instruments: InstrumentQuota[] }>(
        `/cycles/${cycleId}/progress`,
      );
      return { bodies: items, instruments: first?.instruments ?? [] };
    },
  });
}

export function getReviewSchemeQueryOptions(cycleId: string) {
  return queryOptions({
    queryKey: reviewKeys.scheme(cycleId),
    queryFn: async () => (await api.get<{ scheme: Scheme }>(`/cycles/${cycleId}/scheme`)).scheme,
    staleTime: Infinity,
  });
}

export function getUnitReviewQueryOptions(cycleId: string, unitId: string) {
  const base = `/cycles/${cycleId}/units/${unitId}`;
  return queryOptions({
    queryKey: reviewKeys.unit(cycleId, unitId),
    queryFn: async () => {
      const [result, records, evidence] = await Promise.all([
        api.get<UnitResultView>(`${base}/result`),
        allPages<ReviewRecord, Page<ReviewRecord>>(`${base}/records`),
        allPages<ReviewEvidence, Page<ReviewEvidence>>(`${base}/evidence`),
      ]);
      return { ...result, records: records.items, evidence: evidence.items };
    },
  });
}

export function getBodyResultQueryOptions(cycleId: string, bodyId: string) {
  return queryOptions({
    queryKey: reviewKeys.body(cycleId, bodyId),
    queryFn: () => api.get<BodyResultView>(`/cycles/${cycleId}/bodies/${bodyId}/result`),
  });
}

export const useCycles = () => useQuery(getCyclesQueryOptions());
export const useProgress = (cycleId: string) => useQuery(getProgressQueryOptions(cycleId));
export const useReviewScheme = (cycleId: string) => useQuery(getReviewSchemeQueryOptions(cycleId));
export const useUnitReview = (cycleId: string, unitId: string) => useQuery(getUnitReviewQueryOptions(cycleId, unitId));
export const useBodyResult = (cycleId: string, bodyId: string, enabled = true) =>
  useQuery({ ...getBodyResultQueryOptions(cycleId, bodyId), enabled });

/** Cycles a reviewer works in (fieldwork or review), newest first. */
export const openCycles = (cycles: CycleSummary[]) => cycles.filter((c) => c.status === 'fieldwork' || c.status === 'review');
