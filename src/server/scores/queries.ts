// Reads over stored results: a unit's breakdown, a government's result with its units, rankings
// per group with movement against the previous cycle of the same scheme family, what-if under
// another scheme of the family, the improvement list, and a body's trend across cycles.
import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { aggregate, improvements, movement, round2, whatIf } from '../../core/index.ts';
import type { BandRef, Improvement, Lang, QualifierResult, RankInput, Scheme, UnitScore } from '../../core/types.ts';
import { getScheme } from '../../../methodologies/index.ts';
import type { Actor, Target } from '../auth/policy.ts';
import { can } from '../auth/policy.ts';
import type { Queryable } from '../db/client.ts';
import { AppError, detailText } from '../errors.ts';
import { cycleScheme } from '../cycles/queries.ts';
import { type CycleUnitContext, bodyUnitResults, getLocusEntry, scoredUnits, unitPlaceOf } from '../read-models/locus.ts';
import { bodyCoveredSql, covers, cyclePublicSql, cycleScopes } from '../publications/visibility.ts';
import { cycleUnits, cycles } from '../cycles/schema.ts';
import { bandRef, expandUnitScore, storedDimensionScores } from './breakdown.ts';
import { loadSheets } from './recompute.ts';
import { NATIONAL_SECTOR } from './ranks.ts';
import { bodyResults, unitResults } from './schema.ts';
import type { Cycle } from '../../shared/wire/cycles.ts';
import type { BodyRef, UnitRef } from '../../shared/wire/registry.ts';
import type {
  BodyResult,
  Ranking,
  RankingRow,
  RankPlace,
  ScoreRef,
  StoredUnitScore,
  TrendItem,
  UnitPoints,
  VerticalOffices,
} from '../../shared/wire/scores.ts';

/** A government's result as the route sends it, without the cycle (the route adds it). */
export type BodyResultOf = Omit<BodyResult, 'cycle'>;
type BodyUnitResult = BodyResult['units'][number];
/** A ranking group as the route sends it, without the cycle (the route adds it). */
export type RankingOf = Omit<Ranking, 'cycle'>;

// ── Unit ────────────────────────────────────────────────────────────────────────────────────

export interface UnitResultView {
  result: UnitScore;
  computedAt: string;
}

export async function getUnitResult(tx: Queryable, cu: CycleUnitContext): Promise<UnitResultView | null> {
  const [row] = await tx
    .select({ breakdown: unitResults.breakdown, computedAt: unitResults.computedAt })
    .from(unitResults)
    .where(and(eq(unitResults.cycleId, cu.cycle.id), eq(unitResults.unitId, cu.unit.id)));
  if (!row) return null;
  const scheme = await cycleScheme(tx, cu.cycle);
  // issue 11: the stored breakdown counts the unit's F-03 questionnaire responses (scores/recompute.ts).
  return { result: expandUnitScore(scheme, row.breakdown as StoredUnitScore), computedAt: row.computedAt.toISOString() };
}

// ── Body ────────────────────────────────────────────────────────────────────────────────────

export async function getBodyResult(tx: Queryable, cycle: Cycle, body: BodyRef): Promise<BodyResultOf> {
  const scheme = await cycleScheme(tx, cycle);
  const entry = await getLocusEntry(tx, cycle.id, body.id);
  const [row] = await tx
    .select()
    .from(bodyResults)
    .where(and(eq(bodyResults.cycleId, cycle.id), eq(bodyResults.bodyId, body.id)));
  const unitRows = await bodyUnitResults(tx, cycle.id, body.id);
  const list: BodyUnitResult[] = unitRows.map((u) => ({
    id: u.id,
    name: u.name,
    sector: u.sector,
    status: u.status,
    result:
      u.score === null
        ? null
        : {
            score: u.score,
            band: bandRef(scheme, u.bandCode!),
            complete: u.complete!,
            dimensions: storedDimensionScores(u.breakdown as StoredUnitScore),
          },
    place: unitPlaceOf(u),
  }));
  const scored = list.filter((u) => u.result);
  const dimensions = scheme.dimensions.map((d) => {
    const values = scored.map((u) => u.result!.dimensions.find((x) => x.code === d.code)?.score ?? 0);
    return { code: d.code, title: d.title, weight: d.weight, score: values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0 };
  });
  const ranking = row ? await governmentRanking(tx, cycle, body.id) : null;
  const mine = ranking?.get(body.id);
  return {
    body,
    status: entry?.status ?? 'open',
    followups: entry?.followups ?? null,
    result: row
      ? {
          raw: row.raw,
          score: row.score,
          band: bandRef(scheme, row.bandCode),
          complete: row.complete,
          units: row.units,
          qualifiers: row.qualifiers as QualifierResult[],
          source: row.source,
          computedAt: row.computedAt.toISOString(),
        }
      : null,
    dimensions: scored.length ? dimensions : [],
    ranks: { nationalType: mine?.nationalType ?? null, province: mine?.province ?? null },
    units: list,
  };
}

