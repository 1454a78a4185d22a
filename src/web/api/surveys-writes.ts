/**
 * Survey writes (issue 11): set up a survey, get its kiosk link, type a paper form with its scan. A new survey refetches the
 * survey lists (`surveyKeys.all`), and an F-03 one the PEKPPP views that show its count.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { KioskToken, PaperResponseIn, Survey, SurveyIn, SurveyScan } from '../../shared/wire/surveys.ts';
import { api } from '../lib/api.ts';
import { ikmKeys } from './evidence.ts';
import { pekpppKeys } from './pekppp.ts';
import { surveyKeys } from './surveys.ts';

export function useCreateSurvey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ unitId, input }: { unitId: string; input: SurveyIn }) => api.post<Survey>(`/units/${unitId}/surveys`, input),
    onSuccess: async (_survey, { input }) => {
      await queryClient.invalidateQueries({ queryKey: surveyKeys.all });
      await queryClient.invalidateQueries({ queryKey: ikmKeys.allOptions });
      // An F-03 questionnaire is shown beside the PEKPPP progress of its unit.
      if (input.kind === 'f03') await queryClient.invalidateQueries({ queryKey: pekpppKeys.all });
    },
  });
}

/** The kiosk link: a signed token in the link lets one tablet answer many times (audited). */
export function useKioskLink(surveyId: string) {
  return useMutation({ mutationFn: () => api.post<KioskToken>(`/surveys/${surveyId}/kiosk`) });
}

/**
 * One paper form: the scan is uploaded first (its sha256 comes back), then the typed answers go
 * with it under the form's id (made once by the form: a retried save is not counted twice).
 */
export function useEnterPaper(surveyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: {
      answers: Record<string, number>;
      profile: Record<string, string>;
      suggestion: string;
      scan: File;
      id: string;
    }) => {
      const form = new FormData();
      form.append('file', input.scan, input.scan.name);
      const scan = await api.post<SurveyScan>(`/surveys/${surveyId}/scans`, form);
      const body: PaperResponseIn = {
        id: input.id,
        answers: input.answers,
        profile: input.profile,
        ...(input.suggestion ? { suggestion: input.suggestion } : {}),
        scanSha256: scan.sha256,
      };
      return api.post<{ id: string; accepted: boolean }>(`/surveys/${surveyId}/paper`, body);
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: surveyKeys.all });
      await queryClient.invalidateQueries({ queryKey: pekpppKeys.all });
      // A new response moves its survey's IKM (the IKM pickers' options).
      await queryClient.invalidateQueries({ queryKey: ikmKeys.allOptions });
    },
  });
}
