import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { canonicalJson } from '../../core/canonical-json.ts';
import { getScheme } from '../../../methodologies/index.ts';
import { auditEvents } from '../audit/schema.ts';
import { verifyAudit } from '../audit/queries.ts';
import { createTestApp, expectUnchanged, type TestApp } from '../test/harness.ts';
import { type World, buildWorld, fullUnit, openCycle, submitAll } from '../seed/test-world.ts';
import { cycles } from './schema.ts';
import { createCycle } from './queries.ts';
import { importBodyScores } from '../scores/import.ts';
import { publish } from '../publications/queries.ts';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.app, t.db.db);
});
afterAll(() => t.close());

/** A refused call: it must change nothing (audit head unchanged). */
const unchanged = <T>(act: () => Promise<T>) => expectUnchanged(t.db.db, act);
const lastAudit = async () => (await t.db.db.select().from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1))[0]!;

describe('api: /cycles', () => {
  describe('POST', () => {
    it('freezes the library scheme on the cycle with the sha256 of its canonical JSON', async () => {
      const res = await w.call('admin', {
        method: 'POST',
        url: '/api/v1/cycles',
        payload: { name: 'Penilaian 2024', year: 2024, schemeId: 'ombudsman-2024' },
      });
      expect(res.statusCode).toBe(201);
      const body = res.json();
      const expected = createHash('sha256')
        .update(canonicalJson(getScheme('ombudsman-2024')))
        .digest('hex');
      expect(body).toMatchObject({
        status: 'planning',
        family: 'ombudsman',
        schemeId: 'ombudsman-2024',
        schemeHash: expected,
        bodies: 0,
        units: 0,
      });
      expect(body.instruments.find((i: { code: string }) => i.code === 'pengguna')).toMatchObject({ target: 30, min: 30 });
      const [row] = await t.db.db.select({ scheme: cycles.scheme }).from(cycles).where(eq(cycles.id, body.id));
      // What is stored hashes to the same value: the frozen copy is the library file as it was.
      expect(createHash('sha256').update(canonicalJson(row!.scheme)).digest('hex')).toBe(expected);
      const audit = await lastAudit();
      expect(audit).toMatchObject({ action: 'cycle.create', subjectId: body.id, actorId: w.users.admin.id });
    });

    it('serves the frozen scheme, not the library, with its hash as ETag', async () => {
      const created = (
        await w.call('admin', { method: 'POST', url: '/api/v1/cycles', payload: { name: 'Beku', year: 2023, schemeId: 'ombudsman-2023' } })
      ).json();
      // Simulate a later library edit: the stored copy is what the cycle keeps using.
      await t.db.db.update(cycles).set({ name: 'Beku' }).where(eq(cycles.id, created.id));
      const res = await w.call('asisten', { method: 'GET', url: `/api/v1/cycles/${created.id}/scheme` });
      expect(res.statusCode).toBe(200);
      expect(res.headers.etag).toBe(`"${created.schemeHash}"`);
      expect(res.json().scheme.id).toBe('ombudsman-2023');
    });

    it('rejects an unknown scheme with 400 and a translated message', async () => {
      const res = await unchanged(() =>
        w.call('admin', {
          method: 'POST',
          url: '/api/v1/cycles',
          payload: { name: 'Tak dikenal', year: 2024, schemeId: 'ombudsman-1999' },
          headers: { 'accept-language': 'en' },
        }),
      );
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'scheme.unknown', message: 'Unknown methodology: ombudsman-1999.' });
    });

    it('is for admins only', async () => {
      for (const who of ['pimpinan', 'asisten', 'koordinator', 'operator'] as const) {
        const res = await unchanged(() =>
          w.call(who, {
            method: 'POST',
            url: '/api/v1/cycles',
            payload: { name: 'Penilaian X', year: 2024, schemeId: 'ombudsman-2024' },
          }),
        );
        expect(res.statusCode, who).toBe(403);
      }
      const anon = await unchanged(() =>
        w.call('public', {
          method: 'POST',
          url: '/api/v1/cycles',
          payload: { name: 'X', year: 2024, schemeId: 'ombudsman-2024' },
        }),
      );
      expect(anon.statusCode).toBe(401);
    });
  });

  describe('GET', () => {
    it('shows the public the cycles with a released publication only (final alone is not public)', async () => {
      const [published, unpublished] = await t.db.db.transaction(async (tx) => {
        const made = [];
        for (const name of ['Hasil terbit', 'Hasil final belum terbit']) {
          const c = await createCycle(tx, null, { name, year: 2022, schemeId: 'ombudsman-2022', source: 'imported', status: 'final' });
          await importBodyScores(tx, null, c, [{ bodyId: w.bodies.a.id, score: 80 }]);
          made.push(c);
        }
        await publish(tx, null, made[0]!, { scope: 'national' });
        return made;
      });
      const res = await w.call('public', { method: 'GET', url: '/api/v1/cycles' });
      expect(res.statusCode, res.body).toBe(200);
      const pub = res.json();
      expect(pub.items.map((c: { id: string }) => c.id)).toEqual([published!.id]);
      expect(pub.items[0]).toMatchObject({ status: 'final', published: true });
      expect((await w.call('public', { method: 'GET', url: `/api/v1/cycles/${published!.id}` })).statusCode).toBe(200);
      expect((await w.call('public', { method: 'GET', url: `/api/v1/cycles/${unpublished!.id}` })).statusCode).toBe(401);
      const admin = (await w.call('admin', { method: 'GET', url: '/api/v1/cycles?pageSize=200' })).json();
      expect(admin.total).toBeGreaterThan(pub.total);
      const planning = admin.items.find((c: { status: string }) => c.status === 'planning');
      expect((await w.call('public', { method: 'GET', url: `/api/v1/cycles/${planning.id}` })).statusCode).toBe(401);
    });
  });
});

