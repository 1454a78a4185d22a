/**
 * Publication writes: publishing a scope (`POST /cycles/:id/publications`) and publishing an
 * erratum (`POST /publications/:id/errata`). Both refetch the cycle's versions. Apart from the
 * reads so the public page does not bundle React Query's mutation code.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../lib/api.ts';
import type { ErratumInput, PublicationMeta, PublishInput } from './publish-types.ts';
import { publishKeys } from './use-publications.ts';

export function usePublish(cycleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PublishInput) => api.post<PublicationMeta>(`/cycles/${cycleId}/publications`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: publishKeys.list(cycleId) }),
  });
}

export function usePublishErratum(publicationId: string, cycleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ErratumInput) => api.post<PublicationMeta>(`/publications/${publicationId}/errata`, input),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: publishKeys.list(cycleId) }),
        queryClient.invalidateQueries({ queryKey: publishKeys.one(publicationId) }),
      ]),
  });
}

