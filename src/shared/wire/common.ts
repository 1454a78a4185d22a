/**
 * Shapes every resource shares: bilingual texts, province codes, paging, the path parameters of
 * cycles, the error body, the `lang` query. Contract only: zod, src/core and this folder.
 */
import { z } from 'zod';
import type { Text as CoreText } from '../../core/types.ts';
import { LANGS } from './enums.ts';
import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from './limits.ts';

/** A text in Bahasa Indonesia and English (core `Text`). */
export const Text = z.object({ id: z.string(), en: z.string() }) satisfies z.ZodType<CoreText>;
export type Text = z.infer<typeof Text>;

/** Kemendagri province code: two digits ("36"). */
export const provinceCode = z.string().regex(/^\d{2}$/, { message: 'two digits, e.g. 36' });
/** Kemendagri code of a kabupaten/kota: province, dot, two digits ("36.04"). */
export const regencyCode = z.string().regex(/^\d{2}\.\d{2}$/, { message: 'e.g. 36.04' });

/** `page` (from 1) and `pageSize` (≤ PAGE_SIZE_MAX) for every list; spread into a query object. */
export const pageQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(PAGE_SIZE_DEFAULT),
};

/** One page of a list: `{ items, total, page, pageSize }`. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** A comma-separated list of enum values: `type=kabupaten,kota` → ['kabupaten', 'kota']. */
export const csvOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .regex(new RegExp(`^(${values.join('|')})(,(${values.join('|')}))*$`), { message: `one or more of: ${values.join(', ')}` })
    .transform((s) => s.split(',') as T[number][]);

export const Lang = z.enum(LANGS);
export type Lang = z.infer<typeof Lang>;
/** `?lang=id|en`: the language of a generated file (default: the request's language). */
export const langQuery = z.object({ lang: Lang.optional() });

export const cycleParams = z.object({ cycleId: z.uuid() });
export const cycleUnitParams = z.object({ cycleId: z.uuid(), unitId: z.uuid() });
export const cycleBodyParams = z.object({ cycleId: z.uuid(), bodyId: z.uuid() });
export const bodyParams = z.object({ bodyId: z.uuid() });
export const unitParams = z.object({ unitId: z.uuid() });

/** A refusal: the body of every non-2xx reply is `{ error: WireError }` (src/server/errors.ts). */
export const WireError = z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()) });
export type WireError = z.infer<typeof WireError>;

/** `204 No Content`. */
export const NoContent = z.null().describe('No content');

/** A file download (PDF, .xlsx, CSV, evidence): not JSON; the route writes the bytes itself. */
export const FileReply = z.any();

/**
 * A JSON object the server builds from the engine's own types (the frozen scheme, a stored
 * breakdown): passed through unchanged on the wire (an open object in the OpenAPI document) and
 * typed as `T` for its readers. Only for values the server made with core's types.
 */
export const opaque = <T>() => z.record(z.string(), z.unknown()) as unknown as z.ZodType<T>;
