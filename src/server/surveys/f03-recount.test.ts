// Issue 11 §6: an F-03 questionnaire's accepted responses are counted in the unit's STORED result
// (progress, completeness of the F-03 quota, the F-03 means), recomputed when they arrive — once
// per batch — together with F-03 sheets typed as records; flagged responses are not counted.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../audit/schema.ts';
import { getCycleOr404 } from '../cycles/queries.ts';
import { cycleBodies, cycleUnits, cycles } from '../cycles/schema.ts';
import { publish } from '../publications/queries.ts';
import { records } from '../records/schema.ts';
import { recomputeUnits } from '../scores/recompute.ts';
import { unitResults } from '../scores/schema.ts';
import { type PekpppWorld, buildPekpppWorld, f03SurveyIn } from '../seed/test-world-pekppp.ts';
import { type World, buildWorld } from '../seed/test-world.ts';
import type { StoredUnitScore } from '../../shared/wire/scores.ts';
import { createTestApp, expectUnchanged, type TestApp } from '../test/harness.ts';

let t: TestApp;
let w: World;
let p: PekpppWorld;
let items: string[];
let min = 0;
let survey: { id: string; code: string };
let ip = 0;

const stored = async () => {
  const [row] = await t.db.db
    .select({ breakdown: unitResults.breakdown })
    .from(unitResults)
    .where(and(eq(unitResults.cycleId, p.cycleId), eq(unitResults.unitId, w.units.a1)));
  return row!.breakdown as StoredUnitScore;
};
const result = async () => {
  const res = await w.call('admin', { method: 'GET', url: `/api/v1/cycles/${p.cycleId}/units/${w.units.a1}/result` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().result as {
    incompleteInstruments: string[];
    progress: { code: string; done: number; complete: boolean }[];
    supplements: { code: string; indicators: { code: string; value: number | null; n: number }[] }[];
  };
};

async function respond(answers: Record<string, number>, extra: Record<string, unknown> = {}) {
  const form = await t.app.inject({ method: 'GET', url: `/api/v1/public/surveys/${survey.code}`, remoteAddress: `10.9.0.${ip++}` });
  const sent = await t.app.inject({
    method: 'POST',
    url: `/api/v1/public/surveys/${survey.code}/responses`,
    remoteAddress: `10.9.1.${ip++}`,
    payload: {
      id: randomUUID(),
      deviceToken: form.json().deviceToken,
      openedAt: new Date(Date.now() - 300_000).toISOString(),
      answers,
      profile: {},
      ...extra,
    },
  });
  expect(sent.statusCode, sent.body).toBe(200);
}

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.app, t.db.db);
  p = await buildPekpppWorld(t.app, w);
  const f03 = p.scheme.instruments.find((i) => i.code === 'f03')!;
  items = f03.covers;
  min = f03.quota.min ?? f03.quota.target;
  // A claim sheet: the unit has a stored result.
  const save = await p.call('operator', {
    method: 'PUT',
    url: `/api/v1/cycles/${p.cycleId}/units/${w.units.a1}/pekppp/claims`,
    payload: { indicators: { A1: { level: 3, statement: 'SK standar pelayanan.', links: ['https://contoh.go.id/a1'] } } },
  });
  expect(save.statusCode, save.body).toBe(200);
  const created = await p.call('operator', {
    method: 'POST',
    url: `/api/v1/units/${w.units.a1}/surveys`,
    payload: f03SurveyIn(p.cycleId),
  });
  expect(created.statusCode, created.body).toBe(200);
  survey = created.json();
});

const f03Input = () => f03SurveyIn(p.cycleId, { expectedUsers: 50, opensInDays: 1, closesInDays: 20 });
afterAll(() => t.close());

