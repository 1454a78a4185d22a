/**
 * Sends what the assessor finished on this device to the server, and keeps server answers for
 * offline use. One sync run:
 *   1. new sheets of the outbox go through `POST /records/batch` (one transaction per batch;
 *      each record comes back created, unchanged or rejected with its reason); sheets that edit
 *      a record already on the server go one by one through `PUT /records/:id`;
 *   2. evidence files whose sheet is now on the server are uploaded (resumable tus uploads with progress: lib/resumable-upload.ts),
 *      linked to that record and indicator.
 * Rules: an entry leaves the device only after the server acknowledged it (created, unchanged,
 * updated), so a lost reply just means the next run gets "unchanged" (record ids are client
 * UUIDs, the server is idempotent by id). A rejected sheet stays in the outbox, marked, until
 * the assessor corrects it; it is not re-sent automatically. A network failure, an expired
 * session or a server error stops the run and keeps everything for the next one.
 * The run itself (`runSync`) takes its storage and transport as arguments, so it is tested
 * without IndexedDB or a server; `startSync()` wires the real ones and publishes progress.
 */
import { useSyncExternalStore } from 'react';
import type { WireError } from '../../shared/wire/common.ts';
import type { RecordBatchOut, RecordInput } from '../../shared/wire/records.ts';
import { api, isApiError } from './api.ts';
import { offlineDb, recordSendFailure, removeFromOutbox, type OutboxEntry, type QueuedEvidence } from './offline-db.ts';
import { sha256Hex, uiLanguage, uploadResumable, xhrTusTransport } from './resumable-upload.ts';
import { isOnline } from './use-online.ts';

/** The payload of an outbox entry, or null when it has no cycle or unit (a free practice sheet). */
export function toRecordPayload(
  entry: Pick<OutboxEntry, 'id' | 'cycleId' | 'unitKey' | 'instrument' | 'value' | 'queuedAt'>,
): RecordInput | null {
  if (!entry.cycleId || !entry.unitKey) return null;
  const remarks: Record<string, string> = {};
  for (const [code, text] of Object.entries(entry.value.remarks ?? {})) if (text.trim()) remarks[code] = text.trim();
  const answers: Record<string, number | null> = {};
  for (const [code, v] of Object.entries(entry.value.answers)) if (typeof v === 'number') answers[code] = v;
  return {
    id: entry.id,
    cycleId: entry.cycleId,
    unitId: entry.unitKey,
    instrument: entry.instrument,
    respondent: entry.value.respondent.trim() || null,
    answers,
    remarks,
    notes: entry.value.notes.trim() || null,
    // When the sheet was finished on the device, not when it reached the server.
    capturedAt: entry.queuedAt,
    // issue 13: device capture (started, finished, position, hashed respondent key).
    ...capturePayload(entry.value.capture, entry.queuedAt),
  };
}

// issue 13
function capturePayload(c: OutboxEntry['value']['capture'], finishedAt: string): Partial<RecordInput> {
  if (!c) return {};
  const out: Partial<RecordInput> = { finishedAt };
  if (c.startedAt) out.startedAt = c.startedAt;
  if (c.position) {
    out.latitude = c.position.lat;
    out.longitude = c.position.lon;
    if (c.position.accuracy !== null) out.accuracy = Math.max(0, c.position.accuracy);
  }
  if (c.respondentKey) out.respondentKey = c.respondentKey;
  return out;
}

// ── Outcomes ─────────────────────────────────────────────────────────────────────────────────

export interface SheetOutcome {
  id: string;
  instrument: string;
  respondent: string;
  /** created / unchanged / updated: on the server, gone from the device. rejected: kept for
   * correction. failed: not delivered (network, server), kept for the next run. */
  outcome: 'created' | 'unchanged' | 'updated' | 'rejected' | 'failed';
  error?: WireError;
}

export interface EvidenceOutcome {
  id: string;
  sheetId: string;
  indicator: string;
  filename: string;
  outcome: 'uploaded' | 'rejected' | 'failed';
  error?: WireError;
}

export interface SyncReport {
  startedAt: string;
  finishedAt: string;
  sheets: SheetOutcome[];
  evidence: EvidenceOutcome[];
  /** Why the run stopped early (offline, session expired, server error); null when it finished. */
  stopped: WireError | null;
  /** Sheets left waiting: no cycle/unit, or rejected earlier and not corrected yet. */
  skipped: number;
}

