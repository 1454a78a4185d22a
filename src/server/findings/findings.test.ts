// Findings (issue 12 §1): a publication turns each unit's points lost into findings (the next
// level, its descriptor, the gains); the Perwakilan recommends per finding and records follow-up
// products with their document; the koordinator plans actions on findings.
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvents } from '../audit/schema.ts';
import { insertBody } from '../seed/fixtures.ts';
import { type World, buildWorld, fullUnit, openCycle, submitAll } from '../seed/test-world.ts';
import { pdf } from '../test/files.ts';
import { createTestApp, expectUnchanged, type TestApp } from '../test/harness.ts';
import type { Finding, FindingList, FollowupProduct } from '../../shared/wire/findings.ts';
import type { UnitImprovements } from '../../shared/wire/scores.ts';
import { acknowledgeAllFlags } from '../seed/test-fieldwork.ts';

let t: TestApp;
let w: World;
let cycleId = '';

type Who = Parameters<World['call']>[0];
const call = (who: Who, method: InjectOptions['method'], url: string, payload?: object) =>
  w.call(who, { method, url: `/api/v1${url}`, ...(payload ? { payload } : {}) });

function form(fields: Record<string, string>, content: Buffer): Pick<InjectOptions, 'payload' | 'headers'> {
  const boundary = `----pantau${Math.random().toString(16).slice(2)}`;
  const parts = Object.entries(fields).map(([k, v]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
  );
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="saran.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.app, t.db.db);
  await insertBody(t.db.db, { type: 'provinsi', code: '36', name: 'Provinsi Banten', provinceCode: '36' });
  cycleId = await openCycle(w, { bodies: [w.bodies.a] });
  await submitAll(
    w,
    'asisten',
    fullUnit(w.scheme, cycleId, w.units.a1, () => 2),
  );
  await submitAll(
    w,
    'asisten',
    fullUnit(w.scheme, cycleId, w.units.a2, () => 3),
  );
  for (const u of [w.units.a1, w.units.a2])
    expect((await call('asisten', 'POST', `/cycles/${cycleId}/units/${u}/submit`)).statusCode).toBe(200);
  expect((await call('admin', 'POST', `/cycles/${cycleId}/status`, { status: 'review' })).statusCode).toBe(200);
  for (const u of [w.units.a1, w.units.a2]) {
    // The fixture's uniform answers raise fieldwork warnings (issue 13): the reviewer acknowledges them first.
    await acknowledgeAllFlags(w, cycleId, u);
    expect((await call('pimpinan', 'POST', `/cycles/${cycleId}/units/${u}/approve`, {})).statusCode).toBe(200);
  }
});
afterAll(() => t.close());

