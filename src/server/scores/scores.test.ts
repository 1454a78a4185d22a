// Scores: the recompute after a write (hand-checked), government aggregation, rankings with ties
// and movement, what-if, improvements, qualifiers, trend and scope.
//
// Hand computation, ombudsman-2024 (weights: input 21.85, proses 32.37, output 24.24,
// pengaduan 21.54; indicators weigh equally inside a dimension; answers 0–3):
//  - every answer 3 → 100.00; every answer 2 → 200/3 = 66.666… → 66.67 (C).
//  - a1: every answer 3 except one of the 30 service users answering O1 = 0 → O1 = 87/30 = 2.9;
//    points lost = 24.24 × 1/5 × (1 − 2.9/3) = 0.1616 → raw 99.8384 → 99.84 (A).
//  - Kota Tangerang (a1, a2) = (99.8384 + 66.6666…)/2 = 83.2525… → 83.25 (B).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc } from 'drizzle-orm';
import { auditEvents } from '../audit/schema.ts';
import { createTestApp, expectUnchanged, type TestApp } from '../test/harness.ts';
import { type World, buildWorld, fullUnit, openCycle, submitAll } from '../seed/test-world.ts';
import { createCycle } from '../cycles/queries.ts';
import { importBodyScores } from './import.ts';
import { publish } from '../publications/queries.ts';

let t: TestApp;
let w: World;
let cycleId: string;
let a1Changed: { id: string; content: Record<string, unknown> };

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.app, t.db.db);
  // A published past cycle of the same family (imported, with its national publication): Kota
  // Tangerang first, Serang second, Cilegon third.
  await t.db.db.transaction(async (tx) => {
    const past = await createCycle(tx, null, {
      name: 'Hasil 2022',
      year: 2022,
      schemeId: 'ombudsman-2022',
      source: 'imported',
      status: 'final',
    });
    await importBodyScores(tx, null, past, [
      { bodyId: w.bodies.a.id, score: 88.47 },
      { bodyId: w.bodies.c.id, score: 79.24 },
      { bodyId: w.bodies.b.id, score: 77.73 },
    ]);
    await publish(tx, null, past, { scope: 'national' });
  });
  cycleId = await openCycle(w, { bodies: [w.bodies.a, w.bodies.b, w.bodies.c, w.bodies.other] });
  const a1 = fullUnit(w.scheme, cycleId, w.units.a1, () => 3);
  const first = a1.find((r) => r.instrument === 'pengguna')!;
  first.answers.O1 = 0;
  const { id, cycleId: _c, unitId: _u, ...content } = first;
  a1Changed = { id, content };
  await submitAll(w, 'asisten', a1);
  await submitAll(
    w,
    'asisten',
    fullUnit(w.scheme, cycleId, w.units.a2, () => 2),
  );
  await submitAll(
    w,
    'asisten',
    fullUnit(w.scheme, cycleId, w.units.b1, () => 3),
  );
  await submitAll(
    w,
    'asisten',
    fullUnit(w.scheme, cycleId, w.units.c1, () => 3),
  );
  await submitAll(
    w,
    'admin',
    fullUnit(w.scheme, cycleId, w.units.other1, () => 2),
  );
});
afterAll(() => t.close());

/** A refused call: it must change nothing (audit head unchanged). */
const unchanged = <T>(act: () => Promise<T>) => expectUnchanged(t.db.db, act);
const get = (who: Parameters<World['call']>[0], url: string) => w.call(who, { method: 'GET', url: `/api/v1${url}` });