export interface SyncProgress {
  phase: 'sheets' | 'evidence';
  done: number;
  total: number;
  /** The file being uploaded and how much of it went out. */
  upload?: { id: string; filename: string; loaded: number; total: number };
}

// ── Dependencies ─────────────────────────────────────────────────────────────────────────────

export interface SyncStore {
  listOutbox(): Promise<OutboxEntry[]>;
  acknowledge(id: string): Promise<void>;
  markRejected(id: string, error: WireError): Promise<void>;
  markFailed(id: string, error: WireError): Promise<void>;
  /** Ids of sheets still only on this device (drafts and outbox). */
  localSheetIds(): Promise<Set<string>>;
  listEvidence(): Promise<QueuedEvidence[]>;
  evidenceUploaded(id: string): Promise<void>;
  evidenceFailed(id: string, error: WireError): Promise<void>;
}

export interface SyncTransport {
  sendBatch(records: RecordInput[]): Promise<RecordBatchOut>;
  replace(record: RecordInput): Promise<void>;
  upload(item: QueuedEvidence, recordId: string | null, onProgress: (loaded: number, total: number) => void): Promise<{ id: string }>;
}

// ── The run ──────────────────────────────────────────────────────────────────────────────────

/** Records per batch request (the server takes up to 2,000; smaller keeps each reply quick). */
export const BATCH_SIZE = 200;

/** Upload failures that the same file will meet again: the assessor must replace or remove it. */
const PERMANENT_EVIDENCE_ERRORS = new Set(['request.too_large', 'request.unsupported_type', 'request.invalid', 'evidence.invalid_link']);

export function toWireError(error: unknown): WireError {
  if (isApiError(error)) return { code: error.code, message: error.message, details: error.details };
  return { code: 'internal', message: error instanceof Error ? error.message : String(error), details: {} };
}

/**
 * Whether a failure concerns only this one record (the server judged it: keep it for correction)
 * rather than the connection or the session (stop and retry later).
 */
function isRecordVerdict(error: unknown): boolean {
  if (!isApiError(error)) return false;
  if (error.status === 0 || error.status === 401 || error.status >= 500) return false;
  if (error.code === 'auth.csrf' || error.code === 'auth.rate_limited') return false;
  return error.status >= 400;
}

export function isPermanentEvidenceError(error: WireError | null | undefined): boolean {
  return !!error && PERMANENT_EVIDENCE_ERRORS.has(error.code);
}

function describe(entry: OutboxEntry): Pick<SheetOutcome, 'id' | 'instrument' | 'respondent'> {
  return { id: entry.id, instrument: entry.instrument, respondent: entry.value.respondent };
}

