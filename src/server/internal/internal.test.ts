// Issue 12 §4: a government's own pre-assessment — an internal cycle owned by the government, the
// same instrument and machinery (locus, assignments, records, scoring), its own `penilai` staff
// as assessors; never public, never ranked, never published; per indicator beside the last
// official published level. The other pemda, the Perwakilan, the Ombudsman asisten and the
// public can neither see nor write it.
import type { InjectOptions } from 'fastify';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../audit/schema.ts';
import { type SessionHeaders, insertUser, sessionHeaders } from '../seed/fixtures.ts';
import { acknowledgeAllFlags } from '../seed/test-fieldwork.ts';
import { type World, buildWorld, fullUnit, openCycle, submitAll } from '../seed/test-world.ts';
import { createTestApp, expectUnchanged, type TestApp } from '../test/harness.ts';
import type { CycleDetail, CycleSummary } from '../../shared/wire/cycles.ts';
import type { InternalComparison } from '../../shared/wire/internal.ts';
import type { Page } from '../../shared/wire/common.ts';
import { getScheme } from '../../../methodologies/index.ts';

let t: TestApp;
let w: World;
let official = '';
let internal = '';
const staff: Record<'penilai' | 'penilaiOther', { id: string; headers: SessionHeaders }> = {} as never;

type Who = Parameters<World['call']>[0] | 'penilai' | 'penilaiOther';
const call = (who: Who, method: InjectOptions['method'], url: string, payload?: object) =>
  who === 'penilai' || who === 'penilaiOther'
    ? t.app.inject({ method, url: `/api/v1${url}`, headers: staff[who].headers, ...(payload ? { payload } : {}) })
    : w.call(who, { method, url: `/api/v1${url}`, ...(payload ? { payload } : {}) });

const newInternal = { name: 'Pra-penilaian mandiri 2025', year: 2025, schemeId: 'ombudsman-2025' };

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.app, t.db.db);
  for (const [who, bodyId] of [
    ['penilai', w.bodies.a.id],
    ['penilaiOther', w.bodies.b.id],
  ] as const) {
    const u = await insertUser(t.db.db, 'penilai', { provinceCode: '36', bodyId });
    staff[who] = { id: u.id, headers: await sessionHeaders(t.db.db, u.id) };
  }
  // The last official result: Kota Tangerang's Disdukcapil at level 2 everywhere, published for Banten.
  official = await openCycle(w, { bodies: [w.bodies.a] });
  await submitAll(
    w,
    'asisten',
    fullUnit(w.scheme, official, w.units.a1, () => 2),
  );
  expect((await call('asisten', 'POST', `/cycles/${official}/units/${w.units.a1}/submit`)).statusCode).toBe(200);
  await call('admin', 'DELETE', `/cycles/${official}/units/${w.units.a2}`);
  expect((await call('admin', 'POST', `/cycles/${official}/status`, { status: 'review' })).statusCode).toBe(200);
  await acknowledgeAllFlags(w, official, w.units.a1);
  expect((await call('pimpinan', 'POST', `/cycles/${official}/units/${w.units.a1}/approve`, {})).statusCode).toBe(200);
  const pub = await call('pimpinan', 'POST', `/cycles/${official}/publications`, { scope: '36' });
  expect(pub.statusCode, pub.body).toBe(201);
});
afterAll(() => t.close());

