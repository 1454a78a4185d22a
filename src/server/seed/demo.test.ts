import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, like } from 'drizzle-orm';
import { verifyAudit } from '../audit/queries.ts';
import { cycleBodies, cycleUnits, cycles } from '../cycles/schema.ts';
import { records } from '../records/schema.ts';
import { bodies, units } from '../registry/schema.ts';
import { bodyResults, unitResults } from '../scores/schema.ts';
import { publications } from '../publications/schema.ts';
import { actions } from '../actions/schema.ts';
import { auditEvents } from '../audit/schema.ts';
import { users } from '../auth/schema.ts';
import { findings } from '../findings/schema.ts';
import { surveyResponses, surveys } from '../surveys/schema.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { type DemoSeed, banten2022, seedDemoIfEmpty } from './demo.ts';

let t: TestApp;
let seed: DemoSeed;
beforeAll(async () => {
  t = await createTestApp();
  seed = (await seedDemoIfEmpty(t.db.db))!;
});
afterAll(() => t.close());

describe('seedDemoIfEmpty', () => {
  it('returns one account per role with a random password, once', async () => {
    // issue 10: the evaluators of Kota Cilegon's and Kota Tangerang's Bagian Organisasi and of KemenPANRB (PEKPPP);
    // issue 12: Kota Tangerang's internal assessor (penilai).
    expect(seed.accounts.map((a) => a.role)).toEqual([
      'admin',
      'pimpinan',
      'asisten',
      'koordinator',
      'operator',
      'evaluator',
      'evaluator',
      'evaluator',
      'penilai',
    ]);
    expect(new Set(seed.accounts.map((a) => a.password)).size).toBe(9);
    expect(seed.accounts.every((a) => a.password.length >= 12 && a.scope.length > 0)).toBe(true);
    expect(await seedDemoIfEmpty(t.db.db)).toBeNull();
  });

  it('assigns, hands in and audits every unit of its Ombudsman cycles one event per unit, in one unbroken chain', async () => {
    const asisten = seed.accounts.find((a) => a.role === 'asisten')!;
    for (const cycleId of [seed.cycles.current, seed.cycles.published]) {
      const locus = await t.db.db
        .select({ unitId: cycleUnits.unitId, assessor: users.username, due: cycleUnits.dueDate, status: cycleUnits.status })
        .from(cycleUnits)
        .leftJoin(users, eq(users.id, cycleUnits.assessorId))
        .where(eq(cycleUnits.cycleId, cycleId));
      expect(locus.length).toBeGreaterThanOrEqual(61); // Banten: the province's 5 units, 7 for each of its 8 kabupaten/kota
      expect(locus.every((u) => u.assessor === asisten.username && u.due?.endsWith('-09-30'))).toBe(true);
      expect(locus.every((u) => u.status === 'submitted' || u.status === 'approved')).toBe(true);
      const events = async (action: string) =>
        (
          await t.db.db
            .select({ n: count() })
            .from(auditEvents)
            .where(and(eq(auditEvents.action, action), like(auditEvents.subjectId, `${cycleId}/%`)))
        )[0]!.n;
      expect(await events('assignment.set')).toBe(locus.length);
      expect(await events('unit.submit')).toBe(locus.length);
    }
    expect((await verifyAudit(t.db.db)).ok).toBe(true);
  });

  it('creates accounts that can sign in', async () => {
    const pimpinan = seed.accounts.find((a) => a.role === 'pimpinan')!;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: pimpinan.username, password: pimpinan.password },
    });
    expect(res.statusCode).toBe(200);
  });

  it('gives every Banten government the typical locus, with the real Puskesmas names where known', async () => {
    const rows = await t.db.db
      .select({ code: bodies.code, type: bodies.type, unit: units.name, sector: units.sector })
      .from(units)
      .innerJoin(bodies, eq(bodies.id, units.bodyId))
      .where(eq(bodies.provinceCode, '36'));
    const byBody = new Map<string, typeof rows>();
    for (const r of rows) byBody.set(r.code, [...(byBody.get(r.code) ?? []), r]);
    expect([...byBody.keys()].sort()).toEqual(['36', '36.01', '36.02', '36.03', '36.04', '36.71', '36.72', '36.73', '36.74']);
    for (const [code, list] of byBody) {
      if (code === '36') continue;
      expect(list.map((u) => u.sector).sort(), code).toEqual([
        'adminduk',
        'kesehatan',
        'pendidikan',
        'perizinan',
        'puskesmas',
        'puskesmas',
        'sosial',
      ]);
    }
    const names = rows.map((r) => r.unit);
    expect(names).toEqual(expect.arrayContaining(['Puskesmas Pontang', 'Puskesmas Pabuaran', 'Puskesmas Neglasari']));
  });

  it('runs the 2024 cycle in review with complete units whose governments span several bands', async () => {
    const [cycle] = await t.db.db.select().from(cycles).where(eq(cycles.id, seed.cycles.current));
    expect(cycle).toMatchObject({ year: 2024, schemeId: 'ombudsman-2024', status: 'review', source: 'computed' });
    const unitRows = await t.db.db.select({ complete: unitResults.complete }).from(unitResults).where(eq(unitResults.cycleId, cycle!.id));
    // 61 pemda units + 16 vertical offices (issue 17: 8 Polres, 8 Kantor Pertanahan).
    expect(unitRows).toHaveLength(61 + 16);
    expect(unitRows.every((u) => u.complete)).toBe(true);
    const [{ n } = { n: 0 }] = await t.db.db.select({ n: count() }).from(records).where(eq(records.cycleId, cycle!.id));
    expect(n).toBe((61 + 16) * 39);
    const gov = await t.db.db.select({ band: bodyResults.bandCode }).from(bodyResults).where(eq(bodyResults.cycleId, cycle!.id));
    expect(gov).toHaveLength(9 + 2); // + POLRI and ATR/BPN (issue 17)
    expect(new Set(gov.map((g) => g.band)).size).toBeGreaterThanOrEqual(3);
  });

  it('has Kabupaten Serang reviewed and final, the others awaiting review', async () => {
    const rows = await t.db.db
      .select({ code: bodies.code, status: cycleBodies.status })
      .from(cycleBodies)
      .innerJoin(bodies, eq(bodies.id, cycleBodies.bodyId))
      .where(eq(cycleBodies.cycleId, seed.cycles.current));
    expect(rows.filter((r) => r.status === 'final').map((r) => r.code)).toEqual(['36.04']);
    const statuses = await t.db.db
      .selectDistinct({ status: cycleUnits.status })
      .from(cycleUnits)
      .where(and(eq(cycleUnits.cycleId, seed.cycles.current)));
    expect(statuses.map((s) => s.status).sort()).toEqual(['approved', 'submitted']);
  });

  it('assesses 2023 the real way and publishes it: scores, approvals, a national snapshot with units, findings and awards', async () => {
    const [cycle] = await t.db.db.select().from(cycles).where(eq(cycles.id, seed.cycles.published));
    expect(cycle).toMatchObject({ year: 2023, schemeId: 'ombudsman-2023', status: 'final', source: 'computed' });
    // Every unit of the nine governments approved, from the asisten's records, every body final.
    const unitStatuses = await t.db.db
      .selectDistinct({ status: cycleUnits.status })
      .from(cycleUnits)
      .where(eq(cycleUnits.cycleId, cycle!.id));
    expect(unitStatuses).toEqual([{ status: 'approved' }]);
    const bodyStatuses = await t.db.db.select({ status: cycleBodies.status }).from(cycleBodies).where(eq(cycleBodies.cycleId, cycle!.id));
    expect(bodyStatuses).toHaveLength(9);
    expect(bodyStatuses.every((b) => b.status === 'final')).toBe(true);
    const [{ n } = { n: 0 }] = await t.db.db.select({ n: count() }).from(records).where(eq(records.cycleId, cycle!.id));
    expect(n).toBe(61 * 39);
    // The order follows what is known of 2023 (reference.md §6.2): Tangsel first, Kab/Kota
    // Tangerang next, Kabupaten Serang in A, Kota Serang 7th of the kabupaten/kota.
    const scores = await t.db.db
      .select({ code: bodies.code, score: bodyResults.score, band: bodyResults.bandCode })
      .from(bodyResults)
      .innerJoin(bodies, eq(bodies.id, bodyResults.bodyId))
      .where(eq(bodyResults.cycleId, cycle!.id));
    const regencies = scores.filter((r) => r.code !== '36').sort((a, b) => b.score - a.score);
    expect(regencies.map((r) => r.code).slice(0, 4)).toEqual(['36.74', '36.03', '36.71', '36.04']);
    expect(regencies[6]!.code).toBe('36.73');
    expect(scores.find((r) => r.code === '36.04')!.band).toBe('A');

    const pubs = await t.db.db.select().from(publications).where(eq(publications.cycleId, cycle!.id));
    expect(pubs.map((p) => [p.scope, p.version, p.status])).toEqual([['national', 1, 'current']]);
    const snapshot = pubs[0]!.snapshot as { bodies: { previous: { cycleId: string } | null }[]; units: unknown[] };
    expect(snapshot.bodies).toHaveLength(9);
    expect(snapshot.units).toHaveLength(61);
    // Movement from the imported 2022 year.
    expect(snapshot.bodies.every((b) => b.previous?.cycleId === seed.cycles.past)).toBe(true);
    // issue 12: findings generated at publication, for the published units.
    const found = await t.db.db.selectDistinct({ unitId: findings.unitId }).from(findings).where(eq(findings.cycleId, cycle!.id));
    expect(found.length).toBeGreaterThan(50);

    // Anonymous: the public sees the cycle, its unit awards (issue 18) and its hand-over.
    const publicCycles = await t.app.inject({ method: 'GET', url: '/api/v1/cycles' });
    expect((publicCycles.json().items as { id: string }[]).map((c) => c.id)).toContain(cycle!.id);
    const awards = await t.app.inject({ method: 'GET', url: `/api/v1/publications/${pubs[0]!.id}/unit-awards` });
    expect(awards.statusCode).toBe(200);
    const kinds = new Set((awards.json().items as { kind: string }[]).map((a) => a.kind));
    expect(kinds.size).toBeGreaterThanOrEqual(2);
    const piagam = await t.app.inject({ method: 'GET', url: (awards.json().items as { piagamUrl: string }[])[0]!.piagamUrl });
    expect(piagam.statusCode).toBe(200);
    expect(piagam.headers['content-type']).toMatch(/pdf/);
    const handover = await t.app.inject({ method: 'GET', url: `/api/v1/publications/${pubs[0]!.id}/handover` });
    expect(handover.json()).toMatchObject({ date: '2024-01-24' });
  });

  it("imports Banten's published 2022 scores so rankings show movement", async () => {
    const past = await t.db.db
      .select({ code: bodies.code, score: bodyResults.score, source: bodyResults.source })
      .from(bodyResults)
      .innerJoin(bodies, eq(bodies.id, bodyResults.bodyId))
      .where(eq(bodyResults.cycleId, seed.cycles.past));
    expect(Object.fromEntries(past.map((p) => [p.code, p.score]))).toEqual(banten2022);
    expect(past.every((p) => p.source === 'imported')).toBe(true);
    // Published nationally (the public portal shows it), with a snapshot of the nine scores.
    const pubs = await t.db.db.select().from(publications).where(eq(publications.cycleId, seed.cycles.past));
    expect(pubs.map((p) => [p.scope, p.version, p.status])).toEqual([['national', 1, 'current']]);
    expect((pubs[0]!.snapshot as { bodies: unknown[] }).bodies).toHaveLength(9);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/cycles/${seed.cycles.past}` })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/cycles/${seed.cycles.current}` })).statusCode).toBe(401);
    const admin = seed.accounts.find((a) => a.role === 'admin')!;
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: admin.username, password: admin.password },
    });
    const cookie = login.headers['set-cookie'];
    const cookies = (Array.isArray(cookie) ? cookie : [cookie!]).map((c) => c.split(';')[0]).join('; ');
    const ranking = await t.app.inject({
      method: 'GET',
      url: `/api/v1/cycles/${seed.cycles.current}/rankings?group=province&province=36`,
      headers: { cookie: cookies },
    });
    const items = ranking.json().items as { previousRank: number | null; movement: number | null }[];
    expect(items).toHaveLength(8);
    expect(items.every((i) => i.previousRank !== null && i.movement !== null)).toBe(true);
  });

  it('dates the 2023 year in 2023, before its publication on 14 December, not at seed time (issue 16)', async () => {
    const cycleId = seed.cycles.published;
    const start = new Date('2023-01-01T00:00:00+07:00').getTime();
    const announced = new Date('2023-12-14T10:00:00+07:00').getTime();
    const [cycle] = await t.db.db.select().from(cycles).where(eq(cycles.id, cycleId));
    expect(cycle!.createdAt.getTime()).toBeGreaterThanOrEqual(start);
    const sheets = await t.db.db
      .select({ capturedAt: records.capturedAt, createdAt: records.createdAt })
      .from(records)
      .where(eq(records.cycleId, cycleId));
    expect(sheets.length).toBeGreaterThan(0);
    for (const r of sheets) {
      expect(r.capturedAt.getTime()).toBeLessThan(r.createdAt.getTime());
      expect(r.createdAt.getTime()).toBeGreaterThanOrEqual(start);
      expect(r.createdAt.getTime()).toBeLessThan(announced);
    }
    const approvals = await t.db.db
      .select({ review: cycleUnits.review, updatedAt: cycleUnits.updatedAt })
      .from(cycleUnits)
      .where(eq(cycleUnits.cycleId, cycleId));
    for (const u of approvals) {
      const at = new Date((u.review as { at: string }).at).getTime();
      expect(at).toBeGreaterThanOrEqual(new Date('2023-10-01T00:00:00+07:00').getTime());
      expect(at).toBeLessThan(announced);
    }
    // Every audit entry about the cycle, its units and its sheets: in 2023, none after the publication
    // (the follow-up actions on its findings are today's work).
    const events = (await t.db.db.select().from(auditEvents)).filter(
      (e) => !e.action.startsWith('action.') && JSON.stringify([e.subjectId, e.diff]).includes(cycleId),
    );
    expect(events.length).toBeGreaterThan(approvals.length * 3);
    for (const e of events) {
      expect(e.at.getTime(), e.action).toBeGreaterThanOrEqual(start);
      expect(e.at.getTime(), e.action).toBeLessThanOrEqual(announced);
    }
  });

  it("places the 2023 units on the public map: every Banten government's units near its seat (first visit)", async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/cycles/${seed.cycles.published}/provinces/36/unit-points` });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { body: { code: string }; latitude: number; longitude: number }[];
    expect(items).toHaveLength(61);
    expect(new Set(items.map((i) => i.body.code)).size).toBe(9);
    // Inside Banten (−7.1…−5.8 S, 105.1…106.8 E), and no two units on one spot.
    for (const i of items) {
      expect(i.latitude).toBeGreaterThan(-7.1);
      expect(i.latitude).toBeLessThan(-5.8);
      expect(i.longitude).toBeGreaterThan(105.1);
      expect(i.longitude).toBeLessThan(106.8);
    }
    expect(new Set(items.map((i) => `${i.latitude},${i.longitude}`)).size).toBe(61);
  });

  it('dates the 2024 year and the PEKPPP cycles in their years, not at seed time (issue 16)', async () => {
    const startOf = (y: number) => new Date(`${y}-01-01T00:00:00+07:00`).getTime();
    const endOf = (y: number) => new Date(`${y + 1}-01-01T00:00:00+07:00`).getTime();
    const all = await t.db.db.select().from(cycles);
    const dated = all.filter(
      (c) => c.year === 2024 && (c.schemeId === 'ombudsman-2024' || c.schemeId === 'pekppp-2024') && !c.name.includes('internal'),
    );
    dated.push(...all.filter((c) => c.name === 'PEKPPP 2023 Kota Cilegon (mandiri)'));
    expect(dated.map((c) => c.name).sort()).toEqual([
      'PEKPPP 2023 Kota Cilegon (mandiri)',
      'PEKPPP 2024 Kota Cilegon',
      'PEKPPP 2024 Kota Tangerang',
      'Penilaian Kualitas Pelayanan Publik 2024',
    ]);
    for (const c of dated) {
      expect(c.createdAt.getTime(), c.name).toBeGreaterThanOrEqual(startOf(c.year));
      expect(c.updatedAt.getTime(), c.name).toBeLessThan(endOf(c.year));
      const sheets = await t.db.db
        .select({ capturedAt: records.capturedAt, createdAt: records.createdAt })
        .from(records)
        .where(eq(records.cycleId, c.id));
      for (const r of sheets) {
        expect(r.capturedAt.getTime()).toBeLessThan(r.createdAt.getTime());
        expect(r.createdAt.getTime(), c.name).toBeLessThan(endOf(c.year));
      }
      const cus = await t.db.db.select({ review: cycleUnits.review }).from(cycleUnits).where(eq(cycleUnits.cycleId, c.id));
      for (const u of cus) {
        const at = (u.review as { at?: string } | null)?.at;
        if (at) expect(new Date(at).getTime(), c.name).toBeLessThan(endOf(c.year));
      }
    }
    // "Publik sejak": the PEKPPP 2024 results went public in December 2024.
    const cilegon = dated.find((c) => c.name === 'PEKPPP 2024 Kota Cilegon')!;
    const [pub] = await t.db.db.select().from(publications).where(eq(publications.cycleId, cilegon.id));
    expect(pub!.publicAt.toISOString()).toBe('2024-12-10T03:00:00.000Z');
    const f03 = await t.db.db.select({ createdAt: surveys.createdAt }).from(surveys).where(eq(surveys.kind, 'f03'));
    expect(f03.length).toBeGreaterThan(0);
    for (const s of f03) expect(s.createdAt.getTime()).toBeLessThan(endOf(2024));
  });

  it('leaves an intact audit chain', async () => {
    expect((await verifyAudit(t.db.db)).ok).toBe(true);
  });
});

// issue 12: the board, an action's page and the findings are not empty in the demo.
describe('demo follow-up actions', () => {
  it('Kota Tangerang has actions in every state, one overdue, one from the SKM, audited', async () => {
    const rows = await t.db.db
      .select({ status: actions.status, source: actions.sourceKind, due: actions.dueDate, unsur: actions.unsurCode })
      .from(actions)
      .innerJoin(bodies, eq(bodies.id, actions.bodyId))
      .where(eq(bodies.code, '36.71'));
    expect(rows.map((r) => r.status).sort()).toEqual(['done', 'in_progress', 'planned', 'planned', 'verified']);
    expect(rows.find((r) => r.source === 'skm')?.unsur).toBe('U3');
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    expect(rows.filter((r) => r.status === 'planned' && r.due < today)).toHaveLength(1);
    const [{ n } = { n: 0 }] = await t.db.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.action, 'action.verify'));
    expect(n).toBe(2);
  });
});

// issue 10: the PEKPPP demo can be walked to the end: KemenPANRB's evaluator validates a mandiri
// cycle, and Tangerang's F-01-stage cycle already has F-03 questionnaires.
describe('demo PEKPPP', () => {
  it("has a mandiri cycle awaiting KemenPANRB's validation that evaluator.kemenpanrb validates, and F-03 responses for Kota Tangerang", async () => {
    const login = async (role: string, username: string) => {
      const account = seed.accounts.find((a) => a.role === role && a.username === username)!;
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: account.password } });
      expect(res.statusCode).toBe(200);
      const cookies = res.cookies as { name: string; value: string }[];
      return {
        cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; '),
        'x-csrf-token': cookies.find((c) => c.name === 'pantau_csrf')!.value,
      };
    };
    const headers = await login('evaluator', 'evaluator.kemenpanrb');
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/cycles', headers });
    const items = list.json().items as {
      id: string;
      name: string;
      status: string;
      schemeId: string;
      mandiri: { status: string; organiser: { name: string } } | null;
    }[];
    const mandiri = items.filter((c) => c.mandiri);
    // A 2023 cycle on the 2023 instrument.
    expect(mandiri.map((c) => [c.name, c.schemeId, c.status, c.mandiri!.status, c.mandiri!.organiser.name])).toEqual([
      ['PEKPPP 2023 Kota Cilegon (mandiri)', 'pekppp-2023', 'review', 'pending', 'Kota Cilegon'],
    ]);
    const ok = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cycles/${mandiri[0]!.id}/pekppp/validation`,
      headers,
      payload: { decision: 'validated' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().mandiri.status).toBe('validated');

    const [tng] = await t.db.db.select({ id: cycles.id }).from(cycles).where(eq(cycles.name, 'PEKPPP 2024 Kota Tangerang'));
    const f03 = await t.db.db
      .select({ n: count() })
      .from(surveyResponses)
      .innerJoin(surveys, eq(surveys.id, surveyResponses.surveyId))
      .where(and(eq(surveys.cycleId, tng!.id), eq(surveys.kind, 'f03'), eq(surveyResponses.accepted, true)));
    expect(f03[0]!.n).toBe(12 + 5);
  });
});

