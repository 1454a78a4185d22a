// A small world for the cycle, record, evidence and score tests (test-only): province 36 with three
// kota and their units, one body in province 31, an account for every role (own and other
// organisation), and helpers to build record payloads and call the API as someone.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Scheme } from '../../core/types.ts';
import { getScheme } from '../../../methodologies/index.ts';
import type { Db } from '../db/client.ts';
import { createCycle, transitionCycle } from '../cycles/queries.ts';
import { addLocusBody, setAssignment } from '../locus/queries.ts';
import { getCycleUnit } from '../read-models/locus.ts';
import { type FixtureBody, type SessionHeaders, insertBody, insertUnit, insertUser, sessionHeaders } from './fixtures.ts';

export type Who =
  | 'admin'
  | 'pimpinan'
  | 'pimpinanOther'
  | 'asisten'
  | 'asistenOther'
  | 'koordinator'
  | 'koordinatorOther'
  | 'operator'
  | 'operatorOther'
  | 'public';

export interface World {
  db: Db;
  scheme: Scheme;
  province: string;
  bodies: { a: FixtureBody; b: FixtureBody; c: FixtureBody; other: FixtureBody };
  units: { a1: string; a2: string; b1: string; c1: string; other1: string };
  users: Record<Exclude<Who, 'public'>, { id: string; username: string }>;
  headers: Record<Who, SessionHeaders | Record<string, never>>;
  /** Calls the API as `who`. */
  call(who: Who, opts: InjectOptions): Promise<LightMyRequestResponse>;
}

export async function buildWorld(app: FastifyInstance, db: Db): Promise<World> {
  const scheme = getScheme('ombudsman-2024')!;
  const a = await insertBody(db, { type: 'kota', code: '36.71', name: 'Kota Tangerang', provinceCode: '36' });
  const b = await insertBody(db, { type: 'kota', code: '36.72', name: 'Kota Cilegon', provinceCode: '36' });
  const c = await insertBody(db, { type: 'kota', code: '36.73', name: 'Kota Serang', provinceCode: '36' });
  const other = await insertBody(db, { type: 'kota', code: '31.71', name: 'Kota Adm. Jakarta Pusat', provinceCode: '31' });
  const a1 = (await insertUnit(db, a.id, 'Disdukcapil', 'adminduk')).id;
  const a2 = (await insertUnit(db, a.id, 'DPMPTSP', 'perizinan')).id;
  const b1 = (await insertUnit(db, b.id, 'Disdukcapil', 'adminduk')).id;
  const c1 = (await insertUnit(db, c.id, 'Disdukcapil', 'adminduk')).id;
  const other1 = (await insertUnit(db, other.id, 'Disdukcapil', 'adminduk')).id;
  const users = {
    admin: await insertUser(db, 'admin'),
    pimpinan: await insertUser(db, 'pimpinan', { provinceCode: '36' }),
    pimpinanOther: await insertUser(db, 'pimpinan', { provinceCode: '31' }),
    asisten: await insertUser(db, 'asisten', { provinceCode: '36' }),
    asistenOther: await insertUser(db, 'asisten', { provinceCode: '36' }),
    koordinator: await insertUser(db, 'koordinator', { provinceCode: '36', bodyId: a.id }),
    koordinatorOther: await insertUser(db, 'koordinator', { provinceCode: '36', bodyId: b.id }),
    operator: await insertUser(db, 'operator', { provinceCode: '36', bodyId: a.id, unitId: a1 }),
    operatorOther: await insertUser(db, 'operator', { provinceCode: '36', bodyId: a.id, unitId: a2 }),
  };
  const headers = { public: {} } as World['headers'];
  for (const [who, u] of Object.entries(users)) headers[who as Who] = await sessionHeaders(db, u.id);
  return {
    db,
    scheme,
    province: '36',
    bodies: { a, b, c, other },
    units: { a1, a2, b1, c1, other1 },
    users,
    headers,
    call: (who, opts) => app.inject({ ...opts, headers: { ...(opts.headers ?? {}), ...headers[who] } }),
  };
}

/**
 * Creates a cycle (directly, not through the API: cycles.test.ts covers those routes), adds
 * bodies with all their units, assigns the asisten to every unit of province 36 and opens
 * fieldwork. Audited like the API would.
 */
export async function openCycle(
  w: World,
  opts: { schemeId?: string; year?: number; bodies?: FixtureBody[]; status?: 'planning' | 'fieldwork' } = {},
): Promise<string> {
  const admin = { id: w.users.admin.id, username: w.users.admin.username };
  return w.db.transaction(async (tx) => {
    let cycle = await createCycle(tx, admin, {
      name: `Penilaian uji ${randomUUID().slice(0, 6)}`,
      year: opts.year ?? 2024,
      schemeId: opts.schemeId ?? 'ombudsman-2024',
    });
    for (const body of opts.bodies ?? [w.bodies.a, w.bodies.b, w.bodies.c, w.bodies.other]) {
      const { added } = await addLocusBody(tx, admin, cycle, { ...body, active: true });
      for (const unitId of added) {
        const cu = (await getCycleUnit(tx, cycle, unitId))!;
        await setAssignment(
          tx,
          admin,
          cu,
          body.provinceCode === '36' ? { assessorId: w.users.asisten.id, dueDate: '2024-09-30' } : { dueDate: '2024-09-30' },
        );
      }
    }
    if ((opts.status ?? 'fieldwork') === 'fieldwork') cycle = await transitionCycle(tx, admin, cycle, 'fieldwork');
    return cycle.id;
  });
}

export interface RecordPayload {
  id: string;
  cycleId: string;
  unitId: string;
  instrument: string;
  respondent: string;
  answers: Record<string, number | null>;
  capturedAt: string;
  remarks?: Record<string, string>;
  notes?: string | null;
}

/**
 * Every sheet a complete unit needs under `scheme` (quota target per instrument), each covered
 * indicator answered with `answer(code, instrument, sheetIndex)`.
 */
export function fullUnit(
  scheme: Scheme,
  cycleId: string,
  unitId: string,
  answer: (code: string, instrument: string, k: number) => number | null,
): RecordPayload[] {
  const out: RecordPayload[] = [];
  for (const ins of scheme.instruments) {
    for (let k = 0; k < ins.quota.target; k++) {
      out.push({
        id: randomUUID(),
        cycleId,
        unitId,
        instrument: ins.code,
        respondent: `${ins.code} ${k + 1}`,
        answers: Object.fromEntries(ins.covers.map((code) => [code, answer(code, ins.code, k)])),
        capturedAt: '2024-07-01T09:00:00+07:00',
      });
    }
  }
  return out;
}

/** Posts records through the batch endpoint; throws unless every one is created. */
export async function submitAll(w: World, who: Who, list: RecordPayload[]): Promise<void> {
  const res = await w.call(who, { method: 'POST', url: '/api/v1/records/batch', payload: { records: list } });
  const body = res.json();
  if (res.statusCode !== 200 || body.created !== list.length) throw new Error(`batch: ${res.statusCode} ${res.body.slice(0, 800)}`);
}
