/**
 * Periodic public surveys (issue 11): SKM periods (month, quarter, semester, year) in a given
 * UTC offset, the IKM report per unit and period keyed by unsur code (never by position: the
 * official order of U8/U9 is unverified), age bands of the respondent profile, and the abuse
 * checks whose thresholds live in the library file (`Instrument.publicResponse`). Flagged
 * responses are kept by the caller but left out of the IKM. Pure; no I/O, no clock.
 */
import { classify } from './classify.ts';
import { periodLabel } from './period-label.ts';
import { CoreError } from './errors.ts';
import { round2 } from './round.ts';
import { quotaFor } from './sample-size.ts';
import { compileScheme, scoreUnit } from './score-unit.ts';
import { PERIOD_KINDS } from './vocab.ts';
import { checkOffset, formatDate, type Instant, localMidnight, localParts, MINUTE, toMs } from './time.ts';
import type {
  IkmReport,
  IkmUnsur,
  Period,
  PeriodKind,
  Scheme,
  Sheet,
  SurveyFlag,
  SurveyFlagCode,
  SurveyResponseInput,
  SurveyResponseVerdict,
  Text,
} from './types.ts';

// ---------------------------------------------------------------------------------------------
// Periods
// ---------------------------------------------------------------------------------------------

const MONTHS: Record<PeriodKind, number> = { month: 1, quarter: 3, semester: 6, year: 12 };
const COUNT: Record<PeriodKind, number> = { month: 12, quarter: 4, semester: 2, year: 1 };

function keyOf(kind: PeriodKind, year: number, index: number): string {
  const y = String(year).padStart(4, '0');
  switch (kind) {
    case 'month':
      return `${y}-${String(index).padStart(2, '0')}`;
    case 'quarter':
      return `${y}-Q${index}`;
    case 'semester':
      return `${y}-S${index}`;
    case 'year':
      return y;
  }
}

function checkKind(kind: PeriodKind): PeriodKind {
  if (!(PERIOD_KINDS as readonly string[]).includes(kind)) {
    throw new CoreError('value.invalid', { value: kind, what: 'period kind', expected: PERIOD_KINDS.join(', ') });
  }
  return kind;
}

/**
 * The period of `kind` numbered `index` (1-based) in `year`, at UTC offset `offsetMinutes`
 * (WIB = 420): it starts at local midnight of its first day and ends (exclusive) at local
 * midnight after its last day.
 * @throws CoreError 'value.invalid' for an unknown kind, an index out of range or a bad offset.
 */
export function periodBounds(kind: PeriodKind, year: number, index: number, offsetMinutes: number): Period {
  checkKind(kind);
  checkOffset(offsetMinutes);
  if (!Number.isInteger(year) || year < 1 || year > 9999)
    throw new CoreError('value.invalid', { value: year, what: 'year', expected: '1–9999' });
  if (!Number.isInteger(index) || index < 1 || index > COUNT[kind]) {
    throw new CoreError('value.invalid', { value: index, what: `${kind} number`, expected: `1–${COUNT[kind]}` });
  }
  const firstMonth = (index - 1) * MONTHS[kind] + 1;
  const start = localMidnight(year, firstMonth, 1, offsetMinutes);
  const end = localMidnight(year, firstMonth + MONTHS[kind], 1, offsetMinutes);
  return {
    kind,
    year,
    index,
    key: keyOf(kind, year, index),
    start,
    end,
    firstDay: formatDate(start, offsetMinutes),
    lastDay: formatDate(end - 1, offsetMinutes),
  };
}

/**
 * The period of `kind` an instant falls in, at UTC offset `offsetMinutes`: 2025-03-31T23:30+07:00
 * is in 2025-Q1 under WIB (420) but 2025-04-01 00:30 WITA (480), i.e. 2025-Q2.
 * @throws CoreError 'value.invalid_date' | 'value.invalid'.
 */
export function periodOf(kind: PeriodKind, at: Instant, offsetMinutes: number): Period {
  checkKind(kind);
  checkOffset(offsetMinutes);
  const { year, month } = localParts(toMs(at, 'survey time'), offsetMinutes);
  return periodBounds(kind, year, Math.floor((month - 1) / MONTHS[kind]) + 1, offsetMinutes);
}

const KEY = /^(\d{4})(?:-(?:(\d{2})|Q([1-4])|S([12])))?$/;

