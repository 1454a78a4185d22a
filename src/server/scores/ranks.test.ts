// Ranks stored at recompute time (issue 14) read exactly as ranking at read time did, on a
// national-shaped cycle (the synthetic national seed — 587 bodies, 4,109 units — with one sheet a
// unit, so scores are coarse and ties are everywhere) with a published previous cycle (imported
// scores) for movement; then after writes that move scores (a recompute of some units only), remove results,
// and change a unit's sector: the narrow re-rank of each write leaves nothing stale.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SQL, asc, eq, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { movement, rankGovernments, rankUnitsBySector } from '../../core/index.ts';
import type { RankInput } from '../../core/types.ts';
import type { Actor } from '../auth/policy.ts';
import { createCycle, getCycle } from '../cycles/queries.ts';
import { publish } from '../publications/queries.ts';
import { importBodyScores } from './import.ts';
import type { Queryable, Tx } from '../db/client.ts';
import { scoredUnits } from '../read-models/locus.ts';
import { bodies, units } from '../registry/schema.ts';
import { getUnit, updateUnit } from '../registry/queries.ts';
import { seedNational } from '../seed/national.ts';
import { createTestDb, type TestDb } from '../test/harness.ts';
import type { Cycle } from '../../shared/wire/cycles.ts';
import type { RankingRow } from '../../shared/wire/scores.ts';
import { type RankingGroup, getBodyResult, previousCycle, ranking } from './queries.ts';
import { NATIONAL_SECTOR, storeRanks } from './ranks.ts';
import { recomputeUnits } from './recompute.ts';
import { getBodyRow, removeLocusBody } from '../locus/queries.ts';
import { bodyResults } from './schema.ts';

const admin: Actor = {
  id: '00000000-0000-4000-8000-000000000001',
  username: 'admin',
  name: 'Admin',
  role: 'admin',
  provinceCode: null,
  bodyId: null,
  unitId: null,
};
const collator = new Intl.Collator('id');

let db: TestDb;
let cycle: Cycle;

// ── The reference: ranking at read time, as it was before ranks were stored ────────────────

interface Ref {
  group: string;
  id: string;
  rank: number;
  of: number;
  previousRank: number | null;
  movement: number | null;
}

async function govRows(tx: Queryable, cycleId: string) {
  const rows = await tx
    .select({ id: bodies.id, name: bodies.name, type: bodies.type, province: bodies.provinceCode, score: bodyResults.score })
    .from(bodyResults)
    .innerJoin(bodies, eq(bodies.id, bodyResults.bodyId))
    .where(eq(bodyResults.cycleId, cycleId));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    type: r.type as RankInput['type'],
    ...(r.province ? { province: r.province } : {}),
    score: r.score,
  }));
}

async function referenceGovernments(c: Cycle, group: Exclude<RankingGroup, { kind: 'sector' }>): Promise<Ref[]> {
  const prev = await previousCycle(db.db, c);
  const prevPlaces = new Map<string, number>();
  const key = group.kind === 'national' ? `national:${group.type}` : `province:${group.province}`;
  if (prev)
    for (const r of rankGovernments(await govRows(db.db, prev.id))) {
      for (const p of [r.nationalType, r.province]) if (p?.group === key) prevPlaces.set(p.row.id, p.rank);
    }
  const out: (Ref & { name: string })[] = [];
  for (const r of rankGovernments(await govRows(db.db, c.id))) {
    const p = group.kind === 'national' ? r.nationalType : r.province;
    if (p?.group !== key) continue;
    const previousRank = prevPlaces.get(p.row.id) ?? null;
    out.push({
      group: key,
      id: p.row.id,
      name: p.row.name,
      rank: p.rank,
      of: p.of,
      previousRank,
      movement: movement(previousRank, p.rank),
    });
  }
  out.sort((a, b) => a.rank - b.rank || collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));
  return out.map(({ name: _n, ...rest }) => rest);
}

async function sectorRows(cycleId: string, province: string, sector: string) {
  const national = province === NATIONAL_SECTOR;
  const rows = await scoredUnits(db.db, cycleId, { ...(national ? {} : { provinceCode: province }), sector, located: true });
  return rows.map((r) => ({
    id: r.id,
    name: `${r.name} — ${r.bodyName}`,
    type: r.bodyType as RankInput['type'],
    province: national ? NATIONAL_SECTOR : province,
    sector: r.sector,
    score: r.score,
  }));
}

