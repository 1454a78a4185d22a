// Ranks stored at recompute time (issue 14): when a score moves, the ranks of the groups it sits
// in are recomputed with the engine's rules (`src/core/rank.ts`) in the same transaction and kept
// in `result_ranks`, so a ranking read (live or for a publication) is one indexed read.
//
// Only what changed is written: the current ranks of the affected groups are loaded beside the
// rows, compared, and only moved places are upserted (and vanished ones deleted).
//
// Who calls it: `recomputeBodies` (body groups), `recomputeUnits` (the sector groups of the units
// it scored), the import of past scores, locus removals, registry edits of the fields groups
// depend on (a body's type or province; a unit's sector or location), and `backfillRanks` at
// start-up for data written before ranks were stored.
import { type SQL, sql } from 'drizzle-orm';
import { rank, rankGovernments, sectorGroup } from '../../core/index.ts';
import type { RankInput } from '../../core/types.ts';

/** What this needs of a database handle (db/client.ts calls `backfillRanks` while opening one: no import back). */
interface Queryable {
  execute(query: SQL): Promise<unknown>;
}
interface Db extends Queryable {
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
}

/** The `province` of a national sector group (`sector:national:kepolisian`, issue 17). */
export const NATIONAL_SECTOR = 'national';

/** Which groups to re-rank: the body groups (national per type, provincial kab/kota) and/or unit sector groups. */
export interface RankScope {
  bodies?: boolean;
  /** Sector groups of these sectors (every province and national), or of all sectors. */
  sectors?: readonly string[] | 'all';
  /** Also the sector groups of these units' sectors. */
  unitIds?: readonly string[];
}

export interface RankWrite {
  /** Places ranked in the groups looked at. */
  ranked: number;
  /** Rows upserted (new or moved). */
  written: number;
  /** Rows deleted (no longer ranked in that group). */
  removed: number;
}

interface Place {
  g: string;
  s: string;
  r: number;
  o: number;
}

/** Rows per statement. */
const CHUNK = 2000;

async function rows<T>(tx: Queryable, query: SQL): Promise<T[]> {
  return ((await tx.execute(query)) as unknown as { rows: T[] }).rows;
}

/**
 * Re-ranks the groups of `scope` in one cycle from its stored results and writes what moved.
 * Ranks are the engine's (standard competition ranking on round2(score) inside core's groups);
 * names only order ties for display, so they are not needed here.
 */
