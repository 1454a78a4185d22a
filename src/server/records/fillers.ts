// Who may fill which instrument (issue 10 §2), applied on every record write path: single and
// batch ingestion (and the answers import, which goes through the same ingestion), edits and
// deletes. The rule is the library file's (`fillers`, `paperEntry`); the scope is the policy's
// (`canFill` in auth/policy.ts). A scheme frozen before the policy fields existed reads them
// from the library file of the same id (core `inheritPolicy`).
import { inheritPolicy } from '../../core/inherit.ts';
import type { Scheme } from '../../core/types.ts';
import { getScheme } from '../../../methodologies/index.ts';
import { canFill } from '../auth/policy.ts';
import { cycleScheme } from '../cycles/queries.ts';
import type { Queryable } from '../db/client.ts';
import { AppError } from '../errors.ts';
import type { Auth } from '../http/route.ts';
import { type CycleUnitContext, unitTarget } from '../read-models/locus.ts';
import type { Cycle } from '../../shared/wire/cycles.ts';
import { claimLocked, isClaimInstrument } from '../pekppp/state.ts';

/** The cycle's frozen scheme with any policy it lacks taken from the library file. */
export async function policyScheme(tx: Queryable, cycle: Pick<Cycle, 'id' | 'schemeHash'>): Promise<Scheme> {
  const frozen = await cycleScheme(tx, cycle);
  return inheritPolicy(frozen, getScheme(frozen.id));
}

/** True when the caller may fill `instrument` for the unit `cu`. */
export function mayFillFor(auth: Auth, scheme: Scheme, instrument: string, cu: CycleUnitContext): boolean {
  return canFill(auth.actor, scheme, instrument, unitTarget(cu));
}

/** Throws 401 (anonymous) or 403 `record.filler_forbidden` unless the caller may fill `instrument` for `cu`. */
export function assertMayFill(auth: Auth, scheme: Scheme, instrument: string, cu: CycleUnitContext): void {
  const actor = auth.user();
  if (!mayFillFor(auth, scheme, instrument, cu)) throw new AppError('record.filler_forbidden', { instrument, role: actor.role });
}

/** Throws 409 `pekppp.claim_locked` when any of `instruments` is a claim (F-01) sheet of a submitted self-assessment. */
export async function assertClaimOpen(tx: Queryable, scheme: Scheme, instruments: string[], cu: CycleUnitContext): Promise<void> {
  if (!instruments.some((i) => isClaimInstrument(scheme, i))) return;
  if (await claimLocked(tx, cu.cycle.id, cu.unit.id)) throw new AppError('pekppp.claim_locked', { unit: cu.unit.name });
}
