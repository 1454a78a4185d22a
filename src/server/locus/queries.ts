// The locus of a cycle: which bodies and units are assessed, who assesses each unit by when,
// and the Ombudsman follow-ups of each body (qualifiers). Writes only while the cycle is open;
// each write audits itself. Progress listings are `progress.ts`; how other resources read a
// unit or body of the locus is `read-models/locus.ts`.
import { and, count, eq, inArray, or } from 'drizzle-orm';
import { users } from '../auth/schema.ts';
import { type AuditActor, appendAudit, appendAuditMany } from '../audit/queries.ts';
import { cycleBodies, cycleUnits } from '../cycles/schema.ts';
import type { Queryable, Tx } from '../db/client.ts';
import { AppError, notFound } from '../errors.ts';
import { covers, cycleScopes } from '../publications/visibility.ts';
import { type CycleUnitContext, getLocusEntry, provinceOfCycleUnit, unitProvinceSql } from '../read-models/locus.ts';
import { records } from '../records/schema.ts';
import { KEMENPANRB_CODE, candidateOrganisations, defaultEvaluatorOrganisation, mayEvaluate } from '../pekppp/organisations.ts';
import { bodies, units } from '../registry/schema.ts';
import { mandiriOrganiser } from '../pekppp/mandiri.ts';
import { storeRanks } from '../scores/ranks.ts';
import { bodyResults, unitResults } from '../scores/schema.ts';
import type { Cycle } from '../../shared/wire/cycles.ts';
import type { Followups } from '../../shared/wire/locus.ts';

function assertLocusOpen(cycle: Cycle): void {
  if (cycle.source === 'imported' || (cycle.status !== 'planning' && cycle.status !== 'fieldwork')) {
    throw new AppError('cycle.closed', { status: cycle.status });
  }
}

export interface LocusBody {
  id: string;
  code: string;
  name: string;
  type: string;
  provinceCode: string | null;
  active: boolean;
}

export async function getBodyRow(tx: Queryable, bodyId: string): Promise<LocusBody | undefined> {
  const [row] = await tx
    .select({
      id: bodies.id,
      code: bodies.code,
      name: bodies.name,
      type: bodies.type,
      provinceCode: bodies.provinceCode,
      active: bodies.active,
    })
    .from(bodies)
    .where(eq(bodies.id, bodyId))
    .limit(1);
  return row;
}

/** The body a unit belongs to. */
export async function getBodyOfUnit(tx: Queryable, unitId: string): Promise<LocusBody | undefined> {
  const [unit] = await tx.select({ bodyId: units.bodyId }).from(units).where(eq(units.id, unitId)).limit(1);
  return unit && getBodyRow(tx, unit.bodyId);
}

/**
 * Issue 17: the units adding `body` to the locus would add, each with the province it is located
 * in: `unitIds` when given (422 for an unknown or inactive unit), otherwise the body's active
 * units — for a ministry's or agency's body (no province) in a province cycle, only those
 * located in that province. Routes build the policy target from it (unit-located scope).
 */
export async function plannedLocusUnits(
  tx: Queryable,
  cycle: Pick<Cycle, 'provinceCode'>,
  body: Pick<LocusBody, 'id' | 'provinceCode'>,
  unitIds?: string[],
  opts: { lenient?: boolean } = {},
): Promise<{ id: string; provinceCode: string | null }[]> {
  const bodyUnits = await tx
    .select({ id: units.id, active: units.active, provinceCode: unitProvinceSql })
    .from(units)
    .where(eq(units.bodyId, body.id));
  const known = new Map(bodyUnits.map((u) => [u.id, u]));
  if (unitIds) {
    return unitIds.map((id) => {
      const u = known.get(id);
      // Lenient (a policy target, before the caller may learn what exists): unknown is nowhere.
      if (!u?.active && !opts.lenient) throw new AppError('locus.unit_invalid', { subject: id });
      return { id, provinceCode: u?.active ? (u.provinceCode ?? null) : null };
    });
  }
  return bodyUnits
    .filter((u) => u.active && (body.provinceCode !== null || !cycle.provinceCode || u.provinceCode === cycle.provinceCode))
    .map((u) => ({ id: u.id, provinceCode: u.provinceCode ?? null }));
}

