/**
 * Pure rules of the clarification screens: the dispute form's validation (the server's limits,
 * checked before sending), accepted evidence files, the time left before a deadline in words,
 * and the datetime-local ↔ ISO conversion of the deadline picker.
 */

export const STATEMENT_MIN = 10;
export const STATEMENT_MAX = 4000;
export const REASON_MIN = 10;
export const REASON_MAX = 2000;
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_FILES = 10;
/** What the evidence store accepts (checked by content on the server). */
export const EVIDENCE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export const EVIDENCE_ACCEPT = EVIDENCE_TYPES.join(',');

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
  if (input.files.length > MAX_FILES) errors.files = 'form.error_files_many';
  else if (input.files.some((f) => !(EVIDENCE_TYPES as readonly string[]).includes(f.type))) errors.files = 'form.error_file_type';
  else if (input.files.some((f) => f.size > MAX_FILE_BYTES)) errors.files = 'form.error_file_size';
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

/** Days, hours and minutes left until `deadline` (all zero once it has passed). */
export function timeLeft(deadline: string | Date, now: Date = new Date()): { past: boolean; days: number; hours: number; minutes: number } {
  const ms = new Date(deadline).getTime() - now.getTime();
  if (!(ms > 0)) return { past: true, days: 0, hours: 0, minutes: 0 };
  const minutesTotal = Math.ceil(ms / 60_000);
  return { past: false, days: Math.floor(minutesTotal / 1440), hours: Math.floor((minutesTotal % 1440) / 60), minutes: minutesTotal % 60 };
}

/** A Date as the value of an <input type="datetime-local"> (local time, minutes). */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The value of a datetime-local input as an ISO instant, or null when empty or invalid. */
export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** Evidence download address (the session cookie authorises it). */
export const disputeEvidenceHref = (disputeId: string, sha256: string): string => `/api/v1/disputes/${disputeId}/evidence/${sha256}`;
