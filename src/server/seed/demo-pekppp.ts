// The PEKPPP part of the demo (issue 10): a published PEKPPP 2024 cycle of Kota Cilegon (DPMPTSP
// and Disdukcapil) evaluated by its Bagian Organisasi, with a mix of claims (F-01) and verdicts
// (F-02), and a PEKPPP 2024 cycle of Kota Tangerang in the F-01 stage; evaluator accounts for
// both Bagian Organisasi (the unit's operator and the koordinator of Kota Tangerang are the
// demo's own accounts). Called once from demo.ts.
import { and, eq } from 'drizzle-orm';
import type { Actor, Role } from '../auth/policy.ts';
import { generatePassword } from '../auth/password-policy.ts';
import { appendAudit } from '../audit/queries.ts';
import type { Tx } from '../db/client.ts';
import { makeAuth } from '../http/route.ts';
import { createCycle, cycleScheme, transitionCycle } from '../cycles/queries.ts';
import { addLocusBody, setAssignment } from '../locus/queries.ts';
import { pekpppUnits } from '../pekppp/schema.ts';
import { publish } from '../publications/queries.ts';
import { getCycleUnit } from '../read-models/locus.ts';
import { bulkInsertRecords, contentHash } from '../records/queries.ts';
import { approveUnit, submitUnit } from '../records/workflow.ts';
import { bodies, units } from '../registry/schema.ts';
import { recomputeCycle } from '../scores/recompute.ts';
import { createUser } from '../users/queries.ts';
import type { RecordInput } from '../../shared/wire/records.ts';
import { prng, prngUuid } from './synthetic.ts';

export interface PekpppDemoAccount {
  role: Role;
  username: string;
  password: string;
  scope: string;
}

/** Claimed and verified levels per indicator code, by unit sector: [claim, verdict]. */
const LEVELS: Record<string, Record<string, [number, number]>> = {
  perizinan: { A1: [5, 4], A2: [4, 4], B1: [4, 3], C1: [5, 4], D1: [4, 4], E1: [5, 5], F1: [4, 3] },
  adminduk: { A1: [4, 4], A2: [3, 3], B1: [5, 4], C1: [4, 4], D1: [5, 3], E1: [4, 4], F1: [3, 3] },
};

async function unitOf(tx: Tx, bodyId: string, sector: string): Promise<{ id: string; name: string }> {
  const [u] = await tx
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(and(eq(units.bodyId, bodyId), eq(units.sector, sector)))
    .limit(1);
  return u!;
}

async function bodyOf(tx: Tx, code: string) {
  const [b] = await tx
    .select({
      id: bodies.id,
      code: bodies.code,
      name: bodies.name,
      type: bodies.type,
      provinceCode: bodies.provinceCode,
      active: bodies.active,
    })
    .from(bodies)
    .where(eq(bodies.code, code))
    .limit(1);
  return b!;
}

