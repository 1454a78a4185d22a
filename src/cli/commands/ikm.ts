/**
 * `pantau ikm FILE`: the Indeks Kepuasan Masyarakat per unit (PermenPANRB 14/2017): NRR per
 * unsur = mean over the unit's respondents, IKM = 25 × Σ NRR_u / 9, and its mutu (A–D).
 * One CSV row per respondent; rows are grouped by `unit` in first-seen order.
 */
import { ikm } from '../../core/index.ts';
import { stringOption, takePositionals } from '../args.ts';
import type { Command } from '../command.ts';
import { bandJson, int, num2, renderTable } from '../format.ts';
import { t } from '../i18n.ts';
import { readInput } from '../io.ts';
import { readRecords, requiredNumber, requiredText, type RecordRow } from '../read-records.ts';
import { loadScheme, requireFamily } from '../schemes.ts';
import { engine } from '../core-errors.ts';
import { round2 } from '../../core/index.ts';

const usage = 'ikm FILE|-';

export const command: Command = {
  usage,
  options: { scheme: { type: 'string', value: 'ID', describe: 'help.option.scheme_ikm' } },
  arguments: ['help.arg.ikm'],
  examples: ['ikm skm-2024.csv', 'ikm skm-2024.csv --json'],
  async run({ args, lang, io }) {
    const [file] = takePositionals(args, ['FILE'], usage);
    const scheme = loadScheme(stringOption(args, 'scheme') ?? 'skm-2017');
    requireFamily(scheme, 'skm');
    const unsur = scheme.dimensions.flatMap((d) => d.variables.flatMap((v) => v.indicators.map((i) => i.code)));
    const records = readRecords(await readInput(file!, io), { required: ['unit', ...unsur] });
    const groups = new Map<string, { records: RecordRow[]; answers: number[][] }>();
    for (const record of records) {
      const unit = requiredText(record, 'unit');
      const answers = unsur.map((code) => requiredNumber(record, code));
      let group = groups.get(unit);
      if (group === undefined) groups.set(unit, (group = { records: [], answers: [] }));
      group.records.push(record);
      group.answers.push(answers);
    }
    const results = [...groups].map(([unit, group]) => {
      const result = engine(
        () => ikm(scheme, group.answers),
        scheme,
        (sheet, field) => group.records[sheet]!.place(field),
      );
      return { unit, result };
    });
    const json = results.map(({ unit, result }) => ({
      unit,
      respondents: result.respondents,
      nrr: result.nrr,
      ikm: result.ikm,
      band: bandJson(result.band, lang),
    }));
    const text = renderTable(
      [t(lang, 'table.unit'), t(lang, 'table.respondents'), ...unsur, t(lang, 'table.ikm'), t(lang, 'table.mutu')],
      results.map(({ unit, result }) => [
        unit,
        int(result.respondents, lang),
        ...result.nrr.map((n) => num2(round2(n), lang)),
        num2(result.ikm, lang),
        `${result.band.code} — ${result.band.label[lang]}`,
      ]),
      ['left', 'right', ...unsur.map(() => 'right' as const), 'right', 'left'],
    );
    return { json, text };
  },
};
