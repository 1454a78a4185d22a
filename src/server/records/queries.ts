// Fieldwork records: one filled instrument sheet each, with a client-generated UUID. Here:
// the content hash, ingestion, reads, edits and deletes. Validation against the frozen scheme is
// `validate.ts`; the unit review workflow (submit, approve, return) is `workflow.ts`.
//
// Ingestion (single POST and the batch the offline app syncs through) is one pipeline:
//   parse → same id seen before? (same content: unchanged; other content: 409 record.id_reused)
//   → the unit is in the cycle's locus → the caller may write it → the cycle/unit accepts writes
//   → the answers fit the frozen scheme (the engine's own checks) → one multi-row insert
//   → one audit event per affected unit → one recompute per affected unit.
// A rejected record changes nothing; the others in the batch still go in (same transaction).
import { createHash } from 'node:crypto';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { canonicalJson } from '../../core/canonical-json.ts';
import type { Lang, Scheme } from '../../core/types.ts';
import type { Actor } from '../auth/policy.ts';
import { type AuditInput, appendAudit, appendAuditMany } from '../audit/queries.ts';
import { cycleScheme, getCycle } from '../cycles/queries.ts';
import type { Queryable, Tx } from '../db/client.ts';
import { AppError, type ErrorCode, localiseDetails, messageFor, notFound } from '../errors.ts';
import { prepareInput } from '../http/input.ts';
import { evidenceLinks } from '../evidence/schema.ts';
import type { Auth } from '../http/route.ts';
import { type CycleUnitContext, getCycleUnit, getCycleUnits, unitTarget } from '../read-models/locus.ts';
import { recomputeUnits } from '../scores/recompute.ts';
import { precheck, toSheet, validateSheets } from './validate.ts';
import { assertWritable, writableReason } from './workflow.ts';
import { assertClaimOpen, assertMayFill, mayFillFor, policyScheme } from './fillers.ts';
import { claimLocked, isClaimInstrument } from '../pekppp/state.ts';
import { records } from './schema.ts';
import { type RecordContent, RecordInput, type RecordStatus, type RecordView } from '../../shared/wire/records.ts';

// ── Parsing ─────────────────────────────────────────────────────────────────────────────────

const ALLOWED_KEYS = new Set([
  'id',
  'cycleId',
  'unitId',
  'instrument',
  'respondent',
  'answers',
  'remarks',
  'notes',
  'capturedAt',
  'latitude',
  'longitude',
  // issue 13
  'startedAt',
  'finishedAt',
  'accuracy',
  'respondentKey',
]);
const uuidShape = z.uuid();
const datetimeShape = z.iso.datetime({ offset: true });
const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const codeOk = (k: string) => k.length >= 1 && k.length <= 100;
const textOk = (v: unknown, max: number) => typeof v === 'string' && v.length <= max;

/**
 * The common case of RecordInput, checked by hand: a sync batch parses thousands of records and
 * zod's general object/record machinery is most of that cost. It accepts only what RecordInput
 * accepts unchanged (no extra keys, nothing to trim, ids and the timestamp checked by zod's own
 * string schemas) and returns the same value zod would; anything else — including every invalid
 * record — returns undefined and goes through zod, which writes the error messages.
 */
