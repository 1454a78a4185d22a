// The demo a newcomer sees after `npm start` on an empty database:
//  - the registry (provinces, kabupaten/kota, ministries, agencies, offices);
//  - Banten: the provincial government and its 8 kabupaten/kota, each with the typical Ombudsman
//    locus (methodology.md §6): Disdukcapil, DPMPTSP, Dinas Pendidikan, Dinas Sosial, Dinas
//    Kesehatan and 2 Puskesmas. Puskesmas carry the real names reference.md §6.3 gives (Pontang,
//    Pabuaran, Neglasari); the others are named after the body's first kecamatan
//    (idn-area-data), as Puskesmas usually are. A provincial government runs no Disdukcapil or
//    Puskesmas, so the province gets DPMPTSP, Dindikbud, Dinsos, Dinkes and RSUD Banten instead;
//  - "Penilaian 2024" (ombudsman-2024) in review: every instrument filled to its quota with
//    answers from a fixed-seed PRNG around a quality level per government, so the results span
//    bands A–D; Kabupaten Serang's units are approved (the body is final), the others await review;
//  - the published 2022 government scores of Banten (reference.md §6.2) as an imported, final
//    cycle with its national publication (snapshot built by publications/queries.ts), so the
//    public sees it, rankings show movement and the trend has two points;
//  - one account per role, with random passwords returned once (main.ts prints them).
import { count, eq } from 'drizzle-orm';
import { getDistricts } from 'idn-area-data';
import type { Actor, Role } from '../auth/policy.ts';
import { users } from '../auth/schema.ts';
import { generatePassword } from '../auth/password-policy.ts';
import { appendAudit } from '../audit/queries.ts';
import type { Db, Tx } from '../db/client.ts';
import { makeAuth } from '../http/route.ts';
import { bodies, units } from '../registry/schema.ts';
import { seedRegistry } from '../registry/seed.ts';
import { createUser } from '../users/queries.ts';
import { seedDemoActions } from './demo-actions.ts';
import { seedDemoSurveys } from './demo-surveys.ts'; // issue 11
import { createCycle, cycleScheme, transitionCycle } from '../cycles/queries.ts';
import { addLocusBody, setAssignment } from '../locus/queries.ts';
import { getCycleUnit } from '../read-models/locus.ts';
import { bulkInsertRecords, contentHash, recordsCreatedDiff } from '../records/queries.ts';
import { approveUnit, submitUnit } from '../records/workflow.ts';
import { acknowledgeUnitFlags } from '../fieldwork/queries.ts'; // issue 13
import { importBodyScores } from '../scores/import.ts';
import { publish } from '../publications/queries.ts';
import { recomputeCycle } from '../scores/recompute.ts';
import { prng, prngUuid, syntheticSheets } from './synthetic.ts';
import { seedDemoVertical } from './demo-vertical.ts';
import type { RecordInput } from '../../shared/wire/records.ts';
import { seedPekpppDemo } from './demo-pekppp.ts'; // issue 10

export interface DemoAccount {
  role: Role;
  username: string;
  password: string;
  /** Human-readable scope, e.g. "Provinsi Banten (36)". */
  scope: string;
}

export interface DemoSeed {
  accounts: DemoAccount[];
  cycles: { current: string; past: string };
}

export const BANTEN = '36';
/** Fixed PRNG seed of the demo answers. */
export const DEMO_SEED = 20241204;

/**
 * Quality level (0–1) of each Banten government's answers in the 2024 demo cycle, chosen so the
 * results span the bands: the best-known 2024 results (Kota Tangerang 94.76, Pemprov 94.01,
 * Kabupaten Serang's OPDs ≈ 89–95) on top, Lebak (D) at the bottom.
 */
const quality: Record<string, number> = {
  '36.71': 1,
  '36': 0.98,
  '36.04': 0.95,
  '36.74': 0.86,
  '36.03': 0.81,
  '36.01': 0.72,
  '36.73': 0.64,
  '36.72': 0.56,
  '36.02': 0.42,
};

/** Published 2022 government scores of Banten (reference.md §6.2). */
export const banten2022: Record<string, number> = {
  '36.74': 88.83,
  '36.03': 88.54,
  '36.71': 88.47,
  '36.01': 83.91,
  '36.73': 79.24,
  '36.04': 79.01,
  '36.72': 77.73,
  '36.02': 68.39,
  '36': 67.18,
};

/** Puskesmas names reference.md §6.3 gives; others are named after the body's first kecamatan. */
const knownPuskesmas: Record<string, string[]> = {
  '36.04': ['Puskesmas Pontang', 'Puskesmas Pabuaran'],
  '36.71': ['Puskesmas Neglasari'],
};

interface UnitSpec {
  name: string;
  sector: string;
}

