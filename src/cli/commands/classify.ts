/**
 * `pantau classify --scheme ID VALUE`: the band a value falls in. The value is rounded once
 * (half away from zero, 2 dp) and then classified, so 87.995 is "A" under ombudsman-2024.
 */
import { classify, round2 } from '../../core/index.ts';
import { parseDecimal, stringOption, takePositionals } from '../args.ts';
import type { Command } from '../command.ts';
import { CliError } from '../errors.ts';
import { bandJson, bandText, num2, renderFields } from '../format.ts';
import { t } from '../i18n.ts';
import { loadScheme } from '../schemes.ts';
import { engine } from '../core-errors.ts';

const usage = 'classify --scheme ID VALUE';

export const command: Command = {
  usage,
  options: { scheme: { type: 'string', value: 'ID', required: true, describe: 'help.option.scheme' } },
  arguments: ['help.arg.value'],
  examples: ['classify --scheme ombudsman-2024 87.995', 'classify --scheme pekppp-2024 3,5 --json'],
  run({ args, lang }) {
    const [raw] = takePositionals(args, ['VALUE'], usage);
    const scheme = loadScheme(stringOption(args, 'scheme')!);
    const value = parseDecimal(raw!);
    if (value === null) throw new CliError('errors.not_a_number', { value: raw! });
    const band = engine(() => classify(scheme, value), scheme);
    const rounded = round2(value);
    return {
      json: { value: rounded, band: bandJson(band, lang) },
      text: renderFields([
        [t(lang, 'table.scheme'), scheme.id],
        [t(lang, 'table.value'), num2(rounded, lang)],
        [t(lang, 'table.band'), bandText(band, lang)],
      ]),
    };
  },
};
