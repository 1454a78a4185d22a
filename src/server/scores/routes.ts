// Score routes: unit breakdown, government result with its units, rankings per group with
// movement, what-if under another scheme of the family, the improvement list, the target planner, a body's trend,
// and a full recompute. Reads are scoped by `result.read` (the public: bodies a released publication covers).
import type { FastifyInstance } from 'fastify';
import { bodyParams, cycleBodyParams, cycleParams, cycleUnitParams } from '../../shared/wire/common.ts';
import {
  BodyImprovements,
  BodyResult,
  BodyWhatIf,
  ImprovementsQuery,
  Ranking,
  RankingQuery,
  Recomputed,
  TargetPlan,
  TargetPlanQuery,
  Trend,
  TrendQuery,
  UnitImprovements,
  UnitResult,
  UnitWhatIf,
  WhatIfQuery,
  // issue 17
  UnitPoints,
  VerticalOffices,
  cycleProvinceParams,
} from '../../shared/wire/scores.ts';
import { notFound } from '../errors.ts';
import { defineRoute } from '../http/route.ts';
import { assertOfficial, cycleManageTarget, getCycleOr404 } from '../cycles/queries.ts';
import { getBodyRow } from '../locus/queries.ts';
import { bodyTarget, getCycleUnitOr404, getLocusBodyOr404, unitTarget } from '../read-models/locus.ts';
import { requestRecompute } from './recompute.ts';
import { targetPlan } from './target-plan.ts';
import { cycleIsPublic } from '../publications/visibility.ts';
import {
  bodyImprovements,
  bodyTrend,
  bodyWhatIf,
  getBodyResult,
  getUnitResult,
  ranking,
  unitImprovements,
  unitWhatIf,
  rankingGroupOf,
  unitPoints,
  verticalOffices,
} from './queries.ts';

const tags = ['scores'];

