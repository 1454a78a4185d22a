import { describe, expect, it } from 'vitest';
import type { WireError } from '../../shared/wire/common.ts';
import type { RecordBatchOut, RecordInput } from '../../shared/wire/records.ts';
import { ApiError } from './api.ts';
import type { OutboxEntry, QueuedEvidence } from './offline-db.ts';
import { runSync, toRecordPayload, type SyncStore, type SyncTransport } from './sync.ts';

const CYCLE = '7f0c1f7e-0000-4000-8000-000000000001';
const UNIT = '7f0c1f7e-0000-4000-8000-000000000002';

function entry(id: string, over: Partial<OutboxEntry> = {}): OutboxEntry {
  return {
    id,
    schemeId: 'ombudsman-2024',
    instrument: 'pengguna',
    unitKey: UNIT,
    cycleId: CYCLE,
    value: { respondent: `Pengguna ${id}`, notes: '', answers: { O1: 3, O2: 2, O3: 3, O4: 3, O5: 1 } },
    createdAt: '2025-01-01T00:00:00.000Z',
    queuedAt: `2025-01-01T00:00:0${id.length % 10}.000Z`,
    attempts: 0,
    lastError: null,
    ...over,
  };
}

function file(id: string, sheetId: string, over: Partial<QueuedEvidence> = {}): QueuedEvidence {
  return {
    id,
    sheetId,
    cycleId: CYCLE,
    unitId: UNIT,
    indicator: 'S7',
    kind: 'foto',
    filename: `${id}.png`,
    mime: 'image/png',
    size: 120,
    blob: new Blob(['x']),
    queuedAt: '2025-01-01T00:00:00.000Z',
    error: null,
    ...over,
  };
}

/** The device: an outbox, drafts (ids only) and queued evidence, all in memory. */
function memoryStore(outbox: OutboxEntry[], evidence: QueuedEvidence[] = [], drafts: string[] = []) {
  const box = new Map(outbox.map((e) => [e.id, structuredClone(e)]));
  const files = new Map(evidence.map((e) => [e.id, { ...e }]));
  const store: SyncStore = {
    listOutbox: async () => [...box.values()],
    acknowledge: async (id) => void box.delete(id),
    markRejected: async (id, error) => {
      const e = box.get(id)!;
      e.attempts += 1;
      e.rejected = error;
      e.lastError = { code: error.code, message: error.message };
    },
    markFailed: async (id, error) => {
      const e = box.get(id)!;
      e.attempts += 1;
      e.lastError = { code: error.code, message: error.message };
    },
    localSheetIds: async () => new Set([...box.keys(), ...drafts]),
    listEvidence: async () => [...files.values()],
    evidenceUploaded: async (id) => void files.delete(id),
    evidenceFailed: async (id, error) => void (files.get(id)!.error = error),
  };
  return { store, box, files };
}

/** A server that keeps what it accepted; `judge` decides each record's fate. */
function fakeServer(judge: (r: RecordInput) => 'ok' | WireError = () => 'ok') {
  const stored = new Map<string, RecordInput>();
  const calls = { batches: [] as string[][], puts: [] as string[], uploads: [] as { id: string; recordId: string | null }[] };
  const transport: SyncTransport = {
    async sendBatch(records) {
      calls.batches.push(records.map((r) => r.id));
      const results: RecordBatchOut['results'] = records.map((r) => {
        const verdict = judge(r);
        if (verdict !== 'ok') return { id: r.id, outcome: 'rejected', error: verdict };
        if (stored.has(r.id)) return { id: r.id, outcome: 'unchanged' };
        stored.set(r.id, r);
        return { id: r.id, outcome: 'created' };
      });
      const n = (o: string) => results.filter((x) => x.outcome === o).length;
      return { results, created: n('created'), unchanged: n('unchanged'), rejected: n('rejected') };
    },
    async replace(record) {
      calls.puts.push(record.id);
      const verdict = judge(record);
      if (verdict !== 'ok') throw new ApiError(409, verdict.code, verdict.message, verdict.details);
      stored.set(record.id, record);
    },
    async upload(item, recordId, onProgress) {
      calls.uploads.push({ id: item.id, recordId });
      onProgress(item.size, item.size);
      return { id: `server-${item.id}` };
    },
  };
  return { transport, stored, calls };
}

const outOfScale: WireError = {
  code: 'record.invalid',
  message: 'Rekaman tidak valid',
  details: { reasonCode: 'answer.out_of_scale', indicator: 'O1', reason: 'indikator O1: jawaban 7 di luar skala 0–3' },
};