describe('POST /internal-cycles', () => {
  it('the koordinator creates its government pre-assessment with its units, audited', async () => {
    const res = await call('koordinator', 'POST', '/internal-cycles', { ...newInternal, unitIds: [w.units.a1, w.units.a2] });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json() as CycleDetail;
    internal = c.id;
    expect(c).toMatchObject({
      kind: 'internal',
      ownerBodyId: w.bodies.a.id,
      provinceCode: null,
      status: 'planning',
      units: 2,
      published: false,
    });
    const [audit] = await t.db.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'cycle.create'), eq(auditEvents.subjectId, internal)));
    expect(audit?.diff).toMatchObject({ kind: 'internal', ownerBodyId: w.bodies.a.id });
  });

  it.each([
    ['another government’s unit', 'koordinatorOther', {}, 422, 'internal.unit_outside'],
    ['a PEKPPP scheme', 'koordinator', { schemeId: 'pekppp-2025' }, 422, 'internal.family'],
    ['the admin (no government)', 'admin', {}, 403, 'internal.not_government'],
  ] as const)('refuses %s, nothing changed', async (_l, who, patch, status, code) => {
    const body = { ...newInternal, unitIds: [w.units.a1], ...patch };
    await expectUnchanged(t.db.db, async () => {
      const res = await call(who, 'POST', '/internal-cycles', body);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().error.code).toBe(code);
    });
  });

  it('refuses the Perwakilan, the asisten, the penilai and the public by role', async () => {
    for (const who of ['pimpinan', 'asisten', 'penilai', 'operator'] as const)
      expect((await call(who, 'POST', '/internal-cycles', { ...newInternal, unitIds: [w.units.a1] })).statusCode).toBe(403);
    expect((await call('public', 'POST', '/internal-cycles', { ...newInternal, unitIds: [w.units.a1] })).statusCode).toBe(401);
  });
});

describe('who sees it', () => {
  const listed = async (who: Who, query = '') =>
    ((await call(who, 'GET', `/cycles?pageSize=200${query}`)).json() as Page<CycleSummary>).items.map((c) => c.id);

  it('the owning government and the admin list and open it; the others do not', async () => {
    expect(await listed('koordinator', '&kind=internal')).toEqual([internal]);
    expect(await listed('admin')).toContain(internal);
    for (const who of ['koordinatorOther', 'pimpinan', 'asisten', 'public', 'penilaiOther'] as const) {
      expect(await listed(who)).not.toContain(internal);
      expect((await call(who, 'GET', `/cycles/${internal}`)).statusCode).toBe(who === 'public' ? 401 : 403);
    }
    expect((await call('koordinator', 'GET', `/cycles/${internal}`)).statusCode).toBe(200);
  });

  it('a penilai works inside its government internal cycles only (no official cycle)', async () => {
    expect(await listed('penilai')).toEqual([internal]);
    expect((await call('penilai', 'GET', `/cycles/${official}`)).statusCode).toBe(403);
    expect((await call('penilai', 'GET', `/cycles/${official}/units/${w.units.a1}/result`)).statusCode).toBe(403);
  });
});

