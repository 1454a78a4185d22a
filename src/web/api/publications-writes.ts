/**
 * Publication writes: publishing a scope (`POST /cycles/:cycleId/publications`) and an erratum
 * (`POST /publications/:publicationId/errata`). A publication moves more than the list: the
 * cycle (a national one turns it final; `published` flags), what the public sees of results,
 * rankings and trends, and the locks on fieldwork; an erratum also changes answers and results.
 * Each refetches exactly those readers.
 */
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import type { ErratumIn, PublicationMeta, PublishIn } from '../../shared/wire/publications.ts';
import { api } from '../lib/api.ts';
import { clarificationKeys } from './clarifications.ts';
import { cycleKeys } from './cycles.ts';
import { locusKeys } from './locus.ts';
import { publicationKeys } from './publications.ts';
import { rankingKeys } from './rankings.ts';
import { recordKeys } from './records.ts';
import { scoreKeys } from './scores.ts';

/** What a new version of a cycle's publication changes for its readers. */
function refreshPublished(queryClient: QueryClient, cycleId: string, erratum: boolean) {
  const keys = [
    publicationKeys.all,
    cycleKeys.all,
    locusKeys.progress(cycleId),
    scoreKeys.cycle(cycleId),
    scoreKeys.trends,
    rankingKeys.cycle(cycleId),
    // An erratum changes answers through the change log.
    ...(erratum ? [recordKeys.all, clarificationKeys.all] : []),
  ];
  return Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

export function usePublish(cycleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PublishIn) => api.post<PublicationMeta>(`/cycles/${cycleId}/publications`, input),
    onSuccess: () => refreshPublished(queryClient, cycleId, false),
  });
}

export function usePublishErratum(publicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ErratumIn) => api.post<PublicationMeta>(`/publications/${publicationId}/errata`, input),
    onSuccess: (meta) => refreshPublished(queryClient, meta.cycleId, true),
  });
}
