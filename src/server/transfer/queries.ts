// Loads what the Excel exports need and feeds the pure functions of src/server/exports; and the
// two imports (historical results → a new imported cycle; a unit's answer sheets → records).
//
// Visibility is never decided here: rows come from scores/queries.ts (`ranking` filters by
// result.read; the body breakdown is guarded by `bodyTarget`), so whatever "published" means
// there holds for the files too.
import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { BandRef, BodyType, Lang } from '../../core/types.ts';
import type { Actor } from '../auth/policy.ts';
import type { Auth } from '../http/route.ts';
import { type AuditActor, appendAudit } from '../audit/queries.ts';
import type { Db, Queryable, Tx } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { createCycle, cycleScheme } from '../cycles/queries.ts';
import { type CycleUnitContext, getCycleUnit } from '../read-models/locus.ts';
import { listProvinces } from '../registry/queries.ts';
import { bodies, units } from '../registry/schema.ts';
import { records } from '../records/schema.ts';
import { ingestRecords } from '../records/queries.ts';
import { expandUnitScore } from '../scores/breakdown.ts';
import { importBodyScores } from '../scores/import.ts';
import { type RankingGroup, getBodyResult, getUnitResult, ranking } from '../scores/queries.ts';
import { bodyResults, unitResults } from '../scores/schema.ts';
import { bodyBreakdownXlsx, cycleResultsXlsx, leaderboardXlsx } from '../exports/xlsx.ts';
import { actionsXlsx } from '../exports/actions-xlsx.ts';
import { localToday } from '../../core/actions.ts';
import { localDateTime, zoneOf } from '../../shared/local-time.ts';
import { label as exportLabel } from '../exports/i18n.ts';
import { listActions } from '../actions/queries.ts';
import type { ActionsQuery } from '../../shared/wire/actions.ts';
import type {
  BandLabel,
  BreakdownUnit,
  CycleBody,
  CycleUnit,
  ExportCycle,
  HistoricalResult,
  ImportedAnswers,
  ImportIssue,
  KnownBody,
  LeaderboardRow,
  ProgressCallback,
} from '../exports/types.ts';
import { fileName, leaderboardTitle, transferIssueMessage } from './i18n.ts';
import type { Cycle } from '../../shared/wire/cycles.ts';
import type { BodyRef } from '../../shared/wire/registry.ts';
import type { RankingRow, StoredUnitScore } from '../../shared/wire/scores.ts';
import type { ResultsImported } from '../../shared/wire/transfer.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const bandLabel = (b: BandRef): BandLabel => ({ code: b.code, label: b.label, ...(b.zone === undefined ? {} : { zone: b.zone }) });
const exportCycle = (c: Cycle): ExportCycle => ({ name: c.name, year: c.year, schemeId: c.schemeId });

async function provinceNames(tx: Queryable): Promise<Map<string, string>> {
  return new Map((await listProvinces(tx)).map((p) => [p.code, p.name]));
}

/** Units assessed per body (body_results.units) for a cycle. */
async function unitCounts(tx: Queryable, cycleId: string, bodyIds: string[]): Promise<Map<string, number>> {
  if (bodyIds.length === 0) return new Map();
  const rows = await tx
    .select({ bodyId: bodyResults.bodyId, units: bodyResults.units })
    .from(bodyResults)
    .where(and(eq(bodyResults.cycleId, cycleId), inArray(bodyResults.bodyId, bodyIds)));
  return new Map(rows.map((r) => [r.bodyId, r.units]));
}

// ── Leaderboard ─────────────────────────────────────────────────────────────────────────────

export interface XlsxFile {
  fileName: string;
  buffer: Buffer;
}

