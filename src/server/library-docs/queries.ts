// A unit's evidence library (issue 12 §3): documents stored once, their uses (an evidence link of
// a cycle's indicator, or an action file — both on the same stored content), validity in the
// body's zone, and suggestions from the cross-scheme topics. Every write audits itself.
import { and, asc, count, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import { documentTypes, library } from '../../../methodologies/index.ts';
import { localToday } from '../../core/actions.ts';
import { cycleJudgingDate, documentValidity, type LibraryCycle, suggestIndicators } from '../../core/library-docs.ts';
import type { Lang, Scheme, Text } from '../../core/types.ts';
import { localDateText } from '../../shared/local-time.ts';
import type {
  LibraryDocument,
  LibraryDocumentDeleted,
  LibraryDocumentDetail,
  LibraryDocumentFields,
  LibraryDocumentPage,
  LibraryDocumentPatch,
  LibraryLinkIn,
  LibraryLinked,
  LibraryQuery,
  LibrarySuggestion,
  LibrarySurveyOption,
  LibraryUse,
} from '../../shared/wire/library-docs.ts';
import { LIBRARY_USE_NO_TARGET } from '../../shared/wire/library-docs.ts';
import { actionEvidence, actions } from '../actions/schema.ts';
import { type LoadedAction, loadActionOr404 } from '../actions/queries.ts';
import { appendAudit } from '../audit/queries.ts';
import type { Actor, Target } from '../auth/policy.ts';
import { cycleScheme, getCycleOr404 } from '../cycles/queries.ts';
import { cycleUnits, cycles } from '../cycles/schema.ts';
import type { Queryable, Tx } from '../db/client.ts';
import { AppError, notFound } from '../errors.ts';
import { checkLink } from '../evidence/queries.ts';
import { evidenceFiles, evidenceLinks } from '../evidence/schema.ts';
import { getCycleUnitOr404 } from '../read-models/locus.ts';
import { assertWritable, writableReason } from '../records/workflow.ts';
import { bodies, units } from '../registry/schema.ts';
import type { CycleStatus } from '../../shared/wire/cycles.ts';
import type { UnitStatus } from '../../shared/wire/locus.ts';
import { getSurveyOr404, surveyScheme } from '../surveys/queries.ts';
import { surveys } from '../surveys/schema.ts';
import { periodLabel } from '../../core/period-label.ts';
import { libraryDocumentUses, libraryDocuments } from './schema.ts';

/** The unit a library belongs to, with its body and the body's province (the zone). */
export interface LibraryUnit {
  id: string;
  name: string;
  bodyId: string;
  bodyName: string;
  /** The body's type (an SKM report is suggested where a unit of this type may attach its IKM). */
  bodyType: string;
  provinceCode: string | null;
}

type DocRow = typeof libraryDocuments.$inferSelect;

export interface LoadedDocument {
  row: DocRow;
  unit: LibraryUnit;
  mime: string;
  size: number;
}

const unitColumns = {
  id: units.id,
  name: units.name,
  bodyId: units.bodyId,
  bodyName: bodies.name,
  bodyType: bodies.type,
  provinceCode: bodies.provinceCode,
};

/** The topics the SKM schemes' results are evidence for (their own `topics`, skm-2017: ["skm"]). */
const SKM_TOPICS = [...new Set([...library.values()].filter((s) => s.family === 'skm').flatMap((s) => s.topics ?? []))];

export async function libraryUnitOr404(tx: Queryable, unitId: string): Promise<LibraryUnit> {
  const [u] = await tx.select(unitColumns).from(units).innerJoin(bodies, eq(bodies.id, units.bodyId)).where(eq(units.id, unitId)).limit(1);
  if (!u) throw notFound('unit');
  return u;
}

/** The policy target of a unit's library (its managers). */
export const libraryTarget = (u: LibraryUnit): Target => ({ provinceCode: u.provinceCode, bodyId: u.bodyId, unitId: u.id });

export async function loadDocumentOr404(tx: Queryable, id: string): Promise<LoadedDocument> {
  const [r] = await tx
    .select({ row: libraryDocuments, unit: unitColumns, mime: evidenceFiles.mime, size: evidenceFiles.size })
    .from(libraryDocuments)
    .innerJoin(units, eq(units.id, libraryDocuments.unitId))
    .innerJoin(bodies, eq(bodies.id, units.bodyId))
    .innerJoin(evidenceFiles, eq(evidenceFiles.sha256, libraryDocuments.sha256))
    .where(eq(libraryDocuments.id, id))
    .limit(1);
  if (!r) throw notFound('library_document');
  return r;
}

/**
 * The policy target of one document: its unit, and the assessors of that unit in the cycles the
 * document is linked to (the asisten/evaluator reads what is linked to what they assess).
 */
export async function documentTarget(tx: Queryable, d: LoadedDocument): Promise<Target> {
  const rows = await tx
    .selectDistinct({ id: cycleUnits.assessorId })
    .from(libraryDocumentUses)
    .innerJoin(evidenceLinks, eq(evidenceLinks.id, libraryDocumentUses.evidenceLinkId))
    .innerJoin(cycleUnits, and(eq(cycleUnits.cycleId, evidenceLinks.cycleId), eq(cycleUnits.unitId, evidenceLinks.unitId)))
    .where(and(eq(libraryDocumentUses.documentId, d.row.id), isNotNull(cycleUnits.assessorId)));
  return { ...libraryTarget(d.unit), assessorIds: rows.map((r) => r.id).filter((id): id is string => !!id) };
}

// ── Reads ───────────────────────────────────────────────────────────────────────────────────

const typeOf = (code: string) => documentTypes.types.find((t) => t.code === code);
const typeTitle = (code: string): Text => typeOf(code)?.title ?? { id: code, en: code };

function indicatorText(scheme: Scheme, code: string): Text | null {
  for (const d of scheme.dimensions) for (const v of d.variables) for (const i of v.indicators) if (i.code === code) return i.text;
  for (const s of scheme.supplements) for (const i of s.indicators) if (i.code === code) return i.text;
  return null;
}

const validityOn = (validUntil: string | null, asOf: string) => documentValidity(validUntil, asOf, documentTypes.expiringSoonDays);

/** Every use of the documents, oldest first. */
async function usesOf(tx: Queryable, docs: readonly DocRow[], today: string): Promise<Map<string, LibraryUse[]>> {
  const out = new Map<string, LibraryUse[]>(docs.map((d) => [d.id, []]));
  if (docs.length === 0) return out;
  const ids = docs.map((d) => d.id);
  const validUntil = new Map(docs.map((d) => [d.id, d.validUntil]));
  const [onIndicators, onActions, onSurveys] = await Promise.all([
    tx
      .select({
        use: libraryDocumentUses,
        cycleId: evidenceLinks.cycleId,
        indicator: evidenceLinks.indicator,
        cycleName: cycles.name,
        cycleYear: cycles.year,
        family: cycles.family,
        schemeHash: cycles.schemeHash,
      })
      .from(libraryDocumentUses)
      .innerJoin(evidenceLinks, eq(evidenceLinks.id, libraryDocumentUses.evidenceLinkId))
      .innerJoin(cycles, eq(cycles.id, evidenceLinks.cycleId))
      .where(inArray(libraryDocumentUses.documentId, ids)),
    tx
      .select({ use: libraryDocumentUses, actionId: actions.id, title: actions.title })
      .from(libraryDocumentUses)
      .innerJoin(actionEvidence, eq(actionEvidence.id, libraryDocumentUses.actionEvidenceId))
      .innerJoin(actions, eq(actions.id, actionEvidence.actionId))
      .where(inArray(libraryDocumentUses.documentId, ids)),
    tx
      .select({ use: libraryDocumentUses, surveyId: surveys.id, kind: surveys.kind, periodKey: surveys.periodKey })
      .from(libraryDocumentUses)
      .innerJoin(surveys, eq(surveys.id, libraryDocumentUses.surveyId))
      .where(inArray(libraryDocumentUses.documentId, ids)),
  ]);
  const all: LibraryUse[] = [];
  const docOf = new Map<string, string>();
  /** One use: its own target's fields over a use that names nothing; validity judged on `asOf`. */
  const push = (use: typeof libraryDocumentUses.$inferSelect, asOf: string, target: Partial<LibraryUse> & Pick<LibraryUse, 'kind'>) => {
    all.push({
      ...LIBRARY_USE_NO_TARGET,
      ...target,
      id: use.id,
      validity: validityOn(validUntil.get(use.documentId) ?? null, asOf).validity,
      createdAt: use.createdAt.toISOString(),
    });
    docOf.set(use.id, use.documentId);
  };
  for (const r of onIndicators) {
    const scheme = await cycleScheme(tx, { id: r.cycleId, schemeHash: r.schemeHash });
    push(r.use, cycleJudgingDate(r.cycleYear, today), {
      kind: 'indicator',
      cycleId: r.cycleId,
      cycleName: r.cycleName,
      cycleYear: r.cycleYear,
      family: r.family,
      indicator: r.indicator,
      indicatorText: r.indicator ? indicatorText(scheme, r.indicator) : null,
      evidenceId: r.use.evidenceLinkId,
    });
  }
  for (const r of onActions) {
    push(r.use, today, { kind: 'action', actionId: r.actionId, actionTitle: r.title, actionEvidenceId: r.use.actionEvidenceId });
  }
  for (const r of onSurveys) {
    push(r.use, today, { kind: 'survey', surveyId: r.surveyId, surveyKind: r.kind, surveyPeriodKey: r.periodKey });
  }
  all.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  for (const u of all) out.get(docOf.get(u.id)!)!.push(u);
  return out;
}

/**
 * The unit's cycles where evidence may still be linked (fieldwork, or a unit returned in review:
 * records' `writableReason`), newest first, with their frozen schemes.
 */
async function openCycles(tx: Queryable, unitId: string) {
  const rows = await tx
    .select({
      id: cycles.id,
      name: cycles.name,
      year: cycles.year,
      family: cycles.family,
      schemeHash: cycles.schemeHash,
      status: cycles.status,
      unitStatus: cycleUnits.status,
    })
    .from(cycleUnits)
    .innerJoin(cycles, eq(cycles.id, cycleUnits.cycleId))
    .where(and(eq(cycleUnits.unitId, unitId), inArray(cycles.status, ['fieldwork', 'review'])))
    .orderBy(desc(cycles.year), asc(cycles.name));
  const open = rows.filter((c) => writableReason(c.status as CycleStatus, c.unitStatus as UnitStatus) === null);
  return Promise.all(open.map(async (c) => ({ ...c, scheme: await cycleScheme(tx, { id: c.id, schemeHash: c.schemeHash }) })));
}

type OpenCycle = Awaited<ReturnType<typeof openCycles>>[number];

/** The unit's surveys, newest period first, with the topics of their scheme (an SKM survey: "skm"). */
async function unitSurveys(tx: Queryable, unitId: string) {
  const rows = await tx
    .select({
      id: surveys.id,
      kind: surveys.kind,
      periodKey: surveys.periodKey,
      closesAt: surveys.closesAt,
      schemeId: surveys.schemeId,
      cycleId: surveys.cycleId,
    })
    .from(surveys)
    .where(eq(surveys.unitId, unitId))
    .orderBy(desc(surveys.periodStart), asc(surveys.kind), asc(surveys.id));
  return Promise.all(
    rows.map(async (r) => ({
      option: { id: r.id, kind: r.kind, periodKey: r.periodKey, closesAt: r.closesAt.toISOString() } satisfies LibrarySurveyOption,
      topics: (await surveyScheme(tx, r)).topics ?? [],
    })),
  );
}

type UnitSurvey = Awaited<ReturnType<typeof unitSurveys>>[number];

/** The surveys a document is suggested for: its type shares a topic with the survey's scheme, not linked yet. */
function surveySuggestionsFor(d: DocRow, uses: readonly LibraryUse[], all: readonly UnitSurvey[]): string[] {
  const typeTopics = typeOf(d.type)?.topics ?? [];
  const linked = new Set(uses.map((u) => u.surveyId).filter((id): id is string => id !== null));
  return all.filter((s) => !linked.has(s.option.id) && s.topics.some((t) => typeTopics.includes(t))).map((s) => s.option.id);
}

function suggestionsFor(
  d: DocRow,
  unit: LibraryUnit,
  uses: readonly LibraryUse[],
  open: readonly OpenCycle[],
  today: string,
): LibrarySuggestion[] {
  const libraryCycles: LibraryCycle[] = open.map((c) => ({ cycleId: c.id, scheme: c.scheme }));
  const linked = uses
    .filter((u) => u.kind === 'indicator' && u.cycleId && u.indicator)
    .map((u) => ({ cycleId: u.cycleId!, indicator: u.indicator! }));
  const byId = new Map(open.map((c) => [c.id, c]));
  return suggestIndicators(libraryCycles, typeOf(d.type)?.topics ?? [], linked, { topics: SKM_TOPICS, bodyType: unit.bodyType }).map(
    (s) => {
      const c = byId.get(s.cycleId)!;
      return {
        cycleId: s.cycleId,
        cycleName: c.name,
        cycleYear: c.year,
        family: c.family,
        indicator: s.indicator,
        ref: s.ref,
        text: s.text,
        topics: s.topics,
        reason: s.reason,
        validity: validityOn(d.validUntil, cycleJudgingDate(c.year, today)).validity,
      };
    },
  );
}

function toView(d: DocRow, unit: LibraryUnit, file: { mime: string; size: number }, uses: LibraryUse[], today: string): LibraryDocument {
  const { validity, daysLeft } = validityOn(d.validUntil, today);
  return {
    id: d.id,
    unitId: d.unitId,
    unitName: unit.name,
    bodyId: unit.bodyId,
    bodyName: unit.bodyName,
    type: d.type,
    typeTitle: typeTitle(d.type),
    title: d.title,
    issuedOn: d.issuedOn,
    validUntil: d.validUntil,
    validity,
    daysLeft,
    today,
    filename: d.filename,
    mime: file.mime,
    size: file.size,
    sha256: d.sha256,
    uses,
    suggestedSurveys: [],
    suggested: false,
    linkedHere: false,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}

export async function documentDetail(tx: Queryable, d: LoadedDocument, nowMs = Date.now()): Promise<LibraryDocumentDetail> {
  const today = localToday(d.unit.provinceCode, nowMs);
  const uses = (await usesOf(tx, [d.row], today)).get(d.row.id) ?? [];
  const open = await openCycles(tx, d.unit.id);
  const sv = await unitSurveys(tx, d.unit.id);
  return {
    ...toView(d.row, d.unit, d, uses, today),
    suggestedSurveys: surveySuggestionsFor(d.row, uses, sv),
    suggestions: suggestionsFor(d.row, d.unit, uses, open, today),
  };
}

/**
 * A unit's library, newest issue first. With `cycleId` and `indicator` (a picker beside one
 * indicator): each document says whether it is suggested or already linked there, and the
 * suggested ones come first.
 */
export async function listDocuments(tx: Queryable, unit: LibraryUnit, q: LibraryQuery, nowMs = Date.now()): Promise<LibraryDocumentPage> {
  const today = localToday(unit.provinceCode, nowMs);
  const where = eq(libraryDocuments.unitId, unit.id);
  const [{ total } = { total: 0 }] = await tx.select({ total: count() }).from(libraryDocuments).where(where);
  const rows = await tx
    .select({ row: libraryDocuments, mime: evidenceFiles.mime, size: evidenceFiles.size })
    .from(libraryDocuments)
    .innerJoin(evidenceFiles, eq(evidenceFiles.sha256, libraryDocuments.sha256))
    .where(where)
    .orderBy(desc(libraryDocuments.issuedOn), asc(libraryDocuments.title), asc(libraryDocuments.id));
  const uses = await usesOf(
    tx,
    rows.map((r) => r.row),
    today,
  );
  const open = await openCycles(tx, unit.id);
  const sv = await unitSurveys(tx, unit.id);
  let items: LibraryDocumentDetail[] = rows.map((r) => {
    const docUses = uses.get(r.row.id) ?? [];
    return {
      ...toView(r.row, unit, r, docUses, today),
      suggestedSurveys: surveySuggestionsFor(r.row, docUses, sv),
      suggestions: suggestionsFor(r.row, unit, docUses, open, today),
    };
  });
  if (q.cycleId && q.indicator) {
    items = items.map((doc) => {
      const linkedHere = doc.uses.some((u) => u.cycleId === q.cycleId && u.indicator === q.indicator);
      const suggested = !linkedHere && doc.suggestions.some((s) => s.cycleId === q.cycleId && s.indicator === q.indicator);
      return { ...doc, suggested, linkedHere };
    });
    items.sort((a, b) => Number(b.suggested) - Number(a.suggested));
  } else if (q.surveyId) {
    const surveyId = q.surveyId;
    items = items.map((doc) => ({
      ...doc,
      linkedHere: doc.uses.some((u) => u.surveyId === surveyId),
      suggested: doc.suggestedSurveys.includes(surveyId),
    }));
    items.sort((a, b) => Number(b.linkedHere) - Number(a.linkedHere) || Number(b.suggested) - Number(a.suggested));
  }
  const page = items.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
  return {
    items: page,
    total,
    page: q.page,
    pageSize: q.pageSize,
    unitName: unit.name,
    bodyName: unit.bodyName,
    today,
    types: documentTypes.types.map((t) => ({ code: t.code, title: t.title, topics: [...t.topics] })),
    expiringSoonDays: documentTypes.expiringSoonDays,
    surveys: sv.map((s) => s.option),
  };
}

// ── Writes ──────────────────────────────────────────────────────────────────────────────────

function checkFields(f: { type?: string; issuedOn?: string; validUntil?: string | null }): void {
  if (f.type !== undefined && !typeOf(f.type)) throw new AppError('library.unknown_type', { type: f.type });
  if (f.issuedOn && f.validUntil && f.validUntil < f.issuedOn) {
    // issue 16: calendar dates as words ("20 Desember 2026"), never ISO.
    throw new AppError('library.bad_dates', { issuedOn: localDateText(f.issuedOn), validUntil: localDateText(f.validUntil) });
  }
}

/** Checks a new document's fields before its file is stored (422, nothing kept). */
export const checkNewDocument = (f: LibraryDocumentFields): void => checkFields(f);

/** Adds a document: the file row once per content, the document; audited. */
export async function createDocument(
  tx: Tx,
  actor: Actor,
  unit: LibraryUnit,
  f: LibraryDocumentFields,
  /** `via: 'resumable'`: the file came through a tus upload (said in the audit row). */
  file: { sha256: string; size: number; mime: string; filename: string; via?: 'resumable' },
): Promise<LibraryDocumentDetail> {
  checkFields(f);
  await tx.insert(evidenceFiles).values({ sha256: file.sha256, size: file.size, mime: file.mime }).onConflictDoNothing();
  const [row] = await tx
    .insert(libraryDocuments)
    .values({
      unitId: unit.id,
      type: f.type,
      title: f.title,
      issuedOn: f.issuedOn,
      validUntil: f.validUntil ?? null,
      sha256: file.sha256,
      filename: file.filename,
      createdBy: actor.id,
    })
    .returning();
  await appendAudit(tx, {
    actor,
    action: 'library_document.create',
    subjectType: 'library_document',
    subjectId: row!.id,
    provinceCode: unit.provinceCode,
    diff: { unitId: unit.id, type: f.type, title: f.title, issuedOn: f.issuedOn, validUntil: f.validUntil ?? null, ...file },
  });
  return documentDetail(tx, { row: row!, unit, mime: file.mime, size: file.size });
}

export async function updateDocument(tx: Tx, actor: Actor, d: LoadedDocument, patch: LibraryDocumentPatch): Promise<LibraryDocumentDetail> {
  const next = {
    type: patch.type ?? d.row.type,
    issuedOn: patch.issuedOn ?? d.row.issuedOn,
    validUntil: patch.validUntil === undefined ? d.row.validUntil : patch.validUntil,
  };
  checkFields(next);
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch) as [keyof LibraryDocumentPatch, unknown][]) {
    if (v === undefined || d.row[k] === v) continue;
    before[k] = d.row[k];
    after[k] = v;
  }
  if (Object.keys(after).length === 0) return documentDetail(tx, d);
  const [row] = await tx
    .update(libraryDocuments)
    .set({ ...(after as Partial<DocRow>), updatedAt: new Date() })
    .where(eq(libraryDocuments.id, d.row.id))
    .returning();
  await appendAudit(tx, {
    actor,
    action: 'library_document.update',
    subjectType: 'library_document',
    subjectId: d.row.id,
    provinceCode: d.unit.provinceCode,
    diff: { before, after },
  });
  return documentDetail(tx, { ...d, row: row! });
}