describe('toRecordPayload', () => {
  it('sends the answered levels, trimmed texts and the time the sheet was finished', () => {
    const payload = toRecordPayload(
      entry('a', {
        value: { respondent: '  Pengguna 3 ', notes: '   ', answers: { O1: 2, O2: null }, remarks: { O1: ' antre lama ', O2: '  ' } },
        queuedAt: '2025-03-04T05:06:07.000Z',
      }),
    );
    expect(payload).toEqual({
      id: 'a',
      cycleId: CYCLE,
      unitId: UNIT,
      instrument: 'pengguna',
      respondent: 'Pengguna 3',
      answers: { O1: 2 },
      remarks: { O1: 'antre lama' },
      notes: null,
      capturedAt: '2025-03-04T05:06:07.000Z',
    });
  });

  it('has nothing to send for a practice sheet without a cycle or unit', () => {
    expect(toRecordPayload(entry('a', { cycleId: undefined }))).toBeNull();
    expect(toRecordPayload(entry('a', { unitKey: '' }))).toBeNull();
  });
});

describe('runSync: sheets', () => {
  it('sends new sheets in one batch; created ones leave the device, a rejected one stays with its reason', async () => {
    const { store, box } = memoryStore([
      entry('a'),
      entry('bb'),
      entry('ccc', { value: { respondent: 'Rusak', notes: '', answers: { O1: 7 } } }),
    ]);
    const server = fakeServer((r) => (r.answers.O1 === 7 ? outOfScale : 'ok'));
    const report = await runSync(store, server.transport);

    expect(server.calls.batches).toEqual([['a', 'bb', 'ccc']]);
    expect(report.sheets.map((s) => [s.id, s.outcome])).toEqual([
      ['a', 'created'],
      ['bb', 'created'],
      ['ccc', 'rejected'],
    ]);
    expect(report.sheets[2]!.error).toEqual(outOfScale);
    expect([...box.keys()]).toEqual(['ccc']);
    expect(box.get('ccc')!.rejected).toEqual(outOfScale);
    expect(report.stopped).toBeNull();
  });

  it('does not re-send a rejected sheet until it is corrected or cleared', async () => {
    const { store } = memoryStore([entry('a', { rejected: outOfScale }), entry('bb')]);
    const server = fakeServer();
    const report = await runSync(store, server.transport);
    expect(server.calls.batches).toEqual([['bb']]);
    expect(report.skipped).toBe(1);
  });

  it('keeps every sheet when the network fails, and delivers them on the next run', async () => {
    const { store, box } = memoryStore([entry('a'), entry('bb')]);
    const server = fakeServer();
    const down: SyncTransport = {
      ...server.transport,
      sendBatch: async () => Promise.reject(new ApiError(0, 'network.offline', 'Failed to fetch')),
    };

    const first = await runSync(store, down);
    expect(first.stopped?.code).toBe('network.offline');
    expect(first.sheets.every((s) => s.outcome === 'failed')).toBe(true);
    expect([...box.keys()]).toEqual(['a', 'bb']);
    expect(box.get('a')!.attempts).toBe(1);
    expect(box.get('a')!.rejected).toBeUndefined();

    const second = await runSync(store, server.transport);
    expect(second.sheets.map((s) => s.outcome)).toEqual(['created', 'created']);
    expect(box.size).toBe(0);
  });

  it('treats a reply lost after the server stored the sheets as a no-op the next time (same client ids)', async () => {
    const { store, box } = memoryStore([entry('a')]);
    const server = fakeServer();
    // The server stores the batch, but the reply never arrives.
    const lossy: SyncTransport = {
      ...server.transport,
      sendBatch: async (records) => {
        await server.transport.sendBatch(records);
        throw new ApiError(0, 'network.offline', 'connection reset');
      },
    };
    await runSync(store, lossy);
    expect(box.has('a')).toBe(true);
    const again = await runSync(store, server.transport);
    expect(again.sheets).toMatchObject([{ id: 'a', outcome: 'unchanged' }]);
    expect(box.size).toBe(0);
    expect(server.stored.size).toBe(1);
  });

  it('splits a large outbox into batches of the given size', async () => {
    const many = Array.from({ length: 450 }, (_, k) => entry(`s${k}`, { queuedAt: new Date(Date.UTC(2025, 0, 1, 0, 0, k)).toISOString() }));
    const { store, box } = memoryStore(many);
    const server = fakeServer();
    const progress: number[] = [];
    await runSync(store, server.transport, { batchSize: 200, onProgress: (p) => p.phase === 'sheets' && progress.push(p.done) });
    expect(server.calls.batches.map((b) => b.length)).toEqual([200, 200, 50]);
    expect(progress).toEqual([0, 200, 400, 450]);
    expect(box.size).toBe(0);
  });

  it('sends edits of server records one by one with PUT: a refusal is kept, a server error stops the run', async () => {
    const locked: WireError = { code: 'unit.locked', message: 'locked', details: { unit: 'Disdukcapil', status: 'submitted' } };
    const { store, box } = memoryStore([
      entry('a', { replaces: true }),
      entry('bb', { replaces: true, value: { respondent: 'X', notes: '', answers: { O1: 0 } } }),
    ]);
    const server = fakeServer((r) => (r.answers.O1 === 0 ? locked : 'ok'));
    const report = await runSync(store, server.transport);
    expect(server.calls.puts).toEqual(['a', 'bb']);
    expect(server.calls.batches).toEqual([]);
    expect(report.sheets.map((s) => s.outcome)).toEqual(['updated', 'rejected']);
    expect(box.get('bb')!.rejected?.code).toBe('unit.locked');

    const failing = memoryStore([entry('c', { replaces: true }), entry('dd', { replaces: true })]);
    const broken: SyncTransport = { ...server.transport, replace: async () => Promise.reject(new ApiError(500, 'internal', 'boom')) };
    const stopped = await runSync(failing.store, broken);
    expect(stopped.stopped?.code).toBe('internal');
    expect(stopped.sheets).toHaveLength(1);
    expect(failing.box.get('c')!.rejected).toBeUndefined();
    expect(failing.box.size).toBe(2);
  });
});

