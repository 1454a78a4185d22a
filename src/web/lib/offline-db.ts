/**
 * The assessor's device store (IndexedDB through Dexie): sheet drafts keyed by their
 * client-generated UUID, and an outbox of finished sheets not yet accepted by the server.
 * The UUID is the record id the server will see, so sending an outbox entry twice is a no-op
 * there (issue 3 §4). Nothing here talks to the network; the sync step reads `listOutbox()`.
 */
import { Dexie, type EntityTable } from 'dexie';
import { setOfflineCacheStore } from './api.ts';

/** What the assessor entered on one sheet (the form's value). */
export interface SheetValue {
  /** Respondent label or product name ("Pengguna 3", "KTP-el"); never a full personal name. */
  respondent: string;
  notes: string;
  /** Indicator code → chosen level; null = not answered yet. */
  answers: Record<string, number | null>;
  /** Indicator code → the assessor's remark on it (optional). */
  remarks?: Record<string, string>;
  /** issue 13: device capture (assess/capture.ts). */
  capture?: SheetCapture;
}

/** issue 13: when and where a sheet was captured on the device; the respondent only as a hash. */
export interface SheetCapture {
  /** Device time the sheet was opened for the first time. */
  startedAt?: string;
  position?: { lat: number; lon: number; accuracy: number | null; at: string } | null;
  positionError?: 'denied' | 'unavailable' | 'unsupported';
  /** sha256 hex of the respondent's phone number or key (never the clear value). */
  respondentKey?: string | null;
}

/** Unassigned sheets (no unit yet) share this unit key. */
export const NO_UNIT = '';

interface SheetBase {
  /** Client UUID: the record's id everywhere. */
  id: string;
  schemeId: string;
  instrument: string;
  /** Assigned unit id, or NO_UNIT. IndexedDB cannot index null, hence a string. */
  unitKey: string;
  value: SheetValue;
  createdAt: string;
  /** The assessment cycle the sheet belongs to (assignment sheets); absent for free sheets. */
  cycleId?: string;
  /** The sheet edits a record already on the server (sent with PUT, not the batch). */
  replaces?: boolean;
}

export interface DraftSheet extends SheetBase {
  updatedAt: string;
}

export interface OutboxEntry extends SheetBase {
  queuedAt: string;
  /** Failed send attempts so far. */
  attempts: number;
  lastError: { code: string; message: string } | null;
  /** The server refused the sheet: it stays here, unsent, until the assessor corrects it. */
  rejected?: { code: string; message: string; details: Record<string, unknown> } | null;
}

/** An evidence file waiting on this device until its sheet is on the server (lib/sync.ts). */
export interface QueuedEvidence {
  /** Local id. */
  id: string;
  sheetId: string;
  cycleId: string;
  unitId: string;
  indicator: string;
  kind: string | null;
  filename: string;
  mime: string;
  size: number;
  blob: Blob;
  queuedAt: string;
  /** The last upload failure (translated by code in the UI). */
  error: { code: string; message: string; details: Record<string, unknown> } | null;
  /** issue 13: the resumable upload's address on the server, kept so a later sync continues it. */
  uploadUrl?: string | null;
  /** issue 13 §2: sha256 (hex) of `blob` made at capture — the hash the server checks. */
  sha256?: string;
  /** issue 13 §2: device time the photo was taken or the file attached, and where (with permission). */
  capturedAt?: string;
  position?: { lat: number; lon: number; accuracy: number | null } | null;
  /** The photo was resized on the device to the scheme's longest edge (its stored size). */
  resizedTo?: { width: number; height: number } | null;
}

/** A server answer kept for offline use (assignments, a cycle's frozen scheme, a unit's records). */
export interface CachedValue {
  key: string;
  value: unknown;
  savedAt: string;
}

export class PantauDb extends Dexie {
  drafts!: EntityTable<DraftSheet, 'id'>;
  outbox!: EntityTable<OutboxEntry, 'id'>;
  evidence!: EntityTable<QueuedEvidence, 'id'>;
  cache!: EntityTable<CachedValue, 'key'>;

  constructor(name = 'pantau', options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      drafts: 'id, updatedAt, [schemeId+unitKey]',
      outbox: 'id, queuedAt, [schemeId+unitKey]',
    });
    // v2 (assignments): evidence waiting for its sheet, and server answers kept for offline use.
    this.version(2).stores({
      evidence: 'id, sheetId, queuedAt',
      cache: 'key',
    });
  }
}

let instance: PantauDb | null = null;

/** The app's database, opened on first use (never at import, so the shell stays light). */
export function offlineDb(): PantauDb {
  instance ??= new PantauDb();
  return instance;
}

/** For tests: use another database (e.g. a fresh name per test). */
export function setOfflineDb(db: PantauDb | null): void {
  instance = db;
}

