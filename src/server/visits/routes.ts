// Visit plans, a unit's own quota and the team-lead level (issue 13 §5, §6). The team lead's
// review and return of a unit are in records/routes.ts beside the pimpinan's.
import type { FastifyInstance } from 'fastify';
import { NoContent, cycleParams, cycleUnitParams } from '../../shared/wire/common.ts';
import {
  LeadQueue,
  TeamLeadsIn,
  TeamLevels,
  UnitQuotaIn,
  UnitQuotaList,
  VisitList,
  VisitListQuery,
  VisitPlan,
  VisitPlanIn,
  visitParams,
} from '../../shared/wire/visits.ts';
import { z } from 'zod';
import { getCycleOr404 } from '../cycles/queries.ts';
import { defineRoute } from '../http/route.ts';
import { getCycleUnitOr404 } from '../read-models/locus.ts';
import {
  createPlan,
  deletePlan,
  getPlanOr404,
  leadQueue,
  listPlans,
  listTeamLevels,
  listUnitQuotas,
  planTarget,
  setTeamLeads,
  setUnitQuota,
  updatePlan,
} from './queries.ts';

const tags = ['visits'];

const UnitQuotaOut = z.object({ instrument: z.string(), target: z.number().int(), min: z.number().int(), adjusted: z.boolean() });

export async function visitRoutes(app: FastifyInstance): Promise<void> {
  defineRoute(
    app,
    {
      method: 'GET',
      url: '/cycles/:cycleId/visits',
      summary: 'Visit plans of a cycle the caller may see, with each planned unit visited / planned / missed and the progress',
      tags,
      access: 'visit.read',
      params: cycleParams,
      query: VisitListQuery,
      response: { 200: VisitList },
    },
    async ({ tx, auth, params, query }) => listPlans(tx, auth.user(), await getCycleOr404(tx, params.cycleId), query),
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/cycles/:cycleId/visits',
      summary: 'Plan a visit: a day, the team (asisten of the Perwakilan) and units of the locus',
      tags,
      access: 'visit.plan',
      params: cycleParams,
      body: VisitPlanIn,
      response: { 200: VisitPlan },
    },
    async ({ tx, auth, params, body }) => createPlan(tx, auth, await getCycleOr404(tx, params.cycleId), body),
  );

  defineRoute(
    app,
    {
      method: 'PUT',
      url: '/visits/:id',
      summary: 'Change a planned visit',
      tags,
      access: 'visit.plan',
      params: visitParams,
      body: VisitPlanIn,
      response: { 200: VisitPlan },
    },
    async ({ tx, auth, params, body }) => {
      const plan = await getPlanOr404(tx, params.id);
      auth.require('visit.plan', planTarget(plan, true));
      return updatePlan(tx, auth, await getCycleOr404(tx, plan.cycleId), plan, body);
    },
  );

  defineRoute(
    app,
    {
      method: 'DELETE',
      url: '/visits/:id',
      summary: 'Remove a planned visit',
      tags,
      access: 'visit.plan',
      params: visitParams,
      response: { 204: NoContent },
    },
    async ({ tx, auth, params, reply }) => {
      const plan = await getPlanOr404(tx, params.id);
      await deletePlan(tx, auth, plan);
      reply.code(204);
      return null;
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/cycles/:cycleId/unit-quotas',
      summary: "Instruments whose quota may be set per unit (the scheme's range) and the units' own quotas",
      tags,
      access: 'visit.read',
      params: cycleParams,
      response: { 200: UnitQuotaList },
    },
    async ({ tx, auth, params }) => listUnitQuotas(tx, auth.user(), await getCycleOr404(tx, params.cycleId)),
  );

  defineRoute(
    app,
    {
      method: 'PUT',
      url: '/cycles/:cycleId/units/:unitId/quota',
      summary: "Set one unit's quota of an instrument within the scheme's range, with a reason (target null: back to the default)",
      tags,
      access: 'quota.adjust',
      params: cycleUnitParams,
      body: UnitQuotaIn,
      response: { 200: UnitQuotaOut },
    },
    async ({ tx, auth, params, body }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      return setUnitQuota(tx, auth, await getCycleUnitOr404(tx, cycle, params.unitId), body);
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/cycles/:cycleId/team-leads',
      summary: "The cycle's team-lead review level per Perwakilan and its team leads",
      tags,
      access: 'visit.read',
      params: cycleParams,
      response: { 200: TeamLevels },
    },
    async ({ tx, auth, params }) => listTeamLevels(tx, auth.user(), await getCycleOr404(tx, params.cycleId)),
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/cycles/:cycleId/lead-queue',
      summary: 'Units waiting for a team lead (handed in where the team-lead level is on) that the caller leads or oversees',
      tags,
      access: 'visit.read',
      params: cycleParams,
      response: { 200: LeadQueue },
    },
    async ({ tx, auth, params }) => leadQueue(tx, auth.user(), await getCycleOr404(tx, params.cycleId)),
  );

  defineRoute(
    app,
    {
      method: 'PUT',
      url: '/cycles/:cycleId/team-leads',
      summary: "Switch a Perwakilan's team-lead review level on (with its leads) or off",
      tags,
      access: 'locus.manage',
      params: cycleParams,
      body: TeamLeadsIn,
      response: { 200: TeamLevels },
    },
    async ({ tx, auth, params, body }) =>
      setTeamLeads(tx, auth, await getCycleOr404(tx, params.cycleId), {
        provinceCode: body.provinceCode,
        enabled: body.enabled,
        leadIds: body.leadIds ?? [],
      }),
  );
}