// ── Rankings ────────────────────────────────────────────────────────────────────────────────

/**
 * The latest cycle of the same scheme family from an earlier year that has a released current
 * publication (movement is against it).
 */
export async function previousCycle(
  tx: Queryable,
  cycle: Cycle,
): Promise<{ id: string; name: string; year: number; schemeId: string } | null> {
  const [row] = await tx
    .select({ id: cycles.id, name: cycles.name, year: cycles.year, schemeId: cycles.schemeId })
    .from(cycles)
    .where(and(eq(cycles.family, cycle.family), lt(cycles.year, cycle.year), cyclePublicSql(cycles.id)))
    .orderBy(desc(cycles.year), desc(cycles.createdAt))
    .limit(1);
  return row ?? null;
}

type RankRow = { subject_id: string; group_key: string; rank: number; group_size: number; prev_rank: number | null };

const place = (r: { group_key: string; rank: number; group_size: number; prev_rank: number | null }): RankPlace => {
  const previousRank = r.prev_rank === null ? null : Number(r.prev_rank);
  const rank = Number(r.rank);
  return { group: r.group_key, rank, of: Number(r.group_size), previousRank, movement: movement(previousRank, rank) };
};

/** The previous cycle's place in the same group and of the same subject (for movement). */
const previousPlaceJoin = (prevId: string | null) =>
  sql`left join result_ranks p on p.cycle_id = ${prevId}::uuid and p.group_key = rr.group_key and p.subject_id = rr.subject_id`;

/**
 * Per body: its national-per-type place and (kab/kota) provincial place, with movement against
 * the previous cycle — read from the ranks stored at recompute time (scores/ranks.ts).
 */
export async function governmentRanking(
  tx: Queryable,
  cycle: Cycle,
  only?: string,
): Promise<Map<string, { nationalType: RankPlace; province: RankPlace | null }>> {
  const prev = await previousCycle(tx, cycle);
  const list = (
    (await tx.execute(sql`
      select rr.subject_id, rr.group_key, rr.rank, rr.group_size, p.rank as prev_rank
      from result_ranks rr ${previousPlaceJoin(prev?.id ?? null)}
      where rr.cycle_id = ${cycle.id} and rr.group_key not like 'sector:%'${only === undefined ? sql`` : sql` and rr.subject_id = ${only}`}`)) as unknown as {
      rows: RankRow[];
    }
  ).rows;
  const out = new Map<string, { nationalType: RankPlace; province: RankPlace | null }>();
  for (const r of list) {
    let entry = out.get(r.subject_id);
    if (!entry) out.set(r.subject_id, (entry = { nationalType: null as unknown as RankPlace, province: null }));
    if (r.group_key.startsWith('national:')) entry.nationalType = place(r);
    else entry.province = place(r);
  }
  return out;
}

export type RankingGroup =
  | { kind: 'national'; type: RankInput['type'] }
  | { kind: 'province'; province: string }
  | { kind: 'sector'; province: string; sector: string };

/** The group a rankings query names; 400 when the group's own field is missing. */
export function rankingGroupOf(
  query: {
    group: 'national' | 'province' | 'sector';
    type?: RankInput['type'] | undefined;
    province?: string | undefined;
    sector?: string | undefined;
  },
  lang: Lang,
): RankingGroup {
  const need = <T>(value: T | undefined, field: string): T => {
    if (value !== undefined) return value;
    throw new AppError('request.invalid', { summary: detailText('ranking.field_required', lang, { field, group: query.group }) });
  };
  if (query.group === 'national') return { kind: 'national', type: need(query.type, 'type') };
  if (query.group === 'province') return { kind: 'province', province: need(query.province, 'province') };
  // Issue 17: a sector without a province ranks every unit of it nationally (all Polres).
  return { kind: 'sector', province: query.province ?? NATIONAL_SECTOR, sector: need(query.sector, 'sector') };
}

