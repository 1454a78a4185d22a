// Every write is audited: each non-GET route of `app.routeTable` either has a step in the story
// below that makes it succeed — and that call must append at least one audit row, each with an
// action of `auditActions` — or is on the allow-list with the reason it writes no audit row.
// A new write route fails here until it has one or the other: nothing writes unaudited by
// oversight. The story runs through one world in order (registry, accounts, a second cycle's
// locus, fieldwork and review of the main cycle, clarification, publication, imports).
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { desc, gt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SignedIn, signIn } from '../auth/testing.ts';
import { base32Decode, totp } from '../auth/totp.ts';
import { pdf, png } from '../test/files.ts';
import { insertBody } from '../seed/fixtures.ts';
import { settleJobs } from '../jobs/runner.ts';
import { type RecordPayload, type World, buildWorld, fullUnit, openCycle, submitAll } from '../seed/test-world.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { type PekpppWorld, buildPekpppWorld } from '../seed/test-world-pekppp.ts';
import { isAuditAction } from './actions.ts';
import { auditEvents } from './schema.ts';
import { evidenceFiles } from '../evidence/schema.ts'; // issue 11
import { findings } from '../findings/schema.ts'; // issue 12
import { insertClosedSkm } from '../seed/skm-fixture.ts'; // issue 11 §7

/** Write routes that append no audit row, and why. Keep this short: each entry is a decision. */
const allowList: Record<string, string> = {
  // An export reads results into a file built by a background job; it changes no data (the
  // job row it creates is bookkeeping for the download, not a change to audit).
  'POST /api/v1/cycles/:cycleId/exports/results': 'read-only export job',
  // A report pack renders the PDFs of a published snapshot in a background job: a read.
  'POST /api/v1/publications/:publicationId/report-pack': 'read-only report job',
  // issue 11: an anonymous survey response is kept with its own abuse verdict (flags, device key,
  // fingerprint); chaining each would serialise results-day campaigns on the audit lock. The
  // survey's set-up, paper entries, moderation and publication are audited.
  'POST /api/v1/public/surveys/:surveyCode/responses': 'anonymous survey response, kept with its abuse verdict',
  // issue 18: the award-night pack renders a published snapshot's awards: a read.
  'POST /api/v1/publications/:publicationId/award-night-pack': 'read-only award-night job',
  // issue 13: a resumable upload's bytes wait in a staging file until the last part arrives; the
  // completed upload is audited as `evidence.upload` (the PATCH step below). Starting, asking the
  // offset of, or abandoning an upload changes no data.
  'POST /api/v1/uploads': 'starts a staging file; the completed upload is audited (PATCH)',
  'HEAD /api/v1/uploads/:uploadId': 'reads the offset of a staging file',
  'DELETE /api/v1/uploads/:uploadId': 'removes an unfinished staging file; evidence already made stays',
};

type Who = Parameters<World['call']>[0];

let t: TestApp;
let w: World;
/** The main cycle (body a: units a1, a2) and a second one built through the API. */
let main: string;
const ids: Record<string, string> = {};
let session: Record<string, string> = {};
let a1: RecordPayload[] = [];
let extra: RecordPayload;

const PASSWORD = 'kata-sandi-cakupan-audit';
const PDF = pdf('Bukti cakupan audit');
const PNG = png();
/** A pimpinan made through the API for the own-account routes (password change, second factor). */
const OWN = { username: 'cakupan.pimpinan', password: 'kata-sandi-pimpinan-cakupan' };
let own: SignedIn | undefined;
let totpSecret = '';
/** A call as the pimpinan made above, signed in on first use. */
const asOwn = async (method: InjectOptions['method'], url: string, payload?: object) => {
  own ??= await signIn(t.app, OWN.username, OWN.password);
  return t.app.inject({ method, url: `/api/v1${url}`, headers: own.headers, ...(payload ? { payload } : {}) });
};
/** A code the authenticator would show now (the server refuses a step it has seen, so use the next). */
const codeNow = (step = 0) => totp(base32Decode(totpSecret), new Date(Date.now() + step * 30_000));
const inHours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();

// issue 13
/** The pimpinan acknowledges the first open sheet of a unit (the rest go at once, with acknowledge-all). */
async function acknowledgeFirst(unitId: string) {
  const flags = json(await call('pimpinan', 'GET', `/cycles/${main}/units/${unitId}/fieldwork-flags`)) as {
    items: { recordId: string; severity: string; acknowledged: unknown }[];
  };
  const open = new Set(flags.items.filter((f) => f.severity === 'warning' && f.acknowledged === null).map((f) => f.recordId));
  return call('pimpinan', 'POST', `/records/${[...open][0]}/fieldwork-flags/acknowledge`, { note: 'Diperiksa.' });
}

