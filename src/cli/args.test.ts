import { describe, expect, it } from 'vitest';
import { findCommand, parseArgs, parseDecimal, parsePositiveInteger, scanLang } from './args.ts';
import { CliError } from './errors.ts';
import { messageKeys, t } from './i18n.ts';

const names = ['schemes', 'classify', 'user add', 'audit verify'];

function errorKey(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof CliError) return error.key;
    throw error;
  }
  return undefined;
}

describe('findCommand', () => {
  it('takes the first word as the command and keeps the rest', () => {
    expect(findCommand(['classify', '--scheme', 'x', '80'], names)).toEqual({
      name: 'classify',
      words: ['classify'],
      rest: ['--scheme', 'x', '80'],
    });
  });

  it('matches a two-word sub-command', () => {
    const found = findCommand(['user', 'add', 'ani@example.id', '--role', 'admin'], names);
    expect(found.name).toBe('user add');
    expect(found.rest).toEqual(['ani@example.id', '--role', 'admin']);
  });

  it('allows global options before the command', () => {
    const found = findCommand(['--lang', 'en', '--json', 'schemes'], names);
    expect(found.name).toBe('schemes');
    expect(found.rest).toEqual(['--lang', 'en', '--json']);
  });

  it('reports an unknown sub-command with both words', () => {
    expect(findCommand(['user', 'frob'], names)).toMatchObject({ name: null, words: ['user', 'frob'] });
  });

  it('reports no words when there is no command', () => {
    expect(findCommand(['--json'], names)).toMatchObject({ name: null, words: [] });
  });
});

describe('parseArgs', () => {
  const spec = {
    scheme: { type: 'string', describe: 'help.option.scheme', required: true },
    top: { type: 'string', describe: 'help.option.top' },
    flag: { type: 'boolean', describe: 'help.option.json' },
  } as const;

  it('reads --name value, --name=value, booleans and globals', () => {
    const { globals, args } = parseArgs(['--scheme=a', '--top', '3', '--flag', '--json', '--lang', 'en', 'x'], spec, 'c');
    expect(globals).toEqual({ json: true, lang: 'en', help: false });
    expect(args).toEqual({ options: { scheme: 'a', top: '3', flag: true }, positionals: ['x'] });
  });

  it('treats -, negative numbers and everything after -- as positionals', () => {
    const { args } = parseArgs(['--scheme', 's', '-', '-5', '-0,5', '--', '--not-an-option'], spec, 'c');
    expect(args.positionals).toEqual(['-', '-5', '-0,5', '--not-an-option']);
  });

  it.each([
    [['--scheme', 's', '--bogus'], 'errors.unknown_option'],
    [['--scheme', 's', '-x'], 'errors.unknown_option'],
    [['--scheme'], 'errors.option_needs_value'],
    [['--scheme', '--json'], 'errors.option_needs_value'],
    [['--scheme', 's', '--scheme', 't'], 'errors.option_repeated'],
    [['--scheme', 's', '--flag=yes'], 'errors.option_takes_no_value'],
    [['--scheme', 's', '--json=1'], 'errors.option_takes_no_value'],
    [['x'], 'errors.option_required'],
    [['--scheme', 's', '--lang', 'fr'], 'errors.bad_lang'],
  ])('rejects %j with %s', (tokens, key) => {
    expect(errorKey(() => parseArgs(tokens, spec, 'c'))).toBe(key);
  });

  it('does not demand required options when help is asked', () => {
    expect(parseArgs(['--help'], spec, 'c').globals.help).toBe(true);
    expect(parseArgs(['-h'], spec, 'c').globals.help).toBe(true);
  });
});

describe('scanLang', () => {
  it('finds --lang anywhere, in both spellings, defaulting to id', () => {
    expect(scanLang(['classify', '--lang', 'en'])).toBe('en');
    expect(scanLang(['--lang=en', 'x'])).toBe('en');
    expect(scanLang(['x'])).toBe('id');
  });

  it('rejects an unknown language', () => {
    expect(errorKey(() => scanLang(['--lang', 'jv']))).toBe('errors.bad_lang');
  });
});

describe('number parsing', () => {
  it.each([
    ['95.31', 95.31],
    ['95,31', 95.31],
    [' 88 ', 88],
    ['-1', -1],
    ['.5', 0.5],
    ['abc', null],
    ['1.000,5', null],
    ['1e3', null],
    ['', null],
  ])('parseDecimal(%j) = %j', (text, expected) => {
    expect(parseDecimal(text)).toBe(expected);
  });

  it.each([
    ['30', 30],
    ['+7', 7],
    ['0', null],
    ['-3', null],
    ['2.5', null],
    ['x', null],
  ])('parsePositiveInteger(%j) = %j', (text, expected) => {
    expect(parsePositiveInteger(text)).toBe(expected);
  });
});

describe('i18n', () => {
  it('uses the same placeholders in the id and en text of every message', () => {
    const holes = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of messageKeys()) {
      expect(holes(t('en', key)), key).toEqual(holes(t('id', key)));
    }
  });
});