/** One ranking group as .xlsx: exactly the rows `ranking` lets the caller see. */
export async function leaderboardFile(
  tx: Queryable,
  actor: Actor | null,
  cycle: Cycle,
  group: RankingGroup,
  lang: Lang,
  now = new Date(),
): Promise<XlsxFile> {
  const view = await ranking(tx, actor, cycle, group);
  const scheme = await cycleScheme(tx, cycle);
  const provinces = await provinceNames(tx);
  const counts = await unitCounts(
    tx,
    cycle.id,
    view.items.map((i) => i.body.id),
  );
  const rows: LeaderboardRow[] = view.items.map((i: RankingRow) => ({
    rank: i.rank,
    of: i.of,
    name: i.unit ? `${i.unit.name} — ${i.body.name}` : i.body.name,
    type: i.body.type as BodyType,
    province: i.body.provinceCode ? (provinces.get(i.body.provinceCode) ?? i.body.provinceCode) : null,
    score: i.score,
    band: bandLabel(i.band),
    movement: i.movement,
    units: i.unit ? 1 : (counts.get(i.body.id) ?? 0),
    code: i.body.code,
  }));
  const named = group.kind === 'national' ? group : { ...group, province: provinces.get(group.province) ?? group.province };
  const buffer = await leaderboardXlsx(rows, {
    lang,
    title: leaderboardTitle(lang, cycle.name, named),
    cycle: exportCycle(cycle),
    scheme,
    generatedAt: now,
    zone: zoneOf(group.kind === 'national' ? null : group.province),
  });
  const what =
    group.kind === 'national' ? group.type : group.kind === 'province' ? `provinsi-${group.province}` : `${group.sector}-${group.province}`;
  return { fileName: fileName('ranking', lang, what, cycle.year), buffer };
}

// ── The action board (issue 12) ─────────────────────────────────────────────────────────────

/** Rows an action-board export carries at most (a government has tens; a province hundreds). */
export const ACTIONS_EXPORT_MAX = 10_000;

/** What an action board covers, for the file's title: the unit, the government, the province, or national. */
async function actionScopeName(
  tx: Queryable,
  actor: Actor | null,
  q: Omit<ActionsQuery, 'page' | 'pageSize'>,
  lang: Lang,
): Promise<string> {
  const unitId = q.unitId ?? actor?.unitId ?? null;
  if (unitId) {
    const [u] = await tx
      .select({ name: units.name, body: bodies.name })
      .from(units)
      .innerJoin(bodies, eq(bodies.id, units.bodyId))
      .where(eq(units.id, unitId))
      .limit(1);
    if (u) return `${u.name} — ${u.body}`;
  }
  const bodyId = q.bodyId ?? actor?.bodyId ?? null;
  if (bodyId) {
    const [b] = await tx.select({ name: bodies.name }).from(bodies).where(eq(bodies.id, bodyId)).limit(1);
    if (b) return b.name;
  }
  const province = q.provinceCode ?? actor?.provinceCode ?? null;
  if (province) {
    const [p] = await tx
      .select({ name: bodies.name })
      .from(bodies)
      .where(and(eq(bodies.type, 'provinsi'), eq(bodies.code, province)))
      .limit(1);
    if (p) return p.name;
  }
  return exportLabel(lang, 'block.actionsNational');
}

/** The action board in the caller's scope, with the board's filters, as .xlsx (the same rows and counts as GET /actions). */
export async function actionsFile(
  tx: Queryable,
  actor: Actor | null,
  q: Omit<ActionsQuery, 'page' | 'pageSize'>,
  lang: Lang,
  now = new Date(),
): Promise<XlsxFile> {
  const page = await listActions(tx, actor, { ...q, page: 1, pageSize: ACTIONS_EXPORT_MAX });
  const scope = await actionScopeName(tx, actor, q, lang);
  const buffer = await actionsXlsx(page.items, {
    lang,
    scope,
    summary: page.summary,
    total: page.total,
    generated: exportLabel(lang, 'block.generated', { date: localDateTime(now, lang, zoneOf(actor?.provinceCode)) }),
    created: now,
  });
  return { fileName: fileName('actions', lang, scope, localToday(actor?.provinceCode, now.getTime())), buffer };
}

// ── One body's breakdown ────────────────────────────────────────────────────────────────────

