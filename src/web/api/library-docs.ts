/**
 * A unit's evidence library (issue 12 §3, `src/shared/wire/library-docs.ts`): the unit's
 * documents (with `cycleId` + `indicator`, or `surveyId`, the ones suggested there first) and one document with
 * its uses and suggestions. The only place that builds library keys; writes in
 * `library-docs-writes.ts`.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { LibraryDocumentDetail, LibraryDocumentPage } from '../../shared/wire/library-docs.ts';
import { api } from '../lib/api.ts';

export interface LibraryFilter {
  cycleId?: string;
  indicator?: string;
  /** A survey of the unit: the documents linked to it first, then those suggested for it. */
  surveyId?: string;
}

export const libraryKeys = {
  all: ['library-documents'] as const,
  unit: (unitId: string, f: LibraryFilter = {}) => ['library-documents', 'unit', unitId, f] as const,
  detail: (documentId: string) => ['library-documents', 'detail', documentId] as const,
};

export const getLibraryQueryOptions = (unitId: string, f: LibraryFilter = {}) =>
  queryOptions({
    queryKey: libraryKeys.unit(unitId, f),
    queryFn: ({ signal }) =>
      api.get<LibraryDocumentPage>(`/units/${unitId}/library-documents`, {
        signal,
        query: {
          pageSize: 200,
          ...(f.cycleId && f.indicator ? { cycleId: f.cycleId, indicator: f.indicator } : {}),
          ...(f.surveyId ? { surveyId: f.surveyId } : {}),
        },
      }),
  });
export const useLibrary = (unitId: string, f: LibraryFilter = {}, enabled = true) =>
  useQuery({ ...getLibraryQueryOptions(unitId, f), enabled: enabled && !!unitId });

export const getLibraryDocumentQueryOptions = (documentId: string) =>
  queryOptions({
    queryKey: libraryKeys.detail(documentId),
    queryFn: ({ signal }) => api.get<LibraryDocumentDetail>(`/library-documents/${documentId}`, { signal }),
  });
export const useLibraryDocument = (documentId: string) => useQuery(getLibraryDocumentQueryOptions(documentId));

/** The download address (the browser sends the session cookie). */
export const libraryFileUrl = (documentId: string): string => `/api/v1/library-documents/${documentId}/file`;
