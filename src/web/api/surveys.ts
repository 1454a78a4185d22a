/**
 * Public surveys, the operator's side (issue 11, `src/shared/wire/surveys.ts`): a unit's or a
 * body's surveys with their counts, one survey, its results (IKM per unsur, flagged responses
 * with reasons), and the addresses of its poster, report and respondent page. The only place
 * that builds survey keys; the writes are in `surveys-writes.ts`.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Survey, SurveyLink, SurveyList, SurveyQuestionnaire, SurveyResults } from '../../shared/wire/surveys.ts';
import { api } from '../lib/api.ts';

export const surveyKeys = {
  all: ['surveys'] as const,
  unit: (unitId: string) => ['surveys', 'unit', unitId] as const,
  body: (bodyId: string) => ['surveys', 'body', bodyId] as const,
  detail: (surveyId: string) => ['surveys', 'detail', surveyId] as const,
  results: (surveyId: string) => ['surveys', 'results', surveyId] as const,
  link: (surveyId: string) => ['surveys', 'link', surveyId] as const,
  questionnaire: (surveyId: string) => ['surveys', 'questionnaire', surveyId] as const,
};

export const getUnitSurveysQueryOptions = (unitId: string) =>
  queryOptions({
    queryKey: surveyKeys.unit(unitId),
    queryFn: async ({ signal }) => (await api.get<SurveyList>(`/units/${unitId}/surveys`, { signal })).items,
  });
export const useUnitSurveys = (unitId: string | null) => useQuery({ ...getUnitSurveysQueryOptions(unitId ?? ''), enabled: !!unitId });

export const getBodySurveysQueryOptions = (bodyId: string) =>
  queryOptions({
    queryKey: surveyKeys.body(bodyId),
    queryFn: async ({ signal }) => (await api.get<SurveyList>(`/bodies/${bodyId}/surveys`, { signal })).items,
  });
export const useBodySurveys = (bodyId: string | null) => useQuery({ ...getBodySurveysQueryOptions(bodyId ?? ''), enabled: !!bodyId });

export const getSurveyQueryOptions = (surveyId: string) =>
  queryOptions({ queryKey: surveyKeys.detail(surveyId), queryFn: ({ signal }) => api.get<Survey>(`/surveys/${surveyId}`, { signal }) });
export const useSurvey = (surveyId: string) => useQuery(getSurveyQueryOptions(surveyId));

export const getSurveyLinkQueryOptions = (surveyId: string) =>
  queryOptions({
    queryKey: surveyKeys.link(surveyId),
    queryFn: ({ signal }) => api.get<SurveyLink>(`/surveys/${surveyId}/link`, { signal }),
    staleTime: Infinity,
  });
export const useSurveyLink = (surveyId: string) => useQuery(getSurveyLinkQueryOptions(surveyId));

/** The questionnaire (items, answers, profile) for typing the survey's paper forms. */
export const getSurveyQuestionnaireQueryOptions = (surveyId: string) =>
  queryOptions({
    queryKey: surveyKeys.questionnaire(surveyId),
    queryFn: ({ signal }) => api.get<SurveyQuestionnaire>(`/surveys/${surveyId}/questionnaire`, { signal }),
    staleTime: Infinity,
  });
export const useSurveyQuestionnaire = (surveyId: string) => useQuery(getSurveyQuestionnaireQueryOptions(surveyId));

/** Live counts: refetched every 30 s while the page is open (responses arrive from the public). */
export const getSurveyResultsQueryOptions = (surveyId: string) =>
  queryOptions({
    queryKey: surveyKeys.results(surveyId),
    queryFn: ({ signal }) => api.get<SurveyResults>(`/surveys/${surveyId}/results`, { signal }),
    refetchInterval: 30_000,
  });
export const useSurveyResults = (surveyId: string) => useQuery(getSurveyResultsQueryOptions(surveyId));

/** Addresses the browser opens itself (the session cookie goes along). */
export const surveyPosterUrl = (surveyId: string): string => `/api/v1/surveys/${surveyId}/poster.pdf`;
export const surveyReportUrl = (surveyId: string): string => `/api/v1/surveys/${surveyId}/report.pdf`;
/** The accepted responses as CSV (the unit's operator and koordinator). */
export const surveyCsvUrl = (surveyId: string): string => `/api/v1/surveys/${surveyId}/responses.csv`;
