/**
 * Publication writes: publishing a scope (`POST /cycles/:id/publications`) and publishing an
 * erratum (`POST /publications/:id/errata`). Both refetch every active query: a publication
 * changes visibility, locks and the cycle's status; an erratum changes results and ranks. Apart from the
 * reads so the public page does not bundle React Query's mutation code.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../lib/api.ts';
import type { ErratumInput, PublicationMeta, PublishInput } from './publish-types.ts';

export function usePublish(cycleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PublishInput) => api.post<PublicationMeta>(`/cycles/${cycleId}/publications`, input),
    // Publishing moves more than the list: visibility, locks, a national one turns the cycle final.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

export function usePublishErratum(publicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ErratumInput) => api.post<PublicationMeta>(`/publications/${publicationId}/errata`, input),
    // Corrected answers change unit and body results, ranks and every covering publication.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
