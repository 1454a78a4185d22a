// Fieldwork check routes (issue 13): a unit's anti-fabrication flags, a reviewer's acknowledgement
// of a flagged sheet, and bulk approval of submitted units without open flags.
import type { FastifyInstance } from 'fastify';
import { cycleParams, cycleUnitParams } from '../../shared/wire/common.ts';
import {
  AcknowledgeIn,
  Acknowledged,
  BulkApproveIn,
  BulkApproveOut,
  UnitAcknowledged,
  UnitFieldworkFlags,
} from '../../shared/wire/fieldwork.ts';
import { recordParams } from '../../shared/wire/records.ts';
import { getCycleOr404 } from '../cycles/queries.ts';
import { AppError, messageFor, localiseDetails } from '../errors.ts';
import { defineRoute } from '../http/route.ts';
import { getCycleUnit, getCycleUnitOr404, unitTarget } from '../read-models/locus.ts';
import { loadRecord } from '../records/queries.ts';
import { approveUnit } from '../records/workflow.ts';
import { acknowledgeAllOfUnit, acknowledgeFlags, unitFlags } from './queries.ts';

const tags = ['fieldwork'];

export async function fieldworkRoutes(app: FastifyInstance): Promise<void> {
  defineRoute(
    app,
    {
      method: 'GET',
      url: '/cycles/:cycleId/units/:unitId/fieldwork-flags',
      summary: "A unit's anti-fabrication flags with their reasons and acknowledgements",
      tags,
      access: 'record.read',
      params: cycleUnitParams,
      response: { 200: UnitFieldworkFlags },
    },
    async ({ tx, auth, params }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      const cu = await getCycleUnitOr404(tx, cycle, params.unitId);
      auth.require('record.read', unitTarget(cu));
      return unitFlags(tx, cu);
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/records/:id/fieldwork-flags/acknowledge',
      summary: "Acknowledge a sheet's open fieldwork warnings with a note (the unit can then be approved)",
      tags,
      access: 'record.review',
      params: recordParams,
      body: AcknowledgeIn,
      response: { 200: Acknowledged },
    },
    async ({ tx, auth, params, body }) => {
      const loaded = await loadRecord(tx, params.id);
      const n = await acknowledgeFlags(tx, auth, loaded, body.note);
      return { recordId: params.id, acknowledged: n };
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/cycles/:cycleId/units/:unitId/fieldwork-flags/acknowledge-all',
      summary: "The unit's pimpinan acknowledges every open fieldwork warning of the unit's sheets with one note",
      tags,
      access: 'fieldwork.acknowledge_unit',
      params: cycleUnitParams,
      body: AcknowledgeIn,
      response: { 200: UnitAcknowledged },
    },
    async ({ tx, auth, params, body }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      const cu = await getCycleUnitOr404(tx, cycle, params.unitId);
      return { unitId: cu.unit.id, ...(await acknowledgeAllOfUnit(tx, auth, cu, body.note)) };
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/cycles/:cycleId/approve-bulk',
      summary:
        'Approve several submitted units at once; a unit with open fieldwork flags, incomplete or out of scope is skipped with its reason',
      tags,
      access: 'record.review',
      params: cycleParams,
      body: BulkApproveIn,
      response: { 200: BulkApproveOut },
    },
    async ({ tx, auth, params, body, lang }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      // Issue 12 §4: a koordinator reviews only its own government's internal pre-assessment.
      if (auth.actor?.role === 'koordinator') auth.require('record.review', { internalOf: cycle.ownerBodyId });
      const results: BulkApproveOut['results'] = [];
      for (const unitId of [...new Set(body.unitIds)]) {
        const cu = await getCycleUnit(tx, cycle, unitId);
        const skip = (code: Parameters<typeof messageFor>[0], details: Record<string, unknown>) =>
          results.push({ unitId, outcome: 'skipped', code, reason: messageFor(code, lang, localiseDetails(code, lang, details)) });
        if (!cu) {
          skip('locus.unit_missing', { unit: unitId });
          continue;
        }
        if (!auth.can('record.review', unitTarget(cu))) {
          skip('auth.forbidden', {});
          continue;
        }
        try {
          // approveUnit checks everything (state, open flags, completeness) before it writes.
          await approveUnit(tx, auth, cu, body.note || null);
          results.push({ unitId, outcome: 'approved' });
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          skip(err.code, err.details);
        }
      }
      const approved = results.filter((r) => r.outcome === 'approved').length;
      return { results, approved, skipped: results.length - approved };
    },
  );
}
