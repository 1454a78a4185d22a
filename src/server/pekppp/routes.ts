// PEKPPP routes (issue 10): the unit's F-01, the evaluator's F-02 workbench, clarification
// requests and answers, finalisation. Scope: policy actions pekppp.claim / pekppp.verify /
// pekppp.read; which instrument a role fills stays the library's (records/fillers.ts).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { cycleParams, cycleUnitParams } from '../../shared/wire/common.ts';
import {
  ClarificationAnswerIn,
  ClarificationRequestIn,
  ClaimsIn,
  MandiriIn,
  PekpppClarification,
  PekpppUnits,
  PekpppUnitView,
  ReopenIn,
  ValidationIn,
  VerdictsIn,
} from '../../shared/wire/pekppp.ts';
import { defineRoute } from '../http/route.ts';
import { cycleSummary, getCycleOr404 } from '../cycles/queries.ts';
import { CycleSummary } from '../../shared/wire/cycles.ts';
import { decideValidation, setMandiri, validatorBody } from './mandiri.ts';
import {
  answerClarification,
  buildView,
  finalise,
  listUnits,
  pekpppContext,
  reopenClaims,
  requestClarification,
  saveClaims,
  saveVerdicts,
  submitClaims,
} from './queries.ts';

const tags = ['pekppp'];
const base = '/cycles/:cycleId/units/:unitId/pekppp';

