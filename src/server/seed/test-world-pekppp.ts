// The PEKPPP part of the test world (issue 10, test-only): KemenPANRB, evaluators of Kota
// Tangerang's and Kota Cilegon's Bagian Organisasi and of KemenPANRB, and a PEKPPP 2024 cycle in
// fieldwork over both kota with each kota's evaluator assigned to its units.
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { FastifyInstance } from 'fastify';
import type { Scheme } from '../../core/types.ts';
import { getScheme } from '../../../methodologies/index.ts';
import { createCycle, transitionCycle } from '../cycles/queries.ts';
import { addLocusBody, setAssignment } from '../locus/queries.ts';
import { getCycleUnit } from '../read-models/locus.ts';
import { type FixtureBody, type SessionHeaders, insertBody, insertUser, sessionHeaders } from './fixtures.ts';
import type { Who, World } from './test-world.ts';

export type EvaluatorWho = 'evaluator' | 'evaluatorOther' | 'evaluatorNational';

/**
 * The body of `POST /units/:unitId/surveys` for an F-03 questionnaire of the cycle (year 2024, one
 * service), open from `opensInDays` until `closesInDays` from now.
 */
export const f03SurveyIn = (cycleId: string, opts: { expectedUsers?: number; opensInDays?: number; closesInDays?: number } = {}) => ({
  kind: 'f03',
  cycleId,
  periodKind: 'year',
  year: 2024,
  index: 1,
  services: ['Perizinan'],
  expectedUsers: opts.expectedUsers ?? 100,
  opensAt: new Date(Date.now() + (opts.opensInDays ?? -1) * 86_400_000).toISOString(),
  closesAt: new Date(Date.now() + (opts.closesInDays ?? 1) * 86_400_000).toISOString(),
});

export interface PekpppWorld {
  cycleId: string;
  scheme: Scheme;
  kemenpanrb: FixtureBody;
  users: Record<EvaluatorWho, { id: string; username: string }>;
  call(who: Who | EvaluatorWho, opts: InjectOptions): Promise<LightMyRequestResponse>;
}

export async function buildPekpppWorld(app: FastifyInstance, w: World, opts: { assign?: boolean } = {}): Promise<PekpppWorld> {
  const kemenpanrb = await insertBody(w.db, {
    type: 'kementerian',
    code: 'kemenpanrb',
    name: 'Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi',
    provinceCode: null,
  });
  const users = {
    evaluator: await insertUser(w.db, 'evaluator', { provinceCode: '36', bodyId: w.bodies.a.id }),
    evaluatorOther: await insertUser(w.db, 'evaluator', { provinceCode: '36', bodyId: w.bodies.b.id }),
    evaluatorNational: await insertUser(w.db, 'evaluator', { bodyId: kemenpanrb.id }),
  };
  const headers = {} as Record<EvaluatorWho, SessionHeaders>;
  for (const [who, u] of Object.entries(users)) headers[who as EvaluatorWho] = await sessionHeaders(w.db, u.id);
  const admin = { id: w.users.admin.id, username: w.users.admin.username };
  const cycleId = await w.db.transaction(async (tx) => {
    let cycle = await createCycle(tx, admin, { name: 'PEKPPP uji 2024', year: 2024, schemeId: 'pekppp-2024' });
    for (const [body, evaluator] of [
      [w.bodies.a, users.evaluator],
      [w.bodies.b, users.evaluatorOther],
    ] as const) {
      const { added } = await addLocusBody(tx, admin, cycle, { ...body, active: true });
      if (opts.assign === false) continue;
      for (const unitId of added) await setAssignment(tx, admin, (await getCycleUnit(tx, cycle, unitId))!, { assessorId: evaluator.id });
    }
    cycle = await transitionCycle(tx, admin, cycle, 'fieldwork');
    return cycle.id;
  });
  return {
    cycleId,
    scheme: getScheme('pekppp-2024')!,
    kemenpanrb,
    users,
    call: (who, o) =>
      who in headers ? app.inject({ ...o, headers: { ...(o.headers ?? {}), ...headers[who as EvaluatorWho] } }) : w.call(who as Who, o),
  };
}
