// issue 13 §3: resumable evidence uploads (tus 1.0.0) — a file sent in parts, across a broken
// connection, ends in the same content-addressed store, with the same checks and audit as a
// multipart upload, exactly once.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, desc, eq } from 'drizzle-orm';
import { buildApp } from '../app.ts';
import { auditEvents } from '../audit/schema.ts';
import { pdf, png } from '../test/files.ts';
import { createTestDb, expectUnchanged, type TestDb } from '../test/harness.ts';
import { tusClient, uploadMetadata } from '../test/tus.ts';
import { type World, buildWorld, fullUnit, openCycle, submitAll } from '../seed/test-world.ts';
import { parseMetadata, ResumableUploads } from './resumable.ts';
import { evidenceLinks } from './schema.ts';

const LIMIT = 64 * 1024;
let db: TestDb;
let app: FastifyInstance;
let dataDir: string;
let w: World;
let cycleId: string;
let recordId: string;

beforeAll(async () => {
  db = await createTestDb();
  dataDir = mkdtempSync(join(tmpdir(), 'pantau-tus-'));
  app = await buildApp({ db: db.db, dataDir, maxUploadBytes: LIMIT });
  await app.ready();
  w = await buildWorld(app, db.db);
  cycleId = await openCycle(w, { bodies: [w.bodies.a] });
  const sheets = fullUnit(w.scheme, cycleId, w.units.a1, () => 3).slice(0, 1);
  await submitAll(w, 'asisten', sheets);
  recordId = sheets[0]!.id;
});
afterAll(async () => {
  await app.close();
  await db.destroy();
  rmSync(dataDir, { recursive: true, force: true });
});

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const TUS = { 'tus-resumable': '1.0.0' };
const { create, patch, head, partials } = tusClient(
  () => w,
  () => dataDir,
);
const links = async (sha256: string) =>
  (
    await db.db
      .select({ n: count() })
      .from(evidenceLinks)
      .where(and(eq(evidenceLinks.sha256, sha256), eq(evidenceLinks.unitId, w.units.a1)))
  )[0]!.n;

describe('parseMetadata (tus Upload-Metadata)', () => {
  it('reads base64 values and bare keys, and refuses malformed headers', () => {
    expect(parseMetadata(`filename ${b64('loket 1.png')},kind ${b64('foto')},empty`)).toEqual({
      filename: 'loket 1.png',
      kind: 'foto',
      empty: '',
    });
    expect(parseMetadata(undefined)).toEqual({});
    expect(parseMetadata('a !!!!')).toBeNull();
    expect(parseMetadata(`a ${b64('x')},a ${b64('y')}`)).toBeNull();
    expect(parseMetadata('bad key x')).toBeNull();
  });
});

describe('ResumableUploads.append', () => {
  it('keeps every byte that arrived before the connection broke, and the next part continues there', async () => {
    const uploads = new ResumableUploads(join(dataDir, 'unit-uploads'));
    const info = await uploads.create({ owner: 'x', length: 30, fields: { cycleId, unitId: w.units.a1 }, filename: 'a.pdf', sha256: null });
    const broken = new Readable({ read() {} });
    const done = uploads.append(info, broken);
    broken.push(Buffer.alloc(12, 1));
    // once those bytes are on disk, the connection breaks mid-body
    for (let i = 0; i < 500 && (await uploads.offset(info)) < 12; i++) await new Promise((r) => setTimeout(r, 10));
    broken.destroy(new Error('ECONNRESET'));
    expect(await done).toBe(12);
    expect(await uploads.append(info, Readable.from([Buffer.alloc(18, 2)]))).toBe(30);
  });
});

