/**
 * Issue 16: the names of a signed-in user's scope (province, body, unit), so no screen has to
 * show an id or a bare province code. Reads only.
 */
import { and, eq } from 'drizzle-orm';
import type { User } from '../../shared/wire/auth.ts';
import type { Queryable } from '../db/client.ts';
import { bodies, units } from '../registry/schema.ts';

export async function withScopeNames(db: Queryable, user: User): Promise<User> {
  const [province] = user.provinceCode
    ? await db
        .select({ name: bodies.name })
        .from(bodies)
        .where(and(eq(bodies.type, 'provinsi'), eq(bodies.code, user.provinceCode)))
        .limit(1)
    : [];
  const [body] = user.bodyId ? await db.select({ name: bodies.name }).from(bodies).where(eq(bodies.id, user.bodyId)).limit(1) : [];
  const [unit] = user.unitId ? await db.select({ name: units.name }).from(units).where(eq(units.id, user.unitId)).limit(1) : [];
  return { ...user, provinceName: province?.name ?? null, bodyName: body?.name ?? null, unitName: unit?.name ?? null };
}