/** "SKM Semester I 2026" / "F-03 2026": a survey as an error message names it. */
const surveyName = (s: { kind: string; periodKey: string }, lang: Lang): string =>
  `${s.kind === 'f03' ? 'F-03' : 'SKM'} ${periodLabel(s.periodKey, lang)}`;

/**
 * Links the document to an indicator of a cycle the unit is assessed in (an evidence link, as an
 * upload makes — the same checks: writable, the indicator in the frozen scheme) or to an action
 * of the unit that is not verified (an action file), or to a survey of the unit (its SKM report,
 * the published follow-up …; a survey of another unit is refused). The stored content is reused. Audited.
 */
export async function linkDocument(tx: Tx, actor: Actor, d: LoadedDocument, input: LibraryLinkIn, lang: Lang): Promise<LibraryLinked> {
  let use: typeof libraryDocumentUses.$inferSelect | undefined;
  let diff: Record<string, unknown>;
  if ('surveyId' in input) {
    const survey = await getSurveyOr404(tx, input.surveyId);
    if (survey.unitId !== d.unit.id) throw new AppError('library.other_unit', { unit: d.unit.name });
    const [dup] = await tx
      .select({ id: libraryDocumentUses.id })
      .from(libraryDocumentUses)
      .where(and(eq(libraryDocumentUses.documentId, d.row.id), eq(libraryDocumentUses.surveyId, survey.id)))
      .limit(1);
    if (dup) throw new AppError('library.already_linked', { target: surveyName(survey, lang) });
    [use] = await tx.insert(libraryDocumentUses).values({ documentId: d.row.id, surveyId: survey.id, createdBy: actor.id }).returning();
    diff = { surveyId: survey.id, surveyKind: survey.kind, periodKey: survey.periodKey };
  } else if ('actionId' in input) {
    const a: LoadedAction = await loadActionOr404(tx, input.actionId);
    if (a.row.unitId !== d.unit.id) throw new AppError('library.other_unit', { unit: d.unit.name });
    if (a.row.status === 'verified') throw new AppError('action.closed');
    const [dup] = await tx
      .select({ id: libraryDocumentUses.id })
      .from(libraryDocumentUses)
      .innerJoin(actionEvidence, eq(actionEvidence.id, libraryDocumentUses.actionEvidenceId))
      .where(and(eq(libraryDocumentUses.documentId, d.row.id), eq(actionEvidence.actionId, a.row.id)))
      .limit(1);
    if (dup) throw new AppError('library.already_linked', { target: a.row.title });
    const [file] = await tx
      .insert(actionEvidence)
      .values({ actionId: a.row.id, sha256: d.row.sha256, filename: d.row.filename, createdBy: actor.id })
      .returning({ id: actionEvidence.id });
    [use] = await tx
      .insert(libraryDocumentUses)
      .values({ documentId: d.row.id, actionEvidenceId: file!.id, createdBy: actor.id })
      .returning();
    diff = { actionId: a.row.id, actionEvidenceId: file!.id, sha256: d.row.sha256 };
  } else {
    const cycle = await getCycleOr404(tx, input.cycleId);
    const cu = await getCycleUnitOr404(tx, cycle, d.unit.id);
    assertWritable(cu);
    await checkLink(tx, cu, { indicator: input.indicator, filename: d.row.filename }, lang);
    const [dup] = await tx
      .select({ id: libraryDocumentUses.id })
      .from(libraryDocumentUses)
      .innerJoin(evidenceLinks, eq(evidenceLinks.id, libraryDocumentUses.evidenceLinkId))
      .where(
        and(
          eq(libraryDocumentUses.documentId, d.row.id),
          eq(evidenceLinks.cycleId, cycle.id),
          eq(evidenceLinks.indicator, input.indicator),
        ),
      )
      .limit(1);
    if (dup) throw new AppError('library.already_linked', { target: `${input.indicator} · ${cycle.name}` });
    const [link] = await tx
      .insert(evidenceLinks)
      .values({
        sha256: d.row.sha256,
        cycleId: cycle.id,
        unitId: d.unit.id,
        indicator: input.indicator,
        filename: d.row.filename,
        kind: input.kind ?? 'pustaka',
        createdBy: actor.id,
      })
      .returning({ id: evidenceLinks.id });
    [use] = await tx
      .insert(libraryDocumentUses)
      .values({ documentId: d.row.id, evidenceLinkId: link!.id, createdBy: actor.id })
      .returning();
    diff = { cycleId: cycle.id, indicator: input.indicator, evidenceId: link!.id, sha256: d.row.sha256 };
  }
  await appendAudit(tx, {
    actor,
    action: 'library_document.link',
    subjectType: 'library_document',
    subjectId: d.row.id,
    provinceCode: d.unit.provinceCode,
    diff: { useId: use!.id, ...diff },
  });
  const document = await documentDetail(tx, d);
  return { use: document.uses.find((u) => u.id === use!.id)!, document };
}

