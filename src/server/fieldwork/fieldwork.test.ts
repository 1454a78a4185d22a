// Issue 13 §4, §6: a fabricated fixture batch raises its anti-fabrication flags on the server
// (stored, with reasons), approval waits for the pimpinan's acknowledgement, and bulk approval
// approves only units without open flags.
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../audit/schema.ts';
import { records } from '../records/schema.ts';
import { units } from '../registry/schema.ts';
import { type RecordPayload, type World, buildWorld, fullUnit, openCycle, submitAll } from '../seed/test-world.ts';
import { createTestApp, expectUnchanged, type TestApp } from '../test/harness.ts';
import { fieldworkFlags } from './schema.ts';

let t: TestApp;
let w: World;
let cycleId: string;

/** What the web does at capture: sha256 of the normalised phone number; the clear value never leaves the device. */
const respondentKey = (phone: string) =>
  createHash('sha256')
    .update(`pantau-respondent:v1:${phone.replace(/\D/g, '')}`)
    .digest('hex');
const UNIT_POINT = { lat: -6.178, lon: 106.63 };
const MIN = 60_000;

type Capture = RecordPayload & {
  startedAt?: string;
  finishedAt?: string;
  latitude?: number;
  longitude?: number;
  accuracy?: number;
  respondentKey?: string;
};

/** A full unit filled honestly: varied answers, one sheet every 12 minutes lasting 11, at the unit. */
function honestUnit(unitId: string, day: string, phonePrefix: string): Capture[] {
  const covers = new Map(w.scheme.instruments.map((i) => [i.code, i.covers]));
  const list = fullUnit(w.scheme, cycleId, unitId, (code, ins, k) => 2 + ((covers.get(ins)!.indexOf(code) + k) % 3 === 0 ? 1 : 0));
  const base = Date.parse(`${day}T01:00:00Z`);
  return list.map((r, k) => ({
    ...r,
    startedAt: new Date(base + k * 12 * MIN).toISOString(),
    finishedAt: new Date(base + k * 12 * MIN + 11 * MIN).toISOString(),
    latitude: UNIT_POINT.lat + 0.0005,
    longitude: UNIT_POINT.lon,
    accuracy: 12,
    respondentKey: respondentKey(`${phonePrefix}${String(k).padStart(4, '0')}`),
  }));
}

const flagsOf = async (unitId: string) =>
  (await w.call('pimpinan', { method: 'GET', url: `/api/v1/cycles/${cycleId}/units/${unitId}/fieldwork-flags` })).json();

let a1: Capture[];
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.app, t.db.db);
  cycleId = await openCycle(w, { bodies: [w.bodies.a] });
  await t.db.db.update(units).set({ latitude: UNIT_POINT.lat, longitude: UNIT_POINT.lon }).where(eq(units.id, w.units.a1));

  // The fabricated batch in a1.
  a1 = honestUnit(w.units.a1, '2024-07-02', '0812');
  const pejabat = a1.filter((r) => r.instrument === 'pejabat');
  pejabat[0]!.finishedAt = new Date(Date.parse(pejabat[0]!.startedAt!) + 60_000).toISOString(); // 1 minute: too short
  pejabat[1]!.answers = Object.fromEntries(Object.keys(pejabat[1]!.answers).map((c) => [c, 3])); // straight line
  const pengguna = a1.filter((r) => r.instrument === 'pengguna');
  pengguna[0]!.latitude = UNIT_POINT.lat + 0.05; // ~5.5 km away
  const observasi = a1.find((r) => r.instrument === 'observasi-produk')!;
  observasi.startedAt = '2023-12-30T02:00:00Z'; // before the cycle's year
  observasi.finishedAt = '2023-12-30T02:20:00Z';
  // a2: every sheet started within 40 minutes (too many for one assessor), and one respondent of a1 again.
  const a2 = honestUnit(w.units.a2, '2024-07-03', '0813').map((r, k) => ({
    ...r,
    startedAt: new Date(Date.parse('2024-07-03T01:00:00Z') + k * MIN).toISOString(),
    finishedAt: new Date(Date.parse('2024-07-03T01:00:00Z') + k * MIN + 11 * MIN).toISOString(),
  }));
  a2.find((r) => r.instrument === 'pengguna')!.respondentKey = pengguna[1]!.respondentKey;
  await submitAll(w, 'asisten', a1);
  await submitAll(w, 'asisten', a2);
});
afterAll(() => t.close());

