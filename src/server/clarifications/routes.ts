// Clarification routes: windows per (cycle, scope), a body's clarification page (window, units,
// disputes, change log), disputes with evidence, and their resolution (accept → the answer
// changes through applyIndicatorChange; reject with a reason).
import type { FastifyInstance } from 'fastify';
import { FileReply, cycleBodyParams, cycleParams, cycleUnitParams } from '../../shared/wire/common.ts';
import {
  AcceptIn,
  BodyClarification,
  ClarificationWindow,
  ClarificationWindowList,
  Dispute,
  type DisputeEvidence,
  DisputeEvidenceList,
  DisputeIn,
  DisputeList,
  DisputesQuery,
  RejectIn,
  WindowIn,
  WindowPatchIn,
  disputeEvidenceParams,
  disputeParams,
  windowParams,
} from '../../shared/wire/clarifications.ts';
import { MAX_UPLOAD_BYTES } from '../../shared/wire/limits.ts';
import type { Db } from '../db/client.ts';
import { notFound } from '../errors.ts';
import { defineRoute } from '../http/route.ts';
import { word } from '../i18n.ts';
import { getCycleOr404 } from '../cycles/queries.ts';
import {
  bodyAssessorIds,
  bodyUnitResults,
  getCycleUnitOr404,
  getLocusBodyOr404,
  provinceOfRegency,
  unitTarget,
} from '../read-models/locus.ts';
import { can } from '../auth/policy.ts';
import { evidenceFiles } from '../evidence/schema.ts';
import { sendEvidenceFile } from '../evidence/send.ts';
import type { EvidenceStore } from '../evidence/store.ts';
import { receiveOneFile } from '../evidence/upload.ts';
import { applyIndicatorChange } from './change.ts';
import {
  PUSAT,
  addDisputeEvidence,
  assertOpen,
  bodyClarification,
  createDispute,
  disputeView,
  listDisputes,
  listWindows,
  loadDispute,
  loadWindow,
  openWindow,
  openWindowFor,
  resolveDispute,
  scopeTarget,
  updateWindow,
} from './queries.ts';

const tags = ['clarifications'];