/**
 * The period a key names ("2025-03", "2025-Q1", "2025-S2", "2025").
 * @throws CoreError 'value.invalid' for a malformed key.
 */
export function parsePeriodKey(key: string, offsetMinutes: number): Period {
  const m = typeof key === 'string' ? KEY.exec(key) : null;
  if (m === null)
    throw new CoreError('value.invalid', { value: key, what: 'period key', expected: '"2025-03", "2025-Q1", "2025-S1" or "2025"' });
  const year = Number(m[1]);
  if (m[2] !== undefined) return periodBounds('month', year, Number(m[2]), offsetMinutes);
  if (m[3] !== undefined) return periodBounds('quarter', year, Number(m[3]), offsetMinutes);
  if (m[4] !== undefined) return periodBounds('semester', year, Number(m[4]), offsetMinutes);
  return periodBounds('year', year, 1, offsetMinutes);
}

// ---------------------------------------------------------------------------------------------
// Profile
// ---------------------------------------------------------------------------------------------

/**
 * The age-band option code of `age` whole years in the instrument's 'age-band' profile field
 * (`field` names it when there are several), or null when no band holds it.
 * @throws CoreError 'scheme.unknown_instrument'; 'scheme.rule_missing' without an age-band field.
 */
export function ageBand(scheme: Scheme, instrumentCode: string, age: number, field?: string): string | null {
  const instrument = scheme.instruments.find((i) => i.code === instrumentCode);
  if (instrument === undefined) throw new CoreError('scheme.unknown_instrument', { schemeId: scheme.id, instrument: instrumentCode });
  const f = instrument.profile?.find((p) => p.kind === 'age-band' && (field === undefined || p.code === field));
  if (f === undefined)
    throw new CoreError('scheme.rule_missing', { schemeId: scheme.id, rule: `instruments/${instrumentCode}/profile (age-band)` });
  if (!Number.isFinite(age)) return null;
  const years = Math.floor(age);
  return f.options?.find((o) => years >= (o.min ?? 0) && (o.max === undefined || years <= o.max))?.code ?? null;
}

// ---------------------------------------------------------------------------------------------
// IKM report
// ---------------------------------------------------------------------------------------------

/**
 * The IKM of one unit for one period from its accepted responses, each keyed by unsur code
 * (`{ U1: 3, U2: 4, … }`): NRR per unsur (mean over the respondents who answered it), IKM on
 * 25–100 with the exact weights of the library file (1/9 each under skm-2017), its mutu, each
 * unsur converted to the index scale with its mutu, and the weakest unsur. With `population`
 * (expected service users in the period) the Krejcie–Morgan sample and the shortfall.
 * Same numbers as `ikm` and `scoreUnit`: the report is built from scoreUnit.
 * @throws CoreError 'ikm.no_respondents'; scoreUnit's answer errors ('indicator.unknown' for a
 *         code that is no unsur, 'answer.out_of_scale', 'answer.not_integer').
 */
export function ikmReport(scheme: Scheme, responses: readonly Record<string, number | null | undefined>[], population?: number): IkmReport {
  if (responses.length === 0) throw new CoreError('ikm.no_respondents', { schemeId: scheme.id });
  const c = compileScheme(scheme);
  const instrument = c.instrumentList.find((i) => i.role === 'score')?.instrument;
  if (instrument === undefined)
    throw new CoreError('scheme.rule_missing', { schemeId: scheme.id, rule: "an instrument with role 'score'" });
  const sheets: Sheet[] = responses.map((answers, k) => ({
    instrument: instrument.code,
    respondent: `responden ${k + 1}`,
    answers: { ...answers },
  }));
  const unit = scoreUnit(scheme, { sheets }, population === undefined ? undefined : { population });
  const resultMax = scheme.result.max;
  const unsur: IkmUnsur[] = [];
  for (const ci of c.scored) {
    const s = unit.dimensions[ci.dimIndex]!.variables[ci.varIndex]!.indicators.find((i) => i.code === ci.indicator.code)!;
    const nrr = s.value ?? 0;
    const converted = (nrr / ci.indicator.scale.max) * resultMax;
    unsur.push({
      code: ci.indicator.code,
      text: ci.indicator.text,
      nrr,
      weighted: nrr * ci.share,
      converted,
      band: classify(scheme, Math.max(converted, scheme.result.min)),
      n: s.n,
    });
  }
  const ascending = unsur
    .map((u, k) => ({ u, k }))
    .sort((a, b) => a.u.nrr - b.u.nrr || a.k - b.k)
    .map(({ u }) => u.code);
  const lowest = Math.min(...unsur.map((u) => u.nrr));
  const report: IkmReport = {
    schemeId: scheme.id,
    respondents: responses.length,
    unsur,
    raw: unit.raw,
    ikm: round2(unit.raw),
    band: unit.band,
    weakest: unsur.filter((u) => Math.abs(u.nrr - lowest) < 1e-12).map((u) => u.code),
    ascending,
    complete: unit.missing.length === 0 && unsur.every((u) => u.n === responses.length),
  };
  if (population !== undefined) {
    const quota = quotaFor(scheme, instrument.code, population);
    report.sample = {
      population,
      target: quota.target,
      met: responses.length >= quota.target,
      shortfall: Math.max(0, quota.target - responses.length),
    };
  }
  return report;
}

