// Queries and links of the report, award and verification routes.
import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../lib/api.ts';
import type { Lang } from '../lib/format.ts';
import type { Job } from '../jobs/use-job.ts';
import type { AwardsResponse, VerifyResult } from './reports-types.ts';

/** Codes are checked as typed, without hyphens, spaces or case (the server does the same). */
export const normaliseCode = (code: string): string => code.replace(/[\s-]+/g, '').toUpperCase();

export const verifyQueryOptions = (code: string) =>
  queryOptions({
    queryKey: ['verify', normaliseCode(code)],
    queryFn: ({ signal }) => api.get<VerifyResult>(`/verify/${encodeURIComponent(normaliseCode(code))}`, { signal }),
    staleTime: 60_000,
  });

export function useVerify(code: string) {
  return useQuery({ ...verifyQueryOptions(code), enabled: normaliseCode(code).length > 0 });
}

export function useAwards(publicationId: string) {
  return useQuery({
    queryKey: ['awards', publicationId],
    queryFn: ({ signal }) => api.get<AwardsResponse>(`/publications/${publicationId}/awards`, { signal }),
  });
}

export function useStartReportPack(publicationId: string) {
  return useMutation({
    mutationFn: (body: { lang: Lang; units: boolean }) => api.post<Job>(`/publications/${publicationId}/report-pack`, body),
  });
}

export const piagamUrl = (piagamPath: string, lang: Lang = 'id'): string => `${piagamPath}?lang=${lang}`;
