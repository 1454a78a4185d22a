// Excel exports and imports (issue 5 §5): a leaderboard and a body's breakdown as direct
// downloads; a cycle's full results as a background job with progress; the import templates;
// historical results → a new imported cycle (validated in the request, inserted by a job); a
// unit's answer sheets → records through the same ingestion as POST /records/batch. Imports are
// all-or-nothing: any issue → 422 `import.invalid` with every issue located (sheet, row,
// column) and translated, and nothing saved.
import { createHash } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { FileReply, cycleBodyParams, cycleParams, cycleUnitParams, langQuery } from '../../shared/wire/common.ts';
import { Job } from '../../shared/wire/jobs.ts';
import { AnswersImported, CycleExportIn, RankingXlsxQuery, ResultsImportFields } from '../../shared/wire/transfer.ts';
import { ActionsXlsxQuery } from '../../shared/wire/actions.ts';
import type { Lang } from '../../core/types.ts';
import { getScheme } from '../../../methodologies/index.ts';
import { AppError, detailText } from '../errors.ts';
import { defineRoute } from '../http/route.ts';
import { assertOfficial, cycleScheme, getCycleOr404 } from '../cycles/queries.ts';
import { assertWritable } from '../records/workflow.ts';
import { bodyTarget, getCycleUnitOr404, getLocusBodyOr404, unitTarget } from '../read-models/locus.ts';
import { jobView } from '../jobs/routes.ts';
import { ownerActor, startJob } from '../jobs/runner.ts';
import { cycleIsPublic } from '../publications/visibility.ts';
import { rankingGroupOf } from '../scores/queries.ts';
import type { ImportIssue } from '../exports/types.ts';
import { answersTemplateXlsx, parseAnswersImport, parseResultsImport, resultsTemplateXlsx } from '../exports/import.ts';
import { fileName, wireIssues } from './i18n.ts';
import {
  XLSX_MIME,
  actionsFile,
  bodyBreakdownFile,
  createImportedCycle,
  cycleIssues,
  cycleResultsFile,
  ingestImportedAnswers,
  leaderboardFile,
  registryLookup,
  unitResultSummary,
} from './queries.ts';

const tags = ['transfer'];
const File = FileReply.describe('.xlsx file');

/** 422: every issue, translated; the request changes nothing. */
function invalid(issues: readonly ImportIssue[], lang: Lang): AppError {
  return new AppError('import.invalid', { count: issues.length, issues: wireIssues(issues, lang) });
}

function sendXlsx(reply: FastifyReply, fileName: string, buffer: Buffer): FastifyReply {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return reply
    .header('content-type', XLSX_MIME)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header('cache-control', 'private, no-store')
    .send(buffer);
}

interface Upload {
  fields: Record<string, string>;
  fileName: string;
  buffer: Buffer;
  sha256: string;
}

/** Reads a multipart form with one file (any order of fields and file), size-limited by the multipart plugin. */
async function readUpload(req: FastifyRequest, lang: Lang): Promise<Upload> {
  if (!req.isMultipart()) throw new AppError('import.no_file');
  const fields: Record<string, string> = {};
  let file: { name: string; buffer: Buffer } | null = null;
  for await (const part of req.parts()) {
    if (part.type === 'field') {
      fields[part.fieldname] = String(part.value);
      continue;
    }
    if (file) {
      part.file.resume();
      throw new AppError('request.invalid', { summary: detailText('upload.one_file', lang) });
    }
    file = { name: part.filename || 'berkas.xlsx', buffer: await part.toBuffer() };
  }
  if (!file || file.buffer.length === 0) throw new AppError('import.no_file');
  return { fields, fileName: file.name.slice(0, 200), buffer: file.buffer, sha256: createHash('sha256').update(file.buffer).digest('hex') };
}

/** Most answer rows one unit's import takes (its quotas are a few hundred sheets at most). */
const MAX_ANSWER_ROWS = 5_000;

/** Where an import job finds the rows its request validated (any instance may run it). */
const importInputKey = (jobId: string) => `jobs/${jobId}.input.json`;