describe('findings at publication', () => {
  let a1: Finding[] = [];

  it('has none before publication; publishing makes them, audited', async () => {
    expect(((await call('koordinator', 'GET', `/cycles/${cycleId}/units/${w.units.a1}/findings`)).json() as FindingList).total).toBe(0);
    const res = await call('pimpinan', 'POST', `/cycles/${cycleId}/publications`, { scope: '36' });
    expect(res.statusCode, res.body).toBe(201);
    const list = (await call('koordinator', 'GET', `/cycles/${cycleId}/units/${w.units.a1}/findings`)).json() as FindingList;
    a1 = list.items;
    expect(a1.length).toBeGreaterThan(0);
    const gen = await t.db.db.select().from(auditEvents).where(eq(auditEvents.action, 'finding.generate'));
    expect(gen).toHaveLength(1);
  });

  it('one finding per indicator with points lost: the next level above the one reached, as the improvement list says', async () => {
    const imp = (
      await call('koordinator', 'GET', `/cycles/${cycleId}/units/${w.units.a1}/improvements?limit=500`)
    ).json() as UnitImprovements;
    const indicators = new Set(imp.items.map((i) => i.indicator));
    expect(a1.map((f) => f.indicator).sort()).toEqual([...indicators].sort());
    for (const f of a1) {
      const next = imp.items.filter((i) => i.indicator === f.indicator).sort((x, y) => x.to - y.to)[0]!;
      expect(f).toMatchObject({ levelReached: next.from, nextLevel: next.to, nextDescriptor: next.descriptor });
      expect(f.unitGain).toBeCloseTo(next.unitGain, 9);
      // units-mean over the government's two units
      expect(f.governmentGain).toBeCloseTo(next.unitGain / 2, 9);
    }
    // Largest unit gain first.
    expect(a1.map((f) => f.unitGain)).toEqual([...a1.map((f) => f.unitGain)].sort((x, y) => y - x));
    const body = (await call('pimpinan', 'GET', `/cycles/${cycleId}/bodies/${w.bodies.a.id}/findings`)).json() as FindingList;
    expect(body.total).toBeGreaterThanOrEqual(a1.length);
    expect((await call('koordinatorOther', 'GET', `/cycles/${cycleId}/bodies/${w.bodies.a.id}/findings`)).statusCode).toBe(403);
    expect((await call('operatorOther', 'GET', `/cycles/${cycleId}/units/${w.units.a1}/findings`)).statusCode).toBe(403);
  });

  it('the Perwakilan adds a saran perbaikan; the pemda cannot', async () => {
    const f = a1[0]!;
    await expectUnchanged(t.db.db, async () => {
      expect(
        (await call('koordinator', 'PATCH', `/findings/${f.id}`, { recommendationKind: 'saran_perbaikan', recommendation: 'x' }))
          .statusCode,
      ).toBe(403);
      expect((await call('pimpinanOther', 'PATCH', `/findings/${f.id}`, { recommendationKind: 'saran_perbaikan' })).statusCode).toBe(403);
      expect((await call('pimpinan', 'PATCH', `/findings/${f.id}`, { recommendation: 'tanpa jenis' })).statusCode).toBe(422);
    });
    const res = await call('pimpinan', 'PATCH', `/findings/${f.id}`, {
      recommendationKind: 'saran_perbaikan',
      recommendation: 'Tetapkan standar pelayanan dengan SK kepala daerah.',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ recommendationKind: 'saran_perbaikan', recommendedBy: w.users.pimpinan.id });
  });

  it('the koordinator plans an action on a finding of its unit, not on another unit', async () => {
    const f = a1[0]!;
    const plan = (unitId: string) =>
      call('koordinator', 'POST', `/units/${unitId}/actions`, {
        sourceKind: 'finding',
        findingId: f.id,
        title: 'Tindak lanjut temuan',
        personInCharge: 'Kepala Disdukcapil',
        dueDate: '2030-06-30',
        targetLevel: f.nextLevel,
      });
    expect((await expectUnchanged(t.db.db, () => plan(w.units.a2))).statusCode).toBe(422);
    const res = await plan(w.units.a1);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ cycleId, indicator: f.indicator, findingId: f.id });
    const list = (await call('koordinator', 'GET', `/cycles/${cycleId}/units/${w.units.a1}/findings`)).json() as FindingList;
    expect(list.items.find((x) => x.id === f.id)).toMatchObject({ actions: 1, verifiedActions: 0 });
  });

  it('records an Ombudsman follow-up product with its source document', async () => {
    const url = `/api/v1/cycles/${cycleId}/bodies/${w.bodies.a.id}/followup-products`;
    const fields = {
      kind: 'rekomendasi',
      number: 'R/0012/2025',
      issuedOn: '2025-02-10',
      title: 'Rekomendasi perbaikan standar pelayanan',
      findingId: a1[0]!.id,
    };
    const denied = await w.call('koordinator', { method: 'POST', url, ...form(fields, pdf('Rekomendasi')) });
    expect(denied.statusCode).toBe(403);
    const res = await w.call('pimpinan', { method: 'POST', url, ...form(fields, pdf('Rekomendasi')) });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json() as FollowupProduct;
    expect(p).toMatchObject({ kind: 'rekomendasi', unitId: w.units.a1, findingId: a1[0]!.id, document: { mime: 'application/pdf' } });
    const list = (await call('koordinator', 'GET', `/cycles/${cycleId}/bodies/${w.bodies.a.id}/followup-products`)).json() as {
      items: FollowupProduct[];
    };
    expect(list.items.map((x) => x.id)).toEqual([p.id]);
    const doc = await call('koordinator', 'GET', `/followup-products/${p.id}/document`);
    expect(doc.statusCode).toBe(200);
    expect(doc.headers['content-type']).toBe('application/pdf');
    expect((await call('koordinatorOther', 'GET', `/followup-products/${p.id}/document`)).statusCode).toBe(403);
  });
});
