// Evidence rows: one row per distinct file (by sha256) and one link per upload to a cycle unit,
// optionally to a record and an indicator. Linking the same content twice stores it once.
import { and, asc, count, eq } from 'drizzle-orm';
import type { Lang, Scheme } from '../../core/types.ts';
import { appendAudit } from '../audit/queries.ts';
import type { Actor } from '../auth/policy.ts';
import type { Queryable, Tx } from '../db/client.ts';
import { AppError, detailText, notFound } from '../errors.ts';
import { cycleScheme, getCycle } from '../cycles/queries.ts';
import { type CycleUnitContext, getCycleUnit } from '../read-models/locus.ts';
import { records } from '../records/schema.ts';
import type { Evidence } from '../../shared/wire/evidence.ts';
import { evidenceFiles, evidenceLinks } from './schema.ts';

export interface LinkInput {
  recordId?: string | null;
  indicator?: string | null;
  kind?: string | null;
  filename: string;
  /** issue 13: how the file arrived, when not in one multipart request (audited). */
  via?: 'resumable';
  /** issue 13 §2: when and where the device took the photo. */
  capture?: EvidenceCapture;
}

export interface EvidenceCapture {
  capturedAt?: string | undefined;
  latitude?: number | undefined;
  longitude?: number | undefined;
  accuracy?: number | undefined;
}

/** The capture fields of an upload; a position only as a pair (one coordinate alone is dropped). */
export function captureOf(f: EvidenceCapture): EvidenceCapture {
  const out: EvidenceCapture = {};
  if (f.capturedAt) out.capturedAt = f.capturedAt;
  if (f.latitude !== undefined && f.longitude !== undefined) {
    out.latitude = f.latitude;
    out.longitude = f.longitude;
    if (f.accuracy !== undefined) out.accuracy = f.accuracy;
  }
  return out;
}

const indicatorCodes = (scheme: Scheme): Set<string> =>
  new Set([
    ...scheme.dimensions.flatMap((d) => d.variables.flatMap((v) => v.indicators.map((i) => i.code))),
    ...scheme.supplements.flatMap((s) => s.indicators.map((i) => i.code)),
  ]);

/** The record must belong to the unit in this cycle and the indicator to the frozen scheme. */
export async function checkLink(tx: Queryable, cu: CycleUnitContext, link: LinkInput, lang: Lang): Promise<void> {
  if (link.recordId) {
    const [r] = await tx
      .select({ cycleId: records.cycleId, unitId: records.unitId })
      .from(records)
      .where(eq(records.id, link.recordId))
      .limit(1);
    if (!r || r.cycleId !== cu.cycle.id || r.unitId !== cu.unit.id) {
      throw new AppError('evidence.invalid_link', {
        reason: detailText('evidence.record_elsewhere', lang, { recordId: link.recordId }),
      });
    }
  }
  if (link.indicator) {
    const scheme = await cycleScheme(tx, cu.cycle);
    if (!indicatorCodes(scheme).has(link.indicator)) {
      throw new AppError('evidence.invalid_link', {
        reason: detailText('evidence.indicator_unknown', lang, { indicator: link.indicator, schemeId: scheme.id }),
      });
    }
  }
}

/** Stores the file row (once per content) and a new link; audited. */
export async function linkEvidence(
  tx: Tx,
  actor: Actor,
  cu: CycleUnitContext,
  file: { sha256: string; size: number; mime: string },
  link: LinkInput,
): Promise<Evidence> {
  await tx.insert(evidenceFiles).values(file).onConflictDoNothing();
  const [row] = await tx
    .insert(evidenceLinks)
    .values({
      sha256: file.sha256,
      cycleId: cu.cycle.id,
      unitId: cu.unit.id,
      recordId: link.recordId ?? null,
      indicator: link.indicator ?? null,
      filename: link.filename,
      kind: link.kind ?? null,
      createdBy: actor.id,
      capturedAt: link.capture?.capturedAt ? new Date(link.capture.capturedAt) : null,
      latitude: link.capture?.latitude ?? null,
      longitude: link.capture?.longitude ?? null,
      accuracy: link.capture?.accuracy ?? null,
    })
    .returning();
  const view = toView(row!, file);
  await appendAudit(tx, {
    actor,
    action: 'evidence.upload',
    subjectType: 'evidence',
    subjectId: view.id,
    provinceCode: cu.body.provinceCode,
    diff: {
      cycleId: cu.cycle.id,
      unitId: cu.unit.id,
      recordId: view.recordId,
      indicator: view.indicator,
      sha256: file.sha256,
      size: file.size,
      mime: file.mime,
      filename: view.filename,
      ...(link.via ? { via: link.via } : {}),
      ...(view.capturedAt ? { capturedAt: view.capturedAt } : {}),
      ...(view.latitude !== null ? { latitude: view.latitude, longitude: view.longitude, accuracy: view.accuracy } : {}),
    },
  });
  return view;
}

