// A library document linked to an SKM survey of its unit (issue 12 §3, issue 11 §5): from either
// side (POST /library-documents/:id/uses { surveyId }), listed on the survey's picker
// (?surveyId: linked first, the "Laporan SKM" suggested), shown among the document's uses with its
// validity, unlinked, audited; another unit's survey or document refused, changing nothing.
import type { InjectOptions } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LibraryDocumentDetail, LibraryDocumentPage, LibraryLinked } from '../../shared/wire/library-docs.ts';
import { auditEvents } from '../audit/schema.ts';
import { type World, type Who, buildWorld } from '../seed/test-world.ts';
import { pdf } from '../test/files.ts';
import { createTestApp, expectUnchanged, type TestApp } from '../test/harness.ts';
import { libraryDocumentUses } from './schema.ts';

let t: TestApp;
let w: World;

const call = (who: Who, method: InjectOptions['method'], url: string, payload?: object, lang?: string) =>
  w.call(who, { method, url: `/api/v1${url}`, ...(payload ? { payload } : {}), ...(lang ? { headers: { 'accept-language': lang } } : {}) });

async function addDoc(who: Who, unitId: string, fields: Record<string, string>, content: Buffer) {
  const boundary = '----pantausurvey';
  const parts = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  const payload = Buffer.concat([
    Buffer.from(parts.join('')),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="skm.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await w.call(who, {
    method: 'POST',
    url: `/api/v1/units/${unitId}/library-documents`,
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as LibraryDocumentDetail;
}

async function addSurvey(who: Who, unitId: string, periodKind: string, index: number) {
  const res = await call(who, 'POST', `/units/${unitId}/surveys`, {
    periodKind,
    year: 2026,
    index,
    services: ['KTP-el'],
    expectedUsers: 300,
    opensAt: '2026-01-01T00:00:00+07:00',
    closesAt: '2026-06-30T23:59:00+07:00',
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: string; periodKey: string };
}

let report: LibraryDocumentDetail;
let sop: LibraryDocumentDetail;
let s1 = '';
let q2 = '';
let otherUnitSurvey = '';
let otherUnitDoc = '';

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.app, t.db.db);
  s1 = (await addSurvey('operator', w.units.a1, 'semester', 1)).id;
  q2 = (await addSurvey('operator', w.units.a1, 'quarter', 2)).id;
  otherUnitSurvey = (await addSurvey('operatorOther', w.units.a2, 'semester', 1)).id;
  report = await addDoc(
    'operator',
    w.units.a1,
    // Valid until a date long past: flagged expired wherever it is used.
    { type: 'laporan-skm', title: 'Laporan SKM Semester I 2026', issuedOn: '2024-07-10', validUntil: '2024-12-31' },
    pdf('Laporan SKM Disdukcapil semester I'),
  );
  sop = await addDoc('operator', w.units.a1, { type: 'sop-pelayanan', title: 'SOP pelayanan KTP', issuedOn: '2025-01-02' }, pdf('SOP'));
  otherUnitDoc = (
    await addDoc('operatorOther', w.units.a2, { type: 'laporan-skm', title: 'Laporan SKM unit lain', issuedOn: '2026-01-02' }, pdf('lain'))
  ).id;
});
afterAll(() => t.close());

