// PEKPPP through the API (issue 10): evaluator accounts and assignments, the unit's F-01 (drafts,
// evidence rule, submit → locked on every write path, reopen), the evaluator's F-02 beside it,
// clarification with the library's window, finalisation, and claimed vs verified.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clarificationWindow } from '../../core/pekppp.ts';
import { records } from '../records/schema.ts';
import { type PekpppWorld, buildPekpppWorld, f03SurveyIn } from '../seed/test-world-pekppp.ts';
import { type World, buildWorld } from '../seed/test-world.ts';
import { createTestApp, expectUnchanged, type TestApp } from '../test/harness.ts';
import { pekpppUnits } from './schema.ts';

let t: TestApp;
let w: World;
let p: PekpppWorld;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.app, t.db.db);
  p = await buildPekpppWorld(t.app, w);
});
afterAll(() => t.close());

const url = (tail = '', unit = w.units.a1) => `/api/v1/cycles/${p.cycleId}/units/${unit}/pekppp${tail}`;
const codes = () => p.scheme.dimensions.flatMap((d) => d.variables.flatMap((v) => v.indicators.map((i) => i.code)));
const all = <T>(f: (code: string) => T) => Object.fromEntries(codes().map((c) => [c, f(c)]));
const unchanged = <T>(act: () => Promise<T>) => expectUnchanged(t.db.db, act, { tables: [records, pekpppUnits] });