export async function scoreRoutes(app: FastifyInstance): Promise<void> {
  defineRoute(
    app,
    {
      method: 'GET',
      url: '/cycles/:cycleId/units/:unitId/result',
      summary: "A unit's score breakdown: dimensions → variables → indicators with points lost",
      tags,
      access: 'result.read',
      published: {},
      params: cycleUnitParams,
      response: { 200: UnitResult },
    },
    async ({ tx, auth, params }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      const cu = await getCycleUnitOr404(tx, cycle, params.unitId);
      auth.require('result.read', unitTarget(cu));
      const r = await getUnitResult(tx, cu);
      return {
        cycle: { id: cycle.id, name: cycle.name, year: cycle.year, schemeId: cycle.schemeId },
        body: { id: cu.body.id, code: cu.body.code, name: cu.body.name, type: cu.body.type, provinceCode: cu.body.provinceCode },
        unit: { id: cu.unit.id, name: cu.unit.name, sector: cu.unit.sector },
        status: cu.status,
        result: r?.result ?? null,
        computedAt: r?.computedAt ?? null,
      };
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/cycles/:cycleId/bodies/:bodyId/result',
      summary: "A government's result with its units, mean dimension scores, ranks and movement",
      tags,
      access: 'result.read',
      published: {},
      params: cycleBodyParams,
      response: { 200: BodyResult },
    },
    async ({ tx, auth, params }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      const body = await getLocusBodyOr404(tx, cycle, params.bodyId);
      auth.require('result.read', await bodyTarget(tx, cycle, body));
      const view = await getBodyResult(tx, cycle, body);
      return { cycle: { id: cycle.id, name: cycle.name, year: cycle.year, schemeId: cycle.schemeId, status: cycle.status }, ...view };
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/cycles/:cycleId/rankings',
      summary:
        'A ranking group: national per body type (group=national&type=kota), provincial kab/kota (group=province&province=36), or units of a sector in a province (group=sector&province=36&sector=adminduk). Movement is against the latest earlier published cycle of the same scheme family.',
      tags,
      access: 'result.read',
      published: {},
      params: cycleParams,
      query: RankingQuery,
      response: { 200: Ranking },
    },
    async ({ tx, auth, params, query, lang }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      const group = rankingGroupOf(query, lang);
      assertOfficial(cycle); // issue 12 §4: an internal pre-assessment is never ranked
      // Any role with result.read may open any group: rows outside the caller's scope are left
      // out (counted in `hidden`). The public sees published bodies of cycles with a released publication only.
      if (!auth.actor) auth.require('result.read', { published: await cycleIsPublic(tx, cycle.id) });
      const view = await ranking(tx, auth.actor, cycle, group);
      return { cycle: { id: cycle.id, name: cycle.name, year: cycle.year, schemeId: cycle.schemeId, status: cycle.status }, ...view };
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/cycles/:cycleId/provinces/:provinceCode/vertical-offices',
      summary:
        "Issue 17: the units of ministries and agencies located in a province (Polres, Kantor Pertanahan …) with their results, each ranked among the province's units of its sector",
      tags,
      access: 'result.read',
      published: {},
      params: cycleProvinceParams,
      response: { 200: VerticalOffices },
    },
    async ({ tx, auth, params }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      assertOfficial(cycle);
      if (!auth.actor) auth.require('result.read', { published: await cycleIsPublic(tx, cycle.id) });
      const view = await verticalOffices(tx, auth.actor, cycle, params.provinceCode);
      return { cycle: { id: cycle.id, name: cycle.name, year: cycle.year, schemeId: cycle.schemeId, status: cycle.status }, ...view };
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/cycles/:cycleId/provinces/:provinceCode/unit-points',
      summary:
        "Issue 17 §4: the public map's points — the assessed units located in a province that have coordinates (its governments' units and the ministries' and agencies' offices there) with name, body, office type (sector), kabupaten/kota, score and band",
      tags,
      access: 'result.read',
      published: {},
      params: cycleProvinceParams,
      response: { 200: UnitPoints },
    },
    async ({ tx, auth, params }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      assertOfficial(cycle);
      if (!auth.actor) auth.require('result.read', { published: await cycleIsPublic(tx, cycle.id) });
      const view = await unitPoints(tx, auth.actor, cycle, params.provinceCode);
      return { cycle: { id: cycle.id, name: cycle.name, year: cycle.year, schemeId: cycle.schemeId, status: cycle.status }, ...view };
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/cycles/:cycleId/units/:unitId/what-if',
      summary: "What-if: the unit's answers re-scored under another scheme of the same family (?scheme=ombudsman-2025)",
      tags,
      access: 'result.read',
      params: cycleUnitParams,
      query: WhatIfQuery,
      response: { 200: UnitWhatIf },
    },
    async ({ tx, auth, params, query }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      const cu = await getCycleUnitOr404(tx, cycle, params.unitId);
      auth.require('result.read', unitTarget(cu));
      return unitWhatIf(tx, cu, query.scheme);
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/cycles/:cycleId/bodies/:bodyId/what-if',
      summary: "What-if: the government's units re-scored and aggregated under another scheme of the same family",
      tags,
      access: 'result.read',
      params: cycleBodyParams,
      query: WhatIfQuery,
      response: { 200: BodyWhatIf },
    },
    async ({ tx, auth, params, query }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      const body = await getLocusBodyOr404(tx, cycle, params.bodyId);
      auth.require('result.read', await bodyTarget(tx, cycle, body));
      return bodyWhatIf(tx, cycle, body, query.scheme);
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/cycles/:cycleId/bodies/:bodyId/target-plan',
      summary:
        'Target planner (issue 12 §6): the points a government needs to reach rank R in its province (kab/kota) or its national type group, and the cheapest set of indicator fixes, from the published results; peers are assumed to keep their published scores',
      tags,
      access: 'plan.read',
      params: cycleBodyParams,
      query: TargetPlanQuery,
      response: { 200: TargetPlan },
    },
    async ({ tx, auth, params, query }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      const body = await getLocusBodyOr404(tx, cycle, params.bodyId);
      auth.require('plan.read', await bodyTarget(tx, cycle, body));
      return targetPlan(tx, cycle, body, query);
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/cycles/:cycleId/units/:unitId/improvements',
      summary: 'Improvement list of a unit: every reachable higher level per indicator, largest gain first, with the government gain',
      tags,
      access: 'result.read',
      params: cycleUnitParams,
      query: ImprovementsQuery,
      response: { 200: UnitImprovements },
    },
    async ({ tx, auth, params, query }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      const cu = await getCycleUnitOr404(tx, cycle, params.unitId);
      auth.require('result.read', unitTarget(cu));
      return unitImprovements(tx, cu, query.limit);
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/cycles/:cycleId/bodies/:bodyId/improvements',
      summary: 'Improvement list of a government over all its units, largest government gain first',
      tags,
      access: 'result.read',
      params: cycleBodyParams,
      query: ImprovementsQuery,
      response: { 200: BodyImprovements },
    },
    async ({ tx, auth, params, query }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      const body = await getLocusBodyOr404(tx, cycle, params.bodyId);
      auth.require('result.read', await bodyTarget(tx, cycle, body));
      return bodyImprovements(tx, cycle, body, query.limit);
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/bodies/:bodyId/trend',
      summary: "A body's results across cycles (oldest first), only cycles the caller may read",
      tags,
      access: 'result.read',
      published: {},
      params: bodyParams,
      query: TrendQuery,
      response: { 200: Trend },
    },
    async ({ tx, auth, params, query }) => {
      const body = await getBodyRow(tx, params.bodyId);
      if (!body) throw notFound('body');
      const ref = { id: body.id, code: body.code, name: body.name, type: body.type, provinceCode: body.provinceCode };
      return { body: ref, items: await bodyTrend(tx, auth.actor, ref, query.family) };
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/cycles/:cycleId/recompute',
      summary: 'Recompute every unit and government result of a cycle from its records (set-based)',
      tags,
      access: 'cycle.manage',
      params: cycleParams,
      response: { 200: Recomputed },
    },
    async ({ tx, auth, params }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      auth.require('cycle.manage', cycleManageTarget(cycle));
      return requestRecompute(tx, auth.user(), cycle);
    },
  );
}
