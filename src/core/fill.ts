/**
 * Who may fill which instrument (issue 10 §2), and what must accompany each answer (F-01's
 * statement and evidence, F-02's reason and data source). Both rules live in the library file
 * (`Instrument.fillers`, `paperEntry`, `entry`, `Indicator.selfAssessment`); this module only
 * reads them, so the server, the browser and the CLI decide alike. Pure; no I/O.
 */
import { CoreError } from './errors.ts';
import { compileScheme } from './score-unit.ts';
import type { EntryInput, EntryProblem, EntryProblemCode, FillerRole, FillPermission, Instrument, Scheme, Text } from './types.ts';

function instrumentOf(scheme: Scheme, code: string): Instrument {
  const found = scheme.instruments.find((i) => i.code === code);
  if (found === undefined) throw new CoreError('scheme.unknown_instrument', { schemeId: scheme.id, instrument: code });
  return found;
}

/**
 * May `role` fill instrument `instrumentCode` of `scheme`? 'direct' when the role is one of the
 * instrument's `fillers`; 'paper' when it is one of `paperEntry.by` (it types in paper forms,
 * with the scan attached when `scanRequired`); otherwise not allowed. An instrument without
 * `fillers` allows nobody: a scheme frozen before the field existed should be read through
 * `inheritPolicy` first. Scoping (own unit, assigned evaluator) is the caller's, not this rule's.
 * @throws CoreError 'scheme.unknown_instrument'.
 */
export function mayFill(scheme: Scheme, instrumentCode: string, role: FillerRole): FillPermission {
  const instrument = instrumentOf(scheme, instrumentCode);
  if (instrument.fillers?.includes(role) === true) return { allowed: true, mode: 'direct' };
  if (instrument.paperEntry?.by.includes(role) === true) {
    return { allowed: true, mode: 'paper', scanRequired: instrument.paperEntry.scanRequired };
  }
  return { allowed: false };
}

/** The instruments of `scheme` that `role` may fill, with how (direct or paper). */
export function fillableInstruments(
  scheme: Scheme,
  role: FillerRole,
): { instrument: string; permission: FillPermission & { allowed: true } }[] {
  return scheme.instruments.flatMap((i) => {
    const permission = mayFill(scheme, i.code, role);
    return permission.allowed ? [{ instrument: i.code, permission }] : [];
  });
}

const messages: { [C in EntryProblemCode]: (d: Record<string, string | number>) => Text } = {
  'entry.indicator_not_covered': (d) => ({
    id: `Instrumen ${d['instrument']} tidak memuat indikator ${d['indicator']}.`,
    en: `Instrument ${d['instrument']} does not cover indicator ${d['indicator']}.`,
  }),
  'entry.level_missing': () => ({ id: 'Pilih level.', en: 'Choose a level.' }),
  'entry.level_out_of_scale': (d) => ({
    id: `Level ${d['level']} di luar skala ${d['min']}–${d['max']}.`,
    en: `Level ${d['level']} is outside the scale ${d['min']}–${d['max']}.`,
  }),
  'entry.note_required': (d) => ({ id: `${d['labelId']} wajib diisi.`, en: `${d['labelEn']} is required.` }),
  'entry.evidence_required': (d) => ({
    id: `Level ${d['level']} memerlukan sedikitnya satu bukti dukung.`,
    en: `Level ${d['level']} needs at least one piece of supporting evidence.`,
  }),
  'entry.data_source_required': () => ({ id: 'Pilih sumber data.', en: 'Choose a data source.' }),
  'entry.data_source_unknown': (d) => ({ id: `Sumber data "${d['source']}" tidak dikenal.`, en: `Unknown data source "${d['source']}".` }),
  'entry.data_source_single': () => ({ id: 'Pilih satu sumber data saja.', en: 'Choose one data source only.' }),
};

/**
 * Problems that keep one answer of `instrumentCode` from being submitted: a level outside the
 * scale or missing; a required note (F-01 statement / F-02 reason) left empty; no evidence for
 * a claim above the scale minimum of an indicator whose `selfAssessment.evidenceRequired`
 * (claim instruments only); a required data source missing, unknown, or several where one is
 * allowed. An empty list means the answer may be submitted. Drafts may be saved regardless.
 * @throws CoreError 'scheme.unknown_instrument'.
 */
export function checkEntry(scheme: Scheme, instrumentCode: string, input: EntryInput): EntryProblem[] {
  const instrument = instrumentOf(scheme, instrumentCode);
  const c = compileScheme(scheme);
  const out: EntryProblem[] = [];
  const add = (code: EntryProblemCode, details: Record<string, string | number> = {}): void => {
    out.push({ code, indicator: input.indicator, message: messages[code](details), details });
  };
  const slot = c.codes.get(input.indicator);
  if (slot === undefined || !instrument.covers.includes(input.indicator)) {
    add('entry.indicator_not_covered', { instrument: instrument.code, indicator: input.indicator });
    return out;
  }
  const indicator = slot.supplement ? c.supplements[slot.index]!.indicator : c.scored[slot.index]!.indicator;
  const { min, max } = indicator.scale;
  if (input.level === null) add('entry.level_missing');
  else if (!Number.isInteger(input.level) || input.level < min || input.level > max)
    add('entry.level_out_of_scale', { level: input.level, min, max });

  const note = instrument.entry?.note;
  if (note?.required === true && (input.note ?? '').trim() === '')
    add('entry.note_required', { labelId: note.label.id, labelEn: note.label.en });

  const rule = indicator.selfAssessment;
  if (
    instrument.role === 'claim' &&
    rule?.evidenceRequired === true &&
    input.level !== null &&
    input.level > min &&
    (input.evidence ?? 0) < 1
  ) {
    add('entry.evidence_required', { level: input.level });
  }

  const sources = instrument.entry?.dataSources;
  if (sources !== undefined) {
    const chosen = input.dataSources ?? [];
    const known = new Set(sources.options.map((o) => o.code));
    for (const s of chosen) if (!known.has(s)) add('entry.data_source_unknown', { source: s });
    if (sources.required && chosen.length === 0) add('entry.data_source_required');
    if (!sources.multiple && chosen.length > 1) add('entry.data_source_single');
  }
  return out;
}
