// Demo (issue 11 §7): a K/L vertical office of the 2024 Ombudsman cycle with a closed and published
// SKM survey, its IKM attached by Banten's asisten as evidence of the first Output indicator the
// library lets take an IKM (Kantor Pertanahan Kota Tangerang, ATR/BPN: a kementerian). The asisten
// sees it on the unit screen, the pimpinan on the review screen (issue 11 §7's evidence panel).
// Called from demo.ts after the vertical offices (demo-vertical.ts) are seeded; fixed seed.
import { and, eq } from 'drizzle-orm';
import { ikmIndicators } from '../../core/ikm-evidence.ts';
import { ikmReport } from '../../core/survey.ts';
import type { Cycle } from '../../shared/wire/cycles.ts';
import { appendAudit } from '../audit/queries.ts';
import type { Actor } from '../auth/policy.ts';
import { cycleScheme } from '../cycles/queries.ts';
import type { Tx } from '../db/client.ts';
import { ikmEvidence } from '../evidence/schema.ts';
import { bodies, units } from '../registry/schema.ts';
import { createSurvey, fingerprintOf, getUnitRowOr404, publishSurvey, surveyScheme } from '../surveys/queries.ts';
import { surveyResponses } from '../surveys/schema.ts';
import { deviceKey } from '../surveys/tokens.ts';
import { prng, prngUuid } from './synthetic.ts';

export interface DemoIkmEvidence {
  unitId: string;
  surveyId: string;
  indicator: string;
}

export async function seedDemoIkmEvidence(
  tx: Tx,
  ctx: { cycle: Cycle; admin: Actor; asisten: Actor; now: Date; respondents?: number },
): Promise<DemoIkmEvidence> {
  const { cycle, admin, asisten, now } = ctx;
  const count = ctx.respondents ?? 160;
  const [office] = await tx
    .select({ id: units.id, bodyType: bodies.type })
    .from(units)
    .innerJoin(bodies, eq(bodies.id, units.bodyId))
    .where(and(eq(bodies.code, 'atrbpn'), eq(units.regencyCode, '36.71')))
    .limit(1);
  if (!office) throw new Error('demo: Kantor Pertanahan Kota Tangerang is missing (seed the vertical offices first)');
  const indicator = ikmIndicators(await cycleScheme(tx, cycle), office.bodyType)[0]!.code;

  // SKM Semester I 2024, closed on 30 June, set up by the national admin for the office.
  const survey = await createSurvey(
    tx,
    admin,
    await getUnitRowOr404(tx, office.id),
    {
      kind: 'skm',
      periodKind: 'semester',
      year: 2024,
      index: 1,
      services: ['Pendaftaran tanah pertama kali', 'Peralihan hak', 'Pengecekan sertipikat'],
      expectedUsers: 1800,
      opensAt: '2024-01-02T08:00:00+07:00',
      closesAt: '2024-06-30T23:59:00+07:00',
    },
    new Date('2023-12-20T09:00:00+07:00'),
  );
  const scheme = await surveyScheme(tx, survey);
  const rand = prng(20240630);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  // Weaker on cost (U4) and complaint handling (U9).
  const lean: Record<string, number> = { U1: 3.2, U2: 3.0, U3: 2.9, U4: 2.6, U5: 3.1, U6: 3.3, U7: 3.4, U8: 3.1, U9: 2.7 };
  const start = survey.opensAt.getTime();
  const span = survey.closesAt.getTime() - start - 86_400_000;
  const rows = Array.from({ length: count }, (_, k) => {
    const answers = Object.fromEntries(
      Object.entries(lean).map(([c, m]) => [c, Math.max(1, Math.min(4, Math.round(m + (rand() - 0.5) * 1.6)))]),
    );
    const profile = {
      usia: pick(['u-20-29', 'u-30-39', 'u-40-49', 'u-50-59', 'u-60']),
      'jenis-kelamin': pick(['L', 'P']),
      pendidikan: pick(['sma', 's1', 'd3', 'smp']),
      pekerjaan: pick(['swasta', 'wirausaha', 'pns', 'lainnya']),
      layanan: pick(survey.services),
    };
    const submittedAt = new Date(start + Math.floor((span * (k + rand())) / count));
    return {
      id: prngUuid(rand),
      surveyId: survey.id,
      source: 'public',
      submittedAt,
      openedAt: new Date(submittedAt.getTime() - (90 + Math.floor(rand() * 200)) * 1000),
      deviceKey: deviceKey(survey.id, `bpn-device-${k}`),
      fingerprint: fingerprintOf(answers, profile),
      answers,
      profile,
      accepted: true,
      flags: [],
    };
  });
  for (let i = 0; i < rows.length; i += 100) await tx.insert(surveyResponses).values(rows.slice(i, i + 100));
  await publishSurvey(tx, admin, survey);

  // The asisten attached the closed survey's IKM to the indicator during fieldwork (frozen then).
  const report = ikmReport(
    scheme,
    rows.map((r) => r.answers),
    survey.expectedUsers,
  );
  const [row] = await tx
    .insert(ikmEvidence)
    .values({
      cycleId: cycle.id,
      unitId: office.id,
      indicator,
      surveyId: survey.id,
      periodKey: survey.periodKey,
      ikm: report.ikm,
      band: report.band.code,
      respondents: rows.length,
      target: survey.targetSample,
      createdBy: asisten.id,
      createdAt: now,
    })
    .returning({ id: ikmEvidence.id });
  await appendAudit(tx, {
    actor: { id: asisten.id, username: asisten.username },
    action: 'evidence.ikm_attach',
    subjectType: 'evidence',
    subjectId: row!.id,
    provinceCode: '36',
    at: now,
    diff: {
      cycleId: cycle.id,
      unitId: office.id,
      indicator,
      surveyId: survey.id,
      period: survey.periodKey,
      ikm: report.ikm,
      band: report.band.code,
      respondents: rows.length,
      demo: true,
    },
  });
  return { unitId: office.id, surveyId: survey.id, indicator };
}
