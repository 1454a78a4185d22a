// List endpoints turn the caller's policy scopes into one SQL condition, so a list never returns
// a row that `auth.require` would refuse for the same action. The rules themselves stay in
// auth/policy.ts; this only translates each scope name to the columns of the query at hand.
import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { type Action, type Actor, scopesFor } from '../auth/policy.ts';

export interface ScopeColumns {
  provinceCode?: SQLWrapper;
  bodyId?: SQLWrapper;
  unitId?: SQLWrapper;
  /** The assessor of the cycle unit. */
  assessorId?: SQLWrapper;
  /** A boolean expression: the data is published (a released current publication covers it). */
  published?: SQL;
  /** Issue 17: the province where the row's unit is (policy: units of a body without province are in scope there). */
  unitProvinceCode?: SQLWrapper;
  /** Issue 12 §4: the government owning the row's internal cycle (null: official). */
  internalOf?: SQLWrapper;
}

/**
 * Issue 12 §4, the list side of the policy's internal gate: official rows for anyone the scopes
 * allow (not a `penilai`), internal rows only for the admin and the owning government's accounts.
 */
export function internalWhere(actor: Actor | null, internalOf: SQLWrapper): SQL {
  if (actor?.role === 'admin') return sql`true`;
  const official = actor?.role === 'penilai' ? sql`false` : sql`${internalOf} is null`;
  return actor?.bodyId ? sql`(${official} or ${internalOf} = ${actor.bodyId})` : official;
}

/** `true` when every row is visible, otherwise the OR of the caller's scopes (false if none apply). */
export function scopeWhere(actor: Actor | null, action: Action, cols: ScopeColumns): SQL {
  const parts: SQL[] = [];
  for (const scope of scopesFor(actor, action)) {
    switch (scope) {
      case 'all':
        return sql`true`;
      case 'published':
        if (cols.published) parts.push(cols.published);
        break;
      case 'province':
        if (actor?.provinceCode && cols.provinceCode) {
          parts.push(
            cols.unitProvinceCode
              ? sql`(${cols.provinceCode} = ${actor.provinceCode} or (${cols.provinceCode} is null and ${cols.unitProvinceCode} = ${actor.provinceCode}))`
              : sql`${cols.provinceCode} = ${actor.provinceCode}`,
          );
        }
        break;
      case 'body':
        if (actor?.bodyId && cols.bodyId) parts.push(sql`${cols.bodyId} = ${actor.bodyId}`);
        break;
      case 'unit':
        if (actor?.unitId && cols.unitId) parts.push(sql`${cols.unitId} = ${actor.unitId}`);
        break;
      case 'assigned':
        if (actor && cols.assessorId) parts.push(sql`${cols.assessorId} = ${actor.id}`);
        break;
      case 'owner':
        if (actor?.bodyId && cols.internalOf) parts.push(sql`${cols.internalOf} = ${actor.bodyId}`);
        break;
    }
  }
  if (parts.length === 0) return sql`false`;
  return sql`(${sql.join(parts, sql` or `)})`;
}
