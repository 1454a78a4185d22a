// Follow-up action routes (issue 12): plan on a unit, list in scope, detail, edit, progress with
// evidence (multipart upload to the evidence store), verification, comments, evidence download.
import type { FastifyInstance } from 'fastify';
import { FileReply, unitParams } from '../../shared/wire/common.ts';
import {
  ActionDetail,
  ActionEvidence,
  ActionIn,
  ActionPage,
  ActionPatchIn,
  ActionsQuery,
  CommentIn,
  ProgressIn,
  VerifyIn,
  actionFileParams,
  actionParams,
} from '../../shared/wire/actions.ts';
import { MAX_UPLOAD_BYTES } from '../../shared/wire/limits.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { defineRoute } from '../http/route.ts';
import { receiveOneFile } from '../evidence/upload.ts';
import { sendEvidenceFile } from '../evidence/send.ts';
import type { EvidenceStore } from '../evidence/store.ts';
import {
  actionDetail,
  actionTarget,
  actionUnitTarget,
  attachEvidence,
  commentAction,
  createAction,
  getActionEvidenceOr404,
  getUnitWithBodyOr404,
  listActions,
  loadActionOr404,
  reportProgress,
  updateAction,
  verifyAction,
} from './queries.ts';
import { checkActionSource } from './sources.ts';

const tags = ['actions'];

export async function actionRoutes(app: FastifyInstance): Promise<void> {
  const store: EvidenceStore = app.stores.evidence;
  const limit = app.config.maxUploadBytes ?? MAX_UPLOAD_BYTES;
  const db = app.db as Db;

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/actions',
      summary: 'Follow-up actions in the caller’s scope, with counts per status and timing (overdue, due soon)',
      tags,
      access: 'action.read',
      query: ActionsQuery,
      response: { 200: ActionPage },
    },
    async ({ tx, auth, query }) => listActions(tx, auth.actor, query),
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/units/:unitId/actions',
      summary: 'Plan a follow-up action on a unit (from a finding, an SKM unsur, or by hand)',
      tags,
      access: 'action.plan',
      params: unitParams,
      body: ActionIn,
      response: { 201: ActionDetail },
    },
    async ({ tx, auth, params, body, reply, lang }) => {
      const unit = await getUnitWithBodyOr404(tx, params.unitId);
      auth.require('action.plan', await actionUnitTarget(tx, unit));
      const out = await createAction(tx, auth.user(), unit, body, (t, u, i) => checkActionSource(t, u, i, lang));
      reply.status(201);
      return out;
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/actions/:actionId',
      summary: 'One follow-up action with its updates and evidence',
      tags,
      access: 'action.read',
      params: actionParams,
      response: { 200: ActionDetail },
    },
    async ({ tx, auth, params }) => {
      const a = await loadActionOr404(tx, params.actionId);
      auth.require('action.read', await actionTarget(tx, a));
      return actionDetail(tx, a);
    },
  );

  defineRoute(
    app,
    {
      method: 'PATCH',
      url: '/actions/:actionId',
      summary: 'Edit the plan of an action (title, person in charge, due date, target level, notes)',
      tags,
      access: 'action.plan',
      params: actionParams,
      body: ActionPatchIn,
      response: { 200: ActionDetail },
    },
    async ({ tx, auth, params, body }) => {
      const a = await loadActionOr404(tx, params.actionId);
      auth.require('action.plan', await actionTarget(tx, a));
      return updateAction(tx, auth.user(), a, body);
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/actions/:actionId/progress',
      summary: 'Report progress: a note, optionally in_progress or done, and evidence uploaded to the action',
      tags,
      access: 'action.report',
      params: actionParams,
      body: ProgressIn,
      response: { 200: ActionDetail },
    },
    async ({ tx, auth, params, body }) => {
      const a = await loadActionOr404(tx, params.actionId);
      auth.require('action.report', await actionTarget(tx, a));
      return reportProgress(tx, auth.user(), a, body);
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/actions/:actionId/evidence',
      summary:
        'Upload one evidence file for an action (multipart/form-data: the file). JPEG, PNG, WebP or PDF, checked on the file structure; name it in a progress report.',
      tags,
      access: 'action.report',
      params: actionParams,
      rawBody: true,
      noTransaction: true,
      response: { 201: ActionEvidence },
    },
    async ({ auth, req, reply, params, lang }) => {
      const a = await loadActionOr404(db, params.actionId);
      auth.require('action.report', await actionTarget(db, a));
      if (a.row.status === 'verified') throw new AppError('action.closed');
      const result = await receiveOneFile(req, {
        store,
        limit,
        lang,
        save: (file) =>
          db.transaction(async (tx) =>
            attachEvidence(
              tx,
              auth.user(),
              await loadActionOr404(tx, params.actionId),
              { sha256: file.sha256, size: file.size, mime: file.mime },
              file.filename,
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
      url: '/actions/:actionId/evidence/:fileId',
      summary: 'Download one evidence file of an action',
      tags,
      access: 'action.read',
      params: actionFileParams,
      noTransaction: true,
      response: { 200: FileReply },
    },
    async ({ db: handle, auth, params, reply }) => {
      const a = await loadActionOr404(handle, params.actionId);
      auth.require('action.read', await actionTarget(handle, a));
      const view = await getActionEvidenceOr404(handle, a, params.fileId);
      const stream = await store.get(view.sha256);
      if (!stream) throw new AppError('not_found', { subject: 'action_evidence' });
      return sendEvidenceFile(reply, stream, view);
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/actions/:actionId/verify',
      summary: 'Verify a done action (accepted → verified) or refuse it with a note (→ in_progress)',
      tags,
      access: 'action.verify',
      params: actionParams,
      body: VerifyIn,
      response: { 200: ActionDetail },
    },
    async ({ tx, auth, params, body }) => {
      const a = await loadActionOr404(tx, params.actionId);
      auth.require('action.verify', await actionTarget(tx, a));
      return verifyAction(tx, auth.user(), a, body);
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/actions/:actionId/comments',
      summary: 'Comment on an action (the pimpinan follows its province’s progress)',
      tags,
      access: 'action.comment',
      params: actionParams,
      body: CommentIn,
      response: { 200: ActionDetail },
    },
    async ({ tx, auth, params, body }) => {
      const a = await loadActionOr404(tx, params.actionId);
      auth.require('action.comment', await actionTarget(tx, a));
      return commentAction(tx, auth.user(), a, body);
    },
  );
}
