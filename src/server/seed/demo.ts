// The demo a newcomer sees after `npm start` on an empty database:
//  - the registry (provinces, kabupaten/kota, ministries, agencies, offices);
//  - Banten: the provincial government and its 8 kabupaten/kota, each with the typical Ombudsman
//    locus (methodology.md §6): Disdukcapil, DPMPTSP, Dinas Pendidikan, Dinas Sosial, Dinas
//    Kesehatan and 2 Puskesmas. Puskesmas carry the real names reference.md §6.3 gives (Pontang,
//    Pabuaran, Neglasari); the others are named after the body's first kecamatan
//    (idn-area-data), as Puskesmas usually are. A provincial government runs no Disdukcapil or
//    Puskesmas, so the province gets DPMPTSP, Dindikbud, Dinsos, Dinkes and RSUD Banten instead;
//  - the published 2022 government scores of Banten (reference.md §6.2) as an imported, final
//    cycle with its national publication (snapshot built by publications/queries.ts);
//  - "Penilaian 2023" (ombudsman-2023) assessed the real way and PUBLISHED (issue 16 §7): every
//    instrument filled to its quota with answers from a fixed-seed PRNG around a quality level per
//    government (set so the order follows what is known of Banten's 2023 results), handed in,
//    reviewed and approved, published nationally by publications/queries.ts `publish` (snapshot,
//    findings), with its hand-over — so the first public visit has ranks with movement, a radar,
//    units, indicators, rapor, unit awards and piagam (issue 18), and findings (issue 12);
//  - "Penilaian 2024" (ombudsman-2024) in review, filled the same way, so the results span
//    bands A–D; Kabupaten Serang's units are approved (the body is final), the others await
//    review — the pimpinan's review and publication screens still have work to do;
//  - one account per role, with random passwords returned once (main.ts prints them).
import { count, eq } from 'drizzle-orm';
import { getDistricts } from 'idn-area-data';
import type { Actor, Role } from '../auth/policy.ts';
import { users } from '../auth/schema.ts';
import { appendAudit } from '../audit/queries.ts';
import type { Db, Tx } from '../db/client.ts';
import { type Auth, makeAuth } from '../http/route.ts';
import { bodies, units } from '../registry/schema.ts';
import { seedRegistry } from '../registry/seed.ts';
import { createUserWithGeneratedPassword } from '../users/queries.ts';
import { seedDemoActions } from './demo-actions.ts';
import { seedDemoLibrary } from './demo-library.ts'; // issue 12 §3
import { seedDemoInternal } from './demo-internal.ts'; // issue 12 §4
import { seedDemoSurveys } from './demo-surveys.ts'; // issue 11
import { createCycle, transitionCycle } from '../cycles/queries.ts';
import { addLocusBody } from '../locus/queries.ts';
import type { Cycle } from '../../shared/wire/cycles.ts';
import { approveUnit, submitUnits } from '../records/workflow.ts';
import { acknowledgeAllOfUnit, openWarningsOfUnits } from '../fieldwork/queries.ts'; // issue 13
import { importBodyScores } from '../scores/import.ts';
import { publish } from '../publications/queries.ts';
import { setHandover } from '../recognition/queries.ts'; // issue 18
import { cycleUnitsOf, fillCycle } from './demo-fieldwork.ts';
import { bantenSeats, seedDemoVertical } from './demo-vertical.ts';
import { seedDemoIkmEvidence } from './demo-ikm-evidence.ts'; // issue 11 §7
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
  /** current: 2024 in review; published: 2023, assessed and published; past: 2022, imported. */
  cycles: { current: string; published: string; past: string };
}

export const BANTEN = '36';
/** Fixed PRNG seed of the demo answers (2024; 2023 has its own). */
export const DEMO_SEED = 20241204;
export const DEMO_SEED_2023 = 20231439;

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

