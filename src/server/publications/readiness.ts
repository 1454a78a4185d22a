/**
 * Issue 16: what stands between a scope and its publication — every body not final, every open
 * clarification window, every body with undecided disputes — named, the deadline in the
 * province's zone. The same conditions `publish()` refuses on (assertPublishable). Reads only.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Lang } from '../../core/types.ts';
import type { PublishBlocker, PublishReadiness } from '../../shared/wire/publications.ts';
import { clarificationWindows, disputes } from '../clarifications/schema.ts';
import { cycleBodies } from '../cycles/schema.ts';
import type { Queryable } from '../db/client.ts';
import { bodies } from '../registry/schema.ts';
import type { Cycle } from '../../shared/wire/cycles.ts';
import { publications } from './schema.ts';
import { scopeLabel, scopeTime } from './scope-label.ts';
import { NATIONAL } from './visibility.ts';

const inScope = (scope: string) => (scope === NATIONAL ? undefined : eq(bodies.provinceCode, scope));

export async function publishReadiness(db: Queryable, cycle: Cycle, scope: string, lang: Lang, now: Date): Promise<PublishReadiness> {
  const blockers: PublishBlocker[] = [];
  const open = await db
    .select({ bodyId: bodies.id, name: bodies.name, provinceCode: bodies.provinceCode })
    .from(cycleBodies)
    .innerJoin(bodies, eq(bodies.id, cycleBodies.bodyId))
    .where(
      and(
        eq(cycleBodies.cycleId, cycle.id),
        inScope(scope),
        sql`(${cycleBodies.status} <> 'final' or exists (select 1 from cycle_units cu where cu.cycle_id = ${cycleBodies.cycleId} and cu.body_id = ${cycleBodies.bodyId} and cu.status <> 'approved'))`,
      ),
    )
    .orderBy(asc(bodies.name));
  for (const b of open) blockers.push({ kind: 'body_open', ...b });
  const windows = await db
    .select({ scope: clarificationWindows.scope, deadline: clarificationWindows.deadline })
    .from(clarificationWindows)
    .where(
      and(
        eq(clarificationWindows.cycleId, cycle.id),
        scope === NATIONAL ? undefined : eq(clarificationWindows.scope, scope),
        sql`${clarificationWindows.closedAt} is null`,
        sql`${clarificationWindows.deadline} > ${now.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(asc(clarificationWindows.scope));
  for (const w of windows) {
    blockers.push({
      kind: 'window_open',
      scope: w.scope,
      scopeName: (await scopeLabel(db, w.scope))[lang],
      deadline: w.deadline.toISOString(),
      deadlineText: scopeTime(w.deadline, w.scope)[lang],
    });
  }
  const undecided = await db
    .select({ bodyId: bodies.id, name: bodies.name, count: sql<number>`count(*)::int` })
    .from(disputes)
    .innerJoin(bodies, eq(bodies.id, disputes.bodyId))
    .where(and(eq(disputes.cycleId, cycle.id), eq(disputes.status, 'open'), inScope(scope)))
    .groupBy(bodies.id, bodies.name)
    .orderBy(asc(bodies.name));
  for (const d of undecided) blockers.push({ kind: 'dispute_open', ...d });
  const [current] = await db
    .select({ version: publications.version })
    .from(publications)
    .where(and(eq(publications.cycleId, cycle.id), eq(publications.scope, scope), eq(publications.status, 'current')))
    .limit(1);
  const cycleReady = cycle.status === 'review' || cycle.status === 'final';
  return {
    scope,
    scopeName: (await scopeLabel(db, scope))[lang],
    cycleStatus: cycle.status,
    cycleReady,
    currentVersion: current?.version ?? null,
    blockers,
    ready: cycleReady && !current && blockers.length === 0,
  };
}
