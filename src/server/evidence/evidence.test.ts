import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, desc } from 'drizzle-orm';
import { buildApp } from '../app.ts';
import { auditEvents } from '../audit/schema.ts';
import { WEBP, pdf, png } from '../test/files.ts';
import { createTestDb, expectUnchanged, type TestDb } from '../test/harness.ts';
import { type World, buildWorld, fullUnit, openCycle, submitAll } from '../seed/test-world.ts';
import { evidenceFiles, evidenceLinks } from './schema.ts';
import { DirectoryEvidenceStore, sniffMime } from './store.ts';

const LIMIT = 64 * 1024;
let db: TestDb;
let app: FastifyInstance;
let dataDir: string;
let w: World;
let cycleId: string;
let recordId: string;

beforeAll(async () => {
  db = await createTestDb();
  dataDir = mkdtempSync(join(tmpdir(), 'pantau-evidence-'));
  app = await buildApp({ db: db.db, dataDir, maxUploadBytes: LIMIT });
  await app.ready();
  w = await buildWorld(app, db.db);
  cycleId = await openCycle(w, { bodies: [w.bodies.a] });
  const sheets = fullUnit(w.scheme, cycleId, w.units.a1, () => 3).slice(0, 2);
  await submitAll(w, 'asisten', sheets);
  recordId = sheets[0]!.id;
});
afterAll(async () => {
  await app.close();
  await db.destroy();
  rmSync(dataDir, { recursive: true, force: true });
});

const PNG = png(24, 16, 1);
const PDF = pdf('Bukti dukung');

