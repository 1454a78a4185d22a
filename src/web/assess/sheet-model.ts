/**
 * The shape of one instrument sheet as the assessor fills it, derived from the scheme only:
 * which indicators the instrument covers, grouped by dimension (or supplement) and variable,
 * and what is still missing before it can be submitted. Pure; no React, no storage.
 */
import type { Indicator, Instrument, Scheme, Sheet, Text } from '../../core/types.ts';
import type { SheetValue } from '../lib/offline-db.ts';

export type { SheetValue };

export interface SheetSection {
  kind: 'dimension' | 'supplement';
  code: string;
  title: Text;
  /** Dimension weight in percent (dimensions only). */
  weight?: number;
  variables: { code: string; title: Text; indicators: Indicator[] }[];
}

export function findInstrument(scheme: Scheme, code: string): Instrument | undefined {
  return scheme.instruments.find((i) => i.code === code);
}

/** The covered indicators in scheme order, grouped dimension → variable (then supplements). */
export function sheetSections(scheme: Scheme, instrument: Instrument): SheetSection[] {
  const covered = new Set(instrument.covers);
  const sections: SheetSection[] = [];
  for (const d of scheme.dimensions) {
    const variables = d.variables
      .map((v) => ({ code: v.code, title: v.title, indicators: v.indicators.filter((i) => covered.has(i.code)) }))
      .filter((v) => v.indicators.length > 0);
    if (variables.length) sections.push({ kind: 'dimension', code: d.code, title: d.title, weight: d.weight, variables });
  }
  for (const s of scheme.supplements) {
    const indicators = s.indicators.filter((i) => covered.has(i.code));
    if (indicators.length) {
      sections.push({ kind: 'supplement', code: s.code, title: s.title, variables: [{ code: s.code, title: s.title, indicators }] });
    }
  }
  return sections;
}

export function coveredIndicators(sections: SheetSection[]): Indicator[] {
  return sections.flatMap((s) => s.variables.flatMap((v) => v.indicators));
}

export function emptySheetValue(): SheetValue {
  return { respondent: '', notes: '', answers: {} };
}

export interface SheetErrors {
  respondent?: 'required';
  /** Indicator codes without an answer, in form order. */
  unanswered: string[];
}

export function validateSheet(sections: SheetSection[], value: SheetValue): SheetErrors {
  // A value that is not one of the indicator's levels (e.g. a sheet the server refused as out of
  // scale, reopened for correction) counts as unanswered: no radio shows it.
  const unanswered = coveredIndicators(sections)
    .filter((i) => !i.scale.levels.some((l) => l.value === value.answers[i.code]))
    .map((i) => i.code);
  return value.respondent.trim() ? { unanswered } : { respondent: 'required', unanswered };
}

export function hasErrors(errors: SheetErrors): boolean {
  return errors.respondent !== undefined || errors.unanswered.length > 0;
}

/** The engine's view of the sheet (only answered codes). */
export function toEngineSheet(id: string, instrument: string, value: SheetValue): Sheet {
  const answers: Record<string, number> = {};
  for (const [code, v] of Object.entries(value.answers)) if (typeof v === 'number') answers[code] = v;
  const respondent = value.respondent.trim();
  return respondent ? { id, instrument, respondent, answers } : { id, instrument, answers };
}
