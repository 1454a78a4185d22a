/**
 * The shape of a `pantau` command. Each command is one module under `commands/` exporting a
 * `Command`; `commands/index.ts` lists them (name, summary, lazy loader), so adding a command is
 * one new file plus one line in that table. Lazy loading keeps `pantau classify` from loading
 * the server's database code that `pantau user add` will need.
 */
import type { Lang, Text } from '../core/index.ts';
import type { GlobalOptions, HelpText, OptionSpec, ParsedArgs } from './args.ts';
import type { CliIo } from './io.ts';

export type { HelpText, OptionSpec };

export interface CommandContext {
  args: ParsedArgs;
  globals: GlobalOptions;
  lang: Lang;
  io: CliIo;
}

/**
 * What a command returns; `run()` prints `json` (with --json) or `text`. Nothing is printed
 * before the command has finished, so a failing command never leaves half a result on stdout.
 */
export interface CommandOutput {
  json: unknown;
  text: string;
  /**
   * Exit code after printing (default 0). Non-zero when the command ran to the end but its answer
   * is a failure, e.g. `audit verify` found a broken link (1) or `user add` was refused (2).
   */
  exitCode?: number;
}

export interface Command {
  /** Usage line after `pantau `, e.g. `classify --scheme ID VALUE`. */
  usage: string;
  options: Readonly<Record<string, OptionSpec>>;
  /** Lines describing the positional arguments. */
  arguments?: readonly HelpText[];
  /** Example invocations (after `pantau `). */
  examples: readonly string[];
  run(ctx: CommandContext): Promise<CommandOutput> | CommandOutput;
}

export interface CommandEntry {
  /** One or more words: `schemes`, `user add`. */
  name: string;
  summary: Text;
  load: () => Promise<Command>;
}
