// The authorisation matrix, instrument by instrument (issue 10 §2): every instrument of a PEKPPP
// and an Ombudsman scheme × every role × the actor's own / another organisation, through every
// record write path (single, batch, edit, delete). The INTENDED fillers are written here from the
// issue (F-01: the unit's operator or its body's koordinator; F-02: only the assigned evaluator;
// F-03: typed in on paper by the unit; Ombudsman sheets: only the assigned asisten), deliberately
// not read from the library files, so a library or policy change that widens them shows up here.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { records } from '../records/schema.ts';
import { unitResults } from '../scores/schema.ts';
import { type PekpppWorld, buildPekpppWorld, type EvaluatorWho } from '../seed/test-world-pekppp.ts';
import { type World, type Who, buildWorld, openCycle } from '../seed/test-world.ts';
import { createTestApp, expectUnchanged, type TestApp } from '../test/harness.ts';

type Caller = Exclude<Who, 'public'> | EvaluatorWho;

let t: TestApp;
let w: World;
let p: PekpppWorld;
let ombudsmanCycle: string;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.app, t.db.db);
  p = await buildPekpppWorld(t.app, w);
  ombudsmanCycle = await openCycle(w, { bodies: [w.bodies.a, w.bodies.b] });
});
afterAll(() => t.close());

// The admin is no filler: it corrects and imports any sheet (policy.ts canFill), so it is left out here.
const CALLERS: Caller[] = [
  'pimpinan',
  'asisten',
  'asistenOther',
  'koordinator',
  'koordinatorOther',
  'operator',
  'operatorOther',
  'evaluator',
  'evaluatorOther',
  'evaluatorNational',
];

/** Who may fill each instrument for unit a1 of Kota Tangerang (body a). */
const intended: Record<string, Caller[]> = {
  // PEKPPP 2024: operator = a1's operator; koordinator = body a's; evaluator = assigned to a's units.
  f01: ['operator', 'koordinator'],
  f02: ['evaluator'],
  f03: ['operator', 'koordinator'], // paper forms typed in by the unit (the public answers online: issue 11)
  // Ombudsman 2024: the asisten assigned to a1.
  pejabat: ['asisten'],
  dokumen: ['asisten'],
  'observasi-produk': ['asisten'],
  pengguna: ['asisten'],
  'pengelola-pengaduan': ['asisten'],
};

function sheet(cycleId: string, schemeId: 'pekppp' | 'ombudsman', instrument: string, level: number) {
  const scheme = schemeId === 'pekppp' ? p.scheme : w.scheme;
  const ins = scheme.instruments.find((i) => i.code === instrument)!;
  return {
    id: randomUUID(),
    cycleId,
    unitId: w.units.a1,
    instrument,
    respondent: `${instrument} ${randomUUID().slice(0, 4)}`,
    answers: { [ins.covers[0]!]: level },
    capturedAt: '2024-07-02T10:00:00+07:00',
  };
}

const post = (who: Caller, payload: object) => p.call(who, { method: 'POST', url: '/api/v1/records', payload });
const unchanged = <T>(act: () => Promise<T>) => expectUnchanged(t.db.db, act, { tables: [records] });

describe('instrument × role × organisation (POST /records)', () => {
  for (const [instrument, allowed] of Object.entries(intended)) {
    const family = ['f01', 'f02', 'f03'].includes(instrument) ? 'pekppp' : 'ombudsman';
    it(`${instrument}: only ${allowed.join(', ')} may fill it for their own unit`, async () => {
      const cycleId = family === 'pekppp' ? p.cycleId : ombudsmanCycle;
      for (const who of CALLERS) {
        const body = sheet(cycleId, family, instrument, 1);
        if (allowed.includes(who)) {
          const res = await post(who, body);
          expect(res.statusCode, `${who} fills ${instrument}: ${res.body}`).toBe(201);
        } else {
          const res = await unchanged(() => post(who, body));
          expect(res.statusCode, `${who} must not fill ${instrument}: ${res.body}`).toBe(403);
        }
      }
    });
  }

  it("refuses a filler of another organisation: another unit's operator, another body's koordinator, an evaluator assigned elsewhere", async () => {
    // Unit b1 (Kota Cilegon): its own evaluator is evaluatorOther; body a's people are strangers there.
    for (const [who, instrument] of [
      ['operator', 'f01'],
      ['koordinator', 'f01'],
      ['evaluator', 'f02'],
      ['evaluatorNational', 'f02'],
    ] as const) {
      const body = { ...sheet(p.cycleId, 'pekppp', instrument, 2), unitId: w.units.b1 };
      expect((await unchanged(() => post(who, body))).statusCode, `${who} on b1`).toBe(403);
    }
    expect((await post('koordinatorOther', { ...sheet(p.cycleId, 'pekppp', 'f01', 2), unitId: w.units.b1 })).statusCode).toBe(201);
    expect((await post('evaluatorOther', { ...sheet(p.cycleId, 'pekppp', 'f02', 2), unitId: w.units.b1 })).statusCode).toBe(201);
  });
});