describe('capture fields on records', () => {
  it('stores device times, accuracy and the hashed respondent key, and returns them', async () => {
    const r = a1.filter((x) => x.instrument === 'pengguna')[3]!;
    const view = (await w.call('asisten', { method: 'GET', url: `/api/v1/records/${r.id}` })).json();
    expect(view).toMatchObject({ startedAt: r.startedAt, finishedAt: r.finishedAt, accuracy: 12, respondentKey: r.respondentKey });
    expect(view.respondentKey).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a respondent key that is not a sha256 (a clear phone number) and stores nothing', async () => {
    const bad = { ...honestUnit(w.units.a1, '2024-07-04', '0899')[0]!, respondentKey: '081234567890' };
    const res = await expectUnchanged(t.db.db, () => w.call('asisten', { method: 'POST', url: '/api/v1/records', payload: bad }), {
      tables: [records],
    });
    expect(res.statusCode).toBe(400);
  });
});

describe('anti-fabrication flags', () => {
  it('are computed and stored when the unit is handed in, each with a reason in both languages', async () => {
    expect((await w.call('asisten', { method: 'POST', url: `/api/v1/cycles/${cycleId}/units/${w.units.a1}/submit` })).statusCode).toBe(200);
    const f = await flagsOf(w.units.a1);
    const codes = new Set(f.items.map((i: { code: string }) => i.code));
    for (const c of ['too-short', 'straight-line', 'far-from-unit', 'outside-cycle', 'respondent-reused']) expect(codes).toContain(c);
    expect(codes).not.toContain('assessor-load');
    const short = f.items.find((i: { code: string }) => i.code === 'too-short');
    expect(short.reason.id).toContain('minimum instrumen 600 detik');
    expect(short.reason.en).toContain("the instrument's minimum is 600 seconds");
    expect(f.open).toBe(f.items.filter((i: { severity: string }) => i.severity === 'warning').length);
    expect(f.open).toBeGreaterThanOrEqual(5);
    // Cross-unit rules were stored for a2 too: its load and the respondent seen in a1.
    const other = new Set((await flagsOf(w.units.a2)).items.map((i: { code: string }) => i.code));
    expect(other).toContain('assessor-load');
    expect(other).toContain('respondent-reused');
    expect(other).toContain('unit-location-missing');
  });

  it('block approval (409 fieldwork.flags_open), and bulk approval skips the unit with its reason', async () => {
    const res = await expectUnchanged(
      t.db.db,
      () => w.call('pimpinan', { method: 'POST', url: `/api/v1/cycles/${cycleId}/units/${w.units.a1}/approve`, payload: {} }),
      { tables: [records, fieldworkFlags] },
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('fieldwork.flags_open');
    const bulk = await w.call('pimpinan', {
      method: 'POST',
      url: `/api/v1/cycles/${cycleId}/approve-bulk`,
      payload: { unitIds: [w.units.a1] },
    });
    expect(bulk.json()).toMatchObject({
      approved: 0,
      skipped: 1,
      results: [{ unitId: w.units.a1, outcome: 'skipped', code: 'fieldwork.flags_open' }],
    });
  });

  it('are acknowledged per sheet by the pimpinan only, with a note; then the unit is approved in bulk', async () => {
    const f = await flagsOf(w.units.a1);
    const flagged = [
      ...new Set(f.items.filter((i: { severity: string }) => i.severity === 'warning').map((i: { recordId: string }) => i.recordId)),
    ];
    const ack = (who: 'asisten' | 'pimpinan', id: string) =>
      w.call(who, {
        method: 'POST',
        url: `/api/v1/records/${id}/fieldwork-flags/acknowledge`,
        payload: { note: 'Dicek ulang via telepon' },
      });
    expect((await ack('asisten', flagged[0] as string)).statusCode).toBe(403);
    for (const id of flagged) expect((await ack('pimpinan', id as string)).statusCode).toBe(200);
    expect((await ack('pimpinan', flagged[0] as string)).json().error.code).toBe('fieldwork.nothing_open');
    const after = await flagsOf(w.units.a1);
    expect(after.open).toBe(0);
    expect(after.items.find((i: { severity: string }) => i.severity === 'warning').acknowledged).toMatchObject({
      by: w.users.pimpinan.username,
      note: 'Dicek ulang via telepon',
    });
    const bulk = await w.call('pimpinan', {
      method: 'POST',
      url: `/api/v1/cycles/${cycleId}/approve-bulk`,
      payload: { unitIds: [w.units.a1, w.units.a2] },
    });
    expect(bulk.statusCode).toBe(200);
    expect(bulk.json()).toMatchObject({
      approved: 1,
      skipped: 1,
      results: [
        { unitId: w.units.a1, outcome: 'approved' },
        { unitId: w.units.a2, outcome: 'skipped', code: 'unit.invalid_state' },
      ],
    });
  });

  it("are acknowledged all at once for a unit with one note, by the unit's pimpinan only, audited once", async () => {
    const before = await flagsOf(w.units.a2);
    const open = before.items.filter((i: { severity: string; acknowledged: unknown }) => i.severity === 'warning' && !i.acknowledged);
    expect(open.length).toBeGreaterThan(0);
    const url = `/api/v1/cycles/${cycleId}/units/${w.units.a2}/fieldwork-flags/acknowledge-all`;
    for (const who of ['asisten', 'admin', 'pimpinanOther'] as const) {
      const res = await expectUnchanged(t.db.db, () => w.call(who, { method: 'POST', url, payload: { note: 'Semua dicek.' } }), {
        tables: [fieldworkFlags, auditEvents],
      });
      expect([403, 404]).toContain(res.statusCode);
    }
    const empty = await expectUnchanged(t.db.db, () => w.call('pimpinan', { method: 'POST', url, payload: { note: '  ' } }), {
      tables: [fieldworkFlags, auditEvents],
    });
    expect(empty.statusCode).toBe(400);
    const res = await w.call('pimpinan', { method: 'POST', url, payload: { note: 'Semua dicek via telepon.' } });
    expect(res.statusCode).toBe(200);
    const sheets = new Set(open.map((i: { recordId: string }) => i.recordId)).size;
    expect(res.json()).toEqual({ unitId: w.units.a2, sheets, warnings: open.length });
    const after = await flagsOf(w.units.a2);
    expect(after.open).toBe(0);
    expect(
      after.items
        .filter((i: { severity: string }) => i.severity === 'warning')
        .every((i: { acknowledged: { note: string } }) => i.acknowledged.note === 'Semua dicek via telepon.'),
    ).toBe(true);
    const audit = await t.db.db.select().from(auditEvents).where(eq(auditEvents.action, 'fieldwork.acknowledge_unit'));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.subjectId).toBe(`${cycleId}/${w.units.a2}`);
    expect(audit[0]!.diff).toMatchObject({ sheets, warnings: open.length, note: 'Semua dicek via telepon.' });
    const again = await w.call('pimpinan', { method: 'POST', url, payload: { note: 'Lagi.' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('fieldwork.nothing_open');
  });

  it('never hold the respondent in clear', async () => {
    const rows = await t.db.db.select({ key: records.respondentKey }).from(records).where(eq(records.unitId, w.units.a1));
    expect(rows.every((r) => r.key === null || /^[0-9a-f]{64}$/.test(r.key))).toBe(true);
    const flags = await t.db.db.select().from(fieldworkFlags);
    expect(JSON.stringify(flags)).not.toMatch(/0812\d{4}/);
  });
});