describe('library documents and SKM surveys', () => {
  it("suggests an SKM report for each of the unit's surveys (its type shares the SKM scheme's topic), not other types", async () => {
    const page = (await call('operator', 'GET', `/units/${w.units.a1}/library-documents`)).json() as LibraryDocumentPage;
    expect(page.surveys.map((s) => s.periodKey)).toEqual(['2026-Q2', '2026-S1']);
    const byId = new Map(page.items.map((d) => [d.id, d]));
    expect(new Set(byId.get(report.id)!.suggestedSurveys)).toEqual(new Set([s1, q2]));
    expect(byId.get(sop.id)!.suggestedSurveys).toEqual([]);
    // Never another unit's survey.
    expect(page.surveys.map((s) => s.id)).not.toContain(otherUnitSurvey);
  });

  it('links a document to a survey (audited), lists it on the survey with its expiry flagged, and unlinks it', async () => {
    const res = await call('operator', 'POST', `/library-documents/${report.id}/uses`, { surveyId: s1 });
    expect(res.statusCode, res.body).toBe(201);
    const linked = res.json() as LibraryLinked;
    expect(linked.use).toMatchObject({ kind: 'survey', surveyId: s1, surveyKind: 'skm', surveyPeriodKey: '2026-S1', validity: 'expired' });
    expect(linked.document.suggestedSurveys).toEqual([q2]);
    // The survey's picker: the linked document first and marked, the others after.
    const forSurvey = (
      await call('koordinator', 'GET', `/units/${w.units.a1}/library-documents?surveyId=${q2}`)
    ).json() as LibraryDocumentPage;
    expect(forSurvey.items.map((d) => [d.title, d.linkedHere, d.suggested])).toEqual([
      ['Laporan SKM Semester I 2026', false, true],
      ['SOP pelayanan KTP', false, false],
    ]);
    const onS1 = (await call('koordinator', 'GET', `/units/${w.units.a1}/library-documents?surveyId=${s1}`)).json() as LibraryDocumentPage;
    expect(onS1.items[0]).toMatchObject({ id: report.id, linkedHere: true, suggested: false, validity: 'expired' });
    // The koordinator links another document from the survey's screen.
    const sopLink = await call('koordinator', 'POST', `/library-documents/${sop.id}/uses`, { surveyId: s1 });
    expect(sopLink.statusCode, sopLink.body).toBe(201);
    // The document's own view names the survey among its uses.
    const d = (await call('operator', 'GET', `/library-documents/${report.id}`)).json() as LibraryDocumentDetail;
    expect(d.uses.map((u) => [u.kind, u.surveyPeriodKey])).toEqual([['survey', '2026-S1']]);
    const rows = await t.db.db
      .select({ action: auditEvents.action, diff: auditEvents.diff })
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, report.id), eq(auditEvents.action, 'library_document.link')));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.diff).toMatchObject({ surveyId: s1, periodKey: '2026-S1', useId: linked.use.id });
    // Linked twice: refused with the survey named in the caller's language.
    const twice = await call('operator', 'POST', `/library-documents/${report.id}/uses`, { surveyId: s1 }, 'en');
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toBe('This document is already linked to SKM H1 2026.');
    // A linked document is not deleted.
    expect((await call('operator', 'DELETE', `/library-documents/${report.id}`)).json().error.code).toBe('library.document_in_use');
    // Unlink: the use goes, audited; the document stays.
    const un = await call('operator', 'DELETE', `/library-documents/${report.id}/uses/${linked.use.id}`);
    expect(un.statusCode, un.body).toBe(200);
    expect((un.json() as LibraryDocumentDetail).uses).toEqual([]);
    expect((un.json() as LibraryDocumentDetail).suggestedSurveys.sort()).toEqual([s1, q2].sort());
    expect(await t.db.db.select().from(libraryDocumentUses).where(eq(libraryDocumentUses.id, linked.use.id))).toEqual([]);
    const unlinked = await t.db.db
      .select({ diff: auditEvents.diff })
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, report.id), eq(auditEvents.action, 'library_document.unlink')));
    expect(unlinked.map((r) => r.diff)).toEqual([{ useId: linked.use.id, surveyId: s1 }]);
  });

  it("refuses another unit's survey or document, an unknown survey, and other roles, changing nothing", async () => {
    await expectUnchanged(t.db.db, async () => {
      // The unit's own document to another unit's survey: a translated 422.
      let res = await call('operator', 'POST', `/library-documents/${report.id}/uses`, { surveyId: otherUnitSurvey });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('library.other_unit');
      expect(res.json().error.message).toContain('survei');
      // Another unit's document (the operator of a2 manages its own library only): 403.
      res = await call('operator', 'POST', `/library-documents/${otherUnitDoc}/uses`, { surveyId: s1 });
      expect(res.statusCode).toBe(403);
      res = await call('operatorOther', 'POST', `/library-documents/${report.id}/uses`, { surveyId: otherUnitSurvey });
      expect(res.statusCode).toBe(403);
      // A survey that does not exist: 404, named.
      res = await call('operator', 'POST', `/library-documents/${report.id}/uses`, { surveyId: '00000000-0000-4000-8000-000000000000' });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('not_found');
      // Not a uuid: 400.
      res = await call('operator', 'POST', `/library-documents/${report.id}/uses`, { surveyId: 'abc' });
      expect(res.statusCode).toBe(400);
      for (const who of ['koordinatorOther', 'pimpinan', 'admin', 'asisten'] as const) {
        res = await call(who, 'POST', `/library-documents/${report.id}/uses`, { surveyId: s1 });
        expect(res.statusCode, who).toBe(403);
        expect((await call(who, 'GET', `/units/${w.units.a1}/library-documents?surveyId=${s1}`)).statusCode, who).toBe(403);
      }
    });
    // Another unit's survey id in the picker's filter marks nothing (the list stays the unit's own).
    const page = (
      await call('operator', 'GET', `/units/${w.units.a1}/library-documents?surveyId=${otherUnitSurvey}`)
    ).json() as LibraryDocumentPage;
    expect(page.items.every((d) => !d.linkedHere && !d.suggested)).toBe(true);
  });
});
