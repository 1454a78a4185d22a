// Rapor (report card) PDFs and report packs (issue 5 §3, §6).
//  - Live: a government's or a unit's current results (result.read in scope), marked SEMENTARA
//    unless a released, current publication covers the body.
//  - Published: rendered from a publication's snapshot; public once released (a superseded
//    version says so on every page).
//  - Report pack: a background job zipping every government rapor of a snapshot.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { FileReply, cycleBodyParams, cycleUnitParams } from '../../shared/wire/common.ts';
import { Job } from '../../shared/wire/jobs.ts';
import { publicationParams } from '../../shared/wire/publications.ts';
import { PdfQuery, ReportPackIn, publicationBodyParams } from '../../shared/wire/reports.ts';
import type { Lang } from '../../core/types.ts';
import { AppError, notFound } from '../errors.ts';
import { defineRoute } from '../http/route.ts';
import { cycleScheme, getCycleOr404 } from '../cycles/queries.ts';
import { bodyAssessorIds, bodyTarget, getCycleUnitOr404, getLocusBodyOr404, unitTarget } from '../read-models/locus.ts';
import type { Queryable } from '../db/client.ts';
import { startJob } from '../jobs/runner.ts';
import { jobView } from '../jobs/routes.ts';
import { getPublicationRow, scopeTarget } from '../publications/queries.ts';
import { provinceNames } from '../awards/queries.ts';
import { getBodyResult } from '../scores/queries.ts';
import { raporInputFromSnapshot, unitRanksIn } from './from-snapshot.ts';
import { publicationUnitAwards } from '../recognition/unit-awards.ts';
import { mandiriOf } from '../pekppp/mandiri.ts';
import type { RaporInput } from './types.ts';
import { type PackParams, packSize, publicationUrl, runReportPack, slug, snapshotRefOf } from './pack.ts';
import { closeSharedPool } from './pool.ts';
import { coveringPublication, cycleUnitScores, evidenceCounts, liveBody, liveUnits, snapshotPart } from './queries.ts';
import type { SnapshotRef } from './types.ts';
import type { Cycle } from '../../shared/wire/cycles.ts';
import type { BodyRef } from '../../shared/wire/registry.ts';
import type { PublicationSnapshot } from '../../shared/wire/publications.ts';

/** The rapor renderer (pdfmake, ECharts: ≈ 1.2 s to load) is loaded on the first rapor drawn here. */
async function renderRapor(...args: Parameters<typeof import('./rapor.ts').renderRapor>): Promise<Buffer> {
  const { renderRapor: render } = await import('./rapor.ts');
  return render(...args);
}

const tags = ['reports'];

/** Origin of the public web app, printed on documents and encoded in QR codes. */
export function publicOrigin(req: FastifyRequest): string {
  const configured = process.env.PUBLIC_URL?.replace(/\/+$/, '');
  return configured || `${req.protocol}://${req.host}`;
}

export function sendPdf(reply: FastifyReply, pdf: Buffer, fileName: string): FastifyReply {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `inline; filename="${fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '')}"`)
    .header('cache-control', 'private, no-store')
    .send(pdf);
}

async function provinceName(tx: Queryable, code: string | null): Promise<string | null> {
  return code === null ? null : ((await provinceNames(tx)).get(code) ?? null);
}

/** The live results' snapshot reference: the covering released publication, or null (SEMENTARA). */
async function liveRef(tx: Queryable, cycle: Cycle, provinceCode: string | null, origin: string): Promise<SnapshotRef | null> {
  const pub = await coveringPublication(tx, cycle, provinceCode);
  return pub === null ? null : { id: pub.id, version: pub.version, publishedAt: pub.publishedAt, url: publicationUrl(origin, pub.id) };
}

