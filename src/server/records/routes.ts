// Record routes: single and batch ingestion (idempotent by client UUID), reads, edits, deletes,
// and the unit review workflow (submit → approve | return with a comment per indicator).
import type { FastifyInstance } from 'fastify';
import { cycleUnitParams, pageOf } from '../../shared/wire/common.ts';
import {
  RecordBatchIn,
  RecordBatchOut,
  RecordContent,
  RecordDeleted,
  RecordInput,
  RecordView,
  RecordsQuery,
  recordParams,
} from '../../shared/wire/records.ts';
import { ApproveIn, Approved, LeadReviewed, ReturnIn, Returned, Submitted } from '../../shared/wire/review.ts';
import { LeadReviewIn } from '../../shared/wire/visits.ts';
import { MAX_RECORD_BATCH } from '../../shared/wire/limits.ts';
import { AppError } from '../errors.ts';
import { defineRoute } from '../http/route.ts';
import { getCycleOr404 } from '../cycles/queries.ts';
import { getCycleUnitOr404, unitTarget } from '../read-models/locus.ts';
import { deleteRecord, getRecordRow, ingestRecords, listRecords, loadRecord, toRecordView, updateRecord } from './queries.ts';
import { approveUnit, leadReviewUnit, returnUnit, submitUnit } from './workflow.ts';

const tags = ['records'];

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
      summary: `Submit up to ${MAX_RECORD_BATCH} records in one transaction; each is created, unchanged or rejected with its reason. Each element has the shape of POST /records.`,
      tags,
      access: 'record.write',
      body: RecordBatchIn,
      response: { 200: RecordBatchOut },
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
      query: RecordsQuery,
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
      params: recordParams,
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
      params: recordParams,
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
      params: recordParams,
      response: { 200: RecordDeleted },
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
      response: { 200: Submitted },
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
      body: ApproveIn,
      response: { 200: Approved },
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
      body: ReturnIn,
      response: { 200: Returned },
    },
    async ({ tx, auth, params, body, lang }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      const cu = await getCycleUnitOr404(tx, cycle, params.unitId);
      await returnUnit(tx, auth, cu, { note: body.note || null, comments: body.comments }, lang);
      return { status: 'returned' as const };
    },
  );

  // issue 13 §6: the team lead's review level (where the cycle has it on for the unit's Perwakilan).
  defineRoute(
    app,
    {
      method: 'POST',
      url: '/cycles/:cycleId/units/:unitId/lead-review',
      summary: 'A team lead passes a handed-in unit on to the pimpinan (submitted → reviewed)',
      tags,
      access: 'record.lead_review',
      params: cycleUnitParams,
      body: LeadReviewIn,
      response: { 200: LeadReviewed },
    },
    async ({ tx, auth, params, body }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      const cu = await getCycleUnitOr404(tx, cycle, params.unitId);
      await leadReviewUnit(tx, auth, cu, body.note || null);
      return { status: 'reviewed' as const };
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/cycles/:cycleId/units/:unitId/lead-return',
      summary: "A team lead returns a handed-in unit's records to the assessor with a comment per indicator",
      tags,
      access: 'record.lead_review',
      params: cycleUnitParams,
      body: ReturnIn,
      response: { 200: Returned },
    },
    async ({ tx, auth, params, body, lang }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      const cu = await getCycleUnitOr404(tx, cycle, params.unitId);
      await returnUnit(tx, auth, cu, { note: body.note || null, comments: body.comments }, lang, new Date(), 'lead');
      return { status: 'returned' as const };
    },
  );
}
