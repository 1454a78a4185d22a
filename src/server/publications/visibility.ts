// Who sees what after publication (issue 5 §2), as SQL and as small helpers. The rule:
//  - a body's results in a cycle are PUBLIC when a CURRENT publication of that cycle covers it
//    (scope 'national', or scope = the body's province code) and its publicAt has passed;
//  - a cycle is visible to the public when it has at least one such released publication;
//  - fieldwork on a body is LOCKED as soon as a current publication covers it (embargo included):
//    its answers change only through errata.
// This file imports table definitions only, so cycles/ and scores/ can use it without a cycle.
import { type SQL, type SQLWrapper, and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.ts';
import { publications } from './schema.ts';

export const NATIONAL = 'national';

/** True when a current publication of `cycleId` covers a body of `provinceCode` (released ones only unless `released` is false). */
export function bodyCoveredSql(cycleId: SQLWrapper | string, provinceCode: SQLWrapper | string | null, opts: { released: boolean }): SQL {
  const province = provinceCode === null ? sql`null::text` : sql`${provinceCode}`;
  return sql`exists (select 1 from publications pv where pv.cycle_id = ${cycleId} and pv.status = 'current'
    and (pv.scope = 'national' or pv.scope = ${province})${opts.released ? sql` and pv.public_at <= now()` : sql``})`;
}

/** True when the cycle has at least one released current publication (the public may open it). */
export function cyclePublicSql(cycleId: SQLWrapper | string): SQL {
  return sql`exists (select 1 from publications pv where pv.cycle_id = ${cycleId} and pv.status = 'current' and pv.public_at <= now())`;
}

/** The scopes of a cycle's current publications: all of them (`covered`), and the released ones. */
export interface CycleScopes {
  covered: Set<string>;
  released: Set<string>;
}

export async function cycleScopes(tx: Queryable, cycleId: string, now = new Date()): Promise<CycleScopes> {
  const rows = await tx
    .select({ scope: publications.scope, publicAt: publications.publicAt })
    .from(publications)
    .where(and(eq(publications.cycleId, cycleId), eq(publications.status, 'current')));
  const out: CycleScopes = { covered: new Set(), released: new Set() };
  for (const r of rows) {
    out.covered.add(r.scope);
    if (r.publicAt.getTime() <= now.getTime()) out.released.add(r.scope);
  }
  return out;
}

/** Does a set of scopes cover a body of this province? */
export const covers = (scopes: Set<string>, provinceCode: string | null): boolean =>
  scopes.has(NATIONAL) || (provinceCode !== null && scopes.has(provinceCode));

/** The body's results in the cycle are public (released current publication covering it). */
export async function bodyIsPublic(tx: Queryable, cycleId: string, provinceCode: string | null): Promise<boolean> {
  return covers((await cycleScopes(tx, cycleId)).released, provinceCode);
}

/** The cycle is visible to the public. */
export async function cycleIsPublic(tx: Queryable, cycleId: string): Promise<boolean> {
  return (await cycleScopes(tx, cycleId)).released.size > 0;
}
