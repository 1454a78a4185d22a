// Published scores of a past cycle (no answers in Pantau): one government score per body, banded
// under the cycle's frozen scheme and stored as `source: 'imported'`, so movement and trends reach
// back before Pantau. Used by the demo seed; the Excel import of historical results can reuse it.
import { sql } from 'drizzle-orm';
import { classify, round2 } from '../../core/index.ts';
import { appendAudit, type AuditActor } from '../audit/queries.ts';
import type { Tx } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { cycleScheme } from '../cycles/queries.ts';
import { storeRanks } from './ranks.ts';
import type { Cycle } from '../../shared/wire/cycles.ts';

export interface ImportedScore {
  bodyId: string;
  score: number;
}

export async function importBodyScores(
  tx: Tx,
  actor: AuditActor,
  cycle: Cycle,
  scores: readonly ImportedScore[],
  now = new Date(),
): Promise<void> {
  if (cycle.source !== 'imported') throw new AppError('conflict', { reason: 'only an imported cycle takes published scores' });
  const scheme = await cycleScheme(tx, cycle);
  const rows = scores.map((s) => {
    const score = round2(s.score);
    return { body_id: s.bodyId, score, band_code: classify(scheme, score).code };
  });
  const json = JSON.stringify(rows);
  await tx.execute(sql`
    insert into cycle_bodies (cycle_id, body_id, status)
    select ${cycle.id}::uuid, x.body_id, 'final' from json_to_recordset(${json}::json) as x(body_id uuid)
    on conflict do nothing`);
  await tx.execute(sql`
    insert into body_results (cycle_id, body_id, raw, score, band_code, complete, units, qualifiers, source, computed_at)
    select ${cycle.id}::uuid, x.body_id, x.score, x.score, x.band_code, true, 0, '[]'::jsonb, 'imported', ${now.toISOString()}::timestamptz
    from json_to_recordset(${json}::json) as x(body_id uuid, score float8, band_code text)
    on conflict (cycle_id, body_id) do update set raw = excluded.raw, score = excluded.score, band_code = excluded.band_code,
      source = 'imported', computed_at = excluded.computed_at`);
  await storeRanks(tx, cycle.id, { bodies: true });
  await appendAudit(tx, {
    actor,
    action: 'result.import',
    subjectType: 'cycle',
    subjectId: cycle.id,
    provinceCode: cycle.provinceCode,
    at: now,
    diff: { scores: rows },
  });
}
