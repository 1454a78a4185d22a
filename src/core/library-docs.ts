/**
 * A service unit's evidence library (issue 12 §3): document types from the library file
 * (`methodologies/document-types.json`, each naming the cross-scheme topics it is evidence for),
 * whether a document is still valid on a date, the date a cycle judges it on, and which
 * indicators of the unit's cycles a document is suggested for. Pure; no I/O.
 */
import { z } from 'zod';
import { parseDate } from './time.ts';
import { ikmEvidenceIndicators, indicatorsWithTopics, relatedIndicators } from './topics.ts';
import type { Result, Scheme, SchemeIssue, Text, TopicLibrary } from './types.ts';

export interface DocumentType {
  code: string;
  title: Text;
  /** Topic codes of `methodologies/topics.json` the document is evidence for ([] = none). */
  topics: string[];
}

export interface DocumentTypeLibrary {
  version: string;
  title: Text;
  /** A document is "expiring soon" this many days or fewer before its validity ends. */
  expiringSoonDays: number;
  types: DocumentType[];
  assumptions: { path: string; note: Text }[];
}

const nonEmpty = z.string().regex(/\S/, { error: 'must not be empty' });
const text = z.strictObject({ id: nonEmpty, en: nonEmpty });
const code = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'must be a lower-case code such as "laporan-skm"' });

const schema: z.ZodType<DocumentTypeLibrary> = z.strictObject({
  version: z.string().regex(/^\d+\.\d+\.\d+$/, { error: 'must be a semantic version such as "1.0.0"' }),
  title: text,
  expiringSoonDays: z.number().int().min(0).max(366),
  types: z.array(z.strictObject({ code, title: text, topics: z.array(code) })).min(1),
  assumptions: z.array(z.strictObject({ path: nonEmpty, note: text })),
});

/**
 * Validates the document types: structure, unique codes and, with `topics`, that every topic a
 * type names exists. `source` prefixes every message (the file name).
 */
export function parseDocumentTypes(json: unknown, topics?: TopicLibrary, source?: string): Result<DocumentTypeLibrary> {
  const issues: SchemeIssue[] = [];
  const add = (path: string, message: string): void => {
    issues.push({ path, message: source === undefined ? `${path}: ${message}` : `${source}: ${path}: ${message}` });
  };
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    for (const iss of parsed.error.issues) add(iss.path.map(String).join('.'), iss.message);
    return { ok: false, issues };
  }
  const known = topics ? new Set(topics.topics.map((t) => t.code)) : undefined;
  const seen = new Set<string>();
  parsed.data.types.forEach((t, i) => {
    if (seen.has(t.code)) add(`types[${i}].code`, `duplicate type code ${JSON.stringify(t.code)}`);
    seen.add(t.code);
    t.topics.forEach((topic, k) => {
      if (known && !known.has(topic)) add(`types[${i}].topics[${k}]`, `unknown topic ${JSON.stringify(topic)}`);
    });
  });
  return issues.length === 0 ? { ok: true, value: parsed.data } : { ok: false, issues };
}

// ── Validity ──────────────────────────────────────────────────────────────────────────────────

/** 'open' = no end date; 'expired' = the end date is before the date judged on. */
export type DocumentValidity = 'open' | 'valid' | 'expiring' | 'expired';

const dayNumber = (date: string, what: string): number => {
  const d = parseDate(date, what);
  return Date.UTC(d.year, d.month - 1, d.day) / 86_400_000;
};

/**
 * A document's validity on `asOf` (local "YYYY-MM-DD" in the body's zone). The end date is the
 * last valid day: a document valid until 2025-12-31 is still valid that day and expired on
 * 2026-01-01. `daysLeft` is null without an end date. An issuing date after `asOf` changes
 * nothing here (the library accepts documents issued ahead).
 */
export function documentValidity(
  validUntil: string | null,
  asOf: string,
  expiringSoonDays: number,
): { validity: DocumentValidity; daysLeft: number | null } {
  const today = dayNumber(asOf, 'asOf');
  if (validUntil === null) return { validity: 'open', daysLeft: null };
  const daysLeft = dayNumber(validUntil, 'validUntil') - today;
  if (daysLeft < 0) return { validity: 'expired', daysLeft };
  if (daysLeft <= expiringSoonDays) return { validity: 'expiring', daysLeft };
  return { validity: 'valid', daysLeft };
}