export async function clarificationRoutes(app: FastifyInstance): Promise<void> {
  const store: EvidenceStore = app.stores.evidence;
  const limit = app.config.maxUploadBytes ?? MAX_UPLOAD_BYTES;
  const db = app.db as Db;

  // ── Windows ───────────────────────────────────────────────────────────────────────────────

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/cycles/:cycleId/clarification-windows',
      summary: "Open a clarification window for a scope (a province code, or 'pusat') with a deadline; the cycle must be in review",
      tags,
      access: 'clarification.manage',
      params: cycleParams,
      body: WindowIn,
      response: { 201: ClarificationWindow },
    },
    async ({ tx, auth, params, body, reply }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      auth.require('clarification.manage', scopeTarget(body.scope));
      const view = await openWindow(tx, auth.user(), cycle, {
        scope: body.scope,
        deadline: new Date(body.deadline),
        note: body.note || null,
      });
      reply.status(201);
      return view;
    },
  );

  defineRoute(
    app,
    {
      method: 'PATCH',
      url: '/clarification-windows/:windowId',
      summary: 'Extend the deadline of a clarification window, or close it now (close: true)',
      tags,
      access: 'clarification.manage',
      params: windowParams,
      body: WindowPatchIn,
      response: { 200: ClarificationWindow },
    },
    async ({ tx, auth, params, body }) => {
      const loaded = await loadWindow(tx, params.windowId);
      auth.require('clarification.manage', scopeTarget(loaded.row.scope));
      return updateWindow(tx, auth.user(), loaded, {
        deadline: body.deadline ? new Date(body.deadline) : undefined,
        close: body.close === true,
      });
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/cycles/:cycleId/clarification-windows',
      summary: "The cycle's clarification windows the caller may see, with their state and dispute counts",
      tags,
      access: 'dispute.read',
      params: cycleParams,
      response: { 200: ClarificationWindowList },
    },
    async ({ tx, auth, params }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      return { items: await listWindows(tx, auth.user(), cycle) };
    },
  );

  // ── A body's clarification page ───────────────────────────────────────────────────────────

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/cycles/:cycleId/bodies/:bodyId/clarification',
      summary: "A body's clarification: the window covering it, its units' provisional scores, its disputes and its change log",
      tags,
      access: 'dispute.read',
      params: cycleBodyParams,
      response: { 200: BodyClarification },
    },
    async ({ tx, auth, params }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      const body = await getLocusBodyOr404(tx, cycle, params.bodyId);
      const target = { provinceCode: body.provinceCode, bodyId: body.id, assessorIds: await bodyAssessorIds(tx, cycle.id, body.id) };
      // Issue 17: a ministry's or agency's page covers its units nationally (its disputes go to the
      // national window). A Perwakilan that may not read all of it opens it limited to the units
      // located in its province (403 when it has none there).
      const own = auth.actor?.provinceCode ?? null;
      let limitedTo: string | null = null;
      if (body.provinceCode === null && own !== null && !can(auth.actor, 'dispute.read', target)) {
        const located = (await bodyUnitResults(tx, cycle.id, body.id)).some((u) => provinceOfRegency(u.regencyCode) === own);
        auth.require('dispute.read', { ...target, unitProvinceCodes: located ? [own] : [] });
        limitedTo = own;
      } else auth.require('dispute.read', target);
      const view = await bodyClarification(tx, cycle, body, limitedTo);
      return {
        cycle: { id: cycle.id, name: cycle.name, year: cycle.year, schemeId: cycle.schemeId, status: cycle.status },
        scope: body.provinceCode ?? PUSAT,
        ...view,
        limitedTo,
      };
    },
  );

  // ── Disputes ──────────────────────────────────────────────────────────────────────────────

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/cycles/:cycleId/disputes',
      summary: 'Disputes of a cycle the caller may read (the resolution queue: open first)',
      tags,
      access: 'dispute.read',
      params: cycleParams,
      query: DisputesQuery,
      response: { 200: DisputeList },
    },
    async ({ tx, auth, params, query }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      return { items: await listDisputes(tx, auth.user(), cycle, query) };
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/cycles/:cycleId/units/:unitId/disputes',
      summary: "Dispute one indicator of the own body's unit while the clarification window is open",
      tags,
      access: 'dispute.write',
      params: cycleUnitParams,
      body: DisputeIn,
      response: { 201: Dispute },
    },
    async ({ tx, auth, params, body, reply }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      const cu = await getCycleUnitOr404(tx, cycle, params.unitId);
      auth.require('dispute.write', unitTarget(cu));
      const view = await createDispute(tx, auth.user(), cu, body);
      reply.status(201);
      return view;
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/disputes/:disputeId/evidence',
      summary:
        'Add an evidence file to an open dispute (multipart/form-data, one file: JPEG, PNG, WebP or PDF, checked by content) while the window is open',
      tags,
      access: 'dispute.write',
      params: disputeParams,
      rawBody: true,
      noTransaction: true,
      response: { 201: DisputeEvidenceList },
    },
    async ({ auth, params, req, reply, lang }) => {
      const { row, cu } = await loadDispute(db, params.disputeId);
      auth.require('dispute.write', unitTarget(cu));
      assertOpen(row);
      await openWindowFor(db, cu);
      const result = await receiveOneFile(req, {
        store,
        limit,
        lang,
        save: (file) =>
          db.transaction(async (tx) => {
            await tx.insert(evidenceFiles).values({ sha256: file.sha256, size: file.size, mime: file.mime }).onConflictDoNothing();
            return addDisputeEvidence(tx, auth.user(), params.disputeId, file);
          }),
      });
      reply.status(201);
      return { evidence: result };
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/disputes/:disputeId/evidence/:sha256',
      summary: 'Download one evidence file of a dispute',
      tags,
      access: 'dispute.read',
      params: disputeEvidenceParams,
      noTransaction: true,
      response: { 200: FileReply },
    },
    async ({ db, auth, params, reply }) => {
      const { row, cu } = await loadDispute(db, params.disputeId);
      auth.require('dispute.read', unitTarget(cu));
      const item = (row.evidence as DisputeEvidence[]).find((e) => e.sha256 === params.sha256);
      const stream = item && (await store.get(item.sha256));
      if (!item || !stream) throw notFound('evidence');
      return sendEvidenceFile(reply, stream, item);
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/disputes/:disputeId/accept',
      summary:
        "Accept a dispute: the indicator's answer becomes `value` on the chosen records (default: every scored record answering it); results are recomputed and the change logged",
      tags,
      access: 'dispute.resolve',
      params: disputeParams,
      body: AcceptIn,
      response: { 200: Dispute },
    },
    async ({ tx, auth, params, body, lang }) => {
      const loaded = await loadDispute(tx, params.disputeId);
      auth.require('dispute.resolve', unitTarget(loaded.cu));
      assertOpen(loaded.row);
      const actor = auth.user();
      const note = body.note || null;
      const change = await applyIndicatorChange(tx, actor, {
        cycleId: loaded.row.cycleId,
        unitId: loaded.row.unitId,
        indicator: loaded.row.indicator,
        value: body.value,
        ...(body.recordIds ? { recordIds: body.recordIds } : {}),
        source: 'dispute',
        reason: note ?? word('dispute.accepted', lang, { statement: loaded.row.statement }),
        disputeId: loaded.row.id,
      });
      await resolveDispute(tx, actor, loaded, {
        status: 'accepted',
        resolution: note,
        change: { changeId: change.changeId, value: body.value },
      });
      return disputeView(tx, loaded.cu.cycle, loaded.row.id);
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/disputes/:disputeId/reject',
      summary: 'Reject a dispute with a reason (nothing else changes)',
      tags,
      access: 'dispute.resolve',
      params: disputeParams,
      body: RejectIn,
      response: { 200: Dispute },
    },
    async ({ tx, auth, params, body }) => {
      const loaded = await loadDispute(tx, params.disputeId);
      auth.require('dispute.resolve', unitTarget(loaded.cu));
      assertOpen(loaded.row);
      await resolveDispute(tx, auth.user(), loaded, { status: 'rejected', resolution: body.reason });
      return disputeView(tx, loaded.cu.cycle, loaded.row.id);
    },
  );
}