/** The body's result and its units' breakdowns (the caller has checked result.read on the body). */
export async function bodyBreakdownFile(tx: Queryable, cycle: Cycle, body: BodyRef, lang: Lang, now = new Date()): Promise<XlsxFile> {
  const view = await getBodyResult(tx, cycle, body);
  if (!view.result) throw new AppError('export.no_result', { subject: body.name });
  const scheme = await cycleScheme(tx, cycle);
  const provinces = await provinceNames(tx);
  const unitsOut: BreakdownUnit[] = [];
  for (const u of view.units) {
    if (!u.result) continue;
    const cu = await getCycleUnit(tx, cycle, u.id);
    const r = cu ? await getUnitResult(tx, cu) : null;
    if (!r) continue;
    unitsOut.push({
      name: u.name,
      sector: u.sector,
      score: u.result.score,
      band: bandLabel(u.result.band),
      complete: u.result.complete,
      breakdown: r.result,
    });
  }
  const nt = view.ranks.nationalType;
  const pr = view.ranks.province;
  const cycleBody: CycleBody = {
    code: body.code,
    name: body.name,
    type: body.type as BodyType,
    provinceCode: body.provinceCode,
    provinceName: body.provinceCode ? (provinces.get(body.provinceCode) ?? null) : null,
    score: view.result.score,
    band: bandLabel(view.result.band),
    units: view.result.units,
    complete: view.result.complete,
    rankNationalType: nt ? { rank: nt.rank, of: nt.of } : null,
    rankProvince: pr ? { rank: pr.rank, of: pr.of } : null,
    movement: nt?.movement ?? null,
  };
  const buffer = await bodyBreakdownXlsx(
    { cycle: exportCycle(cycle), body: cycleBody, units: unitsOut },
    { lang, scheme, generatedAt: now, zone: zoneOf(body.provinceCode) },
  );
  return { fileName: fileName('breakdown', lang, body.name, cycle.year), buffer };
}

// ── A cycle's full results (background job) ─────────────────────────────────────────────────

const TYPE_ORDER: BodyType[] = ['provinsi', 'kabupaten', 'kota', 'kementerian', 'lembaga'];

/**
 * Every government (with national and provincial places) and every unit with its breakdown that
 * `actor` may read, as the cycle-results workbook. Rows come from `ranking` per group, so the
 * same visibility as the JSON rankings applies.
 */
export async function cycleResultsFile(
  db: Queryable,
  actor: Actor,
  cycle: Cycle,
  lang: Lang,
  onProgress?: ProgressCallback,
  now = new Date(),
): Promise<XlsxFile & { bodies: number; units: number }> {
  const scheme = await cycleScheme(db, cycle);
  const present = await db
    .selectDistinct({ type: bodies.type, provinceCode: bodies.provinceCode })
    .from(bodyResults)
    .innerJoin(bodies, eq(bodies.id, bodyResults.bodyId))
    .where(eq(bodyResults.cycleId, cycle.id));
  const types = TYPE_ORDER.filter((t) => present.some((p) => p.type === t));
  const provinceCodes = [...new Set(present.filter((p) => p.type === 'kabupaten' || p.type === 'kota').map((p) => p.provinceCode!))].sort();

  const national: RankingRow[] = [];
  for (const type of types) national.push(...(await ranking(db, actor, cycle, { kind: 'national', type })).items);
  const provincePlace = new Map<string, RankingRow>();
  for (const province of provinceCodes)
    for (const i of (await ranking(db, actor, cycle, { kind: 'province', province })).items) provincePlace.set(i.body.id, i);

  const provinces = await provinceNames(db);
  const visible = national.map((i) => i.body.id);
  const counts = await unitCounts(db, cycle.id, visible);
  const bodiesOut: CycleBody[] = national.map((i) => {
    const p = provincePlace.get(i.body.id);
    return {
      code: i.body.code,
      name: i.body.name,
      type: i.body.type as BodyType,
      provinceCode: i.body.provinceCode,
      provinceName: i.body.provinceCode ? (provinces.get(i.body.provinceCode) ?? null) : null,
      score: i.score,
      band: bandLabel(i.band),
      units: counts.get(i.body.id) ?? 0,
      complete: i.complete,
      rankNationalType: { rank: i.rank, of: i.of },
      rankProvince: p ? { rank: p.rank, of: p.of } : null,
      movement: i.movement,
    };
  });

  const unitsOut: CycleUnit[] = [];
  const CHUNK = 500;
  for (let k = 0; k < visible.length; k += CHUNK) {
    const rows = await db
      .select({
        bodyCode: bodies.code,
        name: units.name,
        sector: units.sector,
        score: unitResults.score,
        complete: unitResults.complete,
        breakdown: unitResults.breakdown,
      })
      .from(unitResults)
      .innerJoin(units, eq(units.id, unitResults.unitId))
      .innerJoin(bodies, eq(bodies.id, unitResults.bodyId))
      .where(and(eq(unitResults.cycleId, cycle.id), inArray(unitResults.bodyId, visible.slice(k, k + CHUNK))))
      .orderBy(asc(bodies.code), asc(units.name));
    for (const r of rows) {
      const breakdown = expandUnitScore(scheme, r.breakdown as StoredUnitScore);
      unitsOut.push({
        body: r.bodyCode,
        name: r.name,
        sector: r.sector,
        score: r.score,
        band: bandLabel(breakdown.band),
        complete: r.complete,
        breakdown,
      });
    }
  }
  const order = new Map(bodiesOut.map((b, k) => [b.code, k]));
  unitsOut.sort((a, b) => (order.get(a.body) ?? 0) - (order.get(b.body) ?? 0));

  const buffer = await cycleResultsXlsx(
    { cycle: exportCycle(cycle), bodies: bodiesOut, units: unitsOut },
    { lang, scheme, generatedAt: now, zone: zoneOf(actor?.provinceCode), ...(onProgress ? { onProgress } : {}) },
  );
  return {
    fileName: fileName('results', lang, cycle.name),
    buffer,
    bodies: bodiesOut.length,
    units: unitsOut.length,
  };
}

