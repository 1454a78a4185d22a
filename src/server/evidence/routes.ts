// Evidence routes: streamed multipart upload (hashed while written to a temp file, checked to be a
// well-formed JPEG, PNG, WebP or PDF by its structure (file-check.ts), size-limited, deduplicated
// by sha256), listing per unit,
// authorised download, unlink.
import type { FastifyInstance } from 'fastify';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { FileReply, NoContent, cycleUnitParams, pageOf } from '../../shared/wire/common.ts';
import {
  Evidence,
  EvidenceDeleted,
  EvidenceQuery,
  EvidenceUploadFields,
  ResumableUploadCreated,
  ResumableUploadMeta,
  evidenceParams,
  uploadParams,
} from '../../shared/wire/evidence.ts';
import { MAX_UPLOAD_BYTES } from '../../shared/wire/limits.ts';
import type { Db } from '../db/client.ts';
import type { Actor } from '../auth/policy.ts';
import { AppError, detailText } from '../errors.ts';
import { type Auth, defineRoute } from '../http/route.ts';
import type { Lang } from '../../core/types.ts';
import { getCycleOr404 } from '../cycles/queries.ts';
import { assertWritable } from '../records/workflow.ts';
import { getCycleUnitOr404, unitTarget } from '../read-models/locus.ts';
import { type LinkInput, captureOf, checkLink, linkEvidence, listEvidence, loadEvidence, unlinkEvidence } from './queries.ts';
import { sendEvidenceFile } from './send.ts';
import type { EvidenceStore } from './store.ts';
import { receiveOneFile, uploadFields } from './upload.ts';
import { putChecked } from './file-check.ts';
import { cleanName } from './store.ts';
import { ikmEvidenceRoutes } from './ikm-routes.ts';
import {
  type EvidenceUpload,
  type LibraryUpload,
  OFFSET_STREAM,
  ResumableUploads,
  TUS_VERSION,
  type UploadInfo,
  UploadOverflow,
  isLibraryUpload,
  parseMetadata,
} from './resumable.ts';
import { LibraryUploadMeta } from '../../shared/wire/library-docs.ts';
import { checkNewDocument, createDocument, libraryTarget, libraryUnitOr404 } from '../library-docs/queries.ts';

const tags = ['evidence'];

