// PEKPPP per unit (issue 10 §3–§5): the unit's F-01 (claims with statements, files and links;
// drafts; submit → locked), the evaluator's F-02 beside it (level, reason, data sources),
// clarification requests with the library's verification window, finalisation (the unit goes to
// review through the records workflow) and the claimed-vs-verified result. Levels, statements
// and reasons are the F-01/F-02 records, written through the records pipeline (fillers, locks,
// validation, audit, recompute); this module keeps what records do not hold and audits it.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { checkEntry } from '../../core/fill.ts';
import { clarificationWindow, compareClaims } from '../../core/pekppp.ts';
import type { Indicator, Instrument, Lang, Scheme } from '../../core/types.ts';
import { localDateText } from '../../shared/local-time.ts';
import { appendAudit } from '../audit/queries.ts';
import { getCycleOr404 } from '../cycles/queries.ts';
import { cycleBodies, cycleUnits } from '../cycles/schema.ts';
import { getEvaluatorOrganisation } from '../locus/queries.ts';
import { bodies } from '../registry/schema.ts';
import type { Queryable, Tx } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { evidenceFiles, evidenceLinks } from '../evidence/schema.ts';
import type { Auth } from '../http/route.ts';
import { type CycleUnitContext, getCycleUnitOr404, getCycleUnits, unitTarget } from '../read-models/locus.ts';
import { policyScheme } from '../records/fillers.ts';
import { deleteRecord, ingestRecords, updateRecord } from '../records/queries.ts';
import { records } from '../records/schema.ts';
import { submitUnit } from '../records/workflow.ts';
import { getUnitResult } from '../scores/queries.ts';
import type {
  ClarificationAnswerIn,
  ClarificationRequestIn,
  ClaimsIn,
  PekpppClarification,
  PekpppIndicator,
  PekpppResult,
  PekpppUnits,
  PekpppUnitView,
  SelfAssessmentStatus,
  VerdictsIn,
} from '../../shared/wire/pekppp.ts';
import {
  ClarificationAnswerIn as ClarificationAnswerSchema,
  ClaimsIn as ClaimsSchema,
  VerdictsIn as VerdictsSchema,
} from '../../shared/wire/pekppp.ts';
import { offsetOfProvince } from './organisations.ts';
import { pekpppClarifications, pekpppUnits } from './schema.ts';
import { f03Progress } from '../surveys/queries.ts'; // issue 11
import { listIkmEvidence } from '../evidence/ikm.ts'; // issue 11 §7
import { ikmIndicators } from '../../core/ikm-evidence.ts';

// ── Context ─────────────────────────────────────────────────────────────────────────────────

export interface PekpppContext {
  cu: CycleUnitContext;
  scheme: Scheme;
  claim: Instrument;
  verdict: Instrument;
}

/**
 * The unit of a PEKPPP cycle with its scheme (policy inherited) and its F-01/F-02 instruments,
 * once the caller may do `action` on it: 404, then 401/403, then 409 pekppp.not_pekppp.
 */
export async function pekpppContext(
  tx: Queryable,
  auth: Auth,
  action: PekpppAction,
  cycleId: string,
  unitId: string,
): Promise<PekpppContext> {
  const cycle = await getCycleOr404(tx, cycleId);
  const cu = await getCycleUnitOr404(tx, cycle, unitId);
  auth.require(action, unitTarget(cu));
  return contextOf(tx, cu);
}

export type PekpppAction = 'pekppp.read' | 'pekppp.claim' | 'pekppp.verify';

async function contextOf(tx: Queryable, cu: CycleUnitContext): Promise<PekpppContext> {
  const scheme = await policyScheme(tx, cu.cycle);
  const claim = scheme.instruments.find((i) => i.role === 'claim');
  const verdict = scheme.instruments.find(
    (i) => i.role === 'score' && claim !== undefined && i.covers.some((c) => claim.covers.includes(c)),
  );
  if (scheme.family !== 'pekppp' || !claim || !verdict) throw new AppError('pekppp.not_pekppp', {});
  return { cu, scheme, claim, verdict };
}

type StateRow = typeof pekpppUnits.$inferSelect;

