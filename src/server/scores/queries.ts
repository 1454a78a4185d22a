// Reads over stored results: a unit's breakdown, a government's result with its units, rankings
// per group with movement against the previous cycle of the same scheme family, what-if under
// another scheme of the family, the improvement list, and a body's trend across cycles.
import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { aggregate, improvements, movement, rankGovernments, rankUnitsBySector, round2, whatIf } from '../../core/index.ts';
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
import { bodies } from '../registry/schema.ts';
import { bandRef, expandUnitScore, storedDimensionScores } from './breakdown.ts';
import { loadSheets } from './recompute.ts';
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
  const ranking = row ? await governmentRanking(tx, cycle) : null;
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

export interface GovRow extends RankInput {
  body: BodyRef;
  bandCode: string;
  complete: boolean;
  source: string;
}

async function governmentRows(tx: Queryable, cycleId: string): Promise<GovRow[]> {
  const rows = await tx
    .select({
      id: bodies.id,
      code: bodies.code,
      name: bodies.name,
      type: bodies.type,
      provinceCode: bodies.provinceCode,
      score: bodyResults.score,
      bandCode: bodyResults.bandCode,
      complete: bodyResults.complete,
      source: bodyResults.source,
    })
    .from(bodyResults)
    .innerJoin(bodies, eq(bodies.id, bodyResults.bodyId))
    .where(eq(bodyResults.cycleId, cycleId));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    type: r.type as RankInput['type'],
    ...(r.provinceCode ? { province: r.provinceCode } : {}),
    score: r.score,
    body: { id: r.id, code: r.code, name: r.name, type: r.type, provinceCode: r.provinceCode },
    bandCode: r.bandCode,
    complete: r.complete,
    source: r.source,
  }));
}

/** Per body: its national-per-type place and (kab/kota) provincial place, with movement. */
export async function governmentRanking(
  tx: Queryable,
  cycle: Cycle,
): Promise<Map<string, { nationalType: RankPlace; province: RankPlace | null; row: GovRow }>> {
  const rows = await governmentRows(tx, cycle.id);
  const prev = await previousCycle(tx, cycle);
  const prevPlaces = new Map<string, { group: string; rank: number }[]>();
  if (prev) {
    const prevRows = await governmentRows(tx, prev.id);
    rankGovernments(prevRows).forEach((r) => {
      const list = [{ group: r.nationalType.group, rank: r.nationalType.rank }];
      if (r.province) list.push({ group: r.province.group, rank: r.province.rank });
      prevPlaces.set(r.nationalType.row.id, list);
    });
  }
  const place = (id: string, group: string, rank: number, of: number): RankPlace => {
    const previousRank = prevPlaces.get(id)?.find((p) => p.group === group)?.rank ?? null;
    return { group, rank, of, previousRank, movement: movement(previousRank, rank) };
  };
  const out = new Map<string, { nationalType: RankPlace; province: RankPlace | null; row: GovRow }>();
  rankGovernments(rows).forEach((r) => {
    const id = r.nationalType.row.id;
    out.set(id, {
      row: r.nationalType.row,
      nationalType: place(id, r.nationalType.group, r.nationalType.rank, r.nationalType.of),
      province: r.province ? place(id, r.province.group, r.province.rank, r.province.of) : null,
    });
  });
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
export const NATIONAL_SECTOR = 'national';

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

  if (group.kind === 'sector') {
    const key = `sector:${group.province}:${group.sector}`;
    const rows = await unitRows(tx, cycle.id, group.province, group.sector);
    const prevRanks = new Map<string, number>();
    if (prev) for (const r of rankUnitsBySector(await unitRows(tx, prev.id, group.province, group.sector))) prevRanks.set(r.row.id, r.rank);
    const ranked = rankUnitsBySector(rows);
    const items: RankingRow[] = [];
    for (const r of ranked) {
      const row = r.row;
      const t: Target = {
        provinceCode: row.body.provinceCode,
        bodyId: row.body.id,
        unitId: row.id,
        assessorIds: assessors.get(row.id) ?? [],
        unitProvinceCodes: row.located ? [row.located] : [],
      };
      if (!visible(t)) continue;
      const previousRank = prevRanks.get(row.id) ?? null;
      items.push({
        group: key,
        rank: r.rank,
        of: r.of,
        previousRank,
        movement: movement(previousRank, r.rank),
        body: row.body,
        unit: { id: row.id, name: row.name, sector: row.sector! },
        score: row.score,
        band: bandRef(scheme, row.bandCode),
        complete: row.complete,
      });
    }
    return { group: key, previousCycle: prev, items, hidden: ranked.length - items.length };
  }

  const key = group.kind === 'national' ? `national:${group.type}` : `province:${group.province}`;
  const places = await governmentRanking(tx, cycle);
  const inGroup = [...places.values()]
    .map((p) => ({ p, place: group.kind === 'national' ? p.nationalType : p.province }))
    .filter((x): x is { p: typeof x.p; place: RankPlace } => x.place?.group === key)
    .sort((a, b) => a.place.rank - b.place.rank || collator.compare(a.p.row.name, b.p.row.name));
  const items: RankingRow[] = [];
  for (const { p, place } of inGroup) {
    const t: Target = { provinceCode: p.row.body.provinceCode, bodyId: p.row.id, assessorIds: assessors.get(p.row.id) ?? [] };
    if (!visible(t)) continue;
    items.push({
      ...place,
      body: p.row.body,
      unit: null,
      score: p.row.score,
      band: bandRef(scheme, p.row.bandCode),
      complete: p.row.complete,
    });
  }
  return { group: key, previousCycle: prev, items, hidden: inGroup.length - items.length };
}

