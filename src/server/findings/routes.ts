// Findings routes (issue 12): a unit's and a government's findings, the Perwakilan's
// recommendation and the pre-check's resolution, Ombudsman follow-up products with their document.
import type { FastifyInstance } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { FileReply, cycleBodyParams, cycleUnitParams } from '../../shared/wire/common.ts';
import {
  Finding,
  FindingList,
  FindingPatchIn,
  FollowupProduct,
  FollowupProductFields,
  FollowupProductList,
  findingParams,
  productParams,
} from '../../shared/wire/findings.ts';
import { MAX_UPLOAD_BYTES } from '../../shared/wire/limits.ts';
import type { Target } from '../auth/policy.ts';
import type { Db, Queryable } from '../db/client.ts';
import { notFound } from '../errors.ts';
import { defineRoute } from '../http/route.ts';
import { getCycleOr404 } from '../cycles/queries.ts';
import { cycleUnits } from '../cycles/schema.ts';
import { receiveOneFile, uploadFields } from '../evidence/upload.ts';
import { sendEvidenceFile } from '../evidence/send.ts';
import type { EvidenceStore } from '../evidence/store.ts';
import { bodies } from '../registry/schema.ts';
import { actionUnitTarget, getUnitWithBodyOr404 } from '../actions/queries.ts';
import {
  bodyFindings,
  checkProductLinks,
  findingView,
  listProducts,
  loadFindingOr404,
  loadProductOr404,
  patchFinding,
  recordProduct,
  unitFindings,
} from './queries.ts';

const tags = ['findings'];

/** A body's policy target for findings: its province, and every assessor of its units in any cycle. */
async function findingBodyTarget(tx: Queryable, bodyId: string): Promise<Target & { provinceCode: string | null }> {
  const [b] = await tx.select({ id: bodies.id, provinceCode: bodies.provinceCode }).from(bodies).where(eq(bodies.id, bodyId)).limit(1);
  if (!b) throw notFound('body');
  const rows = await tx
    .selectDistinct({ id: cycleUnits.assessorId })
    .from(cycleUnits)
    .where(and(eq(cycleUnits.bodyId, bodyId)));
  return { provinceCode: b.provinceCode, bodyId: b.id, assessorIds: rows.map((r) => r.id).filter((x): x is string => !!x) };
}

export async function findingRoutes(app: FastifyInstance): Promise<void> {
  const store: EvidenceStore = app.stores.evidence;
  const limit = app.config.maxUploadBytes ?? MAX_UPLOAD_BYTES;
  const db = app.db as Db;

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/cycles/:cycleId/units/:unitId/findings',
      summary: "A unit's findings (points lost per indicator, the next level, the gain), largest unit gain first",
      tags,
      access: 'finding.read',
      params: cycleUnitParams,
      response: { 200: FindingList },
    },
    async ({ tx, auth, params }) => {
      await getCycleOr404(tx, params.cycleId);
      const unit = await getUnitWithBodyOr404(tx, params.unitId);
      auth.require('finding.read', await actionUnitTarget(tx, unit));
      const items = await unitFindings(tx, params.cycleId, params.unitId);
      return { items, total: items.length };
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/cycles/:cycleId/bodies/:bodyId/findings',
      summary: "A government's findings over its units, largest government gain first",
      tags,
      access: 'finding.read',
      params: cycleBodyParams,
      response: { 200: FindingList },
    },
    async ({ tx, auth, params }) => {
      await getCycleOr404(tx, params.cycleId);
      auth.require('finding.read', await findingBodyTarget(tx, params.bodyId));
      const items = await bodyFindings(tx, params.cycleId, params.bodyId);
      return { items, total: items.length };
    },
  );

  defineRoute(
    app,
    {
      method: 'PATCH',
      url: '/findings/:findingId',
      summary: "The Perwakilan's saran perbaikan or tindakan korektif on a finding; the next cycle's pre-check (resolved or not)",
      tags,
      access: 'finding.write',
      params: findingParams,
      body: FindingPatchIn,
      response: { 200: Finding },
    },
    async ({ tx, auth, params, body }) => {
      const r = await loadFindingOr404(tx, params.findingId);
      auth.require('finding.write', await actionUnitTarget(tx, { id: r.f.unitId, bodyId: r.f.bodyId, provinceCode: r.provinceCode }));
      return patchFinding(tx, auth.user(), r, body);
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/cycles/:cycleId/bodies/:bodyId/followup-products',
      summary: "The Ombudsman's follow-up products for a government (saran perbaikan, tindakan korektif, rekomendasi)",
      tags,
      access: 'finding.read',
      params: cycleBodyParams,
      response: { 200: FollowupProductList },
    },
    async ({ tx, auth, params }) => {
      await getCycleOr404(tx, params.cycleId);
      auth.require('finding.read', await findingBodyTarget(tx, params.bodyId));
      return { items: await listProducts(tx, params.cycleId, params.bodyId) };
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/cycles/:cycleId/bodies/:bodyId/followup-products',
      summary:
        'Record an Ombudsman follow-up product with its source document (multipart/form-data: kind, number, issuedOn, title, note?, unitId?, findingId?, then the PDF or image)',
      tags,
      access: 'finding.write',
      params: cycleBodyParams,
      rawBody: true,
      noTransaction: true,
      response: { 201: FollowupProduct },
    },
    async ({ auth, req, reply, params, lang }) => {
      await getCycleOr404(db, params.cycleId);
      const target = await findingBodyTarget(db, params.bodyId);
      auth.require('finding.write', target);
      let input: FollowupProductFields;
      const result = await receiveOneFile(req, {
        store,
        limit,
        lang,
        before: async (fields) => {
          input = uploadFields(FollowupProductFields, fields, lang);
          await checkProductLinks(db, params.cycleId, params.bodyId, input);
        },
        save: (file) =>
          db.transaction((tx) =>
            recordProduct(
              tx,
              auth.user(),
              { cycleId: params.cycleId, bodyId: params.bodyId, provinceCode: target.provinceCode },
              input,
              file,
            ),
          ),
      });
      reply.status(201);
      return result;
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/followup-products/:productId/document',
      summary: "Download a follow-up product's source document",
      tags,
      access: 'finding.read',
      params: productParams,
      noTransaction: true,
      response: { 200: FileReply },
    },
    async ({ db: handle, auth, params, reply }) => {
      const p = await loadProductOr404(handle, params.productId);
      // A product about one unit is that unit's too (its operator reads it); otherwise the body's.
      const target = await findingBodyTarget(handle, p.view.bodyId);
      auth.require(
        'finding.read',
        p.unitId ? await actionUnitTarget(handle, { id: p.unitId, bodyId: p.view.bodyId, provinceCode: target.provinceCode }) : target,
      );
      const stream = await store.get(p.view.document.sha256);
      if (!stream) throw notFound('followup_product');
      return sendEvidenceFile(reply, stream, { ...p.view.document });
    },
  );
}

export { findingView };