/**
 * Adds a body and its units to the locus (all its active units when `unitIds` is absent).
 * Adding what is already there changes nothing. A province cycle takes only bodies of its province.
 */
export async function addLocusBody(
  tx: Tx,
  actor: AuditActor,
  cycle: Cycle,
  body: LocusBody,
  unitIds?: string[],
  now = new Date(),
): Promise<{ added: string[] }> {
  assertLocusOpen(cycle);
  // issue 12 §4: an internal pre-assessment assesses its own government's units only.
  if (cycle.ownerBodyId && body.id !== cycle.ownerBodyId) throw new AppError('internal.unit_outside', { subject: body.name });
  if (!body.active) throw new AppError('registry.inactive', { field: 'bodyId', value: body.code });
  const planned = await plannedLocusUnits(tx, cycle, body, unitIds);
  const wanted = planned.map((u) => u.id);
  if (cycle.provinceCode && body.provinceCode !== cycle.provinceCode) {
    // Issue 17: a ministry's or agency's vertical offices located in the province may join it.
    const located = body.provinceCode === null && planned.length > 0 && planned.every((u) => u.provinceCode === cycle.provinceCode);
    if (!located) throw new AppError('locus.outside_province', { subject: body.name });
  }
  // Issue 10: a mandiri PEKPPP cycle takes only its organiser's own government.
  const organiser = cycle.family === 'pekppp' ? await mandiriOrganiser(tx, cycle.id) : null;
  if (organiser && organiser !== body.id)
    throw new AppError('pekppp.mandiri_locus', { subject: body.name, organiser: (await getBodyRow(tx, organiser))?.name ?? '' });
  // Issue 10: a PEKPPP locus entry names its evaluating organisation, defaulted here.
  const evaluatorBodyId = cycle.family === 'pekppp' ? (defaultEvaluatorOrganisation(body, await kemenpanrbBody(tx))?.id ?? null) : null;
  await tx.insert(cycleBodies).values({ cycleId: cycle.id, bodyId: body.id, evaluatorBodyId }).onConflictDoNothing();
  const added =
    wanted.length === 0
      ? []
      : (
          await tx
            .insert(cycleUnits)
            .values(wanted.map((unitId) => ({ cycleId: cycle.id, unitId, bodyId: body.id })))
            .onConflictDoNothing()
            .returning({ unitId: cycleUnits.unitId })
        ).map((r) => r.unitId);
  if (added.length > 0) await reopenBody(tx, cycle.id, body.id);
  await appendAudit(tx, {
    actor,
    action: 'locus.add',
    subjectType: 'cycle',
    subjectId: cycle.id,
    provinceCode: body.provinceCode,
    at: now,
    diff: { bodyId: body.id, units: added },
  });
  return { added };
}

/** A body with any unit added after it became final is open again. */
async function reopenBody(tx: Tx, cycleId: string, bodyId: string): Promise<void> {
  await tx
    .update(cycleBodies)
    .set({ status: 'open' })
    .where(and(eq(cycleBodies.cycleId, cycleId), eq(cycleBodies.bodyId, bodyId)));
}

async function unitsWithRecords(tx: Queryable, cycleId: string, unitIds: string[]): Promise<number> {
  if (unitIds.length === 0) return 0;
  const [{ n } = { n: 0 }] = await tx
    .select({ n: count() })
    .from(records)
    .where(and(eq(records.cycleId, cycleId), inArray(records.unitId, unitIds)));
  return n;
}