/**
 * Quality levels of the published 2023 cycle, set so the order follows reference.md §6.2 for
 * 2023: Kota Tangerang Selatan first, Kabupaten Tangerang 93.72 and Kota Tangerang 93.21 next,
 * Kabupaten Serang 89.28 (A), Kota Serang 7th of the kabupaten/kota; the others (not found) in
 * between, Lebak last. The numbers themselves are the PRNG's, not the real ones.
 */
const quality2023: Record<string, number> = {
  '36.74': 1.05, // above 1: every unit at the top of the scale (the per-unit level is clamped to 1)
  '36.03': 1,
  '36.71': 0.99,
  '36.04': 0.96,
  '36.01': 0.8,
  '36': 0.78,
  '36.72': 0.75,
  '36.73': 0.68,
  '36.02': 0.6,
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

/** idn-area-data's kecamatan list, read (a CSV of ≈ 7,000 rows, ≈ 50 ms) once per seed, not once per body. */
let districts: Promise<{ regencyCode: string; name: string }[]> | undefined;
const allDistricts = () => (districts ??= getDistricts({ transform: true }));

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
    const districts = (await allDistricts()).filter((d) => d.regencyCode === code).map((d) => `Puskesmas ${d.name}`);
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

/** The provincial offices' complex (KP3B, Curug, Kota Serang), approximately. */
const PROVINCE_SEAT = { lat: -6.16, lon: 106.18 };

/**
 * Where a Banten government's k-th unit (of n) is, so the public map shows the demo's units: on a
 * ring 0.7–1.6 km around the seat of its kabupaten/kota (the province's offices in Kota Serang),
 * in a fixed pattern — plausible, not surveyed. Coordinates only: a government's unit keeps no
 * kabupaten/kota of its own (its body says where it is).
 */
function placeOf(code: string, k: number, n: number): { latitude: number; longitude: number } {
  const seat = code === BANTEN ? PROVINCE_SEAT : bantenSeats[code]!;
  const angle = (2 * Math.PI * k) / n;
  const r = 0.006 + 0.004 * (k % 3);
  const round = (x: number) => Math.round(x * 1e5) / 1e5;
  return { latitude: round(seat.lat + r * Math.sin(angle)), longitude: round(seat.lon + r * Math.cos(angle)) };
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

/** Called as each top-level step of the demo begins (bench/seed.ts times them). */
export type SeedPhase = (name: string) => void;

/** Seeds the demo when the database has no account yet; returns null otherwise. */
export async function seedDemoIfEmpty(db: Db, now = new Date(), phase?: SeedPhase): Promise<DemoSeed | null> {
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(users);
  if (n > 0) return null;
  return db.transaction((tx) => seedDemo(tx, now, phase));
}

export async function seedDemo(tx: Tx, now = new Date(), phase: SeedPhase = () => {}): Promise<DemoSeed> {
  const system = null;
  phase('registry');
  await seedRegistry(tx, system);
  phase('units + accounts');

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
  const unitRows: { bodyId: string; name: string; sector: string; latitude: number; longitude: number }[] = [];
  for (const b of banten) {
    const locus = await locusOf(b.code);
    for (const [k, u] of locus.entries()) unitRows.push({ bodyId: b.id, ...u, ...placeOf(b.code, k, locus.length) });
  }
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
    const { user, password: pw } = await createUserWithGeneratedPassword(tx, system, {
      username: s.username,
      name: s.name,
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

  // The published 2022 scores, as an imported final cycle — taken in before the 2023 cycle began
  // (issue 16: not dated at seed time, after the 2023 publication).
  phase('2022 import + publish');
  const imported2022 = new Date('2023-02-15T10:00:00+07:00');
  const past = await createCycle(
    tx,
    admin,
    { name: 'Penilaian Kepatuhan 2022 (hasil terbit)', year: 2022, schemeId: 'ombudsman-2022', source: 'imported', status: 'final' },
    imported2022,
  );
  await importBodyScores(
    tx,
    admin,
    past,
    Object.entries(banten2022).map(([code, score]) => ({ bodyId: byCode.get(code)!.id, score })),
    imported2022,
  );
  await publish(tx, admin, past, { scope: 'national', publicAt: imported2022 }, imported2022);

  // The 2023 cycle, assessed the real way and published (issue 16 §7): fieldwork, every unit
  // handed in, warnings acknowledged and approved by the pimpinan, published nationally (the cycle
  // turns final; the snapshot, its findings and its awards are the product's own), handed over.
  phase('2023 cycle + locus');
  const asistenAuth = makeAuth(asisten);
  const pimpinanAuth = makeAuth(pimpinan);
  // Its steps are dated in 2023 (issue 16: a past year's history is not stamped at seed time):
  // planned in March, units assigned in June, sheets captured in July and August (fillCycle), handed
  // in mid-September, reviewed and approved in October (one unit every half hour of office days),
  // in review from late October, published on 14 December.
  const at2023 = (day: string, time = '09:00') => new Date(`2023-${day}T${time}:00+07:00`);
  let y2023 = await createCycle(
    tx,
    admin,
    { name: 'Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik 2023', year: 2023, schemeId: 'ombudsman-2023' },
    at2023('03-01'),
  );
  for (const b of banten) await addLocusBody(tx, admin, y2023, b, undefined, at2023('03-06', '10:00'));
  y2023 = await transitionCycle(tx, admin, y2023, 'fieldwork', at2023('07-01', '08:00'));
  phase('2023 fill');
  await fillCycle(
    tx,
    { cycle: y2023, pimpinan, asisten, now: at2023('08-31', '16:00'), assignedAt: at2023('06-20', '10:00') },
    createdUnits,
    banten,
    quality2023,
    DEMO_SEED_2023,
  );
  phase('2023 submit');
  await submitUnits(tx, asistenAuth, await cycleUnitsOf(tx, y2023, createdUnits), at2023('09-15', '15:00'));
  phase('2023 approvals');
  // From 2 October, 08.00–15.30 WIB: sixteen units a day.
  await approveHandedIn(
    tx,
    pimpinanAuth,
    y2023,
    createdUnits,
    (k) => new Date(at2023('10-02', '08:00').getTime() + Math.floor(k / 16) * 86_400_000 + (k % 16) * 1_800_000),
  );
  phase('2023 review + publish + handover');
  y2023 = await transitionCycle(tx, admin, y2023, 'review', at2023('10-27', '14:00'));
  // Dated as the real 2023 results were announced (reference.md §6.2: 14 December 2023), not at seed time.
  const announced2023 = new Date('2023-12-14T10:00:00+07:00');
  const published = await publish(tx, admin, y2023, { scope: 'national', publicAt: announced2023 }, announced2023);
  // issue 18: the 2023 results were handed over in January 2024 (reference.md §6.4).
  await setHandover(
    tx,
    admin,
    published,
    { date: '2024-01-24', place: 'Pendopo Gubernur Banten, Kota Serang' },
    new Date('2024-01-10T10:00:00+07:00'),
  );

  // The 2024 cycle: locus, assignments, fieldwork — dated in 2024 like 2023 (issue 16): planned in
  // March, assigned in June, sheets captured in July and August, the vertical offices' in August,
  // handed in mid-September, Kabupaten Serang approved in October, in review from late October.
  phase('2024 cycle + locus');
  const at2024 = (day: string, time = '09:00') => new Date(`2024-${day}T${time}:00+07:00`);
  let cycle = await createCycle(
    tx,
    admin,
    { name: 'Penilaian Kualitas Pelayanan Publik 2024', year: 2024, schemeId: 'ombudsman-2024' },
    at2024('03-04'),
  );
  for (const b of banten) await addLocusBody(tx, admin, cycle, b, undefined, at2024('03-11', '10:00'));
  cycle = await transitionCycle(tx, admin, cycle, 'fieldwork', at2024('07-01', '08:00'));
  phase('2024 fill');
  await fillCycle(
    tx,
    { cycle, pimpinan, asisten, now: at2024('08-30', '16:00'), assignedAt: at2024('06-19', '10:00') },
    createdUnits,
    banten,
    quality,
    DEMO_SEED,
  );

  // Every unit handed in; Kabupaten Serang reviewed and final; the cycle in review.
  const serang = byCode.get('36.04')!;
  phase('2024 submit + Serang approvals');
  await submitUnits(tx, asistenAuth, await cycleUnitsOf(tx, cycle, createdUnits), at2024('09-16', '15:00'));
  await approveHandedIn(
    tx,
    pimpinanAuth,
    cycle,
    createdUnits.filter((x) => x.bodyId === serang.id),
    (k) => new Date(at2024('10-07', '08:00').getTime() + k * 1_800_000),
  );
  phase('2024 vertical');
  await seedDemoVertical(tx, { cycle, admin, pimpinan, asisten, now: at2024('09-02', '16:00') }); // issue 17: Banten's Polres and Kantor Pertanahan
  phase('2024 IKM evidence');
  await seedDemoIkmEvidence(tx, { cycle, admin, asisten, now: at2024('09-03', '10:00') }); // issue 11 §7: a K/L office's IKM as evidence
  phase('2024 review');
  cycle = await transitionCycle(tx, admin, cycle, 'review', at2024('10-28', '14:00'));
  phase('PEKPPP');
  accounts.push(...(await seedPekpppDemo(tx, admin))); // issue 10: dated in its years
  phase('surveys');
  const surveyId = await seedDemoSurveys(tx, actors.get('operator')!, disdukcapil.id, now); // issue 11
  // issue 12: follow-up actions in every state (on Disdukcapil's findings when a published cycle made them).
  phase('follow-up actions');
  await seedDemoActions(
    tx,
    { koordinator: actors.get('koordinator')!, operator: actors.get('operator')!, pimpinan },
    disdukcapil.id,
    surveyId,
    now,
  );
  // issue 12 §3: Disdukcapil's evidence library (one document expired, one expiring soon).
  phase('library');
  await seedDemoLibrary(tx, actors.get('operator')!, disdukcapil.id, now);
  // issue 12 §4: Kota Tangerang's internal pre-assessment and its internal assessor.
  phase('internal');
  accounts.push(await seedDemoInternal(tx, { koordinator: actors.get('koordinator')!, body: kotaTangerang, units: createdUnits, now }));
  phase('end'); // then the commit
  return { accounts, cycles: { current: cycle.id, published: y2023.id, past: past.id } };
}

/**
 * The pimpinan approves handed-in units one after another, the `k`-th at `at(k)` plus ten minutes,
 * first acknowledging its open fieldwork warnings with one note — the review screen's "acknowledge
 * all of the unit" (issue 13 §6: one update, one audit event). The units and their open warnings
 * are read once for all: acknowledging or approving one unit changes nothing another's approval
 * reads from its context.
 */
async function approveHandedIn(tx: Tx, auth: Auth, cycle: Cycle, list: readonly { id: string }[], at: (k: number) => Date): Promise<void> {
  const handedIn = await cycleUnitsOf(tx, cycle, list);
  const open = await openWarningsOfUnits(
    tx,
    cycle.id,
    handedIn.map((cu) => cu.unit.id),
  );
  for (const [k, cu] of handedIn.entries()) {
    const day = at(k);
    if ((open.get(cu.unit.id) ?? 0) > 0) await acknowledgeAllOfUnit(tx, auth, cu, 'Diperiksa bersama asisten.', day);
    await approveUnit(tx, auth, cu, 'Lengkap dan sesuai bukti.', new Date(day.getTime() + 600_000));
  }
}