type LinkRow = typeof evidenceLinks.$inferSelect;

const toView = (l: LinkRow, f: { size: number; mime: string }): Evidence => ({
  id: l.id,
  sha256: l.sha256,
  size: f.size,
  mime: f.mime,
  cycleId: l.cycleId,
  unitId: l.unitId,
  recordId: l.recordId,
  indicator: l.indicator,
  filename: l.filename,
  kind: l.kind,
  createdBy: l.createdBy,
  createdAt: l.createdAt.toISOString(),
  capturedAt: l.capturedAt ? l.capturedAt.toISOString() : null,
  latitude: l.latitude,
  longitude: l.longitude,
  accuracy: l.accuracy,
});

/** A link with its file and its locus entry, or 404. */
export async function loadEvidence(tx: Queryable, id: string): Promise<{ view: Evidence; cu: CycleUnitContext }> {
  const [row] = await tx
    .select({ link: evidenceLinks, size: evidenceFiles.size, mime: evidenceFiles.mime })
    .from(evidenceLinks)
    .innerJoin(evidenceFiles, eq(evidenceFiles.sha256, evidenceLinks.sha256))
    .where(eq(evidenceLinks.id, id))
    .limit(1);
  if (!row) throw notFound('evidence');
  const cycle = await getCycle(tx, row.link.cycleId);
  const cu = cycle && (await getCycleUnit(tx, cycle, row.link.unitId));
  if (!cu) throw notFound('evidence');
  return { view: toView(row.link, row), cu };
}

export interface EvidenceFilter {
  page: number;
  pageSize: number;
  recordId?: string;
  indicator?: string;
}

export async function listEvidence(tx: Queryable, cu: CycleUnitContext, f: EvidenceFilter) {
  const where = and(
    eq(evidenceLinks.cycleId, cu.cycle.id),
    eq(evidenceLinks.unitId, cu.unit.id),
    f.recordId ? eq(evidenceLinks.recordId, f.recordId) : undefined,
    f.indicator ? eq(evidenceLinks.indicator, f.indicator) : undefined,
  );
  const [{ total } = { total: 0 }] = await tx.select({ total: count() }).from(evidenceLinks).where(where);
  const rows = await tx
    .select({ link: evidenceLinks, size: evidenceFiles.size, mime: evidenceFiles.mime })
    .from(evidenceLinks)
    .innerJoin(evidenceFiles, eq(evidenceFiles.sha256, evidenceLinks.sha256))
    .where(where)
    .orderBy(asc(evidenceLinks.createdAt), asc(evidenceLinks.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { items: rows.map((r) => toView(r.link, r)), total, page: f.page, pageSize: f.pageSize };
}

/** Removes a link (the content stays: other links may share it). */
export async function unlinkEvidence(tx: Tx, actor: Actor, loaded: { view: Evidence; cu: CycleUnitContext }): Promise<void> {
  await tx.delete(evidenceLinks).where(eq(evidenceLinks.id, loaded.view.id));
  await appendAudit(tx, {
    actor,
    action: 'evidence.delete',
    subjectType: 'evidence',
    subjectId: loaded.view.id,
    provinceCode: loaded.cu.body.provinceCode,
    diff: { before: loaded.view },
  });
}