describe('api: unit result', () => {
  it('stores the recomputed breakdown after the write, with points lost per indicator', async () => {
    const res = await get('asisten', `/cycles/${cycleId}/units/${w.units.a1}/result`);
    expect(res.statusCode).toBe(200);
    const { result } = res.json();
    expect(result).toMatchObject({ score: 99.84, complete: true, missing: [], band: { code: 'A', zone: 'hijau' } });
    expect(result.raw).toBeCloseTo(99.8384, 10);
    const output = result.dimensions.find((d: { code: string }) => d.code === 'output');
    expect(output.title.id).toBeTruthy();
    const o1 = output.variables[0].indicators.find((i: { code: string }) => i.code === 'O1');
    expect(o1).toMatchObject({ n: 30, missing: false, ref: 'ombudsman-2024/output/persepsi/O1' });
    expect(o1.value).toBeCloseTo(2.9, 12);
    expect(o1.pointsLost).toBeCloseTo(0.1616, 10);
    expect(o1.percentage).toBeCloseTo(96.6667, 4);
    expect(result.progress.find((p: { code: string }) => p.code === 'pengguna')).toEqual({
      code: 'pengguna',
      done: 30,
      target: 30,
      min: 30,
      complete: true,
    });
  });

  it('changes at once when a record changes: O1 back to 3 gives 100.00', async () => {
    const put = await w.call('asisten', {
      method: 'PUT',
      url: `/api/v1/records/${a1Changed.id}`,
      payload: { ...a1Changed.content, answers: { ...(a1Changed.content.answers as object), O1: 3 } },
    });
    expect(put.statusCode).toBe(200);
    expect((await get('asisten', `/cycles/${cycleId}/units/${w.units.a1}/result`)).json().result.score).toBe(100);
    const body = (await get('admin', `/cycles/${cycleId}/bodies/${w.bodies.a.id}/result`)).json();
    expect(body.result.score).toBe(83.33); // (100 + 66.666…)/2
    // Restore the hand-checked state for the tests below.
    await w.call('asisten', { method: 'PUT', url: `/api/v1/records/${a1Changed.id}`, payload: a1Changed.content });
  });

  it('is scoped: the unit operator and koordinator read it, others do not, the public only once published', async () => {
    expect((await get('operator', `/cycles/${cycleId}/units/${w.units.a1}/result`)).statusCode).toBe(200);
    expect((await get('koordinator', `/cycles/${cycleId}/units/${w.units.a1}/result`)).statusCode).toBe(200);
    expect((await get('operatorOther', `/cycles/${cycleId}/units/${w.units.a1}/result`)).statusCode).toBe(403);
    expect((await get('koordinatorOther', `/cycles/${cycleId}/units/${w.units.a1}/result`)).statusCode).toBe(403);
    expect((await get('pimpinanOther', `/cycles/${cycleId}/units/${w.units.a1}/result`)).statusCode).toBe(403);
    expect((await get('asistenOther', `/cycles/${cycleId}/units/${w.units.a1}/result`)).statusCode).toBe(403);
    expect((await get('public', `/cycles/${cycleId}/units/${w.units.a1}/result`)).statusCode).toBe(401);
  });
});

describe('api: government result', () => {
  it('is the mean of its units, with its units, dimensions, ranks and movement', async () => {
    const res = await get('koordinator', `/cycles/${cycleId}/bodies/${w.bodies.a.id}/result`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.result).toMatchObject({ score: 83.25, units: 2, complete: true, source: 'computed', band: { code: 'B' } });
    expect(body.result.raw).toBeCloseTo((99.8384 + 200 / 3) / 2, 10);
    expect(body.units.map((u: { result: { score: number } }) => u.result.score).sort()).toEqual([66.67, 99.84]);
    const output = body.dimensions.find((d: { code: string }) => d.code === 'output');
    expect(output.score).toBeCloseTo((99.3333333 + 66.6666667) / 2, 5);
    // 2022: rank 1 of Banten's kota; 2024: third behind the tied Cilegon and Serang.
    expect(body.ranks.province).toMatchObject({ group: 'province:36', rank: 3, of: 3, previousRank: 1, movement: -2 });
    expect(body.ranks.nationalType).toMatchObject({ group: 'national:kota', rank: 3, of: 4 });
  });

  it("is refused to another province's pimpinan and to other bodies' koordinator", async () => {
    expect((await get('pimpinanOther', `/cycles/${cycleId}/bodies/${w.bodies.a.id}/result`)).statusCode).toBe(403);
    expect((await get('koordinatorOther', `/cycles/${cycleId}/bodies/${w.bodies.a.id}/result`)).statusCode).toBe(403);
    expect((await get('admin', `/cycles/${cycleId}/bodies/${randomUUID()}/result`)).statusCode).toBe(404);
  });
});

