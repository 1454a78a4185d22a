// Issue 17 demo: Banten's Polres and Kantor Pertanahan in the 2024 cycle — located in Banten,
// in the locus, assessed by Banten's Perwakilan (scope follows the unit's location), and ranked
// by sector nationally and in the province.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { cycleUnits } from '../cycles/schema.ts';
import { bodies, units } from '../registry/schema.ts';
import { unitResults } from '../scores/schema.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { addUser, signIn, type SignedIn } from '../auth/testing.ts';
import { type DemoSeed, seedDemoIfEmpty } from './demo.ts';
import { getCycleOr404 } from '../cycles/queries.ts';
import { buildSnapshot } from '../publications/queries.ts';
import { PublicationSnapshot } from '../../shared/wire/publications.ts';

let t: TestApp;
let seed: DemoSeed;
let pimpinan: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  seed = (await seedDemoIfEmpty(t.db.db))!;
  const p = seed.accounts.find((a) => a.role === 'pimpinan')!;
  pimpinan = await signIn(t.app, p.username, p.password);
  // The whole demo is seeded: on a loaded machine this takes longer than the db project's 120 s.
}, 300_000);
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

describe('where the demo’s vertical offices are, on results and snapshots (issue 17)', () => {
  interface Place {
    provinceCode: string;
    regencyCode: string;
    regencyName: string | null;
  }

  it('lists the offices located in Banten by office type with their results and ranks', async () => {
    const res = await get(`/cycles/${seed.cycles.current}/provinces/36/vertical-offices`, pimpinan);
    expect(res.statusCode).toBe(200);
    const items: { unit: { id: string; sector: string }; body: { code: string }; place: Place; rank: number; of: number; score: number }[] =
      res.json().items;
    expect(items).toHaveLength(16);
    expect(items.map((i) => i.unit.sector)).toEqual([...Array(8).fill('kepolisian'), ...Array(8).fill('pertanahan')]);
    for (const i of items) {
      expect(i.place.provinceCode).toBe('36');
      expect(i.place.regencyName).toMatch(/^(Kabupaten|Kota) /);
      expect(i.of).toBe(8);
    }
    const polres = items.filter((i) => i.unit.sector === 'kepolisian');
    expect(polres.map((i) => i.rank)[0]).toBe(1);
    expect(polres.map((i) => i.score)).toEqual([...polres.map((i) => i.score)].sort((a, b) => b - a));
    // The places are the province's sector group's, as its ranking lists them (stored ranks).
    for (const sector of ['kepolisian', 'pertanahan']) {
      const group = (await get(`/cycles/${seed.cycles.current}/rankings?group=sector&province=36&sector=${sector}`, pimpinan)).json();
      const want = new Map(
        group.items.map((i: { unit: { id: string }; rank: number; of: number }) => [i.unit.id, { rank: i.rank, of: i.of }]),
      );
      const got = items.filter((i) => i.unit.sector === sector);
      expect(got.map((i) => ({ rank: i.rank, of: i.of }))).toEqual(got.map((i) => want.get(i.unit.id)));
    }
    // Another province has none; the public sees nothing of an unpublished cycle.
    expect((await get(`/cycles/${seed.cycles.current}/provinces/31/vertical-offices`, pimpinan)).json().items).toHaveLength(0);
    const anon = await get(`/cycles/${seed.cycles.current}/provinces/36/vertical-offices`);
    expect(anon.statusCode === 200 ? anon.json().items : []).toHaveLength(0);
    expect((await get(`/cycles/${seed.cycles.current}/provinces/3x/vertical-offices`, pimpinan)).statusCode).toBe(400);
  });

  it('gives a ministry’s units their place on its result (listed by province on its page)', async () => {
    const [polri] = await t.db.db.select({ id: bodies.id }).from(bodies).where(eq(bodies.code, 'polri'));
    const a = seed.accounts.find((x) => x.role === 'admin')!;
    const admin = await signIn(t.app, a.username, a.password);
    const res = await get(`/cycles/${seed.cycles.current}/bodies/${polri!.id}/result`, admin);
    expect(res.statusCode).toBe(200);
    const places: (Place | null)[] = res.json().units.map((u: { place: Place | null }) => u.place);
    expect(places).toHaveLength(8);
    expect(places.every((p) => p?.provinceCode === '36' && p.regencyCode.startsWith('36.'))).toBe(true);
  });

  it('freezes each unit’s place in the snapshot, and still reads a snapshot made before it', async () => {
    const snapshot = await t.db.db.transaction(async (tx) => {
      const cycle = await getCycleOr404(tx, seed.cycles.current);
      return buildSnapshot(tx, cycle, 'national', { version: 1, publishedAt: new Date(), publicAt: new Date() });
    });
    const [atr] = await t.db.db.select({ id: bodies.id }).from(bodies).where(eq(bodies.code, 'atrbpn'));
    const offices = snapshot.units.filter((u) => u.bodyId === atr!.id);
    expect(offices).toHaveLength(8);
    for (const u of offices) expect(u.place).toMatchObject({ provinceCode: '36', regencyCode: expect.stringMatching(/^36\./) });
    // A Banten government's unit has no kabupaten/kota of its own: no place.
    expect(snapshot.units.some((u) => u.place === null)).toBe(true);
    const old = JSON.parse(JSON.stringify(snapshot)) as { units: Record<string, unknown>[] };
    for (const u of old.units) delete u.place;
    expect(PublicationSnapshot.safeParse(old).success).toBe(true);
  });

  it('gives the map its points: located units with coordinates, their office type, score and band; the public only published ones', async () => {
    const res = await get(`/cycles/${seed.cycles.current}/provinces/36/unit-points`, pimpinan);
    expect(res.statusCode).toBe(200);
    const items: {
      unit: { name: string; sector: string };
      body: { code: string };
      place: Place | null;
      latitude: number;
      longitude: number;
      score: number;
      band: { code: string; color: string };
    }[] = res.json().items;
    const offices = items.filter((i) => i.body.code === 'polri' || i.body.code === 'atrbpn');
    expect(offices).toHaveLength(16);
    for (const i of offices) {
      // Inside Banten (about 105.1–106.8 E, 5.8–7.0 S).
      expect(i.latitude).toBeGreaterThan(-7.1);
      expect(i.latitude).toBeLessThan(-5.7);
      expect(i.longitude).toBeGreaterThan(105);
      expect(i.longitude).toBeLessThan(106.9);
      expect(['kepolisian', 'pertanahan']).toContain(i.unit.sector);
      expect(i.place?.regencyCode).toMatch(/^36\./);
      expect(typeof i.score).toBe('number');
      expect(i.band.color).toMatch(/^#/);
    }
    // Sorted by name; none in another province; the public sees nothing of the unpublished 2024 cycle.
    expect(items.map((i) => i.unit.name)).toEqual([...items.map((i) => i.unit.name)].sort((a, b) => a.localeCompare(b, 'id')));
    expect((await get(`/cycles/${seed.cycles.current}/provinces/31/unit-points`, pimpinan)).json().items).toHaveLength(0);
    const anon = await get(`/cycles/${seed.cycles.current}/provinces/36/unit-points`);
    expect(anon.statusCode === 200 ? anon.json().items : []).toHaveLength(0);
    expect((await get(`/cycles/${seed.cycles.current}/provinces/3x/unit-points`, pimpinan)).statusCode).toBe(400);

    // The published 2023 cycle's units (the demo places its governments' units) are on the public
    // map with their published results; a government's unit has no kabupaten/kota of its own.
    const published = await get(`/cycles/${seed.cycles.published}/provinces/36/unit-points`);
    expect(published.statusCode).toBe(200);
    const points = published.json().items as typeof items;
    expect(points).toHaveLength(61);
    for (const i of points) {
      expect(i.body.code).toMatch(/^36(\.|$)/);
      expect(i.place).toBeNull();
      expect(i.band.code).toEqual(expect.any(String));
    }
  });
});

describe('a ministry’s clarification page as a Perwakilan sees it (issue 17)', () => {
  it('opens for Banten’s pimpinan limited to the units located in Banten; the admin sees all; another Perwakilan none', async () => {
    const [polri] = await t.db.db.select({ id: bodies.id }).from(bodies).where(eq(bodies.code, 'polri'));
    // A Polres in Jawa Barat in the same cycle: not Banten's.
    const [bogor] = await t.db.db
      .insert(units)
      .values({ bodyId: polri!.id, name: 'Polres Bogor', sector: 'kepolisian', regencyCode: '32.01', latitude: -6.48, longitude: 106.85 })
      .returning({ id: units.id });
    await t.db.db.insert(cycleUnits).values({ cycleId: seed.cycles.current, unitId: bogor!.id, bodyId: polri!.id });
    const url = `/cycles/${seed.cycles.current}/bodies/${polri!.id}/clarification`;

    const mine = await get(url, pimpinan);
    expect(mine.statusCode).toBe(200);
    const view = mine.json();
    expect(view.limitedTo).toBe('36');
    expect(view.scope).toBe('pusat');
    expect(view.units).toHaveLength(8);
    expect(view.units.map((u: { name: string }) => u.name)).not.toContain('Polres Bogor');
    expect(view.result).toBeNull();

    const a = seed.accounts.find((x) => x.role === 'admin')!;
    const all = (await get(url, await signIn(t.app, a.username, a.password))).json();
    expect(all.limitedTo).toBeNull();
    expect(all.units).toHaveLength(9);

    // Jawa Tengah's Perwakilan has no Polri unit in its locus: refused. Jawa Barat's sees only Bogor.
    await addUser(t.db.db, {
      username: 'pimpinan.jateng',
      name: 'Kepala Jateng',
      password: 'kata-sandi-rahasia',
      role: 'pimpinan',
      provinceCode: '33',
    });
    await addUser(t.db.db, {
      username: 'pimpinan.jabar',
      name: 'Kepala Jabar',
      password: 'kata-sandi-rahasia',
      role: 'pimpinan',
      provinceCode: '32',
    });
    expect((await get(url, await signIn(t.app, 'pimpinan.jateng', 'kata-sandi-rahasia'))).statusCode).toBe(403);
    const jabar = (await get(url, await signIn(t.app, 'pimpinan.jabar', 'kata-sandi-rahasia'))).json();
    expect(jabar.units.map((u: { name: string }) => u.name)).toEqual(['Polres Bogor']);
  });

  it('has a K/L office with a closed, published SKM survey whose IKM the asisten attached (issue 11 §7)', async () => {
    const [office] = await t.db.db
      .select({ id: units.id })
      .from(units)
      .innerJoin(bodies, eq(bodies.id, units.bodyId))
      .where(and(eq(bodies.code, 'atrbpn'), eq(units.regencyCode, '36.71')));
    const attached = await get(`/cycles/${seed.cycles.current}/units/${office!.id}/ikm-evidence`, pimpinan);
    expect(attached.statusCode, attached.body).toBe(200);
    const [ikm] = attached.json().items;
    expect(ikm).toMatchObject({ indicator: 'O1', periodKey: '2024-S1', respondents: 160 });
    const published = (await get(`/public/ikm?unitId=${office!.id}`)).json().items;
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({ surveyId: ikm.surveyId, ikm: ikm.ikm, band: ikm.band });
  });
});
