// Issue 11 §7: a unit's IKM as evidence. Under PEKPPP the unit attaches the IKM of its own closed
// or published SKM survey to an SKM indicator of F-01 (frozen then, counted as evidence, seen by
// the evaluator); under the Ombudsman the assigned asisten attaches it to an Output indicator of a
// K/L unit only. Refusals are translated and change nothing.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../audit/schema.ts';
import { ikmEvidence } from '../evidence/schema.ts';
import { insertBody, insertUnit } from '../seed/fixtures.ts';
import { units } from '../registry/schema.ts';
import { insertClosedSkm } from '../seed/skm-fixture.ts';
import { type PekpppWorld, buildPekpppWorld } from '../seed/test-world-pekppp.ts';
import { type World, buildWorld, openCycle } from '../seed/test-world.ts';
import { createTestApp, expectUnchanged, type TestApp } from '../test/harness.ts';
import { surveyResponses } from './schema.ts';

let t: TestApp;
let w: World;
let p: PekpppWorld;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.app, t.db.db);
  p = await buildPekpppWorld(t.app, w);
});
afterAll(() => t.close());

const U = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'];
const all = (v: number, over: Record<string, number> = {}) => Object.fromEntries(U.map((c) => [c, over[c] ?? v]));
const unchanged = <T>(act: () => Promise<T>) => expectUnchanged(t.db.db, act, { tables: [ikmEvidence] });
const base = (unit = w.units.a1, cycle = () => p.cycleId) => `/api/v1/cycles/${cycle()}/units/${unit}`;