async function stateOf(tx: Queryable, cu: CycleUnitContext): Promise<StateRow> {
  const [row] = await tx
    .select()
    .from(pekpppUnits)
    .where(and(eq(pekpppUnits.cycleId, cu.cycle.id), eq(pekpppUnits.unitId, cu.unit.id)))
    .limit(1);
  return (
    row ?? {
      cycleId: cu.cycle.id,
      unitId: cu.unit.id,
      claimStatus: 'draft',
      submittedAt: null,
      submittedBy: null,
      reopenedAt: null,
      reopenedBy: null,
      reopenNote: null,
      links: {},
      sources: {},
      finalisedAt: null,
      finalisedBy: null,
      updatedAt: new Date(0),
    }
  );
}

async function saveState(tx: Tx, cu: CycleUnitContext, patch: Partial<StateRow>, now: Date): Promise<void> {
  await tx
    .insert(pekpppUnits)
    .values({ cycleId: cu.cycle.id, unitId: cu.unit.id, ...patch, updatedAt: now })
    .onConflictDoUpdate({ target: [pekpppUnits.cycleId, pekpppUnits.unitId], set: { ...patch, updatedAt: now } });
}

type RecordRow = typeof records.$inferSelect;

async function sheetOf(tx: Queryable, cu: CycleUnitContext, instrument: string): Promise<RecordRow | undefined> {
  const [row] = await tx
    .select()
    .from(records)
    .where(and(eq(records.cycleId, cu.cycle.id), eq(records.unitId, cu.unit.id), eq(records.instrument, instrument)))
    .orderBy(asc(records.capturedAt), asc(records.id))
    .limit(1);
  return row;
}

/**
 * Writes the unit's one sheet of `instrument` with `answers` and `remarks` through the records
 * pipeline (fillers, locks, validation, audit, recompute). No answer left: the sheet is deleted.
 */
async function writeSheet(
  tx: Tx,
  auth: Auth,
  cu: CycleUnitContext,
  instrument: string,
  answers: Record<string, number | null>,
  remarks: Record<string, string>,
  lang: Lang,
  now: Date,
): Promise<void> {
  const existing = await sheetOf(tx, cu, instrument);
  const any = Object.values(answers).some((v) => v !== null);
  const content = { instrument, answers, remarks, capturedAt: now.toISOString() };
  if (existing) {
    if (!any) return deleteRecord(tx, auth, { row: existing, cu }, now);
    await updateRecord(tx, auth, { row: existing, cu }, { ...content, respondent: existing.respondent }, lang, now);
    return;
  }
  if (!any) return;
  const { outcomes } = await ingestRecords(
    tx,
    auth,
    [{ id: randomUUID(), cycleId: cu.cycle.id, unitId: cu.unit.id, ...content }],
    lang,
    now,
  );
  const o = outcomes[0]!;
  if (o.outcome === 'rejected') throw new AppError(o.error.code, o.error.details);
}

const indicatorsOf = (scheme: Scheme, covers: readonly string[]): { indicator: Indicator; aspect: string }[] =>
  scheme.dimensions.flatMap((d) =>
    d.variables.flatMap((v) => v.indicators.filter((i) => covers.includes(i.code)).map((indicator) => ({ indicator, aspect: d.code }))),
  );

function assertCovered(ins: Instrument, codes: string[]): void {
  for (const indicator of codes) if (!ins.covers.includes(indicator)) throw new AppError('pekppp.indicator_unknown', { indicator });
}

const asStrings = (v: unknown): Record<string, string[]> => (v ?? {}) as Record<string, string[]>;

// ── F-01 ────────────────────────────────────────────────────────────────────────────────────

/** Saves drafts of the unit's claims (level, statement, links per indicator). */
export async function saveClaims(tx: Tx, auth: Auth, ctx: PekpppContext, input: ClaimsIn, lang: Lang, now = new Date()): Promise<void> {
  const body = ClaimsSchema.parse(input);
  const { cu, claim } = ctx;
  auth.require('pekppp.claim', unitTarget(cu));
  const codes = Object.keys(body.indicators);
  assertCovered(claim, codes);
  const state = await stateOf(tx, cu);
  if (state.claimStatus === 'submitted') throw new AppError('pekppp.claim_locked', { unit: cu.unit.name });
  const existing = await sheetOf(tx, cu, claim.code);
  const answers = { ...((existing?.answers as Record<string, number | null>) ?? {}) };
  const remarks = { ...((existing?.remarks as Record<string, string>) ?? {}) };
  const links = { ...asStrings(state.links) };
  for (const [code, v] of Object.entries(body.indicators)) {
    answers[code] = v.level;
    if (v.statement === '') delete remarks[code];
    else remarks[code] = v.statement;
    if (v.links.length === 0) delete links[code];
    else links[code] = v.links;
  }
  await writeSheet(tx, auth, cu, claim.code, answers, remarks, lang, now);
  await saveState(tx, cu, { links }, now);
  await appendAudit(tx, {
    actor: auth.user(),
    action: 'selfassessment.save',
    subjectType: 'cycle_unit',
    subjectId: `${cu.cycle.id}/${cu.unit.id}`,
    provinceCode: cu.body.provinceCode,
    at: now,
    diff: { indicators: codes, links: Object.fromEntries(codes.map((c) => [c, links[c] ?? []])) },
  });
}