// issue 12 §4: Kota Tangerang's internal pre-assessment, with its own assessor and scored sheets.
describe('demo internal pre-assessment', () => {
  it('has an internal cycle of Kota Tangerang in fieldwork, Disdukcapil filled and scored, its penilai signing in', async () => {
    const [c] = await t.db.db.select().from(cycles).where(eq(cycles.kind, 'internal'));
    expect(c).toMatchObject({ name: 'Pra-penilaian internal 2024', schemeId: 'ombudsman-2024', status: 'fieldwork', provinceCode: null });
    const [tng] = await t.db.db.select().from(bodies).where(eq(bodies.code, '36.71'));
    expect(c!.ownerBodyId).toBe(tng!.id);
    const [{ n } = { n: 0 }] = await t.db.db.select({ n: count() }).from(records).where(eq(records.cycleId, c!.id));
    expect(n).toBeGreaterThan(0);
    const scored = await t.db.db.select().from(unitResults).where(eq(unitResults.cycleId, c!.id));
    expect(scored.length).toBeGreaterThanOrEqual(1);
    const penilai = seed.accounts.find((a) => a.role === 'penilai')!;
    expect(penilai.username).toBe('penilai.kotatng');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: penilai.username, password: penilai.password },
    });
    expect(res.statusCode, res.body).toBe(200);
  });
});
