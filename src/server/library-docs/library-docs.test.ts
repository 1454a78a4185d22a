// A unit's evidence library (issue 12 §3): a document stored once and linked to indicators of an
// Ombudsman and a PEKPPP cycle and to an action (the same content, no second copy), expiry in the
// body's zone (for the document today, for a use on the cycle's date), suggestions from the
// cross-scheme topics, who may manage and who may read, audit rows, bad input changes nothing.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { InjectOptions } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localToday } from '../../core/actions.ts';
import type { ActionDetail } from '../../shared/wire/actions.ts';
import type { LibraryDocumentDetail, LibraryDocumentPage, LibraryLinked } from '../../shared/wire/library-docs.ts';
import { auditEvents } from '../audit/schema.ts';
import { evidenceFiles, evidenceLinks } from '../evidence/schema.ts';
import { type PekpppWorld, buildPekpppWorld } from '../seed/test-world-pekppp.ts';
import { type World, buildWorld, openCycle } from '../seed/test-world.ts';
import { pdf } from '../test/files.ts';
import { withAuditNames } from '../audit/names.ts';
import { createTestApp, expectUnchanged, type TestApp } from '../test/harness.ts';

let t: TestApp;
let w: World;
let p: PekpppWorld;
let omb = '';

type Caller = Parameters<PekpppWorld['call']>[0];
const call = (who: Caller, method: InjectOptions['method'], url: string, payload?: object, lang?: string) =>
  p.call(who, { method, url: `/api/v1${url}`, ...(payload ? { payload } : {}), ...(lang ? { headers: { 'accept-language': lang } } : {}) });

