/**
 * `pantau sample-size N`: the minimum SKM sample for a population of N service users
 * (Krejcie–Morgan; the constants X², P, d come from the scheme file's `sampling` block).
 */
import { sampleSize } from '../../core/index.ts';
import { parsePositiveInteger, stringOption, takePositionals } from '../args.ts';
import type { Command } from '../command.ts';
import { CliError } from '../errors.ts';
import { int, renderFields } from '../format.ts';
import { t } from '../i18n.ts';
import { loadScheme, requireFamily } from '../schemes.ts';
import { engine } from '../core-errors.ts';

const usage = 'sample-size N';

export const command: Command = {
  usage,
  options: { scheme: { type: 'string', value: 'ID', describe: 'help.option.scheme_sample' } },
  arguments: ['help.arg.population'],
  examples: ['sample-size 1000', 'sample-size 1000 --json'],
  run({ args, lang }) {
    const [raw] = takePositionals(args, ['N'], usage);
    const scheme = loadScheme(stringOption(args, 'scheme') ?? 'skm-2017');
    requireFamily(scheme, 'skm');
    const population = parsePositiveInteger(raw!);
    if (population === null) throw new CliError('errors.population_invalid', { value: raw! });
    const sampling = scheme.sampling;
    if (sampling === undefined) throw new CliError('errors.wrong_family', { scheme: scheme.id, actual: scheme.family, family: 'skm' });
    const sample = engine(() => sampleSize(sampling, population), scheme);
    return {
      json: { population, sample },
      text: renderFields([
        [t(lang, 'table.population'), int(population, lang)],
        [t(lang, 'table.sample'), int(sample, lang)],
      ]),
    };
  },
};