describe('ResumableUploads.sweep (issue 13 §3: abandoned partial uploads)', () => {
  it('deletes unfinished uploads untouched for the configured age and stray partial files; keeps fresh, slow and completed ones', async () => {
    const dir = join(dataDir, 'sweep-uploads');
    const uploads = new ResumableUploads(dir);
    const now = new Date('2025-08-10T12:00:00Z');
    const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000);
    const fields = { cycleId, unitId: w.units.a1 };
    const make = async (createdHoursAgo: number, touchedHoursAgo: number, bytes: number) => {
      const info = await uploads.create({ owner: 'x', length: 100, fields, filename: 'a.pdf', sha256: null }, hoursAgo(createdHoursAgo));
      await uploads.append(info, Readable.from([Buffer.alloc(bytes, 1)]));
      const t = hoursAgo(touchedHoursAgo);
      utimesSync(join(dir, info.id), t, t);
      return info;
    };
    const abandoned = await make(80, 79, 40);
    const fresh = await make(2, 1, 10);
    // created long ago but still receiving bytes an hour ago: not abandoned
    const slow = await make(100, 1, 60);
    const completed = await uploads.complete(await make(90, 90, 100), '5d4c2b1a-0000-4000-8000-000000000009');
    const stray = '0b1e6d3c-1111-4222-8333-444455556666';
    writeFileSync(join(dir, stray), Buffer.alloc(5));
    utimesSync(join(dir, stray), hoursAgo(200), hoursAgo(200));

    const removed = await uploads.sweep(72 * 3600_000, now);
    expect(removed.sort()).toEqual([abandoned.id, stray].sort());
    expect(await uploads.get(abandoned.id)).toBeUndefined();
    expect(existsSync(join(dir, abandoned.id))).toBe(false);
    expect(existsSync(join(dir, stray))).toBe(false);
    expect(await uploads.offset(fresh)).toBe(10);
    expect(await uploads.offset(slow)).toBe(60);
    expect((await uploads.get(completed.id))?.evidenceId).toBe('5d4c2b1a-0000-4000-8000-000000000009');
    // nothing left to remove the second time
    expect(await uploads.sweep(72 * 3600_000, now)).toEqual([]);
  });

  it('an upload the sweep removed is unknown to the device (404), which then starts afresh', async () => {
    const photo = png(16, 16, 5);
    const url = String((await create('asisten', photo.length, { cycleId, unitId: w.units.a1, filename: 'lama.png' })).headers.location);
    expect((await patch('asisten', url, 0, photo.subarray(0, 10))).statusCode).toBe(204);
    const sweeper = new ResumableUploads(join(dataDir, 'uploads'));
    const id = url.split('/').at(-1)!;
    expect(await sweeper.sweep(3600_000, new Date(Date.now() + 2 * 3600_000))).toContain(id);
    expect((await head('asisten', url)).statusCode).toBe(404);
  });
});

