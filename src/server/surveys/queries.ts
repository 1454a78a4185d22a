// Public surveys (issue 11): set-up by the unit, the public questionnaire, anonymous responses
// with the engine's abuse checks (core surveyResponseFlags), paper entries, moderation and the
// IKM results (core ikmReport). Every write by a signed-in user audits itself; anonymous
// responses are not audited one by one (they carry their own flags, see audit-coverage).
import { createHash, randomBytes } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import { and, asc, desc, eq, gte, inArray, isNotNull, or, sql } from 'drizzle-orm';
import { getScheme } from '../../../methodologies/index.ts';
import { CoreError } from '../../core/errors.ts';
import { quotaFor, sampleSize } from '../../core/sample-size.ts';
import { ageBand, ikmReport, periodBounds, surveyResponseFlags } from '../../core/survey.ts';
import { supplementSummaries } from '../../core/pekppp.ts';
import { scoreUnit } from '../../core/score-unit.ts';
import { compactUnitScore } from '../scores/breakdown.ts';
import type { StoredF03 } from '../../shared/wire/scores.ts';
import type { PekpppUnitView } from '../../shared/wire/pekppp.ts';
import { localDateTimeText, zoneOfOffsetMinutes } from '../../shared/local-time.ts';
import type { Indicator, Instrument, Scheme, SurveyFlag, SurveyResponseInput, Text, UnitScore } from '../../core/types.ts';
import type {
  PaperResponseIn,
  PublicSurvey,
  PublishedIkm,
  Survey,
  SurveyIn,
  SurveyPatchIn,
  SurveyResponseIn,
  SurveyResults,
} from '../../shared/wire/surveys.ts';
import { type AuditActor, appendAudit } from '../audit/queries.ts';
import type { Actor, Target } from '../auth/policy.ts';
import { cycleScheme, getCycleOr404 } from '../cycles/queries.ts';
import { cycleBodies, cycleUnits, cycles } from '../cycles/schema.ts';
import type { Queryable, Tx } from '../db/client.ts';
import { AppError, notFound } from '../errors.ts';
import { evidenceFiles } from '../evidence/schema.ts';
import { bodies, units } from '../registry/schema.ts';
import { surveyResponses, surveys } from './schema.ts';
import { actions } from '../actions/schema.ts';
import { recomputeUnits } from '../scores/recompute.ts';

export const SKM_SCHEME = 'skm-2017';

/** UTC offset of a province (Kemendagri code): WITA and WIT provinces, WIB otherwise (and K/L). */
export function offsetOfProvince(code: string | null | undefined): number {
  const wita = ['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76'];
  const wit = ['81', '82', '91', '92', '93', '94', '95', '96', '97'];
  if (code && wit.includes(code)) return 540;
  if (code && wita.includes(code)) return 480;
  return 420;
}

const ZONE_NAMES: Record<number, string> = { 420: 'WIB', 480: 'WITA', 540: 'WIT' };