/**
 * The date a cycle judges a linked document on: 31 December of the cycle's year, or `today`
 * when that is earlier (a running cycle is judged now; a past one on its own year).
 */
export function cycleJudgingDate(cycleYear: number, today: string): string {
  const end = `${String(cycleYear).padStart(4, '0')}-12-31`;
  return dayNumber(today, 'today') < dayNumber(end, 'cycle year end') ? today : end;
}

// ── Suggestions ───────────────────────────────────────────────────────────────────────────────

/** A cycle the unit is assessed in, with its frozen scheme. */
export interface LibraryCycle {
  cycleId: string;
  scheme: Scheme;
}

/** An indicator of a cycle a document is (or could be) linked to. */
export interface IndicatorTarget {
  cycleId: string;
  indicator: string;
}

export interface DocumentSuggestion extends IndicatorTarget {
  schemeId: string;
  family: Scheme['family'];
  ref: string;
  text: Text;
  /** The topics that relate it (of the document's type, or shared with a linked indicator). */
  topics: string[];
  /** 'type': the document's type names its topic; 'related': it relates to an indicator the document is linked to. */
  reason: 'type' | 'related';
}

const key = (cycleId: string, indicator: string): string => `${cycleId}\u0000${indicator}`;

/**
 * The indicators of `cycles` a document is suggested for: those carrying a topic of the
 * document's type, and those related (`relatedIndicators`: a shared topic, or the same code in
 * another year of the family) to an indicator the document is already linked to. Indicators it
 * is linked to are never suggested; each (cycle, indicator) is listed once, 'type' before
 * 'related', in the order of `cycles`, then of the scheme. With `ikm` (the SKM schemes' own
 * topics and the unit's body type), a document whose type names one of those topics (a "Laporan
 * SKM") is also suggested, by its type, where the unit may attach its IKM (`ikmEvidence`).
 */
export function suggestIndicators(
  cycles: readonly LibraryCycle[],
  typeTopics: readonly string[],
  linked: readonly IndicatorTarget[],
  ikm?: { topics: readonly string[]; bodyType: string },
): DocumentSuggestion[] {
  const taken = new Set(linked.map((l) => key(l.cycleId, l.indicator)));
  const schemes = new Map<string, Scheme>();
  for (const c of cycles) if (!schemes.has(c.scheme.id)) schemes.set(c.scheme.id, c.scheme);
  const cyclesOf = (schemeId: string) => cycles.filter((c) => c.scheme.id === schemeId);
  const found = new Map<string, DocumentSuggestion>();
  const add = (
    schemeId: string,
    rel: { indicator: string; ref: string; text: Text; topics: string[]; family: Scheme['family'] },
    reason: DocumentSuggestion['reason'],
  ) => {
    for (const c of cyclesOf(schemeId)) {
      const k = key(c.cycleId, rel.indicator);
      if (taken.has(k)) continue;
      const had = found.get(k);
      if (had) {
        for (const t of rel.topics) if (!had.topics.includes(t)) had.topics.push(t);
        continue;
      }
      found.set(k, {
        cycleId: c.cycleId,
        indicator: rel.indicator,
        schemeId,
        family: rel.family,
        ref: rel.ref,
        text: rel.text,
        topics: [...rel.topics],
        reason,
      });
    }
  };
  if (typeTopics.length > 0) {
    for (const r of indicatorsWithTopics(schemes.values(), typeTopics)) add(r.schemeId, r, 'type');
    const ikmTopics = ikm ? ikm.topics.filter((t) => typeTopics.includes(t)) : [];
    if (ikm && ikmTopics.length > 0) {
      for (const r of ikmEvidenceIndicators(schemes.values(), ikmTopics, ikm.bodyType)) add(r.schemeId, r, 'type');
    }
  }
  const cycleScheme = new Map(cycles.map((c) => [c.cycleId, c.scheme.id]));
  for (const l of linked) {
    const schemeId = cycleScheme.get(l.cycleId);
    if (schemeId === undefined) continue;
    for (const r of relatedIndicators(schemes.values(), schemeId, l.indicator)) add(r.schemeId, r, 'related');
  }
  // Order: cycles as given, then the scheme's own order (as listed by the topic functions).
  const order = new Map(cycles.map((c, i) => [c.cycleId, i]));
  return [...found.values()].sort((a, b) => (order.get(a.cycleId) ?? 0) - (order.get(b.cycleId) ?? 0));
}