// ── Historical results import ───────────────────────────────────────────────────────────────

/** Every registry body by code (a national registry is ~600 rows: one query, then lookups). */
export async function registryLookup(tx: Queryable): Promise<(code: string) => KnownBody | null> {
  const rows = await tx.select({ id: bodies.id, code: bodies.code, name: bodies.name, type: bodies.type }).from(bodies);
  const byCode = new Map(rows.map((r) => [r.code.toLowerCase(), { id: r.id, code: r.code, name: r.name, type: r.type as BodyType }]));
  return (code) => byCode.get(code.trim().toLowerCase()) ?? null;
}

/** The rows must all belong to the one cycle being created: its scheme and its year. */
export function cycleIssues(rows: readonly HistoricalResult[], schemeId: string, year: number): ImportIssue[] {
  const out: ImportIssue[] = [];
  for (const r of rows) {
    if (r.schemeId !== schemeId) {
      out.push({
        sheet: r.sheet,
        row: r.row,
        column: null,
        header: null,
        code: 'cycle.scheme_mismatch',
        message: transferIssueMessage('cycle.scheme_mismatch', { value: r.schemeId, scheme: schemeId }),
        value: r.schemeId,
      });
    }
    if (r.year !== year) {
      out.push({
        sheet: r.sheet,
        row: r.row,
        column: null,
        header: null,
        code: 'cycle.year_mismatch',
        message: transferIssueMessage('cycle.year_mismatch', { value: r.year, year }),
        value: String(r.year),
      });
    }
  }
  return out;
}

export interface ResultsImportInput {
  name: string;
  schemeId: string;
  year: number;
  fileName: string;
  sha256: string;
  rows: readonly HistoricalResult[];
}

const INSERT_BATCH = 500;

/**
 * Creates the imported cycle (final, its bodies final, scores banded under its frozen scheme) in
 * ONE transaction, inserting in batches and reporting progress: a failure leaves nothing behind.
 * Not published: the public sees it once an admin publishes it.
 */
export async function createImportedCycle(
  db: Db,
  actor: AuditActor,
  input: ResultsImportInput,
  progress: (done: number, total: number) => void,
): Promise<ResultsImported> {
  return db.transaction(async (tx: Tx) => {
    const cycle = await createCycle(tx, actor, {
      name: input.name,
      year: input.year,
      schemeId: input.schemeId,
      source: 'imported',
      status: 'final',
    });
    const total = input.rows.length;
    for (let k = 0; k < total; k += INSERT_BATCH) {
      const batch = input.rows.slice(k, k + INSERT_BATCH);
      await importBodyScores(
        tx,
        actor,
        cycle,
        batch.map((r) => ({ bodyId: r.body.id!, score: r.score })),
      );
      progress(Math.min(total, k + batch.length), total);
    }
    await appendAudit(tx, {
      actor,
      action: 'cycle.import',
      subjectType: 'cycle',
      subjectId: cycle.id,
      provinceCode: cycle.provinceCode,
      diff: { fileName: input.fileName, sha256: input.sha256, rows: total, schemeId: input.schemeId, year: input.year },
    });
    return { cycleId: cycle.id, name: cycle.name, year: cycle.year, schemeId: cycle.schemeId, bodies: total };
  });
}

