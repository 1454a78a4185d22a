// Cycle routes: create (scheme frozen), list/get, the frozen scheme and the status workflow.
// The locus, assignments, follow-ups and progress are `locus/routes.ts`.
import type { FastifyInstance } from 'fastify';
import { cycleParams, pageOf } from '../../shared/wire/common.ts';
import { Cycle, CycleDetail, CycleIn, CycleScheme, CycleStatusIn, CycleSummary, CyclesQuery } from '../../shared/wire/cycles.ts';
import { defineRoute } from '../http/route.ts';
import {
  createCycle,
  cycleManageTarget,
  cycleReadTarget,
  cycleScheme,
  cycleSummary,
  getCycleOr404,
  listCycles,
  quotasOf,
  transitionCycle,
} from './queries.ts';

const tags = ['cycles'];

export async function cycleRoutes(app: FastifyInstance): Promise<void> {
  defineRoute(
    app,
    {
      method: 'GET',
      url: '/cycles',
      summary: 'Assessment cycles, newest first (the public sees cycles with a released publication only)',
      tags,
      access: 'cycle.read',
      published: {},
      query: CyclesQuery,
      response: { 200: pageOf(CycleSummary) },
    },
    async ({ tx, auth, query }) => listCycles(tx, auth.actor, { ...query, provinceCode: query.province }),
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/cycles',
      summary: 'Create a cycle; the library scheme is frozen on it (canonical JSON + sha256)',
      tags,
      access: 'cycle.manage',
      body: CycleIn,
      response: { 201: CycleDetail },
    },
    async ({ tx, auth, body, reply }) => {
      auth.require('cycle.manage', { provinceCode: body.provinceCode ?? null });
      const cycle = await createCycle(tx, auth.user(), body);
      reply.status(201);
      return { ...(await cycleSummary(tx, cycle)), instruments: quotasOf(await cycleScheme(tx, cycle)) };
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/cycles/:cycleId',
      summary: 'A cycle with its instruments and quotas',
      tags,
      access: 'cycle.read',
      params: cycleParams,
      response: { 200: CycleDetail },
    },
    async ({ tx, auth, params }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      auth.require('cycle.read', await cycleReadTarget(tx, cycle));
      return { ...(await cycleSummary(tx, cycle)), instruments: quotasOf(await cycleScheme(tx, cycle)) };
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/cycles/:cycleId/scheme',
      summary: "The cycle's frozen scheme (forms and offline previews use it, never the library)",
      tags,
      access: 'cycle.read',
      published: {},
      params: cycleParams,
      response: { 200: CycleScheme },
    },
    async ({ tx, auth, params, reply }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      auth.require('cycle.read', await cycleReadTarget(tx, cycle));
      // Content-addressed: the same hash is always the same scheme.
      reply.header('etag', `"${cycle.schemeHash}"`);
      return {
        schemeId: cycle.schemeId,
        schemeHash: cycle.schemeHash,
        scheme: await cycleScheme(tx, cycle),
      };
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/cycles/:cycleId/status',
      summary: 'Move the cycle one step: planning → fieldwork → review → final (anything else is 409)',
      tags,
      access: 'cycle.manage',
      params: cycleParams,
      body: CycleStatusIn,
      response: { 200: Cycle },
    },
    async ({ tx, auth, params, body }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      auth.require('cycle.manage', cycleManageTarget(cycle));
      return transitionCycle(tx, auth.user(), cycle, body.status);
    },
  );
}