/** A multipart/form-data body: fields, then one file. */
function form(
  fields: Record<string, string>,
  file: { name: string; type: string; content: Buffer },
): Pick<InjectOptions, 'payload' | 'headers'> {
  const boundary = `----pantau${Math.random().toString(16).slice(2)}`;
  const parts = Object.entries(fields).map(([k, v]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
  );
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
    Buffer.from(file.content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const call = (who: Who, method: InjectOptions['method'], url: string, payload?: object | Pick<InjectOptions, 'payload' | 'headers'>) => {
  const multipart = payload && 'headers' in payload && 'payload' in payload;
  const opts: InjectOptions = multipart
    ? { method, url: `/api/v1${url}`, ...(payload as object) }
    : { method, url: `/api/v1${url}`, ...(payload ? { payload: payload as object } : {}) };
  return w.call(who, opts);
};
const lastSeq = async () =>
  (await t.db.db.select({ seq: auditEvents.seq }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1))[0]?.seq ?? 0;
const json = (res: LightMyRequestResponse) => res.json() as Record<string, unknown>;

async function resultsFile(lines: (string | number)[][]): Promise<Buffer> {
  const tpl = (await call('admin', 'GET', '/imports/templates/results.xlsx')).rawPayload;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(tpl as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Hasil')!;
  for (const [k, l] of lines.entries()) ws.getRow(k + 2).values = l;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function answersCsv(list: RecordPayload[]): Buffer {
  const codes = [...new Set(list.flatMap((r) => Object.keys(r.answers)))];
  const lines = [['instrumen', 'responden', ...codes].join(',')];
  for (const r of list) lines.push([r.instrument, r.respondent, ...codes.map((c) => (r.answers[c] ?? '') as string | number)].join(','));
  return Buffer.from(lines.join('\n'));
}

// issue 10: the PEKPPP world (a PEKPPP 2024 cycle over bodies a and b, evaluators assigned), built at its first step.
let pk: PekpppWorld | undefined;
const pekppp = (tail: string) => `/api/v1/cycles/${pk!.cycleId}/units/${w.units.a1}/pekppp${tail}`;
const allOf = <T>(f: (code: string) => T): Record<string, T> =>
  Object.fromEntries(pk!.scheme.dimensions.flatMap((d) => d.variables.flatMap((v) => v.indicators.map((i) => [i.code, f(i.code)]))));

interface Step {
  /** The route as in the route table: `METHOD /api/v1/...:param`. */
  route: string;
  run(): Promise<LightMyRequestResponse>;
  /** Keeps the reply's `id` under this name for later steps. */
  keep?: string;
  /** The write happens in a background job: wait for it before counting audit rows. */
  job?: boolean;
}

const steps: Step[] = [
  // ── Registry and accounts ──
  {
    route: 'POST /api/v1/bodies',
    run: () => call('admin', 'POST', '/bodies', { type: 'kota', code: '36.74', name: 'Kota Tangerang Selatan', provinceCode: '36' }),
    keep: 'body',
  },
  { route: 'PATCH /api/v1/bodies/:bodyId', run: () => call('admin', 'PATCH', `/bodies/${ids.body}`, { name: 'Kota Tangsel' }) },
  {
    route: 'POST /api/v1/bodies/:bodyId/units',
    run: () => call('admin', 'POST', `/bodies/${ids.body}/units`, { name: 'Disdukcapil', sector: 'adminduk' }),
    keep: 'unit',
  },
  { route: 'PATCH /api/v1/units/:unitId', run: () => call('admin', 'PATCH', `/units/${ids.unit}`, { name: 'Disdukcapil Tangsel' }) },
  // issue 17: unit locations in bulk (one unit.update per changed unit)
  {
    route: 'POST /api/v1/bodies/:bodyId/units/locations',
    run: () =>
      call(
        'admin',
        'POST',
        `/bodies/${ids.body}/units/locations`,
        form({}, { name: 'lokasi.csv', type: 'text/csv', content: Buffer.from(`id_unit,alamat\n${ids.unit},Jl. Pajajaran No. 1\n`) }),
      ),
  },
  {
    route: 'POST /api/v1/users',
    run: () =>
      call('admin', 'POST', '/users', {
        username: 'cakupan.audit',
        name: 'Cakupan Audit',
        password: PASSWORD,
        role: 'asisten',
        provinceCode: '36',
      }),
    keep: 'user',
  },
  { route: 'PATCH /api/v1/users/:userId', run: () => call('admin', 'PATCH', `/users/${ids.user}`, { name: 'Cakupan Audit Dua' }) },
  {
    route: 'POST /api/v1/auth/login',
    run: () => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'cakupan.audit', password: PASSWORD } }),
  },
  {
    route: 'POST /api/v1/auth/logout',
    run: async () => {
      session = (await signIn(t.app, 'cakupan.audit', PASSWORD)).headers;
      return t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: session });
    },
  },

  // ── A second cycle through the API: its locus, an answers import, removals ──
  {
    route: 'POST /api/v1/cycles',
    run: () => call('admin', 'POST', '/cycles', { name: 'Penilaian cakupan audit', year: 2024, schemeId: 'ombudsman-2024' }),
    keep: 'side',
  },
  // issue 12 §4: the koordinator's own pre-assessment (cycle.create + locus.add)
  {
    route: 'POST /api/v1/internal-cycles',
    run: () =>
      call('koordinator', 'POST', '/internal-cycles', {
        name: 'Pra-penilaian cakupan audit',
        year: 2025,
        schemeId: 'ombudsman-2025',
        unitIds: [w.units.a1],
      }),
  },
  { route: 'POST /api/v1/cycles/:cycleId/bodies', run: () => call('admin', 'POST', `/cycles/${ids.side}/bodies`, { bodyId: ids.body }) },
  { route: 'POST /api/v1/cycles/:cycleId/units', run: () => call('admin', 'POST', `/cycles/${ids.side}/units`, { unitId: w.units.c1 }) },
  { route: 'POST /api/v1/cycles/:cycleId/status', run: () => call('admin', 'POST', `/cycles/${ids.side}/status`, { status: 'fieldwork' }) },
  {
    route: 'POST /api/v1/cycles/:cycleId/units/:unitId/imports/answers',
    run: () =>
      call(
        'admin',
        'POST',
        `/cycles/${ids.side}/units/${ids.unit}/imports/answers`,
        form(
          {},
          {
            name: 'jawaban.csv',
            type: 'text/csv',
            content: answersCsv(fullUnit(w.scheme, ids.side!, ids.unit!, () => 3).slice(0, 2)),
          },
        ),
      ),
  },
  { route: 'DELETE /api/v1/cycles/:cycleId/units/:unitId', run: () => call('admin', 'DELETE', `/cycles/${ids.side}/units/${w.units.c1}`) },
  {
    route: 'DELETE /api/v1/cycles/:cycleId/bodies/:bodyId',
    run: () => call('admin', 'DELETE', `/cycles/${ids.side}/bodies/${w.bodies.c.id}`),
  },

  // ── The main cycle: assignment, follow-ups, fieldwork, review ──
  {
    route: 'PUT /api/v1/cycles/:cycleId/units/:unitId/assignment',
    run: () => call('admin', 'PUT', `/cycles/${main}/units/${w.units.a1}/assignment`, { dueDate: '2024-10-31' }),
  },
  {
    route: 'PUT /api/v1/cycles/:cycleId/bodies/:bodyId/followups',
    run: () => call('admin', 'PUT', `/cycles/${main}/bodies/${w.bodies.a.id}/followups`, { products: [{ kind: 'lhp', followedUp: true }] }),
  },
  // issue 13 §5: a visit plan (the asisten's own), a unit's own quota, the team-lead level.
  {
    route: 'POST /api/v1/cycles/:cycleId/visits',
    run: () => call('asisten', 'POST', `/cycles/${main}/visits`, { date: '2024-07-01', unitIds: [w.units.a1] }),
    keep: 'visit',
  },
  {
    route: 'PUT /api/v1/visits/:id',
    run: () => call('asisten', 'PUT', `/visits/${ids.visit}`, { date: '2024-07-02', unitIds: [w.units.a1], note: 'Bersama tim' }),
  },
  { route: 'DELETE /api/v1/visits/:id', run: () => call('pimpinan', 'DELETE', `/visits/${ids.visit}`) },
  {
    route: 'PUT /api/v1/cycles/:cycleId/units/:unitId/quota',
    run: () =>
      call('pimpinan', 'PUT', `/cycles/${main}/units/${w.units.a1}/quota`, { instrument: 'pengguna', target: 32, reason: 'Unit ramai' }),
  },
  {
    route: 'PUT /api/v1/cycles/:cycleId/team-leads',
    run: () => call('pimpinan', 'PUT', `/cycles/${main}/team-leads`, { provinceCode: '36', enabled: true, leadIds: [w.users.asisten.id] }),
  },
  { route: 'POST /api/v1/records', run: () => call('asisten', 'POST', '/records', a1[0]!) },
  { route: 'POST /api/v1/records/batch', run: () => call('asisten', 'POST', '/records/batch', { records: [...a1.slice(1), extra] }) },
  {
    route: 'PUT /api/v1/records/:id',
    run: () => {
      const { id, cycleId: _c, unitId: _u, ...content } = a1[0]!;
      return call('asisten', 'PUT', `/records/${id}`, { ...content, respondent: 'Responden diperbaiki' });
    },
  },
  { route: 'DELETE /api/v1/records/:id', run: () => call('asisten', 'DELETE', `/records/${extra.id}`) },
  {
    route: 'POST /api/v1/evidence',
    run: () =>
      call(
        'asisten',
        'POST',
        '/evidence',
        form({ cycleId: main, unitId: w.units.a1 }, { name: 'bukti.pdf', type: 'application/pdf', content: PDF }),
      ),
    keep: 'evidence',
  },
  { route: 'DELETE /api/v1/evidence/:id', run: () => call('asisten', 'DELETE', `/evidence/${ids.evidence}`) },
  // issue 13: a resumable (tus) upload, completed in one part: audited as evidence.upload.
  {
    route: 'PATCH /api/v1/uploads/:uploadId',
    run: async () => {
      const tus = { 'tus-resumable': '1.0.0' };
      const meta = { cycleId: main, unitId: w.units.a1, filename: 'bukti-berlanjut.pdf' };
      const created = await w.call('asisten', {
        method: 'POST',
        url: '/api/v1/uploads',
        headers: {
          ...tus,
          'upload-length': String(PDF.length),
          'upload-metadata': Object.entries(meta)
            .map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`)
            .join(','),
        },
      });
      return w.call('asisten', {
        method: 'PATCH',
        url: String(created.headers.location),
        headers: { ...tus, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
        payload: PDF,
      });
    },
  },
  {
    route: 'POST /api/v1/cycles/:cycleId/units/:unitId/submit',
    run: () => call('asisten', 'POST', `/cycles/${main}/units/${w.units.a1}/submit`),
  },
  // issue 13 §6: the team lead (the asisten, named above) returns it once, then passes it on later.
  {
    route: 'POST /api/v1/cycles/:cycleId/units/:unitId/lead-return',
    run: () => call('asisten', 'POST', `/cycles/${main}/units/${w.units.a1}/lead-return`, { comments: { O1: 'Periksa lagi.' } }),
  },
  {
    route: 'POST /api/v1/cycles/:cycleId/units/:unitId/submit',
    run: () => call('asisten', 'POST', `/cycles/${main}/units/${w.units.a1}/submit`),
  },
  {
    route: 'POST /api/v1/cycles/:cycleId/units/:unitId/return',
    run: () => call('pimpinan', 'POST', `/cycles/${main}/units/${w.units.a1}/return`, { note: 'Periksa kembali jawaban.' }),
  },
  {
    route: 'POST /api/v1/cycles/:cycleId/units/:unitId/submit',
    run: () => call('asisten', 'POST', `/cycles/${main}/units/${w.units.a1}/submit`),
  },
  {
    route: 'POST /api/v1/cycles/:cycleId/units/:unitId/lead-review',
    run: () => call('asisten', 'POST', `/cycles/${main}/units/${w.units.a1}/lead-review`, { note: 'Lengkap.' }),
  },
  // Off again: a2 (handed in before) goes to the pimpinan as handed in; a1 is reviewed.
  {
    route: 'PUT /api/v1/cycles/:cycleId/team-leads',
    run: () => call('pimpinan', 'PUT', `/cycles/${main}/team-leads`, { provinceCode: '36', enabled: false }),
  },
  // issue 13: a flagged sheet is acknowledged before its unit is approved; a2 is approved in bulk.
  { route: 'POST /api/v1/records/:id/fieldwork-flags/acknowledge', run: () => acknowledgeFirst(w.units.a1) },
  // issue 13 §6: a1's other warnings at once, with one note.
  {
    route: 'POST /api/v1/cycles/:cycleId/units/:unitId/fieldwork-flags/acknowledge-all',
    run: () =>
      call('pimpinan', 'POST', `/cycles/${main}/units/${w.units.a1}/fieldwork-flags/acknowledge-all`, { note: 'Semua diperiksa.' }),
  },
  {
    route: 'POST /api/v1/cycles/:cycleId/approve-bulk',
    run: () => call('pimpinan', 'POST', `/cycles/${main}/approve-bulk`, { unitIds: [w.units.a2] }),
  },
  {
    route: 'POST /api/v1/cycles/:cycleId/units/:unitId/approve',
    run: () => call('pimpinan', 'POST', `/cycles/${main}/units/${w.units.a1}/approve`, {}),
  },
  { route: 'POST /api/v1/cycles/:cycleId/recompute', run: () => call('admin', 'POST', `/cycles/${main}/recompute`) },
  { route: 'POST /api/v1/cycles/:cycleId/status', run: () => call('admin', 'POST', `/cycles/${main}/status`, { status: 'review' }) },

  // ── Clarification ──
  {
    route: 'POST /api/v1/cycles/:cycleId/clarification-windows',
    run: () => call('pimpinan', 'POST', `/cycles/${main}/clarification-windows`, { scope: '36', deadline: inHours(1) }),
    keep: 'window',
  },
  {
    route: 'PATCH /api/v1/clarification-windows/:windowId',
    run: () => call('pimpinan', 'PATCH', `/clarification-windows/${ids.window}`, { deadline: inHours(2) }),
  },
  {
    route: 'POST /api/v1/cycles/:cycleId/units/:unitId/disputes',
    run: () =>
      call('koordinator', 'POST', `/cycles/${main}/units/${w.units.a1}/disputes`, {
        indicator: 'O1',
        statement: 'Layanan kami sudah memenuhi indikator ini.',
      }),
    keep: 'rejected',
  },
  {
    route: 'POST /api/v1/disputes/:disputeId/evidence',
    run: () =>
      call('koordinator', 'POST', `/disputes/${ids.rejected}/evidence`, form({}, { name: 'foto.png', type: 'image/png', content: PNG })),
  },
  {
    route: 'POST /api/v1/disputes/:disputeId/reject',
    run: () => call('pimpinan', 'POST', `/disputes/${ids.rejected}/reject`, { reason: 'Bukti tidak mendukung sanggahan.' }),
  },
  {
    route: 'POST /api/v1/cycles/:cycleId/units/:unitId/disputes',
    run: () =>
      call('koordinator', 'POST', `/cycles/${main}/units/${w.units.a1}/disputes`, {
        indicator: 'O1',
        statement: 'Sanggahan kedua dengan bukti yang lengkap.',
      }),
    keep: 'accepted',
  },
  {
    route: 'POST /api/v1/disputes/:disputeId/accept',
    run: () => call('pimpinan', 'POST', `/disputes/${ids.accepted}/accept`, { value: 2 }),
  },
  {
    route: 'PATCH /api/v1/clarification-windows/:windowId',
    run: () => call('pimpinan', 'PATCH', `/clarification-windows/${ids.window}`, { close: true }),
  },

  // ── Publication ──
  {
    route: 'POST /api/v1/cycles/:cycleId/publications',
    run: () => call('admin', 'POST', `/cycles/${main}/publications`, { scope: '36' }),
    keep: 'publication',
  },
  // issue 18: the hand-over of the awards, a government's edited press release
  {
    route: 'PUT /api/v1/publications/:publicationId/handover',
    run: () =>
      call('pimpinan', 'PUT', `/publications/${ids.publication}/handover`, { date: '2024-12-10', place: 'Pendopo Gubernur Banten' }),
  },
  {
    route: 'PUT /api/v1/publications/:publicationId/bodies/:bodyId/release',
    run: () =>
      call('koordinator', 'PUT', `/publications/${ids.publication}/bodies/${w.bodies.a.id}/release`, {
        lang: 'id',
        text: 'SIARAN PERS\n\nTeks yang disunting.',
      }),
  },
  // The erratum last: a hand-over is refused on a superseded version (issue 18).
  {
    route: 'POST /api/v1/publications/:publicationId/errata',
    run: () => call('admin', 'POST', `/publications/${ids.publication}/errata`, { reason: 'Koreksi penulisan nama unit.' }),
  },

  // ── Historical results (a job writes the cycle and its audit) ──
  {
    route: 'POST /api/v1/imports/results',
    job: true,
    run: async () =>
      call(
        'admin',
        'POST',
        '/imports/results',
        form(
          { name: 'Hasil 2022', schemeId: 'ombudsman-2022' },
          {
            name: 'hasil.xlsx',
            type: 'application/octet-stream',
            content: await resultsFile([
              [2022, '36.71', 'Kota Tangerang', 'ombudsman-2022', 87.46],
              [2022, '36.72', 'Kota Cilegon', 'ombudsman-2022', 70.1],
            ]),
          },
        ),
      ),
  },

  // ── Own account: password change and the second factor; an admin's resets ──
  {
    route: 'POST /api/v1/users',
    run: () => call('admin', 'POST', '/users', { ...OWN, name: 'Pimpinan Cakupan', role: 'pimpinan', provinceCode: '36' }),
    keep: 'ownUser',
  },
  {
    route: 'POST /api/v1/auth/password',
    run: async () => {
      const res = await asOwn('POST', '/auth/password', { currentPassword: OWN.password, newPassword: `${OWN.password}-baru` });
      OWN.password = `${OWN.password}-baru`;
      return res;
    },
  },
  {
    route: 'POST /api/v1/auth/totp/enrol',
    run: async () => {
      const res = await asOwn('POST', '/auth/totp/enrol', { password: OWN.password });
      totpSecret = String(json(res).secret);
      return res;
    },
  },
  { route: 'POST /api/v1/auth/totp/confirm', run: () => asOwn('POST', '/auth/totp/confirm', { code: codeNow() }) },
  { route: 'POST /api/v1/auth/totp/disable', run: () => asOwn('POST', '/auth/totp/disable', { password: OWN.password, code: codeNow(1) }) },
  {
    route: 'POST /api/v1/auth/totp/enrol',
    run: async () => {
      const res = await asOwn('POST', '/auth/totp/enrol', { password: OWN.password });
      totpSecret = String(json(res).secret);
      expect((await asOwn('POST', '/auth/totp/confirm', { code: codeNow() })).statusCode).toBe(204);
      return res;
    },
  },
  { route: 'POST /api/v1/users/:userId/reset-totp', run: () => call('admin', 'POST', `/users/${ids.ownUser}/reset-totp`) },
  {
    route: 'POST /api/v1/users/:userId/reset-password',
    run: () => call('admin', 'POST', `/users/${ids.ownUser}/reset-password`),
  },

  // ── issue 10: PEKPPP — the unit's F-01, the evaluator's F-02, clarification, finalisation ──
  {
    route: 'PUT /api/v1/cycles/:cycleId/units/:unitId/pekppp/claims',
    run: async () => {
      pk ??= await buildPekpppWorld(t.app, w);
      return pk.call('operator', {
        method: 'PUT',
        url: pekppp('/claims'),
        payload: { indicators: allOf((code) => ({ level: 3, links: [`https://contoh.go.id/${code}`] })) },
      });
    },
  },
  // issue 11 §7: the unit attaches its closed SKM survey's IKM to an SKM indicator of F-01, then removes it.
  {
    route: 'POST /api/v1/cycles/:cycleId/units/:unitId/ikm-evidence',
    run: async () => {
      const surveyId = await insertClosedSkm(t.db.db, w.units.a1, [
        Object.fromEntries(['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'].map((c) => [c, 3])),
      ]);
      const res = await pk!.call('operator', {
        method: 'POST',
        url: `/api/v1/cycles/${pk!.cycleId}/units/${w.units.a1}/ikm-evidence`,
        payload: { indicator: 'A6', surveyId },
      });
      ids.ikmEvidence = json(res).id as string;
      return res;
    },
  },
  {
    route: 'DELETE /api/v1/ikm-evidence/:ikmEvidenceId',
    run: () => pk!.call('operator', { method: 'DELETE', url: `/api/v1/ikm-evidence/${ids.ikmEvidence}` }),
  },
  {
    route: 'POST /api/v1/cycles/:cycleId/units/:unitId/pekppp/claims/submit',
    run: () => pk!.call('operator', { method: 'POST', url: pekppp('/claims/submit') }),
  },
  {
    route: 'POST /api/v1/cycles/:cycleId/units/:unitId/pekppp/claims/reopen',
    run: () => pk!.call('evaluator', { method: 'POST', url: pekppp('/claims/reopen'), payload: { note: 'Lengkapi bukti A1.' } }),
  },
  {
    route: 'PUT /api/v1/cycles/:cycleId/units/:unitId/pekppp/verdicts',
    run: () =>
      pk!.call('evaluator', {
        method: 'PUT',
        url: pekppp('/verdicts'),
        payload: { indicators: allOf(() => ({ level: 3, reason: 'Sesuai dokumen.', sources: ['telaah-dokumen'] })) },
      }),
  },
  {
    route: 'POST /api/v1/cycles/:cycleId/units/:unitId/pekppp/clarifications',
    run: async () => {
      const res = await pk!.call('evaluator', {
        method: 'POST',
        url: pekppp('/clarifications'),
        payload: { indicators: ['A1'], question: 'Unggah SK.' },
      });
      ids.pekpppClarification = json(res).id as string;
      return res;
    },
  },
  {
    route: 'POST /api/v1/cycles/:cycleId/units/:unitId/pekppp/answers',
    run: () =>
      pk!.call('operator', {
        method: 'POST',
        url: pekppp('/answers'),
        payload: { clarificationId: ids.pekpppClarification, answers: { A1: { statement: 'SK terlampir.' } } },
      }),
  },
  {
    route: 'POST /api/v1/cycles/:cycleId/units/:unitId/pekppp/finalise',
    run: () => pk!.call('evaluator', { method: 'POST', url: pekppp('/finalise'), payload: {} }),
  },
  {
    route: 'PUT /api/v1/cycles/:cycleId/bodies/:bodyId/evaluator-organisation',
    run: () =>
      call('admin', 'PUT', `/cycles/${pk!.cycleId}/bodies/${w.bodies.b.id}/evaluator-organisation`, { organisationId: w.bodies.b.id }),
  },
  {
    route: 'PUT /api/v1/cycles/:cycleId/pekppp/mandiri',
    run: async () => {
      const created = await call('admin', 'POST', '/cycles', { name: 'PEKPPP mandiri', year: 2024, schemeId: 'pekppp-2024' });
      ids.mandiriCycle = json(created).id as string;
      await call('admin', 'POST', `/cycles/${ids.mandiriCycle}/bodies`, { bodyId: w.bodies.c.id });
      return call('admin', 'PUT', `/cycles/${ids.mandiriCycle}/pekppp/mandiri`, { organiserBodyId: w.bodies.c.id });
    },
  },
  {
    route: 'POST /api/v1/cycles/:cycleId/pekppp/validation',
    run: () =>
      pk!.call('evaluatorNational', {
        method: 'POST',
        url: `/api/v1/cycles/${ids.mandiriCycle}/pekppp/validation`,
        payload: { decision: 'validated' },
      }),
  },
  // ── issue 11: a unit's public survey ──
  {
    route: 'POST /api/v1/units/:unitId/surveys',
    run: () =>
      call('operator', 'POST', `/units/${w.units.a1}/surveys`, {
        periodKind: 'quarter',
        year: 2024,
        index: 4,
        services: ['KTP-el'],
        expectedUsers: 500,
        opensAt: inHours(-1),
        closesAt: inHours(48),
      }),
    keep: 'survey',
  },
  { route: 'PATCH /api/v1/surveys/:surveyId', run: () => call('operator', 'PATCH', `/surveys/${ids.survey}`, { expectedUsers: 600 }) },
  { route: 'POST /api/v1/surveys/:surveyId/kiosk', run: () => call('operator', 'POST', `/surveys/${ids.survey}/kiosk`) },
  {
    route: 'POST /api/v1/surveys/:surveyId/paper',
    run: async () => {
      await t.db.db
        .insert(evidenceFiles)
        .values({ sha256: 'b'.repeat(64), size: 1, mime: 'application/pdf' })
        .onConflictDoNothing();
      ids.paper = randomUUID();
      const answers = Object.fromEntries(['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'].map((c) => [c, 3]));
      return call('operator', 'POST', `/surveys/${ids.survey}/paper`, {
        id: ids.paper,
        answers,
        profile: { layanan: 'KTP-el' },
        suggestion: 'Terima kasih',
        scanSha256: 'b'.repeat(64),
      });
    },
  },
  {
    route: 'POST /api/v1/surveys/:surveyId/scans',
    run: () =>
      call('operator', 'POST', `/surveys/${ids.survey}/scans`, form({}, { name: 'skm.pdf', type: 'application/pdf', content: PDF })),
  },
  {
    route: 'PUT /api/v1/surveys/:surveyId/responses/:responseId/suggestion',
    run: () => call('operator', 'PUT', `/surveys/${ids.survey}/responses/${ids.paper}/suggestion`, { status: 'approved' }),
  },
  { route: 'POST /api/v1/surveys/:surveyId/publication', run: () => call('operator', 'POST', `/surveys/${ids.survey}/publication`) },
  // ── issue 12: follow-up actions (plan, edit, evidence, progress, verify, comment) ──
  {
    route: 'POST /api/v1/units/:unitId/actions',
    run: () =>
      call('koordinator', 'POST', `/units/${w.units.a1}/actions`, {
        sourceKind: 'manual',
        title: 'SK standar pelayanan',
        personInCharge: 'Kabag Organisasi',
        dueDate: '2030-03-31',
      }),
    keep: 'action',
  },
  { route: 'PATCH /api/v1/actions/:actionId', run: () => call('koordinator', 'PATCH', `/actions/${ids.action}`, { targetLevel: 3 }) },
  // ── issue 12 §3: the unit's evidence library (add, edit, link to the action above, unlink) ──
  {
    route: 'POST /api/v1/units/:unitId/library-documents',
    run: () =>
      call(
        'operator',
        'POST',
        `/units/${w.units.a1}/library-documents`,
        form(
          { type: 'maklumat-pelayanan', title: 'Maklumat pelayanan', issuedOn: '2025-01-02' },
          { name: 'maklumat.pdf', type: 'application/pdf', content: PDF },
        ),
      ),
    keep: 'libraryDoc',
  },
  {
    route: 'PATCH /api/v1/library-documents/:documentId',
    run: () => call('koordinator', 'PATCH', `/library-documents/${ids.libraryDoc}`, { validUntil: '2030-12-31' }),
  },
  {
    route: 'POST /api/v1/library-documents/:documentId/uses',
    run: async () => {
      const res = await call('operator', 'POST', `/library-documents/${ids.libraryDoc}/uses`, { actionId: ids.action });
      ids.libraryUse = (json(res).use as { id: string } | undefined)?.id ?? '';
      return res;
    },
  },
  {
    route: 'DELETE /api/v1/library-documents/:documentId/uses/:useId',
    run: () => call('koordinator', 'DELETE', `/library-documents/${ids.libraryDoc}/uses/${ids.libraryUse}`),
  },
  {
    // Linked nowhere once unlinked: it can be deleted.
    route: 'DELETE /api/v1/library-documents/:documentId',
    run: () => call('operator', 'DELETE', `/library-documents/${ids.libraryDoc}`),
  },
  {
    route: 'POST /api/v1/actions/:actionId/evidence',
    run: () =>
      call('operator', 'POST', `/actions/${ids.action}/evidence`, form({}, { name: 'sk.pdf', type: 'application/pdf', content: PDF })),
    keep: 'actionFile',
  },
  {
    route: 'POST /api/v1/actions/:actionId/progress',
    run: () =>
      call('operator', 'POST', `/actions/${ids.action}/progress`, { note: 'SK terbit', status: 'done', evidenceIds: [ids.actionFile] }),
  },
  {
    route: 'POST /api/v1/actions/:actionId/verify',
    run: () => call('koordinator', 'POST', `/actions/${ids.action}/verify`, { accepted: true }),
  },
  {
    route: 'POST /api/v1/actions/:actionId/comments',
    run: () => call('pimpinan', 'POST', `/actions/${ids.action}/comments`, { note: 'Baik.' }),
  },

  {
    route: 'PATCH /api/v1/findings/:findingId',
    run: async () => {
      const [f] = await t.db.db.select({ id: findings.id }).from(findings).limit(1);
      return call('pimpinan', 'PATCH', `/findings/${f!.id}`, { recommendationKind: 'tindakan_korektif', recommendation: 'Perbaiki.' });
    },
  },
  {
    route: 'POST /api/v1/cycles/:cycleId/bodies/:bodyId/followup-products',
    run: () =>
      call(
        'pimpinan',
        'POST',
        `/cycles/${main}/bodies/${w.bodies.a.id}/followup-products`,
        form(
          { kind: 'saran_perbaikan', number: 'S/1/2025', issuedOn: '2025-01-31', title: 'Saran perbaikan' },
          { name: 's.pdf', type: 'application/pdf', content: PDF },
        ),
      ),
  },

  // ── Deactivations last ──
  { route: 'POST /api/v1/users/:userId/deactivate', run: () => call('admin', 'POST', `/users/${ids.user}/deactivate`) },
  { route: 'POST /api/v1/bodies/:bodyId/deactivate', run: () => call('admin', 'POST', `/bodies/${ids.body}/deactivate`) },
  { route: 'POST /api/v1/units/:unitId/deactivate', run: () => call('admin', 'POST', `/units/${ids.unit}/deactivate`) },
];

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.app, t.db.db);
  // The province itself, so bodies and accounts may name provinceCode 36.
  await insertBody(t.db.db, { type: 'provinsi', code: '36', name: 'Provinsi Banten', provinceCode: '36' });
  main = await openCycle(w, { bodies: [w.bodies.a] });
  a1 = fullUnit(w.scheme, main, w.units.a1, () => 3);
  // One record more than the quota, to delete.
  extra = { ...a1.find((r) => r.instrument === 'pengguna')!, id: randomUUID(), respondent: 'Responden tambahan' };
  // a2 is complete and approved beforehand: the body is final once a1 is approved in the story.
  await submitAll(
    w,
    'asisten',
    fullUnit(w.scheme, main, w.units.a2, () => 2),
  );
  expect((await call('asisten', 'POST', `/cycles/${main}/units/${w.units.a2}/submit`)).statusCode).toBe(200);
  // issue 13: approved in bulk by a step (its open warnings, if any, acknowledged at once).
  await call('pimpinan', 'POST', `/cycles/${main}/units/${w.units.a2}/fieldwork-flags/acknowledge-all`, { note: 'Diperiksa.' });
});
afterAll(() => t.close());

