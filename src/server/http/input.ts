// Input that the Zod schemas accept but the database or the domain cannot take, handled before
// validation for every route (and for each record of a sync batch, which validates its items
// itself):
//  - ids are normalised: a string in a `z.uuid()` position is lower-cased, so an upper-case id is
//    the same id everywhere (PostgreSQL's uuid type already ignores case; JavaScript's `===` and
//    Map keys do not);
//  - a string holding NUL (PostgreSQL text and jsonb cannot store it) or a lone UTF-16 surrogate
//    (not Unicode; jsonb rejects its escape) is refused with `request.bad_character`;
//  - a timestamp in year 0000 (ISO 8601 allows it, PostgreSQL has no year 0) is refused with
//    `request.date_out_of_range`.
// The walk follows the schema, so an opaque position (`z.unknown()`) is left to whoever parses it.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodType } from 'zod';
import { AppError, detailText, detailTexts } from '../errors.ts';

/** The part of a request a value came from, named in error paths ("body.answers.O1"). */
export type Where = 'body' | 'querystring' | 'params';

export interface InputProblem {
  code: 'request.bad_character' | 'request.date_out_of_range';
  /** Dotted path from the request part, e.g. "body.respondent". */
  path: string;
}

const UUID_ANY_CASE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
// A NUL, a high surrogate not followed by a low one, or a low one not preceded by a high one.
// biome-ignore lint/suspicious/noControlCharactersInRegex: a NUL is exactly what this looks for.
const BAD_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const hasBadCharacter = (s: string): boolean => BAD_TEXT.test(s);

interface Def {
  type: string;
  format?: string;
  innerType?: ZodType;
  in?: ZodType;
  shape?: Record<string, ZodType>;
  catchall?: ZodType;
  element?: ZodType;
  keyType?: ZodType;
  valueType?: ZodType;
  options?: readonly ZodType[];
  left?: ZodType;
  right?: ZodType;
  items?: readonly ZodType[];
  rest?: ZodType | null;
  getter?: () => ZodType;
}

