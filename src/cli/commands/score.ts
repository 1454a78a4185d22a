/**
 * `pantau score --scheme ID FILE|-`: one unit's score from its answers file — per indicator,
 * variable and dimension the points earned and lost, the total, its band, and what is still
 * missing (a unit with missing answers is incomplete and cannot be published).
 */
import { scoreUnit } from '../../core/index.ts';
import { stringOption, takePositionals } from '../args.ts';
import { loadAnswers } from '../answers-file.ts';
import type { Command } from '../command.ts';
import { engine } from '../core-errors.ts';
import { unitJson, unitText } from '../unit-output.ts';

const usage = 'score --scheme ID FILE|-';

export const command: Command = {
  usage,
  options: { scheme: { type: 'string', value: 'ID', describe: 'help.option.scheme' } },
  arguments: ['help.arg.answers'],
  examples: ['score --scheme ombudsman-2024 jawaban.csv', 'score jawaban.json --json', 'score --scheme skm-2017 - < jawaban.csv'],
  async run({ args, lang, io }) {
    const [file] = takePositionals(args, ['FILE'], usage);
    const { answers, scheme } = await loadAnswers(file!, stringOption(args, 'scheme'), io);
    const score = engine(() => scoreUnit(scheme, { sheets: answers.sheets }), scheme, answers.place);
    const unit = answers.unit ?? null;
    return { json: unitJson(score, unit, lang), text: unitText(score, unit, lang) };
  },
};
