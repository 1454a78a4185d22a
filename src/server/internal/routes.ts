// Issue 12 §4 routes: a koordinator creates its government's internal pre-assessment (then uses
// the ordinary locus, assignment, status and record routes on it), and reads a unit's internal
// levels beside the last official ones. Scoping: the policy's internal gate (auth/policy.ts).
import type { FastifyInstance } from 'fastify';
import { cycleUnitParams } from '../../shared/wire/common.ts';
import { CycleDetail } from '../../shared/wire/cycles.ts';
import { InternalAssessors, InternalComparison, InternalCycleIn } from '../../shared/wire/internal.ts';
import { cycleScheme, cycleSummary, getCycleOr404, quotasOf } from '../cycles/queries.ts';
import { AppError } from '../errors.ts';
import { defineRoute } from '../http/route.ts';
import { getCycleUnitOr404, unitTarget } from '../read-models/locus.ts';
import { createInternalCycle, internalAssessors, internalComparison } from './queries.ts';

const tags = ['cycles'];

export async function internalRoutes(app: FastifyInstance): Promise<void> {
  defineRoute(
    app,
    {
      method: 'POST',
      url: '/internal-cycles',
      summary: "Issue 12 §4: create the koordinator's government's own pre-assessment (an internal cycle with its units; never public)",
      tags,
      access: 'cycle.manage',
      body: InternalCycleIn,
      response: { 201: CycleDetail },
    },
    async ({ tx, auth, body, reply }) => {
      const actor = auth.user();
      auth.require('cycle.manage', { internalOf: actor.bodyId ?? '-', bodyId: actor.bodyId });
      const cycle = await createInternalCycle(tx, actor, body);
      reply.status(201);
      return { ...(await cycleSummary(tx, cycle)), instruments: quotasOf(await cycleScheme(tx, cycle)) };
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/internal-cycles/assessors',
      summary: "Issue 12 §4: the koordinator's government's internal assessors (penilai), for assignments",
      tags,
      access: 'cycle.manage',
      response: { 200: InternalAssessors },
    },
    async ({ tx, auth }) => {
      const actor = auth.user();
      auth.require('cycle.manage', { internalOf: actor.bodyId ?? '-', bodyId: actor.bodyId });
      return { items: await internalAssessors(tx, actor.bodyId) };
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/cycles/:cycleId/units/:unitId/comparison',
      summary: "Issue 12 §4: a unit's internal pre-assessment per indicator beside its last official published level",
      tags,
      access: 'result.read',
      params: cycleUnitParams,
      response: { 200: InternalComparison },
    },
    async ({ tx, auth, params }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      const cu = await getCycleUnitOr404(tx, cycle, params.unitId);
      auth.require('result.read', unitTarget(cu));
      if (cycle.kind !== 'internal') throw new AppError('internal.not_internal');
      return internalComparison(tx, cu);
    },
  );
}
