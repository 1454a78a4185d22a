/**
 * Publication reads (`src/shared/wire/publications.ts`): a cycle's versions, and one version
 * with its snapshot (the permanent page). A version never changes once written, so its snapshot
 * is cached for a minute; the writes (publish, erratum) are in `publications-writes.ts`.
 * The public page reads these, so keep this module lean.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PublicationMeta, PublicationView, PublishReadiness } from '../../shared/wire/publications.ts';
import { API_BASE, api } from '../lib/api.ts';

export const publicationKeys = {
  all: ['publications'] as const,
  cycle: (cycleId: string) => ['publications', 'cycle', cycleId] as const,
  one: (publicationId: string) => ['publications', 'one', publicationId] as const,
};

export const getPublicationsQueryOptions = (cycleId: string) =>
  queryOptions({
    queryKey: publicationKeys.cycle(cycleId),
    queryFn: async () => (await api.get<{ items: PublicationMeta[] }>(`/cycles/${cycleId}/publications`)).items,
  });

export const usePublications = (cycleId: string | undefined, enabled = true) =>
  useQuery({ ...getPublicationsQueryOptions(cycleId ?? ''), enabled: enabled && !!cycleId });

export const getPublicationQueryOptions = (publicationId: string) =>
  queryOptions({
    queryKey: publicationKeys.one(publicationId),
    queryFn: () => api.get<PublicationView>(`/publications/${publicationId}`),
    // The snapshot is immutable; only `status`/`supersededById`/`released` of the meta move.
    staleTime: 60_000,
  });

export const usePublication = (publicationId: string | undefined) =>
  useQuery({ ...getPublicationQueryOptions(publicationId ?? ''), enabled: !!publicationId });

/** Download addresses of a version's open data (stable, documented columns: docs/open-data.md). */
export const openDataHref = (publicationId: string, format: 'csv' | 'json'): string =>
  `${API_BASE}/publications/${publicationId}/open-data.${format}`;

// issue 16: every blocker of a scope before publishing (GET /cycles/:cycleId/publication-readiness).
export const getPublishReadinessQueryOptions = (cycleId: string, scope: string) =>
  queryOptions({
    queryKey: [...publicationKeys.cycle(cycleId), 'readiness', scope] as const,
    queryFn: () => api.get<PublishReadiness>(`/cycles/${cycleId}/publication-readiness?scope=${encodeURIComponent(scope)}`),
  });

export const usePublishReadiness = (cycleId: string, scope: string) => useQuery(getPublishReadinessQueryOptions(cycleId, scope));
