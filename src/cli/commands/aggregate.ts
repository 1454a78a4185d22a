/**
 * `pantau aggregate --scheme ID SCORE...`: a government's score from its units' scores — the
 * arithmetic mean, rounded once to 2 dp, then banded (methodology.md §2). Each SCORE counts as
 * one unit (for ombudsman-2021's product-weighted mean, give one SCORE per product).
 */
import { aggregate } from '../../core/index.ts';
import { parseDecimal, stringOption, takePositionals } from '../args.ts';
import type { Command } from '../command.ts';
import { CliError } from '../errors.ts';
import { bandJson, bandText, int, num2, renderFields } from '../format.ts';
import { t } from '../i18n.ts';
import { loadScheme } from '../schemes.ts';
import { engine } from '../core-errors.ts';

const usage = 'aggregate --scheme ID SCORE...';

export const command: Command = {
  usage,
  options: { scheme: { type: 'string', value: 'ID', required: true, describe: 'help.option.scheme' } },
  arguments: ['help.arg.scores'],
  examples: ['aggregate --scheme ombudsman-2024 91.2 84.5 77.03', 'aggregate --scheme ombudsman-2024 91,2 84,5 --json'],
  run({ args, lang }) {
    const raws = takePositionals(args, ['SCORE'], usage, true);
    const scheme = loadScheme(stringOption(args, 'scheme')!);
    const { min, max } = scheme.result;
    const scores = raws.map((raw) => {
      const value = parseDecimal(raw);
      if (value === null) throw new CliError('errors.not_a_number', { value: raw });
      // A unit score outside the scheme's range is a typo, not something to average.
      if (value < min || value > max) {
        throw new CliError('errors.value_out_of_range', { value, scheme: scheme.id, min, max });
      }
      return value;
    });
    const result = engine(
      () =>
        aggregate(
          scheme,
          scores.map((score) => ({ score })),
        ),
      scheme,
    );
    return {
      json: { score: result.score, band: bandJson(result.band, lang) },
      text: renderFields([
        [t(lang, 'table.scheme'), scheme.id],
        [t(lang, 'table.units'), int(result.units, lang)],
        [t(lang, 'table.score'), num2(result.score, lang)],
        [t(lang, 'table.band'), bandText(result.band, lang)],
      ]),
    };
  },
};