/** issue 16: a body's rapor rendered from a publication's snapshot (null when the body has no units in it). */
async function publishedRapor(
  tx: Queryable,
  row: NonNullable<Awaited<ReturnType<typeof getPublicationRow>>>,
  bodyId: string,
  lang: Lang,
  req: FastifyRequest,
): Promise<{ bytes: Buffer; fileName: string } | null> {
  const snapshot = row.snapshot as PublicationSnapshot;
  const part = snapshotPart(snapshot, bodyId);
  if (part === null || part.units.length === 0) return null;
  const cycle = await getCycleOr404(tx, row.cycleId);
  const scheme = await cycleScheme(tx, cycle);
  const input = raporInputFromSnapshot(scheme, {
    lang,
    cycle: { name: snapshot.cycle.name, year: snapshot.cycle.year, schemeId: snapshot.cycle.schemeId },
    body: part.body,
    units: part.units,
    provinceName: await provinceName(tx, part.body.provinceCode),
    evidence: await evidenceCounts(
      tx,
      row.cycleId,
      part.units.map((u) => u.id),
    ),
    assumptions: snapshot.assumptions,
    snapshot: await snapshotRefOf(tx, row, publicOrigin(req)),
    generatedAt: new Date().toISOString(),
  });
  return {
    bytes: await renderRapor(await withMandiri(tx, row.cycleId, input)),
    fileName: `rapor-${slug(part.body.name)}-${snapshot.cycle.year}-v${row.version}.pdf`,
  };
}

/** issue 10: a "mandiri" PEKPPP cycle's rapor says whether KemenPANRB validated it (read live: validation follows publication). */
async function withMandiri(tx: Queryable, cycleId: string, input: RaporInput): Promise<RaporInput> {
  const m = (await mandiriOf(tx, [cycleId])).get(cycleId);
  return m ? { ...input, mandiri: m } : input;
}

