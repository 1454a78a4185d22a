// Demo (issue 11): an SKM survey of Disdukcapil Kota Tangerang for the current quarter with a few
// hundred generated responses (fixed seed), a few flagged by the abuse checks, some suggestions
// moderated. The engine's abuse verdicts (core surveyResponseFlags) decide which are flagged.
import { periodOf, surveyResponseFlags } from '../../core/survey.ts';
import type { SurveyResponseInput } from '../../core/types.ts';
import type { Actor } from '../auth/policy.ts';
import type { Tx } from '../db/client.ts';
import { createSurvey, fingerprintOf, getUnitRowOr404, surveyScheme } from '../surveys/queries.ts';
import { surveyResponses } from '../surveys/schema.ts';
import { deviceKey } from '../surveys/tokens.ts';
import { prng, prngUuid } from './synthetic.ts';

const SUGGESTIONS = [
  'Antrean sudah lebih cepat, pertahankan.',
  'Mohon tambah kursi di ruang tunggu.',
  'Informasi persyaratan di situs web perlu diperbarui.',
  'Petugas ramah dan membantu.',
  'Sistem antrean daring sering gangguan.',
];

export async function seedDemoSurveys(tx: Tx, operator: Actor, unitId: string, now: Date, count = 300): Promise<string> {
  const rand = prng(11);
  const period = periodOf('quarter', now.getTime(), 420);
  const unit = await getUnitRowOr404(tx, unitId);
  const survey = await createSurvey(tx, operator, unit, {
    kind: 'skm',
    periodKind: 'quarter',
    year: period.year,
    index: period.index,
    services: ['KTP-el', 'Kartu Keluarga', 'Akta Kelahiran', 'Pindah Datang'],
    expectedUsers: 3000,
    opensAt: new Date(period.start).toISOString(),
    // 23.59 of the period's last day, as the set-up form closes a survey (not 00.00 of the next).
    closesAt: new Date(period.end - 60_000).toISOString(),
  });
  const scheme = await surveyScheme(tx, survey);
  // Weaker on waiting time (U3) and complaints (U9), strong on staff behaviour (U7).
  const lean: Record<string, number> = { U1: 3.3, U2: 3.2, U3: 2.7, U4: 3.8, U5: 3.1, U6: 3.4, U7: 3.6, U8: 3.2, U9: 2.9 };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const span = Math.max(1, now.getTime() - period.start - 60_000);
  const rows: (typeof surveyResponses.$inferInsert)[] = [];
  const inputs: SurveyResponseInput[] = [];
  for (let k = 0; k < count; k++) {
    const answers = Object.fromEntries(
      Object.entries(lean).map(([c, m]) => [c, Math.max(1, Math.min(4, Math.round(m + (rand() - 0.5) * 1.6)))]),
    );
    const profile = {
      usia: pick(['u-20-29', 'u-30-39', 'u-30-39', 'u-40-49', 'u-50-59', 'u-60']),
      'jenis-kelamin': pick(['L', 'P']),
      pendidikan: pick(['sma', 'sma', 's1', 'd3', 'smp']),
      pekerjaan: pick(['swasta', 'wirausaha', 'pns', 'lainnya']),
      layanan: pick(survey.services),
    };
    const submittedAt = new Date(period.start + Math.floor((span * (k + rand())) / count));
    const openedAt = new Date(submittedAt.getTime() - (60 + Math.floor(rand() * 240)) * 1000);
    const id = prngUuid(rand);
    // One device sends twice (flagged as a repeat); a few bots fill the honeypot.
    const device = deviceKey(survey.id, k === 42 ? 'device-41' : `device-${k}`);
    const honeypot = k % 97 === 13 ? 'http://promo.example' : null;
    inputs.push({
      id,
      submittedAt: submittedAt.toISOString(),
      openedAt: openedAt.toISOString(),
      deviceKey: device,
      answers,
      profile,
      honeypot,
    });
    const suggestion = k % 9 === 0 ? SUGGESTIONS[(k / 9) % SUGGESTIONS.length]! : null;
    rows.push({
      id,
      surveyId: survey.id,
      source: 'public',
      submittedAt,
      openedAt,
      deviceKey: device,
      fingerprint: fingerprintOf(answers, profile),
      answers,
      profile,
      suggestion,
      suggestionStatus: suggestion === null || k % 18 !== 0 ? 'pending' : k % 36 === 0 ? 'approved' : 'hidden',
      accepted: true,
      flags: [],
    });
  }
  // The engine judges them together, as the endpoint does one by one.
  const verdicts = surveyResponseFlags(scheme, survey.instrument, inputs, {
    window: { opensAt: survey.opensAt.toISOString(), closesAt: survey.closesAt.toISOString() },
    periodKind: survey.periodKind,
    offsetMinutes: survey.offsetMinutes,
  });
  verdicts.forEach((v, k) => {
    rows[k]!.accepted = v.accepted;
    rows[k]!.flags = v.flags;
  });
  for (let i = 0; i < rows.length; i += 100) await tx.insert(surveyResponses).values(rows.slice(i, i + 100));
  return survey.id;
}
