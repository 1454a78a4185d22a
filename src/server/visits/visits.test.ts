// Issue 13 §5: visit plans (the asisten its own, the pimpinan for its team; nobody of another
// Perwakilan), progress against the plan, and a unit's own quota within the scheme's range.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../audit/schema.ts';
import { unitResults } from '../scores/schema.ts';
import { insertUser } from '../seed/fixtures.ts';
import { type World, buildWorld, fullUnit, openCycle, submitAll } from '../seed/test-world.ts';
import { createTestApp, expectUnchanged, type TestApp } from '../test/harness.ts';
import { acknowledgeAllFlags } from '../seed/test-fieldwork.ts';
import { teamLeadLevels, unitQuotas, visitPlans } from './schema.ts';

let t: TestApp;
let w: World;
let cycleId: string;
let asisten31 = '';

const post = (who: Parameters<World['call']>[0], payload: object) =>
  w.call(who, { method: 'POST', url: `/api/v1/cycles/${cycleId}/visits`, payload });
const list = async (who: Parameters<World['call']>[0], query = '') =>
  (await w.call(who, { method: 'GET', url: `/api/v1/cycles/${cycleId}/visits${query}` })).json();
const auditCount = async (action: string) => (await t.db.db.select().from(auditEvents).where(eq(auditEvents.action, action))).length;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.app, t.db.db);
  cycleId = await openCycle(w);
  asisten31 = (await insertUser(t.db.db, 'asisten', { provinceCode: '31' })).id;
  // a1 complete, captured on 2024-07-01 (WIB); a2 with five users short of the 30 the file asks.
  await submitAll(
    w,
    'asisten',
    fullUnit(w.scheme, cycleId, w.units.a1, () => 2),
  );
  const short = fullUnit(w.scheme, cycleId, w.units.a2, () => 2);
  const drop = new Set(short.filter((r) => r.instrument === 'pengguna').slice(0, 5));
  await submitAll(
    w,
    'asisten',
    short.filter((r) => !drop.has(r)),
  );
});
afterAll(() => t.close());

describe('visit plans', () => {
  it('lets the asisten plan its own visit with a team of its Perwakilan, audited', async () => {
    const before = await auditCount('visit.create');
    const res = await post('asisten', { date: '2024-07-01', teamIds: [w.users.asistenOther.id], unitIds: [w.units.a1, w.units.b1] });
    expect(res.statusCode).toBe(200);
    const plan = res.json();
    expect(plan).toMatchObject({ date: '2024-07-01', provinceCode: '36', assessor: { id: w.users.asisten.id }, visited: 1 });
    expect(plan.team.map((p: { id: string }) => p.id)).toEqual([w.users.asistenOther.id]);
    // a1 had sheets captured that day; b1 none and it is not handed in: the day is past, so missed.
    expect(plan.units.map((u: { state: string }) => u.state)).toEqual(['visited', 'missed']);
    expect(await auditCount('visit.create')).toBe(before + 1);
  });

  it('lets the pimpinan plan for an asisten of its team; refuses another Perwakilan and units outside the province', async () => {
    const ok = await post('pimpinan', { date: '2099-03-02', assessorId: w.users.asistenOther.id, unitIds: [w.units.c1] });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().units[0].state).toBe('planned');
    const refused = [
      // another province's pimpinan, for an asisten of 36
      ['pimpinanOther', { date: '2099-03-02', assessorId: w.users.asisten.id, unitIds: [w.units.a1] }, 403],
      // the asisten plans only its own
      ['asisten', { date: '2099-03-02', assessorId: w.users.asistenOther.id, unitIds: [w.units.a1] }, 403],
      // the pimpinan must name whose plan it is
      ['pimpinan', { date: '2099-03-02', unitIds: [w.units.a1] }, 422],
      // a unit of another province
      ['asisten', { date: '2099-03-02', unitIds: [w.units.other1] }, 422],
      // a team member of another Perwakilan
      ['asisten', { date: '2099-03-02', teamIds: [asisten31], unitIds: [w.units.a1] }, 422],
      ['koordinator', { date: '2099-03-02', unitIds: [w.units.a1] }, 403],
    ] as const;
    for (const [who, body, status] of refused) {
      const res = await expectUnchanged(t.db.db, () => post(who, body), { tables: [visitPlans] });
      expect(res.statusCode, `${who} ${JSON.stringify(body)}`).toBe(status);
    }
    const err = (await post('asisten', { date: '2099-03-02', unitIds: [w.units.other1] })).json().error;
    expect(err.code).toBe('visit.unit_invalid');
    expect(err.message).toContain('tidak termasuk lokus');
  });

  it('shows each one only what it may see, with progress; another Perwakilan sees nothing', async () => {
    const pimpinan = await list('pimpinan');
    expect(pimpinan.items).toHaveLength(2);
    expect(pimpinan.progress).toEqual({ plans: 2, plannedUnits: 3, visited: 1, planned: 1, missed: 1 });
    // The asisten owns one and goes along on none of the other; asistenOther owns one and goes along on one.
    expect((await list('asisten')).items).toHaveLength(1);
    expect((await list('asistenOther')).items).toHaveLength(2);
    expect((await list('pimpinanOther')).items).toHaveLength(0);
    expect((await w.call('koordinator', { method: 'GET', url: `/api/v1/cycles/${cycleId}/visits` })).statusCode).toBe(403);
    // A month of the calendar.
    expect((await list('pimpinan', '?from=2099-03-01&to=2099-03-31')).items).toHaveLength(1);
  });

  it('counts a unit handed in as visited', async () => {
    const res = await post('asisten', { date: '2024-06-01', unitIds: [w.units.a1] });
    expect(res.json().units[0].state).toBe('missed');
    expect((await w.call('asisten', { method: 'POST', url: `/api/v1/cycles/${cycleId}/units/${w.units.a1}/submit` })).statusCode).toBe(200);
    const after = (await list('asisten')).items.find((p: { id: string }) => p.id === res.json().id);
    expect(after.units[0]).toMatchObject({ status: 'submitted', state: 'visited' });
  });

  it('lets only the owner (or its pimpinan) change or remove a plan', async () => {
    const plan = (await post('asisten', { date: '2099-04-01', unitIds: [w.units.a1] })).json();
    const put = (who: Parameters<World['call']>[0]) =>
      w.call(who, { method: 'PUT', url: `/api/v1/visits/${plan.id}`, payload: { date: '2099-04-02', unitIds: [w.units.a2] } });
    for (const who of ['asistenOther', 'pimpinanOther'] as const) {
      expect((await expectUnchanged(t.db.db, () => put(who), { tables: [visitPlans] })).statusCode).toBe(403);
    }
    const changed = await put('asisten');
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ date: '2099-04-02', units: [{ unitId: w.units.a2 }] });
    const del = (who: Parameters<World['call']>[0]) => w.call(who, { method: 'DELETE', url: `/api/v1/visits/${plan.id}` });
    expect((await del('pimpinanOther')).statusCode).toBe(403);
    expect((await del('pimpinan')).statusCode).toBe(204);
    expect((await del('pimpinan')).statusCode).toBe(404);
    expect(await auditCount('visit.delete')).toBe(1);
  });
});