export async function runSync(
  store: SyncStore,
  transport: SyncTransport,
  options: { batchSize?: number; onProgress?: (p: SyncProgress) => void; now?: () => Date } = {},
): Promise<SyncReport> {
  const now = options.now ?? (() => new Date());
  const batchSize = options.batchSize ?? BATCH_SIZE;
  const report: SyncReport = { startedAt: now().toISOString(), finishedAt: '', sheets: [], evidence: [], stopped: null, skipped: 0 };
  const finish = () => ({ ...report, finishedAt: now().toISOString() });

  // 1. Sheets.
  const outbox = await store.listOutbox();
  const sendable: { entry: OutboxEntry; payload: RecordInput }[] = [];
  for (const entry of outbox) {
    const payload = entry.rejected ? null : toRecordPayload(entry);
    if (payload) sendable.push({ entry, payload });
    else report.skipped++;
  }
  const fresh = sendable.filter((s) => !s.entry.replaces);
  const edits = sendable.filter((s) => s.entry.replaces);
  const total = sendable.length;
  let done = 0;
  options.onProgress?.({ phase: 'sheets', done, total });

  for (let i = 0; i < fresh.length; i += batchSize) {
    const chunk = fresh.slice(i, i + batchSize);
    let reply: RecordBatchOut;
    try {
      reply = await transport.sendBatch(chunk.map((c) => c.payload));
    } catch (error) {
      const wire = toWireError(error);
      for (const c of chunk) {
        await store.markFailed(c.entry.id, wire);
        report.sheets.push({ ...describe(c.entry), outcome: 'failed', error: wire });
      }
      report.stopped = wire;
      return finish();
    }
    const byId = new Map(reply.results.map((r) => [r.id, r]));
    for (const c of chunk) {
      const r = byId.get(c.entry.id);
      if (r && (r.outcome === 'created' || r.outcome === 'unchanged')) {
        await store.acknowledge(c.entry.id);
        report.sheets.push({ ...describe(c.entry), outcome: r.outcome });
      } else if (r?.outcome === 'rejected') {
        const wire = r.error ?? { code: 'internal', message: '', details: {} };
        await store.markRejected(c.entry.id, wire);
        report.sheets.push({ ...describe(c.entry), outcome: 'rejected', error: wire });
      } else {
        // The reply does not mention it: keep it for the next run.
        const wire = { code: 'internal', message: 'no outcome for this record', details: {} };
        await store.markFailed(c.entry.id, wire);
        report.sheets.push({ ...describe(c.entry), outcome: 'failed', error: wire });
      }
    }
    done += chunk.length;
    options.onProgress?.({ phase: 'sheets', done, total });
  }

  for (const { entry, payload } of edits) {
    try {
      await transport.replace(payload);
      await store.acknowledge(entry.id);
      report.sheets.push({ ...describe(entry), outcome: 'updated' });
    } catch (error) {
      const wire = toWireError(error);
      if (isRecordVerdict(error)) {
        await store.markRejected(entry.id, wire);
        report.sheets.push({ ...describe(entry), outcome: 'rejected', error: wire });
      } else {
        await store.markFailed(entry.id, wire);
        report.sheets.push({ ...describe(entry), outcome: 'failed', error: wire });
        report.stopped = wire;
        return finish();
      }
    }
    done++;
    options.onProgress?.({ phase: 'sheets', done, total });
  }

  // 2. Evidence whose sheet is on the server now (not in drafts or the outbox any more).
  const local = await store.localSheetIds();
  const files = (await store.listEvidence()).filter((e) => !local.has(e.sheetId) && !isPermanentEvidenceError(e.error));
  for (let k = 0; k < files.length; k++) {
    const item = files[k]!;
    const base = { id: item.id, sheetId: item.sheetId, indicator: item.indicator, filename: item.filename };
    const progress = (loaded: number, size: number) =>
      options.onProgress?.({
        phase: 'evidence',
        done: k,
        total: files.length,
        upload: { id: item.id, filename: item.filename, loaded, total: size },
      });
    progress(0, item.size);
    try {
      try {
        await transport.upload(item, item.sheetId, progress);
      } catch (error) {
        // The sheet never reached the server (deleted draft): keep the file with its unit and indicator.
        if (isApiError(error) && error.code === 'evidence.invalid_link') await transport.upload(item, null, progress);
        else throw error;
      }
      await store.evidenceUploaded(item.id);
      report.evidence.push({ ...base, outcome: 'uploaded' });
    } catch (error) {
      const wire = toWireError(error);
      await store.evidenceFailed(item.id, wire);
      if (isRecordVerdict(error)) {
        report.evidence.push({ ...base, outcome: 'rejected', error: wire });
      } else {
        report.evidence.push({ ...base, outcome: 'failed', error: wire });
        report.stopped = wire;
        return finish();
      }
    }
  }
  options.onProgress?.({ phase: 'evidence', done: files.length, total: files.length });
  return finish();
}

// ── The real store and transport ─────────────────────────────────────────────────────────────

export const dexieSyncStore: SyncStore = {
  listOutbox: () => offlineDb().outbox.orderBy('queuedAt').toArray(),
  acknowledge: (id) => removeFromOutbox(id),
  async markRejected(id, error) {
    await offlineDb()
      .outbox.where('id')
      .equals(id)
      .modify((e) => {
        e.attempts += 1;
        e.lastError = { code: error.code, message: error.message };
        e.rejected = error;
      });
  },
  markFailed: (id, error) => recordSendFailure(id, { code: error.code, message: error.message }),
  async localSheetIds() {
    const db = offlineDb();
    const [drafts, outbox] = await Promise.all([db.drafts.toCollection().primaryKeys(), db.outbox.toCollection().primaryKeys()]);
    return new Set([...drafts, ...outbox].map(String));
  },
  listEvidence: () => offlineDb().evidence.orderBy('queuedAt').toArray(),
  evidenceUploaded: (id) => offlineDb().evidence.delete(id),
  async evidenceFailed(id, error) {
    await offlineDb().evidence.update(id, { error });
  },
};