export async function storeRanks(tx: Queryable, cycleId: string, scope: RankScope = { bodies: true, sectors: 'all' }): Promise<RankWrite> {
  let sectors: readonly string[] | 'all' | null =
    scope.sectors === undefined || (scope.sectors !== 'all' && scope.sectors.length === 0) ? null : scope.sectors;
  if (scope.unitIds && scope.unitIds.length > 0 && sectors !== 'all') {
    const of = await rows<{ sector: string }>(
      tx,
      sql`select distinct sector from units where id = any(${sql.param([...scope.unitIds])}::uuid[]) and sector is not null`,
    );
    sectors = [...new Set([...(sectors ?? []), ...of.map((r) => r.sector)])];
    if (sectors.length === 0) sectors = null;
  }
  if (!scope.bodies && sectors === null) return { ranked: 0, written: 0, removed: 0 };
  const want = new Map<string, Place>();
  const add = (g: string, s: string, r: number, o: number) => want.set(`${g}|${s}`, { g, s, r, o });

  if (scope.bodies) {
    const list = await rows<{ id: string; type: RankInput['type']; province: string | null; score: number }>(
      tx,
      sql`select br.body_id as id, b.type, b.province_code as province, br.score
          from body_results br join bodies b on b.id = br.body_id where br.cycle_id = ${cycleId}`,
    );
    const inputs: RankInput[] = list.map((r) => ({
      id: r.id,
      name: '',
      type: r.type,
      ...(r.province ? { province: r.province } : {}),
      score: Number(r.score),
    }));
    for (const e of rankGovernments(inputs)) {
      add(e.nationalType.group, e.nationalType.row.id, e.nationalType.rank, e.nationalType.of);
      if (e.province) add(e.province.group, e.province.row.id, e.province.rank, e.province.of);
    }
  }

  if (sectors !== null) {
    // A unit ranks in its body's province, or (a ministry's or agency's) where it is located.
    const list = await rows<{ id: string; type: RankInput['type']; sector: string | null; province: string | null; score: number }>(
      tx,
      sql`select ur.unit_id as id, b.type, u.sector, coalesce(b.province_code, nullif(split_part(u.regency_code, '.', 1), '')) as province, ur.score
          from unit_results ur join units u on u.id = ur.unit_id join bodies b on b.id = ur.body_id
          where ur.cycle_id = ${cycleId}${sectors === 'all' ? sql`` : sql` and u.sector = any(${sql.param([...sectors])}::text[])`}`,
    );
    const provincial: RankInput[] = [];
    const national: RankInput[] = [];
    for (const r of list) {
      if (!r.sector) continue;
      const base = { id: r.id, name: '', type: r.type, sector: r.sector, score: Number(r.score) };
      if (r.province) provincial.push({ ...base, province: r.province });
      national.push({ ...base, province: NATIONAL_SECTOR });
    }
    for (const e of rank(provincial, sectorGroup)) add(e.group, e.row.id, e.rank, e.of);
    for (const e of rank(national, sectorGroup)) add(e.group, e.row.id, e.rank, e.of);
  }

  const bodyCond = scope.bodies ? sql`group_key not like 'sector:%'` : sql`false`;
  const unitCond =
    sectors === null
      ? sql`false`
      : sectors === 'all'
        ? sql`group_key like 'sector:%'`
        : sql`(group_key like 'sector:%' and split_part(group_key, ':', 3) = any(${sql.param([...sectors])}::text[]))`;
  const have = await rows<{ group_key: string; subject_id: string; rank: number; group_size: number }>(
    tx,
    sql`select group_key, subject_id, rank, group_size from result_ranks where cycle_id = ${cycleId} and (${bodyCond} or ${unitCond})`,
  );
  const gone: { g: string; s: string }[] = [];
  for (const h of have) {
    const key = `${h.group_key}|${h.subject_id}`;
    const w = want.get(key);
    if (!w) gone.push({ g: h.group_key, s: h.subject_id });
    else if (w.r === h.rank && w.o === h.group_size) want.delete(key);
  }
  const changed = [...want.values()];
  for (let i = 0; i < gone.length; i += CHUNK) {
    const chunk = JSON.stringify(gone.slice(i, i + CHUNK));
    await tx.execute(sql`
      delete from result_ranks r using json_to_recordset(${chunk}::json) as x(g text, s uuid)
      where r.cycle_id = ${cycleId} and r.group_key = x.g and r.subject_id = x.s`);
  }
  for (let i = 0; i < changed.length; i += CHUNK) {
    const chunk = JSON.stringify(changed.slice(i, i + CHUNK));
    await tx.execute(sql`
      insert into result_ranks (cycle_id, group_key, subject_id, rank, group_size)
      select ${cycleId}::uuid, x.g, x.s, x.r, x.o from json_to_recordset(${chunk}::json) as x(g text, s uuid, r int, o int)
      on conflict (cycle_id, group_key, subject_id) do update set rank = excluded.rank, group_size = excluded.group_size`);
  }
  return { ranked: have.length - gone.length + changed.length, written: changed.length, removed: gone.length };
}

/** Every cycle in which `subject` (a body or a unit) has a stored result: those ranks depend on it. */
export async function cyclesWithResult(tx: Queryable, subject: { bodyId: string } | { unitId: string }): Promise<string[]> {
  const list = await rows<{ cycle_id: string }>(
    tx,
    'bodyId' in subject
      ? sql`select distinct cycle_id from body_results where body_id = ${subject.bodyId}
            union select distinct cycle_id from unit_results where body_id = ${subject.bodyId}`
      : sql`select distinct cycle_id from unit_results where unit_id = ${subject.unitId}`,
  );
  return list.map((r) => r.cycle_id);
}

/**
 * Ranks for data written before they were stored (or restored from such a dump): every cycle
 * with results and no stored rank is ranked once. Cheap when there is nothing to do.
 */
export async function backfillRanks(db: Db): Promise<number> {
  const missing = await rows<{ id: string }>(
    db,
    sql`select c.id from cycles c
        where exists (select 1 from body_results br where br.cycle_id = c.id)
          and not exists (select 1 from result_ranks rr where rr.cycle_id = c.id)`,
  );
  for (const c of missing) await db.transaction((tx) => storeRanks(tx, c.id));
  return missing.length;
}
