/**
 * Issue 16: the names of a signed-in user's scope (province, body, unit), so no screen has to
 * show an id or a bare province code; and (issue 13 §6) whether an asisten leads a team, so its
 * menu offers the team lead's queue only to a lead. Reads only.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { User } from '../../shared/wire/auth.ts';
import { cycles } from '../cycles/schema.ts';
import type { Queryable } from '../db/client.ts';
import { bodies, units } from '../registry/schema.ts';
import { teamLeadLevels } from '../visits/schema.ts';

/** The asisten is named a team lead of a Perwakilan in a cycle not yet final. */
async function leadsTeam(db: Queryable, user: User): Promise<boolean> {
  if (user.role !== 'asisten') return false;
  const [row] = await db
    .select({ cycleId: teamLeadLevels.cycleId })
    .from(teamLeadLevels)
    .innerJoin(cycles, eq(cycles.id, teamLeadLevels.cycleId))
    .where(and(sql`${user.id}::uuid = any(${teamLeadLevels.leadIds})`, inArray(cycles.status, ['planning', 'fieldwork', 'review'])))
    .limit(1);
  return row !== undefined;
}

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
  return {
    ...user,
    provinceName: province?.name ?? null,
    bodyName: body?.name ?? null,
    unitName: unit?.name ?? null,
    leadsTeam: await leadsTeam(db, user),
  };
}