export const httpSyncTransport: SyncTransport = {
  sendBatch: (records) => api.post<RecordBatchOut>('/records/batch', { records }),
  async replace(record) {
    const { id, cycleId: _cycle, unitId: _unit, ...content } = record;
    await api.put(`/records/${id}`, content);
  },
  // issue 13: resumable (tus) — a lost connection or a closed app continues from the server's
  // offset on the next sync; the address is kept with the queued file on the device.
  async upload(item, recordId, onProgress) {
    const metadata: Record<string, string> = {
      cycleId: item.cycleId,
      unitId: item.unitId,
      indicator: item.indicator,
      filename: item.filename,
    };
    if (recordId) metadata.recordId = recordId;
    if (item.kind) metadata.kind = item.kind;
    // issue 13 §2: the hash made at capture is the one the server checks (older queued files: now).
    metadata.sha256 = item.sha256 ?? (await sha256Hex(item.blob));
    if (item.capturedAt) metadata.capturedAt = item.capturedAt;
    if (item.position) {
      metadata.latitude = String(item.position.lat);
      metadata.longitude = String(item.position.lon);
      if (item.position.accuracy !== null) metadata.accuracy = String(Math.max(0, item.position.accuracy));
    }
    const { evidenceId } = await uploadResumable(xhrTusTransport(uiLanguage()), {
      file: item.blob,
      metadata,
      // The kept address was made for the sheet's record; the unit-only retry starts afresh.
      savedUrl: recordId ? (item.uploadUrl ?? null) : null,
      saveUrl: async (url) => {
        await offlineDb().evidence.update(item.id, { uploadUrl: url });
      },
      onProgress,
    });
    return { id: evidenceId };
  },
};

// ── One sync at a time, observable by the UI ─────────────────────────────────────────────────

export interface SyncState {
  running: boolean;
  progress: SyncProgress | null;
  /** The last run that sent something or stopped; an idle run does not hide its outcome. */
  last: SyncReport | null;
  /** When the last run (idle ones included) finished. */
  checkedAt: string | null;
}

let state: SyncState = { running: false, progress: null, last: null, checkedAt: null };

/** A run that found nothing to send and met no problem. */
export function isIdleReport(report: SyncReport): boolean {
  return report.sheets.length === 0 && report.evidence.length === 0 && report.stopped === null;
}
const listeners = new Set<() => void>();
const doneListeners = new Set<(report: SyncReport) => void>();
let current: Promise<SyncReport> | null = null;

function setState(next: Partial<SyncState>): void {
  state = { ...state, ...next };
  for (const l of listeners) l();
}

export function getSyncState(): SyncState {
  return state;
}

export function subscribeSync(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Called after every run (e.g. to refetch assignments and records). */
export function onSyncDone(listener: (report: SyncReport) => void): () => void {
  doneListeners.add(listener);
  return () => doneListeners.delete(listener);
}

/** Starts a run, or returns the one already under way. */
export function startSync(deps: { store?: SyncStore; transport?: SyncTransport } = {}): Promise<SyncReport> {
  if (current) return current;
  setState({ running: true, progress: null });
  current = runSync(deps.store ?? dexieSyncStore, deps.transport ?? httpSyncTransport, {
    onProgress: (progress) => setState({ progress }),
  })
    .catch((error: unknown): SyncReport => {
      const at = new Date().toISOString();
      return { startedAt: at, finishedAt: at, sheets: [], evidence: [], stopped: toWireError(error), skipped: 0 };
    })
    .then((report) => {
      current = null;
      setState({
        running: false,
        progress: null,
        last: isIdleReport(report) ? (state.last ?? report) : report,
        checkedAt: report.finishedAt,
      });
      for (const l of doneListeners) l(report);
      return report;
    });
  return current;
}

let autoInstalled = false;
/** Syncs whenever the browser comes back online (once per page). */
export function installAutoSync(): void {
  if (autoInstalled || typeof window === 'undefined') return;
  autoInstalled = true;
  window.addEventListener('online', () => void startSync());
}

/** Syncs now if the browser believes it is online (after a sheet was queued). */
export function syncSoon(): void {
  installAutoSync();
  if (isOnline()) void startSync();
}

export function useSyncState(): SyncState {
  return useSyncExternalStore(subscribeSync, getSyncState, getSyncState);
}
