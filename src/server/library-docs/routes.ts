// A unit's evidence library (issue 12 §3): list and add documents (multipart upload into the
// content-addressed evidence store, the same structural file check), one document with its uses
// and suggestions, edit, download, link to an indicator of a cycle or to an action (reusing the
// stored content), unlink. Managed by the unit's operator and its government's koordinator; a
// document is read by the asisten/evaluator assigned where it is linked.
import type { FastifyInstance } from 'fastify';
import { FileReply, unitParams } from '../../shared/wire/common.ts';
import {
  LibraryDocumentDeleted,
  LibraryDocumentDetail,
  LibraryDocumentFields,
  LibraryDocumentPage,
  LibraryDocumentPatch,
  LibraryLinkIn,
  LibraryLinked,
  LibraryQuery,
  libraryDocumentParams,
  libraryUseParams,
} from '../../shared/wire/library-docs.ts';
import { MAX_UPLOAD_BYTES } from '../../shared/wire/limits.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { sendEvidenceFile } from '../evidence/send.ts';
import type { EvidenceStore } from '../evidence/store.ts';
import { receiveOneFile, uploadFields } from '../evidence/upload.ts';
import { defineRoute } from '../http/route.ts';
import { putDemoLibraryFiles } from '../seed/demo-library.ts';
import {
  checkNewDocument,
  createDocument,
  deleteDocument,
  documentDetail,
  documentTarget,
  libraryTarget,
  libraryUnitOr404,
  linkDocument,
  listDocuments,
  loadDocumentOr404,
  unlinkUse,
  updateDocument,
} from './queries.ts';

const tags = ['library'];

export async function libraryDocRoutes(app: FastifyInstance): Promise<void> {
  const store: EvidenceStore = app.stores.evidence;
  const limit = app.config.maxUploadBytes ?? MAX_UPLOAD_BYTES;
  const db = app.db as Db;
  // The demo's library files (seeded before any store exists) go into the store at start.
  app.addHook('onReady', async () => {
    await putDemoLibraryFiles(db, store);
  });

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/units/:unitId/library-documents',
      summary:
        "A unit's evidence library: documents with type, dates, validity in the body's zone and where each is used; with cycleId and indicator, the documents suggested there first",
      tags,
      access: 'library.manage',
      params: unitParams,
      query: LibraryQuery,
      response: { 200: LibraryDocumentPage },
    },
    async ({ tx, auth, params, query }) => {
      const unit = await libraryUnitOr404(tx, params.unitId);
      auth.require('library.manage', libraryTarget(unit));
      return listDocuments(tx, unit, query);
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/units/:unitId/library-documents',
      summary:
        'Add a document to the unit’s library (multipart/form-data: fields type, title, issuedOn, validUntil?, then the file). JPEG, PNG, WebP or PDF, checked on the file structure; stored once by content.',
      tags,
      access: 'library.manage',
      params: unitParams,
      rawBody: true,
      noTransaction: true,
      response: { 201: LibraryDocumentDetail },
    },
    async ({ auth, req, reply, params, lang }) => {
      const unit = await libraryUnitOr404(db, params.unitId);
      auth.require('library.manage', libraryTarget(unit));
      let fields: LibraryDocumentFields;
      const result = await receiveOneFile(req, {
        store,
        limit,
        lang,
        // The fields are checked before a byte of the file is stored.
        before: (raw) => {
          fields = uploadFields(LibraryDocumentFields, raw, lang);
          checkNewDocument(fields);
        },
        save: (file) =>
          db.transaction(async (tx) => createDocument(tx, auth.user(), await libraryUnitOr404(tx, params.unitId), fields, file)),
      });
      reply.status(201);
      return result;
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/library-documents/:documentId',
      summary: 'One library document with its uses (indicators of cycles, actions) and the indicators it is suggested for',
      tags,
      access: 'library.read',
      params: libraryDocumentParams,
      response: { 200: LibraryDocumentDetail },
    },
    async ({ tx, auth, params }) => {
      const d = await loadDocumentOr404(tx, params.documentId);
      auth.require('library.read', await documentTarget(tx, d));
      return documentDetail(tx, d);
    },
  );

  defineRoute(
    app,
    {
      method: 'PATCH',
      url: '/library-documents/:documentId',
      summary: 'Edit a library document’s type, title, issuing date or validity end',
      tags,
      access: 'library.manage',
      params: libraryDocumentParams,
      body: LibraryDocumentPatch,
      response: { 200: LibraryDocumentDetail },
    },
    async ({ tx, auth, params, body }) => {
      const d = await loadDocumentOr404(tx, params.documentId);
      auth.require('library.manage', libraryTarget(d.unit));
      return updateDocument(tx, auth.user(), d, body);
    },
  );

  defineRoute(
    app,
    {
      method: 'DELETE',
      url: '/library-documents/:documentId',
      summary: 'Delete a library document linked nowhere (409 library.document_in_use while linked); the stored file stays',
      tags,
      access: 'library.manage',
      params: libraryDocumentParams,
      response: { 200: LibraryDocumentDeleted },
    },
    async ({ tx, auth, params }) => {
      const d = await loadDocumentOr404(tx, params.documentId);
      auth.require('library.manage', libraryTarget(d.unit));
      return deleteDocument(tx, auth.user(), d);
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/library-documents/:documentId/file',
      summary: 'Download a library document’s file',
      tags,
      access: 'library.read',
      params: libraryDocumentParams,
      noTransaction: true,
      response: { 200: FileReply },
    },
    async ({ db: handle, auth, params, reply }) => {
      const d = await loadDocumentOr404(handle, params.documentId);
      auth.require('library.read', await documentTarget(handle, d));
      const stream = await store.get(d.row.sha256);
      if (!stream) throw new AppError('not_found', { subject: 'library_document' });
      return sendEvidenceFile(reply, stream, { sha256: d.row.sha256, mime: d.mime, size: d.size, filename: d.row.filename });
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/library-documents/:documentId/uses',
      summary:
        'Link a library document to an indicator of a cycle the unit is assessed in ({ cycleId, indicator, kind? }) or to an action of the unit ({ actionId }); the stored file is reused',
      tags,
      access: 'library.manage',
      params: libraryDocumentParams,
      body: LibraryLinkIn,
      response: { 201: LibraryLinked },
    },
    async ({ tx, auth, params, body, reply, lang }) => {
      const d = await loadDocumentOr404(tx, params.documentId);
      auth.require('library.manage', libraryTarget(d.unit));
      const out = await linkDocument(tx, auth.user(), d, body, lang);
      reply.status(201);
      return out;
    },
  );

  defineRoute(
    app,
    {
      method: 'DELETE',
      url: '/library-documents/:documentId/uses/:useId',
      summary: 'Unlink a library document from an indicator or an action (the document and its file stay)',
      tags,
      access: 'library.manage',
      params: libraryUseParams,
      response: { 200: LibraryDocumentDetail },
    },
    async ({ tx, auth, params }) => {
      const d = await loadDocumentOr404(tx, params.documentId);
      auth.require('library.manage', libraryTarget(d.unit));
      return unlinkUse(tx, auth.user(), d, params.useId);
    },
  );
}