const defOf = (schema: ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Walks `value` along `schema`: returns the value with every uuid-position string lower-cased
 * (a copy where anything changed; the input is not mutated) or the first problem found.
 */
export function prepareInput(schema: ZodType, value: unknown, path: string): { value: unknown } | { problem: InputProblem } {
  let problem: InputProblem | undefined;
  const walk = (s: ZodType, v: unknown, at: string, depth: number): unknown => {
    if (problem || depth > 64) return v;
    const def = defOf(s);
    switch (def.type) {
      case 'string':
        if (typeof v !== 'string') return v;
        if (hasBadCharacter(v)) {
          problem = { code: 'request.bad_character', path: at };
          return v;
        }
        if (def.format === 'uuid' || def.format === 'guid') return UUID_ANY_CASE.test(v) ? v.toLowerCase() : v;
        if ((def.format === 'datetime' || def.format === 'date') && v.startsWith('0000')) {
          problem = { code: 'request.date_out_of_range', path: at };
        }
        return v;
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'readonly':
      case 'catch':
      case 'nonoptional':
        return def.innerType ? walk(def.innerType, v, at, depth + 1) : v;
      case 'pipe':
        return def.in ? walk(def.in, v, at, depth + 1) : v;
      case 'lazy':
        return def.getter ? walk(def.getter(), v, at, depth + 1) : v;
      case 'object': {
        if (!isPlainObject(v)) return v;
        let out: Record<string, unknown> | undefined;
        for (const key of Object.keys(v)) {
          const field = (def.shape && Object.hasOwn(def.shape, key) ? def.shape[key] : undefined) ?? def.catchall;
          // Unknown keys are dropped (or refused by a strict object) by the schema itself; their
          // names still reach error messages, so they must be printable.
          if (hasBadCharacter(key)) {
            problem = { code: 'request.bad_character', path: at };
            return v;
          }
          if (!field) continue;
          const next = walk(field, v[key], `${at}.${key}`, depth + 1);
          if (next !== v[key]) (out ??= { ...v })[key] = next;
        }
        return out ?? v;
      }
      case 'record': {
        if (!isPlainObject(v)) return v;
        let out: Record<string, unknown> | undefined;
        for (const key of Object.keys(v)) {
          const k = def.keyType ? walk(def.keyType, key, `${at}.${key}`, depth + 1) : key;
          const next = def.valueType ? walk(def.valueType, v[key], `${at}.${key}`, depth + 1) : v[key];
          if (k !== key || next !== v[key]) {
            out ??= { ...v };
            if (k !== key) delete out[key];
            out[k as string] = next;
          }
        }
        return out ?? v;
      }
      case 'array': {
        if (!Array.isArray(v) || !def.element) return v;
        let out: unknown[] | undefined;
        v.forEach((item, i) => {
          const next = walk(def.element!, item, `${at}.${i}`, depth + 1);
          if (next !== item) (out ??= [...v])[i] = next;
        });
        return out ?? v;
      }
      case 'tuple': {
        if (!Array.isArray(v)) return v;
        let out: unknown[] | undefined;
        v.forEach((item, i) => {
          const s2 = def.items?.[i] ?? def.rest ?? undefined;
          if (!s2) return;
          const next = walk(s2, item, `${at}.${i}`, depth + 1);
          if (next !== item) (out ??= [...v])[i] = next;
        });
        return out ?? v;
      }
      case 'union': {
        let cur = v;
        for (const option of def.options ?? []) cur = walk(option, cur, at, depth + 1);
        return cur;
      }
      case 'intersection': {
        const l = def.left ? walk(def.left, v, at, depth + 1) : v;
        return def.right ? walk(def.right, l, at, depth + 1) : l;
      }
      default:
        // unknown/any (parsed later by the handler), numbers, booleans, enums, literals…
        return v;
    }
  };
  const out = walk(schema, value, path, 0);
  return problem ? { problem } : { value: out };
}

/** The AppError of a problem: a 400 naming the field. */
export const problemError = (p: InputProblem): AppError => new AppError(p.code, { path: p.path });

/** Every string of a raw value (keys too) that is not storable text, for parts without a schema. */
function findBadText(v: unknown, at: string, depth = 0): string | undefined {
  if (depth > 64) return undefined;
  if (typeof v === 'string') return hasBadCharacter(v) ? at : undefined;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const hit = findBadText(v[i], `${at}.${i}`, depth + 1);
      if (hit) return hit;
    }
    return undefined;
  }
  if (isPlainObject(v)) {
    for (const [k, item] of Object.entries(v)) {
      if (hasBadCharacter(k)) return at;
      const hit = findBadText(item, `${at}.${k}`, depth + 1);
      if (hit) return hit;
    }
  }
  return undefined;
}

const parts: readonly [Where, 'body' | 'query' | 'params'][] = [
  ['params', 'params'],
  ['querystring', 'query'],
  ['body', 'body'],
];

/**
 * Registers the pre-validation pass (ids, text, dates) and refuses a multipart request without a
 * usable boundary, which the multipart parser would otherwise throw on as an unexpected error.
 */
export function registerInputGuards(app: FastifyInstance): void {
  app.addHook('preValidation', async (req: FastifyRequest) => {
    const schema = req.routeOptions.schema as Partial<Record<Where, ZodType>> | undefined;
    for (const [where, prop] of parts) {
      const value = req[prop];
      if (value === undefined || value === null) continue;
      const s = schema?.[where];
      if (!s) {
        // No schema (e.g. a raw multipart body is not here; a route without query schema):
        // nothing to normalise, but query strings still reach handlers through req.query.
        if (where !== 'body') {
          const bad = findBadText(value, where);
          if (bad) throw problemError({ code: 'request.bad_character', path: bad });
        }
        continue;
      }
      const r = prepareInput(s, value, where);
      if ('problem' in r) throw problemError(r.problem);
      if (r.value !== value) (req as unknown as Record<string, unknown>)[prop] = r.value;
    }
  });

  app.addHook('onRequest', async (req) => {
    const type = req.headers['content-type'];
    if (typeof type !== 'string' || !/^\s*multipart\//i.test(type)) return;
    const boundary = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;"]{1,70}))/i.exec(type);
    if (!boundary) throw new AppError('request.bad_multipart');
  });
}

/** A short reason for a PostgreSQL data exception (SQLSTATE class 22, or 54000), in the caller's language. */
export function dataExceptionReason(code: string, lang: 'id' | 'en'): string {
  const key = `db.${code}`;
  return key in detailTexts ? detailText(key as keyof typeof detailTexts, lang) : detailText('db.invalid_format', lang, { code });
}