describe('every write route appends an audit row', () => {
  it('has a step below or an allow-list entry for every non-GET route of the route table', () => {
    const writes = new Set(t.app.routeTable.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.url}`));
    const covered = new Set([...steps.map((s) => s.route), ...Object.keys(allowList)]);
    expect(
      [...writes].filter((r) => !covered.has(r)),
      'write routes without an audited step or an allow-list entry',
    ).toEqual([]);
    expect(
      [...covered].filter((r) => !writes.has(r)),
      'steps or allow-list entries for routes that do not exist',
    ).toEqual([]);
  });

  for (const [k, step] of steps.entries()) {
    it(`${k + 1}. ${step.route}`, async () => {
      const before = await lastSeq();
      const res = await step.run();
      expect(res.statusCode, res.body.slice(0, 500)).toBeGreaterThanOrEqual(200);
      expect(res.statusCode, res.body.slice(0, 500)).toBeLessThan(300);
      if (step.keep) ids[step.keep] = json(res).id as string;
      if (step.job) await settleJobs();
      const rows = await t.db.db.select({ action: auditEvents.action }).from(auditEvents).where(gt(auditEvents.seq, before));
      expect(rows.length, `${step.route} succeeded without an audit row`).toBeGreaterThan(0);
      expect(rows.map((r) => r.action).filter((a) => !isAuditAction(a))).toEqual([]);
    });
  }
});
