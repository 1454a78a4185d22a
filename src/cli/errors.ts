/**
 * Bad input to the CLI: one translatable message, plus where it happened (file, row, column or
 * JSON path). `run()` prints it as one stderr line and exits 2. Anything else thrown is a bug
 * (exit 1).
 */
import type { MessageKey, MessageParams } from './i18n.ts';

export interface ErrorPlace {
  /** File name as the user typed it, or `stdin`. */
  file?: string;
  /** CSV: line number in the file, the header being row 1. */
  row?: number;
  /** CSV column name. */
  column?: string;
  /** JSON: path inside the document, e.g. `sheets[3].answers.O2`. */
  path?: string;
}

export class CliError extends Error {
  readonly key: MessageKey;
  readonly params: MessageParams;
  readonly place: ErrorPlace;

  constructor(key: MessageKey, params: MessageParams = {}, place: ErrorPlace = {}) {
    super(key);
    this.name = 'CliError';
    this.key = key;
    this.params = params;
    this.place = place;
  }

  /** The same error, with the place filled in where the thrower did not know it. */
  at(place: ErrorPlace): CliError {
    return new CliError(this.key, this.params, { ...place, ...this.place });
  }
}