describe('every write path applies the fillers', () => {
  it('batch: an operator F-02 is rejected with record.filler_forbidden while its F-01 goes in', async () => {
    const f01 = sheet(p.cycleId, 'pekppp', 'f01', 3);
    const f02 = sheet(p.cycleId, 'pekppp', 'f02', 5);
    const res = await p.call('operator', { method: 'POST', url: '/api/v1/records/batch', payload: { records: [f01, f02] } });
    expect(res.statusCode).toBe(200);
    expect(res.json().results.map((r: { outcome: string }) => r.outcome)).toEqual(['created', 'rejected']);
    expect(res.json().results[1].error.code).toBe('record.filler_forbidden');
  });

  it("edit and delete: the unit can neither rewrite nor delete the evaluator's F-02; the evaluator cannot touch F-01", async () => {
    const f02 = sheet(p.cycleId, 'pekppp', 'f02', 2);
    expect((await post('evaluator', f02)).statusCode).toBe(201);
    const { id, cycleId, unitId, ...content } = f02;
    const put = await unchanged(() =>
      p.call('operator', { method: 'PUT', url: `/api/v1/records/${id}`, payload: { ...content, answers: { A1: 5 } } }),
    );
    expect(put.statusCode).toBe(403);
    expect(put.json().error.code).toBe('record.filler_forbidden');
    expect((await unchanged(() => p.call('koordinator', { method: 'DELETE', url: `/api/v1/records/${id}` }))).statusCode).toBe(403);
    // An operator's own F-01 turned into an F-02 by an edit is refused too.
    const f01 = sheet(p.cycleId, 'pekppp', 'f01', 2);
    expect((await post('operator', f01)).statusCode).toBe(201);
    const swap = await unchanged(() =>
      p.call('operator', { method: 'PUT', url: `/api/v1/records/${f01.id}`, payload: { ...content, instrument: 'f02' } }),
    );
    expect(swap.statusCode).toBe(403);
    const evalEdit = await unchanged(() =>
      p.call('evaluator', {
        method: 'PUT',
        url: `/api/v1/records/${f01.id}`,
        payload: { instrument: 'f01', answers: { A1: 0 }, capturedAt: f01.capturedAt },
      }),
    );
    expect(evalEdit.statusCode).toBe(403);
  });

  it("the defect: an operator's all-5 F-02 cannot move its unit's result", async () => {
    const before = await t.db.db
      .select({ raw: unitResults.raw })
      .from(unitResults)
      .where(and(eq(unitResults.cycleId, p.cycleId), eq(unitResults.unitId, w.units.a2)));
    const f02 = p.scheme.instruments.find((i) => i.code === 'f02')!;
    const allFive = {
      id: randomUUID(),
      cycleId: p.cycleId,
      unitId: w.units.a2,
      instrument: 'f02',
      answers: Object.fromEntries(f02.covers.map((c) => [c, 5])),
      capturedAt: '2024-07-02T10:00:00+07:00',
    };
    const res = await unchanged(() => p.call('operatorOther', { method: 'POST', url: '/api/v1/records', payload: allFive }));
    expect(res.statusCode).toBe(403);
    const after = await t.db.db
      .select({ raw: unitResults.raw })
      .from(unitResults)
      .where(and(eq(unitResults.cycleId, p.cycleId), eq(unitResults.unitId, w.units.a2)));
    expect(after).toEqual(before);
  });
});
