/**
 * Issue 16: the audit log screen shows names, not 8-character ids: every id an event mentions
 * (its subject, its actor, any id inside its recorded difference) is looked up once among
 * bodies, units, cycles and accounts. Reads only.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { AuditEvent } from '../../shared/wire/audit.ts';
import type { Page } from '../../shared/wire/common.ts';
import { users } from '../auth/schema.ts';
import { auditEvents } from './schema.ts';
import { cycles } from '../cycles/schema.ts';
import type { Queryable } from '../db/client.ts';
import { bodies, units } from '../registry/schema.ts';
import { actionEvidence, actions } from '../actions/schema.ts';
import { surveys } from '../surveys/schema.ts';
import { ikmEvidence } from '../evidence/schema.ts';
import { publications } from '../publications/schema.ts';
import { findings, followupProducts } from '../findings/schema.ts';
import { libraryDocumentUses, libraryDocuments } from '../library-docs/schema.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function collectIds(value: unknown, into: Set<string>, depth = 0): void {
  if (depth > 6) return;
  if (typeof value === 'string') {
    if (UUID.test(value)) into.add(value.toLowerCase());
    // Compound subjects ("cycleId/unitId" of a unit in a cycle).
    else if (value.includes('/')) for (const part of value.split('/')) if (UUID.test(part)) into.add(part.toLowerCase());
  } else if (Array.isArray(value)) {
    for (const v of value.slice(0, 200)) collectIds(v, into, depth + 1);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) collectIds(v, into, depth + 1);
  }
}

/** A subject's name; a compound "cycleId/unitId" reads "unit · cycle". */
function subjectName(subjectId: string, names: Map<string, string>): string | null {
  const parts = subjectId
    .split('/')
    .map((p) => names.get(p.toLowerCase()))
    .filter((n): n is string => n !== undefined);
  return parts.length > 0 ? parts.reverse().join(' · ') : null;
}

