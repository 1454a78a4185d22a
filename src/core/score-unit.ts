/**
 * Unit scoring: one formula for every family (see the head of types.ts).
 *
 *   f_i = value_i / scale.max_i,  D_d = Σ w_i · f_i · result.max,  T = Σ W_d · D_d
 *
 * `value_i` is the mean over every sheet (of a role 'score' instrument) that answered the
 * indicator: 30 users, 4 officials, ≥ 2 products are averaged (methodology.md §2). A missing
 * indicator is missing, not zero: it contributes 0 points, is listed, and makes the unit
 * incomplete (§1). Full precision throughout; `score = round2(raw)` is the only rounding.
 *
 * Pure: no I/O, no clock. A scheme is compiled once (lookup tables, effective weights) and
 * cached in a WeakMap keyed by the scheme object, so schemes must be treated as immutable.
 */
import { bandOf } from './classify.ts';
import { CoreError } from './errors.ts';
import { round2 } from './round.ts';
import { quotaFor } from './sample-size.ts';
import type {
  Dimension,
  DimensionScore,
  Indicator,
  IndicatorScore,
  Instrument,
  InstrumentProgress,
  Scheme,
  Supplement,
  UnitAnswers,
  UnitScore,
  Variable,
  VariableScore,
} from './types.ts';

// ---------------------------------------------------------------------------------------------
// Compiled scheme (internal; shared with ikm, improve, what-if)
// ---------------------------------------------------------------------------------------------

/** A scored indicator with its place and effective weight. */
export interface CompiledIndicator {
  index: number;
  indicator: Indicator;
  dimension: Dimension;
  dimIndex: number;
  variable: Variable;
  varIndex: number;
  /** w_i: share of the indicator inside its dimension (Σ = 1 per dimension). */
  inDimension: number;
  /** W_d · w_i: share of the unit total (Σ = 1). */
  share: number;
  /** Points at full marks: W_d · w_i · result.max. */
  fullPoints: number;
  ref: string;
}

export interface CompiledSupplementIndicator {
  index: number;
  indicator: Indicator;
  supplement: Supplement;
  supIndex: number;
  ref: string;
}

/** Where an answer to a code goes, with the scale to check it against. */
interface Slot {
  supplement: boolean;
  index: number;
  min: number;
  max: number;
}

interface CompiledInstrument {
  index: number;
  instrument: Instrument;
  /** Covered code → slot; a code the instrument does not cover is absent. */
  covers: Map<string, Slot>;
  role: Instrument['role'];
  perProduct: boolean;
  min: number;
}

export interface CompiledScheme {
  scheme: Scheme;
  scored: CompiledIndicator[];
  supplements: CompiledSupplementIndicator[];
  /** Every indicator code of the scheme (scored and supplement) → slot. */
  codes: Map<string, Slot>;
  instruments: Map<string, CompiledInstrument>;
  instrumentList: CompiledInstrument[];
  /** Scored indicators some 'claim' instrument covers (PEKPPP F-01). */
  claimable: boolean[];
}

const cache = new WeakMap<Scheme, CompiledScheme>();

