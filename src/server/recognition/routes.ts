// Recognition (issue 18): unit award lists and unit piagam PDFs (verified at /verify/:code with
// the governments' certificates), the hand-over of a publication's awards, a government's facts
// box and press-release draft (text and .docx; its koordinator edits it), and the award-night
// pack (a background job). Everything is read from the publication's snapshot.
import type { FastifyInstance } from 'fastify';
import type { Lang } from '../../core/types.ts';
import { FileReply } from '../../shared/wire/common.ts';
import { Job } from '../../shared/wire/jobs.ts';
import { publicationParams } from '../../shared/wire/publications.ts';
import { PdfQuery, publicationBodyParams } from '../../shared/wire/reports.ts';
import {
  AwardNightPackIn,
  Handover,
  HandoverIn,
  Release,
  ReleaseFacts,
  ReleaseIn,
  ReleaseQuery,
  UnitAwards,
  unitAwardParams,
} from '../../shared/wire/recognition.ts';
import { getScheme } from '../../../methodologies/index.ts';
import { AppError, notFound } from '../errors.ts';
import { word } from '../i18n.ts';
import { defineRoute } from '../http/route.ts';
import type { Auth } from '../http/route.ts';
import type { Queryable } from '../db/client.ts';
import { getPublicationMeta, getPublicationRow, scopeTarget, viewOf } from '../publications/queries.ts';
import type { PublicationSnapshot } from '../../shared/wire/publications.ts';
import { provinceNames, publicationAwards } from '../awards/queries.ts';
import { renderPiagam } from '../reports/piagam.ts';
import { publicOrigin, sendPdf } from '../reports/routes.ts';
import { slug } from '../reports/pack.ts';
import { bandRef } from '../scores/breakdown.ts';
import { startJob } from '../jobs/runner.ts';
import { jobView } from '../jobs/routes.ts';
import { textToDocx } from './docx.ts';
import { type AwardNightParams, runAwardNightPack } from './pack.ts';
import { sectorName, unitPiagamInput } from './piece.ts';
import { factsOf, getHandover, piagamIssued, releaseOf, saveRelease, setHandover } from './queries.ts';
import { publicationUnitAwards, unitAwardByCode } from './unit-awards.ts';

const tags = ['recognition'];

/** The publication as the caller may see it (404 otherwise), with its row. */
async function visiblePublication(tx: Queryable, auth: Auth, publicationId: string, lang: Lang) {
  const meta = await getPublicationMeta(tx, publicationId, lang);
  const view = meta && (await viewOf(tx, auth, meta));
  if (!meta || !view) throw notFound('publication');
  return { meta, view, row: (await getPublicationRow(tx, meta.id))! };
}

/** A government of the publication's snapshot, for the release routes (release.write in scope). */
async function releaseTarget(tx: Queryable, auth: Auth, publicationId: string, bodyId: string) {
  const row = await getPublicationRow(tx, publicationId);
  if (!row) throw notFound('publication');
  const body = (row.snapshot as PublicationSnapshot).bodies.find((b) => b.id === bodyId);
  if (!body) throw notFound('body');
  auth.require('release.write', { provinceCode: body.provinceCode, bodyId: body.id });
  return { row, body };
}

