/**
 * SKM / IKM (PermenPANRB 14/2017, methodology.md §4): NRR per unsur = mean over respondents;
 * IKM = 25 × Σ (NRR_u × 1/9). The exact 1/9 is not written here: it comes from the scheme's
 * equal indicator weighting through scoreUnit's formula (value/4 · 100 = 25 · NRR), so the
 * rule lives in the library file only. Pure; no I/O.
 */
import { classify } from './classify.ts';
import { CoreError } from './errors.ts';
import { round2 } from './round.ts';
import { compileScheme, scoreUnit } from './score-unit.ts';
import type { IkmResult, Scheme, Sheet } from './types.ts';

/**
 * Compute the IKM of one unit from its respondents' answers.
 * @param responses one row per respondent, one answer per unsur in the scheme's order
 *        (U1…U9 for skm-2017), each a whole number on the unsur's scale (1–4).
 * @throws CoreError 'ikm.no_respondents' | 'ikm.row_length' | 'answer.not_integer' |
 *         'answer.out_of_scale' (naming the respondent, 0-based `sheet`, and the unsur).
 */
export function ikm(scheme: Scheme, responses: readonly (readonly number[])[]): IkmResult {
  const c = compileScheme(scheme);
  if (responses.length === 0) throw new CoreError('ikm.no_respondents', { schemeId: scheme.id });

  // Each unsur is answered on the first 'score' instrument covering it (skm-2017 has one).
  const instrumentOf = c.scored.map((ci) => {
    const found = c.instrumentList.find((ins) => ins.role === 'score' && ins.covers.has(ci.indicator.code));
    return found?.instrument.code ?? '';
  });

  const sheets: Sheet[] = [];
  responses.forEach((row, r) => {
    if (row.length !== c.scored.length) {
      throw new CoreError('ikm.row_length', {
        schemeId: scheme.id,
        respondent: r,
        expected: c.scored.length,
        got: row.length,
      });
    }
    const respondent = `responden ${r + 1}`;
    const byInstrument = new Map<string, Sheet>();
    c.scored.forEach((ci, u) => {
      const v = row[u];
      const instrument = instrumentOf[u]!;
      const { min, max } = ci.indicator.scale;
      const base = { schemeId: scheme.id, sheet: r, instrument, indicator: ci.indicator.code, respondent };
      if (typeof v !== 'number' || !Number.isInteger(v)) {
        throw new CoreError('answer.not_integer', { ...base, value: v });
      }
      if (v < min || v > max) throw new CoreError('answer.out_of_scale', { ...base, value: v, min, max });
      let sheet = byInstrument.get(instrument);
      if (sheet === undefined) {
        sheet = { instrument, respondent, answers: {} };
        byInstrument.set(instrument, sheet);
      }
      sheet.answers[ci.indicator.code] = v;
    });
    sheets.push(...byInstrument.values());
  });

  const unit = scoreUnit(scheme, { sheets });
  const nrr = unit.dimensions.flatMap((d) => d.variables.flatMap((v) => v.indicators.map((i) => i.value ?? 0)));
  return {
    respondents: responses.length,
    nrr,
    raw: unit.raw,
    ikm: round2(unit.raw),
    band: classify(scheme, unit.raw),
  };
}