export async function pekpppRoutes(app: FastifyInstance): Promise<void> {
  defineRoute(
    app,
    {
      method: 'GET',
      url: '/cycles/:cycleId/pekppp/units',
      summary: 'The PEKPPP units of a cycle the caller may see, with their F-01 state',
      tags,
      access: 'pekppp.read',
      params: cycleParams,
      response: { 200: PekpppUnits },
    },
    async ({ tx, auth, params }) => listUnits(tx, auth, params.cycleId),
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: base,
      summary: "A unit's F-01 beside F-02 per indicator, with clarifications, progress per aspect and the result",
      tags,
      access: 'pekppp.read',
      params: cycleUnitParams,
      response: { 200: PekpppUnitView },
    },
    async ({ tx, auth, params, lang }) =>
      buildView(tx, auth, await pekpppContext(tx, auth, 'pekppp.read', params.cycleId, params.unitId), lang),
  );

  defineRoute(
    app,
    {
      method: 'PUT',
      url: `${base}/claims`,
      summary: "Save drafts of the unit's F-01 claims (level, statement, links per indicator)",
      tags,
      access: 'pekppp.claim',
      params: cycleUnitParams,
      body: ClaimsIn,
      response: { 200: PekpppUnitView },
    },
    async ({ tx, auth, params, body, lang }) => {
      const ctx = await pekpppContext(tx, auth, 'pekppp.claim', params.cycleId, params.unitId);
      await saveClaims(tx, auth, ctx, body, lang);
      return buildView(tx, auth, await pekpppContext(tx, auth, 'pekppp.claim', params.cycleId, params.unitId), lang);
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: `${base}/claims/submit`,
      summary: 'Submit F-01 (every indicator must meet the entry rules); locked until the evaluator reopens it',
      tags,
      access: 'pekppp.claim',
      params: cycleUnitParams,
      response: { 200: PekpppUnitView },
    },
    async ({ tx, auth, params, lang }) => {
      const ctx = await pekpppContext(tx, auth, 'pekppp.claim', params.cycleId, params.unitId);
      await submitClaims(tx, auth, ctx, lang);
      return buildView(tx, auth, ctx, lang);
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: `${base}/claims/reopen`,
      summary: 'The evaluator reopens a submitted F-01 with a note',
      tags,
      access: 'pekppp.verify',
      params: cycleUnitParams,
      body: ReopenIn,
      response: { 200: PekpppUnitView },
    },
    async ({ tx, auth, params, body, lang }) => {
      const ctx = await pekpppContext(tx, auth, 'pekppp.verify', params.cycleId, params.unitId);
      await reopenClaims(tx, auth, ctx, body.note);
      return buildView(tx, auth, ctx, lang);
    },
  );

  defineRoute(
    app,
    {
      method: 'PUT',
      url: `${base}/verdicts`,
      summary: "Save the evaluator's F-02 verdicts (level, reason, data sources per indicator)",
      tags,
      access: 'pekppp.verify',
      params: cycleUnitParams,
      body: VerdictsIn,
      response: { 200: PekpppUnitView },
    },
    async ({ tx, auth, params, body, lang }) => {
      const ctx = await pekpppContext(tx, auth, 'pekppp.verify', params.cycleId, params.unitId);
      await saveVerdicts(tx, auth, ctx, body, lang);
      return buildView(tx, auth, await pekpppContext(tx, auth, 'pekppp.verify', params.cycleId, params.unitId), lang);
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: `${base}/clarifications`,
      summary: "Request clarification on chosen indicators; the unit answers within the library's verification window",
      tags,
      access: 'pekppp.verify',
      params: cycleUnitParams,
      body: ClarificationRequestIn,
      response: { 201: PekpppClarification },
    },
    async ({ tx, auth, params, body, reply }) => {
      const ctx = await pekpppContext(tx, auth, 'pekppp.verify', params.cycleId, params.unitId);
      const out = await requestClarification(tx, auth, ctx, body);
      reply.status(201);
      return out;
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: `${base}/answers`,
      summary: 'The unit answers a clarification request (statement and links per indicator; files through POST /evidence)',
      tags,
      access: 'pekppp.claim',
      params: cycleUnitParams,
      body: ClarificationAnswerIn,
      response: { 200: PekpppClarification },
    },
    async ({ tx, auth, params, body }) =>
      answerClarification(tx, auth, await pekpppContext(tx, auth, 'pekppp.claim', params.cycleId, params.unitId), body),
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: `${base}/finalise`,
      summary: 'The evaluator finalises F-02 (every verdict complete, no clarification open); the unit goes to review',
      tags,
      access: 'pekppp.verify',
      params: cycleUnitParams,
      body: z.object({}).optional(),
      response: { 200: PekpppUnitView },
    },
    async ({ tx, auth, params, lang }) => {
      const ctx = await pekpppContext(tx, auth, 'pekppp.verify', params.cycleId, params.unitId);
      await finalise(tx, auth, ctx, lang);
      return buildView(tx, auth, await pekpppContext(tx, auth, 'pekppp.verify', params.cycleId, params.unitId), lang);
    },
  );

  // "mandiri" cycles: a Biro/Bagian Organisasi runs the cycle for its own government; the
  // organisation the library names (KemenPANRB) validates the results or returns them.
  defineRoute(
    app,
    {
      method: 'PUT',
      url: '/cycles/:cycleId/pekppp/mandiri',
      summary: "Mark a PEKPPP cycle as run 'mandiri' by a government's Biro/Bagian Organisasi (its locus: that government only)",
      tags,
      access: 'cycle.manage',
      params: cycleParams,
      body: MandiriIn,
      response: { 200: CycleSummary },
    },
    async ({ tx, auth, params, body }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      auth.require('cycle.manage', {});
      await setMandiri(tx, auth, cycle, body);
      return cycleSummary(tx, cycle);
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/cycles/:cycleId/pekppp/validation',
      summary:
        "The validating organisation (library: verification.mandiri.validatedBy) validates a mandiri cycle's results or returns them with a reason",
      tags,
      access: 'pekppp.validate',
      params: cycleParams,
      body: ValidationIn,
      response: { 200: CycleSummary },
    },
    async ({ tx, auth, params, body }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      auth.require('pekppp.validate', { bodyId: (await validatorBody(tx, cycle)).id });
      await decideValidation(tx, auth, cycle, body);
      return cycleSummary(tx, cycle);
    },
  );
}