describe("a unit's own quota", () => {
  const setQuota = (who: Parameters<World['call']>[0], unitId: string, payload: object) =>
    w.call(who, { method: 'PUT', url: `/api/v1/cycles/${cycleId}/units/${unitId}/quota`, payload });
  const complete = async (unitId: string) =>
    (
      await t.db.db
        .select({ c: unitResults.complete })
        .from(unitResults)
        .where(and(eq(unitResults.cycleId, cycleId), eq(unitResults.unitId, unitId)))
    )[0]?.c;

  it('lists the instruments the scheme lets a Perwakilan adjust, with the range from the library file', async () => {
    const res = (await w.call('pimpinan', { method: 'GET', url: `/api/v1/cycles/${cycleId}/unit-quotas` })).json();
    expect(res.instruments).toEqual([expect.objectContaining({ code: 'pengguna', target: 30, range: { min: 20, max: 40 } })]);
  });

  it('is set by the pimpinan within the range with a reason: the unit becomes complete, audited', async () => {
    expect(await complete(w.units.a2)).toBe(false);
    const res = await setQuota('pimpinan', w.units.a2, { instrument: 'pengguna', target: 25, reason: 'Pengguna layanan sedikit' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ instrument: 'pengguna', target: 25, min: 25, adjusted: true });
    expect(await complete(w.units.a2)).toBe(true);
    const progress = (
      await w.call('pimpinan', { method: 'GET', url: `/api/v1/cycles/${cycleId}/progress?bodyId=${w.bodies.a.id}` })
    ).json();
    const a2 = progress.items[0].units.find((u: { unitId: string }) => u.unitId === w.units.a2);
    expect(a2.instruments.find((i: { code: string }) => i.code === 'pengguna')).toMatchObject({ done: 25, target: 25, complete: true });
    const [audit] = await t.db.db.select().from(auditEvents).where(eq(auditEvents.action, 'quota.adjust'));
    expect(audit!.diff).toMatchObject({ instrument: 'pengguna', after: { target: 25 }, reason: 'Pengguna layanan sedikit' });
    const listed = (await w.call('pimpinan', { method: 'GET', url: `/api/v1/cycles/${cycleId}/unit-quotas` })).json();
    expect(listed.items).toEqual([expect.objectContaining({ unitId: w.units.a2, target: 25, reason: 'Pengguna layanan sedikit' })]);
    expect((await w.call('pimpinanOther', { method: 'GET', url: `/api/v1/cycles/${cycleId}/unit-quotas` })).json().items).toEqual([]);
  });

  it('refuses a value outside the range, an instrument without one, and anyone but its pimpinan — changing nothing', async () => {
    const cases = [
      ['pimpinan', { instrument: 'pengguna', target: 50, reason: 'x' }, 422, 'quota.out_of_range'],
      ['pimpinan', { instrument: 'pejabat', target: 3, reason: 'x' }, 422, 'quota.not_adjustable'],
      ['pimpinan', { instrument: 'pengguna', target: 25 }, 400, 'request.invalid'],
      ['pimpinanOther', { instrument: 'pengguna', target: 22, reason: 'x' }, 403, 'auth.forbidden'],
      ['asisten', { instrument: 'pengguna', target: 22, reason: 'x' }, 403, 'auth.forbidden'],
    ] as const;
    for (const [who, body, status, code] of cases) {
      const res = await expectUnchanged(t.db.db, () => setQuota(who, w.units.a2, body), { tables: [unitQuotas] });
      expect(res.statusCode, `${who} ${JSON.stringify(body)}`).toBe(status);
      expect(res.json().error.code).toBe(code);
    }
    const msg = (await setQuota('pimpinan', w.units.a2, { instrument: 'pengguna', target: 50, reason: 'x' })).json().error.message;
    expect(msg).toContain('20–40');
  });

  it('goes back to the default with target null (the unit is incomplete again)', async () => {
    const res = await setQuota('pimpinan', w.units.a2, { instrument: 'pengguna', target: null, reason: 'Kembali ke kuota baku' });
    expect(res.json()).toEqual({ instrument: 'pengguna', target: 30, min: 30, adjusted: false });
    expect(await complete(w.units.a2)).toBe(false);
    expect(await t.db.db.select().from(unitQuotas)).toEqual([]);
  });
});

