// Ranks stored at recompute time (issue 14): when a score moves, the ranks of the groups it sits
// in are recomputed with the engine's rules (`src/core/rank.ts`) in the same transaction and kept
// in `result_ranks`, so a ranking read (live or for a publication) is one indexed read.
//
// One statement on the database per re-rank: the places of the affected groups are computed with
// window functions, and only moved places are written (vanished ones deleted). A write that moved
// a few scores first shifts only the places between each moved subject's old and new score
// (`shiftCtes`) — a recompute of a few units inside its score upserts (no statement of its own),
// other writes in one statement (`shiftPlaces`); what that cannot do exactly is ranked the whole way.
//
// Who calls it: `recomputeBodies` (body groups), `recomputeUnits` (the sector groups of the units
// it scored), the import of past scores, locus removals, registry edits of the fields groups
// depend on (a body's type or province; a unit's sector or location), and `backfillRanks` at
// start-up for data written before ranks were stored.
import { type SQL, sql } from 'drizzle-orm';

/** What this needs of a database handle (db/client.ts calls `backfillRanks` while opening one: no import back). */
interface Queryable {
  execute(query: SQL): Promise<unknown>;
}
interface Db extends Queryable {
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
}

/** The `province` of a national sector group (`sector:national:kepolisian`, issue 17). */
export const NATIONAL_SECTOR = 'national';

/** Which groups to re-rank: every group of a kind, or only the groups some subjects sit in. */
export interface RankScope {
  /** Every body group (national per type, provincial kab/kota). */
  bodies?: boolean;
  /** The groups these bodies sit in: their type's national group and (kab/kota) their province's. */
  bodyIds?: readonly string[];
  /** Sector groups of these sectors (every province and national), or of all sectors. */
  sectors?: readonly string[] | 'all';
  /** The sector groups these units sit in: their sector where they are located, and nationally. */
  unitIds?: readonly string[];
  /**
   * The write already shifted what it could inside its score upserts (`shiftCtes`, recompute.ts):
   * the given subjects' groups are ranked whole, without trying a shift again.
   */
  shifted?: boolean;
  /** The cycle's kind when the caller has it (saves reading it). */
  kind?: string;
}

export interface RankWrite {
  /** Places ranked in the groups looked at. */
  ranked: number;
  /** Rows upserted (new or moved). */
  written: number;
  /** Rows deleted (no longer ranked in that group). */
  removed: number;
}

async function rows<T>(tx: Queryable, query: SQL): Promise<T[]> {
  return ((await tx.execute(query)) as unknown as { rows: T[] }).rows;
}

/**
 * The engine's rounding in SQL: a double read at 15 significant digits, rounded half away from
 * zero — what `round2` does (core/round.ts), so ties fall where the engine puts them. Stored
 * scores are already round2(raw); this keeps the rule even for a value that is not.
 */
const ranked = (score: SQL) => sql`round(${score}::numeric, 2)`;

/**
 * Re-ranks the groups of `scope` in one cycle from its stored results and writes what moved,
 * in ONE statement on the database (no rows travel to Node): the groups and the rule are the
 * engine's (`src/core/rank.ts`: standard competition ranking — `rank()` — on the rounded score;
 * `of` = the group's size); unchanged places are not rewritten; places no longer ranked in a
 * group of the scope are deleted. Names only order ties for display, so they play no part here.
 * A write passes the bodies and units whose rounded score moved (`bodyIds`, `unitIds`): only the
 * groups they sit in are ranked — a kabupaten's national and provincial groups, a unit's sector
 * in its province and nationally — not every group of the cycle.
 * `ranks.test.ts` compares the result with the engine's on a national cycle.
 */