export async function reportRoutes(app: FastifyInstance): Promise<void> {
  // Any instance's worker may run a pack started through another.
  app.jobs.define('report-pack', (ctx) => runReportPack(ctx, ctx.job.params as unknown as PackParams, app.secrets.certificate));
  // The render workers of report packs stop with the server (a later pack starts new ones).
  app.addHook('onClose', async () => closeSharedPool());
  defineRoute(
    app,
    {
      method: 'GET',
      url: '/cycles/:cycleId/bodies/:bodyId/rapor.pdf',
      summary: "A government's rapor (PDF) from its current results; SEMENTARA unless a released publication covers it",
      tags,
      access: 'result.read',
      params: cycleBodyParams,
      query: PdfQuery,
      response: { 200: FileReply },
    },
    async ({ tx, auth, params, query, req, reply }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      const body = await getLocusBodyOr404(tx, cycle, params.bodyId);
      auth.require('result.read', await bodyTarget(tx, cycle, body));
      // issue 16: one rule for a rapor's state and ranks — when a current publication covers the
      // body (released, or under embargo for a caller who may already read it), the rapor is the
      // publication's, exactly as its permanent route and the report pack render it.
      const covering = await coveringPublication(tx, cycle, body.provinceCode, new Date(Date.UTC(9999, 11, 31)));
      if (covering !== null) {
        const row = await getPublicationRow(tx, covering.id);
        if (row) {
          const pdf = await publishedRapor(tx, row, body.id, query.lang as Lang, req);
          if (pdf !== null) return sendPdf(reply, pdf.bytes, pdf.fileName);
        }
      }
      const snapBody = liveBody(await getBodyResult(tx, cycle, body));
      const units = await liveUnits(tx, cycle.id, body.id);
      if (snapBody === null || units.length === 0) throw new AppError('report.no_result', { subject: body.name });
      const scheme = await cycleScheme(tx, cycle);
      const input = raporInputFromSnapshot(scheme, {
        lang: query.lang as Lang,
        cycle: { name: cycle.name, year: cycle.year, schemeId: cycle.schemeId },
        body: snapBody,
        units,
        provinceName: await provinceName(tx, body.provinceCode),
        evidence: await evidenceCounts(
          tx,
          cycle.id,
          units.map((u) => u.id),
        ),
        assumptions: scheme.assumptions,
        snapshot: await liveRef(tx, cycle, body.provinceCode, publicOrigin(req)),
        generatedAt: new Date().toISOString(),
      });
      return sendPdf(reply, await renderRapor(await withMandiri(tx, cycle.id, input)), `rapor-${slug(body.name)}-${cycle.year}.pdf`);
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/cycles/:cycleId/units/:unitId/rapor.pdf',
      summary: "A service unit's rapor (PDF) from its current results, with the detailed indicator table",
      tags,
      access: 'result.read',
      params: cycleUnitParams,
      query: PdfQuery,
      response: { 200: FileReply },
    },
    async ({ tx, auth, params, query, req, reply }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      const cu = await getCycleUnitOr404(tx, cycle, params.unitId);
      auth.require('result.read', unitTarget(cu));
      const body: BodyRef = {
        id: cu.body.id,
        code: cu.body.code,
        name: cu.body.name,
        type: cu.body.type,
        provinceCode: cu.body.provinceCode,
      };
      const units = await liveUnits(tx, cycle.id, body.id);
      const snapBody = liveBody(await getBodyResult(tx, cycle, body));
      if (snapBody === null || !units.some((u) => u.id === cu.unit.id)) throw new AppError('report.no_result', { subject: cu.unit.name });
      const scheme = await cycleScheme(tx, cycle);
      const all = await cycleUnitScores(tx, cycle.id);
      const input = raporInputFromSnapshot(scheme, {
        lang: query.lang as Lang,
        cycle: { name: cycle.name, year: cycle.year, schemeId: cycle.schemeId },
        body: snapBody,
        units,
        unitId: cu.unit.id,
        unitRanks: unitRanksIn(all, cu.unit.id),
        provinceName: await provinceName(tx, body.provinceCode),
        evidence: await evidenceCounts(tx, cycle.id, [cu.unit.id]),
        assumptions: scheme.assumptions,
        snapshot: await liveRef(tx, cycle, body.provinceCode, publicOrigin(req)),
        generatedAt: new Date().toISOString(),
      });
      return sendPdf(
        reply,
        await renderRapor(await withMandiri(tx, cycle.id, input)),
        `rapor-unit-${slug(cu.unit.name)}-${cycle.year}.pdf`,
      );
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/publications/:publicationId/bodies/:bodyId/rapor.pdf',
      summary: "A government's published rapor (PDF), rendered from the publication's snapshot; public once released",
      tags,
      access: 'result.read',
      params: publicationBodyParams,
      query: PdfQuery,
      response: { 200: FileReply },
    },
    async ({ tx, auth, params, query, req, reply }) => {
      const row = await getPublicationRow(tx, params.publicationId);
      if (!row) throw notFound('publication');
      const snapshot = row.snapshot as PublicationSnapshot;
      const part = snapshotPart(snapshot, params.bodyId);
      if (part === null) throw notFound('body');
      const released = row.publicAt.getTime() <= Date.now();
      auth.require('result.read', {
        provinceCode: part.body.provinceCode,
        bodyId: part.body.id,
        assessorIds: await bodyAssessorIds(tx, row.cycleId, part.body.id),
        published: released,
      });
      if (part.units.length === 0) throw new AppError('report.no_result', { subject: part.body.name });
      const pdf = (await publishedRapor(tx, row, part.body.id, query.lang as Lang, req))!;
      return sendPdf(reply, pdf.bytes, pdf.fileName);
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/publications/:publicationId/report-pack',
      summary:
        "Start a report pack: every government rapor of the publication's snapshot (optionally every unit rapor and every unit award's piagam, dated as the hand-over) in one zip, rendered in the background; follow it at /jobs/:jobId",
      tags,
      access: 'publication.manage',
      params: publicationParams,
      body: ReportPackIn,
      response: { 202: Job },
    },
    async ({ tx, auth, params, body, req, reply, lang }) => {
      const row = await getPublicationRow(tx, params.publicationId);
      if (!row) throw notFound('publication');
      auth.require('publication.manage', scopeTarget(row.scope));
      const snapshot = row.snapshot as PublicationSnapshot;
      const unitAwards = body.units ? await publicationUnitAwards(tx, app.secrets.certificate, row) : null;
      const total = packSize(snapshot, body.units) + (unitAwards?.intact ? unitAwards.awards.length : 0);
      if (total === 0) throw new AppError('report.pack_empty');
      const params2 = { publicationId: row.id, lang: body.lang as Lang, units: body.units, origin: publicOrigin(req) };
      const job = await startJob(app, tx, req, { kind: 'report-pack', ownerId: auth.user().id, params: params2, total });
      reply.status(202);
      return jobView(job, lang);
    },
  );
}
