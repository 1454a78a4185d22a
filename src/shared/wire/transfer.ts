/**
 * Excel exports and imports on the wire (`src/server/transfer/routes.ts`): a ranking group and a
 * government's breakdown as direct .xlsx downloads, a cycle's full results as a background job,
 * the import templates, historical results → a new imported cycle (a job), and a unit's answer
 * sheets → records. Imports are all-or-nothing: any issue → 422 `import.invalid` whose
 * `details.issues` lists every `ImportIssue`, and nothing is saved.
 */
import { z } from 'zod';
import { Lang } from './common.ts';
import { RankingQuery, ScoreRef } from './scores.ts';

/** One import problem, located as Excel shows it; the message in the caller's language. */
export const ImportIssue = z.object({
  /** Null for a CSV file. */
  sheet: z.string().nullable(),
  /** 1-based; null for a problem of the whole file. */
  row: z.number().int().nullable(),
  /** The column letter ("C") and its header text, when the problem is in a column. */
  column: z.string().nullable(),
  header: z.string().nullable(),
  /** Stable code, e.g. "score.out_of_range". */
  code: z.string(),
  message: z.string(),
  /** The offending cell as text, when there is one. */
  value: z.string().optional(),
});
export type ImportIssue = z.infer<typeof ImportIssue>;
/** `details` of a 422 `import.invalid`. */
export const ImportInvalidDetails = z.object({ count: z.number().int(), issues: z.array(ImportIssue) });

/** `GET /cycles/:cycleId/rankings.xlsx`: the same query as the JSON ranking, and the file's language. */
export const RankingXlsxQuery = RankingQuery.extend({ lang: Lang.optional() });

/** `POST /cycles/:cycleId/exports/results` (202 Job): the file's language (default: the request's). */
export const CycleExportIn = z.object({ lang: Lang.optional() });
export type CycleExportIn = z.infer<typeof CycleExportIn>;

/** The fields of `POST /imports/results` (multipart, before or after the file). */
export const ResultsImportFields = z.object({
  name: z.string().trim().min(1).max(200),
  schemeId: z.string().min(1).max(60),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

/** The `result` of a finished `import.results` job: the imported cycle (final, not yet published). */
export const ResultsImported = z.object({
  cycleId: z.uuid(),
  name: z.string(),
  year: z.number().int(),
  schemeId: z.string(),
  bodies: z.number().int(),
});
export type ResultsImported = z.infer<typeof ResultsImported>;

/** `POST /cycles/:cycleId/units/:unitId/imports/answers`: what the import did, and the unit's result after it. */
export const AnswersImported = z.object({
  sheets: z.number().int(),
  created: z.number().int(),
  unchanged: z.number().int(),
  result: ScoreRef.nullable(),
});
export type AnswersImported = z.infer<typeof AnswersImported>;
