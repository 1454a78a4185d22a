/**
 * Translation of engine `CoreError`s into CLI errors (exit 2) that name the file, row and
 * column the bad answer came from. Kept apart from the scheme library so `run()` can use it
 * without loading every scheme.
 */
import { CoreError, type Scheme } from '../core/index.ts';
import { CliError, type ErrorPlace } from './errors.ts';

/** Where sheet `sheet` (0-based, as the engine counts) and one of its fields came from. */
export type SheetPlace = (sheet: number, field?: string) => ErrorPlace;

/**
 * A CoreError as the CLI reports it; other errors pass through unchanged (bugs, exit 1).
 * `place` maps the engine's 0-based sheet index back to the file row or JSON path.
 */
export function fromCoreError(error: unknown, scheme?: Scheme, place?: SheetPlace): unknown {
  if (!(error instanceof CoreError)) return error;
  const e: CoreError = error;
  const at = (sheet: number, field?: string): ErrorPlace => place?.(sheet, field) ?? {};
  const instrumentsOf = (s: Scheme | undefined) => s?.instruments.map((i) => i.code).join(', ') ?? '';
  const coversOf = (code: string) => scheme?.instruments.find((i) => i.code === code)?.covers.join(', ') ?? '';
  switch (e.code) {
    case 'value.out_of_range': {
      const d = (e as CoreError<'value.out_of_range'>).details;
      return new CliError('errors.value_out_of_range', { value: d.value, scheme: d.schemeId, min: d.min, max: d.max });
    }
    case 'value.not_finite': {
      const d = (e as CoreError<'value.not_finite'>).details;
      return new CliError('errors.not_a_number', { value: String(d.value) });
    }
    case 'instrument.unknown': {
      const d = (e as CoreError<'instrument.unknown'>).details;
      return new CliError(
        'errors.unknown_instrument',
        { instrument: d.instrument, scheme: d.schemeId, list: instrumentsOf(scheme) },
        at(d.sheet, 'instrument'),
      );
    }
    case 'indicator.unknown': {
      const d = (e as CoreError<'indicator.unknown'>).details;
      return new CliError('errors.unknown_indicator', { code: d.indicator, scheme: d.schemeId }, at(d.sheet, d.indicator));
    }
    case 'instrument.not_covering': {
      const d = (e as CoreError<'instrument.not_covering'>).details;
      return new CliError(
        'errors.not_covered',
        { code: d.indicator, instrument: d.instrument, list: coversOf(d.instrument) },
        at(d.sheet, d.indicator),
      );
    }
    case 'answer.out_of_scale': {
      const d = (e as CoreError<'answer.out_of_scale'>).details;
      return new CliError('errors.answer_out_of_scale', { value: d.value, min: d.min, max: d.max }, at(d.sheet, d.indicator));
    }
    case 'answer.not_integer': {
      const d = (e as CoreError<'answer.not_integer'>).details;
      const value = typeof d.value === 'number' ? d.value : (JSON.stringify(d.value) ?? String(d.value));
      return new CliError('errors.answer_not_integer', { value }, at(d.sheet, d.indicator));
    }
    case 'scheme.family_mismatch': {
      const d = (e as CoreError<'scheme.family_mismatch'>).details;
      return new CliError('errors.family_mismatch', { ...d });
    }
    case 'aggregate.empty':
      return new CliError('errors.aggregate_empty');
    case 'ikm.no_respondents':
      return new CliError('errors.no_rows');
    case 'sample.population_invalid': {
      const d = (e as CoreError<'sample.population_invalid'>).details;
      return new CliError('errors.population_invalid', { value: String(d.population) });
    }
    default:
      return new CliError('errors.engine', { message: e.message });
  }
}

/** Runs an engine call, turning its CoreErrors into CliErrors. */
export function engine<T>(call: () => T, scheme?: Scheme, place?: SheetPlace): T {
  try {
    return call();
  } catch (error) {
    throw fromCoreError(error, scheme, place);
  }
}