/**
 * Unlinks a use: its evidence link (the cycle unit must still be writable) or its action file
 * (not yet named in a progress report, the action not verified). The content stays. Audited.
 */
export async function unlinkUse(tx: Tx, actor: Actor, d: LoadedDocument, useId: string): Promise<LibraryDocumentDetail> {
  const [use] = await tx
    .select()
    .from(libraryDocumentUses)
    .where(and(eq(libraryDocumentUses.id, useId), eq(libraryDocumentUses.documentId, d.row.id)))
    .limit(1);
  if (!use) throw notFound('library_use');
  let diff: Record<string, unknown>;
  if (use.surveyId) {
    diff = { surveyId: use.surveyId };
  } else if (use.evidenceLinkId) {
    const [link] = await tx.select().from(evidenceLinks).where(eq(evidenceLinks.id, use.evidenceLinkId)).limit(1);
    const cu = await getCycleUnitOr404(tx, await getCycleOr404(tx, link!.cycleId), link!.unitId);
    assertWritable(cu);
    await tx.delete(evidenceLinks).where(eq(evidenceLinks.id, link!.id));
    diff = { cycleId: link!.cycleId, indicator: link!.indicator, evidenceId: link!.id };
  } else {
    const [file] = await tx
      .select({ id: actionEvidence.id, updateId: actionEvidence.updateId, actionId: actionEvidence.actionId, status: actions.status })
      .from(actionEvidence)
      .innerJoin(actions, eq(actions.id, actionEvidence.actionId))
      .where(eq(actionEvidence.id, use.actionEvidenceId!))
      .limit(1);
    if (file!.status === 'verified') throw new AppError('action.closed');
    if (file!.updateId) throw new AppError('library.use_reported');
    await tx.delete(actionEvidence).where(eq(actionEvidence.id, file!.id));
    diff = { actionId: file!.actionId, actionEvidenceId: file!.id };
  }
  await tx.delete(libraryDocumentUses).where(eq(libraryDocumentUses.id, use.id));
  await appendAudit(tx, {
    actor,
    action: 'library_document.unlink',
    subjectType: 'library_document',
    subjectId: d.row.id,
    provinceCode: d.unit.provinceCode,
    diff: { useId: use.id, ...diff },
  });
  return documentDetail(tx, d);
}

/**
 * Deletes a document that is linked nowhere (409 library.document_in_use otherwise: its links are
 * evidence of a cycle or an action and must be released first, where their own rules apply). The
 * stored file stays — content-addressed, it may be another link's too. The audit row keeps the
 * title and unit so the log still names it.
 */
export async function deleteDocument(tx: Tx, actor: Actor, d: LoadedDocument): Promise<LibraryDocumentDeleted> {
  const uses = await tx
    .select({ id: libraryDocumentUses.id })
    .from(libraryDocumentUses)
    .where(eq(libraryDocumentUses.documentId, d.row.id));
  if (uses.length > 0) throw new AppError('library.document_in_use', { count: uses.length });
  await tx.delete(libraryDocuments).where(eq(libraryDocuments.id, d.row.id));
  await appendAudit(tx, {
    actor,
    action: 'library_document.delete',
    subjectType: 'library_document',
    subjectId: d.row.id,
    provinceCode: d.unit.provinceCode,
    diff: { title: d.row.title, type: d.row.type, unitName: d.unit.name, filename: d.row.filename },
  });
  return { id: d.row.id, title: d.row.title };
}