export async function recognitionRoutes(app: FastifyInstance): Promise<void> {
  app.jobs.define('award-night-pack', (ctx) =>
    runAwardNightPack(ctx, app.secrets.certificate, ctx.job.params as unknown as AwardNightParams),
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/publications/:publicationId/unit-awards',
      summary:
        "A publication's unit award lists (every unit in the top band, the best of each sector in each province, the most improved) with each award's certificate code; public once released",
      tags,
      access: 'result.read',
      params: publicationParams,
      response: { 200: UnitAwards },
    },
    async ({ tx, auth, params, req, lang }) => {
      const { meta, view, row } = await visiblePublication(tx, auth, params.publicationId, lang);
      const awards = await publicationUnitAwards(tx, app.secrets.certificate, row);
      const provinces = await provinceNames(tx);
      const origin = publicOrigin(req);
      const note = [...awards.scheme.assumptions, ...(getScheme(awards.scheme.id)?.assumptions ?? [])].find(
        (a) => a.path === 'awards/units',
      )?.note;
      const visible = (awards.intact ? awards.awards : []).filter((a) => view === 'full' || a.body.id === view.bodyId);
      return {
        publication: {
          id: meta.id,
          cycle: meta.cycle,
          scope: meta.scope,
          scopeName: meta.scopeName,
          version: meta.version,
          status: meta.status,
          released: meta.released,
          publishedAt: meta.publishedAt,
        },
        topBand: bandRef(awards.scheme, awards.topBand),
        rules: {
          topBand: awards.rules?.units?.topBand ?? false,
          topPerSector: awards.rules?.units?.topPerSector ?? 0,
          mostImproved: awards.rules?.units?.mostImproved ?? 0,
          assumption: note ? word('assumption.note', lang, { note: note[lang] }) : '',
        },
        items: visible.map((a) => ({
          kind: a.kind,
          rank: a.rank,
          delta: a.delta,
          unit: { id: a.unit.id, name: a.unit.name, sector: a.unit.sector, sectorName: sectorName(a.unit.sector, lang) },
          body: { id: a.body.id, name: a.body.name, type: a.body.type, provinceCode: a.body.provinceCode },
          provinceName: a.body.provinceCode === null ? null : (provinces.get(a.body.provinceCode) ?? null),
          score: a.unit.score,
          band: bandRef(awards.scheme, a.unit.bandCode),
          previousScore: a.previousScore,
          code: a.code,
          piagamUrl: `/api/v1/publications/${meta.id}/unit-awards/${a.code}/piagam.pdf`,
          verifyUrl: `${origin}/verifikasi/${a.code}`,
        })),
      };
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/publications/:publicationId/unit-awards/:code/piagam.pdf',
      summary: "The certificate (piagam) PDF of one unit's award, with a QR code to the public verification page",
      tags,
      access: 'result.read',
      params: unitAwardParams,
      query: PdfQuery,
      response: { 200: FileReply },
    },
    async ({ tx, auth, params, query, req, reply }) => {
      const lang = query.lang as Lang;
      const { view, row } = await visiblePublication(tx, auth, params.publicationId, lang);
      const awards = await publicationUnitAwards(tx, app.secrets.certificate, row);
      const award = unitAwardByCode(awards, params.code);
      if (award === undefined || (view !== 'full' && award.body.id !== view.bodyId)) throw notFound('award');
      const handover = await getHandover(tx, row.id);
      const input = unitPiagamInput(
        award,
        awards,
        await provinceNames(tx),
        lang,
        `${publicOrigin(req)}/verifikasi/${award.code}`,
        piagamIssued(handover, row.publicAt),
      );
      const pdf = await renderPiagam(input);
      return sendPdf(
        reply,
        pdf,
        `piagam-${slug(award.unit.name)}-${slug(award.body.name)}-${award.kind}-${awards.snapshot.cycle.year}.pdf`,
      );
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/publications/:publicationId/handover',
      summary: "The date and place where a publication's results and awards are handed over (null until the Perwakilan enters them)",
      tags,
      access: 'result.read',
      params: publicationParams,
      response: { 200: Handover },
    },
    async ({ tx, auth, params, lang }) => {
      const { row } = await visiblePublication(tx, auth, params.publicationId, lang);
      return getHandover(tx, row.id);
    },
  );

  defineRoute(
    app,
    {
      method: 'PUT',
      url: '/publications/:publicationId/handover',
      summary:
        'Enter the date and place of the hand-over (award night) of a publication; audited. 409 on a superseded version (enter it on the current one)',
      tags,
      access: 'publication.manage',
      params: publicationParams,
      body: HandoverIn,
      response: { 200: Handover },
    },
    async ({ tx, auth, params, body }) => {
      const row = await getPublicationRow(tx, params.publicationId);
      if (!row) throw notFound('publication');
      auth.require('publication.manage', scopeTarget(row.scope));
      // A superseded version's awards are handed over with the version that replaced it.
      if (row.status !== 'current') throw new AppError('recognition.handover_superseded', { version: row.version });
      return setHandover(tx, auth.user(), row, body);
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/publications/:publicationId/bodies/:bodyId/facts',
      summary:
        "A government's facts box from the snapshot (score, band and zone, ranks in the province and nationally, movement, units, awards, hand-over): what its press release is built from",
      tags,
      access: 'result.read',
      params: publicationBodyParams,
      response: { 200: ReleaseFacts },
    },
    async ({ tx, auth, params, lang }) => {
      const { view, row } = await visiblePublication(tx, auth, params.publicationId, lang);
      if (view !== 'full' && view.bodyId !== params.bodyId) throw notFound('body');
      return factsOf(tx, app.secrets.certificate, row, params.bodyId, lang);
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/publications/:publicationId/bodies/:bodyId/release',
      summary:
        "A government's press-release draft in one language: the koordinator's edited text if any, the generated text, and the facts",
      tags,
      access: 'release.write',
      params: publicationBodyParams,
      query: ReleaseQuery,
      response: { 200: Release },
    },
    async ({ tx, auth, params, query }) => {
      const { row } = await releaseTarget(tx, auth, params.publicationId, params.bodyId);
      return releaseOf(tx, app.secrets.certificate, row, params.bodyId, query.lang as Lang);
    },
  );

  defineRoute(
    app,
    {
      method: 'PUT',
      url: '/publications/:publicationId/bodies/:bodyId/release',
      summary: "Store the koordinator's edited press-release text (one language); audited",
      tags,
      access: 'release.write',
      params: publicationBodyParams,
      body: ReleaseIn,
      response: { 200: Release },
    },
    async ({ tx, auth, params, body }) => {
      const { row, body: gov } = await releaseTarget(tx, auth, params.publicationId, params.bodyId);
      await saveRelease(tx, auth.user(), row, gov, body.lang as Lang, body.text);
      return releaseOf(tx, app.secrets.certificate, row, params.bodyId, body.lang as Lang);
    },
  );

  for (const ext of ['txt', 'docx'] as const) {
    defineRoute(
      app,
      {
        method: 'GET',
        url: `/publications/:publicationId/bodies/:bodyId/release.${ext}`,
        summary: `A government's press release as ${ext === 'txt' ? 'plain text' : 'a Word document (.docx)'}: the edited draft, else the generated one`,
        tags,
        access: 'release.write',
        params: publicationBodyParams,
        query: ReleaseQuery,
        response: { 200: FileReply },
      },
      async ({ tx, auth, params, query, reply }) => {
        const lang = query.lang as Lang;
        const { row, body } = await releaseTarget(tx, auth, params.publicationId, params.bodyId);
        const release = await releaseOf(tx, app.secrets.certificate, row, params.bodyId, lang);
        const name = `siaran-pers-${slug(body.name)}-${(row.snapshot as PublicationSnapshot).cycle.year}-${lang}.${ext}`;
        reply.header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'private, no-store');
        if (ext === 'txt') return reply.header('content-type', 'text/plain; charset=utf-8').send(release.text);
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
          .send(await textToDocx(release.text, lang));
      },
    );
  }

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/publications/:publicationId/award-night-pack',
      summary:
        'Start the award-night pack of a publication (running order, awardees, every piagam in one duplex PDF, a slide table) as a background job; follow it at /jobs/:jobId',
      tags,
      access: 'publication.manage',
      params: publicationParams,
      body: AwardNightPackIn,
      response: { 202: Job },
    },
    async ({ tx, auth, params, body, req, reply, lang }) => {
      const row = await getPublicationRow(tx, params.publicationId);
      if (!row) throw notFound('publication');
      auth.require('publication.manage', scopeTarget(row.scope));
      const total =
        (await publicationAwards(tx, app.secrets.certificate, row)).awards.length +
        (await publicationUnitAwards(tx, app.secrets.certificate, row)).awards.length;
      if (total === 0) throw new AppError('recognition.no_awards');
      const p: AwardNightParams = { publicationId: row.id, lang: body.lang as Lang, origin: publicOrigin(req) };
      const job = await startJob(app, tx, req, {
        kind: 'award-night-pack',
        ownerId: auth.user().id,
        params: p as unknown as Record<string, unknown>,
        total: total + 2,
      });
      reply.status(202);
      return jobView(job, lang);
    },
  );
}