export function fastRecordInput(item: unknown): RecordInput | undefined {
  if (!isPlain(item)) return undefined;
  for (const k in item) if (!ALLOWED_KEYS.has(k)) return undefined;
  const { id, cycleId, unitId, instrument, respondent, answers, remarks, notes, capturedAt, latitude, longitude } = item;
  // issue 13: device capture fields
  for (const t of [item['startedAt'], item['finishedAt']]) {
    if (t !== undefined && t !== null && (typeof t !== 'string' || !datetimeShape.safeParse(t).success)) return undefined;
  }
  const acc = item['accuracy'];
  if (acc !== undefined && acc !== null && !(typeof acc === 'number' && Number.isFinite(acc) && acc >= 0 && acc <= 1_000_000))
    return undefined;
  const rk = item['respondentKey'];
  if (rk !== undefined && rk !== null && !(typeof rk === 'string' && /^[0-9a-f]{64}$/.test(rk))) return undefined;
  for (const u of [id, cycleId, unitId]) if (typeof u !== 'string' || !uuidShape.safeParse(u).success) return undefined;
  if (typeof instrument !== 'string' || !codeOk(instrument)) return undefined;
  if (respondent !== undefined && respondent !== null && !(textOk(respondent, 200) && respondent === (respondent as string).trim()))
    return undefined;
  if (!isPlain(answers)) return undefined;
  for (const k in answers) {
    const v = answers[k];
    if (!codeOk(k) || (v !== null && (typeof v !== 'number' || !Number.isFinite(v)))) return undefined;
  }
  if (remarks !== undefined) {
    if (!isPlain(remarks)) return undefined;
    for (const k in remarks) if (!codeOk(k) || !textOk(remarks[k], 4000)) return undefined;
  }
  if (notes !== undefined && notes !== null && !textOk(notes, 10_000)) return undefined;
  if (typeof capturedAt !== 'string' || !datetimeShape.safeParse(capturedAt).success) return undefined;
  const coordOk = (v: unknown, lim: number) =>
    v === undefined || v === null || (typeof v === 'number' && Number.isFinite(v) && v >= -lim && v <= lim);
  if (!coordOk(latitude, 90) || !coordOk(longitude, 180)) return undefined;
  return item as RecordInput;
}

type RecordRow = typeof records.$inferSelect;

export const toRecordView = (r: RecordRow): RecordView => ({
  id: r.id,
  cycleId: r.cycleId,
  unitId: r.unitId,
  instrument: r.instrument,
  respondent: r.respondent,
  answers: r.answers as RecordView['answers'],
  remarks: r.remarks as RecordView['remarks'],
  notes: r.notes,
  capturedAt: r.capturedAt.toISOString(),
  capturedBy: r.capturedBy,
  latitude: r.latitude,
  longitude: r.longitude,
  status: r.status as RecordStatus,
  review: r.review as RecordView['review'],
  contentHash: r.contentHash,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
  // issue 13
  startedAt: r.startedAt?.toISOString() ?? null,
  finishedAt: r.finishedAt?.toISOString() ?? null,
  accuracy: r.accuracy,
  respondentKey: r.respondentKey,
});

const sortedPairs = (o: Record<string, unknown> | undefined): [string, unknown][] =>
  o === undefined
    ? []
    : Object.keys(o)
        .sort()
        .map((k) => [k, o[k]]);

// issue 13: does the content carry device capture fields?
const hasCapture = (c: RecordContent): boolean => (c.startedAt ?? c.finishedAt ?? c.accuracy ?? c.respondentKey ?? null) !== null;

/**
 * sha256 over the record's content in a fixed canonical form: a JSON array of the fields in a
 * fixed order, answers and remarks as [code, value] pairs sorted by code (UTF-16 order, as
 * canonicalJson sorts keys), absent optional fields as null, the capture time normalised to UTC
 * milliseconds. Written out by hand rather than through canonicalJson because every record of
 * every sync batch is hashed.
 */
