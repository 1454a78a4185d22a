// The message catalogues of the server and the CLI, through the one mechanism of
// src/shared/messages.ts: every key has Indonesian and English text, with the same placeholders.
// No database: the catalogues are plain data.
import { describe, expect, it } from 'vitest';
import { messages as cli } from '../cli/i18n.ts';
import { type Catalogue, catalogueProblems, fill, format, formatBoth, placeholders } from '../shared/messages.ts';
import { catalogue as errors, detailTexts, subjects } from './errors.ts';
import { IMPORT_ISSUE_CODES, bodyTypes, labels, sectors, zones as exportZones } from './exports/i18n.ts';
import { words } from './i18n.ts';
import { reasons } from './records/reasons.ts';
import { evidenceKinds, groupNames, names, strings, zones as reportZones } from './reports/i18n.ts';
import { fileNames, issueTexts, titles } from './transfer/i18n.ts';
import { pdfWords as surveyPdfWords } from './surveys/pdf.ts'; // issue 11

const catalogues: Record<string, Catalogue> = {
  'server/errors.ts catalogue': errors,
  'server/errors.ts detailTexts': detailTexts,
  'server/errors.ts subjects': subjects,
  'server/i18n.ts words': words,
  'server/records/reasons.ts': reasons,
  'server/reports/i18n.ts strings': strings,
  'server/reports/i18n.ts names': names,
  'server/reports/i18n.ts groupNames': groupNames,
  'server/reports/i18n.ts evidenceKinds': evidenceKinds,
  'server/reports/i18n.ts zones': reportZones,
  'server/exports/i18n.ts labels': labels,
  'server/exports/i18n.ts bodyTypes': bodyTypes,
  'server/exports/i18n.ts zones': exportZones,
  'server/exports/i18n.ts sectors': sectors,
  'server/exports/i18n.ts IMPORT_ISSUE_CODES': IMPORT_ISSUE_CODES,
  'server/transfer/i18n.ts titles': titles,
  'server/transfer/i18n.ts fileNames': fileNames,
  'server/transfer/i18n.ts issueTexts': issueTexts,
  'cli/i18n.ts': cli,
  'server/surveys/pdf.ts pdfWords': surveyPdfWords, // issue 11
};

describe('the message mechanism', () => {
  it('fills {name} placeholders and leaves unknown ones as written', () => {
    expect(fill('{a} dari {b}, {c}', { a: 1, b: 'dua' })).toBe('1 dari dua, {c}');
    expect(fill('{n} unit', { n: 1234.5 }, (v) => (typeof v === 'number' ? v.toFixed(2) : String(v)))).toBe('1234.50 unit');
    expect(fill('{a}', { a: undefined })).toBe('{a}');
  });

  it('formats a key in either language, or both', () => {
    const c = { greet: { id: 'Halo {name}', en: 'Hello {name}' } } satisfies Catalogue;
    expect(format(c, 'greet', 'id', { name: 'Banten' })).toBe('Halo Banten');
    expect(format(c, 'greet', 'en', { name: 'Banten' })).toBe('Hello Banten');
    expect(formatBoth(c, 'greet', { name: 'Banten' })).toEqual({ id: 'Halo Banten', en: 'Hello Banten' });
  });

  it('names a missing language, an empty text and placeholders that differ', () => {
    expect(placeholders('{b} {a} {b}')).toEqual(['a', 'b']);
    expect(
      catalogueProblems({
        ok: { id: '{n} unit', en: '{n} units' },
        noEn: { id: 'satu' },
        empty: { id: ' ', en: 'x' },
        drift: { id: '{n} dari {of}', en: '{n} of {total}' },
      }),
    ).toEqual(['noEn: no English text', 'empty: no Indonesian text', 'drift: placeholders differ (id: {n,of}, en: {n,total})']);
  });
});

describe('every catalogue of the server and the CLI', () => {
  it.each(Object.entries(catalogues))('%s: each key has id and en with the same placeholders', (_name, catalogue) => {
    expect(Object.keys(catalogue).length).toBeGreaterThan(0);
    expect(catalogueProblems(catalogue)).toEqual([]);
  });
});