async function referenceSector(c: Cycle, province: string, sector: string): Promise<Ref[]> {
  const prev = await previousCycle(db.db, c);
  const prevRanks = new Map<string, number>();
  if (prev) for (const r of rankUnitsBySector(await sectorRows(prev.id, province, sector))) prevRanks.set(r.row.id, r.rank);
  return rankUnitsBySector(await sectorRows(c.id, province, sector)).map((r) => {
    const previousRank = prevRanks.get(r.row.id) ?? null;
    return { group: r.group, id: r.row.id, rank: r.rank, of: r.of, previousRank, movement: movement(previousRank, r.rank) };
  });
}

const stored = (items: RankingRow[]): Ref[] =>
  items.map((i) => ({
    group: i.group,
    id: i.unit?.id ?? i.body.id,
    rank: i.rank,
    of: i.of,
    previousRank: i.previousRank,
    movement: i.movement,
  }));

/** Every group of the cycle: national per type, each province, each sector per province and nationally. */
async function everyGroup(c: Cycle): Promise<RankingGroup[]> {
  const types = await db.db.execute(
    sql`select distinct b.type, b.province_code from body_results br join bodies b on b.id = br.body_id where br.cycle_id = ${c.id}`,
  );
  const sectors = await db.db.execute(sql`
    select distinct u.sector, coalesce(b.province_code, nullif(split_part(u.regency_code, '.', 1), '')) as province
    from unit_results ur join units u on u.id = ur.unit_id join bodies b on b.id = ur.body_id where ur.cycle_id = ${c.id}`);
  const out: RankingGroup[] = [];
  const tr = (types as unknown as { rows: { type: RankInput['type']; province_code: string | null }[] }).rows;
  for (const type of new Set(tr.map((r) => r.type))) out.push({ kind: 'national', type });
  for (const p of new Set(tr.filter((r) => r.type === 'kabupaten' || r.type === 'kota').map((r) => r.province_code!)))
    out.push({ kind: 'province', province: p });
  const sr = (sectors as unknown as { rows: { sector: string; province: string | null }[] }).rows;
  for (const sector of new Set(sr.map((r) => r.sector))) out.push({ kind: 'sector', province: NATIONAL_SECTOR, sector });
  for (const r of sr) if (r.province) out.push({ kind: 'sector', province: r.province, sector: r.sector });
  return out;
}

async function expectSameAsReadTime(c: Cycle): Promise<{ groups: number; rows: number; ties: number }> {
  let rows = 0;
  let ties = 0;
  const groups = await everyGroup(c);
  for (const group of groups) {
    const want = group.kind === 'sector' ? await referenceSector(c, group.province, group.sector) : await referenceGovernments(c, group);
    const got = await ranking(db.db, admin, c, group);
    expect(got.hidden).toBe(0);
    expect(stored(got.items), JSON.stringify(group)).toEqual(want);
    rows += want.length;
    ties += want.filter((r, k) => k > 0 && want[k - 1]!.rank === r.rank).length;
  }
  return { groups: groups.length, rows, ties };
}

beforeAll(async () => {
  db = await createTestDb();
  const seeded = await seedNational(db.db, { year: 2024, seed: 11, sheetsPerUnit: 1 });
  cycle = (await getCycle(db.db, seeded.cycleId))!;
  // A published previous cycle of the family (imported scores, coarse: ties), for movement.
  await db.db.transaction(async (tx) => {
    const past = await createCycle(tx, null, {
      name: 'Hasil 2023',
      year: 2023,
      schemeId: 'ombudsman-2024',
      source: 'imported',
      status: 'final',
    });
    const list = await tx
      .select({ bodyId: bodyResults.bodyId })
      .from(bodyResults)
      .where(eq(bodyResults.cycleId, cycle.id))
      .orderBy(asc(bodyResults.bodyId));
    await importBodyScores(
      tx,
      null,
      past,
      list.map((b, k) => ({ bodyId: b.bodyId, score: 60 + ((k * 7) % 31) })),
    );
    await publish(tx, null, past, { scope: 'national' });
  });
}, 600_000);

afterAll(async () => {
  await db?.destroy();
});

