// Words the transfer routes add to the exports' own (src/server/exports/i18n.ts): workbook
// titles, file names and the import issues that depend on the request (the new cycle's scheme
// and year, records the ingestion refused). Indonesian first, English beside it (the shared
// catalogue mechanism, src/shared/messages.ts).
import type { Lang } from '../../core/types.ts';
import { type Catalogue, type Message, fill, format, formatBoth } from '../../shared/messages.ts';
import { bodyTypeLabel, sectorLabel } from '../exports/i18n.ts';
import type { ImportIssue } from '../exports/types.ts';
import type { ImportIssue as WireImportIssue } from '../../shared/wire/transfer.ts';

export const titles = {
  national: { id: 'Peringkat Nasional {type} — {cycle}', en: 'National ranking, {type} — {cycle}' },
  province: { id: 'Peringkat Kabupaten/Kota Provinsi {province} — {cycle}', en: 'Regency/city ranking, {province} province — {cycle}' },
  sector: { id: 'Peringkat Unit {sector} Provinsi {province} — {cycle}', en: 'Unit ranking, {sector}, {province} province — {cycle}' },
} satisfies Catalogue;

export function leaderboardTitle(
  lang: Lang,
  cycleName: string,
  group: { kind: 'national'; type: string } | { kind: 'province'; province: string } | { kind: 'sector'; province: string; sector: string },
): string {
  const t = titles[group.kind][lang];
  if (group.kind === 'national') return fill(t, { type: bodyTypeLabel(lang, group.type), cycle: cycleName });
  if (group.kind === 'province') return fill(t, { province: group.province, cycle: cycleName });
  return fill(t, { sector: sectorLabel(lang, group.sector), province: group.province, cycle: cycleName });
}

/** The first word of a download's file name (slugged with what it is about). */
export const fileNames = {
  ranking: { id: 'peringkat', en: 'ranking' },
  breakdown: { id: 'rincian', en: 'breakdown' },
  results: { id: 'hasil', en: 'results' },
  resultsTemplate: { id: 'templat hasil', en: 'results template' },
  answersTemplate: { id: 'templat jawaban', en: 'answers template' },
  actions: { id: 'tindak lanjut', en: 'actions' }, // issue 12
} satisfies Catalogue;

/** A download's file name in `lang`: `fileName('ranking', 'en', 'kota', 2024)` → ranking-kota-2024.xlsx. */
export function fileName(kind: keyof typeof fileNames, lang: Lang, ...about: (string | number)[]): string {
  return `${slug(format(fileNames, kind, lang), ...about)}.xlsx`;
}

/** A file name safe everywhere: lower-case ASCII words joined by "-". */
export function slug(...parts: (string | number)[]): string {
  return (
    parts
      .map(String)
      .join('-')
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'pantau'
  );
}

export const issueTexts = {
  'cycle.scheme_mismatch': {
    id: 'Skema "{value}" berbeda dengan skema siklus yang dibuat ({scheme}).',
    en: 'Scheme "{value}" differs from the scheme of the new cycle ({scheme}).',
  },
  'cycle.year_mismatch': {
    id: 'Tahun {value} berbeda dengan tahun siklus yang dibuat ({year}); satu berkas = satu siklus.',
    en: 'Year {value} differs from the year of the new cycle ({year}); one file = one cycle.',
  },
  'record.rejected': {
    id: 'Lembar jawaban ditolak: {reason}',
    en: 'Answer sheet refused: {reason}',
  },
} satisfies Catalogue;

export type TransferIssueCode = keyof typeof issueTexts;

export function transferIssueMessage(code: TransferIssueCode, params: Record<string, string | number>): Message {
  return formatBoth(issueTexts, code, params);
}

/** Import issues as the wire carries them: each message in the caller's language. */
export function wireIssues(issues: readonly ImportIssue[], lang: Lang): WireImportIssue[] {
  return issues.map((i) => ({
    sheet: i.sheet,
    row: i.row,
    column: i.column,
    header: i.header,
    code: i.code,
    message: i.message[lang],
    ...(i.value === undefined ? {} : { value: i.value }),
  }));
}
