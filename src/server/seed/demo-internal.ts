// Issue 12 §4 in the demo: Kota Tangerang's own pre-assessment ("Pra-penilaian internal 2024",
// instrument ombudsman-2024, never public) run by its internal assessor `penilai.kotatng` on two
// of its units; Disdukcapil's sheets are filled (fixed seed) and scored, so the comparison screen
// shows its internal level beside the last official one (the published 2023 cycle); the second
// unit is assigned but not yet filled.
import type { Actor, Role } from '../auth/policy.ts';
import { transitionCycle } from '../cycles/queries.ts';
import type { Tx } from '../db/client.ts';
import { createInternalCycle } from '../internal/queries.ts';
import { setAssignment } from '../locus/queries.ts';
import { getCycleUnit } from '../read-models/locus.ts';
import { createUserWithGeneratedPassword } from '../users/queries.ts';
import { type DemoBody, fillCycle } from './demo-fieldwork.ts';

/** The fixed seed of the internal sheets. */
const DEMO_SEED_INTERNAL = 20240611;
/**
 * ASSUMPTION (demo only): the internal assessors judge a little more kindly than the official
 * assessment would (quality 0.9 of the scale), so the comparison shows differences both ways.
 */
const INTERNAL_QUALITY = 0.9;

export interface DemoInternalAccount {
  role: 'penilai';
  username: string;
  password: string;
  scope: string;
}

export async function seedDemoInternal(
  tx: Tx,
  ctx: { koordinator: Actor; body: DemoBody; units: readonly { id: string; bodyId: string; sector: string }[]; now: Date },
): Promise<DemoInternalAccount> {
  const { koordinator, body, now } = ctx;
  const name = 'Tim Penilai Internal Kota Tangerang';
  const username = 'penilai.kotatng';
  const { user, password } = await createUserWithGeneratedPassword(tx, null, { username, name, role: 'penilai', bodyId: body.id });
  const penilai: Actor = {
    id: user.id,
    username: user.username,
    name: user.name,
    role: user.role as Role,
    provinceCode: user.provinceCode,
    bodyId: user.bodyId,
    unitId: user.unitId,
  };
  const own = ctx.units.filter((u) => u.bodyId === body.id);
  const disdukcapil = own.find((u) => u.sector === 'adminduk')!;
  const second = own.find((u) => u.id !== disdukcapil.id);
  let cycle = await createInternalCycle(tx, koordinator, {
    name: 'Pra-penilaian internal 2024',
    year: 2024,
    schemeId: 'ombudsman-2024',
    unitIds: [disdukcapil.id, ...(second ? [second.id] : [])],
  });
  cycle = await transitionCycle(tx, koordinator, cycle, 'fieldwork');
  await fillCycle(
    tx,
    { cycle, pimpinan: koordinator, asisten: penilai, now },
    [disdukcapil],
    [body],
    { [body.code]: INTERNAL_QUALITY },
    DEMO_SEED_INTERNAL,
  );
  if (second)
    await setAssignment(tx, koordinator, (await getCycleUnit(tx, cycle, second.id))!, { assessorId: penilai.id, dueDate: '2024-06-30' });
  return { role: 'penilai', username, password, scope: `${body.name} (${body.code}), pra-penilaian internal` };
}
