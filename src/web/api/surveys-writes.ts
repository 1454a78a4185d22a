/**
 * Survey writes (issue 11): set up a survey, get its kiosk link. A new survey refetches the
 * survey lists (`surveyKeys.all`), and an F-03 one the PEKPPP views that show its count.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { KioskToken, Survey, SurveyIn } from '../../shared/wire/surveys.ts';
import { api } from '../lib/api.ts';
import { pekpppKeys } from './pekppp.ts';
import { surveyKeys } from './surveys.ts';

export function useCreateSurvey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ unitId, input }: { unitId: string; input: SurveyIn }) => api.post<Survey>(`/units/${unitId}/surveys`, input),
    onSuccess: async (_survey, { input }) => {
      await queryClient.invalidateQueries({ queryKey: surveyKeys.all });
      // An F-03 questionnaire is shown beside the PEKPPP progress of its unit.
      if (input.kind === 'f03') await queryClient.invalidateQueries({ queryKey: pekpppKeys.all });
    },
  });
}

/** The kiosk link: a signed token in the link lets one tablet answer many times (audited). */
export function useKioskLink(surveyId: string) {
  return useMutation({ mutationFn: () => api.post<KioskToken>(`/surveys/${surveyId}/kiosk`) });
}
