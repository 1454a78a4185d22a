// Indicator-level overrides (scores/schema.ts `indicator_overrides`) applied on top of the raw
// answers whenever a unit is scored. The records are never changed by a dispute or an erratum.
import { sql } from 'drizzle-orm';
import type { Sheet } from '../../core/types.ts';
import type { Queryable } from '../db/client.ts';

export interface Override {
  unitId: string;
  indicator: string;
  value: number;
  recordIds: string[];
  createdAt: Date;
}

/** The overrides of a cycle's units (all of them for 'all'), oldest first, by unit. */
export async function loadOverrides(tx: Queryable, cycleId: string, unitIds: readonly string[] | 'all'): Promise<Map<string, Override[]>> {
  const filter = unitIds === 'all' ? sql`` : sql` and unit_id = any(${sql.param(unitIds)}::uuid[])`;
  const res = (await tx.execute(
    sql`select unit_id, indicator, value, record_ids, created_at from indicator_overrides where cycle_id = ${cycleId}${filter} order by created_at, id`,
  )) as unknown as {
    rows: { unit_id: string; indicator: string; value: number; record_ids: string[] | string; created_at: string | Date }[];
  };
  const out = new Map<string, Override[]>();
  for (const r of res.rows) {
    const list = out.get(r.unit_id) ?? [];
    list.push({
      unitId: r.unit_id,
      indicator: r.indicator,
      value: Number(r.value),
      recordIds: typeof r.record_ids === 'string' ? (JSON.parse(r.record_ids) as string[]) : r.record_ids,
      createdAt: new Date(r.created_at),
    });
    out.set(r.unit_id, list);
  }
  return out;
}

/** A record's answers with the unit's overrides applied (later overrides win). */
export function effectiveAnswers(
  recordId: string,
  answers: Sheet['answers'],
  overrides: readonly Override[] | undefined,
): Sheet['answers'] {
  if (!overrides?.length) return answers;
  let out = answers;
  for (const o of overrides) {
    if (!o.recordIds.includes(recordId)) continue;
    if (out === answers) out = { ...answers };
    out[o.indicator] = o.value;
  }
  return out;
}
