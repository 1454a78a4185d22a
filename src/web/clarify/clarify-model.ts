/**
 * Pure rules of the clarification screens: the dispute form's and the rejection's validation
 * (the wire's `DisputeIn` and `RejectIn`, checked before sending) and accepted evidence files.
 * Deadlines: lib/local-time.ts.
 */
import { DisputeIn, RejectIn } from '../../shared/wire/clarifications.ts';
import { EVIDENCE_MIMES } from '../../shared/wire/enums.ts';
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_FILES } from '../../shared/wire/limits.ts';
import { fieldProblems } from '../lib/form-schema.ts';
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
  const p = fieldProblems(DisputeIn, { indicator: input.indicator ?? '', statement: input.statement });
  if (p.indicator) errors.indicator = 'form.error_indicator';
  if (p.statement) errors.statement = p.statement === 'too_long' ? 'form.error_statement_long' : 'form.error_statement_short';
  if (input.files.length > MAX_UPLOAD_FILES) errors.files = 'form.error_files_many';
  else if (input.files.some((f) => !(EVIDENCE_MIMES as readonly string[]).includes(f.type))) errors.files = 'form.error_file_type';
  else if (input.files.some((f) => f.size > MAX_UPLOAD_BYTES)) errors.files = 'form.error_file_size';
  return errors;
}

export const hasErrors = (e: object): boolean => Object.keys(e).length > 0;

/** Translation key of what is wrong with a rejection reason, or null. */
export function reasonError(reason: string): string | null {
  const p = fieldProblems(RejectIn, { reason }).reason;
  if (!p) return null;
  return p === 'too_long' ? 'resolve.error_reason_long' : 'resolve.error_reason_short';
}