/** Evidence files per indicator of the unit in the cycle (kind → files). */
async function filesOf(tx: Queryable, cu: CycleUnitContext) {
  const rows = await tx
    .select({
      id: evidenceLinks.id,
      indicator: evidenceLinks.indicator,
      filename: evidenceLinks.filename,
      kind: evidenceLinks.kind,
      mime: evidenceFiles.mime,
      size: evidenceFiles.size,
    })
    .from(evidenceLinks)
    .innerJoin(evidenceFiles, eq(evidenceFiles.sha256, evidenceLinks.sha256))
    .where(and(eq(evidenceLinks.cycleId, cu.cycle.id), eq(evidenceLinks.unitId, cu.unit.id)))
    .orderBy(asc(evidenceLinks.createdAt));
  const out = new Map<string, { id: string; filename: string; mime: string; size: number; kind: string | null }[]>();
  for (const r of rows) {
    if (!r.indicator) continue;
    const list = out.get(r.indicator) ?? [];
    list.push({ id: r.id, filename: r.filename, mime: r.mime, size: r.size, kind: r.kind });
    out.set(r.indicator, list);
  }
  return out;
}

/** Submits F-01: every covered indicator must pass the library's entry rules; then it is locked. */
export async function submitClaims(tx: Tx, auth: Auth, ctx: PekpppContext, lang: Lang, now = new Date()): Promise<void> {
  const { cu } = ctx;
  auth.require('pekppp.claim', unitTarget(cu));
  if (cu.cycle.status !== 'planning' && cu.cycle.status !== 'fieldwork') throw new AppError('cycle.closed', { status: cu.cycle.status });
  const state = await stateOf(tx, cu);
  if (state.claimStatus === 'submitted') throw new AppError('pekppp.claim_locked', { unit: cu.unit.name });
  const view = await buildView(tx, auth, ctx, lang);
  const bad = view.indicators.filter((i) => i.claimProblems.length > 0);
  if (bad.length > 0)
    throw new AppError('pekppp.claim_incomplete', { count: bad.length, first: `${bad[0]!.code}: ${bad[0]!.claimProblems[0]}` });
  await saveState(tx, cu, { claimStatus: 'submitted', submittedAt: now, submittedBy: auth.user().id }, now);
  await appendAudit(tx, {
    actor: auth.user(),
    action: 'selfassessment.submit',
    subjectType: 'cycle_unit',
    subjectId: `${cu.cycle.id}/${cu.unit.id}`,
    provinceCode: cu.body.provinceCode,
    at: now,
    diff: { before: { status: state.claimStatus }, after: { status: 'submitted' } },
  });
}

/** The evaluator reopens a submitted F-01 with a note (the unit may edit again). */
export async function reopenClaims(tx: Tx, auth: Auth, ctx: PekpppContext, note: string, now = new Date()): Promise<void> {
  const { cu } = ctx;
  auth.require('pekppp.verify', unitTarget(cu));
  const state = await stateOf(tx, cu);
  if (state.claimStatus !== 'submitted') throw new AppError('pekppp.claim_not_submitted', { unit: cu.unit.name });
  await saveState(tx, cu, { claimStatus: 'reopened', reopenedAt: now, reopenedBy: auth.user().id, reopenNote: note }, now);
  await appendAudit(tx, {
    actor: auth.user(),
    action: 'selfassessment.reopen',
    subjectType: 'cycle_unit',
    subjectId: `${cu.cycle.id}/${cu.unit.id}`,
    provinceCode: cu.body.provinceCode,
    at: now,
    diff: { before: { status: 'submitted' }, after: { status: 'reopened' }, note },
  });
}

