// Issue 11 §7: a unit's IKM as evidence of an indicator (evidence/ikm.ts): what may be attached,
// the attached IKMs of a unit in a cycle, attach, remove.
import type { FastifyInstance } from 'fastify';
import { cycleUnitParams } from '../../shared/wire/common.ts';
import { IkmEvidence, IkmEvidenceIn, IkmEvidenceList, IkmOptions, ikmEvidenceParams } from '../../shared/wire/evidence.ts';
import { getCycleOr404 } from '../cycles/queries.ts';
import { defineRoute } from '../http/route.ts';
import { getCycleUnitOr404, unitTarget } from '../read-models/locus.ts';
import { attachIkm, detachIkm, getIkmEvidenceOr404, ikmOptions, listIkmEvidence } from './ikm.ts';
import { EvidenceDeleted } from '../../shared/wire/evidence.ts';

const tags = ['evidence'];

export async function ikmEvidenceRoutes(app: FastifyInstance): Promise<void> {
  defineRoute(
    app,
    {
      method: 'GET',
      url: '/cycles/:cycleId/units/:unitId/ikm-options',
      summary: "The indicators that take the unit's IKM as evidence, and the unit's closed or published SKM IKMs to choose from",
      tags,
      access: 'evidence.read',
      params: cycleUnitParams,
      response: { 200: IkmOptions },
    },
    async ({ tx, auth, params }) => {
      const cu = await getCycleUnitOr404(tx, await getCycleOr404(tx, params.cycleId), params.unitId);
      auth.require('evidence.read', unitTarget(cu));
      return ikmOptions(tx, cu);
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/cycles/:cycleId/units/:unitId/ikm-evidence',
      summary: "The IKMs attached as evidence to the unit's indicators in a cycle (frozen when attached)",
      tags,
      access: 'evidence.read',
      params: cycleUnitParams,
      response: { 200: IkmEvidenceList },
    },
    async ({ tx, auth, params }) => {
      const cu = await getCycleUnitOr404(tx, await getCycleOr404(tx, params.cycleId), params.unitId);
      auth.require('evidence.read', unitTarget(cu));
      return { items: await listIkmEvidence(tx, cu.cycle.id, cu.unit.id) };
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/cycles/:cycleId/units/:unitId/ikm-evidence',
      summary:
        "Attach the IKM of one of the unit's closed or published SKM surveys to an indicator that takes it (F-01: the unit; Ombudsman Output of a K/L unit: the assigned asisten)",
      tags,
      access: 'evidence.write',
      params: cycleUnitParams,
      body: IkmEvidenceIn,
      response: { 201: IkmEvidence },
    },
    async ({ tx, auth, params, body, reply }) => {
      const cu = await getCycleUnitOr404(tx, await getCycleOr404(tx, params.cycleId), params.unitId);
      const out = await attachIkm(tx, auth, cu, body);
      reply.status(201);
      return out;
    },
  );

  defineRoute(
    app,
    {
      method: 'DELETE',
      url: '/ikm-evidence/:ikmEvidenceId',
      summary: 'Remove an attached IKM (who may attach it)',
      tags,
      access: 'evidence.write',
      params: ikmEvidenceParams,
      response: { 200: EvidenceDeleted },
    },
    async ({ tx, auth, params }) => {
      const e = await getIkmEvidenceOr404(tx, params.ikmEvidenceId);
      const cu = await getCycleUnitOr404(tx, await getCycleOr404(tx, e.cycleId), e.unitId);
      auth.require('evidence.read', unitTarget(cu));
      await detachIkm(tx, auth, cu, e);
      return { deleted: e.id };
    },
  );
}