/** Issue 17: the `province` of a national sector ranking group (`sector:national:kepolisian`). */
export { NATIONAL_SECTOR };

/**
 * One ranking group, ranked by the engine over every row of the group; the caller sees the rows
 * they may read (result.read), each with its place, previous place and movement.
 */
export async function ranking(tx: Queryable, actor: Actor | null, cycle: Cycle, group: RankingGroup): Promise<RankingOf> {
  const scheme = await cycleScheme(tx, cycle);
  const prev = await previousCycle(tx, cycle);
  // Per body: public once a released current publication covers it.
  const released = (await cycleScopes(tx, cycle.id)).released;
  const assessors = new Map<string, string[]>();
  if (actor?.role === 'asisten') {
    const rows = await tx
      .select({ bodyId: cycleUnits.bodyId, unitId: cycleUnits.unitId, assessorId: cycleUnits.assessorId })
      .from(cycleUnits)
      .where(and(eq(cycleUnits.cycleId, cycle.id), eq(cycleUnits.assessorId, actor.id)));
    for (const r of rows) {
      assessors.set(r.bodyId, [actor.id]);
      assessors.set(r.unitId, [actor.id]);
    }
  }
  const visible = (t: Target) => can(actor, 'result.read', { ...t, published: covers(released, t.provinceCode ?? null) });

  const key =
    group.kind === 'sector'
      ? `sector:${group.province}:${group.sector}`
      : group.kind === 'national'
        ? `national:${group.type}`
        : `province:${group.province}`;
  const prevJoin = previousPlaceJoin(prev?.id ?? null);

  if (group.kind === 'sector') {
    const list = (
      (await tx.execute(sql`
        select rr.subject_id, rr.rank, rr.group_size, p.rank as prev_rank, u.name, u.sector,
          nullif(split_part(u.regency_code, '.', 1), '') as located,
          b.id as body_id, b.code as body_code, b.name as body_name, b.type as body_type, b.province_code,
          ur.score, ur.band_code, ur.complete
        from result_ranks rr
        join unit_results ur on ur.cycle_id = rr.cycle_id and ur.unit_id = rr.subject_id
        join units u on u.id = rr.subject_id
        join bodies b on b.id = ur.body_id
        ${prevJoin}
        where rr.cycle_id = ${cycle.id} and rr.group_key = ${key}`)) as unknown as {
        rows: (Omit<RankRow, 'group_key'> & {
          name: string;
          sector: string;
          located: string | null;
          body_id: string;
          body_code: string;
          body_name: string;
          body_type: string;
          province_code: string | null;
          score: number;
          band_code: string;
          complete: boolean;
        })[];
      }
    ).rows;
    // Display order inside the group as the engine's: rank, then name (units share names across
    // bodies, so with the body's), then id.
    const named = list.map((r) => ({ r, name: `${r.name} — ${r.body_name}` }));
    named.sort((a, b) => a.r.rank - b.r.rank || collator.compare(a.name, b.name) || byId(a.r.subject_id, b.r.subject_id));
    const items: RankingRow[] = [];
    for (const { r } of named) {
      const body: BodyRef = { id: r.body_id, code: r.body_code, name: r.body_name, type: r.body_type, provinceCode: r.province_code };
      const t: Target = {
        provinceCode: r.province_code,
        bodyId: r.body_id,
        unitId: r.subject_id,
        assessorIds: assessors.get(r.subject_id) ?? [],
        unitProvinceCodes: r.located ? [r.located] : [],
      };
      if (!visible(t)) continue;
      items.push({
        ...place({ ...r, group_key: key }),
        body,
        unit: { id: r.subject_id, name: r.name, sector: r.sector },
        score: Number(r.score),
        band: bandRef(scheme, r.band_code),
        complete: r.complete,
      });
    }
    return { group: key, previousCycle: prev, items, hidden: list.length - items.length };
  }

  const list = (
    (await tx.execute(sql`
      select rr.subject_id, rr.rank, rr.group_size, p.rank as prev_rank,
        b.code, b.name, b.type, b.province_code, br.score, br.band_code, br.complete
      from result_ranks rr
      join body_results br on br.cycle_id = rr.cycle_id and br.body_id = rr.subject_id
      join bodies b on b.id = rr.subject_id
      ${prevJoin}
      where rr.cycle_id = ${cycle.id} and rr.group_key = ${key}`)) as unknown as {
      rows: (Omit<RankRow, 'group_key'> & {
        code: string;
        name: string;
        type: string;
        province_code: string | null;
        score: number;
        band_code: string;
        complete: boolean;
      })[];
    }
  ).rows;
  list.sort((a, b) => a.rank - b.rank || collator.compare(a.name, b.name) || byId(a.subject_id, b.subject_id));
  const items: RankingRow[] = [];
  for (const r of list) {
    const t: Target = { provinceCode: r.province_code, bodyId: r.subject_id, assessorIds: assessors.get(r.subject_id) ?? [] };
    if (!visible(t)) continue;
    items.push({
      ...place({ ...r, group_key: key }),
      body: { id: r.subject_id, code: r.code, name: r.name, type: r.type, provinceCode: r.province_code },
      unit: null,
      score: Number(r.score),
      band: bandRef(scheme, r.band_code),
      complete: r.complete,
    });
  }
  return { group: key, previousCycle: prev, items, hidden: list.length - items.length };
}

