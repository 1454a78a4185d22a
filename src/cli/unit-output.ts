/**
 * How a unit score (`scoreUnit`'s result) is shown by `score` and `whatif`: the --json shape
 * (snake_case keys; the published `score` rounded to 2 dp, every other number at full precision
 * so it can be recomputed) and the readable tables (2 dp, in the chosen language).
 */
import type { IndicatorScore, Lang, UnitScore } from '../core/index.ts';
import { bandJson, bandText, num, num2, renderFields, renderTable, yesNo } from './format.ts';
import { t } from './i18n.ts';
import { round2 } from '../core/index.ts';

function indicatorJson(i: IndicatorScore, lang: Lang) {
  return {
    code: i.code,
    text: i.text[lang],
    value: i.value,
    sheets: i.n,
    percentage: i.percentage,
    weight: i.weight,
    points: i.points,
    points_lost: i.pointsLost,
    missing: i.missing,
    ...(i.claimed === undefined ? {} : { claimed: i.claimed }),
  };
}

export function unitJson(score: UnitScore, unit: string | null, lang: Lang) {
  return {
    scheme: score.schemeId,
    unit,
    score: score.score,
    raw: score.raw,
    band: bandJson(score.band, lang),
    complete: score.complete,
    missing: score.missing,
    incomplete_instruments: score.incompleteInstruments,
    progress: score.progress.map((p) => ({ instrument: p.code, done: p.done, target: p.target, min: p.min, complete: p.complete })),
    dimensions: score.dimensions.map((d) => ({
      code: d.code,
      title: d.title[lang],
      weight: d.weight,
      score: d.score,
      points: d.points,
      points_lost: d.pointsLost,
      variables: d.variables.map((v) => ({
        code: v.code,
        title: v.title[lang],
        points: v.points,
        points_lost: v.pointsLost,
        indicators: v.indicators.map((i) => indicatorJson(i, lang)),
      })),
    })),
    ...(score.products === undefined
      ? {}
      : { products: score.products.map((p) => ({ respondent: p.respondent, score: p.score, raw: p.raw, complete: p.complete })) }),
    supplements: score.supplements.map((s) => ({
      code: s.code,
      title: s.title[lang],
      indicators: s.indicators.map((i) => ({ code: i.code, text: i.text[lang], value: i.value, sheets: i.n })),
    })),
  };
}

/** The summary lines of a unit score: scheme, unit, score, band, completeness. */
export function unitSummary(score: UnitScore, unit: string | null, lang: Lang): [string, string][] {
  const fields: [string, string][] = [[t(lang, 'table.scheme'), score.schemeId]];
  if (unit !== null) fields.push([t(lang, 'table.unit'), unit]);
  fields.push(
    [t(lang, 'table.score'), num2(score.score, lang)],
    [t(lang, 'table.band'), bandText(score.band, lang)],
    [t(lang, 'table.complete'), yesNo(score.complete, lang)],
  );
  if (score.missing.length > 0) fields.push([t(lang, 'table.missing'), score.missing.join(', ')]);
  const short = score.progress.filter((p) => !p.complete);
  if (short.length > 0) {
    fields.push([t(lang, 'table.incomplete_instruments'), short.map((p) => `${p.code} (${p.done}/${p.min})`).join(', ')]);
  }
  return fields;
}

const dash = (lang: Lang) => t(lang, 'table.missing_value');
const opt2 = (value: number | null, lang: Lang) => (value === null ? dash(lang) : num2(round2(value), lang));

export function unitText(score: UnitScore, unit: string | null, lang: Lang): string {
  const dimensions = renderTable(
    [
      t(lang, 'table.dimension'),
      t(lang, 'table.weight'),
      t(lang, 'table.dimension_score'),
      t(lang, 'table.points'),
      t(lang, 'table.points_lost'),
    ],
    score.dimensions.map((d) => [
      `${d.code} — ${d.title[lang]}`,
      num(d.weight, lang),
      num2(round2(d.score), lang),
      num2(round2(d.points), lang),
      num2(round2(d.pointsLost), lang),
    ]),
    ['left', 'right', 'right', 'right', 'right'],
  );
  const indicators = renderTable(
    [
      t(lang, 'table.indicator'),
      t(lang, 'table.dimension'),
      t(lang, 'table.answer'),
      t(lang, 'table.sheets'),
      t(lang, 'table.percentage'),
      t(lang, 'table.weight'),
      t(lang, 'table.points'),
      t(lang, 'table.points_lost'),
    ],
    score.dimensions.flatMap((d) =>
      d.variables.flatMap((v) =>
        v.indicators.map((i) => [
          i.code,
          d.code,
          opt2(i.value, lang),
          String(i.n),
          opt2(i.percentage, lang),
          num2(round2(i.weight), lang),
          num2(round2(i.points), lang),
          num2(round2(i.pointsLost), lang),
        ]),
      ),
    ),
    ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right'],
  );
  const parts = [renderFields(unitSummary(score, unit, lang)), dimensions, indicators];
  if (score.products !== undefined && score.products.length > 0) {
    parts.push(
      renderTable(
        [t(lang, 'table.product'), t(lang, 'table.score'), t(lang, 'table.complete')],
        score.products.map((p) => [p.respondent, num2(p.score, lang), yesNo(p.complete, lang)]),
        ['left', 'right', 'left'],
      ),
    );
  }
  return parts.join('\n');
}