/** Compile (and cache) the lookup tables of a scheme. Internal to the engine. */
export function compileScheme(scheme: Scheme): CompiledScheme {
  const hit = cache.get(scheme);
  if (hit !== undefined) return hit;

  const scored: CompiledIndicator[] = [];
  const codes = new Map<string, Slot>();
  scheme.dimensions.forEach((dimension, dimIndex) => {
    const all = dimension.variables.flatMap((v) => v.indicators);
    const W = dimension.weight / 100;
    dimension.variables.forEach((variable, varIndex) => {
      for (const indicator of variable.indicators) {
        const inDimension = dimension.indicatorWeighting === 'equal' ? 1 / all.length : (indicator.weight ?? 0) / 100;
        const share = W * inDimension;
        const index = scored.length;
        scored.push({
          index,
          indicator,
          dimension,
          dimIndex,
          variable,
          varIndex,
          inDimension,
          share,
          fullPoints: share * scheme.result.max,
          ref: `${scheme.id}/${dimension.code}/${variable.code}/${indicator.code}`,
        });
        codes.set(indicator.code, {
          supplement: false,
          index,
          min: indicator.scale.min,
          max: indicator.scale.max,
        });
      }
    });
  });

  const supplements: CompiledSupplementIndicator[] = [];
  scheme.supplements.forEach((supplement, supIndex) => {
    for (const indicator of supplement.indicators) {
      const index = supplements.length;
      supplements.push({
        index,
        indicator,
        supplement,
        supIndex,
        ref: `${scheme.id}/${supplement.code}/${indicator.code}`,
      });
      codes.set(indicator.code, {
        supplement: true,
        index,
        min: indicator.scale.min,
        max: indicator.scale.max,
      });
    }
  });

  const claimable = scored.map(() => false);
  const instrumentList = scheme.instruments.map((instrument, index): CompiledInstrument => {
    const covers = new Map<string, Slot>();
    for (const code of instrument.covers) {
      const slot = codes.get(code);
      if (slot === undefined) continue; // a dangling cover is parse-scheme's to report
      covers.set(code, slot);
      if (instrument.role === 'claim' && !slot.supplement) claimable[slot.index] = true;
    }
    return {
      index,
      instrument,
      covers,
      role: instrument.role,
      perProduct: instrument.perProduct === true,
      min: instrument.quota.min ?? instrument.quota.target,
    };
  });
  const instruments = new Map(instrumentList.map((ci) => [ci.instrument.code, ci]));

  const compiled: CompiledScheme = {
    scheme,
    scored,
    supplements,
    codes,
    instruments,
    instrumentList,
    claimable,
  };
  cache.set(scheme, compiled);
  return compiled;
}

// ---------------------------------------------------------------------------------------------
// Scoring
// ---------------------------------------------------------------------------------------------

export interface ScoreOptions {
  /** Expected number of service users in the period (SKM): sets population-based quotas. */
  population?: number;
  /**
   * Issue 13 §5: a unit's own quotas (instrument code → target and minimum) set by the Perwakilan
   * within the scheme's `quota.adjust`; they replace the file's (and the population's) quota.
   */
  quotas?: Readonly<Record<string, { target: number; min: number }>>;
}

/** Per-indicator tallies from the sheets of one unit. */
interface Tally {
  sum: Float64Array;
  n: Int32Array;
  claimSum: Float64Array;
  claimN: Int32Array;
  supSum: Float64Array;
  supN: Int32Array;
  /** Sheets with at least one answer, per instrument. */
  done: Int32Array;
  /** 'products' aggregation: per product sheet its own answers (NaN = unanswered). */
  products: { respondent: string; answers: Float64Array }[];
}

function tallySheets(c: CompiledScheme, answers: UnitAnswers, productMode: boolean): Tally {
  const nScored = c.scored.length;
  const nSup = c.supplements.length;
  const t: Tally = {
    sum: new Float64Array(nScored),
    n: new Int32Array(nScored),
    claimSum: new Float64Array(nScored),
    claimN: new Int32Array(nScored),
    supSum: new Float64Array(nSup),
    supN: new Int32Array(nSup),
    done: new Int32Array(c.instrumentList.length),
    products: [],
  };
  const schemeId = c.scheme.id;
  const sheets = answers.sheets;
  for (let s = 0; s < sheets.length; s++) {
    const sheet = sheets[s]!;
    const ci = c.instruments.get(sheet.instrument);
    if (ci === undefined) {
      throw new CoreError('instrument.unknown', { schemeId, sheet: s, instrument: sheet.instrument });
    }
    const ownProduct = productMode && ci.perProduct && ci.role === 'score';
    const own = ownProduct ? new Float64Array(nScored).fill(Number.NaN) : undefined;
    const respondent = sheet.respondent;
    let answered = false;
    const record = sheet.answers;
    const covers = ci.covers;
    const role = ci.role;
    for (const code of Object.keys(record)) {
      const v = record[code];
      if (v === null || v === undefined) continue;
      const slot = covers.get(code);
      if (slot === undefined) {
        const base = { schemeId, sheet: s, instrument: ci.instrument.code, indicator: code };
        throw c.codes.has(code) ? new CoreError('instrument.not_covering', base) : new CoreError('indicator.unknown', base);
      }
      if (typeof v !== 'number' || !Number.isInteger(v)) {
        throw new CoreError('answer.not_integer', {
          schemeId,
          sheet: s,
          instrument: ci.instrument.code,
          indicator: code,
          value: v,
          ...(respondent === undefined ? {} : { respondent }),
        });
      }
      if (v < slot.min || v > slot.max) {
        throw new CoreError('answer.out_of_scale', {
          schemeId,
          sheet: s,
          instrument: ci.instrument.code,
          indicator: code,
          value: v,
          min: slot.min,
          max: slot.max,
          ...(respondent === undefined ? {} : { respondent }),
        });
      }
      answered = true;
      const i = slot.index;
      if (slot.supplement) {
        // Supplement items (F-03, information items) are reported from every sheet that
        // answers them, except self-assessment claims (F-01 may repeat them).
        if (role !== 'claim') {
          t.supSum[i]! += v;
          t.supN[i]! += 1;
        }
      } else if (role === 'score') {
        t.sum[i]! += v;
        t.n[i]! += 1;
        if (own !== undefined) own[i] = v;
      } else if (role === 'claim') {
        t.claimSum[i]! += v;
        t.claimN[i]! += 1;
      }
      // A 'beside' sheet answering a scored indicator is neither scored nor claimed.
    }
    if (answered) t.done[ci.index]! += 1;
    if (own !== undefined && answered) {
      t.products.push({
        respondent: respondent ?? sheet.id ?? `produk ${t.products.length + 1}`,
        answers: own,
      });
    }
  }
  return t;
}

