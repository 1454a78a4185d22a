/**
 * `pantau schemes`: the methodology library at a glance — id, family, year, dimension weights
 * and how many ASSUMPTIONs each file declares.
 */
import { library } from '../../../methodologies/index.ts';
import { takePositionals } from '../args.ts';
import type { Command } from '../command.ts';
import { int, num, renderTable } from '../format.ts';
import { t } from '../i18n.ts';

const usage = 'schemes';

export const command: Command = {
  usage,
  options: {},
  examples: ['schemes', 'schemes --json'],
  run({ args, lang }) {
    takePositionals(args, [], usage);
    const schemes = [...library.values()];
    const json = schemes.map((s) => ({
      id: s.id,
      family: s.family,
      year: s.year,
      version: s.version,
      title: s.title[lang],
      result: { min: s.result.min, max: s.result.max },
      weights: Object.fromEntries(s.dimensions.map((d) => [d.code, d.weight])),
      assumptions: s.assumptions.length,
    }));
    const text = renderTable(
      [t(lang, 'table.scheme'), t(lang, 'table.family'), t(lang, 'table.year'), t(lang, 'table.weights'), t(lang, 'table.assumptions')],
      schemes.map((s) => [
        s.id,
        s.family,
        String(s.year),
        s.dimensions.map((d) => `${d.code} ${num(d.weight, lang)}`).join(' · '),
        int(s.assumptions.length, lang),
      ]),
      ['left', 'left', 'right', 'left', 'right'],
    );
    return { json, text };
  },
};