function form(fields: Record<string, string>, file: { name: string; content: Buffer }): Pick<InjectOptions, 'payload' | 'headers'> {
  const boundary = `----pantau${Math.random().toString(16).slice(2)}`;
  const parts = Object.entries(fields).map(([k, v]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
  );
  return {
    payload: Buffer.concat([
      ...parts,
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      file.content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const add = (who: Caller, unitId: string, fields: Record<string, string>, content: Buffer, name = 'dokumen.pdf') =>
  p.call(who, { method: 'POST', url: `/api/v1/units/${unitId}/library-documents`, ...form(fields, { name, content }) });

/** Files kept in the evidence store (staging excluded). */
function storedFiles(): number {
  const root = join(t.dataDir, 'evidence');
  let n = 0;
  const walk = (dir: string) => {
    for (const e of readdirSync(dir)) {
      if (dir === root && e === 'tmp') continue;
      const path = join(dir, e);
      if (statSync(path).isDirectory()) walk(path);
      else n++;
    }
  };
  walk(root);
  return n;
}

const MAKLUMAT = pdf('Maklumat pelayanan Disdukcapil');
const SK = pdf('SK standar pelayanan Disdukcapil');
const today = () => localToday('36', Date.now());
const dayOffset = (days: number) => {
  const d = new Date(`${today()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.app, t.db.db);
  // An Ombudsman cycle (the asisten assessing a1) and a PEKPPP cycle (the evaluator assessing a1).
  omb = await openCycle(w, { bodies: [w.bodies.a, w.bodies.b], year: Number(today().slice(0, 4)) });
  p = await buildPekpppWorld(t.app, w);
});
afterAll(() => t.close());

describe('evidence library', () => {
  let maklumat = '';
  let sk = '';

  it('stores a document once and suggests the related indicators of both schemes from its type', async () => {
    const res = await add(
      'operator',
      w.units.a1,
      { type: 'maklumat-pelayanan', title: 'Maklumat Pelayanan 2025', issuedOn: '2025-01-02' },
      MAKLUMAT,
    );
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json() as LibraryDocumentDetail;
    maklumat = d.id;
    expect(d).toMatchObject({
      unitId: w.units.a1,
      type: 'maklumat-pelayanan',
      validity: 'open',
      validUntil: null,
      uses: [],
      today: today(),
    });
    expect(d.typeTitle.id).toBe('Maklumat pelayanan');
    expect(d.suggestions.map((s) => `${s.cycleId === omb ? 'omb' : 'pek'}:${s.indicator}:${s.reason}`)).toEqual(
      expect.arrayContaining(['omb:P6A:type', 'omb:P6B:type', 'pek:A5:type']),
    );
    expect(d.suggestions).toHaveLength(3);
    const rows = await t.db.db.select().from(auditEvents).where(eq(auditEvents.subjectId, maklumat));
    expect(rows.map((r) => r.action)).toEqual(['library_document.create']);
  });

  it('links the one stored file to an Ombudsman and a PEKPPP indicator and to an action: no second copy', async () => {
    const files = storedFiles();
    const first = await call('operator', 'POST', `/library-documents/${maklumat}/uses`, { cycleId: omb, indicator: 'P6A' });
    expect(first.statusCode, first.body).toBe(201);
    let linked = first.json() as LibraryLinked;
    expect(linked.use).toMatchObject({ kind: 'indicator', cycleId: omb, indicator: 'P6A', family: 'ombudsman' });
    // Still suggested for PEKPPP A5 (its type), and for P6B; no longer for P6A.
    expect(linked.document.suggestions.map((s) => s.indicator).sort()).toEqual(['A5', 'P6B']);
    const second = await call('koordinator', 'POST', `/library-documents/${maklumat}/uses`, {
      cycleId: p.cycleId,
      indicator: 'A5',
      kind: 'f01',
    });
    expect(second.statusCode, second.body).toBe(201);
    linked = second.json() as LibraryLinked;
    expect(linked.document.uses.map((u) => u.indicator)).toEqual(['P6A', 'A5']);

    const sha = linked.document.sha256;
    expect(await t.db.db.select().from(evidenceFiles).where(eq(evidenceFiles.sha256, sha))).toHaveLength(1);
    const links = await t.db.db.select().from(evidenceLinks).where(eq(evidenceLinks.sha256, sha));
    expect(links.map((l) => [l.cycleId, l.indicator, l.unitId])).toEqual(
      expect.arrayContaining([
        [omb, 'P6A', w.units.a1],
        [p.cycleId, 'A5', w.units.a1],
      ]),
    );
    expect(links).toHaveLength(2);
    expect(storedFiles()).toBe(files);

    // The PEKPPP unit view lists it as the A5 claim's evidence, and the asisten downloads the Ombudsman link's bytes.
    const view = await call('operator', 'GET', `/cycles/${p.cycleId}/units/${w.units.a1}/pekppp`);
    expect(view.statusCode, view.body).toBe(200);
    const a5Claim = (view.json() as { indicators: { code: string; claim: { files: { filename: string }[] } }[] }).indicators.find(
      (i) => i.code === 'A5',
    );
    expect(a5Claim?.claim.files.map((f) => f.filename)).toEqual(['dokumen.pdf']);
    const ombLink = links.find((l) => l.cycleId === omb)!;
    const dl = await call('asisten', 'GET', `/evidence/${ombLink.id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(MAKLUMAT)).toBe(true);

    // An action of the unit: the file is the action's evidence, named in a progress report.
    const planned = await call('koordinator', 'POST', `/units/${w.units.a1}/actions`, {
      sourceKind: 'manual',
      title: 'Memperbarui maklumat pelayanan',
      personInCharge: 'Kepala Dinas',
      dueDate: dayOffset(30),
    });
    expect(planned.statusCode, planned.body).toBe(201);
    const actionId = (planned.json() as ActionDetail).id;
    const onAction = await call('operator', 'POST', `/library-documents/${maklumat}/uses`, { actionId });
    expect(onAction.statusCode, onAction.body).toBe(201);
    const use = (onAction.json() as LibraryLinked).use;
    expect(use).toMatchObject({ kind: 'action', actionId, actionTitle: 'Memperbarui maklumat pelayanan' });
    const progress = await call('operator', 'POST', `/actions/${actionId}/progress`, {
      note: 'Maklumat dari pustaka',
      status: 'in_progress',
      evidenceIds: [use.actionEvidenceId],
    });
    expect(progress.statusCode, progress.body).toBe(200);
    const detail = progress.json() as ActionDetail;
    expect(detail.evidence.map((e) => e.sha256)).toEqual([sha]);
    expect(storedFiles()).toBe(files);
    // Named in a report: the link stays (409), nothing changes.
    await expectUnchanged(t.db.db, async () => {
      const res = await call('operator', 'DELETE', `/library-documents/${maklumat}/uses/${use.id}`, undefined, 'en');
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'library.use_reported' });
      expect(res.json().error.message).toContain('progress report');
    });
    const audit = await t.db.db.select().from(auditEvents).where(eq(auditEvents.subjectId, maklumat));
    expect(audit.map((r) => r.action)).toEqual([
      'library_document.create',
      'library_document.link',
      'library_document.link',
      'library_document.link',
    ]);
    // The audit log screen names the document and each link, not their ids (issue 16).
    const named = await withAuditNames(t.db.db, {
      items: audit.map((r) => ({
        seq: r.seq,
        at: r.at.toISOString(),
        actorId: r.actorId,
        actorLabel: '',
        action: r.action,
        subjectType: r.subjectType,
        subjectId: r.subjectId,
        provinceCode: r.provinceCode,
        diff: r.diff,
        prevHash: '',
        hash: '',
      })),
      total: audit.length,
      page: 1,
      pageSize: audit.length,
    });
    for (const e of named.items) expect(e.subjectName).toMatch(/^Maklumat/);
    const useName = named.items.find((e) => e.action === 'library_document.link')!;
    const useId = (useName.diff as { useId: string }).useId;
    expect(useName.names?.[useId]).toMatch(/^tautan Maklumat/);
    const onActionEvent = named.items.find((e) => (e.diff as { actionEvidenceId?: string }).actionEvidenceId)!;
    const fileId = (onActionEvent.diff as { actionEvidenceId: string }).actionEvidenceId;
    expect(onActionEvent.names?.[fileId]).toBe('dokumen.pdf');
  });

  it('lists the suggested document first in the picker beside an indicator', async () => {
    const res = await add(
      'koordinator',
      w.units.a1,
      { type: 'sk-standar-pelayanan', title: 'SK Standar Pelayanan', issuedOn: '2024-03-01' },
      SK,
      'sk.pdf',
    );
    expect(res.statusCode, res.body).toBe(201);
    sk = (res.json() as LibraryDocumentDetail).id;
    const page = (
      await call('operator', 'GET', `/units/${w.units.a1}/library-documents?cycleId=${p.cycleId}&indicator=A1`)
    ).json() as LibraryDocumentPage;
    expect(page.items.map((d) => [d.id, d.suggested, d.linkedHere])).toEqual([
      [sk, true, false],
      [maklumat, false, false],
    ]);
    const a5 = (
      await call('operator', 'GET', `/units/${w.units.a1}/library-documents?cycleId=${p.cycleId}&indicator=A5`)
    ).json() as LibraryDocumentPage;
    expect(a5.items.find((d) => d.id === maklumat)).toMatchObject({ suggested: false, linkedHere: true });
    expect(page.types.map((x) => x.code)).toContain('laporan-skm');
    // Without an indicator: newest issue first, each with where it is used.
    const plain = (await call('koordinator', 'GET', `/units/${w.units.a1}/library-documents`)).json() as LibraryDocumentPage;
    expect(plain.items.map((d) => [d.id, d.uses.length])).toEqual([
      [maklumat, 3],
      [sk, 0],
    ]);
  });

  it('flags a document expired today in the body’s zone, and judges a use on its cycle’s date', async () => {
    const yesterday = dayOffset(-1);
    let res = await call('operator', 'PATCH', `/library-documents/${sk}`, { validUntil: yesterday });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ validity: 'expired', daysLeft: -1, validUntil: yesterday });
    res = await call('operator', 'PATCH', `/library-documents/${sk}`, { validUntil: dayOffset(10) });
    expect(res.json()).toMatchObject({ validity: 'expiring', daysLeft: 10 });
    // A past cycle judges on 31 December of its year: a document that ended after it was valid then.
    const past = await openCycle(w, { bodies: [w.bodies.a], year: 2023 });
    res = await call('operator', 'PATCH', `/library-documents/${sk}`, { validUntil: '2024-06-30' });
    expect(res.json()).toMatchObject({ validity: 'expired' });
    const linked = await call('operator', 'POST', `/library-documents/${sk}/uses`, { cycleId: past, indicator: 'S6' });
    expect(linked.statusCode, linked.body).toBe(201);
    expect((linked.json() as LibraryLinked).use).toMatchObject({ cycleYear: 2023, validity: 'valid' });
    const current = await call('operator', 'POST', `/library-documents/${sk}/uses`, { cycleId: omb, indicator: 'S6' });
    expect((current.json() as LibraryLinked).use.validity).toBe('expired');
    // The audit keeps the edits.
    const edits = await t.db.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, sk), eq(auditEvents.action, 'library_document.update')));
    expect(edits).toHaveLength(3);
  });

  it('unlinks an indicator use; the document and its file stay', async () => {
    const d = (await call('operator', 'GET', `/library-documents/${sk}`)).json() as LibraryDocumentDetail;
    const use = d.uses.find((u) => u.cycleId === omb)!;
    const res = await call('koordinator', 'DELETE', `/library-documents/${sk}/uses/${use.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as LibraryDocumentDetail).uses.map((u) => u.cycleYear)).toEqual([2023]);
    expect(await t.db.db.select().from(evidenceLinks).where(eq(evidenceLinks.id, use.evidenceId!))).toEqual([]);
    expect((await call('operator', 'GET', `/library-documents/${sk}/file`)).rawPayload.equals(SK)).toBe(true);
  });

  it('refuses bad input with a translated reason, changing nothing', async () => {
    await expectUnchanged(t.db.db, async () => {
      let res = await add('operator', w.units.a1, { type: 'surat-cinta', title: 'x', issuedOn: '2025-01-01' }, pdf('x'));
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('library.unknown_type');
      res = await add(
        'operator',
        w.units.a1,
        { type: 'laporan-skm', title: 'SKM', issuedOn: '2025-01-01', validUntil: '2024-12-31' },
        pdf('y'),
      );
      expect(res.statusCode).toBe(422);
      expect(res.json().error.message).toContain('sebelum tanggal terbit');
      res = await add('operator', w.units.a1, { type: 'laporan-skm', title: 'SKM', issuedOn: '2025-13-01' }, pdf('z'));
      expect(res.statusCode).toBe(400);
      // The upload's field problems in the request's language (Indonesian by default), not Zod's English.
      expect(res.json().error.message).toMatch(/^Permintaan tidak valid: issuedOn: .*tidak valid/);
      res = await call('operator', 'POST', `/library-documents/${maklumat}/uses`, { cycleId: omb, indicator: 'P6A' });
      expect(res.statusCode).toBe(409);
      res = await call('operator', 'POST', `/library-documents/${maklumat}/uses`, { cycleId: omb, indicator: 'ZZ9' });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('evidence.invalid_link');
      res = await call('operator', 'PATCH', `/library-documents/${maklumat}`, { issuedOn: '2025-01-02', validUntil: '2024-01-01' }, 'en');
      expect(res.statusCode).toBe(422);
      expect(res.json().error.message).toContain('ends before the issuing date');
    });
    // Another unit's action.
    const other = await call('koordinator', 'POST', `/units/${w.units.a2}/actions`, {
      sourceKind: 'manual',
      title: 'Aksi unit lain',
      personInCharge: 'Kepala',
      dueDate: dayOffset(20),
    });
    await expectUnchanged(t.db.db, async () => {
      const res = await call('operator', 'POST', `/library-documents/${maklumat}/uses`, { actionId: (other.json() as ActionDetail).id });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('library.other_unit');
    });
  });

  it('lets the unit’s operator and koordinator manage, the assigned asisten/evaluator read what is linked, nobody else', async () => {
    await expectUnchanged(t.db.db, async () => {
      for (const who of ['operatorOther', 'koordinatorOther', 'pimpinan', 'admin', 'asisten', 'evaluator'] as const) {
        expect((await call(who, 'GET', `/units/${w.units.a1}/library-documents`)).statusCode, who).toBe(403);
        expect((await add(who, w.units.a1, { type: 'lainnya', title: 'x', issuedOn: '2025-01-01' }, pdf(who))).statusCode, who).toBe(403);
        expect((await call(who, 'PATCH', `/library-documents/${maklumat}`, { title: 'x' })).statusCode, who).toBe(403);
        expect((await call(who, 'POST', `/library-documents/${maklumat}/uses`, { cycleId: omb, indicator: 'P6B' })).statusCode, who).toBe(
          403,
        );
      }
      expect((await call('public', 'GET', `/library-documents/${maklumat}`)).statusCode).toBe(401);
    });
    // Linked to the Ombudsman cycle (asisten) and the PEKPPP cycle (evaluator): both read it.
    for (const who of ['asisten', 'evaluator', 'operator', 'koordinator'] as const) {
      expect((await call(who, 'GET', `/library-documents/${maklumat}`)).statusCode, who).toBe(200);
      expect((await call(who, 'GET', `/library-documents/${maklumat}/file`)).statusCode, who).toBe(200);
    }
    // The SK is linked only to the 2023 cycle now (asisten assigned there, no evaluator).
    expect((await call('asisten', 'GET', `/library-documents/${sk}`)).statusCode).toBe(200);
    expect((await call('evaluator', 'GET', `/library-documents/${sk}`)).statusCode).toBe(403);
    for (const who of ['asistenOther', 'evaluatorOther', 'operatorOther', 'koordinatorOther', 'pimpinan', 'admin'] as const) {
      expect((await call(who, 'GET', `/library-documents/${maklumat}`)).statusCode, who).toBe(403);
      expect((await call(who, 'GET', `/library-documents/${maklumat}/file`)).statusCode, who).toBe(403);
    }
  });

  it('deletes a document linked nowhere (audited, still named in the log); refuses a linked one with the count, and other roles, changing nothing', async () => {
    await expectUnchanged(t.db.db, async () => {
      const linked = await call('operator', 'DELETE', `/library-documents/${maklumat}`);
      expect(linked.statusCode).toBe(409);
      expect(linked.json().error.code).toBe('library.document_in_use');
      expect(linked.json().error.message).toMatch(/masih tertaut ke \d+ indikator, survei atau tindak lanjut/);
      for (const who of ['operatorOther', 'koordinatorOther', 'pimpinan', 'admin', 'asisten'] as const)
        expect((await call(who, 'DELETE', `/library-documents/${maklumat}`)).statusCode, who).toBe(403);
    });
    const spare = (
      await add('operator', w.units.a1, { type: 'lainnya', title: 'Draf yang salah unggah', issuedOn: '2025-02-01' }, pdf('draf'))
    ).json() as LibraryDocumentDetail;
    const res = await call('koordinator', 'DELETE', `/library-documents/${spare.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ id: spare.id, title: 'Draf yang salah unggah' });
    expect((await call('operator', 'GET', `/library-documents/${spare.id}`)).statusCode).toBe(404);
    const rows = await t.db.db.select().from(auditEvents).where(eq(auditEvents.subjectId, spare.id));
    expect(rows.map((r) => r.action)).toEqual(['library_document.create', 'library_document.delete']);
    const named = await withAuditNames(t.db.db, {
      items: rows.map((r) => ({
        seq: r.seq,
        at: r.at.toISOString(),
        actorId: r.actorId,
        actorLabel: '',
        action: r.action,
        subjectType: r.subjectType,
        subjectId: r.subjectId,
        provinceCode: r.provinceCode,
        diff: r.diff,
        prevHash: '',
        hash: '',
      })),
      total: rows.length,
      page: 1,
      pageSize: rows.length,
    });
    for (const e of named.items) expect(e.subjectName).toBe(`Draf yang salah unggah · ${spare.unitName}`);
    expect((await call('operator', 'DELETE', `/library-documents/${spare.id}`)).statusCode).toBe(404);
  });
});
