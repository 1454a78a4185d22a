/**
 * Command-line parsing for `pantau`: global options (--json, --lang, --help), the command name
 * (one or more words, e.g. `user add`) and each command's own options. Hand-written rather than
 * node:util parseArgs so every mistake becomes a translated CliError (exit 2).
 */
import type { Lang, Text } from '../core/index.ts';
import { CliError } from './errors.ts';
import { type MessageKey, isLang } from './i18n.ts';

/** Help text: a key of `i18n.ts`, or inline id/en text for commands that keep their own strings. */
export type HelpText = MessageKey | Text;

/** One option a command takes (parsed here, listed in its help). */
export interface OptionSpec {
  type: 'string' | 'boolean';
  /** Placeholder shown in help, e.g. `ID`, `N`. */
  value?: string;
  required?: boolean;
  describe: HelpText;
}

export interface GlobalOptions {
  json: boolean;
  lang: Lang;
  help: boolean;
}

export interface ParsedArgs {
  options: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** A token that is a value, not an option: `-` (stdin) and negative numbers such as `-5` or `-0.5`. */
function isValueToken(token: string): boolean {
  return token === '-' || /^-[\d.,]/.test(token) || !token.startsWith('-');
}

function splitOption(token: string): { name: string; inline?: string } {
  const eq = token.indexOf('=');
  return eq > 0 ? { name: token.slice(0, eq), inline: token.slice(eq + 1) } : { name: token };
}

/**
 * Reads --lang early, so that every later error is already in the chosen language. An invalid
 * language is itself reported (in Indonesian, the default).
 */
export function scanLang(argv: readonly string[]): Lang {
  let lang: Lang = 'id';
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--') break;
    const { name, inline } = splitOption(token);
    if (name !== '--lang') continue;
    const value = inline ?? argv[i + 1];
    if (value === undefined || (inline === undefined && !isValueToken(value))) {
      throw new CliError('errors.option_needs_value', { option: '--lang' });
    }
    if (!isLang(value)) throw new CliError('errors.bad_lang', { value });
    lang = value;
    if (inline === undefined) i++;
  }
  return lang;
}

/**
 * Splits off the command words: the leading non-option tokens (global options may come before
 * them) matched, longest first, against the known command names.
 */
export function findCommand(argv: readonly string[], names: readonly string[]): { name: string | null; words: string[]; rest: string[] } {
  const lead: { index: number; word: string }[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--json' || token === '--help' || token === '-h' || token.startsWith('--lang=')) continue;
    if (token === '--lang') {
      i++;
      continue;
    }
    if (token.startsWith('-')) break;
    lead.push({ index: i, word: token });
  }
  const known = new Set(names);
  for (let k = lead.length; k >= 1; k--) {
    const words = lead.slice(0, k).map((l) => l.word);
    const name = words.join(' ');
    if (known.has(name)) {
      const taken = new Set(lead.slice(0, k).map((l) => l.index));
      return { name, words, rest: argv.filter((_, i) => !taken.has(i)) };
    }
  }
  // Unknown: report as many words as could belong to a multi-word command (`user frob`).
  const first = lead[0]?.word;
  const second = lead[1]?.word;
  const words = first === undefined ? [] : second !== undefined && names.some((n) => n.startsWith(`${first} `)) ? [first, second] : [first];
  return { name: null, words, rest: argv.slice() };
}

/** Parses the tokens after the command words against the command's options plus the globals. */
export function parseArgs(
  tokens: readonly string[],
  spec: Readonly<Record<string, OptionSpec>>,
  command: string,
): { globals: GlobalOptions; args: ParsedArgs } {
  const globals: GlobalOptions = { json: false, lang: 'id', help: false };
  const options: Record<string, string | boolean | undefined> = {};
  const positionals: string[] = [];
  let rest = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (rest || isValueToken(token)) {
      positionals.push(token);
      continue;
    }
    if (token === '--') {
      rest = true;
      continue;
    }
    if (token === '-h') {
      globals.help = true;
      continue;
    }
    const { name: flag, inline } = splitOption(token);
    if (flag === '--json' || flag === '--help') {
      if (inline !== undefined) throw new CliError('errors.option_takes_no_value', { option: flag });
      if (flag === '--json') globals.json = true;
      else globals.help = true;
      continue;
    }
    if (flag === '--lang') {
      const value = inline ?? tokens[++i];
      if (value === undefined || !isLang(value)) {
        throw value === undefined
          ? new CliError('errors.option_needs_value', { option: flag })
          : new CliError('errors.bad_lang', { value });
      }
      globals.lang = value;
      continue;
    }
    const name = flag.startsWith('--') ? flag.slice(2) : '';
    const option = Object.hasOwn(spec, name) ? spec[name] : undefined;
    if (option === undefined) throw new CliError('errors.unknown_option', { option: flag, command });
    if (options[name] !== undefined) throw new CliError('errors.option_repeated', { option: flag });
    if (option.type === 'boolean') {
      if (inline !== undefined) throw new CliError('errors.option_takes_no_value', { option: flag });
      options[name] = true;
      continue;
    }
    const value = inline ?? tokens[i + 1];
    if (value === undefined || value === '' || (inline === undefined && !isValueToken(value))) {
      throw new CliError('errors.option_needs_value', { option: flag });
    }
    if (inline === undefined) i++;
    options[name] = value;
  }
  if (!globals.help) {
    for (const [name, option] of Object.entries(spec)) {
      if (option.required && options[name] === undefined) {
        throw new CliError('errors.option_required', { option: `--${name}` });
      }
    }
  }
  return { globals, args: { options, positionals } };
}

/**
 * A number typed by a person: `95.31`, `95,31` (Indonesian decimal comma) or `-1`. No thousands
 * separators (scores never need them). Returns null when it is not a number.
 */
export function parseDecimal(text: string): number | null {
  const trimmed = text.trim();
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(trimmed)) return null;
  const value = Number(trimmed.replace(',', '.'));
  return Number.isFinite(value) ? value : null;
}

/** A positive whole number (`30`, `+30`), or null. */
export function parsePositiveInteger(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\+?\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isSafeInteger(value) && value > 0 ? value : null;
}

/**
 * The positional arguments of a command, checked against its usage: `names` are required in
 * order; with `variadic`, the last name takes one or more values.
 */
export function takePositionals(args: ParsedArgs, names: readonly string[], usage: string, variadic = false): string[] {
  const given = args.positionals;
  if (given.length < names.length) {
    throw new CliError('errors.missing_argument', { name: names[given.length]!, usage: `pantau ${usage}` });
  }
  if (!variadic && given.length > names.length) {
    throw new CliError('errors.extra_argument', { value: given[names.length]!, usage: `pantau ${usage}` });
  }
  return given;
}

/** A string option (undefined when not given). */
export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.options[name];
  return typeof value === 'string' ? value : undefined;
}