describe('api: rankings', () => {
  it('shares a rank between equal scores and skips the next (1, 1, 3), with movement', async () => {
    const res = await get('pimpinan', `/cycles/${cycleId}/rankings?group=province&province=36`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.previousCycle).toMatchObject({ year: 2022, schemeId: 'ombudsman-2022' });
    expect(
      body.items.map((i: { body: { name: string }; rank: number; score: number; movement: number | null }) => [
        i.body.name,
        i.rank,
        i.score,
        i.movement,
      ]),
    ).toEqual([
      ['Kota Cilegon', 1, 100, 2],
      ['Kota Serang', 1, 100, 1],
      ['Kota Tangerang', 3, 83.25, -2],
    ]);
  });

  it("ranks nationally per body type and leaves out rows outside the caller's scope", async () => {
    const admin = (await get('admin', `/cycles/${cycleId}/rankings?group=national&type=kota`)).json();
    expect(admin.items.map((i: { rank: number }) => i.rank)).toEqual([1, 1, 3, 4]);
    expect(admin.items[3]).toMatchObject({ body: { code: '31.71' }, score: 66.67, previousRank: null, movement: null });
    const pimpinan = (await get('pimpinan', `/cycles/${cycleId}/rankings?group=national&type=kota`)).json();
    expect(pimpinan).toMatchObject({ hidden: 1 });
    expect(pimpinan.items.map((i: { body: { code: string } }) => i.body.code)).toEqual(['36.72', '36.73', '36.71']);
    const koordinator = (await get('koordinator', `/cycles/${cycleId}/rankings?group=national&type=kota`)).json();
    expect(koordinator.items.map((i: { body: { code: string }; rank: number }) => [i.body.code, i.rank])).toEqual([['36.71', 3]]);
    expect((await get('public', `/cycles/${cycleId}/rankings?group=national&type=kota`)).statusCode).toBe(401);
    expect((await get('admin', `/cycles/${cycleId}/rankings?group=national`)).statusCode).toBe(400);
  });

  it('ranks units of one sector inside a province', async () => {
    const body = (await get('admin', `/cycles/${cycleId}/rankings?group=sector&province=36&sector=adminduk`)).json();
    expect(body.group).toBe('sector:36:adminduk');
    expect(body.items.map((i: { body: { code: string }; rank: number; score: number }) => [i.body.code, i.rank, i.score])).toEqual([
      ['36.72', 1, 100],
      ['36.73', 1, 100],
      ['36.71', 3, 99.84],
    ]);
  });
});

describe('api: what-if', () => {
  it('re-scores a unit under ombudsman-2025: the new kepercayaan dimension (30 %) is unanswered', async () => {
    const res = await get('koordinator', `/cycles/${cycleId}/units/${w.units.a1}/what-if?scheme=ombudsman-2025`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.from.score).toBe(99.84);
    expect(body.unmapped).toEqual(['T1', 'T2', 'T3', 'T4', 'T5']);
    expect(body.to.complete).toBe(false);
    // The four dimensions keep 70 % in the 2023 proportions; O1's loss shrinks to 16.968 × 1/5 × 0.1/3.
    expect(body.to.raw).toBeCloseTo(70 - 16.968 * 0.2 * (0.1 / 3), 8);
    expect(body.delta).toBe(Math.round((body.to.score - 99.84) * 100) / 100);
  });

  it('aggregates a government under the other scheme', async () => {
    const body = (await get('admin', `/cycles/${cycleId}/bodies/${w.bodies.b.id}/what-if?scheme=ombudsman-2025`)).json();
    expect(body).toMatchObject({
      fromScheme: 'ombudsman-2024',
      toScheme: 'ombudsman-2025',
      from: { score: 100 },
      to: { score: 70, complete: false },
      delta: -30,
    });
    expect(body.units).toHaveLength(1);
  });

  it('refuses another family (422) and an unknown scheme (400)', async () => {
    const other = await get('admin', `/cycles/${cycleId}/units/${w.units.a1}/what-if?scheme=pekppp-2024`);
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('domain.invalid');
    expect((await get('admin', `/cycles/${cycleId}/units/${w.units.a1}/what-if?scheme=nope-1`)).statusCode).toBe(400);
  });
});

