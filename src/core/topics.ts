/**
 * Cross-scheme related indicators (issue 12 §3): indicators carry topic codes from
 * `methodologies/topics.json` ("standar-pelayanan", "maklumat", "skm", "pengaduan" …), so a
 * document attached to one indicator (an SK standar pelayanan, a maklumat, an SKM report) can
 * be suggested for every related indicator of any scheme — Ombudsman ↔ PEKPPP ↔ SKM, and the
 * same indicator in another year of one family. The mapping is data; this module only reads
 * it. Pure; no I/O.
 */
import { z } from 'zod';
import { compileScheme } from './score-unit.ts';
import type { Indicator, RelatedIndicator, Result, Scheme, SchemeIssue, TopicLibrary } from './types.ts';

const nonEmpty = z.string().regex(/\S/, { error: 'must not be empty' });
const text = z.strictObject({ id: nonEmpty, en: nonEmpty });
const code = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'must be a lower-case code such as "standar-pelayanan"' });

const topicLibrarySchema: z.ZodType<TopicLibrary> = z.strictObject({
  version: z.string().regex(/^\d+\.\d+\.\d+$/, { error: 'must be a semantic version such as "1.0.0"' }),
  title: text,
  topics: z.array(z.strictObject({ code, title: text, note: text.optional() })).min(1),
  assumptions: z.array(z.strictObject({ path: nonEmpty, note: text })),
});

const pathOf = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out === '' ? String(key) : `${out}.${String(key)}`), '');

/**
 * Validates the topic vocabulary (`methodologies/topics.json`): structure and unique codes.
 * `source` prefixes every message as in parseScheme.
 */
export function parseTopics(json: unknown, source?: string): Result<TopicLibrary> {
  const issues: SchemeIssue[] = [];
  const add = (path: string, message: string): void => {
    issues.push({ path, message: source === undefined ? message : `${source}: ${path === '' ? '' : `${path}: `}${message}` });
  };
  const parsed = topicLibrarySchema.safeParse(json);
  if (!parsed.success) {
    for (const iss of parsed.error.issues)
      add(pathOf(iss.path), iss.code === 'invalid_type' && iss.input === undefined ? 'is required' : iss.message);
    return { ok: false, issues };
  }
  const seen = new Map<string, number>();
  parsed.data.topics.forEach((t, i) => {
    const first = seen.get(t.code);
    if (first !== undefined) add(`topics[${i}].code`, `duplicate topic code ${JSON.stringify(t.code)} (already used at topics[${first}])`);
    else seen.set(t.code, i);
  });
  return issues.length === 0 ? { ok: true, value: parsed.data } : { ok: false, issues };
}

/** Every indicator of a scheme (scored, then supplement items) with its JSON path and ref. */
function eachIndicator(scheme: Scheme): { indicator: Indicator; path: string; ref: string; supplement: boolean }[] {
  const c = compileScheme(scheme);
  return [
    ...c.scored.map((ci) => ({
      indicator: ci.indicator,
      path: `dimensions[${ci.dimIndex}].variables[${ci.varIndex}].indicators[${ci.variable.indicators.indexOf(ci.indicator)}]`,
      ref: ci.ref,
      supplement: false,
    })),
    ...c.supplements.map((cs) => ({
      indicator: cs.indicator,
      path: `supplements[${cs.supIndex}].indicators[${cs.supplement.indicators.indexOf(cs.indicator)}]`,
      ref: cs.ref,
      supplement: true,
    })),
  ];
}

/**
 * Cross-checks schemes against the vocabulary: every topic an indicator or a scheme names must
 * exist, and every topic of the vocabulary must be named at least twice (a topic on one
 * indicator relates nothing). `sourceOf(schemeId)` names the file in messages.
 */
