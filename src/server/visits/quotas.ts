// A unit's own quotas (issue 13 §5) as scoring and progress read them. Reads only; the writes are
// in queries.ts (set by the pimpinan, audited).
import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.ts';
import { unitQuotas } from './schema.ts';

/** The units' own quotas of a cycle: unit → instrument → { target, min } (scoring and progress read this). */
export async function unitQuotaMap(
  tx: Queryable,
  cycleId: string,
  unitIds?: readonly string[],
): Promise<Map<string, Record<string, { target: number; min: number }>>> {
  const rows = await tx
    .select({ unitId: unitQuotas.unitId, instrument: unitQuotas.instrument, target: unitQuotas.target, min: unitQuotas.min })
    .from(unitQuotas)
    .where(
      and(
        eq(unitQuotas.cycleId, cycleId),
        unitIds === undefined ? undefined : sql`${unitQuotas.unitId} = any(${sql.param([...unitIds])}::uuid[])`,
      ),
    );
  const out = new Map<string, Record<string, { target: number; min: number }>>();
  for (const r of rows) {
    const m = out.get(r.unitId) ?? {};
    m[r.instrument] = { target: r.target, min: r.min };
    out.set(r.unitId, m);
  }
  return out;
}
