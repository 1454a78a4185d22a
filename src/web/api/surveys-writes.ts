/**
 * Survey writes (issue 11): set up a survey, get its kiosk link. A new survey refetches the
 * survey lists (`surveyKeys.all`).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { KioskToken, Survey, SurveyIn } from '../../shared/wire/surveys.ts';
import { api } from '../lib/api.ts';
import { surveyKeys } from './surveys.ts';

export function useCreateSurvey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ unitId, input }: { unitId: string; input: SurveyIn }) => api.post<Survey>(`/units/${unitId}/surveys`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: surveyKeys.all }),
  });
}

/** The kiosk link: a signed token in the link lets one tablet answer many times (audited). */
export function useKioskLink(surveyId: string) {
  return useMutation({ mutationFn: () => api.post<KioskToken>(`/surveys/${surveyId}/kiosk`) });
}
