import { describe, expect, it } from 'vitest';
import { ApiError } from './api.ts';
import { encodeMetadata, sha256Hex, type TusTransport, uploadResumable, uploadWithRetries } from './resumable-upload.ts';

/** A tus server in memory: keeps what arrived; `breakAt` cuts the next PATCH after that many bytes. */
function fakeServer() {
  const uploads = new Map<string, { length: number; bytes: number; evidenceId: string | null }>();
  const log = { created: 0, sent: 0 };
  let breakAt: number | null = null;
  const transport: TusTransport = {
    async create(length) {
      const url = `/api/v1/uploads/u${++log.created}`;
      uploads.set(url, { length, bytes: 0, evidenceId: null });
      return url;
    },
    async head(url) {
      const u = uploads.get(url);
      return u ? { offset: u.bytes, evidenceId: u.evidenceId } : null;
    },
    async patch(url, offset, body, onProgress) {
      const u = uploads.get(url)!;
      if (offset !== u.bytes) throw new ApiError(409, 'upload.offset_mismatch', 'offset');
      const n = breakAt === null ? body.size : Math.min(body.size, breakAt);
      u.bytes += n;
      log.sent += n;
      onProgress(n);
      if (breakAt !== null) {
        breakAt = null;
        throw new ApiError(0, 'network.offline', 'Network error');
      }
      if (u.bytes === u.length) u.evidenceId = `ev-${url.slice(-2)}`;
      return { offset: u.bytes, evidenceId: u.evidenceId };
    },
  };
  return { transport, uploads, log, cut: (n: number) => (breakAt = n) };
}

const file = new Blob([new Uint8Array(1000).map((_, i) => i % 251)]);

describe('uploadResumable (tus)', () => {
  it('continues from the server’s offset after a lost connection, sending each byte once', async () => {
    const server = fakeServer();
    let saved: string | null = null;
    const u = { file, metadata: { filename: 'foto.png' }, saveUrl: async (url: string | null) => void (saved = url) };
    server.cut(400);
    const first = await uploadResumable(server.transport, { ...u, savedUrl: saved }).catch((e: unknown) => e);
    expect((first as ApiError).code).toBe('network.offline');
    expect(saved).toBe('/api/v1/uploads/u1');

    const progress: number[] = [];
    const second = await uploadResumable(server.transport, { ...u, savedUrl: saved, onProgress: (loaded) => progress.push(loaded) });
    expect(second).toEqual({ evidenceId: 'ev-u1', from: 400 });
    expect(server.log).toEqual({ created: 1, sent: 1000 });
    expect(progress[0]).toBe(400);
    expect(progress.at(-1)).toBe(1000);
    expect(saved).toBeNull();
  });

  it('answers the evidence of an upload that completed while its answer was lost, sending nothing', async () => {
    const server = fakeServer();
    const url = await server.transport.create(1000, {});
    server.uploads.set(url, { length: 1000, bytes: 1000, evidenceId: 'ev-done' });
    const out = await uploadResumable(server.transport, { file, metadata: {}, savedUrl: url, saveUrl: async () => {} });
    expect(out.evidenceId).toBe('ev-done');
    expect(server.log.sent).toBe(0);
  });

  it('starts afresh when the server no longer knows the kept address', async () => {
    const server = fakeServer();
    const out = await uploadResumable(server.transport, { file, metadata: {}, savedUrl: '/api/v1/uploads/gone', saveUrl: async () => {} });
    expect(out).toEqual({ evidenceId: 'ev-u1', from: 0 });
    expect(server.log).toEqual({ created: 1, sent: 1000 });
  });
});

describe('tus helpers', () => {
  it('encodes metadata values as base64 of their UTF-8 bytes', () => {
    expect(encodeMetadata({ filename: 'loket é.png', kind: 'foto' })).toBe(
      `filename ${Buffer.from('loket é.png').toString('base64')},kind ${Buffer.from('foto').toString('base64')}`,
    );
  });
  it('hashes a file with sha256', async () => {
    expect(await sha256Hex(new Blob(['abc']))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('uploadWithRetries (a library document, issue 12 §3)', () => {
  it('after a lost connection asks the server where it stopped and sends only the rest, with no second upload', async () => {
    const server = fakeServer();
    let saved: string | null = null;
    const waits: number[] = [];
    server.cut(300);
    const done = await uploadWithRetries(
      server.transport,
      { file, metadata: { target: 'library' }, savedUrl: () => saved, saveUrl: async (url) => void (saved = url) },
      { wait: async (n) => void waits.push(n) },
    );
    expect(done).toEqual({ evidenceId: 'ev-u1', from: 300 });
    expect(server.log).toEqual({ created: 1, sent: 1000 });
    expect(waits).toEqual([0]);
    expect(saved).toBeNull();
  });

  it('does not retry a refusal, and gives up after the last attempt', async () => {
    const refusing: TusTransport = {
      create: async () => {
        throw new ApiError(422, 'library.unknown_type', 'unknown type');
      },
      head: async () => null,
      patch: async () => ({ offset: 0, evidenceId: null }),
    };
    let tries = 0;
    const u = { file, metadata: {}, savedUrl: () => null, saveUrl: async () => undefined };
    const counted: TusTransport = {
      ...refusing,
      create: (...a) => {
        tries++;
        return refusing.create(...a);
      },
    };
    const refused = await uploadWithRetries(counted, u, {
      wait: async () => undefined,
    }).catch((e: unknown) => e);
    expect((refused as ApiError).code).toBe('library.unknown_type');
    expect(tries).toBe(1);
    const offline: TusTransport = {
      ...refusing,
      create: async () => {
        tries++;
        throw new ApiError(0, 'network.offline', 'Network error');
      },
    };
    tries = 0;
    const gaveUp = await uploadWithRetries(offline, u, { attempts: 3, wait: async () => undefined }).catch((e: unknown) => e);
    expect((gaveUp as ApiError).code).toBe('network.offline');
    expect(tries).toBe(3);
  });
});
