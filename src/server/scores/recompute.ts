// Recomputes stored results with the engine, set-based: the records of every affected unit are
// fetched in one query, scored in memory under the cycle's frozen scheme, and written back with
// batched upserts (a JSON recordset per chunk); then each affected body is aggregated from its
// unit results. The same path serves one unit after a write and a whole national cycle.
import { type SQL, sql } from 'drizzle-orm';
import { aggregate, scoreUnit } from '../../core/index.ts';
import { unitQuotaMap } from '../visits/quotas.ts'; // issue 13 §5
import type { QualifierInput, Scheme, Sheet } from '../../core/types.ts';
import { type AuditActor, appendAudit } from '../audit/queries.ts';
import type { Queryable, Tx } from '../db/client.ts';
import { cycleScheme } from '../cycles/queries.ts';
import { compactUnitScore } from './breakdown.ts';
import type { Cycle } from '../../shared/wire/cycles.ts';
import { effectiveAnswers, loadOverrides } from './overrides.ts';
import { INCREMENTAL_MAX, shiftCtes, storeRanks } from './ranks.ts';

/** Rows written per upsert statement. */
const CHUNK = 500;

async function rows<T>(tx: Queryable, query: ReturnType<typeof sql>): Promise<T[]> {
  const res = (await tx.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}

const unitFilter = (unitIds: readonly string[] | 'all') =>
  unitIds === 'all' ? sql`` : sql` and unit_id = any(${sql.param(unitIds)}::uuid[])`;

/**
 * The sheets of the given units (all units of the cycle for 'all'), grouped by unit.
 *
 * Under 'sheets' aggregation a unit's score does not depend on the order of its sheets (answers
 * are whole numbers, so their sums are exact) nor on record ids or respondent labels, so only
 * instrument and answers are fetched — a third less to transfer and parse for a national
 * recompute. Under 'products' aggregation (ombudsman-2021) ids and labels come too, and sheets
 * are put in id order so the product list is stable.
 */
export async function loadSheets(
  tx: Queryable,
  cycleId: string,
  unitIds: readonly string[] | 'all',
  identity = true,
): Promise<Map<string, Sheet[]>> {
  const out = new Map<string, Sheet[]>();
  if (unitIds !== 'all' && unitIds.length === 0) return out;
  // Decisions on disputes and errata are overrides on top of the raw answers (scores/overrides.ts);
  // applying them needs the record ids.
  const overrides = await loadOverrides(tx, cycleId, unitIds);
  const withIds = identity || overrides.size > 0;
  const list = await rows<{ id?: string; unit_id: string; instrument: string; respondent?: string | null; answers: Sheet['answers'] }>(
    tx,
    withIds
      ? sql`select id, unit_id, instrument, respondent, answers from records where cycle_id = ${cycleId}${unitFilter(unitIds)}`
      : sql`select unit_id, instrument, answers from records where cycle_id = ${cycleId}${unitFilter(unitIds)}`,
  );
  for (const r of list) {
    let sheets = out.get(r.unit_id);
    if (!sheets) out.set(r.unit_id, (sheets = []));
    const sheet: Sheet = {
      instrument: r.instrument,
      answers: r.id === undefined ? r.answers : effectiveAnswers(r.id, r.answers, overrides.get(r.unit_id)),
    };
    if (r.id !== undefined) sheet.id = r.id;
    if (r.respondent !== undefined && r.respondent !== null) sheet.respondent = r.respondent;
    sheets.push(sheet);
  }
  await addSurveySheets(tx, cycleId, unitIds, out);
  if (withIds) for (const sheets of out.values()) sheets.sort((a, b) => (a.id! < b.id! ? -1 : a.id! > b.id! ? 1 : 0));
  return out;
}

/**
 * Issue 11 §6: the accepted (not flagged) responses of the units' F-03 public questionnaires —
 * online, kiosk and the paper forms typed into the survey — join the units' sheets as sheets of
 * the survey's instrument (PEKPPP's 'beside' F-03), so the stored progress, completeness and
 * supplement means count them with the F-03 sheets typed as records. They join a unit that has
 * records of its own only: questionnaire answers alone do not make a result (a unit still in
 * preparation is not scored and ranked at zero). One query; no rows for cycles without F-03 surveys.
 */
async function addSurveySheets(tx: Queryable, cycleId: string, unitIds: readonly string[] | 'all', out: Map<string, Sheet[]>) {
  if (out.size === 0) return;
  const list = await rows<{ id: string; unit_id: string; instrument: string; answers: Sheet['answers'] }>(
    tx,
    sql`select r.id, s.unit_id, s.instrument, r.answers from surveys s join survey_responses r on r.survey_id = s.id
        where s.cycle_id = ${cycleId} and s.kind = 'f03' and r.accepted${
          unitIds === 'all' ? sql`` : sql` and s.unit_id = any(${sql.param(unitIds)}::uuid[])`
        }`,
  );
  for (const r of list) out.get(r.unit_id)?.push({ id: r.id, instrument: r.instrument, answers: r.answers });
}

export interface RecomputeSummary {
  units: number;
  bodies: number;
}

/** Milliseconds per phase, filled when given (benchmarks). */
export interface RecomputeTimings {
  load?: number;
  score?: number;
  writeUnits?: number;
  bodies?: number;
  /** Re-ranking the affected groups and writing the moved places (scores/ranks.ts). */
  ranks?: number;
}

/** Units scored per step: their records are loaded while the previous step is scored and written. */
const UNITS_PER_STEP = 400;

type UnitRow = {
  unit_id: string;
  body_id: string;
  raw: number;
  score: number;
  band_code: string;
  complete: boolean;
  weight: number;
  breakdown: unknown;
};

/**
 * The engine's rounding of a stored score in SQL (as `scores/ranks.ts` ranks it): a write whose
 * rounded score stays the same moves no place, so its groups are not re-ranked.
 */
const movedScore = (before: ReturnType<typeof sql>, after: ReturnType<typeof sql>) =>
  sql`round(${before}::numeric, 2) is distinct from round(${after}::numeric, 2)`;

/**
 * What a score upsert does for the stored ranks: nothing (false: a write that stores no ranks,
 * bench/ranks.ts's baseline — old scores not even read); report the subjects whose rounded score
 * moved ('track'); or — the body upsert of a write of a few units some of whose scores moved —
 * also shift the places of those units and of the bodies it moves, in the same statement
 * (`{ units }`: no statement of its own for the re-rank; `shiftCtes` in ranks.ts).
 */
type RankWork = false | 'track' | { units: readonly string[] };

/**
 * The end of a score upsert statement that follows the CTEs `x`, `before` (old scores, as `s`,
 * `score`) and `up` (the upsert, returning `s`, `score` and for units `body_id`): rows `s` (a
 * moved subject), `shifted` (its places shifted here) and `unit` (one of `work.units`, listed
 * when shifted). The new scores are read from `up` (the statement's sub-statements see the tables
 * as they were); those of `work.units` are already stored by an earlier statement.
 */
function movedTail(cycleId: string, work: RankWork): SQL {
  if (work === false) return sql`select null::uuid as s, false as shifted, false as unit where false`;
  const mv = sql`mv as (select up.* from up left join before b on b.s = up.s where ${movedScore(sql`b.score`, sql`up.score`)})`;
  if (work === 'track') return sql`, ${mv} select mv.s, false as shifted, false as unit from mv`;
  const units = sql.param(work.units);
  return sql`, ${mv},
      mu as (select ur.unit_id as s, ur.body_id, ur.score from unit_results ur where ur.cycle_id = ${cycleId} and ur.unit_id = any(${units}::uuid[]))
      ${shiftCtes(cycleId, { bodies: sql`mv`, units: sql`mu` }, { subjects: sql`select s from mv union all select unnest(${units}::uuid[])` })}
      select mv.s, mv.s in (select s from ok) as shifted, false as unit from mv
      union all select ok.s, true, true from ok where ok.s = any(${units}::uuid[])`;
}

/**
 * Upserts unit results; returns the units whose rounded score moved (new ones included). Without
 * `track` (a write that stores no ranks: bench/ranks.ts's baseline) the old scores are not read.
 */
async function writeUnitResults(tx: Tx, cycleId: string, results: UnitRow[], at: string, track = true): Promise<string[]> {
  const moved: string[] = [];
  for (let i = 0; i < results.length; i += CHUNK) {
    const chunk = JSON.stringify(results.slice(i, i + CHUNK));
    // Every sub-statement sees the table as it was before the upsert: `before` holds the old scores.
    const list = await rows<{ s: string }>(
      tx,
      sql`
      with x as (
        select * from json_to_recordset(${chunk}::json)
          as x(unit_id uuid, body_id uuid, raw float8, score float8, band_code text, complete boolean, weight float8, breakdown json)
      ),
      before as (select ur.unit_id as s, ur.score from unit_results ur where ${track ? sql`ur.cycle_id = ${cycleId} and ur.unit_id in (select unit_id from x)` : sql`false`}),
      up as (
        insert into unit_results (cycle_id, unit_id, body_id, raw, score, band_code, complete, weight, breakdown, computed_at)
        select ${cycleId}::uuid, x.unit_id, x.body_id, x.raw, x.score, x.band_code, x.complete, x.weight, x.breakdown, ${at}::timestamptz
        from x
        on conflict (cycle_id, unit_id) do update set body_id = excluded.body_id, raw = excluded.raw, score = excluded.score,
          band_code = excluded.band_code, complete = excluded.complete, weight = excluded.weight, breakdown = excluded.breakdown,
          computed_at = excluded.computed_at
        returning unit_id as s, body_id, score
      )${movedTail(cycleId, track ? 'track' : false)}`,
    );
    for (const r of list) moved.push(r.s);
  }
  return moved;
}

/**
 * Recomputes the given units of a cycle (or all of them) and the bodies they belong to. Units
 * without records lose their result; so do bodies without any unit result.
 *
 * Set-based and pipelined: units go in steps of a few hundred; the records of the next step are
 * requested before the current one is scored, and each step's upsert is queued without waiting,
 * so on PostgreSQL the database loads and writes while Node scores (one connection, one
 * transaction: the queries still run one after another, in order).
 */
export interface RecomputeOptions {
  now?: Date;
  /** Filled with milliseconds per phase (benchmarks). */
  timings?: RecomputeTimings;
  /** The units' bodies when the caller already has them (saves a query per write). */
  bodies?: ReadonlyMap<string, string>;
  /**
   * false: store no ranks and do none of the work for them (no old scores read, nothing
   * re-ranked) — only bench/ranks.ts, for the same write without rank storage, its baseline;
   * the stored ranks are then stale until `storeRanks` repairs them.
   */
  ranks?: boolean;
}

export async function recomputeUnits(
  tx: Tx,
  cycle: Cycle,
  unitIds: readonly string[] | 'all',
  opts: RecomputeOptions = {},
): Promise<RecomputeSummary> {
  const now = opts.now ?? new Date();
  const timings = opts.timings;
  // Issue 12 §4: an internal pre-assessment is never ranked.
  const track = opts.ranks !== false && cycle.kind !== 'internal';
  if (cycle.source === 'imported') return { units: 0, bodies: 0 };
  if (unitIds !== 'all' && unitIds.length === 0) return { units: 0, bodies: 0 };
  let mark = performance.now();
  const lap = (phase: keyof RecomputeTimings) => {
    const t = performance.now();
    if (timings) timings[phase] = (timings[phase] ?? 0) + (t - mark);
    mark = t;
  };
  const scheme = await cycleScheme(tx, cycle);
  // issue 13 §5: units' own quotas (set by the Perwakilan within the scheme's range).
  const ownQuotas = await unitQuotaMap(tx, cycle.id, unitIds === 'all' ? undefined : unitIds);
  const at = now.toISOString();
  const known = opts.bodies;
  const locus =
    unitIds !== 'all' && known && unitIds.every((id) => known.has(id))
      ? [...new Set(unitIds)].map((unit_id) => ({ unit_id, body_id: known.get(unit_id)! }))
      : await rows<{ unit_id: string; body_id: string }>(
          tx,
          sql`select unit_id, body_id from cycle_units where cycle_id = ${cycle.id}${unitFilter(unitIds)} order by unit_id`,
        );
  const steps: { unit_id: string; body_id: string }[][] = [];
  for (let i = 0; i < locus.length; i += UNITS_PER_STEP) steps.push(locus.slice(i, i + UNITS_PER_STEP));
  // One connection runs one query at a time (pg deprecates queueing on a busy client), so
  // queries are chained here; Node scores while the chained query runs.
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const run = chain.then(job, job);
    chain = run.catch(() => undefined);
    return run;
  };
  const identity = scheme.aggregation.unit === 'products';
  const load = (k: number) =>
    serial(() => loadSheets(tx, cycle.id, unitIds === 'all' && steps.length === 1 ? 'all' : steps[k]!.map((u) => u.unit_id), identity));

  const writes: Promise<void>[] = [];
  const movedUnits: string[] = [];
  let failure: unknown;
  let scored = 0;
  const empty: string[] = [];
  let next: Promise<Map<string, Sheet[]>> | undefined = steps.length > 0 ? load(0) : undefined;
  lap('load');
  try {
    for (let k = 0; k < steps.length; k++) {
      const sheets = await next!;
      next = k + 1 < steps.length ? load(k + 1) : undefined;
      lap('load');
      const results: UnitRow[] = [];
      for (const { unit_id, body_id } of steps[k]!) {
        const unitSheets = sheets.get(unit_id);
        if (!unitSheets || unitSheets.length === 0) {
          empty.push(unit_id);
          continue;
        }
        const quotas = ownQuotas.get(unit_id);
        const u = scoreUnit(scheme, { sheets: unitSheets }, quotas ? { quotas } : undefined);
        results.push({
          unit_id,
          body_id,
          raw: u.raw,
          score: u.score,
          band_code: u.band.code,
          complete: u.complete,
          weight: u.weight,
          breakdown: compactUnitScore(u),
        });
      }
      scored += results.length;
      if (results.length > 0)
        writes.push(
          serial(() => writeUnitResults(tx, cycle.id, results, at, track)).then(
            (moved) => void movedUnits.push(...moved),
            (e: unknown) => void (failure ??= e),
          ),
        );
      lap('score');
    }
  } finally {
    // Never leave a query of this transaction running unobserved.
    await next?.catch(() => undefined);
    await Promise.all(writes);
  }
  if (failure !== undefined) throw failure;
  if (empty.length > 0) {
    const gone = await rows<{ unit_id: string }>(
      tx,
      sql`delete from unit_results where cycle_id = ${cycle.id} and unit_id = any(${sql.param(empty)}::uuid[]) returning unit_id`,
    );
    for (const r of gone) movedUnits.push(r.unit_id);
  }
  lap('writeUnits');
  const bodyIds = [...new Set(locus.map((l) => l.body_id))];
  // A write of a few units some of whose scores moved shifts their places, and those of the bodies
  // it moves, inside the body upsert (no statement of its own: `movedTail`).
  const shiftHere = track && unitIds !== 'all' && movedUnits.length > 0 && movedUnits.length + bodyIds.length <= INCREMENTAL_MAX;
  const work: RankWork = !track ? false : shiftHere ? { units: movedUnits } : 'track';
  const bodies = await aggregateBodies(tx, cycle, scheme, unitIds === 'all' ? 'all' : bodyIds, now, work);
  lap('bodies');
  // The places of the groups whose scores moved and were not shifted above: the moved bodies'
  // groups, the moved units' sector groups (a write that leaves every rounded score as it was
  // ranks nothing).
  if (track) {
    const done = bodies.shifted;
    await storeRanks(
      tx,
      cycle.id,
      unitIds === 'all'
        ? { bodies: true, sectors: 'all' }
        : {
            bodyIds: bodies.moved.filter((id) => !done.has(id)),
            unitIds: movedUnits.filter((id) => !done.has(id)),
            // What the body upsert could not shift is ranked whole, without trying again.
            ...(bodies.shiftTried ? { shifted: true, kind: cycle.kind } : {}),
          },
    );
  }
  lap('ranks');
  return { units: scored, bodies: bodies.count };
}