describe('assignments and fieldwork with the existing routes', () => {
  const assign = (who: Who, assessorId: string, unitId = w.units.a1) =>
    call(who, 'PUT', `/cycles/${internal}/units/${unitId}/assignment`, { assessorId, dueDate: '2025-05-31' });

  it('the koordinator assigns its own penilai; not an Ombudsman asisten, not another government’s penilai', async () => {
    for (const id of [w.users.asisten.id, staff.penilaiOther.id, w.users.koordinator.id]) {
      await expectUnchanged(t.db.db, async () => {
        const res = await assign('koordinator', id);
        expect(res.statusCode).toBe(422);
        expect(res.json().error.code).toBe('internal.assessor_invalid');
      });
    }
    for (const who of ['koordinatorOther', 'pimpinan', 'penilai'] as const)
      expect((await assign(who, staff.penilai.id)).statusCode).toBe(403);
    expect((await assign('koordinator', staff.penilai.id)).statusCode).toBe(200);
    expect((await assign('koordinator', staff.penilai.id, w.units.a2)).statusCode).toBe(200);
  });

  it('a penilai is never an assessor of an official cycle', async () => {
    const next = await openCycle(w, { bodies: [w.bodies.a], year: 2025, schemeId: 'ombudsman-2025', status: 'planning' });
    const res = await call('admin', 'PUT', `/cycles/${next}/units/${w.units.a1}/assignment`, { assessorId: staff.penilai.id });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('assessor.invalid');
  });

  it('the koordinator opens fieldwork on its own cycle; the other pemda cannot', async () => {
    expect((await call('koordinatorOther', 'POST', `/cycles/${internal}/status`, { status: 'fieldwork' })).statusCode).toBe(403);
    expect((await call('koordinator', 'POST', `/cycles/${official}/status`, { status: 'final' })).statusCode).toBe(403);
    const res = await call('koordinator', 'POST', `/cycles/${internal}/status`, { status: 'fieldwork' });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('the penilai fills sheets (as the scheme’s asisten would); the Ombudsman asisten cannot, nor the penilai elsewhere', async () => {
    const scheme = getScheme('ombudsman-2025')!;
    const sheets = fullUnit(scheme, internal, w.units.a1, () => 3);
    const res = await call('penilai', 'POST', '/records/batch', { records: sheets });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().created).toBe(sheets.length);
    const byAsisten = await call('asisten', 'POST', '/records/batch', {
      records: fullUnit(scheme, internal, w.units.a2, () => 1).slice(0, 1),
    });
    expect(byAsisten.json().created).toBe(0);
    const byOther = await call('penilaiOther', 'POST', '/records/batch', {
      records: fullUnit(scheme, internal, w.units.a2, () => 1).slice(0, 1),
    });
    expect(byOther.json().created).toBe(0);
    const officialSheet = await call('penilai', 'POST', '/records/batch', {
      records: fullUnit(w.scheme, official, w.units.a1, () => 4).slice(0, 1),
    });
    expect(officialSheet.json().created).toBe(0);
  });
});

describe('GET /cycles/:cycleId/units/:unitId/comparison', () => {
  it('per indicator: internal level, last official published level, difference', async () => {
    const res = await call('koordinator', 'GET', `/cycles/${internal}/units/${w.units.a1}/comparison`);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json() as InternalComparison;
    expect(c.official?.cycle.id).toBe(official);
    expect(c.internalScore).not.toBeNull();
    const both = c.rows.filter((r) => r.internal !== null && r.official !== null);
    expect(both.length).toBeGreaterThan(10);
    for (const r of both) expect(r).toMatchObject({ internal: 3, official: 2, difference: 1 });
  });

  it('a unit never officially published has no official side', async () => {
    const c = (await call('koordinator', 'GET', `/cycles/${internal}/units/${w.units.a2}/comparison`)).json() as InternalComparison;
    expect(c.official).toBeNull();
    expect(c.rows.every((r) => r.official === null && r.difference === null)).toBe(true);
  });

  it('the other pemda, the Perwakilan, the asisten and the public cannot read it; an official cycle has none', async () => {
    for (const who of ['koordinatorOther', 'pimpinan', 'asisten', 'penilaiOther'] as const)
      expect((await call(who, 'GET', `/cycles/${internal}/units/${w.units.a1}/comparison`)).statusCode).toBe(403);
    expect((await call('public', 'GET', `/cycles/${internal}/units/${w.units.a1}/comparison`)).statusCode).toBe(401);
    const res = await call('koordinator', 'GET', `/cycles/${official}/units/${w.units.a1}/comparison`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('internal.not_internal');
  });
});

describe('never public, never ranked, never published', () => {
  it('has no rank rows and the ranking reads refuse it', async () => {
    const ranks = (await t.db.db.execute(sql`select count(*)::int as n from result_ranks where cycle_id = ${internal}`)) as unknown as {
      rows: { n: number }[];
    };
    const n = ranks.rows[0]?.n;
    expect(n).toBe(0);
    for (const who of ['koordinator', 'admin', 'public'] as const) {
      const res = await call(who, 'GET', `/cycles/${internal}/rankings?group=province&province=36`);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('cycle.internal');
    }
  });

  it('cannot be published (so no open data, publication page or award), by the admin or the Perwakilan', async () => {
    await expectUnchanged(t.db.db, async () => {
      const res = await call('admin', 'POST', `/cycles/${internal}/publications`, { scope: 'national' });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('cycle.internal');
    });
    expect((await call('pimpinan', 'POST', `/cycles/${internal}/publications`, { scope: '36' })).statusCode).toBe(409);
  });

  it('the public cycle list and the government trend leave it out', async () => {
    expect(
      await (async () => ((await call('public', 'GET', '/cycles?pageSize=200')).json() as Page<CycleSummary>).items.map((c) => c.id))(),
    ).not.toContain(internal);
    const trend = (await call('koordinator', 'GET', `/bodies/${w.bodies.a.id}/trend`)).json() as { items: { cycle: { id: string } }[] };
    expect(trend.items.map((i) => i.cycle.id)).toContain(official);
    expect(trend.items.map((i) => i.cycle.id)).not.toContain(internal);
  });
});