function indicatorScore(
  ci: { indicator: Indicator; ref: string },
  value: number | null,
  n: number,
  weight: number,
  points: number,
  pointsLost: number,
): IndicatorScore {
  return {
    code: ci.indicator.code,
    ref: ci.ref,
    text: ci.indicator.text,
    value,
    n,
    percentage: value === null ? null : (value / ci.indicator.scale.max) * 100,
    weight,
    points,
    pointsLost,
    missing: value === null,
  };
}

/**
 * Score one unit from its filled sheets.
 *
 * - Indicator value = mean over every sheet of a role 'score' instrument that answered it;
 *   'claim' sheets (PEKPPP F-01) fill `claimed`; 'beside' sheets (F-03) fill `supplements`.
 * - `aggregation.unit === 'products'` (ombudsman-2021): each product sheet is scored on its own
 *   (an indicator its product instrument does not answer falls back to the mean of the other
 *   score sheets); the unit total is the mean of product totals, `weight` = number of products,
 *   and the unit is complete only when every product answers every indicator. Per-indicator
 *   `points` are then the mean of the products' points, so they still add up to `raw`.
 * - `complete` = no missing indicator and every instrument at or above `quota.min ?? target`
 *   (a sheet counts when it has at least one answer).
 * - An incomplete unit whose rounded score falls below `result.min` (SKM: 25) gets the lowest
 *   band; its `score` stays the real, lower number. Such a unit cannot be published anyway.
 *
 * - `options.population` (the expected service users of the period): instruments whose quota
 *   is `fromPopulation` (SKM) take their target — and with 'target-and-min' their minimum — from
 *   the scheme's `sampling` (`quotaFor`).
 *
 * @throws CoreError 'instrument.unknown' | 'indicator.unknown' | 'instrument.not_covering' |
 *         'answer.not_integer' | 'answer.out_of_scale', naming the sheet index and instrument;
 *         'sample.population_invalid'.
 */