// Issue 13 §6: the optional team-lead level — handed in → reviewed by a team lead → approved by the
// pimpinan; the lead returns with comments per indicator like the pimpinan; bulk approval respects it.
describe('team-lead review level', () => {
  const url = (unitId: string, action: string) => `/api/v1/cycles/${cycleId}/units/${unitId}/${action}`;
  const leads = (who: Parameters<World['call']>[0], payload: object) =>
    w.call(who, { method: 'PUT', url: `/api/v1/cycles/${cycleId}/team-leads`, payload });
  const queue = async (who: Parameters<World['call']>[0]) =>
    (await w.call(who, { method: 'GET', url: `/api/v1/cycles/${cycleId}/lead-queue` }))
      .json()
      .items.map((i: { unitId: string }) => i.unitId);

  beforeAll(async () => {
    await submitAll(
      w,
      'asisten',
      fullUnit(w.scheme, cycleId, w.units.b1, () => 2),
    );
    expect((await w.call('asisten', { method: 'POST', url: url(w.units.b1, 'submit') })).statusCode).toBe(200);
    await acknowledgeAllFlags(w, cycleId, w.units.b1);
  });

  it('is switched on by the pimpinan for its Perwakilan with leads of it, audited; refused otherwise', async () => {
    const refused = [
      ['pimpinanOther', { provinceCode: '36', enabled: true, leadIds: [w.users.asistenOther.id] }, 403],
      ['asisten', { provinceCode: '36', enabled: true, leadIds: [w.users.asistenOther.id] }, 403],
      ['pimpinan', { provinceCode: '36', enabled: true, leadIds: [asisten31] }, 422],
      ['pimpinan', { provinceCode: '36', enabled: true, leadIds: [] }, 422],
    ] as const;
    for (const [who, body, status] of refused) {
      const res = await expectUnchanged(t.db.db, () => leads(who, body), { tables: [teamLeadLevels] });
      expect(res.statusCode, `${who} ${JSON.stringify(body)}`).toBe(status);
    }
    // The session says who leads a team (the asisten's menu offers the lead queue only then).
    const leadsTeam = async (who: 'asisten' | 'asistenOther') =>
      (await w.call(who, { method: 'GET', url: '/api/v1/auth/session' })).json().user.leadsTeam;
    expect(await leadsTeam('asistenOther')).toBe(false);
    const on = await leads('pimpinan', { provinceCode: '36', enabled: true, leadIds: [w.users.asistenOther.id] });
    expect(await leadsTeam('asistenOther')).toBe(true);
    expect(await leadsTeam('asisten')).toBe(false);
    expect(on.statusCode).toBe(200);
    expect(on.json().items).toEqual([
      expect.objectContaining({ provinceCode: '36', leads: [expect.objectContaining({ id: w.users.asistenOther.id })] }),
    ]);
    expect(await auditCount('team_lead.set')).toBe(1);
  });

  it('makes a handed-in unit wait for the team lead: the pimpinan cannot approve it, alone or in bulk', async () => {
    const res = await expectUnchanged(t.db.db, () => w.call('pimpinan', { method: 'POST', url: url(w.units.b1, 'approve'), payload: {} }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('unit.lead_review_pending');
    const bulk = await w.call('pimpinan', {
      method: 'POST',
      url: `/api/v1/cycles/${cycleId}/approve-bulk`,
      payload: { unitIds: [w.units.b1] },
    });
    expect(bulk.json()).toMatchObject({
      approved: 0,
      results: [{ unitId: w.units.b1, outcome: 'skipped', code: 'unit.lead_review_pending' }],
    });
    // The lead's queue has it; another asisten's, another Perwakilan's, none.
    expect(await queue('asistenOther')).toEqual(expect.arrayContaining([w.units.b1]));
    expect(await queue('pimpinan')).toEqual(expect.arrayContaining([w.units.b1]));
    expect(await queue('asisten')).toEqual([]);
    expect(await queue('pimpinanOther')).toEqual([]);
  });

  it('lets only a team lead of the unit’s Perwakilan read, return (per indicator) and pass on the unit', async () => {
    // The lead reads the unit's sheets though not assigned to it.
    expect((await w.call('asistenOther', { method: 'GET', url: url(w.units.b1, 'records') })).statusCode).toBe(200);
    for (const who of ['asisten', 'pimpinan', 'pimpinanOther', 'koordinator'] as const) {
      const res = await expectUnchanged(t.db.db, () => w.call(who, { method: 'POST', url: url(w.units.b1, 'lead-review'), payload: {} }));
      expect(res.statusCode, who).toBe(403);
    }
    const ret = await w.call('asistenOther', {
      method: 'POST',
      url: url(w.units.b1, 'lead-return'),
      payload: { comments: { O1: 'Bukti antrean belum ada.' } },
    });
    expect(ret.statusCode).toBe(200);
    const sheets = (await w.call('asisten', { method: 'GET', url: url(w.units.b1, 'records') })).json();
    const withO1 = sheets.items.filter((r: { answers: object }) => 'O1' in r.answers);
    expect(withO1.length).toBeGreaterThan(0);
    expect(withO1.every((r: { review: Record<string, string> }) => r.review.O1 === 'Bukti antrean belum ada.')).toBe(true);
    // Handed in again, passed on, and only once.
    expect((await w.call('asisten', { method: 'POST', url: url(w.units.b1, 'submit') })).statusCode).toBe(200);
    const passed = await w.call('asistenOther', { method: 'POST', url: url(w.units.b1, 'lead-review'), payload: { note: 'Lengkap.' } });
    expect(passed.json()).toEqual({ status: 'reviewed' });
    const again = await w.call('asistenOther', { method: 'POST', url: url(w.units.b1, 'lead-review'), payload: {} });
    expect(again.json().error.code).toBe('unit.invalid_state');
    // Reviewed is locked for fieldwork like handed in.
    expect((await w.call('asisten', { method: 'POST', url: url(w.units.b1, 'submit') })).json().error.code).toBe('unit.locked');
    expect(await queue('asistenOther')).not.toContain(w.units.b1);
  });

  it('lets the pimpinan approve a reviewed unit in bulk; the lead cannot approve', async () => {
    expect((await w.call('asistenOther', { method: 'POST', url: url(w.units.b1, 'approve'), payload: {} })).statusCode).toBe(403);
    await acknowledgeAllFlags(w, cycleId, w.units.b1);
    const bulk = await w.call('pimpinan', {
      method: 'POST',
      url: `/api/v1/cycles/${cycleId}/approve-bulk`,
      payload: { unitIds: [w.units.b1] },
    });
    expect(bulk.json()).toMatchObject({ approved: 1, results: [{ unitId: w.units.b1, outcome: 'approved' }] });
    expect(await auditCount('unit.lead_review')).toBe(1);
  });

  it('once off, the lead has no say and a handed-in unit goes straight to the pimpinan', async () => {
    expect((await leads('pimpinan', { provinceCode: '36', enabled: false })).statusCode).toBe(200);
    const res = await w.call('asistenOther', { method: 'POST', url: url(w.units.a1, 'lead-review'), payload: {} });
    expect(res.statusCode).toBe(403);
    expect((await w.call('admin', { method: 'POST', url: url(w.units.a1, 'lead-review'), payload: {} })).json().error.code).toBe(
      'team_lead.off',
    );
  });
});
