/**
 * The `pantau` CLI as a function: `run(argv, io)` parses, runs one command and returns the exit
 * code. 0 = done; 2 = bad input (one line on stderr naming file, row and column, nothing on
 * stdout); 1 = a bug. All I/O goes through `io`, so tests run it in-process.
 */
import { CoreError, type Lang } from '../core/index.ts';
import { findCommand, parseArgs, scanLang } from './args.ts';
import { commands } from './commands/index.ts';
import { CliError } from './errors.ts';
import { commandHelp, generalHelp } from './help.ts';
import { t } from './i18n.ts';
import type { CliIo } from './io.ts';
import { fromCoreError } from './core-errors.ts';

/** One line: `answers.csv baris 4, kolom O2: jawaban 5 di luar 0–3`. */
export function describeError(error: CliError, lang: Lang): string {
  const { file, row, column, path } = error.place;
  const where: string[] = [];
  if (row !== undefined) where.push(t(lang, 'place.row', { row: String(row) }));
  if (column !== undefined) where.push(t(lang, 'place.column', { column }));
  let prefix = file ?? '';
  if (where.length > 0) prefix += `${prefix === '' ? '' : ' '}${where.join(', ')}`;
  if (path !== undefined) prefix += `${prefix === '' ? '' : ' '}${path}`;
  const message = t(lang, error.key, error.params);
  return prefix === '' ? message : `${prefix}: ${message}`;
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let lang: Lang = 'id';
  try {
    lang = scanLang(argv);
    const found = findCommand(
      argv,
      commands.map((c) => c.name),
    );
    const entry = commands.find((c) => c.name === found.name);
    if (entry === undefined) {
      if (found.words.length > 0) throw new CliError('errors.unknown_command', { name: found.words.join(' ') });
      if (argv.includes('--help') || argv.includes('-h')) {
        io.stdout.write(generalHelp(commands, lang));
        return 0;
      }
      throw new CliError('errors.no_command');
    }
    const command = await entry.load();
    const { globals, args } = parseArgs(found.rest, command.options, entry.name);
    if (globals.help) {
      io.stdout.write(commandHelp(entry, command, lang));
      return 0;
    }
    const output = await command.run({ args, globals, lang, io });
    io.stdout.write(globals.json ? `${JSON.stringify(output.json, null, 2)}\n` : output.text);
    return output.exitCode ?? 0;
  } catch (caught) {
    // A CoreError a command did not translate itself is still bad input, not a bug.
    const error = caught instanceof CoreError ? fromCoreError(caught) : caught;
    if (error instanceof CliError) {
      io.stderr.write(`pantau: ${describeError(error, lang)}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`pantau: ${t(lang, 'errors.internal', { message })}\n`);
    if (process.env.PANTAU_DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return 1;
  }
}
