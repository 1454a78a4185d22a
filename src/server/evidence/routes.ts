// Evidence routes: streamed multipart upload (hashed while written to a temp file, checked to be a
// well-formed JPEG, PNG, WebP or PDF by its structure (file-check.ts), size-limited, deduplicated
// by sha256), listing per unit,
// authorised download, unlink.
import type { FastifyInstance } from 'fastify';
import { FileReply, cycleUnitParams, pageOf } from '../../shared/wire/common.ts';
import { Evidence, EvidenceDeleted, EvidenceQuery, EvidenceUploadFields, evidenceParams } from '../../shared/wire/evidence.ts';
import { MAX_UPLOAD_BYTES } from '../../shared/wire/limits.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { defineRoute } from '../http/route.ts';
import { getCycleOr404 } from '../cycles/queries.ts';
import { assertWritable } from '../records/workflow.ts';
import { getCycleUnitOr404, unitTarget } from '../read-models/locus.ts';
import { type LinkInput, checkLink, linkEvidence, listEvidence, loadEvidence, unlinkEvidence } from './queries.ts';
import { sendEvidenceFile } from './send.ts';
import type { EvidenceStore } from './store.ts';
import { receiveOneFile, uploadFields } from './upload.ts';

const tags = ['evidence'];

export async function evidenceRoutes(app: FastifyInstance): Promise<void> {
  const store: EvidenceStore = app.stores.evidence;
  const limit = app.config.maxUploadBytes ?? MAX_UPLOAD_BYTES;
  const db = app.db as Db;

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/evidence',
      summary:
        'Upload evidence (multipart/form-data: fields cycleId, unitId, recordId?, indicator?, kind?, then the file). JPEG, PNG, WebP or PDF only, checked on the file structure (415 request.unsupported_type / request.corrupt_file).',
      tags,
      access: 'evidence.write',
      rawBody: true,
      noTransaction: true,
      response: { 201: Evidence },
    },
    async ({ auth, req, reply, lang }) => {
      let f: EvidenceUploadFields;
      let link: LinkInput;
      const result = await receiveOneFile(req, {
        store,
        limit,
        lang,
        // Everything is checked before the first byte is stored.
        before: async (fields, filename) => {
          f = uploadFields(EvidenceUploadFields, fields);
          link = { recordId: f.recordId ?? null, indicator: f.indicator ?? null, kind: f.kind ?? null, filename };
          const cu = await getCycleUnitOr404(db, await getCycleOr404(db, f.cycleId), f.unitId);
          auth.require('evidence.write', unitTarget(cu));
          assertWritable(cu);
          await checkLink(db, cu, link, lang);
        },
        save: (file) =>
          db.transaction(async (tx) => {
            const fresh = await getCycleUnitOr404(tx, await getCycleOr404(tx, f.cycleId), f.unitId);
            assertWritable(fresh);
            return linkEvidence(tx, auth.user(), fresh, { sha256: file.sha256, size: file.size, mime: file.mime }, link);
          }),
      });
      reply.status(201);
      return result;
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/cycles/:cycleId/units/:unitId/evidence',
      summary: "A unit's evidence in a cycle",
      tags,
      access: 'evidence.read',
      params: cycleUnitParams,
      query: EvidenceQuery,
      response: { 200: pageOf(Evidence) },
    },
    async ({ tx, auth, params, query }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      const cu = await getCycleUnitOr404(tx, cycle, params.unitId);
      auth.require('evidence.read', unitTarget(cu));
      return listEvidence(tx, cu, query);
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/evidence/:id',
      summary: 'Download one evidence file',
      tags,
      access: 'evidence.read',
      params: evidenceParams,
      noTransaction: true,
      response: { 200: FileReply },
    },
    async ({ db, auth, params, reply }) => {
      const { view, cu } = await loadEvidence(db, params.id);
      auth.require('evidence.read', unitTarget(cu));
      const stream = await store.get(view.sha256);
      if (!stream) throw new AppError('not_found', { subject: 'evidence' });
      return sendEvidenceFile(reply, stream, view);
    },
  );

  defineRoute(
    app,
    {
      method: 'DELETE',
      url: '/evidence/:id',
      summary: 'Unlink one evidence file from its unit (the content stays while other links use it)',
      tags,
      access: 'evidence.write',
      params: evidenceParams,
      response: { 200: EvidenceDeleted },
    },
    async ({ tx, auth, params }) => {
      const loaded = await loadEvidence(tx, params.id);
      auth.require('evidence.write', unitTarget(loaded.cu));
      assertWritable(loaded.cu);
      await unlinkEvidence(tx, auth.user(), loaded);
      return { deleted: params.id };
    },
  );
}
