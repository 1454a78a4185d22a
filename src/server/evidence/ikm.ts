// Issue 11 §7: a unit's IKM as evidence of an indicator. Where the frozen scheme allows it
// (`ikmEvidence` on the indicator, limited to some body types where it says so), the IKM of one of
// the unit's own SKM surveys — closed or published, with accepted responses — is attached, frozen
// as it was then. Who attaches is who fills the indicator's sheet: the unit (F-01 claim: operator,
// koordinator; not once F-01 is submitted) under PEKPPP, the assigned asisten under the Ombudsman.
import { and, asc, desc, eq, gt, isNotNull, isNull, lte, min, or } from 'drizzle-orm';
import { ikmReport } from '../../core/survey.ts';
import type { Scheme } from '../../core/types.ts';
import { getScheme } from '../../../methodologies/index.ts';
import type { IkmEvidence, IkmEvidenceIn, IkmOptions } from '../../shared/wire/evidence.ts';
import { appendAudit } from '../audit/queries.ts';
import type { Queryable, Tx } from '../db/client.ts';
import { AppError, notFound } from '../errors.ts';
import type { Auth } from '../http/route.ts';
import { claimLocked } from '../pekppp/state.ts';
import { type CycleUnitContext, unitTarget } from '../read-models/locus.ts';
import { mayFillFor, policyScheme } from '../records/fillers.ts';
import { assertWritable } from '../records/workflow.ts';
import { acceptedAnswers, SKM_SCHEME } from '../surveys/queries.ts';
import { surveys } from '../surveys/schema.ts';
import { ikmEvidence } from './schema.ts';
import { ikmIndicators } from '../../core/ikm-evidence.ts';

const skmBands = () => getScheme(SKM_SCHEME)!.bands;
const bandLabel = (code: string) => skmBands().find((b) => b.code === code)?.label ?? { id: code, en: code };

interface SurveyIkm {
  surveyId: string;
  periodKey: string;
  ikm: number;
  band: string;
  respondents: number;
  target: number;
  published: boolean;
  /** Closed (its close date passed) or published: its IKM no longer moves. */
  final: boolean;
}

/**
 * The unit's SKM surveys with their IKM now (accepted responses only), newest period first; with
 * `finalOnly`, only the closed or published ones — the others are not read nor scored. One query
 * for the responses of all of them.
 */
async function unitIkms(
  tx: Queryable,
  unitId: string,
  now: Date,
  f: { surveyId?: string; finalOnly?: boolean } = {},
): Promise<SurveyIkm[]> {
  const rows = await tx
    .select({
      id: surveys.id,
      periodKey: surveys.periodKey,
      expectedUsers: surveys.expectedUsers,
      target: surveys.targetSample,
      closesAt: surveys.closesAt,
      publishedAt: surveys.publishedAt,
    })
    .from(surveys)
    .where(
      and(
        eq(surveys.unitId, unitId),
        eq(surveys.kind, 'skm'),
        f.surveyId ? eq(surveys.id, f.surveyId) : undefined,
        f.finalOnly ? or(isNotNull(surveys.publishedAt), lte(surveys.closesAt, now)) : undefined,
      ),
    )
    .orderBy(desc(surveys.periodStart), desc(surveys.createdAt));
  if (rows.length === 0) return [];
  const answersOf = await acceptedAnswers(
    tx,
    rows.map((r) => r.id),
  );
  const scheme = getScheme(SKM_SCHEME)!;
  const out: SurveyIkm[] = [];
  for (const s of rows) {
    const answers = answersOf.get(s.id) ?? [];
    if (answers.length === 0) continue;
    const report = ikmReport(scheme, answers, s.expectedUsers);
    out.push({
      surveyId: s.id,
      periodKey: s.periodKey,
      ikm: report.ikm,
      band: report.band.code,
      respondents: answers.length,
      target: s.target,
      published: s.publishedAt !== null,
      final: s.publishedAt !== null || s.closesAt.getTime() <= now.getTime(),
    });
  }
  return out;
}

/**
 * When the offer changes by time alone: the soonest close instant of the unit's SKM surveys still
 * running (not published, closing after `now`), null when none is — a survey that closes joins the
 * offer then, without any write the client would hear of.
 */
async function nextClose(tx: Queryable, unitId: string, now: Date): Promise<string | null> {
  const [row] = await tx
    .select({ at: min(surveys.closesAt) })
    .from(surveys)
    .where(and(eq(surveys.unitId, unitId), eq(surveys.kind, 'skm'), isNull(surveys.publishedAt), gt(surveys.closesAt, now)));
  return row?.at ? new Date(row.at).toISOString() : null;
}

/** What the unit may attach: the indicators that take an IKM, and its closed or published IKMs. */
export async function ikmOptions(tx: Queryable, cu: CycleUnitContext, now = new Date()): Promise<IkmOptions> {
  const scheme = await policyScheme(tx, cu.cycle);
  const indicators = ikmIndicators(scheme, cu.body.type).map((i) => i.code);
  const list = indicators.length === 0 ? [] : await unitIkms(tx, cu.unit.id, now, { finalOnly: true });
  return {
    indicators,
    refreshAt: indicators.length === 0 ? null : await nextClose(tx, cu.unit.id, now),
    surveys: list.map((s) => ({
      surveyId: s.surveyId,
      periodKey: s.periodKey,
      ikm: s.ikm,
      band: s.band,
      bandLabel: bandLabel(s.band),
      respondents: s.respondents,
      target: s.target,
      published: s.published,
    })),
  };
}