describe('an IKM as PEKPPP F-01 evidence', () => {
  let closed: string;
  let running: string;
  beforeAll(async () => {
    // By hand: respondent 1 answers 3 everywhere, respondent 2 answers 4 except U1 = 2.
    // NRR U1 = (3 + 2) / 2 = 2,5; U2…U9 = 3,5. IKM = 25 × (2,5 + 8 × 3,5) / 9 = 25 × 30,5 / 9 = 84,7222… → 84,72, mutu B (76,61–88,30).
    closed = await insertClosedSkm(t.db.db, w.units.a1, [all(3), all(4, { U1: 2 })], { periodKey: '2024-S1', target: 278 });
    running = await insertClosedSkm(t.db.db, w.units.a1, [all(4)], { periodKey: '2024-S2' });
    // Still open: its close date is ahead.
    const { surveys } = await import('./schema.ts');
    await t.db.db
      .update(surveys)
      .set({ closesAt: new Date('2099-01-01T00:00:00Z') })
      .where(eq(surveys.id, running));
  });

  it('offers the SKM indicators and the closed IKMs only', async () => {
    const res = await w.call('operator', { method: 'GET', url: `${base()}/ikm-options` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.indicators).toEqual(['A6', 'A7', 'A8', 'A9']);
    // The running survey is not offered, but its close is when the offer changes by time alone.
    expect(body.refreshAt).toBe('2099-01-01T00:00:00.000Z');
    expect(body.surveys).toEqual([
      {
        surveyId: closed,
        periodKey: '2024-S1',
        ikm: 84.72,
        band: 'B',
        bandLabel: { id: 'Baik', en: 'Good' },
        respondents: 2,
        target: 278,
        published: false,
      },
    ]);
    const view = (await w.call('operator', { method: 'GET', url: `${base()}/pekppp` })).json();
    const a6 = view.indicators.find((i: { code: string }) => i.code === 'A6');
    expect(a6).toMatchObject({ takesIkm: true, claim: { ikm: [] } });
    expect(view.indicators.find((i: { code: string }) => i.code === 'A1').takesIkm).toBe(false);
  });

  it('refuses a running survey, another unit’s survey, an indicator without IKM and the evaluator, in the caller’s language', async () => {
    const post = (who: 'operator' | 'koordinator', payload: object, lang = 'id') =>
      w.call(who, { method: 'POST', url: `${base()}/ikm-evidence`, payload, headers: { 'accept-language': lang } });
    const notFinal = await unchanged(() => post('operator', { indicator: 'A6', surveyId: running }));
    expect(notFinal.statusCode).toBe(409);
    expect(notFinal.json().error).toMatchObject({ code: 'evidence.ikm_not_final' });
    expect(notFinal.json().error.message).toContain('masih berjalan');
    const elsewhere = await insertClosedSkm(t.db.db, w.units.a2, [all(4)]);
    const other = await unchanged(() => post('operator', { indicator: 'A6', surveyId: elsewhere }, 'en'));
    expect(other.statusCode).toBe(422);
    expect(other.json().error.message).toContain("SKM survey of Disdukcapil's own");
    const notAllowed = await unchanged(() => post('koordinator', { indicator: 'A1', surveyId: closed }));
    expect(notAllowed.statusCode).toBe(422);
    expect(notAllowed.json().error.code).toBe('evidence.ikm_not_allowed');
    const evaluator = await unchanged(() =>
      p.call('evaluator', { method: 'POST', url: `${base()}/ikm-evidence`, payload: { indicator: 'A6', surveyId: closed } }),
    );
    expect(evaluator.statusCode).toBe(403);
    expect(evaluator.json().error.code).toBe('record.filler_forbidden');
  });

  it('attaches the IKM frozen as it was, counts it as evidence, shows it to the evaluator, audits it by name', async () => {
    const res = await w.call('operator', { method: 'POST', url: `${base()}/ikm-evidence`, payload: { indicator: 'A6', surveyId: closed } });
    expect(res.statusCode, res.body).toBe(201);
    const attached = res.json();
    expect(attached).toMatchObject({ indicator: 'A6', surveyId: closed, periodKey: '2024-S1', ikm: 84.72, band: 'B', respondents: 2 });
    // A later response changes the survey's IKM, not the attached one.
    await t.db.db.insert(surveyResponses).values({
      id: randomUUID(),
      surveyId: closed,
      source: 'paper',
      submittedAt: new Date('2024-06-01T03:00:00Z'),
      fingerprint: 'late',
      answers: all(1),
      profile: {},
      accepted: true,
      flags: [],
    });
    const listed = (await p.call('evaluator', { method: 'GET', url: `${base()}/ikm-evidence` })).json();
    expect(listed.items).toEqual([attached]);
    // The claim at level 3 with only the IKM as evidence passes the evidence rule.
    const save = await w.call('operator', {
      method: 'PUT',
      url: `${base()}/pekppp/claims`,
      payload: { indicators: { A6: { level: 3, statement: 'SKM semester I.', links: [] } } },
    });
    expect(save.statusCode).toBe(200);
    const view = (await p.call('evaluator', { method: 'GET', url: `${base()}/pekppp` })).json();
    const a6 = view.indicators.find((i: { code: string }) => i.code === 'A6');
    expect(a6.claim.ikm).toEqual([attached]);
    expect(a6.claimProblems.some((x: string) => /bukti/i.test(x))).toBe(false);
    const dup = await unchanged(() =>
      w.call('operator', { method: 'POST', url: `${base()}/ikm-evidence`, payload: { indicator: 'A6', surveyId: closed } }),
    );
    expect(dup.statusCode).toBe(409);
    const [audit] = await t.db.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'evidence.ikm_attach'), eq(auditEvents.subjectId, attached.id)));
    expect(audit!.diff).toMatchObject({ indicator: 'A6', surveyId: closed, ikm: 84.72, band: 'B', respondents: 2 });
    const log = await w.call('admin', { method: 'GET', url: '/api/v1/audit?action=evidence.ikm_attach' });
    const event = log.json().items.find((e: { subjectId: string }) => e.subjectId === attached.id);
    expect(event.subjectName).toBe('IKM A6 2024-S1 · Disdukcapil');
    expect(event.names[closed]).toBe('SKM 2024-S1 · Disdukcapil');
  });

  it('lets the unit remove it while F-01 is open, not the pimpinan', async () => {
    const [row] = await t.db.db.select().from(ikmEvidence).where(eq(ikmEvidence.surveyId, closed));
    const pimpinan = await unchanged(() => w.call('pimpinan', { method: 'DELETE', url: `/api/v1/ikm-evidence/${row!.id}` }));
    expect(pimpinan.statusCode).toBe(403);
    const del = await w.call('koordinator', { method: 'DELETE', url: `/api/v1/ikm-evidence/${row!.id}` });
    expect(del.statusCode, del.body).toBe(200);
    expect(await t.db.db.select().from(ikmEvidence).where(eq(ikmEvidence.id, row!.id))).toEqual([]);
  });

  it('offers the running survey once its close instant has passed, with no write in between, and then no refresh time', async () => {
    const { surveys } = await import('./schema.ts');
    await t.db.db
      .update(surveys)
      .set({ closesAt: new Date(Date.now() - 1000) })
      .where(eq(surveys.id, running));
    const body = (await w.call('operator', { method: 'GET', url: `${base()}/ikm-options` })).json();
    expect(body.surveys.map((s: { surveyId: string }) => s.surveyId)).toEqual([running, closed]);
    expect(body.refreshAt).toBeNull();
  });
});