export async function storeRanks(tx: Queryable, cycleId: string, scope: RankScope = { bodies: true, sectors: 'all' }): Promise<RankWrite> {
  const listed = scope.sectors === undefined || scope.sectors === 'all' ? [] : [...scope.sectors];
  let bodyIds = scope.bodies ? [] : [...(scope.bodyIds ?? [])];
  let unitIds = scope.sectors === 'all' ? [] : [...(scope.unitIds ?? [])];
  const anySector = scope.sectors === 'all';
  const allBodies = scope.bodies === true;
  const wideSectors = anySector || listed.length > 0;
  if (!allBodies && bodyIds.length === 0 && !wideSectors && unitIds.length === 0) return { ranked: 0, written: 0, removed: 0 };
  // A write that moved a few scores: each moved subject that stays in the groups it was ranked
  // in, alone among the moved ones there, shifts only the places between its old and new score
  // (one statement, which also reads the cycle's kind); the others go the whole way below.
  let shifted = 0;
  let kind: string | undefined = scope.kind;
  if (!allBodies && !wideSectors && !scope.shifted && bodyIds.length + unitIds.length <= INCREMENTAL_MAX) {
    const done = await shiftPlaces(tx, cycleId, bodyIds, unitIds);
    kind = done.kind;
    bodyIds = bodyIds.filter((id) => !done.subjects.has(id));
    unitIds = unitIds.filter((id) => !done.subjects.has(id));
    shifted = done.written;
    if (bodyIds.length === 0 && unitIds.length === 0) return { ranked: done.written, written: done.written, removed: 0 };
  } else kind ??= (await rows<{ kind: string }>(tx, sql`select kind from cycles where id = ${cycleId}`))[0]?.kind;
  // Issue 12 §4: a government's internal pre-assessment is never ranked, whatever write reaches here.
  if (kind === 'internal') return { ranked: 0, written: 0, removed: 0 };
  const someBodies = bodyIds.length > 0;
  const someUnits = unitIds.length > 0;
  const none = sql`select null::text as g, null::uuid as s, null::int as r, null::int as o, null::numeric as sc where false`;
  // The groups of the given bodies and units (narrow scopes).
  const bg = someBodies
    ? sql`select distinct b.type, case when b.type in ('kabupaten', 'kota') then nullif(b.province_code, '') end as province
          from bodies b where b.id = any(${sql.param(bodyIds)}::uuid[])`
    : sql`select null::text as type, null::text as province where false`;
  const ug = someUnits
    ? sql`select distinct u.sector, coalesce(b.province_code, nullif(split_part(u.regency_code, '.', 1), '')) as province
          from units u join bodies b on b.id = u.body_id
          where u.id = any(${sql.param(unitIds)}::uuid[]) and coalesce(u.sector, '') <> ''`
    : sql`select null::text as sector, null::text as province where false`;
  const typeIn = allBodies ? sql`true` : sql`b.type in (select type from bg)`;
  const provinceIn = allBodies ? sql`true` : sql`b.province_code in (select province from bg)`;
  const bodyGroups =
    allBodies || someBodies
      ? sql`
      select 'national:' || b.type as g, br.body_id as s,
        rank() over (partition by b.type order by ${ranked(sql`br.score`)} desc)::int as r,
        count(*) over (partition by b.type)::int as o, ${ranked(sql`br.score`)} as sc
      from body_results br join bodies b on b.id = br.body_id
      where br.cycle_id = ${cycleId} and ${typeIn}
      union all
      select 'province:' || b.province_code, br.body_id,
        rank() over (partition by b.province_code order by ${ranked(sql`br.score`)} desc)::int,
        count(*) over (partition by b.province_code)::int, ${ranked(sql`br.score`)}
      from body_results br join bodies b on b.id = br.body_id
      where br.cycle_id = ${cycleId} and b.type in ('kabupaten', 'kota') and coalesce(b.province_code, '') <> '' and ${provinceIn}`
      : none;
  // The sectors whose groups are ranked: all, the listed ones (every province), those of the given units.
  const sectorIn = (column: SQL) =>
    anySector ? sql`true` : sql`(${column} = any(${sql.param(listed)}::text[]) or ${column} in (select sector from ug))`;
  // Of a given unit's sector, only the province it is located in (and the national group).
  const provinceSectorIn = anySector
    ? sql`true`
    : sql`(x.sector = any(${sql.param(listed)}::text[]) or (x.province, x.sector) in (select province, sector from ug))`;
  const sectorsInScope = wideSectors || someUnits;
  // A unit ranks in its body's province, or (a ministry's or agency's) where it is located; and nationally.
  const unitGroups = sectorsInScope
    ? sql`
      union all
      select 'sector:' || x.province || ':' || x.sector, x.id,
        rank() over (partition by x.province, x.sector order by x.score desc)::int,
        count(*) over (partition by x.province, x.sector)::int, x.score
      from units_in_scope x where coalesce(x.province, '') <> '' and ${provinceSectorIn}
      union all
      select 'sector:national:' || x.sector, x.id,
        rank() over (partition by x.sector order by x.score desc)::int,
        count(*) over (partition by x.sector)::int, x.score
      from units_in_scope x`
    : sql``;
  // The stored places the scope covers (deleted when no longer ranked there).
  const covered: SQL[] = [];
  if (allBodies) covered.push(sql`rr.group_key not like 'sector:%'`);
  if (anySector) covered.push(sql`rr.group_key like 'sector:%'`);
  else if (listed.length > 0)
    covered.push(sql`(rr.group_key like 'sector:%' and split_part(rr.group_key, ':', 3) = any(${sql.param(listed)}::text[]))`);
  if (someBodies || someUnits)
    covered.push(sql`rr.group_key in (
      select 'national:' || type from bg
      union select 'province:' || province from bg where province is not null
      union select 'sector:' || province || ':' || sector from ug where coalesce(province, '') <> ''
      union select 'sector:national:' || sector from ug)`);
  const [out] = await rows<{ ranked: number; written: number; removed: number }>(
    tx,
    sql`
      with bg as (${bg}), ug as (${ug}),
      units_in_scope as (
        select ur.unit_id as id, u.sector, ${ranked(sql`ur.score`)} as score,
          coalesce(b.province_code, nullif(split_part(u.regency_code, '.', 1), '')) as province
        from unit_results ur join units u on u.id = ur.unit_id join bodies b on b.id = ur.body_id
        where ur.cycle_id = ${cycleId} and coalesce(u.sector, '') <> '' and ${sectorsInScope ? sectorIn(sql`u.sector`) : sql`false`}
      ),
      want as (${bodyGroups}${unitGroups}),
      gone as (
        delete from result_ranks rr
        where rr.cycle_id = ${cycleId} and (${sql.join(covered, sql` or `)})
          and not exists (select 1 from want w where w.g = rr.group_key and w.s = rr.subject_id)
        returning 1
      ),
      put as (
        insert into result_ranks (cycle_id, group_key, subject_id, rank, group_size, score)
        select ${cycleId}::uuid, w.g, w.s, w.r, w.o, w.sc from want w
        left join result_ranks rr on rr.cycle_id = ${cycleId} and rr.group_key = w.g and rr.subject_id = w.s
        where rr.subject_id is null or rr.rank <> w.r or rr.group_size <> w.o or rr.score <> w.sc
        on conflict (cycle_id, group_key, subject_id) do update
          set rank = excluded.rank, group_size = excluded.group_size, score = excluded.score
        returning 1
      )
      select (select count(*) from want)::int as ranked, (select count(*) from put)::int as written, (select count(*) from gone)::int as removed`,
  );
  return {
    ranked: Number(out?.ranked ?? 0) + shifted,
    written: Number(out?.written ?? 0) + shifted,
    removed: Number(out?.removed ?? 0),
  };
}

