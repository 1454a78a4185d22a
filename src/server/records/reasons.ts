// Why a record does not fit the cycle's frozen scheme, in the caller's language, naming the
// indicator. The engine's CoreError codes (scoreUnit's own checks) come first; the two codes
// after them are checks the engine does not make (an empty sheet, a remark on an unknown code).
import { isCoreError } from '../../core/errors.ts';
import type { Lang } from '../../core/types.ts';
import { type Catalogue, format } from '../../shared/messages.ts';

export const reasons = {
  'instrument.unknown': {
    id: "instrumen '{instrument}' tidak ada dalam metodologi {schemeId}",
    en: "instrument '{instrument}' is not part of methodology {schemeId}",
  },
  'indicator.unknown': {
    id: 'indikator {indicator} tidak ada dalam metodologi {schemeId}',
    en: 'indicator {indicator} is not part of methodology {schemeId}',
  },
  'instrument.not_covering': {
    id: "instrumen '{instrument}' tidak mencakup indikator {indicator}",
    en: "instrument '{instrument}' does not cover indicator {indicator}",
  },
  'answer.out_of_scale': {
    id: 'indikator {indicator}: jawaban {value} di luar skala {min}–{max}',
    en: 'indicator {indicator}: answer {value} is outside the scale {min}–{max}',
  },
  'answer.not_integer': {
    id: 'indikator {indicator}: jawaban {value} bukan bilangan bulat',
    en: 'indicator {indicator}: answer {value} is not a whole number',
  },
  'record.empty': { id: 'rekaman tidak berisi satu jawaban pun', en: 'the record holds no answer' },
  'remark.unknown': {
    id: 'catatan untuk indikator {indicator} yang tidak ada dalam metodologi {schemeId}',
    en: 'remark on indicator {indicator}, which is not part of methodology {schemeId}',
  },
} satisfies Catalogue;

export type ReasonCode = keyof typeof reasons;

export interface RecordInvalid {
  reason: string;
  reasonCode: ReasonCode;
  indicator?: string;
  instrument?: string;
}

/** Details for AppError('record.invalid'), localised. */
export function invalidDetails(code: ReasonCode, lang: Lang, values: Record<string, unknown>): RecordInvalid {
  const shown = { ...values, value: typeof values.value === 'string' ? `"${values.value}"` : values.value };
  const out: RecordInvalid = { reason: format(reasons, code, lang, shown), reasonCode: code };
  if (typeof values.indicator === 'string') out.indicator = values.indicator;
  if (typeof values.instrument === 'string') out.instrument = values.instrument;
  return out;
}

/** The details of a CoreError raised while scoring one record's sheet; undefined for other errors. */
export function fromCoreError(error: unknown, lang: Lang): RecordInvalid | undefined {
  if (!isCoreError(error) || !(error.code in reasons)) return undefined;
  return invalidDetails(error.code as ReasonCode, lang, error.details as unknown as Record<string, unknown>);
}
