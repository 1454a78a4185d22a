/**
 * Report packs: `POST /publications/:publicationId/report-pack` starts a background job zipping
 * every government rapor of the publication's snapshot (optionally every unit's); follow it with
 * `useJob` (`jobs.ts`). Nothing cached changes, so nothing is refetched.
 */
import { useMutation } from '@tanstack/react-query';
import type { Job } from '../../shared/wire/jobs.ts';
import type { ReportPackIn } from '../../shared/wire/reports.ts';
import { api } from '../lib/api.ts';

export const useStartReportPack = (publicationId: string) =>
  useMutation({ mutationFn: (input: ReportPackIn) => api.post<Job>(`/publications/${publicationId}/report-pack`, input) });