/** "05-12-2026 08:00 WIB": a time in the body's zone for messages (never ISO on screen). */
export function zoneTime(at: Date, offsetMinutes: number): string {
  const d = new Date(at.getTime() + offsetMinutes * 60_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}-${p(d.getUTCMonth() + 1)}-${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())} ${ZONE_NAMES[offsetMinutes] ?? ''}`.trim();
}

// ── The survey row with its unit and body ────────────────────────────────────────────────────

export interface SurveyRow {
  id: string;
  kind: 'skm' | 'f03';
  code: string;
  unitId: string;
  unitName: string;
  bodyId: string;
  bodyName: string;
  provinceCode: string | null;
  schemeId: string;
  instrument: string;
  cycleId: string | null;
  periodKind: 'month' | 'quarter' | 'semester' | 'year';
  periodKey: string;
  periodStart: Date;
  periodEnd: Date;
  offsetMinutes: number;
  services: string[];
  expectedUsers: number;
  targetSample: number;
  opensAt: Date;
  closesAt: Date;
  publishedAt: Date | null;
  createdAt: Date;
}

const surveyColumns = {
  id: surveys.id,
  kind: surveys.kind,
  code: surveys.code,
  unitId: surveys.unitId,
  unitName: units.name,
  bodyId: units.bodyId,
  bodyName: bodies.name,
  provinceCode: bodies.provinceCode,
  schemeId: surveys.schemeId,
  instrument: surveys.instrument,
  cycleId: surveys.cycleId,
  periodKind: surveys.periodKind,
  periodKey: surveys.periodKey,
  periodStart: surveys.periodStart,
  periodEnd: surveys.periodEnd,
  offsetMinutes: surveys.offsetMinutes,
  services: surveys.services,
  expectedUsers: surveys.expectedUsers,
  targetSample: surveys.targetSample,
  opensAt: surveys.opensAt,
  closesAt: surveys.closesAt,
  publishedAt: surveys.publishedAt,
  createdAt: surveys.createdAt,
};

const baseSelect = (tx: Queryable) =>
  tx.select(surveyColumns).from(surveys).innerJoin(units, eq(units.id, surveys.unitId)).innerJoin(bodies, eq(bodies.id, units.bodyId));

export async function getSurveyOr404(tx: Queryable, id: string): Promise<SurveyRow> {
  const [row] = await baseSelect(tx).where(eq(surveys.id, id)).limit(1);
  if (!row) throw notFound('survey');
  return row as SurveyRow;
}

export async function getSurveyByCodeOr404(tx: Queryable, code: string): Promise<SurveyRow> {
  const [row] = await baseSelect(tx).where(eq(surveys.code, code)).limit(1);
  if (!row) throw notFound('survey');
  return row as SurveyRow;
}

/**
 * The public endpoint's survey by code, kept for `SURVEY_CACHE_MS` per instance (a results-day
 * campaign asks for the same survey hundreds of times a second). A change made on this instance
 * forgets it at once (`forgetSurveyCode`); another instance's change (dates, services) is seen
 * within that bound at most.
 */
const SURVEY_CACHE_MS = 2_000;
const byCode = new Map<string, { row: SurveyRow; until: number }>();
export async function getSurveyByCodeCached(db: Queryable, code: string, now = Date.now()): Promise<SurveyRow> {
  const hit = byCode.get(code);
  if (hit && hit.until > now) return hit.row;
  const row = await getSurveyByCodeOr404(db, code);
  if (byCode.size > 10_000) byCode.clear();
  byCode.set(code, { row, until: now + SURVEY_CACHE_MS });
  return row;
}
export const forgetSurveyCode = (code: string): void => {
  byCode.delete(code);
};

export const surveyTarget = (s: Pick<SurveyRow, 'provinceCode' | 'bodyId' | 'unitId'>): Target => ({
  provinceCode: s.provinceCode,
  bodyId: s.bodyId,
  unitId: s.unitId,
});

/** The answers of the accepted responses of each of `ids`, in one query (surveys without any are absent). */
export async function acceptedAnswers(tx: Queryable, ids: readonly string[]): Promise<Map<string, Record<string, number>[]>> {
  const out = new Map<string, Record<string, number>[]>();
  if (ids.length === 0) return out;
  const rows = await tx
    .select({ surveyId: surveyResponses.surveyId, answers: surveyResponses.answers })
    .from(surveyResponses)
    .where(and(inArray(surveyResponses.surveyId, [...ids]), eq(surveyResponses.accepted, true)));
  for (const r of rows) {
    const list = out.get(r.surveyId) ?? [];
    list.push(r.answers as Record<string, number>);
    out.set(r.surveyId, list);
  }
  return out;
}

async function counts(tx: Queryable, ids: string[]): Promise<Map<string, { accepted: number; flagged: number }>> {
  const out = new Map<string, { accepted: number; flagged: number }>();
  if (ids.length === 0) return out;
  const rows = await tx
    .select({
      surveyId: surveyResponses.surveyId,
      accepted: sql<number>`count(*) filter (where ${surveyResponses.accepted})::int`,
      flagged: sql<number>`count(*) filter (where not ${surveyResponses.accepted})::int`,
    })
    .from(surveyResponses)
    .where(inArray(surveyResponses.surveyId, ids))
    .groupBy(surveyResponses.surveyId);
  for (const r of rows) out.set(r.surveyId, { accepted: Number(r.accepted), flagged: Number(r.flagged) });
  return out;
}

export function toWire(s: SurveyRow, c: { accepted: number; flagged: number } = { accepted: 0, flagged: 0 }): Survey {
  const period = periodBounds(s.periodKind, Number(s.periodKey.slice(0, 4)), indexOfKey(s.periodKey), s.offsetMinutes);
  return {
    id: s.id,
    kind: s.kind,
    code: s.code,
    unitId: s.unitId,
    unitName: s.unitName,
    bodyId: s.bodyId,
    bodyName: s.bodyName,
    schemeId: s.schemeId,
    instrument: s.instrument,
    cycleId: s.cycleId,
    periodKind: s.periodKind,
    periodKey: s.periodKey,
    periodFirstDay: period.firstDay,
    periodLastDay: period.lastDay,
    offsetMinutes: s.offsetMinutes,
    services: s.services,
    expectedUsers: s.expectedUsers,
    targetSample: s.targetSample,
    opensAt: s.opensAt.toISOString(),
    closesAt: s.closesAt.toISOString(),
    accepted: c.accepted,
    flagged: c.flagged,
    publishedAt: s.publishedAt?.toISOString() ?? null,
    createdAt: s.createdAt.toISOString(),
  };
}

function indexOfKey(key: string): number {
  const m = /^\d{4}(?:-(?:(\d{2})|Q(\d)|S(\d)))?$/.exec(key);
  return Number(m?.[1] ?? m?.[2] ?? m?.[3] ?? 1);
}

export async function surveyOut(tx: Queryable, s: SurveyRow): Promise<Survey> {
  return toWire(s, (await counts(tx, [s.id])).get(s.id));
}

export async function listUnitSurveys(tx: Queryable, unitId: string): Promise<Survey[]> {
  const rows = (await baseSelect(tx)
    .where(eq(surveys.unitId, unitId))
    .orderBy(asc(surveys.periodStart), asc(surveys.createdAt))) as SurveyRow[];
  const c = await counts(
    tx,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toWire(r, c.get(r.id)));
}

/** The surveys of every unit of a body (the koordinator's list), by unit then period. */
export async function listBodySurveys(tx: Queryable, bodyId: string): Promise<Survey[]> {
  const rows = (await baseSelect(tx)
    .where(eq(units.bodyId, bodyId))
    .orderBy(asc(units.name), asc(surveys.periodStart), asc(surveys.createdAt))) as SurveyRow[];
  const c = await counts(
    tx,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toWire(r, c.get(r.id)));
}

/**
 * issue 11: the F-03 of units of a PEKPPP cycle from their F-03 surveys (the latest per unit):
 * the accepted responses as the 'beside' instrument's sheets, scored by the engine, for the
 * PEKPPP view's card (f03Progress). The stored result (breakdown, rapor, snapshot) counts the
 * same responses with any F-03 sheets typed as records: scores/recompute.ts addSurveySheets.
 */
export async function f03Results(
  tx: Queryable,
  scheme: Scheme,
  cycleId: string,
  unitIds: readonly string[],
): Promise<Map<string, { stored: StoredF03; target: number; score: UnitScore }>> {
  const out = new Map<string, { stored: StoredF03; target: number; score: UnitScore }>();
  const beside = scheme.instruments.find((i) => i.role === 'beside' && i.publicResponse !== undefined);
  if (!beside || unitIds.length === 0) return out;
  const rows = await tx
    .selectDistinctOn([surveys.unitId], {
      id: surveys.id,
      unitId: surveys.unitId,
      target: surveys.targetSample,
      instrument: surveys.instrument,
    })
    .from(surveys)
    .where(and(eq(surveys.cycleId, cycleId), inArray(surveys.unitId, [...unitIds]), eq(surveys.kind, 'f03')))
    .orderBy(surveys.unitId, desc(surveys.createdAt));
  if (rows.length === 0) return out;
  const c = await counts(
    tx,
    rows.map((r) => r.id),
  );
  const answers = await acceptedAnswers(
    tx,
    rows.map((r) => r.id),
  );
  for (const r of rows) {
    const sheets = (answers.get(r.id) ?? []).map((a) => ({ instrument: r.instrument, answers: a }));
    const score = scoreUnit(scheme, { sheets });
    const instrument = scheme.instruments.find((i) => i.code === r.instrument);
    const groups = new Set(
      scheme.supplements.filter((g) => g.indicators.some((i) => instrument?.covers.includes(i.code))).map((g) => g.code),
    );
    const counted = c.get(r.id) ?? { accepted: 0, flagged: 0 };
    out.set(r.unitId, {
      target: r.target,
      score,
      stored: {
        surveyId: r.id,
        accepted: counted.accepted,
        flagged: counted.flagged,
        instrument: r.instrument,
        done: score.progress.find((p) => p.code === r.instrument)?.done ?? 0,
        supplements: compactUnitScore(score).supplements.filter(([code]) => groups.has(code)),
      },
    });
  }
  return out;
}

/** issue 11: the unit's F-03 survey of a PEKPPP cycle (the latest) with its counts against the locus quota. */
export async function f03Progress(tx: Queryable, scheme: Scheme, cycleId: string, unitId: string): Promise<PekpppUnitView['f03']> {
  const r = (await f03Results(tx, scheme, cycleId, [unitId])).get(unitId);
  if (!r) return null;
  // The accepted responses summarised by the engine as the rapor is.
  const instrument = scheme.instruments.find((i) => i.code === r.stored.instrument);
  const summary = supplementSummaries(scheme, r.score).find((g) => g.items.some((i) => instrument?.covers.includes(i.code)));
  const note = summary ? (scheme.assumptions.find((a) => a.path === `supplements/${summary.code}`)?.note ?? null) : null;
  return {
    surveyId: r.stored.surveyId,
    accepted: r.stored.accepted,
    flagged: r.stored.flagged,
    target: r.target,
    mean: summary?.mean ?? null,
    items: (summary?.items ?? []).map((i) => ({ code: i.code, text: i.text, mean: i.mean, n: i.n, unverified: i.unverified })),
    dimensions: summary?.dimensions ?? [],
    note,
  };
}

// ── The scheme and its instrument ────────────────────────────────────────────────────────────

const schemeCache = new Map<string, Scheme>();

/** The survey's scheme: skm-2017 from the library, or the F-03 cycle's frozen scheme. */
export async function surveyScheme(tx: Queryable, s: Pick<SurveyRow, 'schemeId' | 'cycleId'>): Promise<Scheme> {
  if (s.cycleId === null) {
    const scheme = getScheme(s.schemeId);
    if (!scheme) throw new AppError('scheme.unknown', { scheme: s.schemeId });
    return scheme;
  }
  const hit = schemeCache.get(s.cycleId);
  if (hit) return hit;
  const scheme = await cycleScheme(tx, await getCycleOr404(tx, s.cycleId));
  schemeCache.set(s.cycleId, scheme);
  return scheme;
}

export function instrumentOf(scheme: Scheme, code: string): Instrument {
  const i = scheme.instruments.find((x) => x.code === code);
  if (!i) throw new CoreError('scheme.unknown_instrument', { schemeId: scheme.id, instrument: code });
  return i;
}

/** The questions of an instrument, from the dimensions or the supplements, in the file's order. */
export function itemsOf(scheme: Scheme, instrument: Instrument): Indicator[] {
  const covered = new Set(instrument.covers);
  const out: Indicator[] = [];
  const visit = (o: unknown): void => {
    if (Array.isArray(o)) for (const x of o) visit(x);
    else if (o !== null && typeof o === 'object') {
      const r = o as Record<string, unknown>;
      if (typeof r.code === 'string' && covered.has(r.code) && r.scale !== undefined) {
        out.push(r as unknown as Indicator);
        covered.delete(r.code);
        return;
      }
      for (const v of Object.values(r)) if (typeof v === 'object') visit(v);
    }
  };
  visit(scheme.dimensions);
  visit((scheme as unknown as { supplements?: unknown }).supplements);
  return out;
}

// ── Set-up ───────────────────────────────────────────────────────────────────────────────────

export interface UnitRow {
  id: string;
  name: string;
  bodyId: string;
  provinceCode: string | null;
}

export async function getUnitRowOr404(tx: Queryable, unitId: string): Promise<UnitRow> {
  const [row] = await tx
    .select({ id: units.id, name: units.name, bodyId: units.bodyId, provinceCode: bodies.provinceCode })
    .from(units)
    .innerJoin(bodies, eq(bodies.id, units.bodyId))
    .where(eq(units.id, unitId))
    .limit(1);
  if (!row) throw notFound('unit');
  return row;
}

export async function getBodyRowOr404(tx: Queryable, bodyId: string): Promise<{ id: string; provinceCode: string | null }> {
  const [row] = await tx.select({ id: bodies.id, provinceCode: bodies.provinceCode }).from(bodies).where(eq(bodies.id, bodyId)).limit(1);
  if (!row) throw notFound('body');
  return row;
}

const CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
function newCode(): string {
  const bytes = randomBytes(7);
  return [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}

const auditActor = (a: Actor): AuditActor => ({ id: a.id, username: a.username });

/** `now`: when it is opened (the demo dates a past year's questionnaire in that year). */
export async function createSurvey(tx: Tx, actor: Actor, unit: UnitRow, input: SurveyIn, now = new Date()): Promise<SurveyRow> {
  const offset = offsetOfProvince(unit.provinceCode);
  let scheme: Scheme;
  let instrument: string;
  let cycleId: string | null = null;
  let target: number;
  if (input.kind === 'f03') {
    if (!input.cycleId) throw new AppError('survey.cycle_invalid');
    const cycle = await getCycleOr404(tx, input.cycleId);
    const [inLocus] = await tx
      .select({ unitId: cycleUnits.unitId })
      .from(cycleUnits)
      .where(and(eq(cycleUnits.cycleId, cycle.id), eq(cycleUnits.unitId, unit.id)))
      .limit(1);
    scheme = await cycleScheme(tx, cycle);
    if (cycle.family !== 'pekppp' || !inLocus || !scheme.instruments.some((i) => i.code === 'f03' && i.publicResponse))
      throw new AppError('survey.cycle_invalid');
    // One F-03 questionnaire per unit per cycle: its responses (online, kiosk, typed paper forms)
    // are the unit's F-03, counted once against the locus quota. A second one is refused,
    // naming the first (the partial unique index guards a race).
    const [existing] = await tx
      .select({ code: surveys.code, opensAt: surveys.opensAt, closesAt: surveys.closesAt })
      .from(surveys)
      .where(and(eq(surveys.cycleId, cycle.id), eq(surveys.unitId, unit.id), eq(surveys.kind, 'f03')))
      .limit(1);
    if (existing) {
      const zone = zoneOfOffsetMinutes(offset);
      throw new AppError('survey.f03_exists', {
        code: existing.code,
        opensAt: localDateTimeText(existing.opensAt, zone),
        closesAt: localDateTimeText(existing.closesAt, zone),
      });
    }
    instrument = 'f03';
    cycleId = cycle.id;
    // F-03 counts against the locus quota (10–20 per locus in the library file).
    target = quotaFor(scheme, instrument).target;
  } else {
    scheme = getScheme(SKM_SCHEME)!;
    instrument = scheme.instruments.find((i) => i.publicResponse !== undefined)!.code;
    if (!(scheme.survey?.periods ?? []).includes(input.periodKind))
      throw new AppError('survey.period_not_allowed', { period: input.periodKind, scheme: scheme.id });
    // The minimum sample: Krejcie–Morgan S(N) from the library's sampling constants.
    target = scheme.sampling ? sampleSize(scheme.sampling, input.expectedUsers) : quotaFor(scheme, instrument).target;
  }
  const period = periodBounds(input.periodKind, input.year, input.index, offset);
  const opensAt = new Date(input.opensAt);
  const closesAt = new Date(input.closesAt);
  if (!(closesAt.getTime() > opensAt.getTime())) throw new AppError('survey.dates_invalid');
  const id = crypto.randomUUID();
  const code = newCode();
  await tx.insert(surveys).values({
    id,
    kind: input.kind,
    code,
    unitId: unit.id,
    schemeId: scheme.id,
    instrument,
    cycleId,
    periodKind: input.periodKind,
    periodKey: period.key,
    periodStart: new Date(period.start),
    periodEnd: new Date(period.end),
    offsetMinutes: offset,
    services: input.services,
    expectedUsers: input.expectedUsers,
    targetSample: target,
    opensAt,
    closesAt,
    createdBy: actor.id,
    createdAt: now,
  });
  await appendAudit(tx, {
    actor: auditActor(actor),
    action: 'survey.create',
    subjectType: 'survey',
    subjectId: id,
    provinceCode: unit.provinceCode,
    at: now,
    diff: { kind: input.kind, unitId: unit.id, period: period.key, expectedUsers: input.expectedUsers, targetSample: target, code },
  });
  return getSurveyOr404(tx, id);
}

export async function updateSurvey(tx: Tx, actor: Actor, s: SurveyRow, patch: SurveyPatchIn): Promise<SurveyRow> {
  const opensAt = patch.opensAt ? new Date(patch.opensAt) : s.opensAt;
  const closesAt = patch.closesAt ? new Date(patch.closesAt) : s.closesAt;
  if (!(closesAt.getTime() > opensAt.getTime())) throw new AppError('survey.dates_invalid');
  const set: Partial<typeof surveys.$inferInsert> = { opensAt, closesAt };
  if (patch.services) set.services = patch.services;
  if (patch.expectedUsers !== undefined && s.kind === 'skm') {
    const scheme = getScheme(s.schemeId)!;
    set.expectedUsers = patch.expectedUsers;
    set.targetSample = scheme.sampling ? sampleSize(scheme.sampling, patch.expectedUsers) : s.targetSample;
  }
  await tx.update(surveys).set(set).where(eq(surveys.id, s.id));
  await appendAudit(tx, {
    actor: auditActor(actor),
    action: 'survey.update',
    subjectType: 'survey',
    subjectId: s.id,
    provinceCode: s.provinceCode,
    diff: { before: { opensAt: s.opensAt, closesAt: s.closesAt, expectedUsers: s.expectedUsers }, after: patch },
  });
  return getSurveyOr404(tx, s.id);
}

export async function auditKiosk(tx: Tx, actor: Actor, s: SurveyRow): Promise<void> {
  await appendAudit(tx, {
    actor: auditActor(actor),
    action: 'survey.kiosk',
    subjectType: 'survey',
    subjectId: s.id,
    provinceCode: s.provinceCode,
    diff: { kiosk: true },
  });
}

// ── The public questionnaire ─────────────────────────────────────────────────────────────────

export function publicForm(scheme: Scheme, s: SurveyRow, deviceToken: string, now: Date): PublicSurvey {
  const instrument = instrumentOf(scheme, s.instrument);
  return {
    code: s.code,
    kind: s.kind,
    title: instrument.title,
    unitName: s.unitName,
    bodyName: s.bodyName,
    periodKey: s.periodKey,
    opensAt: s.opensAt.toISOString(),
    closesAt: s.closesAt.toISOString(),
    open: now >= s.opensAt && now < s.closesAt,
    offsetMinutes: s.offsetMinutes,
    questions: itemsOf(scheme, instrument).map((i) => ({
      code: i.code,
      text: i.text,
      guidance: i.guidance ?? null,
      levels: i.scale.levels.map((l) => ({ value: l.value, key: l.key ?? null, label: l.descriptor })),
    })),
    profile: (instrument.profile ?? []).map((p) => ({
      code: p.code,
      label: p.label,
      kind: p.kind,
      required: p.required,
      options:
        p.kind === 'service'
          ? s.services.map((sv) => ({ code: sv, label: { id: sv, en: sv } }))
          : (p.options ?? []).map((o) => ({ code: o.code, label: o.label })),
    })),
    deviceToken,
  };
}

/** Checks answers and profile against the instrument; returns the cleaned profile. */
function checkAnswers(
  scheme: Scheme,
  s: SurveyRow,
  answers: Record<string, number>,
  profileIn: Record<string, string | number>,
  age: number | undefined,
): Record<string, string> {
  const instrument = instrumentOf(scheme, s.instrument);
  const items = itemsOf(scheme, instrument);
  const codes = new Set(items.map((i) => i.code));
  for (const k of Object.keys(answers)) if (!codes.has(k)) throw new AppError('survey.answers_invalid', { reason: `unknown item ${k}` });
  for (const i of items) {
    const v = answers[i.code];
    if (v === undefined) throw new AppError('survey.answers_invalid', { reason: `${i.code} unanswered` });
    if (!i.scale.levels.some((l) => l.value === v)) throw new AppError('survey.answers_invalid', { reason: `${i.code} = ${v}` });
  }
  const profile: Record<string, string> = {};
  const fields = instrument.profile ?? [];
  for (const [k, v] of Object.entries(profileIn)) {
    const f = fields.find((x) => x.code === k);
    if (!f) throw new AppError('survey.answers_invalid', { reason: `unknown profile field ${k}` });
    const value = String(v);
    const ok =
      f.kind === 'service'
        ? s.services.includes(value)
        : f.kind === 'text'
          ? value.length <= 200
          : (f.options ?? []).some((o) => o.code === value);
    if (!ok) throw new AppError('survey.answers_invalid', { reason: `${k} = ${value}` });
    profile[k] = value;
  }
  if (age !== undefined) {
    const band = fields.find((f) => f.kind === 'age-band');
    if (band) {
      const code = ageBand(scheme, s.instrument, age, band.code);
      if (code !== null) profile[band.code] = code;
    }
  }
  for (const f of fields)
    if (f.required && profile[f.code] === undefined) throw new AppError('survey.answers_invalid', { reason: `${f.code} required` });
  return profile;
}

/** The identity of a response for bursts: its answers and profile, key order irrelevant. */
export function fingerprintOf(answers: Record<string, unknown>, profile: Record<string, unknown>): string {
  const part = (o: Record<string, unknown>) =>
    Object.keys(o)
      .filter((k) => o[k] !== null && o[k] !== undefined)
      .sort()
      .map((k) => `${k}=${String(o[k])}`)
      .join('&');
  return createHash('sha256')
    .update(`${part(answers)}|${part(profile)}`)
    .digest('hex');
}

export interface IncomingResponse {
  id: string;
  source: 'public' | 'kiosk' | 'paper';
  submittedAt: Date;
  openedAt?: Date;
  deviceKey: string | null;
  answers: Record<string, number>;
  profile: Record<string, string>;
  suggestion?: string;
  honeypot?: string;
  scanSha256?: string;
  enteredBy?: string;
}

/** What became of one response: the engine's verdict (of a resend: the stored one), or its error. */
export type StoreOutcome = { accepted: boolean; flags: SurveyFlag[] } | { error: AppError };

/**
 * The advisory lock class of a survey's responses (the other key is `hashtext(survey id)`): the
 * read of earlier responses and the insert of a batch are serialised per survey across
 * connections and instances, so two responses of one device never both pass the per-device check.
 */
const RESPONSES_LOCK_CLASS = 0x534b4d; // 'SKM'

/**
 * Stores responses of one survey with the engine's verdicts, in the caller's transaction: the
 * earlier responses that bear on them (the same device, identical answers inside the burst window)
 * are read back in ONE query and the engine judges them with the new ones in ONE pass — in time
 * order, so each verdict is the one it would get alone after those before it — and the new ones
 * go in as ONE insert statement. Flagged responses are kept with their reasons. A repeated id of
 * the same survey (a retried send, also twice in one batch) is a no-op answered with the stored
 * verdict; an id of another survey is an error of that response only.
 */
export async function storeResponses(tx: Tx, scheme: Scheme, s: SurveyRow, rs: readonly IncomingResponse[]): Promise<StoreOutcome[]> {
  if (rs.length === 0) return [];
  await tx.execute(sql`select pg_advisory_xact_lock(${RESPONSES_LOCK_CLASS}, hashtext(${s.id}))`);
  if (await f03Final(tx, s)) return rs.map(() => ({ error: new AppError('survey.f03_final') }));
  const windowMs = (instrumentOf(scheme, s.instrument).publicResponse?.burst.windowMinutes ?? 0) * 60_000;
  const fps = rs.map((r) => fingerprintOf(r.answers, r.profile));
  const judged = rs.flatMap((r, k) => (r.source === 'paper' ? [] : [k]));
  const keys = [...new Set(judged.flatMap((k) => (rs[k]!.deviceKey === null ? [] : [rs[k]!.deviceKey!])))];
  const since = new Date(Math.min(...judged.map((k) => rs[k]!.submittedAt.getTime())) - windowMs);
  // One round trip: resends (any survey, to refuse a reused id), and the earlier responses that
  // bear on the verdicts (the same device in the survey, the same answers inside the burst window).
  const ids = sql`${surveyResponses.id} = any(${sql.param(rs.map((r) => r.id))}::uuid[])`;
  const earlier = await tx
    .select({
      id: surveyResponses.id,
      surveyId: surveyResponses.surveyId,
      submittedAt: surveyResponses.submittedAt,
      deviceKey: surveyResponses.deviceKey,
      source: surveyResponses.source,
      fingerprint: surveyResponses.fingerprint,
      accepted: surveyResponses.accepted,
      flags: surveyResponses.flags,
    })
    .from(surveyResponses)
    .where(
      judged.length === 0
        ? ids
        : or(
            ids,
            and(
              eq(surveyResponses.surveyId, s.id),
              or(
                keys.length === 0 ? sql`false` : sql`${surveyResponses.deviceKey} = any(${sql.param(keys)}::text[])`,
                and(
                  sql`${surveyResponses.fingerprint} = any(${sql.param([...new Set(judged.map((k) => fps[k]!))])}::text[])`,
                  gte(surveyResponses.submittedAt, since),
                ),
              ),
            ),
          ),
    );

  const outcomes: StoreOutcome[] = new Array(rs.length);
  const stored = new Map(earlier.map((p) => [p.id, p]));
  const firstOf = new Map<string, number>();
  const resent: [number, number][] = [];
  const fresh: number[] = [];
  rs.forEach((r, k) => {
    const dup = stored.get(r.id);
    if (dup) {
      outcomes[k] =
        dup.surveyId === s.id
          ? { accepted: dup.accepted, flags: dup.flags as SurveyFlag[] }
          : { error: new AppError('survey.answers_invalid', { reason: 'id reused' }) };
    } else if (firstOf.has(r.id)) resent.push([k, firstOf.get(r.id)!]);
    else {
      firstOf.set(r.id, k);
      fresh.push(k);
    }
  });

  const toJudge = fresh.filter((k) => rs[k]!.source !== 'paper');
  const verdicts = new Map<string, { accepted: boolean; flags: SurveyFlag[] }>();
  if (toJudge.length > 0) {
    // Earlier rows enter the engine with the identity that matters: the answers of a new
    // response with the same fingerprint, else an identity of their own.
    const like = new Map(toJudge.map((k) => [fps[k]!, rs[k]!]));
    const inputs: SurveyResponseInput[] = earlier
      .filter((p) => p.surveyId === s.id)
      .map((p) => {
        const same = like.get(p.fingerprint);
        return {
          id: p.id,
          submittedAt: p.submittedAt.toISOString(),
          ...(p.deviceKey ? { deviceKey: p.deviceKey } : {}),
          kiosk: p.source === 'kiosk',
          answers: same ? same.answers : { _other: 1 },
          profile: same ? same.profile : { _id: p.id },
        };
      });
    for (const k of toJudge) {
      const r = rs[k]!;
      inputs.push({
        id: r.id,
        submittedAt: r.submittedAt.toISOString(),
        ...(r.openedAt ? { openedAt: r.openedAt.toISOString() } : {}),
        ...(r.deviceKey ? { deviceKey: r.deviceKey } : {}),
        kiosk: r.source !== 'public',
        answers: r.answers,
        profile: r.profile,
        honeypot: r.honeypot ?? null,
      });
    }
    const judgedAll = surveyResponseFlags(scheme, s.instrument, inputs, {
      window: { opensAt: s.opensAt.toISOString(), closesAt: s.closesAt.toISOString() },
      periodKind: s.periodKind,
      offsetMinutes: s.offsetMinutes,
    });
    for (const v of judgedAll.slice(inputs.length - toJudge.length)) verdicts.set(v.id, { accepted: v.accepted, flags: v.flags });
  }

  if (fresh.length > 0) {
    const rows = fresh.map((k) => {
      const r = rs[k]!;
      const verdict = verdicts.get(r.id) ?? { accepted: true, flags: [] };
      outcomes[k] = verdict;
      return {
        id: r.id,
        source: r.source,
        submitted_at: r.submittedAt.toISOString(),
        opened_at: r.openedAt?.toISOString() ?? null,
        device_key: r.deviceKey,
        fingerprint: fps[k],
        answers: r.answers,
        profile: r.profile,
        suggestion: r.suggestion?.trim() ? r.suggestion.trim() : null,
        accepted: verdict.accepted,
        flags: verdict.flags,
        scan_sha256: r.scanSha256 ?? null,
        entered_by: r.enteredBy ?? null,
      };
    });
    // One statement, the rows as one JSON recordset (as records/queries.ts does).
    await tx.execute(sql`
      insert into survey_responses (id, survey_id, source, submitted_at, opened_at, device_key, fingerprint, answers,
        profile, suggestion, accepted, flags, scan_sha256, entered_by)
      select x.id, ${s.id}::uuid, x.source, x.submitted_at, x.opened_at, x.device_key, x.fingerprint, x.answers,
        x.profile, x.suggestion, x.accepted, x.flags, x.scan_sha256, x.entered_by
      from json_to_recordset(${JSON.stringify(rows)}::json) as x(id uuid, source text, submitted_at timestamptz,
        opened_at timestamptz, device_key text, fingerprint text, answers jsonb, profile jsonb, suggestion text,
        accepted boolean, flags jsonb, scan_sha256 text, entered_by uuid)`);
  }
  for (const [k, first] of resent) outcomes[k] = outcomes[first]!;
  return outcomes;
}

/**
 * Issue 11 §6: accepted responses of an F-03 questionnaire count in the unit's stored result
 * (progress, completeness, the F-03 means: scores/recompute.ts reads them), so the unit is
 * recomputed in the same transaction — once per batch of responses, not per response. Anonymous
 * batches are audited here (`survey.recount`, actor public): the append also takes the audit
 * chain lock, so this recompute and a concurrent write of the unit's records run one after the
 * other. A signed-in write (paper entry) has audited itself already. SKM surveys: nothing.
 */
export async function recountF03(tx: Tx, s: SurveyRow, accepted: number, actor: AuditActor | 'audited'): Promise<void> {
  if (s.kind !== 'f03' || s.cycleId === null || accepted === 0) return;
  if (actor !== 'audited')
    await appendAudit(tx, {
      actor,
      action: 'survey.recount',
      subjectType: 'survey',
      subjectId: s.id,
      provinceCode: s.provinceCode,
      diff: { unitId: s.unitId, cycleId: s.cycleId, accepted },
    });
  await recomputeUnits(tx, await getCycleOr404(tx, s.cycleId), [s.unitId]);
}

/**
 * An F-03 questionnaire takes no more answers once its unit's result is final (its government
 * final in the cycle, or the cycle final): the stored and published result would otherwise move
 * under a frozen publication. Paper forms typed afterwards are refused the same way.
 */
async function f03Final(tx: Tx, s: SurveyRow): Promise<boolean> {
  if (s.kind !== 'f03' || !s.cycleId) return false;
  const [row] = await tx
    .select({ cycle: cycles.status, body: cycleBodies.status })
    .from(cycles)
    .leftJoin(cycleBodies, and(eq(cycleBodies.cycleId, cycles.id), eq(cycleBodies.bodyId, s.bodyId)))
    .where(eq(cycles.id, s.cycleId));
  return row?.cycle === 'final' || row?.body === 'final';
}

/** One response, as `storeResponses`; its error thrown. */
export async function storeResponse(
  tx: Tx,
  scheme: Scheme,
  s: SurveyRow,
  r: IncomingResponse,
): Promise<{ accepted: boolean; flags: SurveyFlag[] }> {
  const [out] = await storeResponses(tx, scheme, s, [r]);
  if ('error' in out!) throw out.error;
  return out!;
}

export function publicResponse(
  scheme: Scheme,
  s: SurveyRow,
  input: SurveyResponseIn,
  meta: { deviceKey: string | null; kiosk: boolean; now: Date },
): IncomingResponse {
  if (meta.now < s.opensAt || meta.now >= s.closesAt) {
    // issue 16: in the body's zone, as every date on screen ("20 Desember 2026 08.00 WITA").
    const zone = zoneOfOffsetMinutes(s.offsetMinutes);
    throw new AppError('survey.closed', { opensAt: localDateTimeText(s.opensAt, zone), closesAt: localDateTimeText(s.closesAt, zone) });
  }
  const profile = checkAnswers(scheme, s, input.answers, input.profile, input.age);
  return {
    id: input.id,
    source: meta.kiosk ? 'kiosk' : 'public',
    submittedAt: meta.now,
    ...(input.openedAt ? { openedAt: new Date(input.openedAt) } : {}),
    deviceKey: meta.kiosk ? null : meta.deviceKey,
    answers: input.answers,
    profile,
    ...(input.suggestion ? { suggestion: input.suggestion } : {}),
    ...(input.website ? { honeypot: input.website } : {}),
  };
}

/** A paper form's scan, stored (content-addressed) before the form is typed: audited with its survey. */
export async function storeScan(
  tx: Tx,
  actor: Actor,
  s: SurveyRow,
  file: { sha256: string; size: number; mime: string; filename: string },
): Promise<{ sha256: string; size: number; mime: string }> {
  await tx.insert(evidenceFiles).values({ sha256: file.sha256, size: file.size, mime: file.mime }).onConflictDoNothing();
  await appendAudit(tx, {
    actor: auditActor(actor),
    action: 'survey.scan_upload',
    subjectType: 'survey',
    subjectId: s.id,
    provinceCode: s.provinceCode,
    diff: { sha256: file.sha256, size: file.size, filename: file.filename },
  });
  return { sha256: file.sha256, size: file.size, mime: file.mime };
}

/** A paper form typed by the unit: the scan must be in the evidence store already. */
export async function enterPaper(
  tx: Tx,
  actor: Actor,
  scheme: Scheme,
  s: SurveyRow,
  input: PaperResponseIn,
): Promise<{ accepted: boolean }> {
  const [file] = await tx
    .select({ sha256: evidenceFiles.sha256 })
    .from(evidenceFiles)
    .where(eq(evidenceFiles.sha256, input.scanSha256))
    .limit(1);
  if (!file) throw new AppError('survey.scan_missing');
  const profile = checkAnswers(scheme, s, input.answers, input.profile, undefined);
  const out = await storeResponse(tx, scheme, s, {
    id: input.id,
    source: 'paper',
    submittedAt: new Date(),
    deviceKey: null,
    answers: input.answers,
    profile,
    ...(input.suggestion ? { suggestion: input.suggestion } : {}),
    scanSha256: input.scanSha256,
    enteredBy: actor.id,
  });
  await appendAudit(tx, {
    actor: auditActor(actor),
    action: 'survey.paper_entry',
    subjectType: 'survey',
    subjectId: s.id,
    provinceCode: s.provinceCode,
    diff: { responseId: input.id, scanSha256: input.scanSha256 },
  });
  await recountF03(tx, s, out.accepted ? 1 : 0, 'audited');
  return out;
}

export async function moderateSuggestion(
  tx: Tx,
  actor: Actor,
  s: SurveyRow,
  responseId: string,
  status: 'pending' | 'approved' | 'hidden',
): Promise<void> {
  const [row] = await tx
    .update(surveyResponses)
    .set({ suggestionStatus: status })
    .where(and(eq(surveyResponses.id, responseId), eq(surveyResponses.surveyId, s.id), isNotNull(surveyResponses.suggestion)))
    .returning({ id: surveyResponses.id });
  if (!row) throw notFound('survey');
  await appendAudit(tx, {
    actor: auditActor(actor),
    action: 'survey.moderate',
    subjectType: 'survey',
    subjectId: s.id,
    provinceCode: s.provinceCode,
    diff: { responseId, status },
  });
}

export async function publishSurvey(tx: Tx, actor: Actor, s: SurveyRow): Promise<SurveyRow> {
  if (s.kind !== 'skm') throw new AppError('survey.no_responses');
  const [n] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.surveyId, s.id), eq(surveyResponses.accepted, true)));
  if (!n || Number(n.n) === 0) throw new AppError('survey.no_responses');
  await tx.update(surveys).set({ publishedAt: new Date() }).where(eq(surveys.id, s.id));
  await appendAudit(tx, {
    actor: auditActor(actor),
    action: 'survey.publish',
    subjectType: 'survey',
    subjectId: s.id,
    provinceCode: s.provinceCode,
    diff: { published: true, period: s.periodKey },
  });
  return getSurveyOr404(tx, s.id);
}

// ── Results ──────────────────────────────────────────────────────────────────────────────────

interface StoredResponse {
  id: string;
  submittedAt: Date;
  source: string;
  answers: Record<string, number>;
  profile: Record<string, string>;
  suggestion: string | null;
  suggestionStatus: string;
  accepted: boolean;
  flags: SurveyFlag[];
}

async function responsesOf(tx: Queryable, surveyId: string): Promise<StoredResponse[]> {
  return (await tx
    .select({
      id: surveyResponses.id,
      submittedAt: surveyResponses.submittedAt,
      source: surveyResponses.source,
      answers: surveyResponses.answers,
      profile: surveyResponses.profile,
      suggestion: surveyResponses.suggestion,
      suggestionStatus: surveyResponses.suggestionStatus,
      accepted: surveyResponses.accepted,
      flags: surveyResponses.flags,
    })
    .from(surveyResponses)
    .where(eq(surveyResponses.surveyId, surveyId))
    .orderBy(asc(surveyResponses.submittedAt))) as StoredResponse[];
}

export async function surveyResults(tx: Queryable, s: SurveyRow): Promise<SurveyResults> {
  const scheme = await surveyScheme(tx, s);
  const instrument = instrumentOf(scheme, s.instrument);
  const all = await responsesOf(tx, s.id);
  const accepted = all.filter((r) => r.accepted);
  const flagged = all.filter((r) => !r.accepted);
  let ikm: SurveyResults['ikm'] = null;
  if (s.kind === 'skm' && accepted.length > 0) {
    const report = ikmReport(
      scheme,
      accepted.map((r) => r.answers),
      s.expectedUsers,
    );
    ikm = {
      value: report.ikm,
      raw: report.raw,
      band: { code: report.band.code, label: report.band.label },
      unsur: report.unsur.map((u) => ({ ...u, band: u.band.code })),
      weakest: report.weakest,
      ascending: report.ascending,
    };
  }
  const profile = (instrument.profile ?? [])
    .filter((f) => f.kind !== 'text')
    .map((f) => {
      const options: { code: string; label: Text }[] =
        f.kind === 'service' ? s.services.map((sv) => ({ code: sv, label: { id: sv, en: sv } })) : (f.options ?? []);
      return {
        field: f.code,
        label: f.label,
        counts: options.map((o) => ({ code: o.code, label: o.label, n: accepted.filter((r) => r.profile[f.code] === o.code).length })),
      };
    });
  return {
    survey: toWire(s, { accepted: accepted.length, flagged: flagged.length }),
    accepted: accepted.length,
    flagged: flagged.length,
    target: s.targetSample,
    progress: s.targetSample > 0 ? accepted.length / s.targetSample : 0,
    ikm,
    profile,
    flaggedResponses: flagged.map((r) => ({
      id: r.id,
      submittedAt: r.submittedAt.toISOString(),
      source: r.source as 'public' | 'kiosk' | 'paper',
      flags: r.flags.map((f) => ({ code: f.code, reason: f.reason })),
    })),
    suggestions: accepted
      .filter((r) => r.suggestion !== null)
      .map((r) => ({
        id: r.id,
        submittedAt: r.submittedAt.toISOString(),
        text: r.suggestion!,
        status: r.suggestionStatus as 'pending' | 'approved' | 'hidden',
      })),
  };
}

/** Every published unit IKM (the public portal and open data), newest period first. */
export async function publishedIkm(tx: Queryable, unitId?: string): Promise<PublishedIkm[]> {
  const rows = (await baseSelect(tx)
    .where(and(isNotNull(surveys.publishedAt), eq(surveys.kind, 'skm'), unitId ? eq(surveys.unitId, unitId) : undefined))
    .orderBy(sql`${surveys.periodStart} desc`)) as SurveyRow[];
  const out: PublishedIkm[] = [];
  for (const s of rows) {
    const r = await surveyResults(tx, s);
    if (!r.ikm) continue;
    out.push({
      surveyId: s.id,
      unitId: s.unitId,
      unitName: s.unitName,
      bodyName: s.bodyName,
      periodKey: s.periodKey,
      respondents: r.accepted,
      ikm: r.ikm.value,
      band: r.ikm.band.code,
      unsur: r.ikm.unsur.map((u) => ({ code: u.code, text: u.text, nrr: u.nrr })),
      suggestions: r.suggestions.filter((x) => x.status === 'approved').map((x) => x.text),
      publishedAt: s.publishedAt!.toISOString(),
    });
  }
  return out;
}

// ── Follow-up plan (RTL): the shared action model of issue 12 ────────────────────────────────

/** An SKM action source must name a survey of the action's unit and one of its unsur. */
export async function checkSurveySource(tx: Queryable, unitId: string, surveyId: string, unsurCode: string): Promise<string | null> {
  const [s] = await baseSelect(tx).where(eq(surveys.id, surveyId)).limit(1);
  if (!s || s.unitId !== unitId) return `survey ${surveyId}`;
  const scheme = await surveyScheme(tx, s as SurveyRow);
  const items = itemsOf(scheme, instrumentOf(scheme, s.instrument));
  return items.some((i) => i.code === unsurCode) ? null : `unsur ${unsurCode}`;
}

/** The RTL of a survey: the follow-up actions whose source is one of its unsur. */
export async function surveyActions(
  tx: Queryable,
  surveyId: string,
): Promise<{ unsurCode: string; title: string; personInCharge: string; dueDate: string; status: string }[]> {
  const rows = await tx
    .select({
      unsurCode: actions.unsurCode,
      title: actions.title,
      personInCharge: actions.personInCharge,
      dueDate: actions.dueDate,
      status: actions.status,
    })
    .from(actions)
    .where(eq(actions.surveyId, surveyId))
    .orderBy(asc(actions.dueDate));
  return rows.map((r) => ({ ...r, unsurCode: r.unsurCode ?? '' }));
}

/**
 * The accepted responses of a survey as CSV for the unit (UTF-8 with BOM, CRLF, a header row):
 * number, local submission time in the body's zone, source, one column per unsur by code, the
 * profile fields, and the suggestion only once approved by moderation. Never the device key,
 * the fingerprint or the flags: nothing that ties a response to a device.
 */
export async function acceptedResponsesCsv(tx: Queryable, scheme: Scheme, s: SurveyRow): Promise<string> {
  const instrument = instrumentOf(scheme, s.instrument);
  const items = itemsOf(scheme, instrument).map((i) => i.code);
  const profile = (instrument.profile ?? []).map((p) => p.code);
  const rows = await tx
    .select({
      submittedAt: surveyResponses.submittedAt,
      source: surveyResponses.source,
      answers: surveyResponses.answers,
      profile: surveyResponses.profile,
      suggestion: surveyResponses.suggestion,
      suggestionStatus: surveyResponses.suggestionStatus,
    })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.surveyId, s.id), eq(surveyResponses.accepted, true)))
    .orderBy(asc(surveyResponses.submittedAt), asc(surveyResponses.id));
  const header = ['no', 'submitted_at', 'source', ...items, ...profile, 'suggestion'];
  const body = rows.map((r, k) => {
    const answers = r.answers as Record<string, number | null>;
    const prof = r.profile as Record<string, string | number | null>;
    return [
      k + 1,
      zoneTime(r.submittedAt, s.offsetMinutes),
      r.source,
      ...items.map((c) => answers[c] ?? ''),
      ...profile.map((c) => prof[c] ?? ''),
      r.suggestionStatus === 'approved' ? (r.suggestion ?? '') : '',
    ];
  });
  return stringify([header, ...body], { bom: true, record_delimiter: 'windows' });
}