// ── Answer sheets import ────────────────────────────────────────────────────────────────────

/**
 * A record id derived from what the row says (cycle, unit, instrument, respondent, answers): the
 * same file imported twice gives the same ids, so the second import is a no-op ('unchanged').
 * Formatted as an RFC 9562 version-8 (custom) UUID.
 */
export function importedRecordId(
  cycleId: string,
  unitId: string,
  sheet: { instrument: string; respondent?: string; answers: Record<string, number | null | undefined> },
): string {
  const answers = Object.keys(sheet.answers)
    .sort()
    .map((k) => [k, sheet.answers[k] ?? null]);
  const h = createHash('sha256')
    .update(JSON.stringify(['pantau-import', cycleId, unitId, sheet.instrument, sheet.respondent ?? null, answers]))
    .digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface AnswersImportOutcome {
  created: number;
  unchanged: number;
  issues: ImportIssue[];
}

/**
 * The parsed sheets go through the same ingestion as POST /records/batch (validation, idempotency
 * by id, authorisation per record, audit, one recompute). Any refusal is reported at the row it
 * came from; the caller then rolls the transaction back, so nothing is saved.
 */
export async function ingestImportedAnswers(
  tx: Tx,
  auth: Auth,
  cu: CycleUnitContext,
  parsed: ImportedAnswers,
  file: { fileName: string; sha256: string },
  lang: Lang,
  now = new Date(),
): Promise<AnswersImportOutcome> {
  const items = parsed.sheets.map((s) => ({
    id: importedRecordId(cu.cycle.id, cu.unit.id, s),
    cycleId: cu.cycle.id,
    unitId: cu.unit.id,
    instrument: s.instrument,
    respondent: s.respondent ?? null,
    answers: Object.fromEntries(Object.entries(s.answers).map(([k, v]) => [k, v ?? null])),
    capturedAt: now.toISOString(),
  }));
  // A record imported before keeps its capture time, so the same row is the same content.
  const ids = items.map((i) => i.id);
  if (ids.length > 0) {
    const stored = new Map(
      (
        await tx
          .select({ id: records.id, capturedAt: records.capturedAt })
          .from(records)
          .where(sql`${records.id} = any(${sql.param(ids)}::uuid[])`)
      ).map((r) => [r.id, r.capturedAt.toISOString()]),
    );
    for (const item of items) item.capturedAt = stored.get(item.id) ?? item.capturedAt;
  }
  const result = await ingestRecords(tx, auth, items, lang, now);
  const issues: ImportIssue[] = [];
  result.outcomes.forEach((o, k) => {
    if (o.outcome !== 'rejected') return;
    const at = parsed.origins[k];
    const reason = o.error.message;
    issues.push({
      sheet: at?.sheet ?? null,
      row: at?.row ?? null,
      column: null,
      header: null,
      code: 'record.rejected',
      message: transferIssueMessage('record.rejected', { reason }),
    });
  });
  // All or nothing: with any issue the caller refuses the import (and rolls back), so only a
  // clean import is audited, as one event for the file beside the per-unit record events.
  if (issues.length === 0) {
    const actor = auth.user();
    await appendAudit(tx, {
      actor: { id: actor.id, username: actor.username },
      action: 'record.import',
      subjectType: 'unit',
      subjectId: cu.unit.id,
      provinceCode: cu.body.provinceCode,
      diff: {
        cycleId: cu.cycle.id,
        fileName: file.fileName,
        sha256: file.sha256,
        sheets: parsed.sheets.length,
        created: result.created,
        unchanged: result.unchanged,
      },
    });
  }
  return { created: result.created, unchanged: result.unchanged, issues };
}

export async function unitResultSummary(tx: Queryable, cu: CycleUnitContext) {
  const r = await getUnitResult(tx, cu);
  return r ? { score: r.result.score, band: r.result.band, complete: r.result.complete } : null;
}