export async function seedPekpppDemo(tx: Tx, admin: Actor, now = new Date()): Promise<PekpppDemoAccount[]> {
  const cilegon = await bodyOf(tx, '36.72');
  const tangerang = await bodyOf(tx, '36.71');
  const accounts: PekpppDemoAccount[] = [];
  const evaluators = new Map<string, Actor>();
  for (const [username, name, body] of [
    ['evaluator.kotacilegon', 'Bagian Organisasi Kota Cilegon', cilegon],
    ['evaluator.kotatng', 'Bagian Organisasi Kota Tangerang', tangerang],
  ] as const) {
    const password = await generatePassword({ username, name });
    const u = await createUser(tx, null, { username, name, password, role: 'evaluator', bodyId: body.id });
    evaluators.set(body.code, { ...u, role: 'evaluator' } as Actor);
    accounts.push({ role: 'evaluator', username, password, scope: `${body.name} (${body.code}), PEKPPP` });
  }

  // Kota Cilegon 2024: evaluated by its Bagian Organisasi, approved and published.
  const evaluator = evaluators.get('36.72')!;
  const dpmptsp = await unitOf(tx, cilegon.id, 'perizinan');
  const dukcapil = await unitOf(tx, cilegon.id, 'adminduk');
  let cycle = await createCycle(tx, admin, { name: 'PEKPPP 2024 Kota Cilegon', year: 2024, schemeId: 'pekppp-2024' });
  await addLocusBody(tx, admin, cycle, cilegon, [dpmptsp.id, dukcapil.id]);
  cycle = await transitionCycle(tx, admin, cycle, 'fieldwork');
  const scheme = await cycleScheme(tx, cycle);
  const rand = prng(20241010);
  const f01 = scheme.instruments.find((i) => i.code === 'f01')!;
  const f02 = scheme.instruments.find((i) => i.code === 'f02')!;
  const f03 = scheme.instruments.find((i) => i.code === 'f03')!;
  const scored = new Set(scheme.dimensions.flatMap((d) => d.variables.flatMap((v) => v.indicators.map((i) => i.code))));
  const rows: (RecordInput & { contentHash: string })[] = [];
  const push = (input: RecordInput) => rows.push({ ...input, contentHash: contentHash(input.cycleId, input.unitId, input) });
  const at = (day: number) => new Date(Date.UTC(2024, 7, day, 3)).toISOString();
  for (const [u, sector] of [
    [dpmptsp, 'perizinan'],
    [dukcapil, 'adminduk'],
  ] as const) {
    await setAssignment(tx, admin, (await getCycleUnit(tx, cycle, u.id))!, { assessorId: evaluator.id, dueDate: '2024-09-30' });
    const claims: Record<string, number> = {};
    const verdicts: Record<string, number> = {};
    const statements: Record<string, string> = {};
    const reasons: Record<string, string> = {};
    const links: Record<string, string[]> = {};
    const sources: Record<string, string[]> = {};
    for (const code of f01.covers.filter((c) => scored.has(c))) {
      const fixed = LEVELS[sector]![code];
      const claim = fixed?.[0] ?? 3 + Math.floor(rand() * 3);
      const verdict = fixed?.[1] ?? Math.max(2, claim - (rand() < 0.35 ? 1 : 0));
      claims[code] = claim;
      verdicts[code] = verdict;
      statements[code] = `Bukti ${code} tersedia dan diunggah ke SIPPN.`;
      links[code] = [`https://dokumen.cilegon.go.id/pekppp/2024/${sector}/${code.toLowerCase()}`];
      reasons[code] =
        verdict < claim
          ? `Bukti belum memenuhi level ${claim}; sesuai dokumen level ${verdict}.`
          : 'Sesuai bukti dukung dan kunjungan lapangan.';
      sources[code] = verdict < claim ? ['telaah-dokumen', 'kunjungan-lapangan'] : ['telaah-dokumen'];
    }
    push({
      id: prngUuid(rand),
      cycleId: cycle.id,
      unitId: u.id,
      instrument: 'f01',
      answers: claims,
      remarks: statements,
      capturedAt: at(5),
    });
    push({
      id: prngUuid(rand),
      cycleId: cycle.id,
      unitId: u.id,
      instrument: 'f02',
      answers: verdicts,
      remarks: reasons,
      capturedAt: at(20),
    });
    for (let k = 0; k < f03.quota.target; k++)
      push({
        id: prngUuid(rand),
        cycleId: cycle.id,
        unitId: u.id,
        instrument: 'f03',
        respondent: `Responden ${k + 1}`,
        answers: Object.fromEntries(f03.covers.map((c) => [c, 3 + Math.floor(rand() * 3)])),
        capturedAt: at(10 + (k % 10)),
      });
    await tx.insert(pekpppUnits).values({
      cycleId: cycle.id,
      unitId: u.id,
      claimStatus: 'submitted',
      submittedAt: new Date(at(6)),
      links,
      sources,
      finalisedAt: new Date(at(21)),
      finalisedBy: evaluator.id,
    });
  }
  void f02;
  await bulkInsertRecords(tx, null, rows, now);
  await appendAudit(tx, {
    actor: admin,
    action: 'record.seed',
    subjectType: 'cycle',
    subjectId: cycle.id,
    provinceCode: cilegon.provinceCode,
    at: now,
    diff: { records: rows.length, demo: 'pekppp' },
  });
  await recomputeCycle(tx, cycle, { now });
  const evaluatorAuth = makeAuth(evaluator);
  const adminAuth = makeAuth(admin);
  for (const u of [dpmptsp, dukcapil]) {
    await submitUnit(tx, evaluatorAuth, (await getCycleUnit(tx, cycle, u.id))!, now);
    await approveUnit(tx, adminAuth, (await getCycleUnit(tx, cycle, u.id))!, 'Diverifikasi Bagian Organisasi.', now);
  }
  cycle = await transitionCycle(tx, admin, cycle, 'review');
  await publish(tx, admin, cycle, { scope: 'national', publicAt: now }, now);

  // Kota Tangerang 2024: in the F-01 stage, evaluated by its Bagian Organisasi.
  let tng = await createCycle(tx, admin, { name: 'PEKPPP 2024 Kota Tangerang', year: 2024, schemeId: 'pekppp-2024' });
  const tngUnits = [await unitOf(tx, tangerang.id, 'adminduk'), await unitOf(tx, tangerang.id, 'perizinan')];
  await addLocusBody(
    tx,
    admin,
    tng,
    tangerang,
    tngUnits.map((u) => u.id),
  );
  for (const u of tngUnits)
    await setAssignment(tx, admin, (await getCycleUnit(tx, tng, u.id))!, {
      assessorId: evaluators.get('36.71')!.id,
      dueDate: '2024-10-31',
    });
  tng = await transitionCycle(tx, admin, tng, 'fieldwork');
  return accounts;
}