/** Removes a body and its units from the locus; refused (409) once any of them has records. */
export async function removeLocusBody(tx: Tx, actor: AuditActor, cycle: Cycle, body: LocusBody): Promise<void> {
  assertLocusOpen(cycle);
  const inLocus = await tx
    .select({ unitId: cycleUnits.unitId })
    .from(cycleUnits)
    .where(and(eq(cycleUnits.cycleId, cycle.id), eq(cycleUnits.bodyId, body.id)));
  const [present] = await tx
    .select({ bodyId: cycleBodies.bodyId })
    .from(cycleBodies)
    .where(and(eq(cycleBodies.cycleId, cycle.id), eq(cycleBodies.bodyId, body.id)));
  if (!present) throw notFound('body');
  const unitIds = inLocus.map((u) => u.unitId);
  const n = await unitsWithRecords(tx, cycle.id, unitIds);
  if (n > 0) throw new AppError('locus.has_records', { subject: body.name, records: n });
  await tx.delete(unitResults).where(and(eq(unitResults.cycleId, cycle.id), eq(unitResults.bodyId, body.id)));
  await tx.delete(bodyResults).where(and(eq(bodyResults.cycleId, cycle.id), eq(bodyResults.bodyId, body.id)));
  await tx.delete(cycleUnits).where(and(eq(cycleUnits.cycleId, cycle.id), eq(cycleUnits.bodyId, body.id)));
  await tx.delete(cycleBodies).where(and(eq(cycleBodies.cycleId, cycle.id), eq(cycleBodies.bodyId, body.id)));
  await storeRanks(tx, cycle.id, { bodyIds: [body.id], unitIds });
  await appendAudit(tx, {
    actor,
    action: 'locus.remove',
    subjectType: 'cycle',
    subjectId: cycle.id,
    provinceCode: body.provinceCode,
    diff: { bodyId: body.id, units: unitIds },
  });
}

/** Removes one unit from the locus (its body stays); refused (409) once it has records. */
export async function removeLocusUnit(tx: Tx, actor: AuditActor, cu: CycleUnitContext): Promise<void> {
  assertLocusOpen(cu.cycle);
  const n = await unitsWithRecords(tx, cu.cycle.id, [cu.unit.id]);
  if (n > 0) throw new AppError('locus.has_records', { subject: cu.unit.name, records: n });
  await tx.delete(unitResults).where(and(eq(unitResults.cycleId, cu.cycle.id), eq(unitResults.unitId, cu.unit.id)));
  await tx.delete(cycleUnits).where(and(eq(cycleUnits.cycleId, cu.cycle.id), eq(cycleUnits.unitId, cu.unit.id)));
  await storeRanks(tx, cu.cycle.id, { unitIds: [cu.unit.id] });
  await appendAudit(tx, {
    actor,
    action: 'locus.remove',
    subjectType: 'cycle',
    subjectId: cu.cycle.id,
    provinceCode: cu.body.provinceCode,
    diff: { bodyId: cu.body.id, units: [cu.unit.id] },
  });
}

export interface Assignment {
  assessorId: string | null;
  /** YYYY-MM-DD */
  dueDate: string | null;
}

/** The account proposed as a unit's assessor: what each kind of cycle checks of it. */
async function assessorCandidate(tx: Tx, userId: string) {
  const [u] = await tx
    .select({ role: users.role, provinceCode: users.provinceCode, active: users.active, username: users.username, bodyId: users.bodyId })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return u;
}

/** An Ombudsman unit's assessor: an active asisten of the unit's province (or of pusat, province null). */
function checkAsisten(u: Awaited<ReturnType<typeof assessorCandidate>>, userId: string, cu: CycleUnitContext): void {
  const fits = !!u && u.active && u.role === 'asisten' && (u.provinceCode === null || u.provinceCode === provinceOfCycleUnit(cu));
  if (!fits) throw new AppError('assessor.invalid', { user: u?.username ?? userId });
}

/**
 * Assigns (or clears) the assessor of a unit and its due date. The assessor must be an active
 * asisten of the unit's province (or of pusat, province null).
 */
