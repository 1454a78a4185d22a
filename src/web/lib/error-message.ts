/**
 * Turns any error into a sentence in the UI language: `t('errors.<code>', details)`, falling
 * back to the server's message (already in the caller's language) when the code is unknown.
 */
import type { TFunction } from 'i18next';
import { isApiError } from './api.ts';
import { isOnline } from './use-online.ts';

/** i18next option names that must not be overwritten by server-supplied details. */
const RESERVED = new Set([
  'lng',
  'lngs',
  'ns',
  'context',
  'count',
  'defaultValue',
  'returnObjects',
  'returnDetails',
  'keySeparator',
  'nsSeparator',
  'interpolation',
  'postProcess',
  'replace',
]);

function interpolationValues(details: Record<string, unknown>): Record<string, string | number | boolean> {
  const values: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(details)) {
    if (RESERVED.has(key)) continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') values[key] = value;
  }
  return values;
}

export function errorMessage(t: TFunction, error: unknown): string {
  if (isApiError(error)) {
    return t(`errors.${error.code}`, {
      ns: 'ui',
      ...interpolationValues(error.details),
      defaultValue: error.message || t('errors.unknown', { ns: 'ui' }),
    });
  }
  return t('errors.unknown', { ns: 'ui' });
}

export type ErrorKind = 'expired' | 'forbidden' | 'notFound' | 'offline' | 'generic';

/** Which error screen an error calls for. */
export function errorKind(error: unknown): ErrorKind {
  if (isApiError(error)) {
    if (error.status === 401) return 'expired';
    if (error.status === 403) return 'forbidden';
    if (error.status === 404) return 'notFound';
    if (error.status === 0) return 'offline';
  }
  if (!isOnline()) return 'offline';
  return 'generic';
}