export function scoreUnit(scheme: Scheme, answers: UnitAnswers, options?: ScoreOptions): UnitScore {
  const c = compileScheme(scheme);
  const productMode = scheme.aggregation.unit === 'products';
  const t = tallySheets(c, answers, productMode);
  const resultMax = scheme.result.max;

  // Effective fraction per indicator: f_i (sheets) or the mean over products of f_{p,i}.
  const nScored = c.scored.length;
  const value: (number | null)[] = new Array<number | null>(nScored);
  const fraction = new Float64Array(nScored);
  for (let i = 0; i < nScored; i++) {
    const n = t.n[i]!;
    value[i] = n === 0 ? null : t.sum[i]! / n;
  }
  let productScores: UnitScore['products'];
  if (!productMode) {
    for (let i = 0; i < nScored; i++) {
      const v = value[i];
      fraction[i] = v === null || v === undefined ? 0 : v / c.scored[i]!.indicator.scale.max;
    }
  } else {
    productScores = [];
    // Fallback value from the unit's non-product score sheets.
    const shared = new Float64Array(nScored).fill(Number.NaN);
    for (let i = 0; i < nScored; i++) {
      let sum = t.sum[i]!;
      let n = t.n[i]!;
      for (const p of t.products) {
        const own = p.answers[i]!;
        if (!Number.isNaN(own)) {
          sum -= own;
          n -= 1;
        }
      }
      if (n > 0) shared[i] = sum / n;
    }
    for (const p of t.products) {
      let raw = 0;
      let complete = true;
      for (let i = 0; i < nScored; i++) {
        const ci = c.scored[i]!;
        let v = p.answers[i]!;
        if (Number.isNaN(v)) v = shared[i]!;
        if (Number.isNaN(v)) {
          complete = false;
          continue;
        }
        const f = v / ci.indicator.scale.max;
        fraction[i] = fraction[i]! + f;
        raw += ci.fullPoints * f;
      }
      productScores.push({ respondent: p.respondent, raw, score: round2(raw), complete });
    }
    const count = t.products.length;
    for (let i = 0; i < nScored; i++) fraction[i] = count === 0 ? 0 : fraction[i]! / count;
  }

  // Breakdown: indicators → variables → dimensions.
  const missing: string[] = [];
  const dimensions: DimensionScore[] = scheme.dimensions.map((d) => ({
    code: d.code,
    title: d.title,
    weight: d.weight,
    score: 0,
    points: 0,
    pointsLost: 0,
    variables: d.variables.map((v): VariableScore => ({ code: v.code, title: v.title, points: 0, pointsLost: 0, indicators: [] })),
  }));
  for (let i = 0; i < nScored; i++) {
    const ci = c.scored[i]!;
    const f = fraction[i]!;
    const points = ci.fullPoints * f;
    const pointsLost = ci.fullPoints - points;
    const is = indicatorScore(ci, value[i] ?? null, t.n[i]!, ci.share * 100, points, pointsLost);
    if (c.claimable[i]) is.claimed = t.claimN[i]! === 0 ? null : t.claimSum[i]! / t.claimN[i]!;
    if (is.missing) missing.push(ci.indicator.code);
    const ds = dimensions[ci.dimIndex]!;
    const vs = ds.variables[ci.varIndex]!;
    vs.indicators.push(is);
    vs.points += points;
    vs.pointsLost += pointsLost;
    ds.points += points;
    ds.pointsLost += pointsLost;
    ds.score += ci.inDimension * f * resultMax;
  }
  // T = Σ W_d · D_d (types.ts), in full precision.
  let raw = 0;
  for (let d = 0; d < dimensions.length; d++) {
    raw += (scheme.dimensions[d]!.weight / 100) * dimensions[d]!.score;
  }

  const population = options?.population;
  const progress: InstrumentProgress[] = c.instrumentList.map((ci) => {
    const done = t.done[ci.index]!;
    const quota =
      options?.quotas?.[ci.instrument.code] ??
      (population === undefined || ci.instrument.quota.fromPopulation === undefined
        ? { target: ci.instrument.quota.target, min: ci.min }
        : quotaFor(scheme, ci.instrument.code, population));
    return {
      code: ci.instrument.code,
      done,
      target: quota.target,
      min: quota.min,
      complete: done >= quota.min,
    };
  });
  const incompleteInstruments = progress.filter((p) => !p.complete).map((p) => p.code);
  const complete =
    missing.length === 0 && incompleteInstruments.length === 0 && (productScores === undefined || productScores.every((p) => p.complete));

  const score = round2(raw);
  const band = bandOf(scheme, !complete && score < scheme.result.min ? scheme.result.min : score);

  const supplements: UnitScore['supplements'] = scheme.supplements.map((s) => ({
    code: s.code,
    title: s.title,
    indicators: [],
  }));
  for (const cs of c.supplements) {
    const n = t.supN[cs.index]!;
    const v = n === 0 ? null : t.supSum[cs.index]! / n;
    supplements[cs.supIndex]!.indicators.push(indicatorScore(cs, v, n, 0, 0, 0));
  }

  const result: UnitScore = {
    schemeId: scheme.id,
    raw,
    score,
    band,
    complete,
    missing,
    incompleteInstruments,
    dimensions,
    progress,
    weight: productScores === undefined ? 1 : productScores.length,
    supplements,
  };
  if (productScores !== undefined) result.products = productScores;
  return result;
}
