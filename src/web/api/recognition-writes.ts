/**
 * Recognition writes (issue 18): the hand-over (Perwakilan), the edited press release
 * (koordinator; refetches that release and the facts that show the hand-over), and the
 * award-night pack (a background job followed with `useJob`).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Job } from '../../shared/wire/jobs.ts';
import type { AwardNightPackIn, Handover, HandoverIn, Release, ReleaseIn } from '../../shared/wire/recognition.ts';
import { api } from '../lib/api.ts';
import { recognitionKeys } from './recognition.ts';

export const useSetHandover = (publicationId: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: HandoverIn) => api.put<Handover>(`/publications/${publicationId}/handover`, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: recognitionKeys.all }),
  });
};

export const useSaveRelease = (publicationId: string, bodyId: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ReleaseIn) => api.put<Release>(`/publications/${publicationId}/bodies/${bodyId}/release`, input),
    onSuccess: (release) => qc.setQueryData(recognitionKeys.release(publicationId, bodyId, release.lang), release),
  });
};

export const useStartAwardNightPack = (publicationId: string) =>
  useMutation({ mutationFn: (input: AwardNightPackIn) => api.post<Job>(`/publications/${publicationId}/award-night-pack`, input) });