export async function setAssignment(
  tx: Tx,
  actor: AuditActor,
  cu: CycleUnitContext,
  next: Partial<Assignment>,
  now = new Date(),
): Promise<Assignment> {
  if (cu.cycle.status === 'final' || cu.cycle.source === 'imported') throw new AppError('cycle.closed', { status: cu.cycle.status });
  if (next.assessorId && cu.cycle.kind === 'internal') {
    // issue 12 §4: the owning government's own internal assessor (`penilai`), never an Ombudsman asisten.
    const u = await assessorCandidate(tx, next.assessorId);
    const fits = !!u && u.active && u.role === 'penilai' && u.bodyId === cu.cycle.ownerBodyId;
    if (!fits) throw new AppError('internal.assessor_invalid', { user: u?.username ?? next.assessorId });
  } else if (next.assessorId && cu.cycle.family === 'pekppp') {
    // issue 10: a PEKPPP unit is assessed by an evaluator of KemenPANRB or of a Biro/Bagian Organisasi that covers it.
    const u = await assessorCandidate(tx, next.assessorId);
    const organisation = await getEvaluatorOrganisation(tx, cu.cycle.id, cu.body.id);
    if (!organisation) throw new AppError('locus.no_evaluator_organisation', { subject: cu.body.name });
    const fits = !!u && u.active && u.role === 'evaluator' && u.bodyId === organisation.id;
    if (!fits) throw new AppError('evaluator.invalid', { user: u?.username ?? next.assessorId, organisation: organisation.name });
  } else if (next.assessorId) {
    checkAsisten(await assessorCandidate(tx, next.assessorId), next.assessorId, cu);
  }
  const before: Assignment = { assessorId: cu.assessorId, dueDate: cu.dueDate };
  const after: Assignment = {
    assessorId: next.assessorId === undefined ? before.assessorId : next.assessorId,
    dueDate: next.dueDate === undefined ? before.dueDate : next.dueDate,
  };
  await tx
    .update(cycleUnits)
    .set({ ...after, updatedAt: now })
    .where(and(eq(cycleUnits.cycleId, cu.cycle.id), eq(cycleUnits.unitId, cu.unit.id)));
  await appendAudit(tx, {
    actor,
    at: now,
    action: 'assignment.set',
    subjectType: 'cycle_unit',
    subjectId: `${cu.cycle.id}/${cu.unit.id}`,
    provinceCode: provinceOfCycleUnit(cu),
    diff: { before, after },
  });
  return after;
}

/**
 * One assignment (assessor and due date, both given) for several units of one Ombudsman cycle —
 * each unit exactly as `setAssignment` (checked, updated, audited in list order), with one look-up
 * of the assessor, one update and one multi-row audit append. PEKPPP and internal cycles (whose
 * checks depend on each unit's body) go unit by unit.
 */
export async function setAssignments(
  tx: Tx,
  actor: AuditActor,
  cus: readonly CycleUnitContext[],
  next: Assignment,
  now = new Date(),
): Promise<void> {
  const cycle = cus[0]?.cycle;
  if (!cycle) return;
  if (cus.some((cu) => cu.cycle.id !== cycle.id)) throw new Error('setAssignments: units of one cycle only');
  if (cycle.kind === 'internal' || cycle.family === 'pekppp' || !next.assessorId) {
    for (const cu of cus) await setAssignment(tx, actor, cu, next, now);
    return;
  }
  if (cycle.status === 'final' || cycle.source === 'imported') throw new AppError('cycle.closed', { status: cycle.status });
  const u = await assessorCandidate(tx, next.assessorId);
  for (const cu of cus) checkAsisten(u, next.assessorId, cu);
  const after: Assignment = { assessorId: next.assessorId, dueDate: next.dueDate };
  await tx
    .update(cycleUnits)
    .set({ ...after, updatedAt: now })
    .where(
      and(
        eq(cycleUnits.cycleId, cycle.id),
        inArray(
          cycleUnits.unitId,
          cus.map((cu) => cu.unit.id),
        ),
      ),
    );
  await appendAuditMany(
    tx,
    cus.map((cu) => ({
      actor,
      at: now,
      action: 'assignment.set' as const,
      subjectType: 'cycle_unit',
      subjectId: `${cu.cycle.id}/${cu.unit.id}`,
      provinceCode: provinceOfCycleUnit(cu),
      diff: { before: { assessorId: cu.assessorId, dueDate: cu.dueDate }, after },
    })),
  );
}

/** Records the Ombudsman products due for a body and whether each was followed up (qualifiers). */
export async function setFollowups(tx: Tx, actor: AuditActor, cycle: Cycle, body: LocusBody, followups: Followups): Promise<void> {
  if (cycle.status === 'final' || cycle.source === 'imported') throw new AppError('cycle.closed', { status: cycle.status });
  const entry = await getLocusEntry(tx, cycle.id, body.id);
  if (!entry) throw notFound('body');
  if (covers((await cycleScopes(tx, cycle.id)).covered, body.provinceCode))
    throw new AppError('publication.locked', { subject: body.name });
  await tx
    .update(cycleBodies)
    .set({ followups })
    .where(and(eq(cycleBodies.cycleId, cycle.id), eq(cycleBodies.bodyId, body.id)));
  await appendAudit(tx, {
    actor,
    action: 'followups.set',
    subjectType: 'cycle_body',
    subjectId: `${cycle.id}/${body.id}`,
    provinceCode: body.provinceCode,
    diff: { before: entry.followups, after: followups },
  });
}