/** At most this many moved subjects are looked at for a shift; a bulk write ranks its groups whole. */
export const INCREMENTAL_MAX = 16;

/**
 * The groups moved bodies sit in now, with their rounded score (rows `s, n, g`): `moved` is a
 * relation of `s` (body id) and `score` (its new score).
 */
const bodyGroupsNow = (moved: SQL) => sql`
  select m.s, ${ranked(sql`m.score`)} as n, v.g
  from ${moved} m cross join lateral (select b.type, b.province_code from bodies b where b.id = m.s limit 1) b
  cross join lateral (values ('national:' || b.type),
    (case when b.type in ('kabupaten', 'kota') and coalesce(b.province_code, '') <> '' then 'province:' || b.province_code end)) v(g)
  where v.g is not null`;

/** As `bodyGroupsNow` for moved units: `moved` has `s` (unit id), `body_id` and `score`. */
const unitGroupsNow = (moved: SQL) => sql`
  select m.s, ${ranked(sql`m.score`)} as n, v.g
  from ${moved} m cross join lateral (select u.sector, u.regency_code from units u where u.id = m.s limit 1) u
  cross join lateral (select b.province_code from bodies b where b.id = m.body_id limit 1) b
  cross join lateral (select coalesce(b.province_code, nullif(split_part(u.regency_code, '.', 1), '')) as p) loc
  cross join lateral (values ('sector:${sql.raw(NATIONAL_SECTOR)}:' || u.sector),
    (case when coalesce(loc.p, '') <> '' then 'sector:' || loc.p || ':' || u.sector end)) v(g)
  where coalesce(u.sector, '') <> '' and v.g is not null`;

/**
 * The incremental re-rank of moved subjects (issue 14 §1), as CTEs for one statement. With
 * standard competition ranking a place is 1 + the number of strictly higher scores in its group,
 * so when ONE subject's rounded score goes from `o` to `n` and nobody joins or leaves the group:
 * - another place with a score in [min(o, n), max(o, n)) moves by one (down if n > o, up if n < o);
 * - the subject's own place moves by the number of other scores in (min(o, n), max(o, n)];
 * - every other place, and the group's size, stay as they are.
 * `o` is the score stored with the subject's place. A subject goes this way only if it still has
 * a result, its groups now are exactly those it has places in (a new, removed or regrouped
 * subject changes group sizes) and no other moved subject of `moved` sits in any of them; the
 * caller ranks the groups of the others whole (`storeRanks`). Subjects moved in the same write
 * but not in `moved` (a removed result, say) must have their groups ranked whole after this.
 *
 * `moved`: the moved bodies (`s`, `score`: the new score) and units (`s`, `body_id`, `score`),
 * as relations the statement can read — the new scores even when the same statement upserts
 * them (its sub-statements see the tables as they were). Defines `cur` (their groups now),
 * `st` (their stored places), `ok` (the subjects shifted), `m`, `others` and `self` (the updates).
 * Written so that the planner, which cannot know how few rows `moved` holds when they come from
 * an upsert, still looks subjects up by index (lateral lookups, `= any(array(…))`), not by scans.
 * `opts.subjects`: every moved subject's id, those without a result too (default: the ids of
 * `moved`); `opts.guard` false shifts nothing (an internal cycle). Follows other CTEs: starts
 * with a comma.
 */