// Server answers read through `withOfflineCache` (lib/api.ts) are kept here once this
// store is loaded, i.e. on the assessor's screens.
setOfflineCacheStore({
  get: async (key) => (await offlineDb().cache.get(key))?.value,
  put: async (key, value) => {
    await offlineDb().cache.put({ key, value, savedAt: new Date().toISOString() });
  },
});

export async function saveDraft(draft: Omit<DraftSheet, 'updatedAt'>, now = new Date()): Promise<DraftSheet> {
  const saved: DraftSheet = { ...draft, updatedAt: now.toISOString() };
  await offlineDb().drafts.put(saved);
  return saved;
}

export function getDraft(id: string): Promise<DraftSheet | undefined> {
  return offlineDb().drafts.get(id);
}

export function deleteDraft(id: string): Promise<void> {
  return offlineDb().drafts.delete(id);
}

/** Newest first. */
export function listDrafts(): Promise<DraftSheet[]> {
  return offlineDb().drafts.orderBy('updatedAt').reverse().toArray();
}

/** A finished sheet leaves the drafts and enters the outbox, atomically. */
export async function queueSheet(draft: Omit<DraftSheet, 'updatedAt'>, now = new Date()): Promise<OutboxEntry> {
  const db = offlineDb();
  const entry: OutboxEntry = {
    id: draft.id,
    schemeId: draft.schemeId,
    instrument: draft.instrument,
    unitKey: draft.unitKey,
    value: draft.value,
    createdAt: draft.createdAt,
    queuedAt: now.toISOString(),
    attempts: 0,
    lastError: null,
  };
  if (draft.cycleId !== undefined) entry.cycleId = draft.cycleId;
  if (draft.replaces) entry.replaces = true;
  await db.transaction('rw', db.drafts, db.outbox, async () => {
    await db.outbox.put(entry);
    await db.drafts.delete(draft.id);
  });
  return entry;
}

export function getOutboxEntry(id: string): Promise<OutboxEntry | undefined> {
  return offlineDb().outbox.get(id);
}

/** Oldest first: the order the sync sends them in. */
export function listOutbox(): Promise<OutboxEntry[]> {
  return offlineDb().outbox.orderBy('queuedAt').toArray();
}

export async function recordSendFailure(id: string, error: { code: string; message: string }): Promise<void> {
  await offlineDb()
    .outbox.where('id')
    .equals(id)
    .modify((e) => {
      e.attempts += 1;
      e.lastError = error;
    });
}

/** The server accepted (created or unchanged) the sheet. */
export function removeFromOutbox(id: string): Promise<void> {
  return offlineDb().outbox.delete(id);
}

/** Every local sheet of one unit under one scheme (drafts and queued), for the unit preview. */
export async function unitSheets(schemeId: string, unitKey: string): Promise<(DraftSheet | OutboxEntry)[]> {
  const db = offlineDb();
  const [drafts, queued] = await Promise.all([
    db.drafts.where('[schemeId+unitKey]').equals([schemeId, unitKey]).toArray(),
    db.outbox.where('[schemeId+unitKey]').equals([schemeId, unitKey]).toArray(),
  ]);
  return [...queued, ...drafts];
}

// ── issue 13: what was downloaded for offline use ────────────────────────────────────────────
// One mark per assigned unit in the `cache` table (key `download:<cycle>:<unit>`), written after
// everything the unit's sheets need is on the device: the cycle's frozen scheme, the assignment
// list, the unit's server records and evidence list (each kept under its own cache key).

/** What is on the device for one unit, and when it was downloaded. */
export interface UnitDownload {
  cycleId: string;
  unitId: string;
  /** Device time the download finished. */
  at: string;
  /** Server records (sheets already handed to the server) kept on the device. */
  records: number;
  /** Evidence files listed (their list, not the files themselves). */
  evidence: number;
  /** Last cycle's findings of the unit kept on the device (absent in marks made before they were). */
  findings?: number;
  /** The frozen scheme's content hash the forms were built from. */
  schemeHash: string;
}

const DOWNLOAD_PREFIX = 'download:';

export async function markDownloaded(mark: UnitDownload): Promise<void> {
  await offlineDb().cache.put({ key: `${DOWNLOAD_PREFIX}${mark.cycleId}:${mark.unitId}`, value: mark, savedAt: mark.at });
}

/** Every unit downloaded on this device, keyed `cycleId|unitId`. */
export async function listDownloads(): Promise<Map<string, UnitDownload>> {
  const rows = await offlineDb().cache.where('key').startsWith(DOWNLOAD_PREFIX).toArray();
  const out = new Map<string, UnitDownload>();
  for (const r of rows) {
    const d = r.value as UnitDownload;
    out.set(`${d.cycleId}|${d.unitId}`, d);
  }
  return out;
}
