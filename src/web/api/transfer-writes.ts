/**
 * Excel writes: the background export of a cycle's full results (a job), the import of
 * historical results (validated in the request, then a job creates the imported cycle) and the
 * import of a unit's answer sheets (records through the same ingestion as the field app's sync).
 * Uploads report their progress. Each refetches what it changed.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Lang } from '../../shared/wire/common.ts';
import type { Job } from '../../shared/wire/jobs.ts';
import type { AnswersImported } from '../../shared/wire/transfer.ts';
import { api } from '../lib/api.ts';
import { uploadForm } from '../lib/upload.ts';
import { cycleKeys } from './cycles.ts';
import { evidenceKeys } from './evidence.ts';
import { locusKeys } from './locus.ts';
import { rankingKeys } from './rankings.ts';
import { recordKeys } from './records.ts';
import { scoreKeys } from './scores.ts';

export interface UploadProgress {
  lang: Lang;
  /** Fraction sent so far, 0–1. */
  onProgress?: (fraction: number) => void;
}

/** `POST /cycles/:cycleId/exports/results` (202): the job making the workbook. */
export const useStartCycleExport = (cycleId: string) =>
  useMutation({ mutationFn: (lang: Lang) => api.post<Job>(`/cycles/${cycleId}/exports/results`, { lang }) });

/** `POST /imports/results`: 422 `import.invalid` with every issue, or the job inserting the cycle. */
export function useImportResults() {
  return useMutation({
    mutationFn: ({
      fields,
      file,
      ...progress
    }: UploadProgress & { fields: { name: string; schemeId: string; year?: number }; file: File }) => {
      const form = new FormData();
      form.set('name', fields.name);
      form.set('schemeId', fields.schemeId);
      if (fields.year !== undefined) form.set('year', String(fields.year));
      form.set('file', file);
      return uploadForm<Job>('/imports/results', form, progress);
    },
  });
}

/** Call when a results-import job has finished: the new imported cycle joins the cycle lists. */
export function useResultsImported() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: cycleKeys.all });
}

/** `POST /cycles/:cycleId/units/:unitId/imports/answers`: the unit's records, results and progress change. */
export function useImportAnswers(cycleId: string, unitId: string) {
  const queryClient = useQueryClient();
  const keys = [
    recordKeys.unit(cycleId, unitId),
    evidenceKeys.unit(cycleId, unitId),
    scoreKeys.cycle(cycleId),
    rankingKeys.cycle(cycleId),
    locusKeys.progress(cycleId),
    locusKeys.assignments,
  ];
  return useMutation({
    mutationFn: ({ file, ...progress }: UploadProgress & { file: File }) => {
      const form = new FormData();
      form.set('file', file);
      return uploadForm<AnswersImported>(`/cycles/${cycleId}/units/${unitId}/imports/answers`, form, progress);
    },
    onSuccess: () => Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}
