// The PEKPPP part of the demo (issue 10): a published PEKPPP 2024 cycle of Kota Cilegon (DPMPTSP
// and Disdukcapil) evaluated by its Bagian Organisasi, with a mix of claims (F-01) and verdicts
// (F-02); a PEKPPP 2023 cycle Kota Cilegon ran "mandiri" (its Bagian Organisasi, results
// approved) awaiting KemenPANRB's validation; and a PEKPPP 2024 cycle of Kota Tangerang in the
// F-01 stage with its F-03 public questionnaires open and some responses in. Evaluator accounts
// for both Bagian Organisasi and for KemenPANRB (the unit's operator and the koordinator of Kota
// Tangerang are the demo's own accounts). Called once from demo.ts.
import { and, eq } from 'drizzle-orm';
import type { Actor, Role } from '../auth/policy.ts';
import { appendAudit } from '../audit/queries.ts';
import type { Tx } from '../db/client.ts';
import type { Cycle } from '../../shared/wire/cycles.ts';
import { makeAuth } from '../http/route.ts';
import { createCycle, cycleScheme, transitionCycle } from '../cycles/queries.ts';
import { addLocusBody, setAssignment } from '../locus/queries.ts';
import { setMandiri } from '../pekppp/mandiri.ts';
import { KEMENPANRB_CODE } from '../pekppp/organisations.ts';
import { pekpppUnits } from '../pekppp/schema.ts';
import { publish } from '../publications/queries.ts';
import { getCycleUnit } from '../read-models/locus.ts';
import { bulkInsertRecords, contentHash } from '../records/queries.ts';
import { approveUnit, submitUnit } from '../records/workflow.ts';
import { bodies, units } from '../registry/schema.ts';
import { recomputeCycle } from '../scores/recompute.ts';
import { createSurvey, fingerprintOf, getUnitRowOr404 } from '../surveys/queries.ts';
import { surveyResponses } from '../surveys/schema.ts';
import { deviceKey } from '../surveys/tokens.ts';
import { createUserWithGeneratedPassword } from '../users/queries.ts';
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

type Body = Awaited<ReturnType<typeof bodyOf>>;
type Row = RecordInput & { contentHash: string };

/** F-03 questionnaires (paper sheets typed by the unit) for `unitId`: `n` respondents, answers 3–5. */
function f03Sheets(
  cycleId: string,
  unitId: string,
  covers: string[],
  n: number,
  rand: () => number,
  at: (k: number) => string,
): RecordInput[] {
  return Array.from({ length: n }, (_, k) => ({
    id: prngUuid(rand),
    cycleId,
    unitId,
    instrument: 'f03',
    respondent: `Responden ${k + 1}`,
    answers: Object.fromEntries(covers.map((c) => [c, 3 + Math.floor(rand() * 3)])),
    capturedAt: at(k),
  }));
}

/**
 * A day of a PEKPPP year in WIB (Banten): the demo's PEKPPP steps are dated as they would have
 * happened in their year, like the Ombudsman 2023 year (issue 16), never at seed time.
 */
const on = (year: number, monthDay: string, time = '09:00') => new Date(`${year}-${monthDay}T${time}:00+07:00`);

async function insertRows(tx: Tx, admin: Actor, cycle: Cycle, body: Body, rows: Row[], now: Date) {
  await bulkInsertRecords(tx, null, rows, now);
  await appendAudit(tx, {
    actor: admin,
    action: 'record.seed',
    subjectType: 'cycle',
    subjectId: cycle.id,
    provinceCode: body.provinceCode,
    at: now,
    diff: { records: rows.length, demo: 'pekppp' },
  });
}

/**
 * An F-03 public questionnaire of a unit in a PEKPPP cycle (issue 11 §6) over September–October
 * 2024 with `n` accepted responses (answers 3–5, one device each): the unit's F-03 card shows them
 * against the locus quota and the results beside the IPP.
 */