describe('api: improvements', () => {
  it('lists the largest gains first: an output indicator 2 → 3 gains 24.24/5/3 = 1.616 points', async () => {
    const body = (await get('koordinator', `/cycles/${cycleId}/units/${w.units.a2}/improvements?limit=5`)).json();
    expect(body.items.map((i: { indicator: string }) => i.indicator)).toEqual(['O1', 'O2', 'O3', 'O4', 'O5']);
    for (const i of body.items) {
      expect(i).toMatchObject({ from: 2, to: 3, dimension: 'output' });
      expect(i.unitGain).toBeCloseTo(1.616, 10);
      // Kota Tangerang has two assessed units.
      expect(i.governmentGain).toBeCloseTo(0.808, 10);
    }
    expect(body.total).toBe(38);
  });

  it("merges a government's units by government gain", async () => {
    const body = (await get('koordinator', `/cycles/${cycleId}/bodies/${w.bodies.a.id}/improvements?limit=6`)).json();
    expect(body.items.slice(0, 5).every((i: { unit: { id: string } }) => i.unit.id === w.units.a2)).toBe(true);
    // Next: a2's complaint handling, 21.54/6/3/2 = 0.5983…
    expect(body.items[5]).toMatchObject({ dimension: 'pengaduan', unit: { id: w.units.a2 } });
    expect(body.items[5].governmentGain).toBeCloseTo(21.54 / 6 / 3 / 2, 10);
  });
});

describe('qualifiers (ombudsman-2025)', () => {
  it('applies "Tanpa Maladministrasi" once every due product is followed up, never changing the score', async () => {
    const c = await openCycle(w, { schemeId: 'ombudsman-2025', year: 2025, bodies: [w.bodies.b] });
    const scheme = (await get('admin', `/cycles/${c}/scheme`)).json().scheme;
    await submitAll(
      w,
      'asisten',
      fullUnit(scheme, c, w.units.b1, () => 3),
    );
    const url = `/cycles/${c}/bodies/${w.bodies.b.id}/result`;
    const unknown = (await get('admin', url)).json().result;
    expect(unknown.score).toBe(100);
    expect(unknown.qualifiers).toEqual([expect.objectContaining({ code: 'tanpa-maladministrasi', applies: false })]);
    const followups = {
      products: [
        { kind: 'saran-perbaikan', followedUp: true },
        { kind: 'tindakan-korektif', followedUp: false },
      ],
    };
    expect(
      (await w.call('pimpinan', { method: 'PUT', url: `/api/v1/cycles/${c}/bodies/${w.bodies.b.id}/followups`, payload: followups }))
        .statusCode,
    ).toBe(200);
    expect((await get('admin', url)).json().result.qualifiers[0].applies).toBe(false);
    followups.products[1]!.followedUp = true;
    await w.call('pimpinan', { method: 'PUT', url: `/api/v1/cycles/${c}/bodies/${w.bodies.b.id}/followups`, payload: followups });
    const after = (await get('admin', url)).json();
    expect(after.result).toMatchObject({ score: 100, qualifiers: [{ code: 'tanpa-maladministrasi', applies: true }] });
    expect(after.followups).toEqual(followups);
    const [event] = await t.db.db.select().from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
    expect(event).toMatchObject({ action: 'followups.set', provinceCode: '36' });
  });
});

describe('api: trend and recompute', () => {
  it("shows a body's results across the cycles the caller may read", async () => {
    const admin = (await get('admin', `/bodies/${w.bodies.a.id}/trend?family=ombudsman`)).json();
    expect(admin.items.map((i: { cycle: { year: number }; score: number; source: string }) => [i.cycle.year, i.score, i.source])).toEqual([
      [2022, 88.47, 'imported'],
      [2024, 83.25, 'computed'],
    ]);
    const pub = (await get('public', `/bodies/${w.bodies.a.id}/trend`)).json();
    expect(pub.items.map((i: { cycle: { year: number } }) => i.cycle.year)).toEqual([2022]);
  });

  it('recomputes a whole cycle to the same results', async () => {
    const before = (await get('admin', `/cycles/${cycleId}/rankings?group=national&type=kota`)).json().items;
    const res = await w.call('admin', { method: 'POST', url: `/api/v1/cycles/${cycleId}/recompute` });
    expect(res.json()).toEqual({ units: 5, bodies: 4 });
    const after = (await get('admin', `/cycles/${cycleId}/rankings?group=national&type=kota`)).json().items;
    expect(after).toEqual(before);
    expect((await unchanged(() => w.call('pimpinan', { method: 'POST', url: `/api/v1/cycles/${cycleId}/recompute` }))).statusCode).toBe(
      403,
    );
  });
});
