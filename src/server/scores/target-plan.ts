// The target planner over stored, published results (issue 12 §6): "to reach rank R in the
// province (or the national top N) you need +X points; the cheapest set of indicator fixes that
// gets there is …". The engine (core `planTarget`) does the arithmetic; this reads its inputs:
//  - the government's units with their indicator values, from the stored breakdowns
//    (`unit_results`, what the publication snapshot froze: answers are locked once published);
//  - its peers: the other members of the same ranking group as the stored ranks
//    (`result_ranks`: `province:<code>` for a kabupaten/kota, `national:<type>`), with their
//    stored scores, counted only where a released publication covers them — a score not yet
//    published is neither shown nor used (`unpublishedPeers` says how many were left out).
// Peers are assumed to keep their published scores; the reply says so. Reads only.
import { and, eq, sql } from 'drizzle-orm';
import { indicatorLevels, type PlanUnit, planTarget } from '../../core/index.ts';
import type { Scheme } from '../../core/types.ts';
import type { Cycle } from '../../shared/wire/cycles.ts';
import type { BodyRef } from '../../shared/wire/registry.ts';
import type { StoredUnitScore, TargetPlan, TargetPlanQuery } from '../../shared/wire/scores.ts';
import type { Queryable } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { cycleScheme } from '../cycles/queries.ts';
import { findings } from '../findings/schema.ts';
import { covers, cycleScopes } from '../publications/visibility.ts';
import { bodyUnitResults } from '../read-models/locus.ts';
import { expandUnitScore } from './breakdown.ts';

/** Every scored indicator code of a scheme (what `fixable` may name). */
function indicatorCodes(scheme: Scheme): Set<string> {
  return new Set(scheme.dimensions.flatMap((d) => d.variables.flatMap((v) => v.indicators.map((i) => i.code))));
}

/** The ranking group a body is planned in; 422 when it has none of that kind (a province in its province). */
export function planGroup(body: BodyRef, scope: TargetPlanQuery['scope']): string {
  if (scope === 'national') return `national:${body.type}`;
  if ((body.type === 'kabupaten' || body.type === 'kota') && body.provinceCode) return `province:${body.provinceCode}`;
  throw new AppError('plan.no_province_group', { body: body.name });
}

type Member = BodyRef & { score: number };

export async function targetPlan(tx: Queryable, cycle: Cycle, body: BodyRef, query: TargetPlanQuery): Promise<TargetPlan> {
  const released = (await cycleScopes(tx, cycle.id)).released;
  if (!covers(released, body.provinceCode)) throw new AppError('plan.unpublished', { body: body.name });
  const group = planGroup(body, query.scope);
  const scheme = await cycleScheme(tx, cycle);

  const fixable = query.fixable
    ?.split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '');
  if (fixable) {
    const known = indicatorCodes(scheme);
    const unknown = fixable.find((c) => !known.has(c));
    if (unknown !== undefined) throw new AppError('plan.unknown_indicator', { indicator: unknown });
  }

  const members = (
    (await tx.execute(sql`
      select b.id, b.code, b.name, b.type, b.province_code, br.score
      from result_ranks rr
      join body_results br on br.cycle_id = rr.cycle_id and br.body_id = rr.subject_id
      join bodies b on b.id = rr.subject_id
      where rr.cycle_id = ${cycle.id} and rr.group_key = ${group}`)) as unknown as {
      rows: { id: string; code: string; name: string; type: string; province_code: string | null; score: number }[];
    }
  ).rows.map(
    (r): Member => ({ id: r.id, code: r.code, name: r.name, type: r.type, provinceCode: r.province_code, score: Number(r.score) }),
  );
  if (!members.some((m) => m.id === body.id)) throw new AppError('plan.no_result', { body: body.name });
  const others = members.filter((m) => m.id !== body.id);
  const peers = others.filter((m) => covers(released, m.provinceCode));

  const unitRows = (await bodyUnitResults(tx, cycle.id, body.id, { scored: true })).filter((u) => u.breakdown !== null);
  const unitRefs = new Map(unitRows.map((u) => [u.id, { id: u.id, name: u.name, sector: u.sector }]));
  const units: PlanUnit[] = unitRows.map((u) => {
    const stored = u.breakdown as StoredUnitScore;
    return { id: u.id, name: u.name, levels: indicatorLevels(expandUnitScore(scheme, stored)), weight: stored.weight };
  });
  if (units.length === 0) throw new AppError('plan.no_detail', { body: body.name });

  const plan = planTarget(
    scheme,
    units,
    peers.map((p) => ({ id: p.id, name: p.name, score: p.score })),
    { rank: query.rank },
    fixable ? { fixable } : {},
  );

  // The finding on each fixed indicator (made at publication), so a fix can become its follow-up action.
  const findingOf = new Map(
    (
      await tx
        .select({ id: findings.id, unitId: findings.unitId, indicator: findings.indicator })
        .from(findings)
        .where(and(eq(findings.cycleId, cycle.id), eq(findings.bodyId, body.id)))
    ).map((f) => [`${f.unitId} ${f.indicator}`, f.id]),
  );
  const byId = new Map(peers.map((p) => [p.id, p]));
  const ref = ({ score: _score, ...b }: Member): BodyRef => b;

  return {
    cycle: { id: cycle.id, name: cycle.name, year: cycle.year, schemeId: cycle.schemeId },
    body,
    scope: query.scope,
    group,
    status: plan.status,
    peersAssumedUnchanged: plan.peersAssumedUnchanged,
    cheapest: plan.cheapest,
    current: { score: plan.current.score, rank: plan.current.rank, of: plan.current.of },
    target: { ...plan.target, tiedWith: plan.target.tiedWith.map((id) => ref(byId.get(id)!)) },
    fixes: plan.fixes.map(({ unit, steps, ...f }) => ({
      ...f,
      unit: unitRefs.get(unit)!,
      steps,
      findingId: findingOf.get(`${unit} ${f.indicator}`) ?? null,
    })),
    steps: plan.steps,
    result: { score: plan.result.score, rank: plan.result.rank },
    maximum: { score: plan.maximum.score, rank: plan.maximum.rank },
    peers: peers.length,
    unpublishedPeers: others.length - peers.length,
    fixable: fixable ?? null,
  };
}