describe('F-03 responses in the stored result', () => {
  it('counts accepted public responses at once: progress, the quota complete, the means, audited per batch', async () => {
    expect(min).toBeGreaterThan(1);
    expect((await stored()).progress.f03 ?? 0).toBe(0);
    expect((await result()).incompleteInstruments).toContain('f03');
    // min − 1 respondents: item 1 answered 2, the last item 1–5 (no burst of identical answers), the others 4.
    const answers = (first: number, k: number) =>
      Object.fromEntries(items.map((c, j) => [c, j === 0 ? first : j === items.length - 1 ? 1 + (k % 5) : 4]));
    for (let k = 0; k < min - 1; k++) await respond(answers(2, k));
    expect((await stored()).progress.f03).toBe(min - 1);
    expect((await result()).incompleteInstruments).toContain('f03');
    // The last one needed: item 1 answered 5 — the quota is met in the stored result itself.
    await respond(answers(5, 0));
    const s = await stored();
    expect(s.progress.f03).toBe(min);
    expect(s.incompleteInstruments).not.toContain('f03');
    const r = await result();
    expect(r.incompleteInstruments).not.toContain('f03');
    expect(r.progress.find((x) => x.code === 'f03')).toMatchObject({ done: min, complete: true });
    // By hand: item 1 = ((min − 1) × 2 + 5) / min; the others 4.
    const group = r.supplements.find((g) => g.code === 'f03')!;
    expect(group.indicators[0]).toMatchObject({ code: items[0], n: min });
    expect(group.indicators[0]!.value).toBeCloseTo(((min - 1) * 2 + 5) / min, 12);
    expect(group.indicators.slice(1, -1).every((i) => i.value === 4 && i.n === min)).toBe(true);
    const recounts = await t.db.db.select().from(auditEvents).where(eq(auditEvents.action, 'survey.recount'));
    expect(recounts).toHaveLength(min);
    expect(recounts[0]).toMatchObject({ subjectId: survey.id, actorLabel: 'public' });
  });

  it('refuses a second F-03 questionnaire of the unit in the cycle, naming the first (id/en), changing nothing', async () => {
    for (const lang of ['id', 'en'] as const) {
      const again = await expectUnchanged(t.db.db, () =>
        p.call('operator', {
          method: 'POST',
          url: `/api/v1/units/${w.units.a1}/surveys`,
          payload: f03Input(),
          headers: { 'accept-language': lang },
        }),
      );
      expect(again.statusCode).toBe(409);
      const error = again.json().error as { code: string; message: string };
      expect(error.code).toBe('survey.f03_exists');
      expect(error.message).toContain(`/s/${survey.code}`);
      expect(error.message).toMatch(lang === 'id' ? /sudah memiliki kuesioner F-03/ : /already has an F-03 questionnaire/);
    }
    // Another unit of the locus opens its own (its koordinator).
    const other = await p.call('koordinator', { method: 'POST', url: `/api/v1/units/${w.units.a2}/surveys`, payload: f03Input() });
    expect(other.statusCode, other.body).toBe(200);
  });

  it('leaves a flagged response out, and counts F-03 sheets typed as records with the responses', async () => {
    const before = await stored();
    const audits = (await t.db.db.select().from(auditEvents).where(eq(auditEvents.action, 'survey.recount'))).length;
    // A honeypot answer is kept, flagged: nothing counted, no recount.
    await respond(Object.fromEntries(items.map((c) => [c, 1])), { website: 'http://spam.example' });
    expect((await stored()).progress.f03).toBe(before.progress.f03);
    expect((await t.db.db.select().from(auditEvents).where(eq(auditEvents.action, 'survey.recount'))).length).toBe(audits);
    // A paper F-03 sheet typed as a fieldwork record: the next recompute counts both.
    await t.db.db.insert(records).values({
      id: randomUUID(),
      cycleId: p.cycleId,
      unitId: w.units.a1,
      instrument: 'f03',
      answers: Object.fromEntries(items.map((c) => [c, 1])),
      capturedAt: new Date(),
      contentHash: 'x'.repeat(64),
    });
    await t.db.db.transaction(async (tx) => recomputeUnits(tx, await getCycleOr404(tx, p.cycleId), [w.units.a1]));
    const after = await stored();
    expect(after.progress.f03).toBe(min + 1);
    const item2 = after.supplements.find(([code]) => code === 'f03')![1][1]!;
    expect(item2[2]).toBe(min + 1);
    expect(item2[1]).toBeCloseTo((min * 4 + 1) / (min + 1), 12);
  });
});

describe('an F-03 questionnaire once the unit is final (issue 11 with issue 14 §1)', () => {
  it('refuses answers after the government is final and published: nothing stored, the kept public bytes stay true', async () => {
    // The cycle reviewed, every body final and unit approved, published nationally (released now).
    await t.db.db.update(cycles).set({ status: 'review' }).where(eq(cycles.id, p.cycleId));
    await t.db.db.update(cycleBodies).set({ status: 'final' }).where(eq(cycleBodies.cycleId, p.cycleId));
    await t.db.db.update(cycleUnits).set({ status: 'approved' }).where(eq(cycleUnits.cycleId, p.cycleId));
    await t.db.db.transaction(async (tx) =>
      publish(tx, { id: w.users.admin.id, username: w.users.admin.username }, await getCycleOr404(tx, p.cycleId), { scope: 'national' }),
    );
    const url = `/api/v1/cycles/${p.cycleId}/units/${w.units.a1}/result`;
    const anonymous = () => t.app.inject({ method: 'GET', url });
    const first = await anonymous();
    expect(first.statusCode, first.body).toBe(200);
    const kept = await anonymous();
    expect(kept.headers['x-pantau-cache']).toBe('hit');
    const before = await stored();
    const audit = await t.db.db.select().from(auditEvents);

    const form = await t.app.inject({ method: 'GET', url: `/api/v1/public/surveys/${survey.code}`, remoteAddress: '10.9.2.1' });
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/v1/public/surveys/${survey.code}/responses`,
      remoteAddress: '10.9.2.2',
      headers: { 'accept-language': 'en' },
      payload: {
        id: randomUUID(),
        deviceToken: form.json().deviceToken,
        openedAt: new Date(Date.now() - 300_000).toISOString(),
        answers: Object.fromEntries(items.map((c, j) => [c, j === 1 ? 5 : 3])),
        profile: {},
      },
    });
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json().error.code).toBe('survey.f03_final');
    expect(refused.json().error.message).toMatch(/assessment result is final/);
    // (A paper form typed afterwards goes through the same store: refused alike.)
    expect(await stored()).toEqual(before);
    expect(await t.db.db.select().from(auditEvents)).toHaveLength(audit.length);
    const again = await anonymous();
    expect(again.headers['x-pantau-cache']).toBe('hit');
    expect(again.headers.etag).toBe(kept.headers.etag);
  });
});
