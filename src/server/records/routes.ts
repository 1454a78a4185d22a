// Record routes: single and batch ingestion (idempotent by client UUID), reads, edits, deletes,
// and the unit review workflow (submit → approve | return with a comment per indicator).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { defineRoute } from '../http/route.ts';
import { getCycleOr404 } from '../cycles/queries.ts';
import { getCycleUnitOr404, unitTarget } from '../read-models/locus.ts';
import { cycleUnitParams, pageOf, pageQuery } from '../cycles/wire.ts';
import {
  RecordContent,
  RecordInput,
  deleteRecord,
  getRecordRow,
  ingestRecords,
  listRecords,
  loadRecord,
  toRecordView,
  updateRecord,
} from './queries.ts';
import { approveUnit, returnUnit, submitUnit } from './workflow.ts';

const tags = ['records'];

export const RecordView = z.object({
  id: z.uuid(),
  cycleId: z.uuid(),
  unitId: z.uuid(),
  instrument: z.string(),
  respondent: z.string().nullable(),
  answers: z.record(z.string(), z.number().nullable()),
  remarks: z.record(z.string(), z.string()),
  notes: z.string().nullable(),
  capturedAt: z.string(),
  capturedBy: z.uuid().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  status: z.enum(['submitted', 'approved', 'returned']),
  review: z.record(z.string(), z.string()),
  contentHash: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const WireError = z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()) });
const Outcome = z.object({ id: z.string(), outcome: z.enum(['created', 'unchanged', 'rejected']), error: WireError.optional() });

/** Largest batch the sync endpoint takes in one request (one transaction). */
export const MAX_BATCH = 2000;

const idParams = z.object({ id: z.uuid() });

export async function recordRoutes(app: FastifyInstance): Promise<void> {
  defineRoute(
    app,
    {
      method: 'POST',
      url: '/records',
      summary: 'Submit one record (201 created; 200 when the same id and content was already stored; 409 id reused)',
      tags,
      access: 'record.write',
      body: RecordInput,
      response: { 200: RecordView, 201: RecordView },
    },
    async ({ tx, auth, body, lang, reply }) => {
      const { outcomes } = await ingestRecords(tx, auth, [body], lang);
      const outcome = outcomes[0]!;
      if (outcome.outcome === 'rejected') throw new AppError(outcome.error.code, outcome.error.details);
      reply.status(outcome.outcome === 'created' ? 201 : 200);
      return toRecordView((await getRecordRow(tx, body.id))!);
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/records/batch',
      summary: `Submit up to ${MAX_BATCH} records in one transaction; each is created, unchanged or rejected with its reason. Each element has the shape of POST /records.`,
      tags,
      access: 'record.write',
      body: z.object({ records: z.array(z.unknown()).min(1).max(MAX_BATCH) }),
      response: {
        200: z.object({ results: z.array(Outcome), created: z.number().int(), unchanged: z.number().int(), rejected: z.number().int() }),
      },
    },
    async ({ tx, auth, body, lang }) => {
      const r = await ingestRecords(tx, auth, body.records, lang);
      return { results: r.outcomes, created: r.created, unchanged: r.unchanged, rejected: r.rejected };
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/cycles/:cycleId/units/:unitId/records',
      summary: "A unit's records in a cycle, by instrument",
      tags,
      access: 'record.read',
      params: cycleUnitParams,
      query: z.object({
        ...pageQuery,
        instrument: z.string().max(100).optional(),
        status: z.enum(['submitted', 'approved', 'returned']).optional(),
      }),
      response: { 200: pageOf(RecordView) },
    },
    async ({ tx, auth, params, query }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      const cu = await getCycleUnitOr404(tx, cycle, params.unitId);
      auth.require('record.read', unitTarget(cu));
      return listRecords(tx, cu, query);
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/records/:id',
      summary: 'One record',
      tags,
      access: 'record.read',
      params: idParams,
      response: { 200: RecordView },
    },
    async ({ tx, auth, params }) => {
      const { row, cu } = await loadRecord(tx, params.id);
      auth.require('record.read', unitTarget(cu));
      return toRecordView(row);
    },
  );

  defineRoute(
    app,
    {
      method: 'PUT',
      url: '/records/:id',
      summary: "Replace a record's content while its unit accepts writes",
      tags,
      access: 'record.write',
      params: idParams,
      body: RecordContent,
      response: { 200: RecordView },
    },
    async ({ tx, auth, params, body, lang }) => {
      const loaded = await loadRecord(tx, params.id);
      return (await updateRecord(tx, auth, loaded, body, lang)).record;
    },
  );

  defineRoute(
    app,
    {
      method: 'DELETE',
      url: '/records/:id',
      summary: 'Delete a record while its unit accepts writes (its evidence stays with the unit)',
      tags,
      access: 'record.write',
      params: idParams,
      response: { 200: z.object({ deleted: z.uuid() }) },
    },
    async ({ tx, auth, params }) => {
      const loaded = await loadRecord(tx, params.id);
      await deleteRecord(tx, auth, loaded);
      return { deleted: params.id };
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/cycles/:cycleId/units/:unitId/submit',
      summary: 'Hand a unit in for review (its fieldwork is then locked until returned)',
      tags,
      access: 'record.write',
      params: cycleUnitParams,
      response: { 200: z.object({ status: z.literal('submitted') }) },
    },
    async ({ tx, auth, params }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      const cu = await getCycleUnitOr404(tx, cycle, params.unitId);
      await submitUnit(tx, auth, cu);
      return { status: 'submitted' as const };
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/cycles/:cycleId/units/:unitId/approve',
      summary: "Approve a submitted unit's records (its result must be complete); the body is final once all its units are",
      tags,
      access: 'record.review',
      params: cycleUnitParams,
      body: z.object({ note: z.string().trim().max(4000).nullish() }),
      response: { 200: z.object({ status: z.literal('approved'), bodyFinal: z.boolean() }) },
    },
    async ({ tx, auth, params, body }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      const cu = await getCycleUnitOr404(tx, cycle, params.unitId);
      const { bodyFinal } = await approveUnit(tx, auth, cu, body.note || null);
      return { status: 'approved' as const, bodyFinal };
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/cycles/:cycleId/units/:unitId/return',
      summary: "Return a unit's records to the assessor with a comment per indicator",
      tags,
      access: 'record.review',
      params: cycleUnitParams,
      body: z.object({
        note: z.string().trim().max(4000).nullish(),
        comments: z.record(z.string().min(1).max(100), z.string().trim().min(1).max(4000)).default({}),
      }),
      response: { 200: z.object({ status: z.literal('returned') }) },
    },
    async ({ tx, auth, params, body, lang }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      const cu = await getCycleUnitOr404(tx, cycle, params.unitId);
      await returnUnit(tx, auth, cu, { note: body.note || null, comments: body.comments }, lang);
      return { status: 'returned' as const };
    },
  );
}
