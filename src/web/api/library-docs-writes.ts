/**
 * Evidence library writes (issue 12 §3): add a document (a resumable upload), edit it, link it to an
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
import { sha256Hex, uiLanguage, uploadWithRetries, xhrTusTransport } from '../lib/resumable-upload.ts';
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
  /** Bytes the server has of the file so far. */
  onProgress?: (loaded: number, total: number) => void;
}

/**
 * The upload addresses of documents being added (by unit, fields and file), so that saving again
 * after a lost connection — even after closing and reopening the form — continues the same upload.
 */
const pendingUploads = new Map<string, string>();

/**
 * Adds a document: its file goes resumably (tus, the evidence uploads' machinery, with the file's
 * sha256 so the server refuses different bytes) and is retried from where it stopped after a lost
 * connection; the last byte makes the document, which is then read back.
 */
export function useAddLibraryDocument(unitId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (input: NewLibraryDocument) => {
      const f = input.file;
      const key = JSON.stringify([unitId, input.type, input.title, input.issuedOn, input.validUntil ?? '', f.name, f.size, f.lastModified]);
      const metadata: Record<string, string> = {
        target: 'library',
        unitId,
        type: input.type,
        title: input.title,
        issuedOn: input.issuedOn,
        ...(input.validUntil ? { validUntil: input.validUntil } : {}),
        filename: f.name,
        sha256: await sha256Hex(f),
      };
      const { evidenceId: documentId } = await uploadWithRetries(xhrTusTransport(uiLanguage(), 'Upload-Document-Id'), {
        file: f,
        metadata,
        savedUrl: () => pendingUploads.get(key) ?? null,
        saveUrl: async (url) => void (url ? pendingUploads.set(key, url) : pendingUploads.delete(key)),
        ...(input.onProgress ? { onProgress: input.onProgress } : {}),
      });
      return api.get<LibraryDocumentDetail>(`/library-documents/${documentId}`);
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
