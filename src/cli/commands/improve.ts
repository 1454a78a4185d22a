/**
 * `pantau improve --scheme ID FILE|-`: for every indicator, the points the unit (and its
 * government) would gain by reaching each higher level, largest gain first — what a pemda asks
 * first. `--top N` keeps the N largest; `--units N` spreads the government gain over N units.
 */
import { improvements, round2 } from '../../core/index.ts';
import { parsePositiveInteger, stringOption, takePositionals } from '../args.ts';
import { loadAnswers } from '../answers-file.ts';
import type { Command } from '../command.ts';
import { CliError } from '../errors.ts';
import { num, num2, renderTable } from '../format.ts';
import { t } from '../i18n.ts';
import { engine } from '../core-errors.ts';

const usage = 'improve --scheme ID [--top N] [--units N] FILE|-';

function positiveOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = parsePositiveInteger(value);
  if (parsed === null) throw new CliError('errors.not_a_positive_integer', { value });
  return parsed;
}

export const command: Command = {
  usage,
  options: {
    scheme: { type: 'string', value: 'ID', describe: 'help.option.scheme' },
    top: { type: 'string', value: 'N', describe: 'help.option.top' },
    units: { type: 'string', value: 'N', describe: 'help.option.units' },
  },
  arguments: ['help.arg.answers'],
  examples: ['improve --scheme ombudsman-2024 --top 5 jawaban.csv', 'improve jawaban.json --units 7 --json'],
  async run({ args, lang, io }) {
    const [file] = takePositionals(args, ['FILE'], usage);
    const top = positiveOption(stringOption(args, 'top'));
    const units = positiveOption(stringOption(args, 'units'));
    const { answers, scheme } = await loadAnswers(file!, stringOption(args, 'scheme'), io);
    const all = engine(
      () => improvements(scheme, { sheets: answers.sheets }, units === undefined ? undefined : { governmentUnits: units }),
      scheme,
      answers.place,
    );
    const list = top === undefined ? all : all.slice(0, top);
    const json = list.map((i) => ({
      indicator: i.indicator,
      dimension: i.dimension,
      text: i.text[lang],
      from: i.from,
      to: i.to,
      descriptor: i.descriptor[lang],
      unit_gain: i.unitGain,
      government_gain: i.governmentGain,
    }));
    const text =
      list.length === 0
        ? `${t(lang, 'table.no_improvements')}\n`
        : renderTable(
            [
              t(lang, 'table.indicator'),
              t(lang, 'table.dimension'),
              t(lang, 'table.from'),
              t(lang, 'table.to'),
              t(lang, 'table.unit_gain'),
              t(lang, 'table.government_gain'),
              t(lang, 'table.descriptor'),
            ],
            list.map((i) => [
              i.indicator,
              i.dimension,
              i.from === null ? t(lang, 'table.missing_value') : num(round2(i.from), lang),
              num(i.to, lang),
              `+${num2(round2(i.unitGain), lang)}`,
              `+${num2(round2(i.governmentGain), lang)}`,
              i.descriptor[lang],
            ]),
            ['left', 'left', 'right', 'right', 'right', 'right', 'left'],
          );
    return { json, text };
  },
};