async function locusOf(code: string): Promise<UnitSpec[]> {
  if (code === BANTEN) {
    return [
      { name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', sector: 'perizinan' },
      { name: 'Dinas Pendidikan dan Kebudayaan', sector: 'pendidikan' },
      { name: 'Dinas Sosial', sector: 'sosial' },
      { name: 'Dinas Kesehatan', sector: 'kesehatan' },
      { name: 'RSUD Banten', sector: 'kesehatan' },
    ];
  }
  const puskesmas = [...(knownPuskesmas[code] ?? [])];
  if (puskesmas.length < 2) {
    const districts = (await getDistricts({ transform: true })).filter((d) => d.regencyCode === code).map((d) => `Puskesmas ${d.name}`);
    for (const name of districts) {
      if (puskesmas.length >= 2) break;
      if (!puskesmas.includes(name)) puskesmas.push(name);
    }
  }
  return [
    { name: 'Dinas Kependudukan dan Pencatatan Sipil', sector: 'adminduk' },
    { name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', sector: 'perizinan' },
    { name: code === '36.04' ? 'Dinas Pendidikan dan Kebudayaan' : 'Dinas Pendidikan', sector: 'pendidikan' },
    { name: 'Dinas Sosial', sector: 'sosial' },
    { name: 'Dinas Kesehatan', sector: 'kesehatan' },
    ...puskesmas.map((name) => ({ name, sector: 'puskesmas' })),
  ];
}

const toActor = (u: {
  id: string;
  username: string;
  name: string;
  role: string;
  provinceCode: string | null;
  bodyId: string | null;
  unitId: string | null;
}): Actor => ({
  id: u.id,
  username: u.username,
  name: u.name,
  role: u.role as Role,
  provinceCode: u.provinceCode,
  bodyId: u.bodyId,
  unitId: u.unitId,
});

/** Seeds the demo when the database has no account yet; returns null otherwise. */
export async function seedDemoIfEmpty(db: Db, now = new Date()): Promise<DemoSeed | null> {
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(users);
  if (n > 0) return null;
  return db.transaction((tx) => seedDemo(tx, now));
}

export async function seedDemo(tx: Tx, now = new Date()): Promise<DemoSeed> {
  const system = null;
  await seedRegistry(tx, system);

  // Banten's governments and their units.
  const banten = await tx
    .select({
      id: bodies.id,
      code: bodies.code,
      name: bodies.name,
      type: bodies.type,
      provinceCode: bodies.provinceCode,
      active: bodies.active,
    })
    .from(bodies)
    .where(eq(bodies.provinceCode, BANTEN))
    .orderBy(bodies.code);
  const byCode = new Map(banten.map((b) => [b.code, b]));
  const unitRows: { bodyId: string; name: string; sector: string }[] = [];
  for (const b of banten) for (const u of await locusOf(b.code)) unitRows.push({ bodyId: b.id, ...u });
  const createdUnits = await tx
    .insert(units)
    .values(unitRows)
    .returning({ id: units.id, bodyId: units.bodyId, name: units.name, sector: units.sector });
  await appendAudit(tx, {
    actor: system,
    action: 'unit.seed',
    subjectType: 'registry',
    provinceCode: BANTEN,
    at: now,
    diff: { units: createdUnits.length },
  });

  // Accounts.
  const kotaTangerang = byCode.get('36.71')!;
  const disdukcapil = createdUnits.find((u) => u.bodyId === kotaTangerang.id && u.sector === 'adminduk')!;
  const specs: {
    role: Role;
    username: string;
    name: string;
    scope: DemoAccount['scope'];
    provinceCode?: string;
    bodyId?: string;
    unitId?: string;
  }[] = [
    { role: 'admin', username: 'admin', name: 'Administrator Pantau', scope: 'Nasional / national' },
    {
      role: 'pimpinan',
      username: 'pimpinan.banten',
      name: 'Kepala Perwakilan Banten',
      scope: 'Provinsi Banten (36)',
      provinceCode: BANTEN,
    },
    { role: 'asisten', username: 'asisten.banten', name: 'Asisten Perwakilan Banten', scope: 'Provinsi Banten (36)', provinceCode: BANTEN },
    {
      role: 'koordinator',
      username: 'koordinator.kotatng',
      name: 'Bagian Organisasi Kota Tangerang',
      scope: 'Kota Tangerang (36.71)',
      bodyId: kotaTangerang.id,
    },
    {
      role: 'operator',
      username: 'operator.dukcapil.tng',
      name: 'Operator Disdukcapil Kota Tangerang',
      scope: 'Disdukcapil Kota Tangerang',
      unitId: disdukcapil.id,
    },
  ];
  const accounts: DemoAccount[] = [];
  const actors = new Map<Role, Actor>();
  for (const s of specs) {
    const pw = await generatePassword({ username: s.username, name: s.name });
    const user = await createUser(tx, system, {
      username: s.username,
      name: s.name,
      password: pw,
      role: s.role,
      provinceCode: s.provinceCode,
      bodyId: s.bodyId,
      unitId: s.unitId,
    });
    actors.set(s.role, toActor(user));
    accounts.push({ role: s.role, username: user.username, password: pw, scope: s.scope });
  }
  const admin = actors.get('admin')!;
  const pimpinan = actors.get('pimpinan')!;
  const asisten = actors.get('asisten')!;

  // The published 2022 scores, as an imported final cycle.
  const past = await createCycle(tx, admin, {
    name: 'Penilaian Kepatuhan 2022 (hasil terbit)',
    year: 2022,
    schemeId: 'ombudsman-2022',
    source: 'imported',
    status: 'final',
  });
  await importBodyScores(
    tx,
    admin,
    past,
    Object.entries(banten2022).map(([code, score]) => ({ bodyId: byCode.get(code)!.id, score })),
    now,
  );
  await publish(tx, admin, past, { scope: 'national', publicAt: now }, now);

  // The 2024 cycle: locus, assignments, fieldwork.
  let cycle = await createCycle(tx, admin, { name: 'Penilaian Kualitas Pelayanan Publik 2024', year: 2024, schemeId: 'ombudsman-2024' });
  for (const b of banten) await addLocusBody(tx, admin, cycle, b);
  cycle = await transitionCycle(tx, admin, cycle, 'fieldwork');
  const scheme = await cycleScheme(tx, cycle);
  const rand = prng(DEMO_SEED);
  const perUnit = new Map<string, string[]>();
  const rows: (RecordInput & { contentHash: string })[] = [];
  for (const u of createdUnits) {
    const cu = (await getCycleUnit(tx, cycle, u.id))!;
    await setAssignment(tx, pimpinan, cu, { assessorId: asisten.id, dueDate: '2024-09-30' });
    const body = banten.find((b) => b.id === u.bodyId)!;
    const q = Math.min(1, Math.max(0, quality[body.code]! + (rand() * 2 - 1) * 0.05));
    const ids: string[] = [];
    syntheticSheets(scheme, rand, q).forEach((sheet, k) => {
      const day = 1 + Math.floor(rand() * 60);
      const input: RecordInput = {
        id: prngUuid(rand),
        cycleId: cycle.id,
        unitId: u.id,
        instrument: sheet.instrument,
        respondent: sheet.respondent,
        answers: sheet.answers,
        capturedAt: new Date(Date.UTC(2024, 6, day, 2 + (k % 8), (k * 7) % 60)).toISOString(),
      };
      rows.push({ ...input, contentHash: contentHash(cycle.id, u.id, input) });
      ids.push(input.id);
    });
    perUnit.set(u.id, ids);
  }
  await bulkInsertRecords(tx, asisten.id, rows, now);
  const hashes = new Map(rows.map((r) => [r.id, r]));
  for (const u of createdUnits) {
    const body = banten.find((b) => b.id === u.bodyId)!;
    await appendAudit(tx, {
      actor: asisten,
      action: 'record.create',
      subjectType: 'unit',
      subjectId: u.id,
      provinceCode: body.provinceCode,
      at: now,
      diff: recordsCreatedDiff(
        cycle.id,
        perUnit.get(u.id)!.map((id) => ({ id, instrument: hashes.get(id)!.instrument, contentHash: hashes.get(id)!.contentHash })),
      ),
    });
  }
  await recomputeCycle(tx, cycle, { now });

  // Every unit handed in; Kabupaten Serang reviewed and final; the cycle in review.
  const asistenAuth = makeAuth(asisten);
  const pimpinanAuth = makeAuth(pimpinan);
  const serang = byCode.get('36.04')!;
  for (const u of createdUnits) {
    const cu = (await getCycleUnit(tx, cycle, u.id))!;
    await submitUnit(tx, asistenAuth, cu, now);
    if (u.bodyId === serang.id) await acknowledgeUnitFlags(tx, pimpinanAuth, cu, 'Diperiksa bersama asisten.', now); // issue 13
    if (u.bodyId === serang.id)
      await approveUnit(tx, pimpinanAuth, (await getCycleUnit(tx, cycle, u.id))!, 'Lengkap dan sesuai bukti.', now);
  }
  await seedDemoVertical(tx, { cycle, admin, pimpinan, asisten, now }); // issue 17: Banten's Polres and Kantor Pertanahan
  cycle = await transitionCycle(tx, admin, cycle, 'review');
  accounts.push(...(await seedPekpppDemo(tx, admin, now))); // issue 10
  const surveyId = await seedDemoSurveys(tx, actors.get('operator')!, disdukcapil.id, now); // issue 11
  // issue 12: follow-up actions in every state (on Disdukcapil's findings when a published cycle made them).
  await seedDemoActions(
    tx,
    { koordinator: actors.get('koordinator')!, operator: actors.get('operator')!, pimpinan },
    disdukcapil.id,
    surveyId,
    now,
  );
  return { accounts, cycles: { current: cycle.id, past: past.id } };
}
