/**
 * Awards and certificates (`src/shared/wire/awards.ts`): a publication's award lists with each
 * certificate's code, the public verification of a code, and the piagam PDF's address.
 * Public pages read these (no login).
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Awards, Verification } from '../../shared/wire/awards.ts';
import type { Lang } from '../../shared/wire/common.ts';
import { api } from '../lib/api.ts';

/** Codes are checked as typed, without hyphens, spaces or case (the server does the same). */
export const normaliseCode = (code: string): string => code.replace(/[\s-]+/g, '').toUpperCase();

export const awardKeys = {
  all: ['awards'] as const,
  publication: (publicationId: string) => ['awards', 'publication', publicationId] as const,
  verify: (code: string) => ['awards', 'verify', normaliseCode(code)] as const,
};

export const getAwardsQueryOptions = (publicationId: string) =>
  queryOptions({
    queryKey: awardKeys.publication(publicationId),
    queryFn: ({ signal }) => api.get<Awards>(`/publications/${publicationId}/awards`, { signal }),
  });

export const useAwards = (publicationId: string) => useQuery(getAwardsQueryOptions(publicationId));

export const getVerificationQueryOptions = (code: string) =>
  queryOptions({
    queryKey: awardKeys.verify(code),
    queryFn: ({ signal }) => api.get<Verification>(`/verify/${encodeURIComponent(normaliseCode(code))}`, { signal }),
    staleTime: 60_000,
  });

export const useVerification = (code: string) =>
  useQuery({ ...getVerificationQueryOptions(code), enabled: normaliseCode(code).length > 0 });

/** A certificate's PDF in a language (`piagamPath` is the award's `piagamUrl`). */
export const piagamUrl = (piagamPath: string, lang: Lang = 'id'): string => `${piagamPath}?lang=${lang}`;
