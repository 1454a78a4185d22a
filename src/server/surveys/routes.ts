// Public surveys (issue 11): set-up by the unit's operator or koordinator, the public
// questionnaire and its anonymous responses (no login: signed device token, rate limits per IP
// and per survey, honeypot, the engine's burst and per-device checks), paper entry, moderation,
// results with the IKM, publication of a unit's IKM, the poster and the SKM report.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { bodyParams, unitParams } from '../../shared/wire/common.ts';
import {
  KioskToken,
  ModerationIn,
  PaperResponseIn,
  PublicSurvey,
  PublishedIkmList,
  Survey,
  SurveyIn,
  SurveyLink,
  SurveyList,
  SurveyPatchIn,
  SurveyQuestionnaire,
  SurveyScan,
  SurveyResponseAck,
  SurveyResponseIn,
  SurveyResults,
  surveyCodeParams,
  surveyParams,
  surveyResponseParams,
} from '../../shared/wire/surveys.ts';
import { AppError } from '../errors.ts';
import { defineRoute } from '../http/route.ts';
import { ResponseBatcher } from './batcher.ts';
import { RateLimiter, type SurveyLimits, surveyLimitsFromEnv } from './limits.ts';
import {
  acceptedResponsesCsv,
  auditKiosk,
  createSurvey,
  enterPaper,
  getBodyRowOr404,
  forgetSurveyCode,
  getSurveyByCodeCached,
  getSurveyByCodeOr404,
  getSurveyOr404,
  getUnitRowOr404,
  listBodySurveys,
  listUnitSurveys,
  moderateSuggestion,
  publicForm,
  publicResponse,
  publishSurvey,
  publishedIkm,
  storeScan,
  surveyOut,
  surveyResults,
  surveyActions,
  surveyScheme,
  surveyTarget,
  updateSurvey,
} from './queries.ts';
import { renderPoster, renderSkmReport } from './pdf.ts';
import { deviceKey, issueDeviceToken, kioskToken, verifyDeviceToken, verifyKioskToken } from './tokens.ts';
import { qrSvg } from '../reports/piagam.ts';
import { MAX_UPLOAD_BYTES } from '../../shared/wire/limits.ts';
import type { Db } from '../db/client.ts';
import { receiveOneFile } from '../evidence/upload.ts';
import { publicOrigin, sendPdf } from '../reports/routes.ts';

const tags = ['surveys'];

/** The public link of a survey (the respondent page), with a kiosk token for kiosk mode. */
export const surveyLink = (origin: string, code: string, kiosk?: string): string =>
  `${origin}/s/${code}${kiosk ? `?kiosk=${encodeURIComponent(kiosk)}` : ''}`;

