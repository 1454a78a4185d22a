/**
 * `pantau plan --rank R --peers FILE UNIT-FILE...`: the target planner (issue 12 §6). From the
 * answers files of a government's units and its peers' published scores, the points needed to
 * reach rank R in the group (a province's kabupaten/kota, or the national type group for
 * "top N") and the cheapest set of indicator fixes — the fewest level steps, then the largest
 * gain. Peers are assumed to keep their scores; the output says so.
 */
import { indicatorLevels, type PlanUnit, planTarget, round2, scoreUnit, type Text } from '../../core/index.ts';
import { parsePositiveInteger, stringOption, takePositionals } from '../args.ts';
import { checkAnswerColumns, readAnswers, schemeIdFor } from '../answers-file.ts';
import type { Command } from '../command.ts';
import { engine } from '../core-errors.ts';
import { CliError } from '../errors.ts';
import { int, num, num2, renderFields, renderTable } from '../format.ts';
import { t } from '../i18n.ts';
import { readInput } from '../io.ts';
import { readRecords, requiredNumber, requiredText } from '../read-records.ts';
import { loadScheme } from '../schemes.ts';

const usage = 'plan --rank R --peers FILE [--scheme ID] [--fixable CODES] UNIT-FILE...';

const L = {
  status: { id: 'Status', en: 'Status' },
  already: { id: 'peringkat sasaran sudah tercapai', en: 'the target rank is already held' },
  reachable: { id: 'dapat dicapai', en: 'reachable' },
  unreachable: {
    id: 'tidak dapat dicapai, bahkan dengan semua indikator di tingkat tertinggi',
    en: 'unreachable, even with every indicator at its top level',
  },
  current: { id: 'Sekarang', en: 'Now' },
  target: { id: 'Sasaran', en: 'Target' },
  needed: { id: 'Perlu tambahan', en: 'Points needed' },
  tied: { id: 'Seri dengan', en: 'Tied with' },
  result: { id: 'Setelah perbaikan', en: 'After the fixes' },
  maximum: { id: 'Paling tinggi', en: 'Highest possible' },
  steps: { id: 'Langkah', en: 'Steps' },
  rank: { id: 'peringkat', en: 'rank' },
  of: { id: 'dari', en: 'of' },
  assumption: {
    id: 'Peserta lain dianggap tetap pada nilai terbitnya. Termurah = langkah tingkat paling sedikit, lalu tambahan nilai terbesar.',
    en: 'Peers are assumed to keep their published scores. Cheapest = fewest level steps, then the largest gain.',
  },
} satisfies Record<string, Text>;