// ── F-02 ────────────────────────────────────────────────────────────────────────────────────

/** Saves the evaluator's verdicts (level, reason, data sources per indicator). */
export async function saveVerdicts(tx: Tx, auth: Auth, ctx: PekpppContext, input: VerdictsIn, lang: Lang, now = new Date()): Promise<void> {
  const body = VerdictsSchema.parse(input);
  const { cu, verdict } = ctx;
  auth.require('pekppp.verify', unitTarget(cu));
  const codes = Object.keys(body.indicators);
  assertCovered(verdict, codes);
  const known = new Set(verdict.entry?.dataSources?.options.map((o) => o.code) ?? []);
  for (const v of Object.values(body.indicators))
    for (const s of v.sources) if (!known.has(s)) throw new AppError('request.invalid', { summary: `sources: ${s}` });
  const state = await stateOf(tx, cu);
  const existing = await sheetOf(tx, cu, verdict.code);
  const answers = { ...((existing?.answers as Record<string, number | null>) ?? {}) };
  const remarks = { ...((existing?.remarks as Record<string, string>) ?? {}) };
  const sources = { ...asStrings(state.sources) };
  for (const [code, v] of Object.entries(body.indicators)) {
    answers[code] = v.level;
    if (v.reason === '') delete remarks[code];
    else remarks[code] = v.reason;
    if (v.sources.length === 0) delete sources[code];
    else sources[code] = v.sources;
  }
  await writeSheet(tx, auth, cu, verdict.code, answers, remarks, lang, now);
  await saveState(tx, cu, { sources }, now);
  await appendAudit(tx, {
    actor: auth.user(),
    action: 'verification.save',
    subjectType: 'cycle_unit',
    subjectId: `${cu.cycle.id}/${cu.unit.id}`,
    provinceCode: cu.body.provinceCode,
    at: now,
    diff: { indicators: codes, sources: Object.fromEntries(codes.map((c) => [c, sources[c] ?? []])) },
  });
}

type ClarRow = typeof pekpppClarifications.$inferSelect;

const toClarification = (r: ClarRow, now: Date): PekpppClarification => ({
  id: r.id,
  indicators: r.indicators as string[],
  question: r.question,
  requestedAt: r.requestedAt.toISOString(),
  closesAt: r.closesAt.toISOString(),
  lastDay: r.lastDay,
  // An open request past its window is closed for the unit.
  status: r.status === 'open' && r.closesAt <= now ? 'closed' : (r.status as PekpppClarification['status']),
  answers: r.answers as PekpppClarification['answers'],
  answeredAt: r.answeredAt?.toISOString() ?? null,
  closedAt: r.closedAt?.toISOString() ?? (r.status === 'open' && r.closesAt <= now ? r.closesAt.toISOString() : null),
});

/** Returns chosen indicators to the unit for the library's verification window (in the body's zone). */
export async function requestClarification(
  tx: Tx,
  auth: Auth,
  ctx: PekpppContext,
  input: ClarificationRequestIn,
  now = new Date(),
): Promise<PekpppClarification> {
  const { cu, scheme, verdict } = ctx;
  auth.require('pekppp.verify', unitTarget(cu));
  if (cu.status === 'submitted' || cu.status === 'reviewed' || cu.status === 'approved')
    throw new AppError('unit.locked', { unit: cu.unit.name, status: cu.status });
  assertCovered(verdict, input.indicators);
  const window = clarificationWindow(scheme, now.getTime(), offsetOfProvince(cu.body.provinceCode));
  const [row] = await tx
    .insert(pekpppClarifications)
    .values({
      cycleId: cu.cycle.id,
      unitId: cu.unit.id,
      indicators: [...new Set(input.indicators)],
      question: input.question,
      requestedBy: auth.user().id,
      requestedAt: now,
      closesAt: new Date(window.closesAt),
      lastDay: window.lastDay,
    })
    .returning();
  await appendAudit(tx, {
    actor: auth.user(),
    action: 'verification.clarify',
    subjectType: 'cycle_unit',
    subjectId: `${cu.cycle.id}/${cu.unit.id}`,
    provinceCode: cu.body.provinceCode,
    at: now,
    diff: { clarificationId: row!.id, indicators: row!.indicators, lastDay: window.lastDay },
  });
  return toClarification(row!, now);
}