/** A multipart/form-data body: fields first, then the file. */
function form(fields: Record<string, string>, file: { name: string; type: string; content: Buffer }) {
  const boundary = `----pantau${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
  );
  parts.push(file.content, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const upload = (
  who: Parameters<World['call']>[0],
  fields: Record<string, string>,
  file: { name: string; type: string; content: Buffer },
) => {
  const f = form(fields, file);
  return w.call(who, { method: 'POST', url: '/api/v1/evidence', payload: f.payload, headers: f.headers });
};

/** A refused call: it must change nothing (audit head unchanged). */
const unchanged = <T>(act: () => Promise<T>) => expectUnchanged(db.db, act);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const fileRows = async () => (await db.db.select({ n: count() }).from(evidenceFiles))[0]!.n;

describe('sniffMime', () => {
  it.each([
    ['JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'image/jpeg'],
    ['PNG', PNG, 'image/png'],
    ['WebP', WEBP, 'image/webp'],
    ['PDF', PDF, 'application/pdf'],
    ['a GIF', Buffer.from('GIF89a......'), null],
    ['an HTML page', Buffer.from('<!doctype html><script>'), null],
    ['a RIFF that is not WebP', Buffer.from('RIFF\u0000\u0000\u0000\u0000WAVEfmt '), null],
  ])('reads %s from its first bytes', (_name, head, mime) => {
    expect(sniffMime(head.subarray(0, 16))).toBe(mime);
  });
});

describe('DirectoryEvidenceStore', () => {
  it('stores content under ab/cd/<sha256> and deduplicates by hash', async () => {
    const store = new DirectoryEvidenceStore(join(dataDir, 'unit-store'));
    const a = await store.put(Readable.from([PDF.subarray(0, 5), PDF.subarray(5)]));
    expect(a).toMatchObject({ sha256: sha(PDF), size: PDF.length, created: true });
    expect(readFileSync(join(dataDir, 'unit-store', a.sha256.slice(0, 2), a.sha256.slice(2, 4), a.sha256)).equals(PDF)).toBe(true);
    const b = await store.put(Readable.from([PDF]));
    expect(b.created).toBe(false);
    expect(await store.has(a.sha256)).toBe(true);
    expect(await store.get('0'.repeat(64))).toBeUndefined();
  });

  it('stores nothing when the inspection rejects the content', async () => {
    const root = join(dataDir, 'unit-store-2');
    const store = new DirectoryEvidenceStore(root);
    await expect(
      store.put(Readable.from([Buffer.from('not allowed')]), {
        inspect: () => {
          throw new Error('no');
        },
      }),
    ).rejects.toThrow('no');
    expect(readdirSync(root).filter((d) => d !== 'tmp')).toEqual([]);
    expect(readdirSync(join(root, 'tmp'))).toEqual([]);
  });
});

describe('api: POST /evidence', () => {
  it('stores an upload by content, links it to the record and indicator, and audits it', async () => {
    const res = await upload(
      'asisten',
      { cycleId, unitId: w.units.a1, recordId, indicator: 'K1', kind: 'foto' },
      { name: 'loket.png', type: 'image/png', content: PNG },
    );
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      sha256: sha(PNG),
      size: PNG.length,
      mime: 'image/png',
      recordId,
      indicator: 'K1',
      kind: 'foto',
      filename: 'loket.png',
    });
    expect(await app.stores.evidence.has(body.sha256)).toBe(true);
    const [event] = await db.db.select().from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
    expect(event).toMatchObject({ action: 'evidence.upload', subjectId: body.id, provinceCode: '36' });
  });

  it('deduplicates the same content uploaded twice (one file, two links)', async () => {
    const before = await fileRows();
    const a = (await upload('asisten', { cycleId, unitId: w.units.a1 }, { name: 'sk.pdf', type: 'application/pdf', content: PDF })).json();
    const b = (
      await upload(
        'operator',
        { cycleId, unitId: w.units.a1, indicator: 'S1' },
        { name: 'sk-lagi.pdf', type: 'application/pdf', content: PDF },
      )
    ).json();
    expect(a.sha256).toBe(b.sha256);
    expect(a.id).not.toBe(b.id);
    expect(await fileRows()).toBe(before + 1);
  });

  it('rejects a file whose bytes are not JPEG, PNG, WebP or PDF with 415, whatever its name and declared type', async () => {
    const links = (await db.db.select({ n: count() }).from(evidenceLinks))[0]!.n;
    const res = await unchanged(() =>
      upload(
        'asisten',
        { cycleId, unitId: w.units.a1 },
        { name: 'foto.jpg', type: 'image/jpeg', content: Buffer.from('<html><script>alert(1)</script></html>') },
      ),
    );
    expect(res.statusCode).toBe(415);
    expect(res.json().error).toMatchObject({ code: 'request.unsupported_type', details: { type: 'image/jpeg' } });
    expect((await db.db.select({ n: count() }).from(evidenceLinks))[0]!.n).toBe(links);
    expect(readdirSync(join(dataDir, 'evidence', 'tmp'))).toEqual([]);
  });

  it.each([
    [
      'FF D8 FF followed by HTML (D12)',
      Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('<html><script>alert(1)</script></html>')]),
      'image/jpeg',
    ],
    [
      'a PNG signature followed by HTML',
      Buffer.concat([PNG.subarray(0, 8), Buffer.from('<html><script>alert(1)</script></html>')]),
      'image/png',
    ],
    ['%PDF- followed by HTML', Buffer.from('%PDF-1.7\n<html><script>alert(1)</script></html>\n%%EOF\n'), 'application/pdf'],
  ])('rejects %s with 415 request.corrupt_file, storing and auditing nothing', async (_n, content, type) => {
    const links = (await db.db.select({ n: count() }).from(evidenceLinks))[0]!.n;
    const [head] = await db.db.select({ seq: auditEvents.seq }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
    const res = await upload('asisten', { cycleId, unitId: w.units.a1 }, { name: 'bukti', type, content });
    expect(res.statusCode).toBe(415);
    expect(res.json().error).toMatchObject({ code: 'request.corrupt_file', details: { type } });
    expect((await db.db.select({ n: count() }).from(evidenceLinks))[0]!.n).toBe(links);
    expect(await app.stores.evidence.has(sha(content))).toBe(false);
    expect(readdirSync(join(dataDir, 'evidence', 'tmp'))).toEqual([]);
    const [after] = await db.db.select({ seq: auditEvents.seq }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
    expect(after!.seq).toBe(head!.seq);
  });

  it('rejects a file over the size limit with 413 and stores nothing', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(LIMIT + 10, 0x20)]);
    const res = await unchanged(() =>
      upload('asisten', { cycleId, unitId: w.units.a1 }, { name: 'besar.pdf', type: 'application/pdf', content: big }),
    );
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('request.too_large');
    expect(await app.stores.evidence.has(sha(big))).toBe(false);
  });

  it('checks the link and the caller before storing anything', async () => {
    const f = { name: 'x.png', type: 'image/png', content: Buffer.concat([PNG, Buffer.from('other')]) };
    // The unit's own koordinator may attach evidence (F-01 of PEKPPP, issue 10); another government's may not.
    expect((await unchanged(() => upload('asistenOther', { cycleId, unitId: w.units.a1 }, f))).statusCode).toBe(403);
    expect((await unchanged(() => upload('koordinatorOther', { cycleId, unitId: w.units.a1 }, f))).statusCode).toBe(403);
    const badIndicator = await unchanged(() => upload('asisten', { cycleId, unitId: w.units.a1, indicator: 'ZZ9' }, f));
    expect(badIndicator.statusCode).toBe(422);
    expect(badIndicator.json().error.code).toBe('evidence.invalid_link');
    const missing = await unchanged(() => upload('asisten', { unitId: w.units.a1 }, f));
    expect(missing.statusCode).toBe(400);
    expect(await app.stores.evidence.has(sha(f.content))).toBe(false);
  });
});

describe('api: GET /evidence', () => {
  it("lists a unit's evidence and serves the bytes to those who may read them", async () => {
    const list = (
      await w.call('koordinator', { method: 'GET', url: `/api/v1/cycles/${cycleId}/units/${w.units.a1}/evidence?indicator=K1` })
    ).json();
    expect(list.items).toHaveLength(1);
    const id = list.items[0].id;
    const res = await w.call('koordinator', { method: 'GET', url: `/api/v1/evidence/${id}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.rawPayload.equals(PNG)).toBe(true);
    expect((await w.call('koordinatorOther', { method: 'GET', url: `/api/v1/evidence/${id}` })).statusCode).toBe(403);
    expect((await w.call('public', { method: 'GET', url: `/api/v1/evidence/${id}` })).statusCode).toBe(401);
    expect((await w.call('asisten', { method: 'GET', url: `/api/v1/evidence/00000000-0000-4000-8000-000000000000` })).statusCode).toBe(404);
  });
});