describe('an IKM as Ombudsman Output evidence (K/L units only, ASSUMPTION)', () => {
  let cycleId: string;
  let klUnit: string;
  let survey: string;
  beforeAll(async () => {
    const kl = await insertBody(t.db.db, { type: 'kementerian', code: 'kemenkumham', name: 'Kementerian Hukum', provinceCode: null });
    klUnit = (await insertUnit(t.db.db, kl.id, 'Kantor Imigrasi Tangerang', 'imigrasi')).id;
    // A vertical office located in Kota Tangerang (issue 17), so the Perwakilan Banten's asisten may be assigned.
    await t.db.db.update(units).set({ regencyCode: '36.71' }).where(eq(units.id, klUnit));
    cycleId = await openCycle(w, { bodies: [w.bodies.a, kl] });
    const assign = await w.call('admin', {
      method: 'PUT',
      url: `/api/v1/cycles/${cycleId}/units/${klUnit}/assignment`,
      payload: { assessorId: w.users.asisten.id, dueDate: '2024-09-30' },
    });
    expect(assign.statusCode, assign.body).toBe(200);
    survey = await insertClosedSkm(t.db.db, klUnit, [all(4)], { published: true, periodKind: 'year', periodKey: '2024' });
  });

  it('lets the assigned asisten attach a K/L unit’s IKM to O1, and offers nothing for a kota’s unit', async () => {
    const opts = (await w.call('asisten', { method: 'GET', url: `${base(klUnit, () => cycleId)}/ikm-options` })).json();
    expect(opts.indicators).toEqual(['O1', 'O2', 'O3', 'O4', 'O5']);
    expect(opts.surveys).toMatchObject([{ surveyId: survey, ikm: 100, band: 'A', published: true }]);
    const res = await w.call('asisten', {
      method: 'POST',
      url: `${base(klUnit, () => cycleId)}/ikm-evidence`,
      payload: { indicator: 'O1', surveyId: survey },
    });
    expect(res.statusCode, res.body).toBe(201);
    const kota = (await w.call('asisten', { method: 'GET', url: `${base(w.units.a1, () => cycleId)}/ikm-options` })).json();
    expect(kota).toEqual({ indicators: [], surveys: [], refreshAt: null });
    const own = await insertClosedSkm(t.db.db, w.units.a1, [all(4)]);
    const refused = await unchanged(() =>
      w.call('asisten', {
        method: 'POST',
        url: `${base(w.units.a1, () => cycleId)}/ikm-evidence`,
        payload: { indicator: 'O1', surveyId: own },
      }),
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('evidence.ikm_not_allowed');
  });
});