export const command: Command = {
  usage,
  options: {
    rank: {
      type: 'string',
      value: 'R',
      required: true,
      describe: { id: 'peringkat sasaran (1 = teratas; "10 besar" = 10)', en: 'target rank (1 = top; "top 10" = 10)' },
    },
    peers: {
      type: 'string',
      value: 'FILE',
      required: true,
      describe: {
        id: 'CSV/JSON peserta lain di kelompok peringkat, kolom name,score (nilai terbit)',
        en: 'CSV/JSON of the other members of the ranking group, columns name,score (published)',
      },
    },
    scheme: { type: 'string', value: 'ID', describe: 'help.option.scheme' },
    fixable: {
      type: 'string',
      value: 'CODES',
      describe: {
        id: 'hanya indikator ini yang boleh diperbaiki, dipisah koma',
        en: 'only these indicators may be fixed, comma-separated',
      },
    },
  },
  arguments: [
    {
      id: 'UNIT-FILE...: berkas jawaban tiap unit pemda (JSON atau CSV)',
      en: "UNIT-FILE...: the answers file of each of the government's units (JSON or CSV)",
    },
  ],
  examples: [
    'plan --rank 3 --peers banten-2024.csv dukcapil.json dpmptsp.json',
    'plan --rank 10 --peers nasional-kota.csv unit-*.csv --json',
  ],
  async run({ args, lang, io }) {
    const files = takePositionals(args, ['UNIT-FILE'], usage, true);
    const rankArg = stringOption(args, 'rank')!;
    const rank = parsePositiveInteger(rankArg);
    if (rank === null) throw new CliError('errors.not_a_positive_integer', { value: rankArg });
    let schemeId = stringOption(args, 'scheme');
    const units: PlanUnit[] = [];
    for (const file of files) {
      const answers = readAnswers(await readInput(file, io));
      schemeId = schemeIdFor(answers, schemeId);
      const scheme = loadScheme(schemeId);
      checkAnswerColumns(answers, scheme);
      const unit = engine(() => scoreUnit(scheme, { sheets: answers.sheets }), scheme, answers.place);
      units.push({ id: answers.unit ?? file, levels: indicatorLevels(unit), weight: unit.weight });
    }
    const scheme = loadScheme(schemeId!);
    const peers = readRecords(await readInput(stringOption(args, 'peers')!, io), { required: ['name', 'score'] }).map((record) => ({
      id: String(record.index),
      name: requiredText(record, 'name'),
      score: round2(requiredNumber(record, 'score')),
    }));
    const fixable = stringOption(args, 'fixable')
      ?.split(',')
      .map((c) => c.trim())
      .filter((c) => c !== '');
    const plan = engine(() => planTarget(scheme, units, peers, { rank }, fixable === undefined ? {} : { fixable }), scheme);
    const nameOf = new Map(peers.map((p) => [p.id, p.name]));
    const tiedWith = plan.target.tiedWith.map((id) => nameOf.get(id) ?? id);

    const json = {
      scheme: scheme.id,
      status: plan.status,
      peers_assumed_unchanged: plan.peersAssumedUnchanged,
      cheapest: plan.cheapest,
      current: { score: plan.current.score, rank: plan.current.rank, of: plan.current.of },
      target: { rank: plan.target.rank, score: plan.target.score, needed: plan.target.needed, tied_with: tiedWith },
      steps: plan.steps,
      fixes: plan.fixes.map((f) => ({
        unit: f.unit,
        indicator: f.indicator,
        dimension: f.dimension,
        text: f.text[lang],
        from: f.from,
        to: f.to,
        steps: f.steps,
        descriptor: f.descriptor[lang],
        unit_gain: f.unitGain,
        government_gain: f.governmentGain,
      })),
      result: { score: plan.result.score, rank: plan.result.rank },
      maximum: { score: plan.maximum.score, rank: plan.maximum.rank },
    };
    const at = (score: number, r: number) =>
      `${num2(score, lang)} (${L.rank[lang]} ${int(r, lang)} ${L.of[lang]} ${int(plan.current.of, lang)})`;
    const fields: [string, string][] = [
      [t(lang, 'table.scheme'), scheme.id],
      [L.status[lang], L[plan.status][lang]],
      [L.current[lang], at(plan.current.score, plan.current.rank)],
      [L.target[lang], `${L.rank[lang]} ${int(plan.target.rank, lang)}: ${num2(plan.target.score, lang)}`],
      [L.needed[lang], `+${num2(plan.target.needed, lang)}`],
    ];
    if (tiedWith.length > 0) fields.push([L.tied[lang], tiedWith.join(', ')]);
    if (plan.status === 'reachable') {
      fields.push([L.result[lang], at(plan.result.score, plan.result.rank)], [L.steps[lang], int(plan.steps, lang)]);
    }
    fields.push([L.maximum[lang], at(plan.maximum.score, plan.maximum.rank)]);
    let text = renderFields(fields);
    if (plan.fixes.length > 0) {
      text += `\n${renderTable(
        [
          t(lang, 'table.unit'),
          t(lang, 'table.indicator'),
          t(lang, 'table.dimension'),
          t(lang, 'table.from'),
          t(lang, 'table.to'),
          L.steps[lang],
          t(lang, 'table.government_gain'),
          t(lang, 'table.descriptor'),
        ],
        plan.fixes.map((f) => [
          f.unit,
          f.indicator,
          f.dimension,
          f.from === null ? t(lang, 'table.missing_value') : num(round2(f.from), lang),
          num(f.to, lang),
          int(f.steps, lang),
          `+${num2(round2(f.governmentGain), lang)}`,
          f.descriptor[lang],
        ]),
        ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'left'],
      )}`;
    }
    text += `\n${L.assumption[lang]}\n`;
    return { json, text };
  },
};
