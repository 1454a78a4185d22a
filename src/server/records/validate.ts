// Validation of record content against the cycle's frozen scheme: the checks the engine does
// not make (at least one answer, remarks on known codes), then the engine's own checks over
// many sheets at once. Pure: no database.
import { scoreUnit } from '../../core/index.ts';
import type { Lang, Scheme, Sheet } from '../../core/types.ts';
import { type RecordInvalid, fromCoreError, invalidDetails } from './reasons.ts';

/** What validation reads of a record's content. */
export interface SheetContent {
  instrument: string;
  respondent?: string | null;
  answers: Record<string, number | null>;
  remarks?: Record<string, string>;
}

const codesCache = new WeakMap<Scheme, Set<string>>();
/** Every indicator code of a scheme (dimensions and supplements). */
export function schemeCodes(scheme: Scheme): Set<string> {
  let codes = codesCache.get(scheme);
  if (!codes) {
    codes = new Set([
      ...scheme.dimensions.flatMap((d) => d.variables.flatMap((v) => v.indicators.map((i) => i.code))),
      ...scheme.supplements.flatMap((s) => s.indicators.map((i) => i.code)),
    ]);
    codesCache.set(scheme, codes);
  }
  return codes;
}

/** Checks the engine does not make: at least one answer, remarks only on known codes. */
export function precheck(scheme: Scheme, c: SheetContent, lang: Lang): RecordInvalid | undefined {
  if (!Object.values(c.answers).some((v) => v !== null)) return invalidDetails('record.empty', lang, {});
  const codes = schemeCodes(scheme);
  for (const k of Object.keys(c.remarks ?? {})) {
    if (!codes.has(k)) return invalidDetails('remark.unknown', lang, { indicator: k, schemeId: scheme.id });
  }
  return undefined;
}

/**
 * Validates sheets with the engine's own checks (instrument exists, covers the indicator, whole
 * answer on the scale). All sheets are scored together once; a CoreError names the offending
 * sheet, which is set aside and the rest re-checked. After a few failures each remaining sheet
 * is checked alone, so a batch full of bad sheets stays linear.
 */
export function validateSheets(scheme: Scheme, sheets: Sheet[], lang: Lang): Map<number, RecordInvalid> {
  const bad = new Map<number, RecordInvalid>();
  let pending = sheets.map((_, i) => i);
  const check = (indices: number[]): { at: number; why: RecordInvalid } | null => {
    try {
      scoreUnit(scheme, { sheets: indices.map((i) => sheets[i]!) });
      return null;
    } catch (e) {
      const why = fromCoreError(e, lang);
      const at = (e as { details?: { sheet?: number } }).details?.sheet;
      if (!why || typeof at !== 'number') throw e;
      return { at: indices[at]!, why };
    }
  };
  for (let round = 0; round < 4 && pending.length > 0; round++) {
    const fail = check(pending);
    if (!fail) return bad;
    bad.set(fail.at, fail.why);
    pending = pending.filter((i) => i !== fail.at);
  }
  for (const i of pending) {
    const fail = check([i]);
    if (fail) bad.set(i, fail.why);
  }
  return bad;
}

export const toSheet = (c: SheetContent & { id?: string }): Sheet => {
  const sheet: Sheet = { instrument: c.instrument, answers: c.answers };
  if (c.id) sheet.id = c.id;
  if (c.respondent) sheet.respondent = c.respondent;
  return sheet;
};
