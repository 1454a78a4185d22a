/**
 * A server refusal in the assessor's current language, from its code and details — never the
 * stored server sentence, which was written in the language of the moment it happened. Record
 * rejections name the reason (`details.reasonCode` from records/reasons.ts) and the indicator.
 * Unknown codes fall back to the shared `errors.<code>` of the ui namespace, then the server text.
 */
import type { TFunction } from 'i18next';
import type { WireError } from '../../shared/wire/common.ts';
import { ApiError, isApiError } from '../lib/api.ts';
import { errorMessage } from '../lib/error-message.ts';
import { formatDecimal, type Lang } from '../lib/format.ts';

const KNOWN = new Set([
  'record.invalid',
  'record.id_reused',
  'unit.locked',
  'unit.no_records',
  'unit.incomplete',
  'unit.invalid_state',
  'cycle.closed',
  'locus.unit_missing',
  'auth.forbidden',
  'auth.required',
  'request.too_large',
  'request.unsupported_type',
  'request.invalid',
  'evidence.invalid_link',
  'network.offline',
]);

const REASONS = new Set([
  'instrument.unknown',
  'indicator.unknown',
  'instrument.not_covering',
  'answer.out_of_scale',
  'answer.not_integer',
  'record.empty',
  'remark.unknown',
]);

function plain(details: Record<string, unknown>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(details)) if (typeof v === 'string' || typeof v === 'number') out[k] = v;
  return out;
}

/** `t` must be the `assess` namespace's. */
export function describeError(t: TFunction, lang: Lang, error: WireError | unknown): string {
  const wire: WireError | null = isApiError(error)
    ? { code: error.code, message: error.message, details: error.details }
    : error && typeof error === 'object' && typeof (error as WireError).code === 'string'
      ? (error as WireError)
      : null;
  if (!wire) return errorMessage(t, error);
  const details = plain(wire.details);
  if (wire.code === 'record.invalid') {
    const reasonCode = typeof wire.details.reasonCode === 'string' ? wire.details.reasonCode : '';
    const reason = REASONS.has(reasonCode) ? t(`errors.reasons.${reasonCode}`, details) : String(wire.details.reason ?? wire.message);
    return t('errors.record.invalid', { reason });
  }
  if (wire.code === 'unit.locked' || wire.code === 'unit.invalid_state') {
    return t(`errors.${wire.code}`, {
      ...details,
      status: t(`unit_status.${String(details.status)}`, { defaultValue: String(details.status ?? '') }),
    });
  }
  if (wire.code === 'cycle.closed') {
    return t('errors.cycle.closed', {
      status: t(`cycle_status.${String(details.status)}`, { defaultValue: String(details.status ?? '') }),
    });
  }
  if (wire.code === 'request.too_large' && typeof wire.details.limit === 'number') {
    return t('errors.request.too_large', { limit: formatDecimal(wire.details.limit / (1024 * 1024), lang, 1) });
  }
  if (KNOWN.has(wire.code)) return t(`errors.${wire.code}`, { ...details, defaultValue: wire.message });
  return errorMessage(t, new ApiError(0, wire.code, wire.message, wire.details));
}
