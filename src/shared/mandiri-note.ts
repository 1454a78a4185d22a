// issue 10: the one sentence a "mandiri" PEKPPP result carries wherever it is shown (public
// PEKPPP pages, PEKPPP screens, the rapor): not validated yet, validated by KemenPANRB on a date,
// or returned with a reason. Dates in the organiser's zone (its province), never ISO or UTC.
import type { Lang } from '../core/types.ts';
import { localDate, zoneOf } from './local-time.ts';
import { type Catalogue, format } from './messages.ts';
import type { Mandiri } from './wire/cycles.ts';

const TEXTS = {
  pending: { id: 'Evaluasi mandiri — belum divalidasi {validator}', en: 'Self-run evaluation — not yet validated by {validator}' },
  validated: {
    id: 'Evaluasi mandiri — divalidasi {validator} pada {date}',
    en: 'Self-run evaluation — validated by {validator} on {date}',
  },
  returned: {
    id: 'Evaluasi mandiri — belum divalidasi {validator} (dikembalikan pada {date}: {reason})',
    en: 'Self-run evaluation — not yet validated by {validator} (returned on {date}: {reason})',
  },
} as const satisfies Catalogue;

/** The texts, for the catalogue test. */
export const mandiriTexts: Catalogue = TEXTS;

/**
 * "Evaluasi mandiri — belum divalidasi KemenPANRB" / "… divalidasi KemenPANRB pada 5 Desember
 * 2026". `validatorShort` is the short name to use (the scheme's issuer, else the registry name).
 */
export function mandiriNote(m: Mandiri, lang: Lang, validatorShort?: string): string {
  const validator = validatorShort ?? m.validator.name ?? m.validator.code;
  const date = m.decidedAt ? localDate(m.decidedAt, lang, zoneOf(m.organiser.provinceCode)) : '';
  return format(TEXTS, m.status, lang, { validator, date, reason: m.reason ?? '' });
}