/** The unit answers a clarification request (statement and links per indicator; files through POST /evidence). */
export async function answerClarification(
  tx: Tx,
  auth: Auth,
  ctx: PekpppContext,
  input: ClarificationAnswerIn,
  now = new Date(),
): Promise<PekpppClarification> {
  const body = ClarificationAnswerSchema.parse(input);
  const { cu } = ctx;
  auth.require('pekppp.claim', unitTarget(cu));
  const [row] = await tx
    .select()
    .from(pekpppClarifications)
    .where(
      and(
        eq(pekpppClarifications.id, body.clarificationId),
        eq(pekpppClarifications.cycleId, cu.cycle.id),
        eq(pekpppClarifications.unitId, cu.unit.id),
      ),
    )
    .limit(1);
  if (!row) throw new AppError('not_found', { subject: 'clarification' });
  if (row.status === 'closed' || row.closesAt <= now)
    throw new AppError('pekppp.clarification_closed', { lastDay: localDateText(row.lastDay) }); // issue 16: "20 Desember 2026", not ISO
  const asked = row.indicators as string[];
  for (const code of Object.keys(body.answers))
    if (!asked.includes(code)) throw new AppError('pekppp.indicator_unknown', { indicator: code });
  const answers = { ...(row.answers as Record<string, unknown>), ...body.answers };
  const [updated] = await tx
    .update(pekpppClarifications)
    .set({ answers, status: 'answered', answeredBy: auth.user().id, answeredAt: now })
    .where(eq(pekpppClarifications.id, row.id))
    .returning();
  await appendAudit(tx, {
    actor: auth.user(),
    action: 'verification.answer',
    subjectType: 'cycle_unit',
    subjectId: `${cu.cycle.id}/${cu.unit.id}`,
    provinceCode: cu.body.provinceCode,
    at: now,
    diff: { clarificationId: row.id, answers: body.answers },
  });
  return toClarification(updated!, now);
}

/**
 * The evaluator finalises F-02: every verified indicator passes the library's entry rules (level,
 * reason, data source) and no clarification is still open within its window; the open requests
 * are closed and the unit goes to review (records workflow: submitted, locked).
 */
export async function finalise(tx: Tx, auth: Auth, ctx: PekpppContext, lang: Lang, now = new Date()): Promise<void> {
  const { cu } = ctx;
  auth.require('pekppp.verify', unitTarget(cu));
  const view = await buildView(tx, auth, ctx, lang, now);
  const bad = view.indicators.filter((i) => i.verdictProblems.length > 0);
  if (bad.length > 0)
    throw new AppError('pekppp.verdict_incomplete', { count: bad.length, first: `${bad[0]!.code}: ${bad[0]!.verdictProblems[0]}` });
  if (view.clarifications.some((c) => c.status === 'open')) throw new AppError('pekppp.clarification_open', {});
  await tx
    .update(pekpppClarifications)
    .set({ status: 'closed', closedBy: auth.user().id, closedAt: now })
    .where(
      and(
        eq(pekpppClarifications.cycleId, cu.cycle.id),
        eq(pekpppClarifications.unitId, cu.unit.id),
        inArray(pekpppClarifications.status, ['open', 'answered']),
      ),
    );
  await saveState(tx, cu, { finalisedAt: now, finalisedBy: auth.user().id }, now);
  await appendAudit(tx, {
    actor: auth.user(),
    action: 'verification.finalise',
    subjectType: 'cycle_unit',
    subjectId: `${cu.cycle.id}/${cu.unit.id}`,
    provinceCode: cu.body.provinceCode,
    at: now,
    diff: { indicators: view.indicators.length },
  });
  await submitUnit(tx, auth, cu, now);
}

// ── Reads ───────────────────────────────────────────────────────────────────────────────────