export async function transferRoutes(app: FastifyInstance): Promise<void> {
  app.jobs.define('export.cycle', async (ctx) => {
    const p = ctx.job.params as { cycleId: string; lang: Lang };
    const actor = await ownerActor(ctx.db, ctx.job.ownerId);
    const cycle = await getCycleOr404(ctx.db, p.cycleId);
    const file = await cycleResultsFile(
      ctx.db,
      actor,
      cycle,
      p.lang,
      (done, total) => void ctx.progress(done, total).catch(() => undefined),
    );
    await writeFile(ctx.filePath, file.buffer);
    return { fileName: file.fileName, mime: XLSX_MIME, result: { bodies: file.bodies, units: file.units } };
  });
  app.jobs.define('import.results', async (ctx) => {
    const p = ctx.job.params as { name: string; schemeId: string; year: number; fileName: string; sha256: string };
    const input = await app.stores.files.getFile(importInputKey(ctx.job.id));
    if (!input) throw new AppError('job.not_ready', { status: 'input missing' });
    const chunks: Buffer[] = [];
    for await (const c of input.stream) chunks.push(c as Buffer);
    const rows = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const owner = await ownerActor(ctx.db, ctx.job.ownerId);
    const result = await createImportedCycle(
      ctx.db,
      { id: owner.id, username: owner.username },
      { name: p.name, schemeId: p.schemeId, year: p.year, fileName: p.fileName, sha256: p.sha256, rows },
      // Not awaited: on PGlite (one connection) the progress write waits for the open
      // import transaction; awaiting it there would deadlock.
      (done, total) => void ctx.progress(done, total).catch(() => undefined),
    );
    await app.stores.files.deleteFile(importInputKey(ctx.job.id)).catch(() => undefined);
    return { result };
  });
  // ── Exports ─────────────────────────────────────────────────────────────────────────────

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/cycles/:cycleId/rankings.xlsx',
      summary: 'A ranking group as .xlsx (same query and the same visible rows as GET /cycles/:cycleId/rankings)',
      tags,
      access: 'result.read',
      params: cycleParams,
      query: RankingXlsxQuery,
      response: { 200: File },
    },
    async ({ tx, auth, params, query, lang, reply }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      const group = rankingGroupOf(query, lang);
      assertOfficial(cycle); // issue 12 §4: never ranked
      if (!auth.actor) auth.require('result.read', { published: await cycleIsPublic(tx, cycle.id) });
      const file = await leaderboardFile(tx, auth.actor, cycle, group, lang);
      return sendXlsx(reply, file.fileName, file.buffer);
    },
  );

  // issue 12: the action board with its filters, in the caller's scope.
  defineRoute(
    app,
    {
      method: 'GET',
      url: '/actions.xlsx',
      summary: 'The follow-up action board as .xlsx (same filters, scope and counts as GET /actions; every matching row)',
      tags,
      access: 'action.read',
      query: ActionsXlsxQuery,
      response: { 200: File },
    },
    async ({ tx, auth, query, lang, reply }) => {
      const { lang: _lang, ...filters } = query;
      const file = await actionsFile(tx, auth.actor, filters, lang);
      return sendXlsx(reply, file.fileName, file.buffer);
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/cycles/:cycleId/bodies/:bodyId/breakdown.xlsx',
      summary: "A government's result with every unit's breakdown (dimensions, indicators, points lost) as .xlsx",
      tags,
      access: 'result.read',
      params: cycleBodyParams,
      query: langQuery,
      response: { 200: File },
    },
    async ({ tx, auth, params, lang, reply }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      const body = await getLocusBodyOr404(tx, cycle, params.bodyId);
      auth.require('result.read', await bodyTarget(tx, cycle, body));
      const file = await bodyBreakdownFile(tx, cycle, body, lang);
      return sendXlsx(reply, file.fileName, file.buffer);
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/cycles/:cycleId/exports/results',
      summary:
        "Start a background export of the cycle's full results (.xlsx: governments, units, dimensions, indicators, assumptions) with progress; reviewers only (admin: any cycle; pimpinan: the bodies of their province). Follow it at /jobs/:jobId.",
      tags,
      access: 'record.review',
      params: cycleParams,
      body: CycleExportIn,
      response: { 202: Job },
    },
    async ({ tx, auth, params, body, lang, req, reply }) => {
      const actor = auth.user();
      const cycle = await getCycleOr404(tx, params.cycleId);
      // A provincial cycle belongs to its Perwakilan; a national one is exported row by row.
      auth.require('record.review', { provinceCode: cycle.provinceCode ?? actor.provinceCode, internalOf: cycle.ownerBodyId });
      const fileLang = body?.lang ?? lang;
      const job = await startJob(app, tx, req, {
        kind: 'export.cycle',
        ownerId: actor.id,
        params: { cycleId: cycle.id, cycleName: cycle.name, lang: fileLang },
      });
      reply.status(202);
      return jobView(job, lang);
    },
  );

  // ── Templates ───────────────────────────────────────────────────────────────────────────

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/imports/templates/results.xlsx',
      summary: 'The historical results template (.xlsx with a Petunjuk/Instructions sheet)',
      tags,
      access: 'results.import',
      query: langQuery,
      response: { 200: File },
    },
    async ({ auth, lang, reply }) => {
      auth.require('results.import');
      return sendXlsx(reply, fileName('resultsTemplate', lang), await resultsTemplateXlsx(lang));
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/cycles/:cycleId/imports/templates/answers.xlsx',
      summary: "The answer-sheet template of the cycle's frozen scheme (a sheet per instrument, a column per indicator)",
      tags,
      access: 'record.write',
      params: cycleParams,
      query: langQuery,
      response: { 200: File },
    },
    async ({ tx, params, lang, reply }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      const scheme = await cycleScheme(tx, cycle);
      return sendXlsx(reply, fileName('answersTemplate', lang, scheme.id), await answersTemplateXlsx(scheme, lang));
    },
  );

  // ── Imports ─────────────────────────────────────────────────────────────────────────────

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/imports/results',
      summary:
        'Import historical results (multipart: fields name, schemeId, year?; then the .xlsx/CSV file). Every row is validated in the request (422 import.invalid lists every issue, nothing saved); a valid file starts a job that creates the imported cycle (final, not yet published) in one transaction.',
      tags,
      access: 'results.import',
      rawBody: true,
      noTransaction: true,
      response: { 202: Job },
    },
    async ({ db, auth, req, reply, lang }) => {
      const actor = auth.user();
      auth.require('results.import');
      const upload = await readUpload(req, lang);
      const fields = ResultsImportFields.safeParse(upload.fields);
      if (!fields.success)
        throw new AppError('request.invalid', { summary: fields.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
      const { name, schemeId } = fields.data;
      if (!getScheme(schemeId)) throw new AppError('scheme.unknown', { scheme: schemeId });
      const parsed = await parseResultsImport(upload.buffer, { lookupBody: await registryLookup(db) });
      if (!parsed.ok) throw invalid(parsed.errors, lang);
      const year = fields.data.year ?? parsed.value[0]!.year;
      const issues = cycleIssues(parsed.value, schemeId, year);
      if (issues.length > 0) throw invalid(issues, lang);
      const rows = parsed.value;
      const job = await app.db.transaction(async (t) => {
        const row = await startJob(app, t, req, {
          kind: 'import.results',
          ownerId: actor.id,
          params: { name, schemeId, year, fileName: upload.fileName, sha256: upload.sha256, rows: rows.length },
          total: rows.length,
          // The rows were validated here; a second run would only fail the same way.
          maxAttempts: 1,
        });
        // The validated rows, for whichever instance runs the job (written before the job commits).
        const tmp = join(tmpdir(), `pantau-import-${row.id}.json`);
        await writeFile(tmp, JSON.stringify(rows));
        try {
          await app.stores.files.putFile(importInputKey(row.id), tmp);
        } finally {
          await rm(tmp, { force: true });
        }
        return row;
      });
      reply.status(202);
      return jobView(job, lang);
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/cycles/:cycleId/units/:unitId/imports/answers',
      summary:
        "Import a unit's answer sheets (multipart: the .xlsx/CSV file of the cycle's answers template). Validated against the cycle's frozen scheme, then created through the same ingestion as POST /records/batch in one transaction: any refused sheet → 422 import.invalid and nothing saved. Importing the same rows again changes nothing.",
      tags,
      access: 'record.write',
      params: cycleUnitParams,
      rawBody: true,
      noTransaction: true,
      response: { 200: AnswersImported },
    },
    async ({ db, auth, params, req, lang }) => {
      const cycle = await getCycleOr404(db, params.cycleId);
      const cu = await getCycleUnitOr404(db, cycle, params.unitId);
      auth.require('record.write', unitTarget(cu));
      assertWritable(cu);
      const upload = await readUpload(req, lang);
      const scheme = await cycleScheme(db, cycle);
      // One unit's sheets go in one transaction: bounded like a large sync batch.
      const parsed = await parseAnswersImport(upload.buffer, scheme, { maxRows: MAX_ANSWER_ROWS });
      if (!parsed.ok) throw invalid(parsed.errors, lang);
      return db.transaction(async (tx) => {
        const fresh = await getCycleUnitOr404(tx, cycle, params.unitId);
        assertWritable(fresh);
        const out = await ingestImportedAnswers(tx, auth, fresh, parsed.value, upload, lang);
        if (out.issues.length > 0) throw invalid(out.issues, lang);
        return {
          sheets: parsed.value.sheets.length,
          created: out.created,
          unchanged: out.unchanged,
          result: await unitResultSummary(tx, fresh),
        };
      });
    },
  );
}