describe('api: resumable evidence upload (tus 1.0.0)', () => {
  it('takes a file in parts, resumes from the offset the server reports, stores and links it once, audited', async () => {
    const file = pdf('Bukti dukung dikirim dalam beberapa bagian '.repeat(40));
    const created = await create('asisten', file.length, {
      cycleId,
      unitId: w.units.a1,
      recordId,
      indicator: 'K1',
      kind: 'dokumen',
      filename: 'sop.pdf',
      sha256: sha(file),
    });
    expect(created.statusCode).toBe(201);
    expect(created.headers['tus-resumable']).toBe('1.0.0');
    const url = String(created.headers.location);
    expect(url).toMatch(/^\/api\/v1\/uploads\/[0-9a-f-]{36}$/);

    const half = Math.floor(file.length / 2);
    const first = await patch('asisten', url, 0, file.subarray(0, half));
    expect(first.statusCode).toBe(204);
    expect(first.headers['upload-offset']).toBe(String(half));
    expect(first.headers['upload-evidence-id']).toBeUndefined();

    // the device lost its place: it asks, and a part from the wrong offset is refused
    const asked = await head('asisten', url);
    expect(asked.statusCode).toBe(200);
    expect(asked.headers['upload-offset']).toBe(String(half));
    expect(asked.headers['upload-length']).toBe(String(file.length));
    const wrong = await patch('asisten', url, 0, file);
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().error.code).toBe('upload.offset_mismatch');

    const seqBefore = (await db.db.select({ seq: auditEvents.seq }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1))[0]!.seq;
    const last = await patch('asisten', url, half, file.subarray(half));
    expect(last.statusCode).toBe(204);
    expect(last.headers['upload-offset']).toBe(String(file.length));
    const evidenceId = String(last.headers['upload-evidence-id']);
    expect(await app.stores.evidence.has(sha(file))).toBe(true);
    expect(await links(sha(file))).toBe(1);
    const events = await db.db.select().from(auditEvents).orderBy(desc(auditEvents.seq)).limit(2);
    expect(events.filter((e) => e.seq > seqBefore)).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'evidence.upload', subjectId: evidenceId, provinceCode: '36' });
    expect(events[0]!.diff).toMatchObject({ via: 'resumable', sha256: sha(file), recordId, indicator: 'K1', filename: 'sop.pdf' });
    expect(partials()).toEqual([]);

    // repeating the last part (its answer was lost) answers the same evidence, nothing new
    const again = await expectUnchanged(db.db, () => patch('asisten', url, file.length, Buffer.alloc(0)));
    expect(again.statusCode).toBe(204);
    expect(again.headers['upload-evidence-id']).toBe(evidenceId);
    expect(await links(sha(file))).toBe(1);
    const listed = (await w.call('asisten', { method: 'GET', url: `/api/v1/cycles/${cycleId}/units/${w.units.a1}/evidence` })).json();
    expect(listed.items.filter((e: { id: string }) => e.id === evidenceId)).toHaveLength(1);
  });

  it('refuses before keeping a byte: no protocol version, too long, bad metadata, another unit, another’s upload', async () => {
    const meta = { cycleId, unitId: w.units.a1, filename: 'a.png' };
    const noVersion = await expectUnchanged(db.db, () =>
      w.call('asisten', {
        method: 'POST',
        url: '/api/v1/uploads',
        headers: { 'upload-length': '10', 'upload-metadata': uploadMetadata(meta) },
      }),
    );
    expect(noVersion.statusCode).toBe(412);
    expect(noVersion.json().error.code).toBe('upload.version');
    const tooLong = await expectUnchanged(db.db, () => create('asisten', LIMIT + 1, meta));
    expect(tooLong.statusCode).toBe(413);
    const badMeta = await expectUnchanged(db.db, () => create('asisten', 10, { unitId: w.units.a1, filename: 'a.png' }));
    expect(badMeta.statusCode).toBe(400);
    const badIndicator = await expectUnchanged(db.db, () => create('asisten', 10, { ...meta, indicator: 'ZZ9' }));
    expect(badIndicator.statusCode).toBe(422);
    const otherAssessor = await expectUnchanged(db.db, () => create('asistenOther', 10, meta));
    expect(otherAssessor.statusCode).toBe(403);
    expect(partials()).toEqual([]);

    const mine = String((await create('asisten', 10, meta)).headers.location);
    expect((await head('operator', mine)).statusCode).toBe(404);
    expect((await patch('operator', mine, 0, Buffer.alloc(10))).statusCode).toBe(404);
    expect((await head('asisten', mine)).headers['upload-offset']).toBe('0');
    const ended = await w.call('asisten', { method: 'DELETE', url: mine, headers: TUS });
    expect(ended.statusCode).toBe(204);
    expect((await head('asisten', mine)).statusCode).toBe(404);
    expect(partials()).toEqual([]);
  });

  it('keeps the photo’s capture time and position with the evidence (issue 13 §2), and refuses a position off the globe', async () => {
    const photo = png(30, 20, 11);
    const meta = {
      cycleId,
      unitId: w.units.a1,
      recordId,
      indicator: 'K1',
      kind: 'foto',
      filename: 'papan.jpg',
      sha256: sha(photo),
      capturedAt: '2025-07-14T02:05:09.000Z',
      latitude: '-6.0174',
      longitude: '106.0537',
      accuracy: '12.5',
    };
    const bad = await expectUnchanged(db.db, () => create('asisten', photo.length, { ...meta, latitude: '123' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('request.invalid');

    const url = String((await create('asisten', photo.length, meta)).headers.location);
    const done = await patch('asisten', url, 0, photo);
    expect(done.statusCode).toBe(204);
    const evidenceId = String(done.headers['upload-evidence-id']);
    const listed = (await w.call('asisten', { method: 'GET', url: `/api/v1/cycles/${cycleId}/units/${w.units.a1}/evidence` })).json();
    expect(listed.items.find((e: { id: string }) => e.id === evidenceId)).toMatchObject({
      sha256: sha(photo),
      capturedAt: '2025-07-14T02:05:09.000Z',
      latitude: -6.0174,
      longitude: 106.0537,
      accuracy: 12.5,
    });
    const [event] = await db.db.select().from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
    expect(event!.diff).toMatchObject({ capturedAt: '2025-07-14T02:05:09.000Z', latitude: -6.0174, longitude: 106.0537 });
  });

  it('checks the whole file like a multipart upload: not an image or PDF, or not the device’s bytes, ends the upload', async () => {
    const fake = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200, 0x41)]);
    const url = String((await create('asisten', fake.length, { cycleId, unitId: w.units.a1, filename: 'palsu.pdf' })).headers.location);
    const refused = await expectUnchanged(db.db, () => patch('asisten', url, 0, fake));
    expect(refused.statusCode).toBe(415);
    expect(refused.json().error.code).toBe('request.corrupt_file');
    expect((await head('asisten', url)).statusCode).toBe(404);

    const photo = png(20, 20, 7);
    const other = png(20, 20, 8);
    const url2 = String(
      (await create('asisten', other.length, { cycleId, unitId: w.units.a1, filename: 'foto.png', sha256: sha(photo) })).headers.location,
    );
    const mismatch = await expectUnchanged(db.db, () => patch('asisten', url2, 0, other));
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.json().error.code).toBe('upload.hash_mismatch');
    expect(await app.stores.evidence.has(sha(other))).toBe(false);
    expect(partials()).toEqual([]);
  });

  it('refuses bytes past the announced length and keeps nothing of that upload', async () => {
    const photo = png(12, 12, 3);
    const url = String((await create('asisten', photo.length - 5, { cycleId, unitId: w.units.a1, filename: 'x.png' })).headers.location);
    const res = await expectUnchanged(db.db, () => patch('asisten', url, 0, photo));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('upload.too_long');
    expect(partials()).toEqual([]);
  });
});
