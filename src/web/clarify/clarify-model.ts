/**
 * Pure rules of the clarification screens: the dispute form's validation (the server's limits,
 * checked before sending) and accepted evidence files. Deadlines: lib/local-time.ts.
 */
import { EVIDENCE_MIMES } from '../../shared/wire/enums.ts';
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_FILES, REASON_MAX, REASON_MIN, STATEMENT_MAX, STATEMENT_MIN } from '../../shared/wire/limits.ts';

export { REASON_MAX, STATEMENT_MAX };
/** What the evidence store accepts (checked by content on the server). */
export const EVIDENCE_ACCEPT = EVIDENCE_MIMES.join(',');

/** Translation keys (clarify namespace) of what is wrong with a dispute; empty when it can be sent. */
export interface DisputeErrors {
  indicator?: string;
  statement?: string;
  files?: string;
}

export function validateDispute(input: {
  indicator: string | null;
  statement: string;
  files: readonly { name: string; type: string; size: number }[];
}): DisputeErrors {
  const errors: DisputeErrors = {};
  if (!input.indicator) errors.indicator = 'form.error_indicator';
  const length = input.statement.trim().length;
  if (length < STATEMENT_MIN) errors.statement = 'form.error_statement_short';
  else if (length > STATEMENT_MAX) errors.statement = 'form.error_statement_long';
  if (input.files.length > MAX_UPLOAD_FILES) errors.files = 'form.error_files_many';
  else if (input.files.some((f) => !(EVIDENCE_MIMES as readonly string[]).includes(f.type))) errors.files = 'form.error_file_type';
  else if (input.files.some((f) => f.size > MAX_UPLOAD_BYTES)) errors.files = 'form.error_file_size';
  return errors;
}

export const hasErrors = (e: object): boolean => Object.keys(e).length > 0;

/** Translation key of what is wrong with a rejection reason, or null. */
export function reasonError(reason: string): string | null {
  const n = reason.trim().length;
  if (n < REASON_MIN) return 'resolve.error_reason_short';
  if (n > REASON_MAX) return 'resolve.error_reason_long';
  return null;
}
