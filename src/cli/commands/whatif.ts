/**
 * `pantau whatif --scheme ID --to ID2 FILE|-`: the same answers scored under another scheme of
 * the same family (e.g. a 2023 unit under the 2025 rules). A what-if never changes a result;
 * answers the target scheme cannot read are dropped, and its indicators left without an answer
 * are listed as `unmapped`.
 */
import { round2, scoreUnit, whatIf, type Lang, type UnitScore } from '../../core/index.ts';
import { stringOption, takePositionals } from '../args.ts';
import { loadAnswers } from '../answers-file.ts';
import type { Command } from '../command.ts';
import { bandJson, bandText, num, num2, renderFields, renderTable, yesNo } from '../format.ts';
import { t } from '../i18n.ts';
import { loadScheme } from '../schemes.ts';
import { engine } from '../core-errors.ts';

const usage = 'whatif --scheme ID --to ID2 FILE|-';

function side(score: UnitScore, lang: Lang) {
  return {
    scheme: score.schemeId,
    score: score.score,
    band: bandJson(score.band, lang),
    complete: score.complete,
    missing: score.missing,
    dimensions: score.dimensions.map((d) => ({ code: d.code, weight: d.weight, score: d.score, points: d.points })),
  };
}

export const command: Command = {
  usage,
  options: {
    scheme: { type: 'string', value: 'ID', describe: 'help.option.scheme' },
    to: { type: 'string', value: 'ID2', required: true, describe: 'help.option.to' },
  },
  arguments: ['help.arg.answers'],
  examples: ['whatif --scheme ombudsman-2023 --to ombudsman-2025 jawaban.csv'],
  async run({ args, lang, io }) {
    const [file] = takePositionals(args, ['FILE'], usage);
    const { answers, scheme: from } = await loadAnswers(file!, stringOption(args, 'scheme'), io);
    const to = loadScheme(stringOption(args, 'to')!);
    const sheets = answers.sheets;
    // Errors under `from` name the file's sheets directly. The engine re-scores under `to` only
    // the sheets whose instrument `to` has, so a sheet index from that pass is mapped back.
    engine(() => scoreUnit(from, { sheets }), from, answers.place);
    const kept = sheets.flatMap((sheet, i) => (to.instruments.some((x) => x.code === sheet.instrument) ? [i] : []));
    const result = engine(
      () => whatIf(from, to, { sheets }),
      to,
      (sheet, field) => answers.place(kept[sheet] ?? sheet, field),
    );
    const json = {
      unit: answers.unit ?? null,
      from: side(result.from, lang),
      to: side(result.to, lang),
      delta: result.delta,
      unmapped: result.unmapped,
    };
    const row = (score: UnitScore) => [score.schemeId, num2(score.score, lang), bandText(score.band, lang), yesNo(score.complete, lang)];
    const dimensionCodes = [...new Set([...result.from.dimensions, ...result.to.dimensions].map((d) => d.code))];
    const dimScore = (score: UnitScore, code: string) => {
      const d = score.dimensions.find((x) => x.code === code);
      return d === undefined ? t(lang, 'table.missing_value') : `${num2(round2(d.score), lang)} × ${num(d.weight, lang)}%`;
    };
    const text = [
      renderTable(
        ['', t(lang, 'table.scheme'), t(lang, 'table.score'), t(lang, 'table.band'), t(lang, 'table.complete')],
        [
          [t(lang, 'table.from'), ...row(result.from)],
          [t(lang, 'table.to'), ...row(result.to)],
        ],
        ['left', 'left', 'right', 'left', 'left'],
      ),
      renderTable(
        [t(lang, 'table.dimension'), result.from.schemeId, result.to.schemeId],
        dimensionCodes.map((code) => [code, dimScore(result.from, code), dimScore(result.to, code)]),
        ['left', 'right', 'right'],
      ),
      renderFields([
        [t(lang, 'table.delta'), `${result.delta > 0 ? '+' : ''}${num2(result.delta, lang)}`],
        [t(lang, 'table.unmapped'), result.unmapped.length === 0 ? t(lang, 'table.none') : result.unmapped.join(', ')],
      ]),
    ].join('\n');
    return { json, text };
  },
};