/**
 * The IKM of one unit per survey period: accepted responses grouped by the period of `kind`
 * their submission time falls in (at UTC offset `offsetMinutes`), one `ikmReport` per period
 * that has responses, oldest first. `population` (expected service users per period) sets the
 * sample target of each.
 * @throws as ikmReport and periodOf.
 */
export function ikmByPeriod(
  scheme: Scheme,
  responses: readonly { submittedAt: Instant; answers: Record<string, number | null | undefined> }[],
  kind: PeriodKind,
  offsetMinutes: number,
  population?: number,
): { period: Period; report: IkmReport }[] {
  const groups = new Map<string, { period: Period; answers: Record<string, number | null | undefined>[] }>();
  for (const r of responses) {
    const period = periodOf(kind, r.submittedAt, offsetMinutes);
    let g = groups.get(period.key);
    if (g === undefined) groups.set(period.key, (g = { period, answers: [] }));
    g.answers.push(r.answers);
  }
  return [...groups.values()]
    .sort((a, b) => a.period.start - b.period.start)
    .map(({ period, answers }) => ({ period, report: ikmReport(scheme, answers, population) }));
}

// ---------------------------------------------------------------------------------------------
// Abuse checks
// ---------------------------------------------------------------------------------------------

const reasons: { [C in SurveyFlagCode]: (d: Record<string, string | number>) => Text } = {
  'outside-dates': () => ({ id: 'Dikirim di luar tanggal survei dibuka.', en: 'Sent outside the dates the survey is open.' }),
  'device-repeat': (d) => ({
    id: `Perangkat ini sudah mengirim ${d['limit']} jawaban pada periode ${periodLabel(String(d['period']), 'id')}.`,
    en: `This device already sent ${d['limit']} response(s) in the period ${periodLabel(String(d['period']), 'en')}.`,
  }),
  'burst-identical': (d) => ({
    id: `Jawaban ke-${d['count']} yang identik dalam ${d['windowMinutes']} menit (batas ${d['limit']}).`,
    en: `Identical response number ${d['count']} within ${d['windowMinutes']} minutes (limit ${d['limit']}).`,
  }),
  'too-fast': (d) => ({
    id: `Diisi dalam ${d['seconds']} detik, kurang dari ${d['minSeconds']} detik.`,
    en: `Answered in ${d['seconds']} seconds, under ${d['minSeconds']} seconds.`,
  }),
  honeypot: () => ({ id: 'Kolom jebakan bot terisi.', en: 'The bot-trap field was filled in.' }),
};

/** Identity of a response for burst detection: its answers and profile, key order irrelevant. */
function fingerprint(r: SurveyResponseInput): string {
  const part = (o: Record<string, unknown> | undefined): string =>
    Object.keys(o ?? {})
      .filter((k) => o![k] !== null && o![k] !== undefined)
      .sort()
      .map((k) => `${k}=${String(o![k])}`)
      .join('&');
  return `${part(r.answers)}|${part(r.profile)}`;
}

export interface SurveyCheckOptions {
  /** The open window: responses before `opensAt` or at/after `closesAt` are flagged. */
  window?: { opensAt: Instant; closesAt: Instant };
  /** Survey period kind for the per-device limit; absent = the whole set is one period (F-03: the cycle). */
  periodKind?: PeriodKind;
  /** UTC offset of the survey (WIB = 420); needed with `periodKind`. Default 420. */
  offsetMinutes?: number;
}