/** The workbench: per indicator the unit's claim beside the evaluator's verdict, clarifications, progress, result. */
export async function buildView(tx: Queryable, auth: Auth, ctx: PekpppContext, lang: Lang, now = new Date()): Promise<PekpppUnitView> {
  const { cu, scheme, claim, verdict } = ctx;
  auth.require('pekppp.read', unitTarget(cu));
  const [state, claimSheet, verdictSheet, files, clarRows, result, ikmRows] = await Promise.all([
    stateOf(tx, cu),
    sheetOf(tx, cu, claim.code),
    sheetOf(tx, cu, verdict.code),
    filesOf(tx, cu),
    tx
      .select()
      .from(pekpppClarifications)
      .where(and(eq(pekpppClarifications.cycleId, cu.cycle.id), eq(pekpppClarifications.unitId, cu.unit.id)))
      .orderBy(asc(pekpppClarifications.requestedAt)),
    getUnitResult(tx, cu),
    listIkmEvidence(tx, cu.cycle.id, cu.unit.id),
  ]);
  const takesIkm = new Set(ikmIndicators(scheme, cu.body.type).map((i) => i.code));
  const claimAnswers = (claimSheet?.answers ?? {}) as Record<string, number | null>;
  const claimRemarks = (claimSheet?.remarks ?? {}) as Record<string, string>;
  const verdictAnswers = (verdictSheet?.answers ?? {}) as Record<string, number | null>;
  const verdictRemarks = (verdictSheet?.remarks ?? {}) as Record<string, string>;
  const links = asStrings(state.links);
  const sources = asStrings(state.sources);
  // The unit (operator, koordinator) sees the evaluator's F-02 only once it is finalised: before
  // that, verdicts, reasons, differences and the verified result stay the evaluator's draft.
  const hidden = state.finalisedAt === null && !auth.can('pekppp.verify', unitTarget(cu));
  const indicators: PekpppIndicator[] = indicatorsOf(scheme, claim.covers).map(({ indicator, aspect }) => {
    const code = indicator.code;
    const cl = claimAnswers[code] ?? null;
    const vl = !hidden && verdict.covers.includes(code) ? (verdictAnswers[code] ?? null) : null;
    const f = files.get(code) ?? [];
    const l = links[code] ?? [];
    const ikm = ikmRows.filter((e) => e.indicator === code);
    const claimProblems = checkEntry(scheme, claim.code, {
      indicator: code,
      level: cl,
      note: claimRemarks[code] ?? '',
      evidence: f.length + l.length + ikm.length,
    }).map((p) => p.message[lang]);
    const reason = hidden ? '' : (verdictRemarks[code] ?? '');
    const dataSources = hidden ? [] : (sources[code] ?? []);
    const verdictProblems = hidden
      ? []
      : checkEntry(scheme, verdict.code, { indicator: code, level: vl, note: reason, dataSources }).map((p) => p.message[lang]);
    return {
      code,
      aspect,
      text: indicator.text,
      levels: (indicator.scale.levels ?? []).map((lv) => ({ value: lv.value, descriptor: lv.descriptor })),
      evidenceRequired: indicator.selfAssessment?.evidenceRequired === true,
      takesIkm: takesIkm.has(code),
      documents: indicator.selfAssessment?.documents ?? [],
      claim: { level: cl, statement: claimRemarks[code] ?? '', links: l, files: f, ikm },
      verdict: { level: vl, reason, sources: dataSources },
      difference: cl === null || vl === null ? null : cl - vl,
      claimProblems,
      verdictProblems,
    };
  });
  const aspects = scheme.dimensions
    .map((d) => {
      const mine = indicators.filter((i) => i.aspect === d.code);
      return {
        code: d.code,
        title: d.title,
        indicators: mine.length,
        claimed: mine.filter((i) => i.claim.level !== null).length,
        verified: mine.filter((i) => i.verdict.level !== null).length,
      };
    })
    .filter((a) => a.indicators > 0);
  const claimStatus = state.claimStatus as SelfAssessmentStatus;
  return {
    cycleId: cu.cycle.id,
    cycleName: cu.cycle.name,
    year: cu.cycle.year,
    unitId: cu.unit.id,
    unitName: cu.unit.name,
    bodyName: cu.body.name,
    unitStatus: cu.status,
    claimStatus,
    submittedAt: state.submittedAt?.toISOString() ?? null,
    reopenedAt: state.reopenedAt?.toISOString() ?? null,
    reopenNote: state.reopenNote,
    finalisedAt: state.finalisedAt?.toISOString() ?? null,
    evaluatorId: cu.assessorId,
    evaluatorOrganisation: await organisationOf(tx, cu.cycle.id, cu.body.id),
    claimEditable:
      claimStatus !== 'submitted' &&
      (cu.cycle.status === 'planning' || cu.cycle.status === 'fieldwork') &&
      cu.status !== 'submitted' &&
      cu.status !== 'approved' &&
      !cu.locked,
    claimInstrument: claim.code,
    verdictInstrument: verdict.code,
    dataSources: verdict.entry?.dataSources?.options ?? [],
    clarificationDays: scheme.verification?.clarificationDays ?? 0,
    aspects,
    indicators,
    clarifications: clarRows.map((r) => toClarification(r, now)),
    result: result ? resultOf(scheme, result.result, hidden) : null,
    f03: await f03Progress(tx, scheme, cu.cycle.id, cu.unit.id), // issue 11
  };
}