export function shiftCtes(cycleId: string, moved: { bodies?: SQL; units?: SQL }, opts: { subjects?: SQL; guard?: SQL } = {}): SQL {
  const parts = [...(moved.bodies ? [bodyGroupsNow(moved.bodies)] : []), ...(moved.units ? [unitGroupsNow(moved.units)] : [])];
  const subjects =
    opts.subjects ??
    sql.join(
      [...(moved.bodies ? [sql`select s from ${moved.bodies} mb`] : []), ...(moved.units ? [sql`select s from ${moved.units} mu`] : [])],
      sql` union all `,
    );
  if (parts.length === 0) throw new Error('shiftCtes: nothing moved');
  return sql`,
      -- The groups each moved subject sits in now (the rules of the whole re-rank) and its rounded score.
      cur as (${sql.join(parts, sql` union all `)}),
      -- Their stored places.
      st as (
        select rr.subject_id as s, rr.group_key as g, rr.rank as r, rr.score as o from result_ranks rr
        where rr.cycle_id = ${cycleId} and rr.subject_id = any(array(${subjects}))
      ),
      ok as (
        select c.s from cur c
        where ${opts.guard ?? sql`true`}
          and not exists (select 1 from (select s, g from cur union select s, g from st) o where o.g = c.g and o.s <> c.s)
        group by c.s
        having array_agg(c.g order by c.g) = (select array_agg(st.g order by st.g) from st where st.s = c.s)
      ),
      m as (
        select st.s, st.g, st.r, st.o, c.n from st join cur c on c.s = st.s and c.g = st.g
        where st.s in (select s from ok) and st.o <> c.n
      ),
      others as (
        update result_ranks x set rank = x.rank + case when m.n > m.o then 1 else -1 end
        from m
        where x.cycle_id = ${cycleId} and x.group_key = m.g and x.subject_id <> m.s
          and x.score >= least(m.o, m.n) and x.score < greatest(m.o, m.n)
        returning 1
      ),
      self as (
        update result_ranks x set score = m.n, rank = m.r + case when m.n > m.o then -1 else 1 end * (
          select count(*) from result_ranks y
          where y.cycle_id = ${cycleId} and y.group_key = m.g and y.subject_id <> m.s
            and y.score > least(m.o, m.n) and y.score <= greatest(m.o, m.n))::int
        from m
        where x.cycle_id = ${cycleId} and x.group_key = m.g and x.subject_id = m.s
        returning 1
      )`;
}

/**
 * The shift of `shiftCtes` as its own statement, for moved subjects whose new scores are stored
 * (`storeRanks` for writes that did not shift inside their upserts); also reads the cycle's
 * kind. Returns the cycle's kind, the subjects done and the places rewritten.
 */
async function shiftPlaces(
  tx: Queryable,
  cycleId: string,
  bodyIds: readonly string[],
  unitIds: readonly string[],
): Promise<{ kind: string | undefined; subjects: Set<string>; written: number }> {
  const [out] = await rows<{ kind: string | null; done: string[] | null; written: number }>(
    tx,
    sql`
      with cyc as (select kind from cycles where id = ${cycleId}),
      -- The moved subjects that have a result, with their stored score.
      mb as (select br.body_id as s, br.score from body_results br where br.cycle_id = ${cycleId} and br.body_id = any(${sql.param(bodyIds)}::uuid[])),
      mu as (select ur.unit_id as s, ur.body_id, ur.score from unit_results ur where ur.cycle_id = ${cycleId} and ur.unit_id = any(${sql.param(unitIds)}::uuid[]))
      ${shiftCtes(
        cycleId,
        { bodies: sql`mb`, units: sql`mu` },
        { subjects: sql`select unnest(${sql.param([...bodyIds, ...unitIds])}::uuid[])`, guard: sql`(select kind from cyc) <> 'internal'` },
      )}
      select (select kind from cyc) as kind, array(select s::text from ok) as done,
        ((select count(*) from others) + (select count(*) from self))::int as written`,
  );
  return { kind: out?.kind ?? undefined, subjects: new Set(out?.done ?? []), written: Number(out?.written ?? 0) };
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
        where c.kind <> 'internal'
          and exists (select 1 from body_results br where br.cycle_id = c.id)
          and not exists (select 1 from result_ranks rr where rr.cycle_id = c.id)`,
  );
  for (const c of missing) await db.transaction((tx) => storeRanks(tx, c.id));
  return missing.length;
}