describe('evaluators', () => {
  it('creates evaluator accounts for KemenPANRB or a government, not for another ministry', async () => {
    const ok = await w.call('admin', {
      method: 'POST',
      url: '/api/v1/users',
      payload: {
        username: 'evaluator.tangerang',
        name: 'Evaluator',
        password: 'kata-sandi-evaluator-1',
        role: 'evaluator',
        bodyId: w.bodies.a.id,
      },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ role: 'evaluator', bodyId: w.bodies.a.id, provinceCode: '36' });
    const kemenkes = await t.db.db.transaction(async (tx) => {
      const { insertBody } = await import('../seed/fixtures.ts');
      return insertBody(tx, { type: 'kementerian', code: 'kemenkes', name: 'Kementerian Kesehatan', provinceCode: null });
    });
    const bad = await w.call('admin', {
      method: 'POST',
      url: '/api/v1/users',
      payload: {
        username: 'evaluator.kemenkes',
        name: 'Evaluator',
        password: 'kata-sandi-evaluator-1',
        role: 'evaluator',
        bodyId: kemenkes.id,
      },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe('user.evaluator_body');
  });

  it('assigns only an evaluator of the organisation stored for the locus entry, not one the old inference allowed', async () => {
    const assign = (assessorId: string, unit = w.units.a2) =>
      w.call('admin', { method: 'PUT', url: `/api/v1/cycles/${p.cycleId}/units/${unit}/assignment`, payload: { assessorId } });
    const asisten = await assign(w.users.asisten.id);
    expect(asisten.statusCode).toBe(422);
    expect(asisten.json().error.code).toBe('evaluator.invalid');
    expect((await assign(p.users.evaluatorOther.id)).json().error.code).toBe('evaluator.invalid');
    // KemenPANRB "covers" every locus, but Kota Tangerang's entry names its own Bagian Organisasi.
    const national = await assign(p.users.evaluatorNational.id);
    expect(national.statusCode).toBe(422);
    expect(national.json().error.message).toContain('Kota Tangerang');
    expect((await assign(p.users.evaluator.id)).statusCode).toBe(200);
  });
});

describe('the evaluating organisation per locus entry', () => {
  const orgUrl = (cycleId: string, bodyId: string) => `/api/v1/cycles/${cycleId}/bodies/${bodyId}/evaluator-organisation`;

  it('defaults to the government itself when it joins a PEKPPP cycle, and lists who may evaluate it', async () => {
    const res = await w.call('admin', { method: 'GET', url: orgUrl(p.cycleId, w.bodies.a.id) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().organisation).toMatchObject({ id: w.bodies.a.id, name: 'Kota Tangerang' });
    expect(
      res
        .json()
        .options.map((o: { id: string }) => o.id)
        .sort(),
    ).toEqual([w.bodies.a.id, p.kemenpanrb.id].sort());
    const view = await p.call('operator', { method: 'GET', url: url() });
    expect(view.json().evaluatorOrganisation).toMatchObject({ id: w.bodies.a.id, name: 'Kota Tangerang' });
    const list = await p.call('evaluator', { method: 'GET', url: `/api/v1/cycles/${p.cycleId}/pekppp/units` });
    expect(list.json().items[0].evaluatorOrganisation).toMatchObject({ id: w.bodies.a.id });
  });

  it('refuses, translated and unchanged, an organisation that may not evaluate the locus and a switch that strands assigned evaluators', async () => {
    const other = await unchanged(() =>
      w.call('admin', { method: 'PUT', url: orgUrl(p.cycleId, w.bodies.a.id), payload: { organisationId: w.bodies.b.id } }),
    );
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('locus.evaluator_organisation_invalid');
    expect(other.json().error.message).toContain('Kota Cilegon tidak dapat mengevaluasi Kota Tangerang');
    const en = await w.call('admin', {
      method: 'PUT',
      url: orgUrl(p.cycleId, w.bodies.a.id),
      payload: { organisationId: w.bodies.b.id },
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().error.message).toContain('Kota Cilegon may not evaluate Kota Tangerang');
    const stranded = await w.call('admin', {
      method: 'PUT',
      url: orgUrl(p.cycleId, w.bodies.a.id),
      payload: { organisationId: p.kemenpanrb.id },
    });
    expect(stranded.statusCode).toBe(409);
    expect(stranded.json().error.code).toBe('locus.evaluators_assigned');
    // A koordinator does not manage the locus.
    expect(
      (await w.call('koordinator', { method: 'PUT', url: orgUrl(p.cycleId, w.bodies.a.id), payload: { organisationId: w.bodies.a.id } }))
        .statusCode,
    ).toBe(403);
  });

  it('switched to KemenPANRB: its evaluator is assigned, the Bagian Organisasi no longer; audited', async () => {
    const created = await w.call('admin', {
      method: 'POST',
      url: '/api/v1/cycles',
      payload: { name: 'PEKPPP Serang 2024', year: 2024, schemeId: 'pekppp-2024' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const cycleId = created.json().id as string;
    expect(
      (await w.call('admin', { method: 'POST', url: `/api/v1/cycles/${cycleId}/bodies`, payload: { bodyId: w.bodies.c.id } })).statusCode,
    ).toBe(200);
    const serangEvaluator = await t.db.db.transaction(async (tx) => {
      const { insertUser } = await import('../seed/fixtures.ts');
      return insertUser(tx, 'evaluator', { provinceCode: '36', bodyId: w.bodies.c.id });
    });
    const unit = w.units.c1;
    const assign = (assessorId: string) =>
      w.call('admin', { method: 'PUT', url: `/api/v1/cycles/${cycleId}/units/${unit}/assignment`, payload: { assessorId } });
    expect((await assign(p.users.evaluatorNational.id)).statusCode).toBe(422);
    const put = await w.call('admin', { method: 'PUT', url: orgUrl(cycleId, w.bodies.c.id), payload: { organisationId: p.kemenpanrb.id } });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().organisation).toMatchObject({ id: p.kemenpanrb.id, code: 'kemenpanrb' });
    expect((await assign(serangEvaluator.id)).json().error.code).toBe('evaluator.invalid');
    expect((await assign(p.users.evaluatorNational.id)).statusCode).toBe(200);
    const audit = await w.call('admin', { method: 'GET', url: '/api/v1/audit?action=locus.evaluator_organisation' });
    expect(JSON.stringify(audit.json())).toContain(p.kemenpanrb.id);
  });
});

describe('F-01 by the unit', () => {
  it('saves drafts with levels, statements and links, and shows progress per aspect', async () => {
    const res = await p.call('operator', {
      method: 'PUT',
      url: url('/claims'),
      payload: {
        indicators: { A1: { level: 4, statement: 'SP ditetapkan dengan SK.', links: ['https://contoh.go.id/sp'] }, A2: { level: 0 } },
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    const a1 = view.indicators.find((i: { code: string }) => i.code === 'A1');
    expect(a1.claim).toMatchObject({ level: 4, statement: 'SP ditetapkan dengan SK.', links: ['https://contoh.go.id/sp'] });
    expect(a1.levels).toHaveLength(6);
    expect(view.aspects[0]).toMatchObject({ code: 'kebijakan', claimed: 2 });
    expect(view.claimStatus).toBe('draft');
  });

  it('refuses submit while a claim lacks its level or its required evidence', async () => {
    const res = await unchanged(() => p.call('operator', { method: 'POST', url: url('/claims/submit') }));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('pekppp.claim_incomplete');
  });

  it('submits, then F-01 is locked on every path until the evaluator reopens it', async () => {
    await p.call('operator', {
      method: 'PUT',
      url: url('/claims'),
      payload: { indicators: all((c) => ({ level: c === 'A2' ? 0 : 4, links: [`https://contoh.go.id/${c}`] })) },
    });
    const sent = await p.call('operator', { method: 'POST', url: url('/claims/submit') });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ claimStatus: 'submitted', claimEditable: false });
    const again = await unchanged(() =>
      p.call('koordinator', { method: 'PUT', url: url('/claims'), payload: { indicators: { A1: { level: 5 } } } }),
    );
    expect(again.json().error.code).toBe('pekppp.claim_locked');
    const direct = await unchanged(() =>
      p.call('operator', {
        method: 'POST',
        url: '/api/v1/records',
        payload: {
          id: crypto.randomUUID(),
          cycleId: p.cycleId,
          unitId: w.units.a1,
          instrument: 'f01',
          answers: { A1: 5 },
          capturedAt: '2024-07-02T10:00:00+07:00',
        },
      }),
    );
    expect(direct.json().error.code).toBe('pekppp.claim_locked');
    // Only the assigned evaluator reopens.
    expect(
      (await unchanged(() => p.call('operator', { method: 'POST', url: url('/claims/reopen'), payload: { note: 'buka' } }))).statusCode,
    ).toBe(403);
    const reopened = await p.call('evaluator', { method: 'POST', url: url('/claims/reopen'), payload: { note: 'Lengkapi bukti A1.' } });
    expect(reopened.json()).toMatchObject({ claimStatus: 'reopened', reopenNote: 'Lengkapi bukti A1.', claimEditable: true });
    expect((await p.call('operator', { method: 'POST', url: url('/claims/submit') })).statusCode).toBe(200);
  });
});

describe('F-02 by the evaluator', () => {
  it('shows the claim beside the verdict, and only the assigned evaluator verifies', async () => {
    expect(
      (await unchanged(() => p.call('operator', { method: 'PUT', url: url('/verdicts'), payload: { indicators: { A1: { level: 5 } } } })))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await unchanged(() =>
          p.call('evaluatorOther', { method: 'PUT', url: url('/verdicts'), payload: { indicators: { A1: { level: 5 } } } }),
        )
      ).statusCode,
    ).toBe(403);
    const res = await p.call('evaluator', {
      method: 'PUT',
      url: url('/verdicts'),
      payload: { indicators: all((c) => ({ level: c === 'A1' ? 2 : 4, reason: 'Telaah SK dan foto.', sources: ['telaah-dokumen'] })) },
    });
    expect(res.statusCode, res.body).toBe(200);
    const a1 = res.json().indicators.find((i: { code: string }) => i.code === 'A1');
    expect(a1).toMatchObject({
      claim: { level: 4 },
      verdict: { level: 2, reason: 'Telaah SK dan foto.', sources: ['telaah-dokumen'] },
      difference: 2,
    });
    expect(a1.verdictProblems).toEqual([]);
    // The unit does not see the evaluator's draft verdict before finalisation: only its own claimed side.
    const unitView = (await p.call('operator', { method: 'GET', url: url() })).json();
    expect(unitView.indicators.find((i: { code: string }) => i.code === 'A1')).toMatchObject({
      claim: { level: 4 },
      verdict: { level: null, reason: '', sources: [] },
      difference: null,
      verdictProblems: [],
    });
    expect(unitView.aspects.every((a: { verified: number }) => a.verified === 0)).toBe(true);
    expect(unitView.result).toMatchObject({ ipp: null, predicate: null, label: null, counts: null });
    expect(unitView.result.claimedIpp).toBeGreaterThan(0);
    expect(unitView.result.aspects.every((a: { verified: number | null }) => a.verified === null)).toBe(true);
  });

  it('requests clarification with the library window, the unit answers, the evaluator finalises', async () => {
    const before = Date.now();
    const asked = await p.call('evaluator', {
      method: 'POST',
      url: url('/clarifications'),
      payload: { indicators: ['A1'], question: 'Unggah SK penetapan SP.' },
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const c = asked.json();
    expect(c.lastDay).toBe(clarificationWindow(p.scheme, before, 420).lastDay);
    // Finalising while the window is open and unanswered is refused.
    const early = await p.call('evaluator', { method: 'POST', url: url('/finalise'), payload: {} });
    expect(early.json().error.code).toBe('pekppp.clarification_open');
    // Another unit's operator cannot answer; an indicator not asked is refused.
    expect(
      (
        await p.call('operatorOther', {
          method: 'POST',
          url: url('/answers'),
          payload: { clarificationId: c.id, answers: { A1: { statement: 'x' } } },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await p.call('operator', {
          method: 'POST',
          url: url('/answers'),
          payload: { clarificationId: c.id, answers: { B1: { statement: 'x' } } },
        })
      ).json().error.code,
    ).toBe('pekppp.indicator_unknown');
    const answered = await p.call('operator', {
      method: 'POST',
      url: url('/answers'),
      payload: { clarificationId: c.id, answers: { A1: { statement: 'SK terlampir.', links: ['https://contoh.go.id/sk'] } } },
    });
    expect(answered.json()).toMatchObject({ status: 'answered', answers: { A1: { statement: 'SK terlampir.' } } });
    const done = await p.call('evaluator', { method: 'POST', url: url('/finalise'), payload: {} });
    expect(done.statusCode, done.body).toBe(200);
    const view = done.json();
    expect(view.unitStatus).toBe('submitted');
    expect(view.clarifications[0].status).toBe('closed');
    // Claimed vs verified: the unit claimed 4 where the evaluator found 2 (A1).
    expect(view.result.counts.over).toBe(1);
    expect(view.result.counts.under).toBe(1); // A2: claimed 0, verified 4
    expect(view.result.claimedIpp).not.toBe(view.result.ipp);
    expect(view.result.predicate).toMatch(/^[A-F]-?$/);
    // Once finalised, the unit sees the verdict and the verified result.
    const unitView = (await p.call('operator', { method: 'GET', url: url() })).json();
    expect(unitView.indicators.find((i: { code: string }) => i.code === 'A1').verdict).toMatchObject({ level: 2 });
    expect(unitView.result).toMatchObject({ ipp: view.result.ipp, predicate: view.result.predicate });
  });
});

describe('F-03 beside the progress (issue 11)', () => {
  it("shows the unit's F-03 survey counts against the locus quota in the PEKPPP view", async () => {
    const before = await p.call('operator', { method: 'GET', url: url() });
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json().f03).toBeNull();
    const created = await p.call('operator', {
      method: 'POST',
      url: `/api/v1/units/${w.units.a1}/surveys`,
      payload: f03SurveyIn(p.cycleId),
    });
    expect(created.statusCode, created.body).toBe(200);
    const survey = created.json() as { id: string; code: string; targetSample: number };
    const now = Date.now();
    const form = (await t.app.inject({ method: 'GET', url: `/api/v1/public/surveys/${survey.code}` })).json() as {
      deviceToken: string;
      questions: { code: string; levels: { value: number }[] }[];
    };
    const sent = await t.app.inject({
      method: 'POST',
      url: `/api/v1/public/surveys/${survey.code}/responses`,
      payload: {
        id: crypto.randomUUID(),
        deviceToken: form.deviceToken,
        openedAt: new Date(now - 300_000).toISOString(),
        answers: Object.fromEntries(form.questions.map((q) => [q.code, q.levels.at(-1)!.value])),
        profile: {},
      },
    });
    expect(sent.statusCode, sent.body).toBe(200);
    // A second respondent (another device): the first item 1, every other item 3.
    const second = (await t.app.inject({ method: 'GET', url: `/api/v1/public/surveys/${survey.code}` })).json() as { deviceToken: string };
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/public/surveys/${survey.code}/responses`,
      payload: {
        id: crypto.randomUUID(),
        deviceToken: second.deviceToken,
        openedAt: new Date(now - 300_000).toISOString(),
        answers: Object.fromEntries(form.questions.map((q, k) => [q.code, k === 0 ? 1 : 3])),
        profile: {},
      },
    });
    expect(again.statusCode, again.body).toBe(200);
    const after = await p.call('evaluator', { method: 'GET', url: url() });
    const f03 = after.json().f03;
    expect(f03).toMatchObject({ surveyId: survey.id, accepted: 2, flagged: 0, target: survey.targetSample });
    expect(survey.targetSample).toBeGreaterThan(0);
    // Per item, by hand: item 1 (5 + 1) / 2 = 3, the 14 others (5 + 3) / 2 = 4; overall (3 + 14 × 4) / 15.
    expect(form.questions).toHaveLength(15);
    expect(f03.items).toHaveLength(15);
    expect(f03.items[0]).toMatchObject({ code: form.questions[0]!.code, mean: 3, n: 2 });
    for (const item of f03.items.slice(1)) expect(item).toMatchObject({ mean: 4, n: 2 });
    expect(f03.mean).toBeCloseTo(59 / 15, 12);
    expect(f03.dimensions.length).toBeGreaterThan(0);
    // How F-03 enters the result is the library's word: beside the IPP, not inside it.
    expect(f03.note.id).toMatch(/di samping IPP, tidak dihitung di dalamnya/);
  });
});

describe('"mandiri" cycles validated by KemenPANRB', () => {
  let cycleId = '';
  const mandiri = (who: Parameters<PekpppWorld['call']>[0], organiserBodyId: string) =>
    p.call(who, { method: 'PUT', url: `/api/v1/cycles/${cycleId}/pekppp/mandiri`, payload: { organiserBodyId } });
  const decide = (who: Parameters<PekpppWorld['call']>[0], payload: object, lang = 'id') =>
    p.call(who, { method: 'POST', url: `/api/v1/cycles/${cycleId}/pekppp/validation`, payload, headers: { 'accept-language': lang } });

  it("marks a cycle run by a government's Bagian Organisasi for its own units only", async () => {
    const created = await w.call('admin', {
      method: 'POST',
      url: '/api/v1/cycles',
      payload: { name: 'PEKPPP mandiri Kota Serang 2024', year: 2024, schemeId: 'pekppp-2024' },
    });
    cycleId = created.json().id as string;
    await w.call('admin', { method: 'POST', url: `/api/v1/cycles/${cycleId}/bodies`, payload: { bodyId: w.bodies.c.id } });
    const foreign = await mandiri('admin', w.bodies.b.id);
    expect(foreign.statusCode).toBe(409);
    expect(foreign.json().error.message).toBe(
      'Evaluasi mandiri Kota Cilegon hanya mencakup unit pemerintahnya sendiri; Kota Serang ada di lokus.',
    );
    expect((await mandiri('admin', p.kemenpanrb.id)).json().error.code).toBe('pekppp.mandiri_organiser');
    expect((await mandiri('koordinator', w.bodies.c.id)).statusCode).toBe(403);
    const ok = await mandiri('admin', w.bodies.c.id);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().mandiri).toMatchObject({
      organiser: { id: w.bodies.c.id, name: 'Kota Serang' },
      validator: { code: 'kemenpanrb' },
      status: 'pending',
      decidedAt: null,
    });
    const other = await w.call('admin', { method: 'POST', url: `/api/v1/cycles/${cycleId}/bodies`, payload: { bodyId: w.bodies.a.id } });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe('pekppp.mandiri_locus');
    // Its entry stays with the organiser: KemenPANRB (which may evaluate Kota Serang otherwise) is refused.
    const orgUrl = (c: string, b: string) => `/api/v1/cycles/${c}/bodies/${b}/evaluator-organisation`;
    const moved = await w.call('admin', {
      method: 'PUT',
      url: orgUrl(cycleId, w.bodies.c.id),
      payload: { organisationId: p.kemenpanrb.id },
    });
    expect(moved.statusCode).toBe(409);
    expect(moved.json().error).toMatchObject({
      code: 'locus.evaluator_mandiri',
      message: 'Siklus ini dijalankan mandiri: Kota Serang dievaluasi oleh organisasi penyelenggaranya, bukan organisasi lain.',
    });
    const still = await w.call('admin', { method: 'GET', url: orgUrl(cycleId, w.bodies.c.id) });
    expect(still.json().organisation.id).toBe(w.bodies.c.id);
    expect(still.json().options.map((o: { id: string }) => o.id)).toContain(p.kemenpanrb.id);
  });

  it('only an evaluator of the organisation the library names validates; a return needs a reason; audited', async () => {
    expect((await decide('evaluatorOther', { decision: 'validated' })).statusCode).toBe(403);
    expect((await decide('pimpinan', { decision: 'validated' })).statusCode).toBe(403);
    const noReason = await decide('evaluatorNational', { decision: 'returned' }, 'en');
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().error).toMatchObject({
      code: 'pekppp.reason_required',
      message: 'Give the reason for returning the self-run evaluation.',
    });
    const back = await decide('evaluatorNational', { decision: 'returned', reason: 'Bukti A1 belum sah.' });
    expect(back.json().mandiri).toMatchObject({ status: 'returned', reason: 'Bukti A1 belum sah.' });
    const ok = await decide('evaluatorNational', { decision: 'validated' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().mandiri).toMatchObject({ status: 'validated', reason: null });
    expect(ok.json().mandiri.decidedBy).toBeTruthy();
    expect(Date.parse(ok.json().mandiri.decidedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect((await decide('evaluatorNational', { decision: 'validated' })).json().error.code).toBe('pekppp.already_validated');
    const read = await w.call('operator', { method: 'GET', url: `/api/v1/cycles/${cycleId}` });
    expect(read.json().mandiri.status).toBe('validated');
    const audit = await w.call('admin', { method: 'GET', url: '/api/v1/audit?action=pekppp.' });
    const actions = audit.json().items.map((i: { action: string }) => i.action);
    expect(actions.filter((a: string) => a === 'pekppp.validate')).toHaveLength(2);
    expect(actions).toContain('pekppp.mandiri');
    const notMandiri = await p.call('evaluatorNational', {
      method: 'POST',
      url: `/api/v1/cycles/${p.cycleId}/pekppp/validation`,
      payload: { decision: 'validated' },
    });
    expect(notMandiri.json().error.code).toBe('pekppp.not_mandiri');
  });
});
