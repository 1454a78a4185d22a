/**
 * Publication reads and writes: a cycle's versions (`GET /cycles/:id/publications`), one
 * version with its snapshot (`GET /publications/:id`). The only place that builds `publish`
 * query keys; the writes live in use-publication-actions.ts (the public page needs none). A version never changes once
 * written, so its snapshot is cached for good; the list is refetched after every write.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, API_BASE } from '../lib/api.ts';
import type { PublicationMeta, PublicationView } from './publish-types.ts';

export const publishKeys = {
  all: ['publish'] as const,
  list: (cycleId: string) => ['publish', 'cycle', cycleId] as const,
  one: (publicationId: string) => ['publish', 'publication', publicationId] as const,
};

export const getPublicationsQueryOptions = (cycleId: string) =>
  queryOptions({
    queryKey: publishKeys.list(cycleId),
    queryFn: async () => (await api.get<{ items: PublicationMeta[] }>(`/cycles/${cycleId}/publications`)).items,
  });

export const getPublicationQueryOptions = (publicationId: string) =>
  queryOptions({
    queryKey: publishKeys.one(publicationId),
    queryFn: () => api.get<PublicationView>(`/publications/${publicationId}`),
    // The snapshot is immutable; only `status`/`supersededById`/`released` of the meta move.
    staleTime: 60_000,
  });

export const usePublications = (cycleId: string | undefined, enabled = true) =>
  useQuery({ ...getPublicationsQueryOptions(cycleId ?? ''), enabled: enabled && !!cycleId });

export const usePublication = (publicationId: string | undefined) =>
  useQuery({ ...getPublicationQueryOptions(publicationId ?? ''), enabled: !!publicationId });

/** Download addresses of a version's open data (stable, documented columns). */
export const openDataHref = (publicationId: string, format: 'csv' | 'json'): string =>
  `${API_BASE}/publications/${publicationId}/open-data.${format}`;

/** Versions of one scope, newest first. */
export function versionsOf(items: PublicationMeta[], scope: string): PublicationMeta[] {
  return items.filter((p) => p.scope === scope).sort((a, b) => b.version - a.version);
}

/** The version in force for a scope, if any. */
export function currentOf(items: PublicationMeta[], scope: string): PublicationMeta | undefined {
  return items.find((p) => p.scope === scope && p.status === 'current');
}

/** The first 12 hex digits of a hash, enough to compare by eye. */
export const shortHash = (hash: string): string => (hash.length > 12 ? `${hash.slice(0, 12)}…` : hash);