async function seedF03Survey(tx: Tx, actor: Actor, cycle: Cycle, unitId: string, n: number, rand: () => number) {
  const unit = await getUnitRowOr404(tx, unitId);
  const survey = await createSurvey(
    tx,
    actor,
    unit,
    {
      kind: 'f03',
      cycleId: cycle.id,
      periodKind: 'year',
      year: cycle.year,
      index: 1,
      services: ['Layanan utama'],
      expectedUsers: 2000,
      opensAt: '2024-09-01T00:00:00+07:00',
      closesAt: '2024-10-31T23:59:00+07:00',
    },
    on(2024, '08-28', '10:00'),
  );
  const covers = (await cycleScheme(tx, cycle)).instruments.find((i) => i.code === 'f03')!.covers;
  const rows = Array.from({ length: n }, (_, k) => {
    const answers = Object.fromEntries(covers.map((c) => [c, 3 + Math.floor(rand() * 3)]));
    const profile = { layanan: 'Layanan utama' };
    const submittedAt = new Date(Date.UTC(2024, 8, 2 + k, 2 + (k % 6)));
    return {
      id: prngUuid(rand),
      surveyId: survey.id,
      source: 'public',
      submittedAt,
      openedAt: new Date(submittedAt.getTime() - 180_000),
      deviceKey: deviceKey(survey.id, `device-${k}`),
      fingerprint: fingerprintOf(answers, profile),
      answers,
      profile,
      accepted: true,
      flags: [],
    };
  });
  await tx.insert(surveyResponses).values(rows);
}

/**
 * A PEKPPP cycle of `body` evaluated to the end by `evaluator` (its Bagian Organisasi): F-01
 * claims, F-02 verdicts, the F-03 quota, finalised, recomputed, handed in and approved; the cycle
 * left in review. `lower` takes a level off each claim and verdict (an earlier, weaker year).
 * Dated in its year: planned in May, fieldwork from July, claims and verdicts in August, handed in
 * and approved in September, in review from 30 September.
 */
