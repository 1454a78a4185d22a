// Locus routes: the bodies and units a cycle assesses, assignments of assessors, Ombudsman
// follow-ups (qualifiers), progress against the instrument quotas, and an assessor's own units.
import type { FastifyInstance } from 'fastify';
import { cycleBodyParams, cycleParams, cycleUnitParams } from '../../shared/wire/common.ts';
import {
  AssignmentIn,
  AssignedBodyList,
  AssignmentList,
  AssignmentOut,
  EvaluatorOrganisationIn,
  EvaluatorOrganisationOut,
  Followups,
  LocusAdded,
  LocusBodyIn,
  LocusRemoved,
  LocusUnitIn,
  ProgressPage,
  ProgressQuery,
} from '../../shared/wire/locus.ts';
import { notFound } from '../errors.ts';
import { defineRoute } from '../http/route.ts';
import { cycleReadTarget, cycleScheme, getCycleOr404, quotasOf } from '../cycles/queries.ts';
import { getCycleUnitOr404, getLocusBodyOr404, unitTarget } from '../read-models/locus.ts';
import { recomputeBodies } from '../scores/recompute.ts';
import { locusProgress, myAssignedBodies, myAssignments } from './progress.ts';
import {
  type LocusBody,
  addLocusBody,
  evaluatorOrganisationOptions,
  getEvaluatorOrganisation,
  getBodyOfUnit,
  getBodyRow,
  plannedLocusUnits,
  removeLocusBody,
  removeLocusUnit,
  setAssignment,
  setEvaluatorOrganisation,
  setFollowups,
} from './queries.ts';
import type { Target } from '../auth/policy.ts';
import type { Queryable } from '../db/client.ts';
import type { Cycle } from '../../shared/wire/cycles.ts';

const tags = ['cycles'];

const orgOut = (b: LocusBody) => ({ id: b.id, code: b.code, name: b.name, type: b.type });

/** Issue 17: the policy target of adding a body's units — the body, and where the units it would add are. */
async function locusTarget(tx: Queryable, cycle: Cycle, body: LocusBody, unitIds?: string[]): Promise<Target> {
  const planned = body.provinceCode === null ? await plannedLocusUnits(tx, cycle, body, unitIds, { lenient: true }) : [];
  return {
    provinceCode: body.provinceCode,
    bodyId: body.id,
    unitProvinceCodes: planned.map((u) => u.provinceCode ?? ''),
    internalOf: cycle.ownerBodyId,
  };
}

