/**
 * Device-side actions on an assigned unit's sheets: reopen a sheet the server rejected for
 * correction, delete a draft with its waiting evidence. No network here.
 */
import { offlineDb, type DraftSheet, type OutboxEntry } from '../lib/offline-db.ts';
import { newId } from '../lib/uuid.ts';

/**
 * Moves a rejected outbox entry back to the drafts so it can be corrected. A sheet refused because
 * its id is already used on the server for other content gets a new id (its evidence follows).
 * Returns the draft's id.
 */
export async function reopenRejected(entry: OutboxEntry, now = new Date()): Promise<string> {
  const db = offlineDb();
  const needsNewId = entry.rejected?.code === 'record.id_reused' && !entry.replaces;
  const id = needsNewId ? newId() : entry.id;
  const draft: DraftSheet = {
    id,
    schemeId: entry.schemeId,
    instrument: entry.instrument,
    unitKey: entry.unitKey,
    value: entry.value,
    createdAt: entry.createdAt,
    updatedAt: now.toISOString(),
  };
  if (entry.cycleId) draft.cycleId = entry.cycleId;
  if (entry.replaces) draft.replaces = true;
  await db.transaction('rw', db.drafts, db.outbox, db.evidence, async () => {
    await db.drafts.put(draft);
    await db.outbox.delete(entry.id);
    if (id !== entry.id) await db.evidence.where('sheetId').equals(entry.id).modify({ sheetId: id });
  });
  return id;
}

/** Clears the rejection so the next sync sends the entry again as it is (e.g. after the unit was returned). */
export async function retryRejected(id: string): Promise<void> {
  await offlineDb().outbox.update(id, { rejected: null });
}

/** Deletes a draft and the evidence waiting for it. */
export async function discardDraft(id: string): Promise<void> {
  const db = offlineDb();
  await db.transaction('rw', db.drafts, db.evidence, async () => {
    await db.drafts.delete(id);
    await db.evidence.where('sheetId').equals(id).delete();
  });
}