async function evaluatedCycle(
  tx: Tx,
  admin: Actor,
  evaluator: Actor,
  body: Body,
  opts: { name: string; year: number; seed: number; lower: number; mandiri: boolean; domain: string },
): Promise<Cycle> {
  const day = (monthDay: string, time?: string) => on(opts.year, monthDay, time);
  const dpmptsp = await unitOf(tx, body.id, 'perizinan');
  const dukcapil = await unitOf(tx, body.id, 'adminduk');
  const adminAuth = makeAuth(admin);
  // The year's own instrument (the library has pekppp-2023 and pekppp-2024).
  let cycle = await createCycle(tx, admin, { name: opts.name, year: opts.year, schemeId: `pekppp-${opts.year}` }, day('05-06'));
  await addLocusBody(tx, admin, cycle, body, [dpmptsp.id, dukcapil.id], day('05-13', '10:00'));
  if (opts.mandiri) await setMandiri(tx, adminAuth, cycle, { organiserBodyId: body.id }, day('05-13', '10:30'));
  cycle = await transitionCycle(tx, admin, cycle, 'fieldwork', day('07-01', '08:00'));
  const scheme = await cycleScheme(tx, cycle);
  const rand = prng(opts.seed);
  const f01 = scheme.instruments.find((i) => i.code === 'f01')!;
  const f03 = scheme.instruments.find((i) => i.code === 'f03')!;
  const scored = new Set(scheme.dimensions.flatMap((d) => d.variables.flatMap((v) => v.indicators.map((i) => i.code))));
  const rows: Row[] = [];
  const push = (input: RecordInput) => rows.push({ ...input, contentHash: contentHash(input.cycleId, input.unitId, input) });
  const at = (day: number) => new Date(Date.UTC(opts.year, 7, day, 3)).toISOString();
  const down = (level: number) => Math.max(1, level - opts.lower);
  for (const [u, sector] of [
    [dpmptsp, 'perizinan'],
    [dukcapil, 'adminduk'],
  ] as const) {
    await setAssignment(
      tx,
      admin,
      (await getCycleUnit(tx, cycle, u.id))!,
      { assessorId: evaluator.id, dueDate: `${opts.year}-09-30` },
      day('07-01', '09:00'),
    );
    const claims: Record<string, number> = {};
    const verdicts: Record<string, number> = {};
    const statements: Record<string, string> = {};
    const reasons: Record<string, string> = {};
    const links: Record<string, string[]> = {};
    const sources: Record<string, string[]> = {};
    for (const code of f01.covers.filter((c) => scored.has(c))) {
      const fixed = LEVELS[sector]![code];
      const claim = down(fixed?.[0] ?? 3 + Math.floor(rand() * 3));
      const verdict = down(fixed?.[1] ?? Math.max(2, claim - (rand() < 0.35 ? 1 : 0)));
      claims[code] = claim;
      verdicts[code] = verdict;
      statements[code] = `Bukti ${code} tersedia dan diunggah ke SIPPN.`;
      links[code] = [`https://${opts.domain}/pekppp/${opts.year}/${sector}/${code.toLowerCase()}`];
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
    for (const sheet of f03Sheets(cycle.id, u.id, f03.covers, f03.quota.target, rand, (k) => at(10 + (k % 10)))) push(sheet);
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
  // Synced after the last verdict (20 August) and finalisation (21 August, 10.00 WIB).
  const synced = day('08-21', '16:00');
  await insertRows(tx, admin, cycle, body, rows, synced);
  await recomputeCycle(tx, cycle, { now: synced });
  const evaluatorAuth = makeAuth(evaluator);
  for (const [k, u] of [dpmptsp, dukcapil].entries()) {
    await submitUnit(tx, evaluatorAuth, (await getCycleUnit(tx, cycle, u.id))!, day('09-16', `1${k}:00`));
    await approveUnit(tx, adminAuth, (await getCycleUnit(tx, cycle, u.id))!, 'Diverifikasi Bagian Organisasi.', day('09-23', `1${k}:00`));
  }
  return transitionCycle(tx, admin, cycle, 'review', day('09-30', '15:00'));
}

export async function seedPekpppDemo(tx: Tx, admin: Actor): Promise<PekpppDemoAccount[]> {
  const cilegon = await bodyOf(tx, '36.72');
  const tangerang = await bodyOf(tx, '36.71');
  const kemenpanrb = await bodyOf(tx, KEMENPANRB_CODE);
  const accounts: PekpppDemoAccount[] = [];
  const evaluators = new Map<string, Actor>();
  for (const [username, name, body, scope] of [
    ['evaluator.kotacilegon', 'Bagian Organisasi Kota Cilegon', cilegon, 'PEKPPP'],
    ['evaluator.kotatng', 'Bagian Organisasi Kota Tangerang', tangerang, 'PEKPPP'],
    ['evaluator.kemenpanrb', 'Evaluator PEKPPP KemenPANRB', kemenpanrb, 'PEKPPP, validasi mandiri / mandiri validation'],
  ] as const) {
    const { user: u, password } = await createUserWithGeneratedPassword(tx, null, { username, name, role: 'evaluator', bodyId: body.id });
    evaluators.set(body.code, { ...u, role: 'evaluator' } as Actor);
    accounts.push({
      role: 'evaluator',
      username,
      password,
      scope: `${body.code === KEMENPANRB_CODE ? 'KemenPANRB' : `${body.name} (${body.code})`}, ${scope}`,
    });
  }

  // Kota Cilegon 2024: evaluated by its Bagian Organisasi, approved and published.
  const evaluator = evaluators.get('36.72')!;
  const cycle = await evaluatedCycle(tx, admin, evaluator, cilegon, {
    name: 'PEKPPP 2024 Kota Cilegon',
    year: 2024,
    seed: 20241010,
    lower: 0,
    mandiri: false,
    domain: 'dokumen.cilegon.go.id',
  });
  // Published in December of its year (an assumed date: the demo's, not KemenPANRB's real one).
  const published = on(2024, '12-10', '10:00');
  await publish(tx, admin, cycle, { scope: 'national', publicAt: published }, published);

  // Kota Cilegon 2023, "mandiri": run by its own Bagian Organisasi, approved, awaiting KemenPANRB's
  // validation (sign in as evaluator.kemenpanrb to validate or return it).
  await evaluatedCycle(tx, admin, evaluator, cilegon, {
    name: 'PEKPPP 2023 Kota Cilegon (mandiri)',
    year: 2023,
    seed: 20231010,
    lower: 1,
    mandiri: true,
    domain: 'dokumen.cilegon.go.id',
  });

  // Kota Tangerang 2024: in the F-01 stage, evaluated by its Bagian Organisasi.
  let tng = await createCycle(tx, admin, { name: 'PEKPPP 2024 Kota Tangerang', year: 2024, schemeId: 'pekppp-2024' }, on(2024, '05-06'));
  const tngUnits = [await unitOf(tx, tangerang.id, 'adminduk'), await unitOf(tx, tangerang.id, 'perizinan')];
  await addLocusBody(
    tx,
    admin,
    tng,
    tangerang,
    tngUnits.map((u) => u.id),
    on(2024, '05-13', '10:00'),
  );
  for (const u of tngUnits)
    await setAssignment(
      tx,
      admin,
      (await getCycleUnit(tx, tng, u.id))!,
      { assessorId: evaluators.get('36.71')!.id, dueDate: '2024-10-31' },
      on(2024, '07-01', '09:00'),
    );
  tng = await transitionCycle(tx, admin, tng, 'fieldwork', on(2024, '07-01', '08:00'));
  // The F-03 public questionnaire opened by each unit's operator side, with some responses in.
  const rand = prng(20240901);
  for (const [u, n] of [
    [tngUnits[0]!, 12],
    [tngUnits[1]!, 5],
  ] as const)
    await seedF03Survey(tx, admin, tng, u.id, n, rand);
  return accounts;
}
