/**
 * The sentence for a sign-in or account error: `auth:errors.<code>` (every auth error code and the
 * password-policy refusals, with the wait of a throttled attempt), then the shared `ui` catalogue,
 * then the server's own message (already in the UI language).
 */
import type { TFunction } from 'i18next';
import { isApiError } from '../lib/api.ts';
import { errorMessage } from '../lib/error-message.ts';

export function authErrorMessage(t: TFunction, error: unknown): string {
  if (!isApiError(error)) return errorMessage(t, error);
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(error.details)) {
    if (typeof value === 'string' || typeof value === 'number') values[key] = value;
  }
  return t(`errors.${error.code}`, { ns: 'auth', ...values, defaultValue: errorMessage(t, error) });
}

/** The error asks for the second factor: the login form moves on to its code step. */
export const needsTotp = (error: unknown): boolean => isApiError(error) && error.code === 'auth.totp_required';
