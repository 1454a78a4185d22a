/**
 * fast-check generators of valid engine input for any scheme. Test-only.
 */
import fc from 'fast-check';
import type { Indicator, Scheme, Sheet, UnitAnswers } from '../types.ts';

function indicatorsByCode(scheme: Scheme): Map<string, Indicator> {
  const map = new Map<string, Indicator>();
  for (const d of scheme.dimensions) for (const v of d.variables) for (const i of v.indicators) map.set(i.code, i);
  for (const s of scheme.supplements) for (const i of s.indicators) map.set(i.code, i);
  return map;
}

/**
 * Valid answers for `scheme`: per instrument 0…target+1 sheets (or exactly `target` with
 * `full`), at most `maxSheets`; each answer a whole number on the indicator's scale, or
 * (unless `full`) null.
 */
export function unitAnswers(scheme: Scheme, opts: { full?: boolean; maxSheets?: number } = {}): fc.Arbitrary<UnitAnswers> {
  const cap = opts.maxSheets ?? Number.POSITIVE_INFINITY;
  const byCode = indicatorsByCode(scheme);
  const perInstrument = scheme.instruments.map((ins) => {
    const answers = fc.record(
      Object.fromEntries(
        ins.covers.map((code) => {
          const { min, max } = byCode.get(code)!.scale;
          const value = fc.integer({ min, max });
          return [code, opts.full === true ? value : fc.option(value, { nil: null, freq: 5 })];
        }),
      ),
    );
    const most = Math.min(ins.quota.target + 1, cap);
    const count =
      opts.full === true ? { minLength: Math.min(ins.quota.target, cap), maxLength: Math.min(ins.quota.target, cap) } : { maxLength: most };
    return fc
      .array(answers, count)
      .map((list) => list.map((a, k): Sheet => ({ instrument: ins.code, respondent: `${ins.code} ${k + 1}`, answers: a })));
  });
  return fc.tuple(...perInstrument).map((groups) => ({ sheets: groups.flat() }));
}

/**
 * Positions (sheet index, indicator code) of answers below their scale's maximum. Null
 * answers are not "raisable": a new low answer may lower the mean of the other sheets.
 */
export function raisableAnswers(scheme: Scheme, answers: UnitAnswers): { sheet: number; code: string }[] {
  const byCode = indicatorsByCode(scheme);
  const out: { sheet: number; code: string }[] = [];
  answers.sheets.forEach((s, sheet) => {
    for (const [code, v] of Object.entries(s.answers)) {
      if (typeof v === 'number' && v < byCode.get(code)!.scale.max) out.push({ sheet, code });
    }
  });
  return out;
}

/** Copy of `answers` with one answer raised by one step. */
export function raise(scheme: Scheme, answers: UnitAnswers, at: { sheet: number; code: string }): UnitAnswers {
  const byCode = indicatorsByCode(scheme);
  return {
    sheets: answers.sheets.map((s, k) => {
      if (k !== at.sheet) return s;
      const v = s.answers[at.code];
      if (typeof v !== 'number' || v >= byCode.get(at.code)!.scale.max) throw new Error('not raisable');
      return { ...s, answers: { ...s.answers, [at.code]: v + 1 } };
    }),
  };
}