const collator = new Intl.Collator('id');

/**
 * Issue 17: the units of ministries and agencies (bodies without a province) located in a
 * province, with their results; each with its place among the province's units of its sector —
 * the stored group `sector:<province>:<sector>` that `group=sector&province=…` lists (ranked at
 * recompute time, scores/ranks.ts) — and the caller sees the rows they may read.
 */
export async function verticalOffices(
  tx: Queryable,
  actor: Actor | null,
  cycle: Cycle,
  provinceCode: string,
): Promise<Omit<VerticalOffices, 'cycle'>> {
  const scheme = await cycleScheme(tx, cycle);
  const released = (await cycleScopes(tx, cycle.id)).released;
  const rows = (await scoredUnits(tx, cycle.id, { provinceCode, located: true })).filter((r) => r.provinceCode === null);
  const groups = [...new Set(rows.map((r) => `sector:${provinceCode}:${r.sector}`))];
  const places = new Map<string, { rank: number; of: number }>();
  if (rows.length > 0) {
    const stored = (await tx.execute(sql`
      select subject_id, rank, group_size from result_ranks
      where cycle_id = ${cycle.id} and group_key = any(${sql.param(groups)}::text[])
        and subject_id = any(${sql.param(rows.map((r) => r.id))}::uuid[])`)) as unknown as {
      rows: { subject_id: string; rank: number; group_size: number }[];
    };
    for (const r of stored.rows) places.set(r.subject_id, { rank: Number(r.rank), of: Number(r.group_size) });
  }
  // Every scored unit with a sector has its place stored (ranks.test.ts); one without is not listed.
  const ranked = rows
    .filter((row) => places.has(row.id))
    .map((row) => ({ row, ...places.get(row.id)! }))
    .sort((a, b) => collator.compare(a.row.sector, b.row.sector) || a.rank - b.rank || collator.compare(a.row.name, b.row.name));
  const items: VerticalOffices['items'] = [];
  for (const { row, rank, of } of ranked) {
    const t: Target = { provinceCode: null, bodyId: row.bodyId, unitId: row.id, unitProvinceCodes: [provinceCode] };
    if (!can(actor, 'result.read', { ...t, published: covers(released, null) })) continue;
    items.push({
      unit: { id: row.id, name: row.name, sector: row.sector },
      body: { id: row.bodyId, code: row.bodyCode, name: row.bodyName, type: row.bodyType, provinceCode: null },
      place: unitPlaceOf(row)!,
      score: row.score,
      band: bandRef(scheme, row.bandCode),
      complete: row.complete,
      rank,
      of,
    });
  }
  return { provinceCode, items, hidden: ranked.length - items.length };
}

/**
 * Issue 17 §4: the scored units located in a province that have coordinates — its governments'
 * units and the ministries' and agencies' units located there — for the map. Rows the caller may
 * not read (for the public: bodies no released publication covers) are counted in `hidden`.
 */
