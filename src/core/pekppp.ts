/**
 * PEKPPP results beyond the IPP itself (issue 10 §4–§5): the unit's claims (F-01) against the
 * evaluator's verdict (F-02) per indicator and aspect — the "over-claim" view —, the F-03 public
 * questionnaire summarised beside the IPP (never inside it, methodology.md §3), and the
 * clarification window. The IPP, aspect scores and predicate are scoreUnit's; the government
 * IPP is aggregate's. Everything here works for any scheme with 'claim' / 'beside' instruments.
 * Pure; no I/O.
 */
import { bandOf } from './classify.ts';
import { CoreError } from './errors.ts';
import { round2 } from './round.ts';
import { compileScheme } from './score-unit.ts';
import { checkOffset, DAY, formatDate, type Instant, localMidnight, localParts, toMs } from './time.ts';
import type {
  ClaimComparison,
  ClaimDimension,
  ClaimStatus,
  ClarificationWindow,
  IndicatorScore,
  Scheme,
  SupplementSummary,
  UnitScore,
} from './types.ts';

/** Equal up to binary noise (claims and verdicts are means of whole levels). */
const same = (a: number, b: number): boolean => Math.abs(a - b) < 1e-9;

/**
 * Claimed (F-01) against verified (F-02) for one unit scored with scoreUnit. Per indicator the
 * difference claimed − verified (positive = over-claim) and its status; per aspect and in total
 * the result had every claim been accepted, beside the verified one. Unclaimed indicators count
 * as 0 in the claimed result (a unit claims what it can show). Indicators no 'claim' instrument
 * covers are left out.
 */
export function compareClaims(scheme: Scheme, unit: UnitScore): ClaimComparison {
  const c = compileScheme(scheme);
  const byCode = new Map<string, IndicatorScore>();
  for (const d of unit.dimensions) for (const v of d.variables) for (const i of v.indicators) byCode.set(i.code, i);
  const resultMax = scheme.result.max;
  const counts: Record<ClaimStatus, number> = { over: 0, under: 0, equal: 0, unclaimed: 0, unverified: 0 };
  const dimensions: ClaimDimension[] = scheme.dimensions.map((d) => ({
    code: d.code,
    title: d.title,
    claimedScore: 0,
    verifiedScore: 0,
    difference: 0,
    indicators: [],
  }));
  let claimedRaw = 0;
  for (const ci of c.scored) {
    if (!c.claimable[ci.index]) continue;
    const score = byCode.get(ci.indicator.code);
    const claimed = score?.claimed ?? null;
    const verified = score?.value ?? null;
    const max = ci.indicator.scale.max;
    let status: ClaimStatus;
    if (claimed === null) status = 'unclaimed';
    else if (verified === null) status = 'unverified';
    else if (same(claimed, verified)) status = 'equal';
    else status = claimed > verified ? 'over' : 'under';
    counts[status] += 1;
    const claimedPoints = claimed === null ? 0 : ci.fullPoints * (claimed / max);
    const verifiedPoints = verified === null ? 0 : ci.fullPoints * (verified / max);
    const dim = dimensions[ci.dimIndex]!;
    dim.claimedScore += claimed === null ? 0 : ci.inDimension * (claimed / max) * resultMax;
    claimedRaw += claimedPoints;
    dim.indicators.push({
      code: ci.indicator.code,
      ref: ci.ref,
      text: ci.indicator.text,
      dimension: ci.dimension.code,
      claimed,
      verified,
      difference: claimed === null || verified === null ? null : claimed - verified,
      status,
      claimedPoints,
      verifiedPoints,
    });
  }
  unit.dimensions.forEach((d, k) => {
    const dim = dimensions[k]!;
    dim.verifiedScore = d.score;
    dim.difference = dim.claimedScore - d.score;
  });
  const claimedScore = round2(claimedRaw);
  return {
    schemeId: scheme.id,
    claimedRaw,
    claimedScore,
    claimedBand: bandOf(scheme, Math.min(Math.max(claimedScore, scheme.result.min), scheme.result.max)),
    verifiedRaw: unit.raw,
    verifiedScore: unit.score,
    verifiedBand: unit.band,
    difference: round2(claimedRaw - unit.raw),
    counts,
    dimensions: dimensions.filter((d) => d.indicators.length > 0),
  };
}

const meanOf = (xs: number[]): number | null => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);

/**
 * The supplement groups (PEKPPP F-03 and the information items) of one unit scored with
 * scoreUnit: per item its mean and count, per scored dimension the items are reported under the
 * mean of their item means, and the respondents of the 'beside' instrument against its quota.
 * Reported beside the result, never inside it.
 */
export function supplementSummaries(scheme: Scheme, unit: UnitScore): SupplementSummary[] {
  return scheme.supplements.map((group) => {
    const scored = unit.supplements.find((s) => s.code === group.code);
    const codes = new Set(group.indicators.map((i) => i.code));
    const instrument = scheme.instruments.find((i) => i.role === 'beside' && i.covers.some((c) => codes.has(c)));
    const progress = instrument === undefined ? undefined : unit.progress.find((p) => p.code === instrument.code);
    const items = group.indicators.map((ind) => {
      const s = scored?.indicators.find((i) => i.code === ind.code);
      const item: SupplementSummary['items'][number] = {
        code: ind.code,
        ref: s?.ref ?? `${scheme.id}/${group.code}/${ind.code}`,
        text: ind.text,
        unverified: ind.unverified === true,
        mean: s?.value ?? null,
        n: s?.n ?? 0,
      };
      if (ind.guidance !== undefined) item.guidance = ind.guidance;
      if (ind.formCode !== undefined) item.formCode = ind.formCode;
      return item;
    });
    const dimensions = scheme.dimensions
      .map((d) => {
        const under = group.indicators.map((ind, k) => ({ ind, item: items[k]! })).filter(({ ind }) => ind.reportedUnder === d.code);
        return {
          code: d.code,
          title: d.title,
          mean: meanOf(under.flatMap(({ item }) => (item.mean === null ? [] : [item.mean]))),
          items: under.length,
        };
      })
      .filter((d) => d.items > 0);
    return {
      code: group.code,
      title: group.title,
      respondents: progress?.done ?? 0,
      target: progress?.target ?? 0,
      min: progress?.min ?? 0,
      quotaMet: progress?.complete ?? false,
      items,
      dimensions,
      mean: meanOf(items.flatMap((i) => (i.mean === null ? [] : [i.mean]))),
    };
  });
}

/**
 * The clarification window opened at `requestedAt`: the unit may answer through the end of the
 * `verification.clarificationDays`-th local calendar day after the request (7 under PEKPPP: a
 * request on Monday 10:00 closes at the end of the next Monday), at UTC offset `offsetMinutes`
 * (WIB = 420).
 * @throws CoreError 'scheme.rule_missing' without a `verification` block; 'value.invalid_date'.
 */
export function clarificationWindow(scheme: Scheme, requestedAt: Instant, offsetMinutes: number): ClarificationWindow {
  const rules = scheme.verification;
  if (rules === undefined) throw new CoreError('scheme.rule_missing', { schemeId: scheme.id, rule: 'verification' });
  checkOffset(offsetMinutes);
  const at = toMs(requestedAt, 'clarification request time');
  const { year, month, day } = localParts(at, offsetMinutes);
  const closesAt = localMidnight(year, month, day + rules.clarificationDays + 1, offsetMinutes);
  return { requestedAt: at, lastDay: formatDate(closesAt - DAY, offsetMinutes), closesAt, days: rules.clarificationDays };
}
