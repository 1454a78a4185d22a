/**
 * `pantau --help` and `pantau <command> --help`, built from the command table and each
 * command's option specs, in the chosen language.
 */
import type { Lang } from '../core/index.ts';
import type { Command, CommandEntry, HelpText } from './command.ts';
import { t } from './i18n.ts';

function helpText(value: HelpText, lang: Lang): string {
  return typeof value === 'string' ? t(lang, value) : value[lang];
}

function twoColumns(rows: readonly (readonly [string, string])[]): string[] {
  const w = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(w)}  ${right}`);
}

function globalRows(lang: Lang): [string, string][] {
  return [
    ['--json', t(lang, 'help.option.json')],
    ['--lang id|en', t(lang, 'help.option.lang')],
    ['-h, --help', t(lang, 'help.option.help')],
  ];
}

export function generalHelp(entries: readonly CommandEntry[], lang: Lang): string {
  return [
    t(lang, 'help.usage'),
    '',
    t(lang, 'help.commands'),
    ...twoColumns(entries.map((e) => [e.name, e.summary[lang]])),
    '',
    t(lang, 'help.global_options'),
    ...twoColumns(globalRows(lang)),
    '',
    t(lang, 'help.more'),
    '',
  ].join('\n');
}

export function commandHelp(entry: CommandEntry, command: Command, lang: Lang): string {
  const options = Object.entries(command.options).map(([name, spec]): [string, string] => [
    `--${name}${spec.type === 'string' ? ` ${spec.value ?? 'VALUE'}` : ''}`,
    helpText(spec.describe, lang),
  ]);
  const lines = [`pantau ${entry.name} — ${entry.summary[lang]}`, '', `${t(lang, 'help.usage_label')}: pantau ${command.usage}`];
  if (command.arguments !== undefined && command.arguments.length > 0) {
    lines.push('', ...command.arguments.map((a) => `  ${helpText(a, lang)}`));
  }
  lines.push('', t(lang, 'help.options'), ...twoColumns([...options, ...globalRows(lang)]));
  if (command.examples.length > 0) {
    lines.push('', t(lang, 'help.example'), ...command.examples.map((e) => `  pantau ${e}`));
  }
  lines.push('');
  return lines.join('\n');
}