export async function evidenceRoutes(app: FastifyInstance): Promise<void> {
  const store: EvidenceStore = app.stores.evidence;
  const limit = app.config.maxUploadBytes ?? MAX_UPLOAD_BYTES;
  const db = app.db as Db;
  const uploads = new ResumableUploads(join(app.config.dataDir, 'uploads'));
  /** Uploads receiving a PATCH right now (one at a time each: 423 for a second). */
  const busy = new Set<string>();
  // issue 13 §3: abandoned partial uploads go at start-up and every hour (files only, nothing audited).
  const maxAgeMs = (app.config.abandonedUploadHours ?? 72) * 3600_000;
  const sweep = async () => {
    try {
      const removed = await uploads.sweep(maxAgeMs);
      if (removed.length > 0) app.log.info({ removed: removed.length }, 'abandoned resumable uploads removed');
    } catch (e) {
      app.log.warn({ err: e }, 'sweeping abandoned uploads failed');
    }
  };
  const sweeper = setInterval(() => void sweep(), 3600_000);
  sweeper.unref();
  app.addHook('onReady', sweep);
  app.addHook('onClose', async () => clearInterval(sweeper));
  // PATCH bodies reach the handler as the raw stream (tus: application/offset+octet-stream).
  app.addContentTypeParser(OFFSET_STREAM, (_req, payload, done) => done(null, payload));

  /** The same checks as a multipart upload's, before a byte is kept. */
  const checkTarget = async (auth: Auth, f: EvidenceUploadFields, link: LinkInput, lang: Lang) => {
    const cu = await getCycleUnitOr404(db, await getCycleOr404(db, f.cycleId), f.unitId);
    auth.require('evidence.write', unitTarget(cu));
    assertWritable(cu);
    await checkLink(db, cu, link, lang);
  };
  const linkOf = (info: EvidenceUpload): LinkInput => ({
    recordId: info.fields.recordId ?? null,
    indicator: info.fields.indicator ?? null,
    kind: info.fields.kind ?? null,
    filename: info.filename,
    capture: captureOf(info.fields),
  });
  /** The upload, when it is the caller's; 404 otherwise (another's upload is not revealed). */
  const ownUpload = async (id: string, actorId: string): Promise<UploadInfo> => {
    const info = await uploads.get(id);
    if (!info || info.owner !== actorId) throw new AppError('not_found', { subject: 'upload' });
    return info;
  };
  const tusHeaders = (reply: { header: (k: string, v: string) => unknown }) => {
    reply.header('Tus-Resumable', TUS_VERSION);
    reply.header('Cache-Control', 'no-store');
  };
  const requireVersion = (headers: Record<string, unknown>) => {
    if (headers['tus-resumable'] !== TUS_VERSION) throw new AppError('upload.version', { version: TUS_VERSION });
  };

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
          f = uploadFields(EvidenceUploadFields, fields, lang);
          link = { recordId: f.recordId ?? null, indicator: f.indicator ?? null, kind: f.kind ?? null, filename, capture: captureOf(f) };
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

  // ── issue 13: resumable uploads (tus 1.0.0) ──────────────────────────────────────────────────

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/uploads',
      summary:
        'Start a resumable evidence upload (tus 1.0.0 creation): Tus-Resumable, Upload-Length, Upload-Metadata (base64: cycleId, unitId, recordId?, indicator?, kind?, filename, sha256?). The same checks as POST /evidence before a byte is kept; 201 with Location. With `target library` (unitId, type, title, issuedOn, validUntil?, filename, sha256?) the file becomes a document of the unit’s library (the checks of POST /units/:unitId/library-documents).',
      tags,
      access: 'evidence.write',
      rawBody: true,
      noTransaction: true,
      response: { 201: ResumableUploadCreated },
    },
    async ({ auth, req, reply, lang }) => {
      requireVersion(req.headers);
      const lengthHeader = String(req.headers['upload-length'] ?? '');
      if (!/^\d{1,15}$/.test(lengthHeader)) throw new AppError('request.invalid', { summary: 'Upload-Length' });
      const length = Number(lengthHeader);
      if (length > limit) throw new AppError('request.too_large', { limit });
      if (length === 0) throw new AppError('request.invalid', { summary: detailText('upload.no_file', lang) });
      const meta = parseMetadata(req.headers['upload-metadata'] as string | undefined);
      if (!meta) throw new AppError('request.invalid', { summary: 'Upload-Metadata' });
      let info: UploadInfo;
      if (meta.target === 'library') {
        // issue 12 §3: a library document's file, checked as POST /units/:unitId/library-documents checks it.
        const { target, filename: rawName, sha256, ...fields } = uploadFields(LibraryUploadMeta, meta, lang);
        auth.require('library.manage', libraryTarget(await libraryUnitOr404(db, fields.unitId)));
        checkNewDocument(fields);
        info = await uploads.create({
          owner: auth.user().id,
          length,
          target,
          fields,
          filename: cleanName(rawName),
          sha256: sha256 ?? null,
        });
      } else {
        const m = uploadFields(ResumableUploadMeta, meta, lang);
        const { filename: rawName, sha256, ...fields } = m;
        const filename = cleanName(rawName);
        await checkTarget(
          auth,
          fields,
          { recordId: fields.recordId ?? null, indicator: fields.indicator ?? null, kind: fields.kind ?? null, filename },
          lang,
        );
        info = await uploads.create({ owner: auth.user().id, length, fields, filename, sha256: sha256 ?? null });
      }
      tusHeaders(reply);
      reply.header('Location', `${app.prefix}/uploads/${info.id}`);
      reply.header('Upload-Offset', '0');
      reply.status(201);
      return { id: info.id, offset: 0, length };
    },
  );

  defineRoute(
    app,
    {
      method: 'HEAD',
      url: '/uploads/:uploadId',
      summary: 'How much of a resumable upload the server has (tus: Upload-Offset, Upload-Length); the caller’s own uploads only',
      tags,
      access: 'evidence.write',
      params: uploadParams,
      noTransaction: true,
      response: { 200: NoContent },
    },
    async ({ auth, params, reply }) => {
      const info = await ownUpload(params.uploadId, auth.user().id);
      tusHeaders(reply);
      reply.header('Upload-Offset', String(await uploads.offset(info)));
      reply.header('Upload-Length', String(info.length));
      madeHeaders(reply, info);
      return reply.status(200).send();
    },
  );

  defineRoute(
    app,
    {
      method: 'PATCH',
      url: '/uploads/:uploadId',
      summary:
        'Send the next bytes of a resumable upload (tus: application/offset+octet-stream from Upload-Offset). The last part checks the file (structure, size, the device’s sha256), stores it, links it (audited) and answers Upload-Evidence-Id; repeating it answers the same evidence.',
      tags,
      access: 'evidence.write',
      params: uploadParams,
      rawBody: true,
      noTransaction: true,
      response: { 204: NoContent },
    },
    async ({ auth, params, req, reply, lang }) => {
      const info = await ownUpload(params.uploadId, auth.user().id);
      requireVersion(req.headers);
      if (req.headers['content-type'] !== OFFSET_STREAM) {
        throw new AppError('request.unsupported_type', { type: String(req.headers['content-type'] ?? '') });
      }
      const sentHeader = String(req.headers['upload-offset'] ?? '');
      if (!/^\d{1,15}$/.test(sentHeader)) throw new AppError('request.invalid', { summary: 'Upload-Offset' });
      if (busy.has(info.id)) throw new AppError('upload.busy');
      busy.add(info.id);
      try {
        const sent = Number(sentHeader);
        let offset = await uploads.offset(info);
        if (sent !== offset) throw new AppError('upload.offset_mismatch', { sent, offset });
        let done = info;
        if (!info.evidenceId && !info.documentId) {
          try {
            offset = await uploads.append(info, req.body as Readable);
          } catch (e) {
            if (!(e instanceof UploadOverflow)) throw e;
            await uploads.remove(info);
            throw new AppError('upload.too_long', { length: info.length });
          }
          if (offset === info.length) {
            done = isLibraryUpload(info) ? await finishLibrary(info, auth.user()) : await finish(info as EvidenceUpload, auth.user(), lang);
          }
        }
        tusHeaders(reply);
        reply.header('Upload-Offset', String(offset));
        madeHeaders(reply, done);
        return reply.status(204).send();
      } finally {
        busy.delete(info.id);
      }
    },
  );

  defineRoute(
    app,
    {
      method: 'DELETE',
      url: '/uploads/:uploadId',
      summary: 'End a resumable upload (tus termination): its received bytes are removed; evidence it already made stays',
      tags,
      access: 'evidence.write',
      params: uploadParams,
      noTransaction: true,
      response: { 204: NoContent },
    },
    async ({ auth, params, req, reply }) => {
      const info = await ownUpload(params.uploadId, auth.user().id);
      requireVersion(req.headers);
      if (busy.has(info.id)) throw new AppError('upload.busy');
      await uploads.remove(info);
      tusHeaders(reply);
      return reply.status(204).send();
    },
  );

  /**
   * The last byte arrived: the device's hash, then the structural check and the store (as a
   * multipart upload), then the link in a transaction (audited `evidence.upload`). A refused file
   * ends the upload (nothing of it stays) and answers why.
   */
  async function finish(info: EvidenceUpload, actor: Actor, lang: Lang): Promise<UploadInfo> {
    const checked = await checkedFile(info);
    const view = await db.transaction(async (tx) => {
      const fresh = await getCycleUnitOr404(tx, await getCycleOr404(tx, info.fields.cycleId), info.fields.unitId);
      assertWritable(fresh);
      await checkLink(tx, fresh, linkOf(info), lang);
      return linkEvidence(
        tx,
        actor,
        fresh,
        { sha256: checked.stored.sha256, size: checked.stored.size, mime: checked.mime },
        { ...linkOf(info), via: 'resumable' },
      );
    });
    return uploads.complete(info, view.id);
  }

  /** The device's hash, then the structural check and the store; a refused file ends the upload. */
  async function checkedFile(info: UploadInfo): Promise<Awaited<ReturnType<typeof putChecked>>> {
    if (info.sha256 && (await uploads.hash(info)) !== info.sha256) {
      await uploads.remove(info);
      throw new AppError('upload.hash_mismatch');
    }
    try {
      return await putChecked(store, { file: uploads.open(info) }, limit);
    } catch (e) {
      await uploads.remove(info);
      throw e;
    }
  }

  /** A library document's last byte: checked and stored as above, then the document made (audited `library_document.create`). */
  async function finishLibrary(info: LibraryUpload, actor: Actor): Promise<UploadInfo> {
    const checked = await checkedFile(info);
    const { unitId, ...fields } = info.fields;
    const doc = await db.transaction(async (tx) =>
      createDocument(tx, actor, await libraryUnitOr404(tx, unitId), fields, {
        sha256: checked.stored.sha256,
        size: checked.stored.size,
        mime: checked.mime,
        filename: info.filename,
        via: 'resumable',
      }),
    );
    return uploads.complete(info, { documentId: doc.id });
  }

  /** What a completed upload made: `Upload-Evidence-Id`, or `Upload-Document-Id` for a library document. */
  function madeHeaders(reply: { header: (k: string, v: string) => unknown }, info: UploadInfo): void {
    if (info.evidenceId) reply.header('Upload-Evidence-Id', info.evidenceId);
    if (info.documentId) reply.header('Upload-Document-Id', info.documentId);
  }

  await ikmEvidenceRoutes(app); // issue 11 §7
}