type Row = typeof ikmEvidence.$inferSelect;
const toView = (r: Row): IkmEvidence => ({
  id: r.id,
  cycleId: r.cycleId,
  unitId: r.unitId,
  indicator: r.indicator,
  surveyId: r.surveyId,
  periodKey: r.periodKey,
  ikm: r.ikm,
  band: r.band,
  bandLabel: bandLabel(r.band),
  respondents: r.respondents,
  target: r.target,
  createdAt: r.createdAt.toISOString(),
});

export async function listIkmEvidence(tx: Queryable, cycleId: string, unitId: string): Promise<IkmEvidence[]> {
  const rows = await tx
    .select()
    .from(ikmEvidence)
    .where(and(eq(ikmEvidence.cycleId, cycleId), eq(ikmEvidence.unitId, unitId)))
    .orderBy(asc(ikmEvidence.indicator), asc(ikmEvidence.createdAt));
  return rows.map(toView);
}

/**
 * The caller may attach (or remove) an IKM on `indicator` of the unit: the indicator takes one for
 * this unit, and the caller fills its sheet — the claim (F-01) where the scheme has one covering
 * it (then only while F-01 is not submitted), else a scored sheet; fieldwork still open.
 */
async function assertMayAttach(tx: Queryable, auth: Auth, cu: CycleUnitContext, scheme: Scheme, indicator: string): Promise<void> {
  auth.require('evidence.write', unitTarget(cu));
  if (!ikmIndicators(scheme, cu.body.type).some((i) => i.code === indicator))
    throw new AppError('evidence.ikm_not_allowed', { indicator, schemeId: scheme.id });
  const covering = scheme.instruments.filter((i) => i.covers.includes(indicator));
  const claims = covering.filter((i) => i.role === 'claim');
  const sheets = claims.length > 0 ? claims : covering.filter((i) => i.role === 'score');
  const actor = auth.user();
  if (!sheets.some((i) => mayFillFor(auth, scheme, i.code, cu)))
    throw new AppError('record.filler_forbidden', { instrument: sheets.map((i) => i.code).join(', '), role: actor.role });
  assertWritable(cu);
  if (claims.length > 0 && (await claimLocked(tx, cu.cycle.id, cu.unit.id)))
    throw new AppError('pekppp.claim_locked', { unit: cu.unit.name });
}

/** Attaches the IKM of one of the unit's closed or published SKM surveys to an indicator, frozen now; audited. */
export async function attachIkm(tx: Tx, auth: Auth, cu: CycleUnitContext, input: IkmEvidenceIn, now = new Date()): Promise<IkmEvidence> {
  const scheme = await policyScheme(tx, cu.cycle);
  await assertMayAttach(tx, auth, cu, scheme, input.indicator);
  const [s] = await tx.select({ unitId: surveys.unitId, kind: surveys.kind }).from(surveys).where(eq(surveys.id, input.surveyId)).limit(1);
  if (!s || s.unitId !== cu.unit.id || s.kind !== 'skm') throw new AppError('evidence.ikm_survey_invalid', { unit: cu.unit.name });
  const [ikm] = await unitIkms(tx, cu.unit.id, now, { surveyId: input.surveyId });
  if (!ikm) throw new AppError('survey.no_responses');
  if (!ikm.final) throw new AppError('evidence.ikm_not_final');
  const [dup] = await tx
    .select({ id: ikmEvidence.id })
    .from(ikmEvidence)
    .where(
      and(
        eq(ikmEvidence.cycleId, cu.cycle.id),
        eq(ikmEvidence.unitId, cu.unit.id),
        eq(ikmEvidence.indicator, input.indicator),
        eq(ikmEvidence.surveyId, input.surveyId),
      ),
    )
    .limit(1);
  if (dup) throw new AppError('evidence.ikm_duplicate', { indicator: input.indicator });
  const [row] = await tx
    .insert(ikmEvidence)
    .values({
      cycleId: cu.cycle.id,
      unitId: cu.unit.id,
      indicator: input.indicator,
      surveyId: input.surveyId,
      periodKey: ikm.periodKey,
      ikm: ikm.ikm,
      band: ikm.band,
      respondents: ikm.respondents,
      target: ikm.target,
      createdBy: auth.user().id,
      createdAt: now,
    })
    .returning();
  const view = toView(row!);
  await appendAudit(tx, {
    actor: auth.user(),
    action: 'evidence.ikm_attach',
    subjectType: 'evidence',
    subjectId: view.id,
    provinceCode: cu.body.provinceCode,
    at: now,
    diff: {
      cycleId: cu.cycle.id,
      unitId: cu.unit.id,
      indicator: view.indicator,
      surveyId: view.surveyId,
      period: view.periodKey,
      ikm: view.ikm,
      band: view.band,
      respondents: view.respondents,
    },
  });
  return view;
}

/** An attached IKM with its cycle and unit ids, or 404. */
export async function getIkmEvidenceOr404(tx: Queryable, id: string): Promise<IkmEvidence> {
  const [row] = await tx.select().from(ikmEvidence).where(eq(ikmEvidence.id, id)).limit(1);
  if (!row) throw notFound('evidence');
  return toView(row);
}

/** Removes an attached IKM (who may attach it may remove it); audited. */
export async function detachIkm(tx: Tx, auth: Auth, cu: CycleUnitContext, e: IkmEvidence, now = new Date()): Promise<void> {
  const scheme = await policyScheme(tx, cu.cycle);
  await assertMayAttach(tx, auth, cu, scheme, e.indicator);
  await tx.delete(ikmEvidence).where(eq(ikmEvidence.id, e.id));
  await appendAudit(tx, {
    actor: auth.user(),
    action: 'evidence.ikm_detach',
    subjectType: 'evidence',
    subjectId: e.id,
    provinceCode: cu.body.provinceCode,
    at: now,
    diff: { before: e },
  });
}