describe('stored ranks (issue 14)', () => {
  it('read exactly as ranking at read time: every group of a national cycle, ties and movement included', async () => {
    const seen = await expectSameAsReadTime(cycle);
    // 5 body types, 34 provinces, sector groups; the coarse scores tie a lot.
    expect(seen.groups).toBeGreaterThan(5 + 34 + 100);
    expect(seen.rows).toBeGreaterThan(587 + 553 + 4109 + 3500);
    expect(seen.ties).toBeGreaterThan(100);
    // Movement against the published 2023 cycle reaches the national groups.
    const kab = await ranking(db.db, admin, cycle, { kind: 'national', type: 'kabupaten' });
    expect(kab.previousCycle?.year).toBe(2023);
    expect(kab.items.some((i) => i.movement !== 0)).toBe(true);
    expect(kab.items.filter((i) => i.movement !== null).length).toBe(416);
    // A government page reads its own places from the same rows.
    const first = kab.items[0]!;
    const page = await getBodyResult(db.db, cycle, first.body);
    expect(page.ranks.nationalType).toEqual({
      group: first.group,
      rank: first.rank,
      of: first.of,
      previousRank: first.previousRank,
      movement: first.movement,
    });
    expect(page.ranks.province?.group).toBe(`province:${first.body.provinceCode}`);
  }, 600_000);

  it('stays exact after writes that move some scores, remove results and change a unit sector', async () => {
    const some = (await db.db.execute(sql`
      select cu.unit_id, cu.body_id from cycle_units cu join bodies b on b.id = cu.body_id
      where cu.cycle_id = ${cycle.id} and b.type in ('kabupaten', 'kota') order by cu.unit_id limit 60`)) as unknown as {
      rows: { unit_id: string; body_id: string }[];
    };
    const [donor, ...targets] = some.rows;
    const moved = targets.slice(0, 40).map((r) => r.unit_id);
    const emptied = targets.slice(40).map((r) => r.unit_id);
    await db.db.transaction(async (tx) => {
      // 40 units take the donor's answers (new ties), 19 lose their records (leave their groups).
      await tx.execute(sql`
        update records r set answers = d.answers
        from (select instrument, (array_agg(answers order by id))[1] as answers from records where cycle_id = ${cycle.id} and unit_id = ${donor!.unit_id} group by instrument) d
        where r.cycle_id = ${cycle.id} and r.unit_id = any(${sql.param(moved)}::uuid[]) and r.instrument = d.instrument`);
      await tx.execute(sql`delete from records where cycle_id = ${cycle.id} and unit_id = any(${sql.param(emptied)}::uuid[])`);
      // As a write does: only these units, their bodies, their groups.
      await recomputeUnits(tx, cycle, [...moved, ...emptied], { bodies: new Map(targets.map((r) => [r.unit_id, r.body_id])) });
    });
    // A registry edit that moves a unit to another sector group.
    const [u] = await db.db.select().from(units).where(eq(units.id, moved[0]!)).orderBy(asc(units.id));
    await db.db.transaction(async (tx) =>
      updateUnit(tx, null, (await getUnit(tx, u!.id))!, { sector: u!.sector === 'sosial' ? 'kesehatan' : 'sosial' }),
    );

    await expectSameAsReadTime(cycle);
    // Nothing stale anywhere: a full re-rank from scratch finds nothing to write.
    const again = await db.db.transaction((tx) => storeRanks(tx, cycle.id));
    expect(again.written).toBe(0);
    expect(again.removed).toBe(0);
  }, 600_000);

  // The narrow re-rank: a write ranks only the groups its moved scores sit in. Stored places are
  // marked wrong (rank 999) in groups the write must re-rank and in groups it must leave alone;
  // a re-ranked group loses its mark, an untouched one keeps it.
  type Row = { unit_id: string; body_id: string; sector: string; province: string };
  const q = async <T>(query: ReturnType<typeof sql>) => (await db.db.execute(query)) as unknown as { rows: T[] };
  const mark = (group: string, notSubject: string) =>
    q<{ subject_id: string }>(sql`
      update result_ranks set rank = 999 where cycle_id = ${cycle.id} and group_key = ${group} and subject_id = (
        select subject_id from result_ranks where cycle_id = ${cycle.id} and group_key = ${group} and subject_id <> ${notSubject}
        order by subject_id limit 1)
      returning subject_id`).then((r) => r.rows[0]!.subject_id);
  const rankOf = async (group: string, subject: string) =>
    (
      await q<{ rank: number }>(
        sql`select rank from result_ranks where cycle_id = ${cycle.id} and group_key = ${group} and subject_id = ${subject}`,
      )
    ).rows[0]?.rank;
  const rounded = async (table: 'unit_results' | 'body_results', column: 'unit_id' | 'body_id', id: string) =>
    (
      await q<{ s: string }>(
        sql`select round(score::numeric, 2)::text as s from ${sql.raw(table)} where cycle_id = ${cycle.id} and ${sql.raw(column)} = ${id}`,
      )
    ).rows[0]?.s;
  async function kabupatenUnit(): Promise<{ unit: Row; other: Row }> {
    const list = await q<Row>(sql`
      select ur.unit_id, ur.body_id, u.sector, b.province_code as province
      from unit_results ur join units u on u.id = ur.unit_id join bodies b on b.id = ur.body_id
      where ur.cycle_id = ${cycle.id} and b.type = 'kabupaten' order by ur.unit_id`);
    const unit = list.rows[0]!;
    // A unit of the same sector in another province: its province's groups are not the write's.
    const other = list.rows.find((r) => r.sector === unit.sector && r.province !== unit.province)!;
    return { unit, other };
  }
  const write = (unit: Row, move: boolean) =>
    db.db.transaction(async (tx) => {
      if (move)
        await tx.execute(sql`
          update records r set answers = (
            select jsonb_object_agg(e.key, case when jsonb_typeof(e.value) = 'number' then to_jsonb(case when e.value::text = '0' then 3 else 0 end) else e.value end)
            from jsonb_each(r.answers::jsonb) e)
          where r.cycle_id = ${cycle.id} and r.unit_id = ${unit.unit_id}`);
      await recomputeUnits(tx, cycle, [unit.unit_id], { bodies: new Map([[unit.unit_id, unit.body_id]]) });
    });

  const places = async (groups: string[]) =>
    new Map(
      (
        await q<{ g: string; s: string; r: number; sc: string }>(
          sql`select group_key as g, subject_id as s, rank as r, score::text as sc from result_ranks
              where cycle_id = ${cycle.id} and group_key = any(${sql.param(groups)}::text[])`,
        )
      ).rows.map((p) => [`${p.g} ${p.s}`, p]),
    );

  it('a write shifts only the places between the old and new scores of the unit and body it moved', async () => {
    const { unit, other } = await kabupatenUnit();
    const mine = [
      'national:kabupaten',
      `province:${unit.province}`,
      `sector:${unit.province}:${unit.sector}`,
      `sector:${NATIONAL_SECTOR}:${unit.sector}`,
    ];
    const theirs = [`province:${other.province}`, `sector:${other.province}:${other.sector}`];
    const marked = new Map<string, string>();
    for (const g of theirs) marked.set(g, await mark(g, g.startsWith('sector:') ? unit.unit_id : unit.body_id));
    const before = await places(mine);

    await write(unit, true);

    const after = await places(mine);
    const moved = {
      unit: await rounded('unit_results', 'unit_id', unit.unit_id),
      body: await rounded('body_results', 'body_id', unit.body_id),
    };
    // Both scores moved; in each of their groups only the places between the old and new score
    // changed (and the moved subject's own).
    let shifted = 0;
    for (const [key, p] of after) {
      const was = before.get(key)!;
      expect(was, key).toBeDefined();
      const subject = p.g.startsWith('sector:') ? unit.unit_id : unit.body_id;
      const o = Number(before.get(`${p.g} ${subject}`)!.sc);
      const n = Number(p.g.startsWith('sector:') ? moved.unit : moved.body);
      expect(o, p.g).not.toBe(n);
      if (p.s === subject) continue;
      expect(p.sc).toBe(was.sc);
      const inRange = Number(p.sc) >= Math.min(o, n) && Number(p.sc) < Math.max(o, n);
      expect(p.r - was.r, key).toBe(inRange ? (n > o ? 1 : -1) : 0);
      if (inRange) shifted++;
    }
    expect(after.size).toBe(before.size);
    expect(shifted).toBeGreaterThan(0);
    expect(stored((await ranking(db.db, admin, cycle, { kind: 'province', province: unit.province })).items)).toEqual(
      await referenceGovernments(cycle, { kind: 'province', province: unit.province }),
    );
    expect(stored((await ranking(db.db, admin, cycle, { kind: 'sector', province: unit.province, sector: unit.sector })).items)).toEqual(
      await referenceSector(cycle, unit.province, unit.sector),
    );
    // Another province's groups are not touched.
    for (const g of theirs) expect(await rankOf(g, marked.get(g)!), g).toBe(999);
    // Nothing else is stale: a full re-rank only repairs the two marks left.
    const again = await db.db.transaction((tx) => storeRanks(tx, cycle.id));
    expect(again).toMatchObject({ written: 2, removed: 0 });
  }, 600_000);

  it('a moved score alone in its groups is shifted, not ranked whole, and equals a whole re-rank', async () => {
    const { unit } = await kabupatenUnit();
    const size = (
      await q<{ n: number }>(
        sql`select count(*)::int as n from result_ranks where cycle_id = ${cycle.id} and group_key = 'national:kabupaten'`,
      )
    ).rows[0]!.n;
    const out = await db.db.transaction(async (tx) => {
      await tx.execute(sql`update body_results set score = score - 7.375 where cycle_id = ${cycle.id} and body_id = ${unit.body_id}`);
      return storeRanks(tx, cycle.id, { bodyIds: [unit.body_id] });
    });
    // Only rewritten places were looked at: fewer than the national group alone holds.
    expect(out.written).toBeGreaterThan(0);
    expect(out.ranked).toBe(out.written);
    expect(out.ranked).toBeLessThan(size);
    const again = await db.db.transaction((tx) => storeRanks(tx, cycle.id));
    expect(again).toMatchObject({ written: 0, removed: 0 });
  }, 600_000);

  it('several moved units of one sector group (not shifted: ranked whole) leave it as a whole re-rank would', async () => {
    const { unit } = await kabupatenUnit();
    const list = (
      await q<{ unit_id: string; body_id: string }>(sql`
        select ur.unit_id, ur.body_id from unit_results ur join units u on u.id = ur.unit_id
        where ur.cycle_id = ${cycle.id} and u.sector = ${unit.sector} order by ur.unit_id limit 6`)
    ).rows;
    await db.db.transaction(async (tx) => {
      for (const [k, r] of list.entries())
        await tx.execute(sql`
          update records set answers = (
            select jsonb_object_agg(e.key, case when jsonb_typeof(e.value) = 'number' then to_jsonb(${k % 4}::int) else e.value end)
            from jsonb_each(answers::jsonb) e)
          where cycle_id = ${cycle.id} and unit_id = ${r.unit_id}`);
      await recomputeUnits(
        tx,
        cycle,
        list.map((r) => r.unit_id),
        { bodies: new Map(list.map((r) => [r.unit_id, r.body_id])) },
      );
    });
    expect(stored((await ranking(db.db, admin, cycle, { kind: 'sector', province: NATIONAL_SECTOR, sector: unit.sector })).items)).toEqual(
      await referenceSector(cycle, NATIONAL_SECTOR, unit.sector),
    );
    const again = await db.db.transaction((tx) => storeRanks(tx, cycle.id));
    expect(again).toMatchObject({ written: 0, removed: 0 });
  }, 600_000);

  it('a one-unit write shifts inside its body upsert (no rank statement of its own); one that also empties a unit of the group ranks it whole, exactly', async () => {
    const { unit } = await kabupatenUnit();
    const dialect = new PgDialect();
    // Every statement the write sends, as text.
    const sent: string[] = [];
    const recording = (tx: Tx) =>
      new Proxy(tx, {
        get(target, p, receiver) {
          if (p === 'execute')
            return (query: SQL) => {
              sent.push(dialect.sqlToQuery(query).sql);
              return target.execute(query);
            };
          const v = Reflect.get(target, p, receiver);
          return typeof v === 'function' ? v.bind(target) : v;
        },
      });
    const before = await rounded('unit_results', 'unit_id', unit.unit_id);
    await db.db.transaction(async (tx) => {
      await tx.execute(sql`
        update records r set answers = (
          select jsonb_object_agg(e.key, case when jsonb_typeof(e.value) = 'number' then to_jsonb(case when e.value::text = '0' then 3 else 0 end) else e.value end)
          from jsonb_each(r.answers::jsonb) e)
        where r.cycle_id = ${cycle.id} and r.unit_id = ${unit.unit_id}`);
      await recomputeUnits(recording(tx), cycle, [unit.unit_id], { bodies: new Map([[unit.unit_id, unit.body_id]]) });
    });
    expect(await rounded('unit_results', 'unit_id', unit.unit_id)).not.toBe(before);
    // The one statement that touches places is the body upsert (which shifts the unit's too).
    const ranksTouched = sent.filter((t) => t.includes('result_ranks'));
    expect(ranksTouched).toHaveLength(1);
    expect(ranksTouched[0]).toMatch(/insert into body_results/);
    expect(stored((await ranking(db.db, admin, cycle, { kind: 'national', type: 'kabupaten' })).items)).toEqual(
      await referenceGovernments(cycle, { kind: 'national', type: 'kabupaten' }),
    );
    expect(stored((await ranking(db.db, admin, cycle, { kind: 'sector', province: NATIONAL_SECTOR, sector: unit.sector })).items)).toEqual(
      await referenceSector(cycle, NATIONAL_SECTOR, unit.sector),
    );

    // The same unit moves back while another unit of its sector loses its records (it leaves the
    // groups: the shift alone would be wrong there) — in one write.
    const [gone] = (
      await q<{ unit_id: string; body_id: string }>(sql`
        select ur.unit_id, ur.body_id from unit_results ur join units u on u.id = ur.unit_id
        where ur.cycle_id = ${cycle.id} and u.sector = ${unit.sector} and ur.unit_id <> ${unit.unit_id} order by ur.unit_id limit 1`)
    ).rows;
    await db.db.transaction(async (tx) => {
      await tx.execute(sql`
        update records r set answers = (
          select jsonb_object_agg(e.key, case when jsonb_typeof(e.value) = 'number' then to_jsonb(case when e.value::text = '0' then 3 else 0 end) else e.value end)
          from jsonb_each(r.answers::jsonb) e)
        where r.cycle_id = ${cycle.id} and r.unit_id = ${unit.unit_id}`);
      await tx.execute(sql`delete from records where cycle_id = ${cycle.id} and unit_id = ${gone!.unit_id}`);
      await recomputeUnits(tx, cycle, [unit.unit_id, gone!.unit_id], {
        bodies: new Map([
          [unit.unit_id, unit.body_id],
          [gone!.unit_id, gone!.body_id],
        ]),
      });
    });
    expect(stored((await ranking(db.db, admin, cycle, { kind: 'sector', province: NATIONAL_SECTOR, sector: unit.sector })).items)).toEqual(
      await referenceSector(cycle, NATIONAL_SECTOR, unit.sector),
    );
    const again = await db.db.transaction((tx) => storeRanks(tx, cycle.id));
    expect(again).toMatchObject({ written: 0, removed: 0 });
  }, 600_000);

  it('a write that leaves the rounded scores as they were re-ranks nothing', async () => {
    const { unit } = await kabupatenUnit();
    const groups = ['national:kabupaten', `province:${unit.province}`, `sector:${NATIONAL_SECTOR}:${unit.sector}`];
    const marked = new Map<string, string>();
    for (const g of groups) marked.set(g, await mark(g, g.startsWith('sector:') ? unit.unit_id : unit.body_id));

    await write(unit, false);

    for (const g of groups) expect(await rankOf(g, marked.get(g)!), g).toBe(999);
    const again = await db.db.transaction((tx) => storeRanks(tx, cycle.id));
    expect(again).toMatchObject({ written: 3, removed: 0 });
  }, 600_000);

  it("removing a body from the locus re-ranks its groups and its units' sector groups", async () => {
    // A kabupaten without records can leave the locus: its results go, and so do its places.
    const { unit } = await kabupatenUnit();
    const unitIds = (
      await q<{ unit_id: string }>(sql`select unit_id from cycle_units where cycle_id = ${cycle.id} and body_id = ${unit.body_id}`)
    ).rows.map((r) => r.unit_id);
    await db.db.execute(sql`delete from records where cycle_id = ${cycle.id} and unit_id = any(${sql.param(unitIds)}::uuid[])`);
    // (The seeded cycle is in review; the locus only changes in planning or fieldwork.)
    await db.db.transaction(async (tx) =>
      removeLocusBody(tx, null, { ...cycle, status: 'fieldwork' }, (await getBodyRow(tx, unit.body_id))!),
    );
    const left = await q<{ n: number }>(
      sql`select count(*)::int as n from result_ranks where cycle_id = ${cycle.id} and subject_id = any(${sql.param([unit.body_id, ...unitIds])}::uuid[])`,
    );
    expect(left.rows[0]!.n).toBe(0);
    const again = await db.db.transaction((tx) => storeRanks(tx, cycle.id));
    expect(again).toMatchObject({ written: 0, removed: 0 });
  }, 600_000);
});