export async function locusRoutes(app: FastifyInstance): Promise<void> {
  defineRoute(
    app,
    {
      method: 'GET',
      url: '/cycles/:cycleId/progress',
      summary: 'The locus with progress per unit against the instrument quotas and per body (paginated by body)',
      tags,
      access: 'cycle.read',
      params: cycleParams,
      query: ProgressQuery,
      response: { 200: ProgressPage },
    },
    async ({ tx, auth, params, query }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      auth.require('cycle.read', await cycleReadTarget(tx, cycle));
      const scheme = await cycleScheme(tx, cycle);
      const page = await locusProgress(tx, auth.actor, cycle, scheme, { ...query, provinceCode: query.province });
      return { ...page, instruments: quotasOf(scheme) };
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/cycles/:cycleId/bodies',
      summary: 'Add a body to the locus with its units (all active units unless unitIds is given)',
      tags,
      access: 'locus.manage',
      params: cycleParams,
      body: LocusBodyIn,
      response: { 200: LocusAdded },
    },
    async ({ tx, auth, params, body }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      const target = await getBodyRow(tx, body.bodyId);
      if (!target) throw notFound('body');
      auth.require('locus.manage', await locusTarget(tx, cycle, target, body.unitIds));
      return addLocusBody(tx, auth.user(), cycle, target, body.unitIds);
    },
  );

  defineRoute(
    app,
    {
      method: 'DELETE',
      url: '/cycles/:cycleId/bodies/:bodyId',
      summary: 'Remove a body and its units from the locus (409 once it has records)',
      tags,
      access: 'locus.manage',
      params: cycleBodyParams,
      response: { 200: LocusRemoved },
    },
    async ({ tx, auth, params }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      const target = await getBodyRow(tx, params.bodyId);
      if (!target) throw notFound('body');
      auth.require('locus.manage', { provinceCode: target.provinceCode, bodyId: target.id, internalOf: cycle.ownerBodyId });
      await removeLocusBody(tx, auth.user(), cycle, target);
      return { removed: target.id };
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/cycles/:cycleId/units',
      summary: 'Add one unit to the locus (its body joins the locus if needed)',
      tags,
      access: 'locus.manage',
      params: cycleParams,
      body: LocusUnitIn,
      response: { 200: LocusAdded },
    },
    async ({ tx, auth, params, body }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      const target = await getBodyOfUnit(tx, body.unitId);
      if (!target) throw notFound('unit');
      auth.require('locus.manage', await locusTarget(tx, cycle, target, [body.unitId]));
      return addLocusBody(tx, auth.user(), cycle, target, [body.unitId]);
    },
  );

  defineRoute(
    app,
    {
      method: 'DELETE',
      url: '/cycles/:cycleId/units/:unitId',
      summary: 'Remove one unit from the locus (409 once it has records)',
      tags,
      access: 'locus.manage',
      params: cycleUnitParams,
      response: { 200: LocusRemoved },
    },
    async ({ tx, auth, params }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      const cu = await getCycleUnitOr404(tx, cycle, params.unitId);
      auth.require('locus.manage', unitTarget(cu));
      await removeLocusUnit(tx, auth.user(), cu);
      await recomputeBodies(tx, cycle, await cycleScheme(tx, cycle), [cu.body.id]);
      return { removed: cu.unit.id };
    },
  );

  defineRoute(
    app,
    {
      method: 'PUT',
      url: '/cycles/:cycleId/units/:unitId/assignment',
      summary: 'Assign (or clear) the assessor of a unit and its due date',
      tags,
      access: 'locus.manage',
      params: cycleUnitParams,
      body: AssignmentIn,
      response: { 200: AssignmentOut },
    },
    async ({ tx, auth, params, body }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      const cu = await getCycleUnitOr404(tx, cycle, params.unitId);
      auth.require('locus.manage', unitTarget(cu));
      const next: { assessorId?: string | null; dueDate?: string | null } = {};
      if (body.assessorId !== undefined) next.assessorId = body.assessorId;
      if (body.dueDate !== undefined) next.dueDate = body.dueDate;
      return setAssignment(tx, auth.user(), cu, next);
    },
  );

  // issue 10: the organisation that evaluates a PEKPPP locus entry
  defineRoute(
    app,
    {
      method: 'GET',
      url: '/cycles/:cycleId/bodies/:bodyId/evaluator-organisation',
      summary: 'PEKPPP: the organisation that evaluates a locus entry, and the ones that may',
      tags,
      access: 'locus.manage',
      params: cycleBodyParams,
      response: { 200: EvaluatorOrganisationOut },
    },
    async ({ tx, auth, params }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      const target = await getBodyRow(tx, params.bodyId);
      if (!target) throw notFound('body');
      auth.require('locus.manage', await locusTarget(tx, cycle, target));
      await getLocusBodyOr404(tx, cycle, target.id);
      const organisation = await getEvaluatorOrganisation(tx, cycle.id, target.id);
      const options = await evaluatorOrganisationOptions(tx, target);
      return { bodyId: target.id, organisation: organisation && orgOut(organisation), options: options.map(orgOut) };
    },
  );

  defineRoute(
    app,
    {
      method: 'PUT',
      url: '/cycles/:cycleId/bodies/:bodyId/evaluator-organisation',
      summary: 'PEKPPP: name the organisation that evaluates a locus entry (KemenPANRB, Biro or Bagian Organisasi)',
      tags,
      access: 'locus.manage',
      params: cycleBodyParams,
      body: EvaluatorOrganisationIn,
      response: { 200: EvaluatorOrganisationOut },
    },
    async ({ tx, auth, params, body }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      const target = await getBodyRow(tx, params.bodyId);
      if (!target) throw notFound('body');
      auth.require('locus.manage', await locusTarget(tx, cycle, target));
      const organisation = await setEvaluatorOrganisation(tx, auth.user(), cycle, target, body.organisationId);
      const options = await evaluatorOrganisationOptions(tx, target);
      return { bodyId: target.id, organisation: orgOut(organisation), options: options.map(orgOut) };
    },
  );

  defineRoute(
    app,
    {
      method: 'PUT',
      url: '/cycles/:cycleId/bodies/:bodyId/followups',
      summary: 'Ombudsman products due for the body and their follow-up (qualifiers such as "Tanpa Maladministrasi")',
      tags,
      access: 'locus.manage',
      params: cycleBodyParams,
      body: Followups,
      response: { 200: Followups },
    },
    async ({ tx, auth, params, body }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      const target = await getBodyRow(tx, params.bodyId);
      if (!target) throw notFound('body');
      auth.require('locus.manage', { provinceCode: target.provinceCode, bodyId: target.id, internalOf: cycle.ownerBodyId });
      await setFollowups(tx, auth.user(), cycle, target, body);
      await recomputeBodies(tx, cycle, await cycleScheme(tx, cycle), [target.id]);
      return body;
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/assignments/mine',
      summary: "The caller's assigned units in open cycles, nearest due date first, with progress",
      tags,
      access: 'authenticated',
      response: { 200: AssignmentList },
    },
    async ({ tx, auth }) => ({ items: await myAssignments(tx, auth.user()) }),
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/assignments/mine/bodies',
      summary:
        'The governments where the caller assesses a unit (any cycle, final ones too), each with those cycles: what an asisten may plan for',
      tags,
      access: 'authenticated',
      response: { 200: AssignedBodyList },
    },
    async ({ tx, auth }) => ({ items: await myAssignedBodies(tx, auth.user()) }),
  );
}
