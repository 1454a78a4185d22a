/** Live views of the sheets stored on this device (re-render when IndexedDB changes). */
import { useLiveQuery } from 'dexie-react-hooks';
import {
  listDownloads,
  listDrafts,
  listOutbox,
  offlineDb,
  type DraftSheet,
  type OutboxEntry,
  type QueuedEvidence,
  type UnitDownload,
} from '../lib/offline-db.ts';

/** Drafts, newest first; undefined while loading. */
export function useDrafts(): DraftSheet[] | undefined {
  return useLiveQuery(listDrafts, []);
}

/** Finished sheets waiting to be sent, oldest first; undefined while loading. */
export function useOutbox(): OutboxEntry[] | undefined {
  return useLiveQuery(listOutbox, []);
}

export interface UnitLocalSheets {
  drafts: DraftSheet[];
  outbox: OutboxEntry[];
  evidence: QueuedEvidence[];
}

/** Everything of one assigned unit still on this device; undefined while loading. */
export function useUnitLocalSheets(cycleId: string, unitId: string): UnitLocalSheets | undefined {
  return useLiveQuery(async () => {
    const db = offlineDb();
    const mine = <T extends { cycleId?: string; unitKey: string }>(s: T) => s.cycleId === cycleId && s.unitKey === unitId;
    const [drafts, outbox, evidence] = await Promise.all([
      db.drafts.filter(mine).toArray(),
      db.outbox.filter(mine).toArray(),
      db.evidence.filter((e) => e.cycleId === cycleId && e.unitId === unitId).toArray(),
    ]);
    return { drafts, outbox, evidence };
  }, [cycleId, unitId]);
}

/** Local counts per assigned unit (key `cycleId|unitId`), for the assignment list. */
export function useLocalCountsByUnit(): Map<string, { drafts: number; outbox: number; rejected: number }> | undefined {
  return useLiveQuery(async () => {
    const db = offlineDb();
    const [drafts, outbox] = await Promise.all([db.drafts.toArray(), db.outbox.toArray()]);
    const out = new Map<string, { drafts: number; outbox: number; rejected: number }>();
    const bump = (s: DraftSheet | OutboxEntry, field: 'drafts' | 'outbox' | 'rejected') => {
      if (!s.cycleId) return;
      const key = `${s.cycleId}|${s.unitKey}`;
      const c = out.get(key) ?? { drafts: 0, outbox: 0, rejected: 0 };
      c[field] += 1;
      out.set(key, c);
    };
    for (const d of drafts) bump(d, 'drafts');
    for (const e of outbox) bump(e, e.rejected ? 'rejected' : 'outbox');
    return out;
  }, []);
}

/** issue 13: the units downloaded for offline use on this device (key `cycleId|unitId`); undefined while loading. */
export function useDownloads(): Map<string, UnitDownload> | undefined {
  return useLiveQuery(listDownloads, []);
}
