// Issue 11: the PEKPPP rapor and the public breakdown summarise F-03 from the same accepted survey
// responses the PEKPPP view's F-03 card shows (surveys/queries f03Results), never the flagged ones:
// the recompute counts them in the stored result, which the publication snapshot freezes.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCycleOr404 } from '../cycles/queries.ts';
import { recomputeUnits } from '../scores/recompute.ts';
import { buildSnapshot } from '../publications/queries.ts';
import { raporInputFromSnapshot } from '../reports/from-snapshot.ts';
import { type PekpppWorld, buildPekpppWorld } from '../seed/test-world-pekppp.ts';
import { type World, buildWorld } from '../seed/test-world.ts';
import { surveyResponses, surveys } from '../surveys/schema.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';

let t: TestApp;
let w: World;
let p: PekpppWorld;
let items: string[];
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.app, t.db.db);
  p = await buildPekpppWorld(t.app, w);
  items = p.scheme.instruments.find((i) => i.code === 'f03')!.covers;
  // A claim sheet, so the unit has a stored result (and its government one).
  const save = await p.call('operator', {
    method: 'PUT',
    url: `/api/v1/cycles/${p.cycleId}/units/${w.units.a1}/pekppp/claims`,
    payload: { indicators: { A1: { level: 3, statement: 'SK standar pelayanan.', links: ['https://contoh.go.id/a1'] } } },
  });
  expect(save.statusCode, save.body).toBe(200);
  // The unit's F-03 survey: two accepted responses and one flagged (left out).
  const surveyId = randomUUID();
  await t.db.db.insert(surveys).values({
    id: surveyId,
    kind: 'f03',
    code: 'f03tangerang',
    unitId: w.units.a1,
    schemeId: p.scheme.id,
    instrument: 'f03',
    cycleId: p.cycleId,
    periodKind: 'year',
    periodKey: '2024',
    periodStart: new Date('2023-12-31T17:00:00Z'),
    periodEnd: new Date('2024-12-31T17:00:00Z'),
    services: ['KTP-el'],
    expectedUsers: 100,
    targetSample: 20,
    opensAt: new Date('2024-01-01T00:00:00Z'),
    closesAt: new Date('2024-12-31T00:00:00Z'),
  });
  const answer = (first: number, rest: number) => Object.fromEntries(items.map((c, k) => [c, k === 0 ? first : rest]));
  await t.db.db.insert(surveyResponses).values(
    [
      { answers: answer(4, 4), accepted: true },
      { answers: answer(1, 5), accepted: true },
      { answers: answer(0, 0), accepted: false },
    ].map((r, k) => ({
      id: randomUUID(),
      surveyId,
      source: 'public',
      submittedAt: new Date(Date.UTC(2024, 4, 2, 3, k)),
      fingerprint: `f03-${k}`,
      answers: r.answers,
      profile: {},
      accepted: r.accepted,
      flags: r.accepted ? [] : [{ code: 'burst-identical', reason: { id: 'x', en: 'x' } }],
    })),
  );
  // Rows put in behind the API's back: a recompute (as POST /cycles/:id/recompute) counts them.
  await t.db.db.transaction(async (tx) => recomputeUnits(tx, await getCycleOr404(tx, p.cycleId), [w.units.a1]));
});
afterAll(() => t.close());

// By hand: item 1 = (4 + 1) / 2 = 2,5; every other item (4 + 5) / 2 = 4,5; the flagged 0s do not count.
const expectHandWorked = (summary: { respondents: number; items: { code: string; mean: number | null; n: number }[] }) => {
  expect(summary.respondents).toBe(2);
  expect(summary.items[0]).toMatchObject({ code: items[0], mean: 2.5, n: 2 });
  for (const item of summary.items.slice(1)) expect(item).toMatchObject({ mean: 4.5, n: 2 });
};

describe('F-03 from the survey everywhere it is summarised', () => {
  it('the PEKPPP view card and the public breakdown give the same accepted-response means', async () => {
    const view = (await p.call('operator', { method: 'GET', url: `/api/v1/cycles/${p.cycleId}/units/${w.units.a1}/pekppp` })).json();
    expect(view.f03).toMatchObject({ accepted: 2, flagged: 1 });
    expect(view.f03.items[0]).toMatchObject({ mean: 2.5, n: 2 });
    const result = (await w.call('admin', { method: 'GET', url: `/api/v1/cycles/${p.cycleId}/units/${w.units.a1}/result` })).json().result;
    const group = result.supplements.find((s: { code: string }) => s.code === 'f03');
    expect(group.indicators[0]).toMatchObject({ code: items[0], value: 2.5, n: 2 });
    expect(group.indicators.slice(1).every((i: { value: number; n: number }) => i.value === 4.5 && i.n === 2)).toBe(true);
    expect(result.progress.find((x: { code: string }) => x.code === 'f03')).toMatchObject({ done: 2 });
  });

  it('the publication snapshot carries it in the stored breakdown and the rapor reads it', async () => {
    const cycle = await getCycleOr404(t.db.db, p.cycleId);
    const now = new Date();
    const snapshot = await buildSnapshot(t.db.db, cycle, 'national', { version: 1, publishedAt: now, publicAt: now });
    const unit = snapshot.units.find((u) => u.id === w.units.a1)!;
    expect(unit.breakdown.progress.f03).toBe(2);
    const body = snapshot.bodies.find((b) => b.id === unit.bodyId)!;
    const args = {
      lang: 'id' as const,
      cycle: { name: cycle.name, year: cycle.year, schemeId: cycle.schemeId },
      body,
      units: snapshot.units.filter((u) => u.bodyId === body.id),
      unitId: unit.id,
      provinceName: 'Banten',
      evidence: [],
      assumptions: snapshot.assumptions,
      snapshot: null,
      generatedAt: now.toISOString(),
    };
    const rapor = raporInputFromSnapshot(p.scheme, args);
    const f03 = rapor.supplements!.find((s) => s.summary.code === 'f03')!.summary;
    expectHandWorked(f03);
  });
});
