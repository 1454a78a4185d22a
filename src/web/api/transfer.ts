/**
 * Excel exports and imports (`src/shared/wire/transfer.ts`): the download addresses of a ranking
 * group, a government's breakdown and the import templates (plain `<a href download>`: the
 * browser sends the session cookie), and the issues of a refused import. The uploads and the
 * cycle export are in `transfer-writes.ts`.
 */
import type { Lang } from '../../shared/wire/common.ts';
import type { ImportIssue } from '../../shared/wire/transfer.ts';
import { API_BASE, ApiError } from '../lib/api.ts';

/** The issues of a 422 `import.invalid` (every one, located and translated), or null for any other error. */
export function importIssues(error: unknown): ImportIssue[] | null {
  if (!(error instanceof ApiError) || error.code !== 'import.invalid') return null;
  const list = error.details.issues;
  return Array.isArray(list) ? (list as ImportIssue[]) : [];
}

export const xlsxLinks = {
  ranking: (cycleId: string, query: Record<string, string>, lang: Lang) =>
    `${API_BASE}/cycles/${cycleId}/rankings.xlsx?${new URLSearchParams({ ...query, lang }).toString()}`,
  breakdown: (cycleId: string, bodyId: string, lang: Lang) => `${API_BASE}/cycles/${cycleId}/bodies/${bodyId}/breakdown.xlsx?lang=${lang}`,
  resultsTemplate: (lang: Lang) => `${API_BASE}/imports/templates/results.xlsx?lang=${lang}`,
  answersTemplate: (cycleId: string, lang: Lang) => `${API_BASE}/cycles/${cycleId}/imports/templates/answers.xlsx?lang=${lang}`,
};
