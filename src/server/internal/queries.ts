// Issue 12 §4: a government's own pre-assessment. It is an ordinary cycle of kind `internal`
// owned by the government (cycles/, locus/, records/, scores/ do the work: the same instrument,
// sheets, review and scoring); this module only creates one for a koordinator and compares a
// unit's internal levels with its last official published ones. Who may see it is the policy's
// internal gate (auth/policy.ts); publication, ranking, clarification and awards refuse it
// (`assertOfficial`). Reads here never leave the owning government.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { users } from '../auth/schema.ts';
import { getScheme } from '../../../methodologies/index.ts';
import type { Actor } from '../auth/policy.ts';
import { createCycle, cycleScheme } from '../cycles/queries.ts';
import { cycles } from '../cycles/schema.ts';
import type { Queryable, Tx } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { addLocusBody, getBodyRow } from '../locus/queries.ts';
import { bodyCoveredSql } from '../publications/visibility.ts';
import type { CycleUnitContext } from '../read-models/locus.ts';
import { units } from '../registry/schema.ts';
import { unitResults } from '../scores/schema.ts';
import type { Cycle } from '../../shared/wire/cycles.ts';
import type { ComparisonRow, InternalAssessors, InternalComparison, InternalCycleIn } from '../../shared/wire/internal.ts';
import type { StoredUnitScore } from '../../shared/wire/scores.ts';

/** The governments that run their own pre-assessment (a pemda: province, regency or city). */
const GOVERNMENT_TYPES = new Set(['provinsi', 'kabupaten', 'kota']);

/**
 * Creates the koordinator's government's internal cycle with the given units of it (the
 * instrument: an Ombudsman scheme of the library, frozen like any cycle). Audited by
 * `createCycle` (`cycle.create`, kind and owner in the diff) and `addLocusBody` (`locus.add`).
 */
export async function createInternalCycle(tx: Tx, actor: Actor, input: InternalCycleIn): Promise<Cycle> {
  const body = actor.role === 'koordinator' && actor.bodyId ? await getBodyRow(tx, actor.bodyId) : undefined;
  if (!body || !GOVERNMENT_TYPES.has(body.type)) throw new AppError('internal.not_government');
  const scheme = getScheme(input.schemeId);
  if (!scheme) throw new AppError('scheme.unknown', { scheme: input.schemeId });
  if (scheme.family !== 'ombudsman') throw new AppError('internal.family', { scheme: scheme.id });
  const wanted = [...new Set(input.unitIds)];
  const found = await tx
    .select({ id: units.id })
    .from(units)
    .where(and(inArray(units.id, wanted), eq(units.bodyId, body.id), eq(units.active, true)));
  const ok = new Set(found.map((u) => u.id));
  const outside = wanted.find((id) => !ok.has(id));
  if (outside) throw new AppError('internal.unit_outside', { subject: outside });
  const cycle = await createCycle(tx, actor, {
    name: input.name,
    year: input.year,
    schemeId: scheme.id,
    provinceCode: null,
    kind: 'internal',
    ownerBodyId: body.id,
  });
  await addLocusBody(tx, actor, cycle, body, wanted);
  return cycle;
}

/** The active internal assessors (`penilai`) of a government, by name. */
export async function internalAssessors(tx: Queryable, bodyId: string | null): Promise<InternalAssessors['items']> {
  if (!bodyId) return [];
  return tx
    .select({ id: users.id, name: users.name, username: users.username })
    .from(users)
    .where(and(eq(users.bodyId, bodyId), eq(users.role, 'penilai'), eq(users.active, true)))
    .orderBy(asc(users.name));
}

/** Indicator code → mean level, from a stored breakdown (null breakdown: imported without detail). */
function levelsOf(stored: StoredUnitScore | null): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const d of stored?.dimensions ?? []) for (const v of d[4]) for (const i of v[3]) out.set(i[0], i[1]);
  return out;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/**
 * Per indicator of the internal cycle's scheme: the unit's internal level beside its level in the
 * last official cycle of the same family whose released publication covers its government
 * (official cycles only; an internal cycle is never "official").
 */
export async function internalComparison(tx: Queryable, cu: CycleUnitContext): Promise<InternalComparison> {
  const scheme = await cycleScheme(tx, cu.cycle);
  const [mine] = await tx
    .select({ score: unitResults.score, breakdown: unitResults.breakdown })
    .from(unitResults)
    .where(and(eq(unitResults.cycleId, cu.cycle.id), eq(unitResults.unitId, cu.unit.id)))
    .limit(1);
  const [last] = await tx
    .select({
      id: cycles.id,
      name: cycles.name,
      year: cycles.year,
      schemeId: cycles.schemeId,
      score: unitResults.score,
      breakdown: unitResults.breakdown,
    })
    .from(unitResults)
    .innerJoin(cycles, eq(cycles.id, unitResults.cycleId))
    .where(
      and(
        eq(unitResults.unitId, cu.unit.id),
        eq(cycles.kind, 'official'),
        eq(cycles.family, cu.cycle.family),
        bodyCoveredSql(cycles.id, cu.body.provinceCode, { released: true }),
      ),
    )
    .orderBy(desc(cycles.year), desc(cycles.createdAt))
    .limit(1);
  const internal = levelsOf((mine?.breakdown as StoredUnitScore | null) ?? null);
  const official = levelsOf((last?.breakdown as StoredUnitScore | null) ?? null);
  const rows: ComparisonRow[] = [];
  for (const d of scheme.dimensions)
    for (const v of d.variables)
      for (const i of v.indicators) {
        const a = internal.get(i.code) ?? null;
        const b = official.get(i.code) ?? null;
        rows.push({
          indicator: i.code,
          text: i.text,
          dimension: d.title,
          internal: a,
          official: b,
          difference: a !== null && b !== null ? round2(a - b) : null,
          max: i.scale.max,
        });
      }
  return {
    cycle: { id: cu.cycle.id, name: cu.cycle.name, year: cu.cycle.year, schemeId: cu.cycle.schemeId },
    unit: { id: cu.unit.id, name: cu.unit.name },
    body: { id: cu.body.id, name: cu.body.name },
    internalScore: mine?.score ?? null,
    official: last ? { cycle: { id: last.id, name: last.name, year: last.year, schemeId: last.schemeId }, score: last.score } : null,
    rows,
  };
}
