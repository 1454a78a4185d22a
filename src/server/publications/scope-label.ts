/**
 * Issue 16: refusals name provinces and bodies, and give times in the province's zone — never
 * a bare province code ("36") or an ISO instant. Message parameters in both languages
 * (`localiseDetails` picks the caller's).
 */
import { and, eq } from 'drizzle-orm';
import type { Text } from '../../core/types.ts';
import { localDateTimeText, zoneOf } from '../../shared/local-time.ts';
import type { Queryable } from '../db/client.ts';
import { bodies } from '../registry/schema.ts';
import { NATIONAL } from './visibility.ts';

/** "Provinsi Banten" for "36"; "nasional"/"national" for the national scope; the scope as written otherwise. */
export async function scopeLabel(db: Queryable, scope: string): Promise<Text> {
  if (scope === NATIONAL) return { id: 'nasional', en: 'national' };
  if (scope === 'pusat') return { id: 'instansi pusat (K/L)', en: 'central government (K/L)' };
  const [row] = await db
    .select({ name: bodies.name })
    .from(bodies)
    .where(and(eq(bodies.type, 'provinsi'), eq(bodies.code, scope)))
    .limit(1);
  return row ? { id: row.name, en: row.name } : { id: scope, en: scope };
}

/** A deadline in the scope's zone, both languages ("21 Desember 2026 00.00 WITA"). */
export function scopeTime(at: Date, scope: string): Text {
  return localDateTimeText(at, zoneOf(scope === NATIONAL ? null : scope));
}