export function checkTopicUse(
  topics: TopicLibrary,
  schemes: Iterable<Scheme>,
  sourceOf?: (schemeId: string) => string,
  topicsSource?: string,
): string[] {
  const known = new Set(topics.topics.map((t) => t.code));
  const uses = new Map<string, number>();
  const problems: string[] = [];
  const note = (topic: string, source: string | undefined, path: string): void => {
    uses.set(topic, (uses.get(topic) ?? 0) + 1);
    if (!known.has(topic)) {
      problems.push(
        `${source === undefined ? '' : `${source}: `}${path}: unknown topic ${JSON.stringify(topic)} (not in ${topicsSource ?? 'the topic vocabulary'})`,
      );
    }
  };
  for (const scheme of schemes) {
    const source = sourceOf?.(scheme.id);
    (scheme.topics ?? []).forEach((t, k) => {
      note(t, source, `topics[${k}]`);
    });
    for (const { indicator, path } of eachIndicator(scheme)) {
      (indicator.topics ?? []).forEach((t, k) => {
        note(t, source, `${path}.topics[${k}]`);
      });
    }
  }
  topics.topics.forEach((t, i) => {
    const n = uses.get(t.code) ?? 0;
    if (n < 2) {
      problems.push(
        `${topicsSource === undefined ? '' : `${topicsSource}: `}topics[${i}]: topic ${JSON.stringify(t.code)} is used ${n === 0 ? 'by no indicator' : 'by one indicator only'}, so it relates nothing`,
      );
    }
  });
  return problems;
}

const entry = (
  scheme: Scheme,
  x: { indicator: Indicator; ref: string; supplement: boolean },
  topics: string[],
  sameCode: boolean,
): RelatedIndicator => ({
  schemeId: scheme.id,
  family: scheme.family,
  indicator: x.indicator.code,
  ref: x.ref,
  text: x.indicator.text,
  topics,
  sameCode,
  supplement: x.supplement,
});

function related(
  schemes: Iterable<Scheme>,
  wanted: readonly string[],
  match: (scheme: Scheme, indicator: Indicator) => { sameCode: boolean; skip: boolean },
): RelatedIndicator[] {
  const out: RelatedIndicator[] = [];
  for (const scheme of schemes) {
    for (const { indicator, ref, supplement } of eachIndicator(scheme)) {
      const { sameCode, skip } = match(scheme, indicator);
      if (skip) continue;
      const own = new Set(indicator.topics ?? []);
      const shared = wanted.filter((t) => own.has(t));
      if (shared.length === 0 && !sameCode) continue;
      out.push(entry(scheme, { indicator, ref, supplement }, shared, sameCode));
    }
  }
  return out;
}

/**
 * Indicators related to `indicator` of `schemeId`, across `schemes` (typically the whole
 * library): those sharing at least one topic, and the indicator with the same code in the other
 * schemes of the same family. The starting indicator itself is never listed. Order: schemes in
 * the order given, indicators in scheme order (scored first, then supplement items).
 * Returns [] when the scheme or the indicator is unknown.
 */
export function relatedIndicators(schemes: Iterable<Scheme>, schemeId: string, indicator: string): RelatedIndicator[] {
  const list = [...schemes];
  const from = list.find((s) => s.id === schemeId);
  const start = from === undefined ? undefined : eachIndicator(from).find((x) => x.indicator.code === indicator);
  if (from === undefined || start === undefined) return [];
  const wanted = start.indicator.topics ?? [];
  return related(list, wanted, (scheme, ind) => ({
    sameCode: scheme.id !== from.id && scheme.family === from.family && ind.code === indicator,
    skip: scheme.id === from.id && ind.code === indicator,
  }));
}

/**
 * Indicators where a unit of `bodyType` may attach its published IKM (`ikmEvidence`, e.g. the
 * Ombudsman Output indicators for ministry and agency units), across `schemes`, related by
 * `ikmTopics` — the topics the SKM schemes' results are evidence for (their own `topics`,
 * skm-2017: ["skm"]): an SKM report is evidence where the IKM is. `topics` lists `ikmTopics`.
 */
export function ikmEvidenceIndicators(schemes: Iterable<Scheme>, ikmTopics: readonly string[], bodyType: string): RelatedIndicator[] {
  if (ikmTopics.length === 0) return [];
  const out: RelatedIndicator[] = [];
  for (const scheme of schemes) {
    for (const { indicator, ref, supplement } of eachIndicator(scheme)) {
      const rule = indicator.ikmEvidence;
      if (!rule || (rule.bodyTypes && !(rule.bodyTypes as readonly string[]).includes(bodyType))) continue;
      out.push(entry(scheme, { indicator, ref, supplement }, [...ikmTopics], false));
    }
  }
  return out;
}

/**
 * Indicators carrying any of `topics`, across `schemes`. With a scheme's own `topics`
 * (skm-2017: ["skm"]) this lists the indicators its published result is evidence for.
 */
export function indicatorsWithTopics(schemes: Iterable<Scheme>, topics: readonly string[]): RelatedIndicator[] {
  return related(schemes, topics, () => ({ sameCode: false, skip: false }));
}
