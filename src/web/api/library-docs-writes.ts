/**
 * Evidence library writes (issue 12 §3): add a document (multipart), edit it, link it to an
 * indicator of a cycle or to an action (the stored file is reused), unlink. Every write refetches
 * the library reads; a link also refetches what shows the evidence it made (the PEKPPP unit view,
 * a unit's evidence, the actions).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  LibraryDocumentDeleted,
  LibraryDocumentDetail,
  LibraryDocumentPatch,
  LibraryLinkIn,
  LibraryLinked,
} from '../../shared/wire/library-docs.ts';
import { api } from '../lib/api.ts';
import { actionKeys } from './actions.ts';
import { libraryKeys } from './library-docs.ts';
import { pekpppKeys } from './pekppp.ts';

function useRefresh() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: libraryKeys.all }),
      queryClient.invalidateQueries({ queryKey: pekpppKeys.all }),
      queryClient.invalidateQueries({ queryKey: actionKeys.all }),
    ]);
}

export interface NewLibraryDocument {
  type: string;
  title: string;
  issuedOn: string;
  validUntil?: string;
  file: File;
}

export function useAddLibraryDocument(unitId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: NewLibraryDocument) => {
      const form = new FormData();
      form.append('type', input.type);
      form.append('title', input.title);
      form.append('issuedOn', input.issuedOn);
      if (input.validUntil) form.append('validUntil', input.validUntil);
      form.append('file', input.file);
      return api.post<LibraryDocumentDetail>(`/units/${unitId}/library-documents`, form);
    },
    onSuccess: () => refresh(),
  });
}

export function useUpdateLibraryDocument(documentId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: LibraryDocumentPatch) => api.patch<LibraryDocumentDetail>(`/library-documents/${documentId}`, input),
    onSuccess: () => refresh(),
  });
}

/** Links any document (the picker names it when it is chosen). */
export function useLinkLibraryDocument() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ documentId, link }: { documentId: string; link: LibraryLinkIn }) =>
      api.post<LibraryLinked>(`/library-documents/${documentId}/uses`, link),
    onSuccess: () => refresh(),
  });
}

export function useUnlinkLibraryDocument() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ documentId, useId }: { documentId: string; useId: string }) =>
      api.delete<LibraryDocumentDetail>(`/library-documents/${documentId}/uses/${useId}`),
    onSuccess: () => refresh(),
  });
}

/** Deletes a document linked nowhere (the server refuses a linked one: 409 library.document_in_use). */
export function useDeleteLibraryDocument() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (documentId: string) => api.delete<LibraryDocumentDeleted>(`/library-documents/${documentId}`),
    onSuccess: () => refresh(),
  });
}