export async function withAuditNames(db: Queryable, page: Page<AuditEvent>): Promise<Page<AuditEvent>> {
  const all = new Set<string>();
  for (const e of page.items) {
    if (e.subjectId) collectIds(e.subjectId, all);
    if (e.actorId) collectIds(e.actorId, all);
    collectIds(e.diff, all);
  }
  const ids = [...all];
  const names = new Map<string, string>();
  if (ids.length > 0) {
    for (const [table, label] of [
      [bodies, bodies.name],
      [units, units.name],
      [cycles, cycles.name],
      [users, users.name],
    ] as const) {
      const rows = await db.select({ id: table.id, name: label }).from(table).where(inArray(table.id, ids));
      for (const r of rows) names.set(r.id, r.name);
    }
    // Surveys (issue 11) read "SKM 2026-Q4 · <unit>", follow-up actions (issue 12) by their title.
    const surveyRows = await db
      .select({ id: surveys.id, kind: surveys.kind, period: surveys.periodKey, unit: units.name })
      .from(surveys)
      .innerJoin(units, eq(units.id, surveys.unitId))
      .where(inArray(surveys.id, ids));
    for (const r of surveyRows) names.set(r.id, `${r.kind === 'f03' ? 'F-03' : 'SKM'} ${r.period} · ${r.unit}`);
    // An IKM attached as evidence (issue 11 §7) reads "IKM <indicator> <period> · <unit>".
    const ikmRows = await db
      .select({ id: ikmEvidence.id, indicator: ikmEvidence.indicator, period: ikmEvidence.periodKey, unit: units.name })
      .from(ikmEvidence)
      .innerJoin(units, eq(units.id, ikmEvidence.unitId))
      .where(inArray(ikmEvidence.id, ids));
    for (const r of ikmRows) names.set(r.id, `IKM ${r.indicator} ${r.period} · ${r.unit}`);
    const actionRows = await db.select({ id: actions.id, title: actions.title }).from(actions).where(inArray(actions.id, ids));
    for (const r of actionRows) names.set(r.id, r.title);
    // Findings (issue 12) read "indicator <code> · <unit>", follow-up products by their title.
    const findingRows = await db
      .select({ id: findings.id, indicator: findings.indicator, unit: units.name })
      .from(findings)
      .innerJoin(units, eq(units.id, findings.unitId))
      .where(inArray(findings.id, ids));
    for (const r of findingRows) names.set(r.id, `${r.indicator} · ${r.unit}`);
    const productRows = await db
      .select({ id: followupProducts.id, title: followupProducts.title })
      .from(followupProducts)
      .where(inArray(followupProducts.id, ids));
    for (const r of productRows) names.set(r.id, r.title);
    // Library documents (issue 12 §3) read "<title> · <unit>", one of their links "tautan <title>".
    const documentRows = await db
      .select({ id: libraryDocuments.id, title: libraryDocuments.title, unit: units.name })
      .from(libraryDocuments)
      .innerJoin(units, eq(units.id, libraryDocuments.unitId))
      .where(inArray(libraryDocuments.id, ids));
    for (const r of documentRows) names.set(r.id, `${r.title} · ${r.unit}`);
    // A deleted document keeps its name in its deletion's audit row.
    const gone = ids.filter((id) => !names.has(id));
    if (gone.length > 0) {
      const deleted = await db
        .select({ id: auditEvents.subjectId, diff: auditEvents.diff })
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'library_document.delete'), inArray(auditEvents.subjectId, gone)));
      for (const r of deleted) {
        const d = r.diff as { title?: unknown; unitName?: unknown } | null;
        if (r.id && typeof d?.title === 'string') names.set(r.id, typeof d.unitName === 'string' ? `${d.title} · ${d.unitName}` : d.title);
      }
    }
    const useRows = await db
      .select({ id: libraryDocumentUses.id, title: libraryDocuments.title })
      .from(libraryDocumentUses)
      .innerJoin(libraryDocuments, eq(libraryDocuments.id, libraryDocumentUses.documentId))
      .where(inArray(libraryDocumentUses.id, ids));
    for (const r of useRows) names.set(r.id, `tautan ${r.title}`);
    // An action's evidence file (the library links one to an action) reads by its file name.
    const actionFileRows = await db
      .select({ id: actionEvidence.id, filename: actionEvidence.filename })
      .from(actionEvidence)
      .where(inArray(actionEvidence.id, ids));
    for (const r of actionFileRows) names.set(r.id, r.filename);
    // Publications read "<cycle> · <scope> v<version>" (the scope is "national" or a province code).
    const publicationRows = await db
      .select({ id: publications.id, scope: publications.scope, version: publications.version, cycle: cycles.name })
      .from(publications)
      .innerJoin(cycles, eq(cycles.id, publications.cycleId))
      .where(inArray(publications.id, ids));
    const provinceNames = new Map(
      (
        await db
          .select({ code: bodies.provinceCode, name: bodies.name })
          .from(bodies)
          .where(and(eq(bodies.type, 'provinsi'), inArray(bodies.provinceCode, [...new Set(publicationRows.map((r) => r.scope))])))
      ).map((r) => [r.code, r.name]),
    );
    for (const r of publicationRows)
      names.set(r.id, `${r.cycle} · ${r.scope === 'national' ? 'nasional' : (provinceNames.get(r.scope) ?? r.scope)} v${r.version}`);
  }
  return {
    ...page,
    items: page.items.map((e) => {
      const mine = new Set<string>();
      if (e.subjectId) collectIds(e.subjectId, mine);
      if (e.actorId) collectIds(e.actorId, mine);
      collectIds(e.diff, mine);
      const own: Record<string, string> = {};
      for (const id of mine) {
        const n = names.get(id);
        if (n) own[id] = n;
      }
      return {
        ...e,
        subjectName: e.subjectId ? subjectName(e.subjectId, names) : null,
        actorName: e.actorId ? (names.get(e.actorId.toLowerCase()) ?? null) : null,
        names: own,
      };
    }),
  };
}
