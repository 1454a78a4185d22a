/**
 * Recognition (issue 18, `src/shared/wire/recognition.ts`): a publication's unit awards, its
 * hand-over (date and place of the award night), a government's facts box (public once
 * released) and its press-release draft (its koordinator and the Perwakilan), and the download
 * addresses of the release (.txt, .docx) and of unit piagam.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Lang } from '../../shared/wire/common.ts';
import type { Handover, Release, ReleaseFacts, UnitAwards } from '../../shared/wire/recognition.ts';
import { api } from '../lib/api.ts';

export const recognitionKeys = {
  all: ['recognition'] as const,
  unitAwards: (publicationId: string) => ['recognition', 'unit-awards', publicationId] as const,
  handover: (publicationId: string) => ['recognition', 'handover', publicationId] as const,
  facts: (publicationId: string, bodyId: string, lang: Lang) => ['recognition', 'facts', publicationId, bodyId, lang] as const,
  release: (publicationId: string, bodyId: string, lang: Lang) => ['recognition', 'release', publicationId, bodyId, lang] as const,
};

export const getUnitAwardsQueryOptions = (publicationId: string) =>
  queryOptions({
    queryKey: recognitionKeys.unitAwards(publicationId),
    queryFn: ({ signal }) => api.get<UnitAwards>(`/publications/${publicationId}/unit-awards`, { signal }),
  });
export const useUnitAwards = (publicationId: string) => useQuery(getUnitAwardsQueryOptions(publicationId));

export const useHandover = (publicationId: string) =>
  useQuery({
    queryKey: recognitionKeys.handover(publicationId),
    queryFn: ({ signal }) => api.get<Handover>(`/publications/${publicationId}/handover`, { signal }),
  });

export const useFacts = (publicationId: string | undefined, bodyId: string | undefined, lang: Lang) =>
  useQuery({
    queryKey: recognitionKeys.facts(publicationId ?? '', bodyId ?? '', lang),
    queryFn: ({ signal }) => api.get<ReleaseFacts>(`/publications/${publicationId}/bodies/${bodyId}/facts?lang=${lang}`, { signal }),
    enabled: publicationId !== undefined && bodyId !== undefined,
    retry: false,
  });

export const useRelease = (publicationId: string, bodyId: string | null, lang: Lang) =>
  useQuery({
    queryKey: recognitionKeys.release(publicationId, bodyId ?? '', lang),
    queryFn: ({ signal }) => api.get<Release>(`/publications/${publicationId}/bodies/${bodyId}/release?lang=${lang}`, { signal }),
    enabled: bodyId !== null,
    retry: false,
  });

export const releaseFileUrl = (publicationId: string, bodyId: string, lang: Lang, ext: 'txt' | 'docx'): string =>
  `/api/v1/publications/${publicationId}/bodies/${bodyId}/release.${ext}?lang=${lang}`;

export const unitPiagamUrl = (piagamPath: string, lang: Lang = 'id'): string => `${piagamPath}?lang=${lang}`;
