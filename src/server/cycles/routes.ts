// Cycle routes: create (scheme frozen), list/get, the frozen scheme, status workflow, locus,
// assignments, follow-ups (qualifiers), progress against quotas, and an assessor's assignments.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { defineRoute } from '../http/route.ts';
import { notFound } from '../errors.ts';
import { recomputeBodies } from '../scores/recompute.ts';
import {
  addLocusBody,
  createCycle,
  cycleScheme,
  cycleStatuses,
  cycleSummary,
  getBodyRow,
  getCycleOr404,
  getCycleUnitOr404,
  listCycles,
  locusProgress,
  myAssignments,
  quotasOf,
  removeLocusBody,
  removeLocusUnit,
  setAssignment,
  setFollowups,
  transitionCycle,
  unitTarget,
  type Cycle as CycleT,
} from './queries.ts';
import {
  BodyProgress,
  Cycle,
  CycleDetail,
  CycleSummary,
  Followups,
  InstrumentQuota,
  UnitProgress,
  bodyType,
  cycleBodyParams,
  cycleParams,
  cycleUnitParams,
  pageOf,
  pageQuery,
  provinceCode,
} from './wire.ts';
import { units } from '../registry/schema.ts';
import type { Queryable } from '../db/client.ts';
import { cycleIsPublic } from '../publications/visibility.ts';
import { eq } from 'drizzle-orm';

const tags = ['cycles'];

/** 401/403 unless the caller may read the cycle (public: cycles with a released publication only). */
const cycleReadTarget = async (tx: Queryable, cycle: CycleT) => ({
  published: await cycleIsPublic(tx, cycle.id),
  provinceCode: cycle.provinceCode,
});

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
      query: z.object({
        ...pageQuery,
        year: z.coerce.number().int().min(2000).max(2100).optional(),
        status: z.enum(cycleStatuses).optional(),
        schemeId: z.string().min(1).max(60).optional(),
        family: z.enum(['ombudsman', 'pekppp', 'skm']).optional(),
        province: provinceCode.optional(),
        /** true: only cycles the public can read (a released current publication). */
        published: z
          .enum(['true', 'false'])
          .transform((v) => v === 'true')
          .optional(),
      }),
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
      body: z.object({
        name: z.string().trim().min(3).max(200),
        year: z.number().int().min(2000).max(2100),
        schemeId: z.string().min(1).max(60),
        provinceCode: provinceCode.nullish(),
      }),
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
      response: { 200: z.object({ schemeId: z.string(), schemeHash: z.string(), scheme: z.record(z.string(), z.unknown()) }) },
    },
    async ({ tx, auth, params, reply }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      auth.require('cycle.read', await cycleReadTarget(tx, cycle));
      // Content-addressed: the same hash is always the same scheme.
      reply.header('etag', `"${cycle.schemeHash}"`);
      return {
        schemeId: cycle.schemeId,
        schemeHash: cycle.schemeHash,
        scheme: (await cycleScheme(tx, cycle)) as unknown as Record<string, unknown>,
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
      body: z.object({ status: z.enum(cycleStatuses) }),
      response: { 200: Cycle },
    },
    async ({ tx, auth, params, body }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      auth.require('cycle.manage', { provinceCode: cycle.provinceCode });
      return transitionCycle(tx, auth.user(), cycle, body.status);
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/cycles/:cycleId/progress',
      summary: 'The locus with progress per unit against the instrument quotas and per body (paginated by body)',
      tags,
      access: 'cycle.read',
      params: cycleParams,
      query: z.object({ ...pageQuery, bodyId: z.uuid().optional(), province: provinceCode.optional(), type: bodyType.optional() }),
      response: { 200: pageOf(BodyProgress).extend({ instruments: z.array(InstrumentQuota) }) },
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
      body: z.object({ bodyId: z.uuid(), unitIds: z.array(z.uuid()).max(500).optional() }),
      response: { 200: z.object({ added: z.array(z.uuid()) }) },
    },
    async ({ tx, auth, params, body }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      const target = await getBodyRow(tx, body.bodyId);
      if (!target) throw notFound('body');
      auth.require('locus.manage', { provinceCode: target.provinceCode, bodyId: target.id });
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
      response: { 200: z.object({ removed: z.uuid() }) },
    },
    async ({ tx, auth, params }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      const target = await getBodyRow(tx, params.bodyId);
      if (!target) throw notFound('body');
      auth.require('locus.manage', { provinceCode: target.provinceCode, bodyId: target.id });
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
      body: z.object({ unitId: z.uuid() }),
      response: { 200: z.object({ added: z.array(z.uuid()) }) },
    },
    async ({ tx, auth, params, body }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      const [unit] = await tx.select({ bodyId: units.bodyId }).from(units).where(eq(units.id, body.unitId)).limit(1);
      if (!unit) throw notFound('unit');
      const target = (await getBodyRow(tx, unit.bodyId))!;
      auth.require('locus.manage', { provinceCode: target.provinceCode, bodyId: target.id });
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
      response: { 200: z.object({ removed: z.uuid() }) },
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
      body: z.object({ assessorId: z.uuid().nullish(), dueDate: z.iso.date().nullish() }),
      response: { 200: z.object({ assessorId: z.uuid().nullable(), dueDate: z.string().nullable() }) },
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
      auth.require('locus.manage', { provinceCode: target.provinceCode, bodyId: target.id });
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
      response: {
        200: z.object({
          items: z.array(
            z.object({
              cycle: z.object({
                id: z.uuid(),
                name: z.string(),
                year: z.number().int(),
                status: z.enum(cycleStatuses),
                schemeId: z.string(),
              }),
              body: z.object({ id: z.uuid(), name: z.string(), type: z.string(), provinceCode: z.string().nullable() }),
              unit: UnitProgress,
            }),
          ),
        }),
      },
    },
    async ({ tx, auth }) => ({ items: await myAssignments(tx, auth.user()) }),
  );
}