const collator = new Intl.Collator('id');

/**
 * Issue 17: the units of ministries and agencies (bodies without a province) located in a
 * province, with their results; each is ranked among the province's units of its sector (the
 * same group as `group=sector&province=…`), and the caller sees the rows they may read.
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
  const ranked = rankUnitsBySector(
    rows.map((r) => ({ ...r, type: r.bodyType as RankInput['type'], province: provinceCode, place: unitPlaceOf(r)! })),
  ).sort((a, b) => collator.compare(a.row.sector, b.row.sector) || a.rank - b.rank || collator.compare(a.row.name, b.row.name));
  const items: VerticalOffices['items'] = [];
  for (const { row, rank, of } of ranked) {
    const t: Target = { provinceCode: null, bodyId: row.bodyId, unitId: row.id, unitProvinceCodes: [provinceCode] };
    if (!can(actor, 'result.read', { ...t, published: covers(released, null) })) continue;
    items.push({
      unit: { id: row.id, name: row.name, sector: row.sector },
      body: { id: row.bodyId, code: row.bodyCode, name: row.bodyName, type: row.bodyType, provinceCode: null },
      place: row.place,
      score: row.score,
      band: bandRef(scheme, row.bandCode),
      complete: row.complete,
      rank,
      of,
    });
  }
  return { provinceCode, items, hidden: ranked.length - items.length };
}

interface UnitRankRow extends RankInput {
  body: BodyRef;
  /** Where the unit is (its kabupaten/kota's province), for the unit-located policy scope. */
  located: string | null;
  bandCode: string;
  complete: boolean;
}

async function unitRows(tx: Queryable, cycleId: string, province: string, sector: string): Promise<UnitRankRow[]> {
  // Issue 17: a unit is in the province of its body, or (a ministry's or agency's) where it is located.
  const national = province === NATIONAL_SECTOR;
  const rows = await scoredUnits(tx, cycleId, { ...(national ? {} : { provinceCode: province }), sector, located: true });
  return rows.map((r) => ({
    id: r.id,
    // Units share names across bodies ("Disdukcapil"): rank display needs the body too.
    name: `${r.name} — ${r.bodyName}`,
    type: r.bodyType as RankInput['type'],
    // One group: the province asked for, or the whole country.
    province: national ? NATIONAL_SECTOR : province,
    located: r.unitProvinceCode ?? null,
    sector: r.sector,
    score: r.score,
    body: { id: r.bodyId, code: r.bodyCode, name: r.bodyName, type: r.bodyType, provinceCode: r.provinceCode },
    bandCode: r.bandCode,
    complete: r.complete,
  }));
}

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
    .where(and(eq(bodyResults.bodyId, body.id), family ? eq(cycles.family, family) : undefined))
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