/**
 * Aggregates the given bodies (or all) from their stored unit results and re-ranks the groups of
 * those whose rounded score moved; returns how many have a result.
 */
export async function recomputeBodies(
  tx: Tx,
  cycle: Cycle,
  scheme: Scheme,
  bodyIds: readonly string[] | 'all',
  now = new Date(),
): Promise<number> {
  const { count, moved } = await aggregateBodies(tx, cycle, scheme, bodyIds, now, cycle.kind === 'internal' ? false : 'track');
  if (cycle.kind !== 'internal') await storeRanks(tx, cycle.id, bodyIds === 'all' ? { bodies: true } : { bodyIds: moved });
  return count;
}

/**
 * Aggregates the given bodies (or all) from their stored unit results; returns how many have a
 * result, which moved (rounded score changed, new, or gone) and, when `work` asks for a shift,
 * whether the upsert ran it (`shiftTried`) and the subjects, bodies and units, it shifted.
 */
async function aggregateBodies(
  tx: Tx,
  cycle: Cycle,
  scheme: Scheme,
  bodyIds: readonly string[] | 'all',
  now: Date,
  work: RankWork,
): Promise<{ count: number; moved: string[]; shifted: Set<string>; shiftTried: boolean }> {
  const moved: string[] = [];
  const shifted = new Set<string>();
  let shiftTried = false;
  if (bodyIds !== 'all' && bodyIds.length === 0) return { count: 0, moved, shifted, shiftTried };
  // One query: each body of the locus with its follow-ups and its units' results (if any).
  const joined = await rows<{
    body_id: string;
    followups: QualifierInput | null;
    raw: number | null;
    score: number | null;
    weight: number | null;
    complete: boolean | null;
  }>(
    tx,
    sql`select cb.body_id, cb.followups, ur.raw, ur.score, ur.weight, ur.complete
        from cycle_bodies cb left join unit_results ur on ur.cycle_id = cb.cycle_id and ur.body_id = cb.body_id
        where cb.cycle_id = ${cycle.id}${bodyIds === 'all' ? sql`` : sql` and cb.body_id = any(${sql.param(bodyIds)}::uuid[])`}`,
  );
  const locus = new Map<string, QualifierInput | null>();
  const byBody = new Map<string, { raw: number; score: number; weight: number; complete: boolean }[]>();
  for (const r of joined) {
    locus.set(r.body_id, r.followups);
    if (r.raw === null) continue;
    let list = byBody.get(r.body_id);
    if (!list) byBody.set(r.body_id, (list = []));
    list.push({ raw: Number(r.raw), score: Number(r.score), weight: Number(r.weight), complete: r.complete! });
  }
  const out: { body_id: string; raw: number; score: number; band_code: string; complete: boolean; units: number; qualifiers: unknown }[] =
    [];
  const empty: string[] = [];
  for (const [body_id, followups] of locus) {
    const list = byBody.get(body_id);
    if (!list || list.length === 0) {
      empty.push(body_id);
      continue;
    }
    const g = aggregate(scheme, list, followups ?? undefined);
    out.push({
      body_id,
      raw: g.raw,
      score: g.score,
      band_code: g.band.code,
      complete: g.complete,
      units: g.units,
      qualifiers: g.qualifiers,
    });
  }
  for (let i = 0; i < out.length; i += CHUNK) {
    const chunk = JSON.stringify(out.slice(i, i + CHUNK));
    // As for units: `before` sees the scores the upsert replaces.
    const list = await rows<{ s: string; shifted: boolean; unit: boolean }>(
      tx,
      sql`
      with x as (
        select * from json_to_recordset(${chunk}::json)
          as x(body_id uuid, raw float8, score float8, band_code text, complete boolean, units int, qualifiers jsonb)
      ),
      before as (select br.body_id as s, br.score from body_results br where ${work ? sql`br.cycle_id = ${cycle.id} and br.body_id in (select body_id from x)` : sql`false`}),
      up as (
        insert into body_results (cycle_id, body_id, raw, score, band_code, complete, units, qualifiers, source, computed_at)
        select ${cycle.id}::uuid, x.body_id, x.raw, x.score, x.band_code, x.complete, x.units, x.qualifiers, 'computed', ${now.toISOString()}::timestamptz
        from x
        on conflict (cycle_id, body_id) do update set raw = excluded.raw, score = excluded.score, band_code = excluded.band_code,
          complete = excluded.complete, units = excluded.units, qualifiers = excluded.qualifiers, source = 'computed',
          computed_at = excluded.computed_at
        returning body_id as s, score
      )${movedTail(cycle.id, work)}`,
    );
    shiftTried ||= typeof work === 'object';
    for (const r of list) {
      if (!r.unit) moved.push(r.s);
      if (r.shifted) shifted.add(r.s);
    }
  }
  if (empty.length > 0) {
    const gone = await rows<{ body_id: string }>(
      tx,
      sql`delete from body_results where cycle_id = ${cycle.id} and source = 'computed' and body_id = any(${sql.param(empty)}::uuid[]) returning body_id`,
    );
    for (const r of gone) moved.push(r.body_id);
  }
  return { count: out.length, moved, shifted, shiftTried };
}

/** Full recompute of a cycle: every unit, then every body. */
export async function recomputeCycle(tx: Tx, cycle: Cycle, opts: Omit<RecomputeOptions, 'bodies'> = {}): Promise<RecomputeSummary> {
  return recomputeUnits(tx, cycle, 'all', opts);
}

/**
 * A full recompute asked for by an account (POST /cycles/:id/recompute), audited. The audit
 * comes first: its append holds the chain lock until commit, so a record batch writing the
 * cycle at the same time recomputes before or after this one, never interleaved with it.
 */
export async function requestRecompute(tx: Tx, actor: AuditActor, cycle: Cycle): Promise<RecomputeSummary> {
  await appendAudit(tx, {
    actor,
    action: 'cycle.recompute',
    subjectType: 'cycle',
    subjectId: cycle.id,
    provinceCode: cycle.provinceCode,
    diff: { schemeHash: cycle.schemeHash },
  });
  return recomputeCycle(tx, cycle);
}