export async function surveyRoutes(app: FastifyInstance, limits: SurveyLimits = surveyLimitsFromEnv()): Promise<void> {
  const perIp = new RateLimiter(limits.perIp);
  const perSurvey = new RateLimiter(limits.perSurvey);
  const tokensPerIp = new RateLimiter(limits.tokensPerIp);
  // Anonymous responses are stored in group commits; those waiting are stored before the
  // database closes (onClose hooks run before the caller closes it).
  const batcher = new ResponseBatcher(app.db, limits.batch);
  app.addHook('onClose', () => batcher.drain());
  const limited = (seconds: number) => {
    if (seconds > 0) throw new AppError('survey.rate_limited', { seconds });
  };

  // ── Set-up and reads by the unit ──
  defineRoute(
    app,
    {
      method: 'GET',
      url: '/units/:unitId/surveys',
      summary: "A unit's surveys with accepted and flagged counts",
      tags,
      access: 'survey.read',
      params: unitParams,
      response: { 200: SurveyList },
    },
    async ({ tx, auth, params }) => {
      const unit = await getUnitRowOr404(tx, params.unitId);
      auth.require('survey.read', { provinceCode: unit.provinceCode, bodyId: unit.bodyId, unitId: unit.id });
      return { items: await listUnitSurveys(tx, unit.id) };
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/bodies/:bodyId/surveys',
      summary: "The surveys of a body's units with accepted and flagged counts (the koordinator's list)",
      tags,
      access: 'survey.read',
      params: bodyParams,
      response: { 200: SurveyList },
    },
    async ({ tx, auth, params }) => {
      const body = await getBodyRowOr404(tx, params.bodyId);
      auth.require('survey.read', { provinceCode: body.provinceCode, bodyId: body.id });
      return { items: await listBodySurveys(tx, body.id) };
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/units/:unitId/surveys',
      summary: 'Set up a survey: period, services, expected users (→ minimum sample), open and close dates',
      tags,
      access: 'survey.manage',
      params: unitParams,
      body: SurveyIn,
      response: { 200: Survey },
    },
    async ({ tx, auth, params, body }) => {
      const unit = await getUnitRowOr404(tx, params.unitId);
      auth.require('survey.manage', { provinceCode: unit.provinceCode, bodyId: unit.bodyId, unitId: unit.id });
      return surveyOut(tx, await createSurvey(tx, auth.user(), unit, body));
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/surveys/:surveyId',
      summary: 'One survey',
      tags,
      access: 'survey.read',
      params: surveyParams,
      response: { 200: Survey },
    },
    async ({ tx, auth, params }) => {
      const s = await getSurveyOr404(tx, params.surveyId);
      auth.require('survey.read', surveyTarget(s));
      return surveyOut(tx, s);
    },
  );

  defineRoute(
    app,
    {
      method: 'PATCH',
      url: '/surveys/:surveyId',
      summary: "Change a survey's dates, services or expected users",
      tags,
      access: 'survey.manage',
      params: surveyParams,
      body: SurveyPatchIn,
      response: { 200: Survey },
    },
    async ({ tx, auth, params, body }) => {
      const s = await getSurveyOr404(tx, params.surveyId);
      auth.require('survey.manage', surveyTarget(s));
      forgetSurveyCode(s.code);
      const updated = await updateSurvey(tx, auth.user(), s, body);
      forgetSurveyCode(s.code);
      return surveyOut(tx, updated);
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/surveys/:surveyId/link',
      summary: 'The public link of a survey with its QR code (SVG data URL)',
      tags,
      access: 'survey.read',
      params: surveyParams,
      response: { 200: SurveyLink },
    },
    async ({ tx, auth, params, req }) => {
      const s = await getSurveyOr404(tx, params.surveyId);
      auth.require('survey.read', surveyTarget(s));
      const url = surveyLink(publicOrigin(req), s.code);
      return { url, qr: `data:image/svg+xml;base64,${Buffer.from(qrSvg(url)).toString('base64')}` };
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/surveys/:surveyId/kiosk',
      summary: 'The kiosk link of a survey (a tablet in the service hall: no per-device limit)',
      tags,
      access: 'survey.manage',
      params: surveyParams,
      response: { 200: KioskToken },
    },
    async ({ tx, auth, params, req }) => {
      const s = await getSurveyOr404(tx, params.surveyId);
      auth.require('survey.manage', surveyTarget(s));
      await auditKiosk(tx, auth.user(), s);
      const token = kioskToken(app.secrets.session, s.id);
      return { kioskToken: token, url: surveyLink(publicOrigin(req), s.code, token) };
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/surveys/:surveyId/results',
      summary: 'IKM per unsur, progress against the sample, profile, flagged responses with reasons, suggestions',
      tags,
      access: 'survey.read',
      params: surveyParams,
      response: { 200: SurveyResults },
    },
    async ({ tx, auth, params }) => {
      const s = await getSurveyOr404(tx, params.surveyId);
      auth.require('survey.read', surveyTarget(s));
      return surveyResults(tx, s);
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/surveys/:surveyId/paper',
      summary: 'Type a paper form (its scan uploaded as evidence first)',
      tags,
      access: 'survey.manage',
      params: surveyParams,
      body: PaperResponseIn,
      response: { 200: z.object({ id: z.uuid(), accepted: z.boolean() }) },
    },
    async ({ tx, auth, params, body }) => {
      const s = await getSurveyOr404(tx, params.surveyId);
      auth.require('survey.manage', surveyTarget(s));
      const out = await enterPaper(tx, auth.user(), await surveyScheme(tx, s), s, body);
      return { id: body.id, accepted: out.accepted };
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/surveys/:surveyId/questionnaire',
      summary: 'The questionnaire of a survey (items, answers, profile) for typing its paper forms',
      tags,
      access: 'survey.read',
      params: surveyParams,
      response: { 200: SurveyQuestionnaire },
    },
    async ({ tx, auth, params }) => {
      const s = await getSurveyOr404(tx, params.surveyId);
      auth.require('survey.read', surveyTarget(s));
      const { deviceToken: _none, ...form } = publicForm(await surveyScheme(tx, s), s, '', new Date());
      return form;
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/surveys/:surveyId/scans',
      summary:
        "Upload a paper form's scan (multipart/form-data, one file: JPEG, PNG, WebP or PDF, checked by content); its sha256 then goes with the typed form (POST /surveys/:surveyId/paper)",
      tags,
      access: 'survey.manage',
      params: surveyParams,
      rawBody: true,
      noTransaction: true,
      response: { 201: SurveyScan },
    },
    async ({ db, auth, params, req, reply, lang }) => {
      // Refused before a byte is read: another organisation's survey is not written to.
      const s = await getSurveyOr404(db, params.surveyId);
      auth.require('survey.manage', surveyTarget(s));
      const result = await receiveOneFile(req, {
        store: app.stores.evidence,
        limit: app.config.maxUploadBytes ?? MAX_UPLOAD_BYTES,
        lang,
        save: (file) => (db as Db).transaction((tx) => storeScan(tx, auth.user(), s, file)),
      });
      reply.status(201);
      return result;
    },
  );

  defineRoute(
    app,
    {
      method: 'PUT',
      url: '/surveys/:surveyId/responses/:responseId/suggestion',
      summary: 'Moderate a suggestion (approved ones may be published)',
      tags,
      access: 'survey.manage',
      params: surveyResponseParams,
      body: ModerationIn,
      response: { 200: z.object({ id: z.uuid(), status: ModerationIn.shape.status }) },
    },
    async ({ tx, auth, params, body }) => {
      const s = await getSurveyOr404(tx, params.surveyId);
      auth.require('survey.manage', surveyTarget(s));
      await moderateSuggestion(tx, auth.user(), s, params.responseId, body.status);
      return { id: params.responseId, status: body.status };
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/surveys/:surveyId/publication',
      summary: "Publish the unit's IKM of this survey (public portal, open data)",
      tags,
      access: 'survey.manage',
      params: surveyParams,
      response: { 200: Survey },
    },
    async ({ tx, auth, params }) => {
      const s = await getSurveyOr404(tx, params.surveyId);
      auth.require('survey.manage', surveyTarget(s));
      return surveyOut(tx, await publishSurvey(tx, auth.user(), s));
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/surveys/:surveyId/poster.pdf',
      summary: 'A4 poster with the QR code of the survey link and the unit name',
      tags,
      access: 'survey.read',
      params: surveyParams,
      response: { 200: z.any() },
    },
    async ({ tx, auth, params, req, reply, lang }) => {
      const s = await getSurveyOr404(tx, params.surveyId);
      auth.require('survey.read', surveyTarget(s));
      return sendPdf(reply, await renderPoster(s, surveyLink(publicOrigin(req), s.code), lang), `poster-survei-${s.code}.pdf`);
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/surveys/:surveyId/responses.csv',
      summary: "The survey's accepted responses as CSV for the unit (no device key, approved suggestions only)",
      tags,
      access: 'survey.manage',
      params: surveyParams,
      response: { 200: z.any() },
    },
    async ({ tx, auth, params, reply }) => {
      const s = await getSurveyOr404(tx, params.surveyId);
      auth.require('survey.manage', surveyTarget(s));
      const csv = await acceptedResponsesCsv(tx, await surveyScheme(tx, s), s);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="survei-${s.code}-${s.periodKey}.csv"`)
        .header('cache-control', 'private, no-store')
        .send(csv);
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/surveys/:surveyId/report.pdf',
      summary: 'The SKM report: method, sample, results per unsur, analysis, follow-up plan',
      tags,
      access: 'survey.read',
      params: surveyParams,
      response: { 200: z.any() },
    },
    async ({ tx, auth, params, reply, lang }) => {
      const s = await getSurveyOr404(tx, params.surveyId);
      auth.require('survey.read', surveyTarget(s));
      const results = await surveyResults(tx, s);
      if (!results.ikm) throw new AppError('survey.no_responses');
      return sendPdf(
        reply,
        await renderSkmReport(results, lang, await surveyActions(tx, s.id)),
        `laporan-skm-${s.code}-${s.periodKey}.pdf`,
      );
    },
  );

  // ── Public: no login ──
  defineRoute(
    app,
    {
      method: 'GET',
      url: '/public/surveys/:surveyCode',
      summary: 'The public questionnaire of a survey, with a fresh signed device token',
      tags,
      access: 'public',
      params: surveyCodeParams,
      response: { 200: PublicSurvey },
    },
    async ({ tx, params, req, reply }) => {
      limited(tokensPerIp.hit(req.ip));
      const s = await getSurveyByCodeOr404(tx, params.surveyCode);
      reply.header('cache-control', 'no-store');
      return publicForm(await surveyScheme(tx, s), s, issueDeviceToken(app.secrets.session), new Date());
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/public/surveys/:surveyCode/responses',
      summary: 'An anonymous response (kept with abuse flags; outside the open dates refused)',
      tags,
      access: 'public',
      params: surveyCodeParams,
      body: SurveyResponseIn,
      response: { 200: SurveyResponseAck },
      // Results-day campaigns: the response joins a group commit (batcher.ts) — one transaction
      // for the responses of many concurrent requests, each answered once its batch committed.
      // The survey is cached by code (getSurveyByCodeCached).
      noTransaction: true,
    },
    async ({ db, params, body, req }) => {
      limited(perIp.hit(req.ip));
      limited(perSurvey.hit(params.surveyCode));
      const deviceId = verifyDeviceToken(app.secrets.session, body.deviceToken);
      if (deviceId === null) throw new AppError('survey.token_invalid');
      const s = await getSurveyByCodeCached(db, params.surveyCode);
      const kiosk = body.kioskToken !== undefined && body.kioskToken !== '';
      if (kiosk && !verifyKioskToken(app.secrets.session, s.id, body.kioskToken!)) throw new AppError('survey.token_invalid');
      const scheme = await surveyScheme(db, s);
      const incoming = publicResponse(scheme, s, body, { deviceKey: deviceKey(s.id, deviceId), kiosk, now: new Date() });
      await batcher.submit(scheme, s, incoming);
      // The same answer whatever the verdict: a bot learns nothing from it.
      return { id: body.id, received: true as const };
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/public/ikm',
      summary: 'Published unit IKM (public portal and open data), optionally of one unit',
      tags,
      access: 'public',
      query: z.object({ unitId: z.uuid().optional() }),
      response: { 200: PublishedIkmList },
    },
    async ({ tx, query }) => ({ items: await publishedIkm(tx, query.unitId) }),
  );
}