export async function unitPoints(
  tx: Queryable,
  actor: Actor | null,
  cycle: Cycle,
  provinceCode: string,
): Promise<Omit<UnitPoints, 'cycle'>> {
  const scheme = await cycleScheme(tx, cycle);
  const released = (await cycleScopes(tx, cycle.id)).released;
  const rows = (await scoredUnits(tx, cycle.id, { provinceCode, located: true })).filter(
    (r) => r.latitude !== null && r.longitude !== null,
  );
  const items: UnitPoints['items'] = [];
  for (const row of rows) {
    const t: Target = {
      provinceCode: row.provinceCode,
      bodyId: row.bodyId,
      unitId: row.id,
      unitProvinceCodes: row.unitProvinceCode ? [row.unitProvinceCode] : [],
    };
    if (!can(actor, 'result.read', { ...t, published: covers(released, row.provinceCode) })) continue;
    items.push({
      unit: { id: row.id, name: row.name, sector: row.sector },
      body: { id: row.bodyId, code: row.bodyCode, name: row.bodyName, type: row.bodyType, provinceCode: row.provinceCode },
      place: unitPlaceOf(row),
      latitude: row.latitude!,
      longitude: row.longitude!,
      score: row.score,
      band: bandRef(scheme, row.bandCode),
      complete: row.complete,
    });
  }
  items.sort((a, b) => collator.compare(a.unit.name, b.unit.name) || byId(a.unit.id, b.unit.id));
  return { provinceCode, items, hidden: rows.length - items.length };
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// ── What-if and improvements ────────────────────────────────────────────────────────────────

export function libraryScheme(id: string): Scheme {
  const scheme = getScheme(id);
  if (!scheme) throw new AppError('scheme.unknown', { scheme: id });
  return scheme;
}

const scoreRef = (u: { score: number; band: BandRef; complete: boolean }): ScoreRef => ({
  score: u.score,
  band: u.band,
  complete: u.complete,
});

export async function unitWhatIf(tx: Queryable, cu: CycleUnitContext, targetId: string) {
  const from = await cycleScheme(tx, cu.cycle);
  const to = libraryScheme(targetId);
  const sheets = (await loadSheets(tx, cu.cycle.id, [cu.unit.id])).get(cu.unit.id) ?? [];
  if (sheets.length === 0) throw new AppError('unit.no_records', { unit: cu.unit.name });
  const w = whatIf(from, to, { sheets });
  return { fromScheme: from.id, toScheme: to.id, from: w.from, to: w.to, delta: w.delta, unmapped: w.unmapped };
}

export async function bodyWhatIf(tx: Queryable, cycle: Cycle, body: BodyRef, targetId: string) {
  const from = await cycleScheme(tx, cycle);
  const to = libraryScheme(targetId);
  const list = (await bodyUnitResults(tx, cycle.id, body.id)).map((u) => ({ id: u.id, name: u.name, sector: u.sector }));
  const sheets = await loadSheets(
    tx,
    cycle.id,
    list.map((u) => u.id),
  );
  const entry = await getLocusEntry(tx, cycle.id, body.id);
  const rows = list
    .filter((u) => (sheets.get(u.id)?.length ?? 0) > 0)
    .map((u) => ({ unit: u, w: whatIf(from, to, { sheets: sheets.get(u.id)! }) }));
  if (rows.length === 0) throw new AppError('unit.no_records', { unit: body.name });
  const followups = entry?.followups ?? undefined;
  const gFrom = aggregate(
    from,
    rows.map((r) => r.w.from),
    followups,
  );
  const gTo = aggregate(
    to,
    rows.map((r) => r.w.to),
    followups,
  );
  return {
    fromScheme: from.id,
    toScheme: to.id,
    from: { ...scoreRef(gFrom), qualifiers: gFrom.qualifiers },
    to: { ...scoreRef(gTo), qualifiers: gTo.qualifiers },
    delta: round2(gTo.score - gFrom.score),
    units: rows.map((r) => ({ unit: r.unit, from: scoreRef(r.w.from), to: scoreRef(r.w.to), delta: r.w.delta, unmapped: r.w.unmapped })),
  };
}

/** The government context of a unit: how many assessed units and their total weight. */
async function governmentContext(
  tx: Queryable,
  cycleId: string,
  bodyId: string,
): Promise<{ governmentUnits: number; governmentWeight: number }> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int`, w: sql<number>`coalesce(sum(${unitResults.weight}), 0)::float8` })
    .from(unitResults)
    .where(and(eq(unitResults.cycleId, cycleId), eq(unitResults.bodyId, bodyId)));
  return { governmentUnits: Math.max(1, row?.n ?? 1), governmentWeight: Number(row?.w ?? 0) };
}

export async function unitImprovements(
  tx: Queryable,
  cu: CycleUnitContext,
  limit: number,
): Promise<{ items: Improvement[]; total: number }> {
  const scheme = await cycleScheme(tx, cu.cycle);
  const sheets = (await loadSheets(tx, cu.cycle.id, [cu.unit.id])).get(cu.unit.id) ?? [];
  const context = await governmentContext(tx, cu.cycle.id, cu.body.id);
  const all = improvements(scheme, { sheets }, { ...context, governmentWeight: context.governmentWeight || 1 });
  return { items: all.slice(0, limit), total: all.length };
}

export async function bodyImprovements(tx: Queryable, cycle: Cycle, body: BodyRef, limit: number) {
  const scheme = await cycleScheme(tx, cycle);
  const list = (await bodyUnitResults(tx, cycle.id, body.id)).map((u) => ({ id: u.id, name: u.name, sector: u.sector }));
  const sheets = await loadSheets(
    tx,
    cycle.id,
    list.map((u) => u.id),
  );
  const context = await governmentContext(tx, cycle.id, body.id);
  const all: (Improvement & { unit: UnitRef })[] = [];
  for (const u of list) {
    const s = sheets.get(u.id);
    if (!s || s.length === 0) continue;
    for (const item of improvements(scheme, { sheets: s }, { ...context, governmentWeight: context.governmentWeight || 1 }))
      all.push({ ...item, unit: u });
  }
  const key = (g: number) => Math.round(g * 1e9);
  all.sort(
    (a, b) =>
      key(b.governmentGain) - key(a.governmentGain) ||
      collator.compare(a.unit.name, b.unit.name) ||
      (a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : 0) ||
      a.to - b.to,
  );
  return { items: all.slice(0, limit), total: all.length };
}

// ── Trend ───────────────────────────────────────────────────────────────────────────────────

/** A body's results across cycles, oldest first, limited to cycles the caller may read. */
export async function bodyTrend(tx: Queryable, actor: Actor | null, body: BodyRef, family?: string): Promise<TrendItem[]> {
  const rows = await tx
    .select({
      id: cycles.id,
      name: cycles.name,
      year: cycles.year,
      schemeId: cycles.schemeId,
      schemeHash: cycles.schemeHash,
      family: cycles.family,
      status: cycles.status,
      score: bodyResults.score,
      bandCode: bodyResults.bandCode,
      complete: bodyResults.complete,
      source: bodyResults.source,
      published: sql<boolean>`${bodyCoveredSql(cycles.id, body.provinceCode, { released: true })}`,
    })
    .from(bodyResults)
    .innerJoin(cycles, eq(cycles.id, bodyResults.cycleId))
    .where(and(eq(bodyResults.bodyId, body.id), eq(cycles.kind, 'official'), family ? eq(cycles.family, family) : undefined))
    .orderBy(asc(cycles.year), asc(cycles.createdAt));
  const ids = rows.map((r) => r.id);
  const assessed = new Set(
    actor?.role === 'asisten' && ids.length
      ? (
          await tx
            .select({ cycleId: cycleUnits.cycleId })
            .from(cycleUnits)
            .where(and(inArray(cycleUnits.cycleId, ids), eq(cycleUnits.bodyId, body.id), eq(cycleUnits.assessorId, actor.id)))
        ).map((r) => r.cycleId)
      : [],
  );
  const out: TrendItem[] = [];
  for (const r of rows) {
    const t: Target = {
      provinceCode: body.provinceCode,
      bodyId: body.id,
      assessorIds: assessed.has(r.id) ? [actor!.id] : [],
      published: !!r.published,
    };
    if (!can(actor, 'result.read', t)) continue;
    const scheme = await cycleScheme(tx, { id: r.id, schemeHash: r.schemeHash });
    out.push({
      cycle: { id: r.id, name: r.name, year: r.year, schemeId: r.schemeId, family: r.family, status: r.status, published: !!r.published },
      score: r.score,
      band: bandRef(scheme, r.bandCode),
      complete: r.complete,
      source: r.source,
    });
  }
  return out;
}
