// The F-01 lock (issue 10 §3): once the unit submits its self-assessment, no record write path
// (single, batch, import, edit, delete) changes a claim sheet until the evaluator reopens it.
// Read by records/queries.ts; depends only on this resource's table.
import { and, eq } from 'drizzle-orm';
import type { Scheme } from '../../core/types.ts';
import type { Queryable } from '../db/client.ts';
import { pekpppUnits } from './schema.ts';

/** True when `instrument` is a claim instrument (F-01) of `scheme`. */
export const isClaimInstrument = (scheme: Scheme, instrument: string): boolean =>
  scheme.instruments.some((i) => i.code === instrument && i.role === 'claim');

/** True when the unit's F-01 is submitted (locked until the evaluator reopens it). */
export async function claimLocked(tx: Queryable, cycleId: string, unitId: string): Promise<boolean> {
  const [row] = await tx
    .select({ status: pekpppUnits.claimStatus })
    .from(pekpppUnits)
    .where(and(eq(pekpppUnits.cycleId, cycleId), eq(pekpppUnits.unitId, unitId)))
    .limit(1);
  return row?.status === 'submitted';
}
