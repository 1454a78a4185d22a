/**
 * Server errors on form fields. A 400 `request.invalid` carries `details.issues` with paths such
 * as "body.username" and a message already in the caller's language; domain errors name their
 * field in `details.field` ("provinceCode") or are known to concern one (`user.username_taken`
 * → username). Whatever cannot be placed on a field is returned as one translated sentence for
 * an alert above the form. Pure: the form and `t` are passed in.
 */
import type { TFunction } from 'i18next';
import { isApiError } from '../lib/api.ts';
import { errorMessage } from '../lib/error-message.ts';

/** Error codes that always concern the same field. */
const FIELD_OF_CODE: Record<string, string> = {
  'user.username_taken': 'username',
  'registry.code_taken': 'code',
};

export interface FieldIssue {
  field: string;
  message: string;
}

interface Issue {
  path: string;
  message: string;
}

function isIssue(value: unknown): value is Issue {
  return (
    typeof value === 'object' && value !== null && typeof (value as Issue).path === 'string' && typeof (value as Issue).message === 'string'
  );
}

/** "body.scope.bodyId" → "scope.bodyId"; a path outside the body (query, params) has no field. */
function fieldOfPath(path: string): string | null {
  const [where, ...rest] = path.split('.');
  if (where !== 'body' || rest.length === 0) return null;
  return rest.join('.');
}

/** The sentence for an error: `admin:errors.<code>` first, then the shared `ui` catalogue. */
export function formErrorMessage(t: TFunction, error: unknown): string {
  if (!isApiError(error)) return errorMessage(t, error);
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(error.details)) {
    if (typeof value === 'string' || typeof value === 'number') values[key] = value;
  }
  return t(`errors.${error.code}`, { ns: 'admin', ...values, defaultValue: errorMessage(t, error) });
}

/**
 * Splits an error into messages per form field (only fields in `fields`, possibly renamed by
 * `rename`: server name → form path) and the rest as one sentence (null when all were placed).
 */
export function fieldErrors(
  t: TFunction,
  error: unknown,
  fields: readonly string[],
  rename: Record<string, string> = {},
): { issues: FieldIssue[]; rest: string | null } {
  const known = (name: string | null): string | null => {
    if (!name) return null;
    const field = rename[name] ?? name;
    return fields.includes(field) ? field : null;
  };
  if (!isApiError(error)) return { issues: [], rest: errorMessage(t, error) };

  const raw = error.details.issues;
  if (error.code === 'request.invalid' && Array.isArray(raw)) {
    const issues: FieldIssue[] = [];
    const unplaced: string[] = [];
    for (const item of raw.filter(isIssue)) {
      const field = known(fieldOfPath(item.path));
      if (field && !issues.some((i) => i.field === field)) issues.push({ field, message: item.message });
      else if (!field) unplaced.push(`${item.path}: ${item.message}`);
    }
    if (issues.length === 0) return { issues, rest: formErrorMessage(t, error) };
    return { issues, rest: unplaced.length ? unplaced.join('; ') : null };
  }

  const named = typeof error.details.field === 'string' ? error.details.field : (FIELD_OF_CODE[error.code] ?? null);
  const field = known(named);
  if (field) return { issues: [{ field, message: formErrorMessage(t, error) }], rest: null };
  return { issues: [], rest: formErrorMessage(t, error) };
}

/** What a Mantine form needs: `setFieldError`. */
export interface FieldErrorTarget {
  setFieldError: (path: string, error: string) => void;
}

/** Puts the error's field issues on the form; returns the sentence for the alert (or null). */
export function applyServerErrors(
  form: FieldErrorTarget,
  t: TFunction,
  error: unknown,
  fields: readonly string[],
  rename?: Record<string, string>,
): string | null {
  const { issues, rest } = fieldErrors(t, error, fields, rename);
  for (const issue of issues) form.setFieldError(issue.field, issue.message);
  return rest;
}
