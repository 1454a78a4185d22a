/** Live views of the sheets stored on this device (re-render when IndexedDB changes). */
import { useLiveQuery } from 'dexie-react-hooks';
import { listDrafts, listOutbox, type DraftSheet, type OutboxEntry } from '../lib/offline-db.ts';

/** Drafts, newest first; undefined while loading. */
export function useDrafts(): DraftSheet[] | undefined {
  return useLiveQuery(listDrafts, []);
}

/** Finished sheets waiting to be sent, oldest first; undefined while loading. */
export function useOutbox(): OutboxEntry[] | undefined {
  return useLiveQuery(listOutbox, []);
}
