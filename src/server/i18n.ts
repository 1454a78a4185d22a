// Words the server writes outside errors (errors.ts), PDFs (reports/i18n.ts) and spreadsheets
// (exports/i18n.ts, transfer/i18n.ts): names shown in API replies and texts stored with a change.
// Indonesian is the source, English complete (the shared catalogue mechanism,
// src/shared/messages.ts). No I/O.
import type { Lang } from '../core/types.ts';
import { type Catalogue, type Params, format } from '../shared/messages.ts';

export const words = {
  /** The scope of a national publication. */
  'scope.national': { id: 'Nasional', en: 'National' },
  /** The change-log reason of an accepted dispute when the reviewer gives no note. */
  'dispute.accepted': { id: 'Sanggahan diterima: {statement}', en: 'Dispute accepted: {statement}' },
  /** An ASSUMPTION note of a methodology file, shown beside what it affects. */
  'assumption.note': { id: 'ASUMSI: {note}', en: 'ASSUMPTION: {note}' },
} satisfies Catalogue;

export function word(key: keyof typeof words, lang: Lang, params?: Params): string {
  return format(words, key, lang, params);
}

/** The BCP 47 tag of each language for dates and document metadata (PDF, spreadsheets). */
export const localeTags: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };
