/**
 * Forms validate with the wire's own request schemas (`src/shared/wire/<resource>.ts`): the
 * same rules, bounds and patterns the server applies, checked before sending so the user hears
 * at once what the server would refuse. `fieldProblems` turns a schema's verdict into one
 * problem per field, which the form words in its own namespace; `boundsOf` reads the bounds
 * those words quote ("3–200 karakter") from the schema too, so no number is written twice.
 * Signed-in forms only: it brings the validator (zod) along, which public pages never load.
 */
import type { z } from 'zod';

export type FieldProblem = 'required' | 'too_short' | 'too_long' | 'too_small' | 'too_big' | 'format' | 'invalid';

const isEmpty = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** The first problem per top-level field of `value` under `schema`; empty when it can be sent. */
export function fieldProblems(schema: z.ZodType, value: Record<string, unknown>): Partial<Record<string, FieldProblem>> {
  const out: Partial<Record<string, FieldProblem>> = {};
  const parsed = schema.safeParse(value);
  if (parsed.success) return out;
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    if (out[field]) continue;
    const string = 'origin' in issue && issue.origin === 'string';
    if (isEmpty(value[field])) out[field] = 'required';
    else if (issue.code === 'too_small') out[field] = string ? 'too_short' : 'too_small';
    else if (issue.code === 'too_big') out[field] = string ? 'too_long' : 'too_big';
    else if (issue.code === 'invalid_format') out[field] = 'format';
    else out[field] = 'invalid';
  }
  return out;
}

interface Bounded {
  minLength?: number | null;
  maxLength?: number | null;
  minValue?: number | null;
  maxValue?: number | null;
  unwrap?: () => unknown;
}

/** A string's length bounds or a number's range (through optional/nullable), for hints and messages. */
export function boundsOf(schema: z.ZodType): { min: number; max: number } {
  let s = schema as unknown as Bounded;
  while (s.unwrap && s.minLength === undefined && s.minValue === undefined) s = s.unwrap() as Bounded;
  return { min: s.minLength ?? s.minValue ?? 0, max: s.maxLength ?? s.maxValue ?? Number.POSITIVE_INFINITY };
}
