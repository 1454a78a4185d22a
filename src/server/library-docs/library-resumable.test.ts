// A library document's file sent resumably (issue 12 §3 on issue 13 §3's tus machinery): the
// upload is checked like POST /units/:unitId/library-documents before a byte is kept, an
// interrupted upload resumes from the offset the server reports, the last byte makes the document
// (stored once, audited once, the device's hash checked), repeating it makes nothing new.
import { createHash } from 'node:crypto';
import { and, count, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LibraryDocumentDetail } from '../../shared/wire/library-docs.ts';
import { auditEvents } from '../audit/schema.ts';
import { type World, buildWorld } from '../seed/test-world.ts';
import { pdf } from '../test/files.ts';
import { createTestApp, expectUnchanged, type TestApp } from '../test/harness.ts';
import { tusClient } from '../test/tus.ts';
import { libraryDocuments } from './schema.ts';

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.app, t.db.db);
});
afterAll(() => t.close());

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const { create, patch, head, partials } = tusClient(
  () => w,
  () => t.dataDir,
);
const docsOfUnit = async () =>
  (await t.db.db.select({ n: count() }).from(libraryDocuments).where(eq(libraryDocuments.unitId, w.units.a1)))[0]!.n;

const meta = (file: Buffer, over: Record<string, string> = {}) => ({
  target: 'library',
  unitId: w.units.a1,
  type: 'laporan-skm',
  title: 'Laporan SKM Semester I 2026',
  issuedOn: '2026-07-10',
  validUntil: '2027-07-09',
  filename: 'laporan-skm.pdf',
  sha256: sha(file),
  ...over,
});

describe('resumable library upload (tus)', () => {
  it('resumes an interrupted upload from the server’s offset and makes the document once, audited', async () => {
    const file = pdf('Laporan SKM Disdukcapil, dikirim dalam beberapa bagian '.repeat(60));
    const created = await create('operator', file.length, meta(file));
    expect(created.statusCode, created.body).toBe(201);
    const url = String(created.headers.location);
    expect(url).toMatch(/^\/api\/v1\/uploads\/[0-9a-f-]{36}$/);

    // The connection breaks after a third of the file: those bytes are kept.
    const third = Math.floor(file.length / 3);
    expect((await patch('operator', url, 0, file.subarray(0, third))).statusCode).toBe(204);
    expect(await docsOfUnit()).toBe(0);
    // The device asks where to continue; a part from byte 0 is refused.
    const asked = await head('operator', url);
    expect(asked.statusCode).toBe(200);
    expect(asked.headers['upload-offset']).toBe(String(third));
    expect(asked.headers['upload-document-id']).toBeUndefined();
    expect((await patch('operator', url, 0, file)).json().error.code).toBe('upload.offset_mismatch');

    const last = await patch('operator', url, third, file.subarray(third));
    expect(last.statusCode, last.body).toBe(204);
    expect(last.headers['upload-offset']).toBe(String(file.length));
    expect(last.headers['upload-evidence-id']).toBeUndefined();
    const documentId = String(last.headers['upload-document-id']);
    const doc = (
      await w.call('operator', { method: 'GET', url: `/api/v1/library-documents/${documentId}` })
    ).json() as LibraryDocumentDetail;
    // Every field the device sent, as sent.
    const { target, ...sent } = meta(file);
    expect(target).toBe('library');
    expect(doc).toMatchObject({
      ...sent,
      mime: 'application/pdf',
      size: file.length,
    });
    const file2 = await w.call('operator', { method: 'GET', url: `/api/v1/library-documents/${documentId}/file` });
    expect(file2.rawPayload.equals(file)).toBe(true);
    const [event] = await t.db.db.select().from(auditEvents).where(eq(auditEvents.subjectId, documentId)).orderBy(desc(auditEvents.seq));
    expect(event).toMatchObject({ action: 'library_document.create', provinceCode: '36' });
    expect(event!.diff).toMatchObject({ via: 'resumable', sha256: sha(file), unitId: w.units.a1 });
    expect(partials()).toEqual([]);

    // The answer to the last part was lost: repeating it (or asking) names the same document, nothing new.
    const again = await expectUnchanged(t.db.db, () => patch('operator', url, file.length, Buffer.alloc(0)));
    expect(again.headers['upload-document-id']).toBe(documentId);
    expect((await head('operator', url)).headers['upload-document-id']).toBe(documentId);
    expect(await docsOfUnit()).toBe(1);
  });

  it('refuses before keeping a byte: bad fields, unknown type, bad dates, another unit’s library, an unknown unit', async () => {
    const file = pdf('x');
    await expectUnchanged(t.db.db, async () => {
      let res = await create('operator', file.length, meta(file, { issuedOn: '2026-13-01' }));
      expect(res.statusCode).toBe(400);
      res = await create('operator', file.length, meta(file, { type: 'surat-cinta' }));
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('library.unknown_type');
      res = await create('operator', file.length, meta(file, { validUntil: '2026-01-01' }), { 'accept-language': 'en' });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.message).toContain('ends before the issuing date');
      // The operator of a2 manages its own unit's library only; the asisten none.
      for (const who of ['operatorOther', 'asisten', 'koordinatorOther'] as const) {
        res = await create(who, file.length, meta(file));
        expect(res.statusCode, who).toBe(403);
      }
      res = await create('operator', file.length, meta(file, { unitId: '00000000-0000-4000-8000-000000000000' }));
      expect(res.statusCode).toBe(404);
    });
    expect(partials()).toEqual([]);
  });

  it('ends the upload when the bytes are not the device’s (hash) or not a PDF or image; no document made', async () => {
    const file = pdf('Laporan asli');
    const url = String((await create('koordinator', file.length, meta(file))).headers.location);
    const tampered = Buffer.from(file);
    tampered[tampered.length - 20] = 0x21;
    const before = await docsOfUnit();
    const res = await patch('koordinator', url, 0, tampered);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('upload.hash_mismatch');
    expect((await head('koordinator', url)).statusCode).toBe(404);

    const fake = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200, 0x41)]);
    const url2 = String((await create('koordinator', fake.length, meta(fake))).headers.location);
    const bad = await patch('koordinator', url2, 0, fake);
    expect(bad.statusCode).toBe(415);
    expect(await docsOfUnit()).toBe(before);
    expect(partials()).toEqual([]);
    const made = await t.db.db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'library_document.create'), eq(auditEvents.actorId, w.users.koordinator.id)));
    expect(made[0]!.n).toBe(0);
  });
});
