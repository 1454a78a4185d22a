// Issue 17 demo: Banten's Polres and Kantor Pertanahan in the 2024 cycle — located in Banten,
// in the locus, assessed by Banten's Perwakilan (scope follows the unit's location), and ranked
// by sector nationally and in the province.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { cycleUnits } from '../cycles/schema.ts';
import { bodies, units } from '../registry/schema.ts';
import { unitResults } from '../scores/schema.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { signIn, type SignedIn } from '../auth/testing.ts';
import { type DemoSeed, seedDemoIfEmpty } from './demo.ts';

let t: TestApp;
let seed: DemoSeed;
let pimpinan: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  seed = (await seedDemoIfEmpty(t.db.db))!;
  const p = seed.accounts.find((a) => a.role === 'pimpinan')!;
  pimpinan = await signIn(t.app, p.username, p.password);
});
afterAll(() => t.close());

const get = (url: string, who?: SignedIn) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: who?.headers ?? {} });

describe('demo: Banten vertical offices (issue 17)', () => {
  it('puts 8 Polres and 8 Kantor Pertanahan, each located in Banten, into the 2024 cycle with results', async () => {
    const rows = await t.db.db
      .select({ code: bodies.code, sector: units.sector, regency: units.regencyCode, lat: units.latitude, score: unitResults.score })
      .from(cycleUnits)
      .innerJoin(units, eq(units.id, cycleUnits.unitId))
      .innerJoin(bodies, eq(bodies.id, units.bodyId))
      .leftJoin(unitResults, and(eq(unitResults.cycleId, cycleUnits.cycleId), eq(unitResults.unitId, cycleUnits.unitId)))
      .where(and(eq(cycleUnits.cycleId, seed.cycles.current), inArray(bodies.code, ['polri', 'atrbpn'])));
    expect(rows.filter((r) => r.sector === 'kepolisian')).toHaveLength(8);
    expect(rows.filter((r) => r.sector === 'pertanahan')).toHaveLength(8);
    for (const r of rows) {
      expect(r.regency!.startsWith('36.')).toBe(true);
      expect(r.lat).not.toBeNull();
      expect(r.score).not.toBeNull();
    }
  });

  it('lets Banten’s Perwakilan see them in its province’s progress', async () => {
    const res = await get(`/cycles/${seed.cycles.current}/progress?province=36&pageSize=100`, pimpinan);
    expect(res.statusCode).toBe(200);
    const codes = res.json().items.map((b: { code: string }) => b.code);
    expect(codes).toEqual(expect.arrayContaining(['polri', 'atrbpn', '36.04']));
  });

  it('ranks every Polres nationally and in Banten, by the unit’s location', async () => {
    const national = (await get(`/cycles/${seed.cycles.current}/rankings?group=sector&sector=kepolisian`, pimpinan)).json();
    expect(national.group).toBe('sector:national:kepolisian');
    expect(national.items).toHaveLength(8);
    expect(national.items.map((i: { rank: number }) => i.rank)[0]).toBe(1);
    const scores = national.items.map((i: { score: number }) => i.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const banten = (await get(`/cycles/${seed.cycles.current}/rankings?group=sector&province=36&sector=pertanahan`, pimpinan)).json();
    expect(banten.group).toBe('sector:36:pertanahan');
    expect(banten.items).toHaveLength(8);
    expect(banten.items.every((i: { body: { code: string } }) => i.body.code === 'atrbpn')).toBe(true);
    // Not published: the public sees none of it.
    const anon = (await get(`/cycles/${seed.cycles.current}/rankings?group=sector&sector=kepolisian`)).json();
    expect(anon.items ?? []).toHaveLength(0);
  });
});
