/**
 * The engine's one error type. A `CoreError` carries a stable `code` and a documented
 * `details` object; the message is built from them here, in one catalogue, so the CLI, the
 * server and the browser all say the same thing. No HTTP status: callers map codes to their
 * own transport (the server to 400/422, the CLI to exit code 2).
 */

/** Details carried by each error code. Indices (`sheet`, `respondent`) are 0-based. */
export interface CoreErrorDetails {
  /** A value to classify lies outside the scheme's result range. */
  'value.out_of_range': { schemeId: string; value: number; min: number; max: number };
  /** A number the engine must compute with is NaN or ±Infinity. */
  'value.not_finite': { value: unknown; what: string };
  /** A sheet names an instrument the scheme does not have. */
  'instrument.unknown': { schemeId: string; sheet: number; instrument: string };
  /** A sheet answers an indicator code the scheme does not have. */
  'indicator.unknown': { schemeId: string; sheet: number; instrument: string; indicator: string };
  /** A sheet answers an indicator its instrument does not cover. */
  'instrument.not_covering': { schemeId: string; sheet: number; instrument: string; indicator: string };
  /** An answer lies outside the indicator's scale. */
  'answer.out_of_scale': {
    schemeId: string;
    sheet: number;
    instrument: string;
    indicator: string;
    value: number;
    min: number;
    max: number;
    /** Respondent label when known (e.g. "responden 4" for SKM rows). */
    respondent?: string;
  };
  /** An answer in one sheet is not a whole number (or not a number at all). */
  'answer.not_integer': {
    schemeId: string;
    sheet: number;
    instrument: string;
    indicator: string;
    value: unknown;
    respondent?: string;
  };
  /** Two schemes of different families were combined (what-if) or a scheme of the wrong family was used. */
  'scheme.family_mismatch': { from: string; fromFamily: string; to: string; toFamily: string };
  /** Nothing to aggregate (no units, or total weight 0). */
  'aggregate.empty': { schemeId: string; reason: 'no-units' | 'no-weight' };
  /** IKM: no respondents, or a row with the wrong number of answers. */
  'ikm.no_respondents': { schemeId: string };
  'ikm.row_length': { schemeId: string; respondent: number; expected: number; got: number };
  /** Sample size: the population is not a positive whole number. */
  'sample.population_invalid': { population: unknown };
  /** An instrument code the scheme does not have (outside a sheet). */
  'scheme.unknown_instrument': { schemeId: string; instrument: string };
  /** A scheme lacks a rule block a function needs (e.g. `sampling`, `survey`, `fieldwork`). */
  'scheme.rule_missing': { schemeId: string; rule: string };
  /** A date/time input that is not a valid instant or calendar date. */
  'value.invalid_date': { value: unknown; what: string };
  /** A target rank below 1 or a similar out-of-domain argument. */
  'value.invalid': { value: unknown; what: string; expected: string };
}

export type CoreErrorCode = keyof CoreErrorDetails;

const fmtSheet = (d: { sheet: number; instrument: string; respondent?: string }): string =>
  `sheets[${d.sheet}] (instrument '${d.instrument}'${d.respondent === undefined ? '' : `, ${d.respondent}`})`;

/** Message catalogue: one English line per code, built only from its details. */
const messages: { [C in CoreErrorCode]: (d: CoreErrorDetails[C]) => string } = {
  'value.out_of_range': (d) => `value ${d.value} is outside the range ${d.min}–${d.max} of scheme '${d.schemeId}'`,
  'value.not_finite': (d) => `${d.what} is not a finite number (${String(d.value)})`,
  'instrument.unknown': (d) => `sheets[${d.sheet}]: instrument '${d.instrument}' is not part of scheme '${d.schemeId}'`,
  'indicator.unknown': (d) => `${fmtSheet(d)}: indicator '${d.indicator}' is not part of scheme '${d.schemeId}'`,
  'instrument.not_covering': (d) => `${fmtSheet(d)}: instrument '${d.instrument}' does not cover indicator '${d.indicator}'`,
  'answer.out_of_scale': (d) => `${fmtSheet(d)}, indicator '${d.indicator}': answer ${d.value} is outside the scale ${d.min}–${d.max}`,
  'answer.not_integer': (d) => `${fmtSheet(d)}, indicator '${d.indicator}': answer ${JSON.stringify(d.value)} is not a whole number`,
  'scheme.family_mismatch': (d) => `scheme '${d.to}' (${d.toFamily}) is not of the same family as '${d.from}' (${d.fromFamily})`,
  'aggregate.empty': (d) =>
    d.reason === 'no-units'
      ? `nothing to aggregate under scheme '${d.schemeId}': no units`
      : `nothing to aggregate under scheme '${d.schemeId}': the units' total weight is 0`,
  'ikm.no_respondents': (d) => `IKM under scheme '${d.schemeId}' needs at least one respondent`,
  'ikm.row_length': (d) => `respondent ${d.respondent + 1}: expected ${d.expected} answers, got ${d.got}`,
  'sample.population_invalid': (d) => `population ${String(d.population)} is not a positive whole number`,
  'scheme.unknown_instrument': (d) => `instrument '${d.instrument}' is not part of scheme '${d.schemeId}'`,
  'scheme.rule_missing': (d) => `scheme '${d.schemeId}' has no '${d.rule}' rules`,
  'value.invalid_date': (d) => `${d.what} ${JSON.stringify(d.value) ?? String(d.value)} is not a valid date`,
  'value.invalid': (d) => `${d.what} ${JSON.stringify(d.value) ?? String(d.value)} is invalid: expected ${d.expected}`,
};

/**
 * A domain error raised by an engine function: bad input, never a bug. `code` is stable
 * (callers switch on it, i18n keys use it: `errors.<code>`); `details` holds the values the
 * message names.
 */
export class CoreError<C extends CoreErrorCode = CoreErrorCode> extends Error {
  override readonly name = 'CoreError';
  readonly code: C;
  readonly details: CoreErrorDetails[C];

  constructor(code: C, details: CoreErrorDetails[C]) {
    super(messages[code](details));
    this.code = code;
    this.details = details;
  }
}

/** Type guard usable across module copies (checks the shape, not only `instanceof`). */
export function isCoreError(e: unknown): e is CoreError {
  return e instanceof CoreError || (e instanceof Error && e.name === 'CoreError' && 'code' in e);
}