export function contentHash(cycleId: string, unitId: string, c: RecordContent): string {
  const canonical = JSON.stringify([
    cycleId,
    unitId,
    c.instrument,
    c.respondent ?? null,
    sortedPairs(c.answers),
    sortedPairs(c.remarks),
    c.notes ?? null,
    new Date(c.capturedAt).toISOString(),
    c.latitude ?? null,
    c.longitude ?? null,
    // issue 13: the capture fields count only when present, so hashes of earlier records stand.
    ...(hasCapture(c)
      ? [
          c.startedAt ? new Date(c.startedAt).toISOString() : null,
          c.finishedAt ? new Date(c.finishedAt).toISOString() : null,
          c.accuracy ?? null,
          c.respondentKey ?? null,
        ]
      : []),
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

// ── Ingestion ───────────────────────────────────────────────────────────────────────────────

export interface WireError {
  code: ErrorCode;
  message: string;
  details: Record<string, unknown>;
}

export type Outcome = { id: string; outcome: 'created' | 'unchanged' } | { id: string; outcome: 'rejected'; error: WireError };

const zodLocales = { id: z.locales.id(), en: z.locales.en() };

function wireError(code: ErrorCode, lang: Lang, details: Record<string, unknown> = {}): WireError {
  return { code, message: messageFor(code, lang, localiseDetails(code, lang, details)), details };
}

interface Candidate {
  index: number;
  input: RecordInput;
  hash: string;
  cu: CycleUnitContext;
}

export interface IngestResult {
  outcomes: Outcome[];
  created: number;
  unchanged: number;
  rejected: number;
}

/**
 * Ingests records (already JSON) in the caller's transaction. Never throws for a bad record:
 * each gets its outcome. Affected units are recomputed once at the end.
 */
export async function ingestRecords(tx: Tx, auth: Auth, items: readonly unknown[], lang: Lang, now = new Date()): Promise<IngestResult> {
  const actor = auth.user();
  const outcomes: Outcome[] = new Array(items.length);
  const reject = (i: number, id: string, code: ErrorCode, details: Record<string, unknown> = {}) => {
    outcomes[i] = { id, outcome: 'rejected', error: wireError(code, lang, details) };
  };

  // 1. Shape.
  const parsed: { index: number; input: RecordInput }[] = [];
  items.forEach((raw, index) => {
    // Ids lower-cased, unstorable text and year-0000 timestamps refused (http/input.ts), per record.
    const prepared = prepareInput(RecordInput, raw, `records.${index}`);
    if ('problem' in prepared) {
      const rawId = (raw as { id?: unknown } | null)?.id;
      reject(index, typeof rawId === 'string' ? rawId.toLowerCase() : '', prepared.problem.code, { path: prepared.problem.path });
      return;
    }
    const item = prepared.value;
    const fast = fastRecordInput(item);
    if (fast) {
      parsed.push({ index, input: fast });
      return;
    }
    const r = RecordInput.safeParse(item, { error: zodLocales[lang].localeError });
    if (r.success) {
      parsed.push({ index, input: r.data });
      return;
    }
    const id = typeof (item as { id?: unknown })?.id === 'string' ? (item as { id: string }).id : '';
    const issues = r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    reject(index, id, 'request.invalid', { summary: issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues });
  });
  if (parsed.length === 0) return tally(outcomes);

  // 2. Cycles and locus entries, in one query.
  const cycleIds = [...new Set(parsed.map((p) => p.input.cycleId))];
  const { locus, cycles: cycleMap } = await getCycleUnits(tx, cycleIds, [...new Set(parsed.map((p) => p.input.unitId))]);
  // A cycle none of whose named units is in its locus: is it there at all?
  for (const id of cycleIds) if (!cycleMap.has(id)) cycleMap.set(id, await getCycle(tx, id));

  // 3. Per record: repeats inside the batch, locus, authorisation, writability, pre-checks.
  //    Whether an id is already stored is settled by the insert itself (ON CONFLICT) and, for the
  //    records refused here, by one lookup at the end: a stored record sent again with the same
  //    content is 'unchanged' even once its unit is locked; with other content, 'id_reused'.
  /** id → hash and index of its first occurrence in this batch. */
  const seen = new Map<string, { hash: string; index: number }>();
  /** Later occurrences of an id first seen in this batch: they share the first one's fate. */
  const repeats: { index: number; first: number }[] = [];
  /** Refused before the insert; each may turn out to be a replay of a stored record. */
  const refused: { index: number; input: RecordInput; hash: string }[] = [];
  const refuse = (i: number, input: RecordInput, hash: string, code: ErrorCode, details: Record<string, unknown> = {}) => {
    reject(i, input.id, code, details);
    refused.push({ index: i, input, hash });
  };
  const candidates: Candidate[] = [];
  const schemes = new Map<string, Scheme>();
  const policies = new Map<string, Scheme>();
  for (const { index, input } of parsed) {
    const { id } = input;
    const hash = contentHash(input.cycleId, input.unitId, input);
    const first = seen.get(id);
    if (first) {
      if (first.hash !== hash) reject(index, id, 'record.id_reused', { id });
      else repeats.push({ index, first: first.index });
      continue;
    }
    seen.set(id, { hash, index });
    const cycle = cycleMap.get(input.cycleId);
    const cu = locus.get(`${input.cycleId}|${input.unitId}`);
    if (!cycle) {
      refuse(index, input, hash, 'not_found', { subject: 'cycle' });
      continue;
    }
    if (!cu) {
      refuse(index, input, hash, 'locus.unit_missing', { unit: input.unitId });
      continue;
    }
    if (!auth.can('record.write', unitTarget(cu))) {
      refuse(index, input, hash, 'auth.forbidden');
      continue;
    }
    const closed = writableReason(cycle.status, cu.status, cu.locked);
    if (closed === 'publication.locked') {
      refuse(index, input, hash, 'publication.locked', { subject: cu.body.name });
      continue;
    }
    if (closed === 'cycle.closed') {
      refuse(index, input, hash, 'cycle.closed', { status: cycle.status });
      continue;
    }
    if (closed === 'unit.locked') {
      refuse(index, input, hash, 'unit.locked', { unit: cu.unit.name, status: cu.status });
      continue;
    }
    const scheme = schemes.get(cycle.id) ?? (await cycleScheme(tx, cycle));
    schemes.set(cycle.id, scheme);
    // issue 10: the library names who fills each instrument (F-02 only the assigned evaluator, …).
    const policy = policies.get(cycle.id) ?? (await policyScheme(tx, cycle));
    policies.set(cycle.id, policy);
    if (!mayFillFor(auth, policy, input.instrument, cu)) {
      refuse(index, input, hash, 'record.filler_forbidden', { instrument: input.instrument, role: actor.role });
      continue;
    }
    if (isClaimInstrument(policy, input.instrument) && (await claimLocked(tx, cycle.id, cu.unit.id))) {
      refuse(index, input, hash, 'pekppp.claim_locked', { unit: cu.unit.name });
      continue;
    }
    const pre = precheck(scheme, input, lang);
    if (pre) {
      refuse(index, input, hash, 'record.invalid', { ...pre });
      continue;
    }
    candidates.push({ index, input, hash, cu });
  }

  // 4. The engine's checks, per cycle.
  const valid: Candidate[] = [];
  for (const [cycleId, group] of groupBy(candidates, (c) => c.input.cycleId)) {
    const scheme = await cycleScheme(tx, cycleMap.get(cycleId)!);
    const bad = validateSheets(
      scheme,
      group.map((c) => toSheet(c.input)),
      lang,
    );
    group.forEach((c, k) => {
      const why = bad.get(k);
      if (why) refuse(c.index, c.input, c.hash, 'record.invalid', { ...why });
      else valid.push(c);
    });
  }

  // 5. One insert; ids already stored (replays, or taken by a concurrent writer) are skipped by
  //    ON CONFLICT and, with the refused records, looked up once.
  const inserted = await insertRecords(tx, actor, valid, now);
  const lost = valid.filter((c) => !inserted.has(c.input.id));
  const lookup = [...lost, ...refused];
  if (lookup.length > 0) {
    const stored = new Map(
      (
        await tx
          .select({ id: records.id, contentHash: records.contentHash, cycleId: records.cycleId, unitId: records.unitId })
          .from(records)
          .where(sql`${records.id} = any(${sql.param(lookup.map((c) => c.input.id))}::uuid[])`)
      ).map((r) => [r.id, r]),
    );
    for (const c of lookup) {
      const hit = stored.get(c.input.id);
      if (!hit) continue; // refused, and not a replay: the refusal stands
      if (hit.contentHash !== c.hash) {
        reject(c.index, c.input.id, 'record.id_reused', { id: c.input.id });
        continue;
      }
      // Same content: a no-op, as long as the caller may read what is stored.
      const cu = locus.get(`${hit.cycleId}|${hit.unitId}`);
      if (cu && auth.can('record.read', unitTarget(cu))) outcomes[c.index] = { id: c.input.id, outcome: 'unchanged' };
      else reject(c.index, c.input.id, 'auth.forbidden');
    }
  }
  const created = valid.filter((c) => inserted.has(c.input.id));
  for (const c of created) outcomes[c.index] = { id: c.input.id, outcome: 'created' };
  for (const r of repeats) {
    const first = outcomes[r.first]!;
    outcomes[r.index] = first.outcome === 'rejected' ? first : { id: first.id, outcome: 'unchanged' };
  }

  // 6. Audit per affected unit (one chained multi-row append), then one recompute per cycle
  //    over its affected units. The order matters: the audit append holds a transaction-wide
  //    lock until commit, so two batches writing the same unit recompute one after the other,
  //    and the second one's load sees the first one's committed records.
  const events: AuditInput[] = [];
  for (const group of groupBy(created, (c) => `${c.input.cycleId}|${c.input.unitId}`).values()) {
    const cu = group[0]!.cu;
    events.push({
      actor,
      action: 'record.create',
      subjectType: 'unit',
      subjectId: cu.unit.id,
      provinceCode: cu.body.provinceCode,
      at: now,
      diff: recordsCreatedDiff(
        cu.cycle.id,
        group.map((c) => ({ id: c.input.id, instrument: c.input.instrument, contentHash: c.hash })),
      ),
    });
  }
  await appendAuditMany(tx, events);
  for (const [cycleId, group] of groupBy(created, (c) => c.input.cycleId)) {
    const bodies = new Map(group.map((c) => [c.cu.unit.id, c.cu.body.id]));
    await recomputeUnits(tx, cycleMap.get(cycleId)!, [...bodies.keys()], { now, bodies });
  }
  return tally(outcomes);
}

/**
 * The audit diff of records created in one unit: their ids, how many per instrument, and one
 * sha256 over "id:contentHash" lines in id order, so the chained audit event commits to the exact
 * content of every record while staying small (a sync batch audits hundreds of records).
 */
export function recordsCreatedDiff(cycleId: string, list: readonly { id: string; instrument: string; contentHash: string }[]) {
  const sorted = [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const instruments: Record<string, number> = {};
  for (const r of sorted) instruments[r.instrument] = (instruments[r.instrument] ?? 0) + 1;
  const digest = createHash('sha256');
  for (const r of sorted) digest.update(`${r.id}:${r.contentHash}\n`);
  return { cycleId, count: sorted.length, instruments, ids: sorted.map((r) => r.id), digest: digest.digest('hex') };
}

function tally(outcomes: Outcome[]): IngestResult {
  const n = (o: Outcome['outcome']) => outcomes.filter((x) => x.outcome === o).length;
  return { outcomes, created: n('created'), unchanged: n('unchanged'), rejected: n('rejected') };
}

function groupBy<T>(list: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of list) {
    const k = key(item);
    let g = out.get(k);
    if (!g) out.set(k, (g = []));
    g.push(item);
  }
  return out;
}

/** Multi-row insert of validated records; returns the ids actually inserted. */
async function insertRecords(tx: Tx, actor: Actor, list: Candidate[], now: Date): Promise<Set<string>> {
  return bulkInsertRecords(
    tx,
    actor.id,
    list.map((c) => ({ ...c.input, contentHash: c.hash })),
    now,
  );
}

/**
 * Inserts records in chunks (one `json_to_recordset` statement per chunk), skipping ids that
 * exist. No validation, audit or recompute: callers (ingestion, seeds) do those. Returns the
 * ids inserted.
 */
export async function bulkInsertRecords(
  tx: Queryable,
  capturedBy: string | null,
  list: readonly (RecordInput & { contentHash: string })[],
  now: Date,
  chunkSize = 1000,
): Promise<Set<string>> {
  const done = new Set<string>();
  const at = now.toISOString();
  for (let i = 0; i < list.length; i += chunkSize) {
    const chunk = list.slice(i, i + chunkSize).map((r) => ({
      id: r.id,
      cycle_id: r.cycleId,
      unit_id: r.unitId,
      instrument: r.instrument,
      respondent: r.respondent ?? null,
      answers: r.answers,
      remarks: r.remarks ?? {},
      notes: r.notes ?? null,
      captured_at: r.capturedAt,
      latitude: r.latitude ?? null,
      longitude: r.longitude ?? null,
      content_hash: r.contentHash,
      started_at: r.startedAt ?? null,
      finished_at: r.finishedAt ?? null,
      accuracy: r.accuracy ?? null,
      respondent_key: r.respondentKey ?? null,
    }));
    // The rows as one JSON recordset: as fast in the database as `unnest` over column arrays
    // (stack.md gotcha 7), and cheaper for Node, which serialises one JSON string instead of
    // escaping every value into array literals.
    const res = (await tx.execute(sql`
      insert into records (id, cycle_id, unit_id, instrument, respondent, answers, remarks, notes, captured_by, captured_at,
        latitude, longitude, status, review, content_hash, created_at, updated_at,
        started_at, finished_at, accuracy, respondent_key)
      select x.id, x.cycle_id, x.unit_id, x.instrument, x.respondent, x.answers, x.remarks, x.notes, ${capturedBy}::uuid, x.captured_at,
        x.latitude, x.longitude, 'submitted', '{}'::jsonb, x.content_hash, ${at}::timestamptz, ${at}::timestamptz,
        x.started_at, x.finished_at, x.accuracy, x.respondent_key
      from json_to_recordset(${JSON.stringify(chunk)}::json) as x(id uuid, cycle_id uuid, unit_id uuid, instrument text,
        respondent text, answers jsonb, remarks jsonb, notes text, captured_at timestamptz, latitude float8, longitude float8,
        content_hash text, started_at timestamptz, finished_at timestamptz, accuracy float8, respondent_key text)
      on conflict (id) do nothing
      returning id`)) as unknown as { rows: { id: string }[] };
    for (const r of res.rows) done.add(r.id);
  }
  return done;
}

// ── Reads ───────────────────────────────────────────────────────────────────────────────────

export async function getRecordRow(tx: Queryable, id: string): Promise<RecordRow | undefined> {
  const [row] = await tx.select().from(records).where(eq(records.id, id)).limit(1);
  return row;
}

/** A record with its locus entry, or 404. */
export async function loadRecord(tx: Queryable, id: string): Promise<{ row: RecordRow; cu: CycleUnitContext }> {
  const row = await getRecordRow(tx, id);
  if (!row) throw notFound('record');
  const cycle = await getCycle(tx, row.cycleId);
  const cu = cycle && (await getCycleUnit(tx, cycle, row.unitId));
  if (!cu) throw notFound('record');
  return { row, cu };
}

export interface RecordFilter {
  page: number;
  pageSize: number;
  instrument?: string;
  status?: RecordView['status'];
}

export async function listRecords(tx: Queryable, cu: CycleUnitContext, f: RecordFilter) {
  const where = and(
    eq(records.cycleId, cu.cycle.id),
    eq(records.unitId, cu.unit.id),
    f.instrument ? eq(records.instrument, f.instrument) : undefined,
    f.status ? eq(records.status, f.status) : undefined,
  );
  const [{ total } = { total: 0 }] = await tx.select({ total: count() }).from(records).where(where);
  const rows = await tx
    .select()
    .from(records)
    .where(where)
    .orderBy(asc(records.instrument), asc(records.capturedAt), asc(records.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { items: rows.map(toRecordView), total, page: f.page, pageSize: f.pageSize };
}

// ── Edits ───────────────────────────────────────────────────────────────────────────────────

/** Validates one record's content against the frozen scheme; throws 422 record.invalid. */
async function assertFits(tx: Queryable, cu: CycleUnitContext, content: RecordContent, lang: Lang): Promise<void> {
  const scheme = await cycleScheme(tx, cu.cycle);
  const why = precheck(scheme, content, lang) ?? validateSheets(scheme, [toSheet(content)], lang).get(0);
  if (why) throw new AppError('record.invalid', { ...why });
}

const plain = (v: unknown): unknown => (v instanceof Date ? v.toISOString() : v);

/** Replaces a record's content (the unit must accept writes). Same content: unchanged. */
export async function updateRecord(
  tx: Tx,
  auth: Auth,
  loaded: { row: RecordRow; cu: CycleUnitContext },
  content: RecordContent,
  lang: Lang,
  now = new Date(),
): Promise<{ record: RecordView; changed: boolean }> {
  const { row, cu } = loaded;
  auth.require('record.write', unitTarget(cu));
  // issue 10: both the stored sheet's instrument and the new one must be the caller's to fill.
  const policy = await policyScheme(tx, cu.cycle);
  assertMayFill(auth, policy, row.instrument, cu);
  assertMayFill(auth, policy, content.instrument, cu);
  await assertClaimOpen(tx, policy, [row.instrument, content.instrument], cu);
  assertWritable(cu);
  const hash = contentHash(row.cycleId, row.unitId, content);
  if (hash === row.contentHash) return { record: toRecordView(row), changed: false };
  await assertFits(tx, cu, content, lang);
  const next = {
    instrument: content.instrument,
    respondent: content.respondent ?? null,
    answers: content.answers,
    remarks: content.remarks ?? {},
    notes: content.notes ?? null,
    capturedAt: new Date(content.capturedAt),
    latitude: content.latitude ?? null,
    longitude: content.longitude ?? null,
    // issue 13
    startedAt: content.startedAt ? new Date(content.startedAt) : null,
    finishedAt: content.finishedAt ? new Date(content.finishedAt) : null,
    accuracy: content.accuracy ?? null,
    respondentKey: content.respondentKey ?? null,
  };
  const [updated] = await tx
    .update(records)
    .set({ ...next, contentHash: hash, status: 'submitted', review: {}, updatedAt: now })
    .where(eq(records.id, row.id))
    .returning();
  const before = toRecordView(row);
  const changedKeys = (Object.keys(next) as (keyof typeof next)[]).filter(
    (k) => canonicalJson(before[k]) !== canonicalJson(plain(next[k])),
  );
  await appendAudit(tx, {
    actor: auth.user(),
    action: 'record.update',
    subjectType: 'record',
    subjectId: row.id,
    provinceCode: cu.body.provinceCode,
    at: now,
    diff: {
      cycleId: row.cycleId,
      unitId: row.unitId,
      before: Object.fromEntries(changedKeys.map((k) => [k, before[k]])),
      after: Object.fromEntries(changedKeys.map((k) => [k, plain(next[k])])),
      contentHash: { before: row.contentHash, after: hash },
    },
  });
  await recomputeUnits(tx, cu.cycle, [cu.unit.id], { now, bodies: new Map([[cu.unit.id, cu.body.id]]) });
  return { record: toRecordView(updated!), changed: true };
}

/** Deletes a record (the unit must accept writes); its evidence stays linked to the unit. */
export async function deleteRecord(tx: Tx, auth: Auth, loaded: { row: RecordRow; cu: CycleUnitContext }, now = new Date()): Promise<void> {
  const { row, cu } = loaded;
  auth.require('record.write', unitTarget(cu));
  const policy = await policyScheme(tx, cu.cycle); // issue 10
  assertMayFill(auth, policy, row.instrument, cu);
  await assertClaimOpen(tx, policy, [row.instrument], cu);
  assertWritable(cu);
  await tx.update(evidenceLinks).set({ recordId: null }).where(eq(evidenceLinks.recordId, row.id));
  await tx.delete(records).where(eq(records.id, row.id));
  const view = toRecordView(row);
  await appendAudit(tx, {
    actor: auth.user(),
    action: 'record.delete',
    subjectType: 'record',
    subjectId: row.id,
    provinceCode: cu.body.provinceCode,
    at: now,
    diff: { before: { ...view, createdAt: undefined, updatedAt: undefined } },
  });
  await recomputeUnits(tx, cu.cycle, [cu.unit.id], { now, bodies: new Map([[cu.unit.id, cu.body.id]]) });
}