// ── issue 10: the evaluating organisation of a PEKPPP locus entry ────────────────────────────

export async function kemenpanrbBody(tx: Queryable): Promise<LocusBody | undefined> {
  const [row] = await tx.select({ id: bodies.id }).from(bodies).where(eq(bodies.code, KEMENPANRB_CODE)).limit(1);
  return row && getBodyRow(tx, row.id);
}

/** The evaluating organisation stored for a body of a cycle's locus (null: none named). */
export async function getEvaluatorOrganisation(tx: Queryable, cycleId: string, bodyId: string): Promise<LocusBody | null> {
  const [row] = await tx
    .select({ id: cycleBodies.evaluatorBodyId })
    .from(cycleBodies)
    .where(and(eq(cycleBodies.cycleId, cycleId), eq(cycleBodies.bodyId, bodyId)))
    .limit(1);
  return (row?.id && (await getBodyRow(tx, row.id))) || null;
}

/** The organisations that may evaluate `body`: KemenPANRB, the government itself, its province's Biro Organisasi. */
export async function evaluatorOrganisationOptions(tx: Queryable, body: LocusBody): Promise<LocusBody[]> {
  const ids = await tx
    .select({ id: bodies.id })
    .from(bodies)
    .where(
      and(
        eq(bodies.active, true),
        or(
          eq(bodies.code, KEMENPANRB_CODE),
          eq(bodies.id, body.id),
          body.provinceCode ? and(eq(bodies.type, 'provinsi'), eq(bodies.provinceCode, body.provinceCode)) : undefined,
        ),
      ),
    );
  const rows = (await Promise.all(ids.map((r) => getBodyRow(tx, r.id)))).filter((b): b is LocusBody => !!b);
  return candidateOrganisations(body, rows).sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Names the organisation that evaluates `body` in a PEKPPP cycle (422 when it may not evaluate
 * it; 409 while an evaluator of another organisation is still assigned to one of its units).
 */
export async function setEvaluatorOrganisation(
  tx: Tx,
  actor: AuditActor,
  cycle: Cycle,
  body: LocusBody,
  organisationId: string,
): Promise<LocusBody> {
  assertLocusOpen(cycle);
  if (cycle.family !== 'pekppp') throw new AppError('pekppp.not_pekppp', {});
  if (!(await getLocusEntry(tx, cycle.id, body.id))) throw notFound('body');
  const organisation = await getBodyRow(tx, organisationId);
  if (!organisation?.active || !mayEvaluate(organisation, body))
    throw new AppError('locus.evaluator_organisation_invalid', { organisation: organisation?.name ?? organisationId, subject: body.name });
  // A mandiri cycle is evaluated by its organiser (pekppp/mandiri.ts sets every entry to it): no other organisation.
  const organiser = await mandiriOrganiser(tx, cycle.id);
  if (organiser && organiser !== organisation.id) throw new AppError('locus.evaluator_mandiri', { subject: body.name });
  const before = await getEvaluatorOrganisation(tx, cycle.id, body.id);
  const assigned = await tx
    .select({ unitId: cycleUnits.unitId, bodyId: users.bodyId })
    .from(cycleUnits)
    .innerJoin(users, eq(users.id, cycleUnits.assessorId))
    .where(and(eq(cycleUnits.cycleId, cycle.id), eq(cycleUnits.bodyId, body.id)));
  const stranded = assigned.filter((a) => a.bodyId !== organisation.id).length;
  if (stranded > 0) throw new AppError('locus.evaluators_assigned', { subject: body.name, count: stranded });
  await tx
    .update(cycleBodies)
    .set({ evaluatorBodyId: organisation.id })
    .where(and(eq(cycleBodies.cycleId, cycle.id), eq(cycleBodies.bodyId, body.id)));
  await appendAudit(tx, {
    actor,
    action: 'locus.evaluator_organisation',
    subjectType: 'cycle_body',
    subjectId: `${cycle.id}/${body.id}`,
    provinceCode: body.provinceCode,
    diff: { before: before?.id ?? null, after: organisation.id },
  });
  return organisation;
}