/**
 * Abuse flags of public responses to `instrumentCode` under the instrument's `publicResponse`
 * rules (issue 11 §3), one verdict per response in input order:
 * - 'honeypot': the hidden field was filled;
 * - 'outside-dates': submitted outside `options.window`;
 * - 'too-fast': submitted less than `minSecondsToAnswer` after `openedAt`;
 * - 'device-repeat': beyond `perDevicePerPeriod` responses of one device key in one period
 *   (earliest kept; kiosks exempt);
 * - 'burst-identical': more than `burst.maxIdentical` responses with the same answers and profile
 *   within `burst.windowMinutes` (the earliest `maxIdentical` kept, later ones flagged).
 * Responses are taken in time order (then input order), so the verdicts do not depend on the
 * order of `responses`. Every response counts toward the device and burst limits whatever its
 * other flags, so a bot cannot reset them.
 * @throws CoreError 'scheme.unknown_instrument'; 'scheme.rule_missing' without `publicResponse`;
 *         'value.invalid_date' for a bad time.
 */
export function surveyResponseFlags(
  scheme: Scheme,
  instrumentCode: string,
  responses: readonly SurveyResponseInput[],
  options: SurveyCheckOptions = {},
): SurveyResponseVerdict[] {
  const instrument = scheme.instruments.find((i) => i.code === instrumentCode);
  if (instrument === undefined) throw new CoreError('scheme.unknown_instrument', { schemeId: scheme.id, instrument: instrumentCode });
  const rules = instrument.publicResponse;
  if (rules === undefined)
    throw new CoreError('scheme.rule_missing', { schemeId: scheme.id, rule: `instruments/${instrumentCode}/publicResponse` });
  const offset = checkOffset(options.offsetMinutes ?? 420);
  const opens = options.window === undefined ? undefined : toMs(options.window.opensAt, 'survey opening time');
  const closes = options.window === undefined ? undefined : toMs(options.window.closesAt, 'survey closing time');

  const flags: SurveyFlag[][] = responses.map(() => []);
  const add = (k: number, code: SurveyFlagCode, details: Record<string, string | number> = {}): void => {
    flags[k]!.push({ code, reason: reasons[code](details), details });
  };
  const times = responses.map((r) => toMs(r.submittedAt, `response ${r.id} submission time`));
  const order = responses.map((_, k) => k).sort((a, b) => times[a]! - times[b]! || a - b);

  const perDevice = new Map<string, number>();
  const recent = new Map<string, number[]>();
  const window = rules.burst.windowMinutes * MINUTE;
  for (const k of order) {
    const r = responses[k]!;
    const t = times[k]!;
    if (r.honeypot !== undefined && r.honeypot !== null && r.honeypot.trim() !== '') add(k, 'honeypot');
    if ((opens !== undefined && t < opens) || (closes !== undefined && t >= closes)) add(k, 'outside-dates');
    if (r.openedAt !== undefined) {
      const seconds = (t - toMs(r.openedAt, `response ${r.id} opening time`)) / 1000;
      if (seconds < rules.minSecondsToAnswer)
        add(k, 'too-fast', { seconds: Math.max(0, Math.floor(seconds)), minSeconds: rules.minSecondsToAnswer });
    }
    if (r.deviceKey !== undefined && r.deviceKey !== '' && r.kiosk !== true) {
      const period = options.periodKind === undefined ? 'survey' : periodOf(options.periodKind, t, offset).key;
      const key = `${period}\n${r.deviceKey}`;
      const n = (perDevice.get(key) ?? 0) + 1;
      perDevice.set(key, n);
      if (n > rules.perDevicePerPeriod) add(k, 'device-repeat', { limit: rules.perDevicePerPeriod, period });
    }
    const fp = fingerprint(r);
    const seen = (recent.get(fp) ?? []).filter((s) => s > t - window);
    seen.push(t);
    recent.set(fp, seen);
    if (seen.length > rules.burst.maxIdentical) {
      add(k, 'burst-identical', { count: seen.length, windowMinutes: rules.burst.windowMinutes, limit: rules.burst.maxIdentical });
    }
  }
  return responses.map((r, k) => ({ id: r.id, accepted: flags[k]!.length === 0, flags: flags[k]! }));
}