describe('runSync: evidence', () => {
  it('uploads a file only once its sheet is on the server, linked to that record', async () => {
    const { store, files } = memoryStore([entry('a')], [file('f1', 'a'), file('f2', 'draft-1')], ['draft-1']);
    const server = fakeServer();
    const report = await runSync(store, server.transport);
    expect(server.calls.uploads).toEqual([{ id: 'f1', recordId: 'a' }]);
    expect(report.evidence).toMatchObject([{ id: 'f1', outcome: 'uploaded' }]);
    expect([...files.keys()]).toEqual(['f2']);
  });

  it('keeps the file of a sheet the server rejected', async () => {
    const { store, files } = memoryStore([entry('a', { value: { respondent: 'R', notes: '', answers: { O1: 7 } } })], [file('f1', 'a')]);
    const server = fakeServer((r) => (r.answers.O1 === 7 ? outOfScale : 'ok'));
    await runSync(store, server.transport);
    expect(server.calls.uploads).toEqual([]);
    expect(files.has('f1')).toBe(true);
  });

  it('keeps a refused file with its reason and does not retry it; other files still go', async () => {
    const tooBig: WireError = { code: 'request.too_large', message: 'too large', details: { limit: 20971520 } };
    const { store, files } = memoryStore([], [file('big', 'sent-1'), file('ok', 'sent-1')]);
    const server = fakeServer();
    const transport: SyncTransport = {
      ...server.transport,
      upload: async (item, recordId, p) => {
        if (item.id === 'big') throw new ApiError(413, tooBig.code, tooBig.message, tooBig.details);
        return server.transport.upload(item, recordId, p);
      },
    };
    const report = await runSync(store, transport);
    expect(report.evidence.map((e) => [e.id, e.outcome])).toEqual([
      ['big', 'rejected'],
      ['ok', 'uploaded'],
    ]);
    expect(files.get('big')!.error).toEqual(tooBig);
    const again = await runSync(store, transport);
    expect(again.evidence).toEqual([]);
  });

  it('falls back to the unit and indicator when the record is unknown to the server', async () => {
    const { store, files } = memoryStore([], [file('f1', 'gone')]);
    const server = fakeServer();
    const transport: SyncTransport = {
      ...server.transport,
      upload: async (item, recordId, p) => {
        if (recordId) throw new ApiError(422, 'evidence.invalid_link', 'no such record', {});
        return server.transport.upload(item, recordId, p);
      },
    };
    const report = await runSync(store, transport);
    expect(server.calls.uploads).toEqual([{ id: 'f1', recordId: null }]);
    expect(report.evidence).toMatchObject([{ outcome: 'uploaded' }]);
    expect(files.size).toBe(0);
  });
});