async function organisationOf(tx: Queryable, cycleId: string, bodyId: string) {
  const o = await getEvaluatorOrganisation(tx, cycleId, bodyId);
  return o && { id: o.id, code: o.code, name: o.name, type: o.type };
}

/**
 * IPP with predicate and label, and the claimed result beside it (core compareClaims). With
 * `hidden` (the unit before finalisation) only the claimed side: the verified side is null.
 */
export function resultOf(scheme: Scheme, unit: Parameters<typeof compareClaims>[1], hidden = false): PekpppResult {
  const cmp = compareClaims(scheme, unit);
  return {
    ipp: hidden ? null : unit.score,
    predicate: hidden ? null : unit.band.code,
    label: hidden ? null : unit.band.label,
    claimedIpp: cmp.claimedScore,
    claimedPredicate: cmp.claimedBand.code,
    aspects: cmp.dimensions.map((d) => ({
      code: d.code,
      title: d.title,
      claimed: d.claimedScore,
      verified: hidden ? null : d.verifiedScore,
    })),
    counts: hidden ? null : cmp.counts,
  };
}

/** The PEKPPP units of a cycle the caller may read, with their F-01 state and open clarifications. */
export async function listUnits(tx: Queryable, auth: Auth, cycleId: string, now = new Date()): Promise<PekpppUnits> {
  const cycle = await getCycleOr404(tx, cycleId);
  const ids = (await tx.select({ unitId: cycleUnits.unitId }).from(cycleUnits).where(eq(cycleUnits.cycleId, cycle.id))).map(
    (r) => r.unitId,
  );
  const { locus } = await getCycleUnits(tx, [cycle.id], ids);
  const visible = [...locus.values()].filter((cu) => auth.can('pekppp.read', unitTarget(cu)));
  if (visible.length > 0) await contextOf(tx, visible[0]!);
  const states = new Map(
    (await tx.select().from(pekpppUnits).where(eq(pekpppUnits.cycleId, cycle.id))).map((r) => [
      r.unitId,
      r.claimStatus as SelfAssessmentStatus,
    ]),
  );
  const open = new Map(
    (
      await tx
        .select({ unitId: pekpppClarifications.unitId, n: sql<number>`count(*)::int` })
        .from(pekpppClarifications)
        .where(
          and(
            eq(pekpppClarifications.cycleId, cycle.id),
            eq(pekpppClarifications.status, 'open'),
            sql`${pekpppClarifications.closesAt} > ${now.toISOString()}`,
          ),
        )
        .groupBy(pekpppClarifications.unitId)
    ).map((r) => [r.unitId, r.n]),
  );
  const organisations = new Map(
    (
      await tx
        .select({ bodyId: cycleBodies.bodyId, id: bodies.id, code: bodies.code, name: bodies.name, type: bodies.type })
        .from(cycleBodies)
        .innerJoin(bodies, eq(bodies.id, cycleBodies.evaluatorBodyId))
        .where(eq(cycleBodies.cycleId, cycle.id))
    ).map(({ bodyId, ...o }) => [bodyId, o]),
  );
  return {
    items: visible
      .map((cu) => ({
        unitId: cu.unit.id,
        unitName: cu.unit.name,
        bodyName: cu.body.name,
        claimStatus: states.get(cu.unit.id) ?? ('draft' as const),
        unitStatus: cu.status,
        evaluatorId: cu.assessorId,
        evaluatorOrganisation: organisations.get(cu.body.id) ?? null,
        openClarifications: open.get(cu.unit.id) ?? 0,
      }))
      .sort((a, b) => a.bodyName.localeCompare(b.bodyName) || a.unitName.localeCompare(b.unitName)),
  };
}
