// "Mandiri" PEKPPP cycles (issue 10 §1): a Biro/Bagian Organisasi runs a PEKPPP cycle for its own
// government's units; the results are marked "mandiri" and validated later by the organisation
// the library names (`verification.mandiri.validatedBy`: KemenPANRB) — validated with who and
// when, or returned with a reason. Who validates is the library's, never this file's.
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/queries.ts';
import { users } from '../auth/schema.ts';
import { cycleBodies, cycles } from '../cycles/schema.ts';
import type { Queryable, Tx } from '../db/client.ts';
import { AppError } from '../errors.ts';
import type { Auth } from '../http/route.ts';
import { bodies } from '../registry/schema.ts';
import type { Cycle, Mandiri } from '../../shared/wire/cycles.ts';
import type { MandiriIn, ValidationIn } from '../../shared/wire/pekppp.ts';
import { KEMENPANRB_CODE, evaluatorBodyFits } from './organisations.ts';
import { pekpppCycles } from './schema.ts';

/** The "mandiri" state of each of `cycleIds` that is mandiri. */
export async function mandiriOf(tx: Queryable, cycleIds: string[]): Promise<Map<string, Mandiri>> {
  if (cycleIds.length === 0) return new Map();
  const validatorCode = sql<string | null>`${cycles.scheme} -> 'verification' -> 'mandiri' ->> 'validatedBy'`;
  const rows = await tx
    .select({
      cycleId: pekpppCycles.cycleId,
      organiserId: bodies.id,
      organiserName: bodies.name,
      provinceCode: bodies.provinceCode,
      validatorCode,
      validatorName: sql<string | null>`(select b.name from ${bodies} b where b.code = ${validatorCode} limit 1)`,
      validation: pekpppCycles.validation,
      decidedBy: users.name,
      decidedAt: pekpppCycles.decidedAt,
      reason: pekpppCycles.reason,
    })
    .from(pekpppCycles)
    .innerJoin(cycles, eq(cycles.id, pekpppCycles.cycleId))
    .innerJoin(bodies, eq(bodies.id, pekpppCycles.organiserBodyId))
    .leftJoin(users, eq(users.id, pekpppCycles.decidedBy))
    .where(inArray(pekpppCycles.cycleId, cycleIds));
  return new Map(
    rows.map((r) => [
      r.cycleId,
      {
        organiser: { id: r.organiserId, name: r.organiserName, provinceCode: r.provinceCode },
        validator: { code: r.validatorCode ?? KEMENPANRB_CODE, name: r.validatorName },
        status: r.validation as Mandiri['status'],
        decidedBy: r.decidedBy ?? null,
        decidedAt: r.decidedAt?.toISOString() ?? null,
        reason: r.reason,
      },
    ]),
  );
}

/** The registry body of the organisation that validates mandiri cycles of `cycle`'s scheme (409 when the library names none or the registry lacks it). */
export async function validatorBody(tx: Queryable, cycle: Pick<Cycle, 'id'>): Promise<{ id: string; name: string; code: string }> {
  const [row] = await tx
    .select({ code: sql<string | null>`${cycles.scheme} -> 'verification' -> 'mandiri' ->> 'validatedBy'` })
    .from(cycles)
    .where(eq(cycles.id, cycle.id));
  const code = row?.code ?? null;
  if (!code) throw new AppError('pekppp.mandiri_unsupported', {});
  const [body] = await tx
    .select({ id: bodies.id, name: bodies.name, code: bodies.code })
    .from(bodies)
    .where(eq(bodies.code, code))
    .limit(1);
  if (!body) throw new AppError('pekppp.validator_missing', { code });
  return body;
}

/**
 * Marks a PEKPPP cycle as run "mandiri" by a government's Biro/Bagian Organisasi: every body of
 * its locus must be that government (and bodies joining later too: locus/queries.ts), and each
 * locus entry is evaluated by it. The validation starts over (pending).
 */
export async function setMandiri(tx: Tx, auth: Auth, cycle: Cycle, input: MandiriIn, now = new Date()): Promise<void> {
  if (cycle.family !== 'pekppp') throw new AppError('pekppp.not_pekppp', {});
  await validatorBody(tx, cycle);
  const [organiser] = await tx
    .select({ id: bodies.id, code: bodies.code, type: bodies.type, name: bodies.name, provinceCode: bodies.provinceCode })
    .from(bodies)
    .where(eq(bodies.id, input.organiserBodyId))
    .limit(1);
  if (!organiser || organiser.code === KEMENPANRB_CODE || !evaluatorBodyFits(organiser))
    throw new AppError('pekppp.mandiri_organiser', { subject: organiser?.name ?? input.organiserBodyId });
  const others = await tx
    .select({ name: bodies.name })
    .from(cycleBodies)
    .innerJoin(bodies, eq(bodies.id, cycleBodies.bodyId))
    .where(and(eq(cycleBodies.cycleId, cycle.id), ne(cycleBodies.bodyId, organiser.id)));
  if (others.length > 0) throw new AppError('pekppp.mandiri_locus', { subject: others[0]!.name, organiser: organiser.name });
  await tx.update(cycleBodies).set({ evaluatorBodyId: organiser.id }).where(eq(cycleBodies.cycleId, cycle.id));
  const values = { organiserBodyId: organiser.id, validation: 'pending', decidedBy: null, decidedAt: null, reason: null, updatedAt: now };
  await tx
    .insert(pekpppCycles)
    .values({ cycleId: cycle.id, ...values })
    .onConflictDoUpdate({ target: pekpppCycles.cycleId, set: values });
  await appendAudit(tx, {
    actor: auth.user(),
    action: 'pekppp.mandiri',
    subjectType: 'cycle',
    subjectId: cycle.id,
    provinceCode: organiser.provinceCode,
    at: now,
    diff: { organiserBodyId: organiser.id },
  });
}

/** Is `cycleId` a mandiri cycle, and whose? (null: not mandiri). */
export async function mandiriOrganiser(tx: Queryable, cycleId: string): Promise<string | null> {
  const [row] = await tx.select({ id: pekpppCycles.organiserBodyId }).from(pekpppCycles).where(eq(pekpppCycles.cycleId, cycleId)).limit(1);
  return row?.id ?? null;
}

/** The validating organisation validates a mandiri cycle's results, or returns them with a reason. */
export async function decideValidation(tx: Tx, auth: Auth, cycle: Cycle, input: ValidationIn, now = new Date()): Promise<void> {
  const validator = await validatorBody(tx, cycle);
  auth.require('pekppp.validate', { bodyId: validator.id });
  const [row] = await tx.select().from(pekpppCycles).where(eq(pekpppCycles.cycleId, cycle.id)).limit(1);
  if (!row) throw new AppError('pekppp.not_mandiri', {});
  const reason = input.reason?.trim() ?? '';
  if (input.decision === 'returned' && reason === '') throw new AppError('pekppp.reason_required', {});
  if (row.validation === input.decision && input.decision === 'validated') throw new AppError('pekppp.already_validated', {});
  await tx
    .update(pekpppCycles)
    .set({
      validation: input.decision,
      decidedBy: auth.user().id,
      decidedAt: now,
      reason: input.decision === 'returned' ? reason : null,
      updatedAt: now,
    })
    .where(eq(pekpppCycles.cycleId, cycle.id));
  await appendAudit(tx, {
    actor: auth.user(),
    action: 'pekppp.validate',
    subjectType: 'cycle',
    subjectId: cycle.id,
    provinceCode: null,
    at: now,
    diff: { before: row.validation, after: input.decision, reason: input.decision === 'returned' ? reason : null },
  });
}