describe('api: /cycles/:id/status', () => {
  it('moves one step at a time and refuses anything else with 409', async () => {
    const id = await openCycle(w, { bodies: [w.bodies.c], status: 'planning' });
    const skip = await unchanged(() =>
      w.call('admin', { method: 'POST', url: `/api/v1/cycles/${id}/status`, payload: { status: 'review' } }),
    );
    expect(skip.statusCode).toBe(409);
    expect(skip.json().error).toMatchObject({ code: 'cycle.invalid_transition', details: { from: 'planning', to: 'review' } });
    expect(
      (await w.call('admin', { method: 'POST', url: `/api/v1/cycles/${id}/status`, payload: { status: 'fieldwork' } })).statusCode,
    ).toBe(200);
    expect(
      (await unchanged(() => w.call('admin', { method: 'POST', url: `/api/v1/cycles/${id}/status`, payload: { status: 'planning' } })))
        .statusCode,
    ).toBe(409);
    expect((await w.call('admin', { method: 'POST', url: `/api/v1/cycles/${id}/status`, payload: { status: 'review' } })).statusCode).toBe(
      200,
    );
    const final = await unchanged(() =>
      w.call('admin', { method: 'POST', url: `/api/v1/cycles/${id}/status`, payload: { status: 'final' } }),
    );
    expect(final.statusCode).toBe(409);
    expect(final.json().error).toMatchObject({ code: 'cycle.bodies_open', details: { open: 1 } });
    expect(await lastAudit()).toMatchObject({
      action: 'cycle.transition',
      diff: { before: { status: 'fieldwork' }, after: { status: 'review' } },
    });
  });

  it('refuses fieldwork without a locus', async () => {
    const created = (
      await w.call('admin', { method: 'POST', url: '/api/v1/cycles', payload: { name: 'Kosong', year: 2024, schemeId: 'ombudsman-2024' } })
    ).json();
    const res = await unchanged(() =>
      w.call('admin', { method: 'POST', url: `/api/v1/cycles/${created.id}/status`, payload: { status: 'fieldwork' } }),
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('cycle.locus_empty');
  });
});

describe('api: locus and assignments', () => {
  it('adds a body with its active units, idempotently', async () => {
    const id = (
      await w.call('admin', { method: 'POST', url: '/api/v1/cycles', payload: { name: 'Lokus', year: 2024, schemeId: 'ombudsman-2024' } })
    ).json().id;
    const first = await w.call('pimpinan', { method: 'POST', url: `/api/v1/cycles/${id}/bodies`, payload: { bodyId: w.bodies.a.id } });
    expect(first.statusCode).toBe(200);
    expect(first.json().added.sort()).toEqual([w.units.a1, w.units.a2].sort());
    const again = await w.call('pimpinan', { method: 'POST', url: `/api/v1/cycles/${id}/bodies`, payload: { bodyId: w.bodies.a.id } });
    expect(again.json().added).toEqual([]);
    expect(await lastAudit()).toMatchObject({ action: 'locus.add', provinceCode: '36' });
  });

  it("refuses a pimpinan another province's body", async () => {
    const id = (
      await w.call('admin', { method: 'POST', url: '/api/v1/cycles', payload: { name: 'Lokus 2', year: 2024, schemeId: 'ombudsman-2024' } })
    ).json().id;
    const res = await unchanged(() =>
      w.call('pimpinan', { method: 'POST', url: `/api/v1/cycles/${id}/bodies`, payload: { bodyId: w.bodies.other.id } }),
    );
    expect(res.statusCode).toBe(403);
  });

  it("assigns only an active asisten of the unit's province", async () => {
    const id = await openCycle(w, { bodies: [w.bodies.a], status: 'planning' });
    const bad = await unchanged(() =>
      w.call('admin', {
        method: 'PUT',
        url: `/api/v1/cycles/${id}/units/${w.units.a1}/assignment`,
        payload: { assessorId: w.users.operator.id },
      }),
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe('assessor.invalid');
    const ok = await w.call('pimpinan', {
      method: 'PUT',
      url: `/api/v1/cycles/${id}/units/${w.units.a1}/assignment`,
      payload: { assessorId: w.users.asistenOther.id, dueDate: '2024-08-31' },
    });
    expect(ok.json()).toEqual({ assessorId: w.users.asistenOther.id, dueDate: '2024-08-31' });
    expect(await lastAudit()).toMatchObject({
      action: 'assignment.set',
      diff: { after: { assessorId: w.users.asistenOther.id, dueDate: '2024-08-31' } },
    });
  });

  it('keeps a unit with records in the locus (409)', async () => {
    const id = await openCycle(w, { bodies: [w.bodies.c] });
    await submitAll(w, 'asisten', fullUnit(w.scheme, id, w.units.c1, () => 3).slice(0, 1));
    const res = await unchanged(() => w.call('admin', { method: 'DELETE', url: `/api/v1/cycles/${id}/units/${w.units.c1}` }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('locus.has_records');
    const body = await unchanged(() => w.call('admin', { method: 'DELETE', url: `/api/v1/cycles/${id}/bodies/${w.bodies.c.id}` }));
    expect(body.statusCode).toBe(409);
  });
});

describe('api: progress', () => {
  let cycleId: string;
  beforeAll(async () => {
    cycleId = await openCycle(w, { bodies: [w.bodies.a, w.bodies.other] });
    const sheets = fullUnit(w.scheme, cycleId, w.units.a1, () => 3);
    // Everything but 3 of the 30 service users.
    const users = sheets.filter((s) => s.instrument === 'pengguna');
    await submitAll(w, 'asisten', [...sheets.filter((s) => s.instrument !== 'pengguna'), ...users.slice(0, 27)]);
  });

  it('counts sheets per instrument against the quota, per unit and per body', async () => {
    const res = await w.call('pimpinan', { method: 'GET', url: `/api/v1/cycles/${cycleId}/progress` });
    expect(res.statusCode).toBe(200);
    const page = res.json();
    // The pimpinan of 36 does not see the Jakarta body.
    expect(page.items.map((b: { bodyId: string }) => b.bodyId)).toEqual([w.bodies.a.id]);
    const body = page.items[0];
    const a1 = body.units.find((u: { unitId: string }) => u.unitId === w.units.a1);
    const byCode = Object.fromEntries(
      a1.instruments.map((i: { code: string; done: number; target: number }) => [i.code, `${i.done}/${i.target}`]),
    );
    expect(byCode).toEqual({ pejabat: '4/4', dokumen: '1/1', 'observasi-produk': '2/2', pengguna: '27/30', 'pengelola-pengaduan': '2/2' });
    expect(a1).toMatchObject({ done: 36, target: 39, complete: false, assessor: { id: w.users.asisten.id } });
    expect(a1.result).toMatchObject({ complete: false });
    const a2 = body.units.find((u: { unitId: string }) => u.unitId === w.units.a2);
    expect(a2).toMatchObject({ done: 0, target: 39, result: null });
    expect(body).toMatchObject({ done: 36, target: 78, unitsComplete: 0 });
  });

  it('shows an operator only their own unit', async () => {
    const page = (await w.call('operator', { method: 'GET', url: `/api/v1/cycles/${cycleId}/progress` })).json();
    expect(page.items).toHaveLength(1);
    expect(page.items[0].units.map((u: { unitId: string }) => u.unitId)).toEqual([w.units.a1]);
  });

  it("lists an asisten's assignments with their progress", async () => {
    const res = await w.call('asisten', { method: 'GET', url: '/api/v1/assignments/mine' });
    expect(res.statusCode).toBe(200);
    const mine = res.json().items.filter((i: { cycle: { id: string } }) => i.cycle.id === cycleId);
    expect(mine.map((i: { unit: { unitId: string } }) => i.unit.unitId).sort()).toEqual([w.units.a1, w.units.a2].sort());
    expect(mine.find((i: { unit: { unitId: string } }) => i.unit.unitId === w.units.a1).unit.done).toBe(36);
    const none = (await w.call('asistenOther', { method: 'GET', url: '/api/v1/assignments/mine' })).json();
    expect(none.items.filter((i: { cycle: { id: string } }) => i.cycle.id === cycleId)).toEqual([]);
  });
});

describe('audit', () => {
  it('keeps an unbroken chain after every write above', async () => {
    const result = await verifyAudit(t.db.db);
    expect(result.ok).toBe(true);
  });
});
