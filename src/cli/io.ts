/**
 * The CLI's window on the world. `run()` receives these instead of touching `process`, so tests
 * drive the whole CLI in-process. Reading files happens here and nowhere else.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { CliError } from './errors.ts';

export interface CliWriter {
  write(chunk: string): unknown;
}

export interface CliIo {
  stdout: CliWriter;
  stderr: CliWriter;
  /** Read only when a command is given `-` as its file. `process.stdin` fits. */
  stdin: AsyncIterable<string | Uint8Array>;
  /** Relative file arguments resolve against this directory. */
  cwd: string;
}

/** A file argument after reading: its display name (as typed, or `stdin`) and its text. */
export interface InputText {
  name: string;
  /** Lower-case extension without the dot ('' for stdin or none). */
  ext: string;
  text: string;
}

/** Reads FILE or `-` (stdin) as UTF-8, without a byte-order mark. */
export async function readInput(arg: string, io: CliIo): Promise<InputText> {
  if (arg === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of io.stdin) {
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
    }
    return { name: 'stdin', ext: '', text: stripBom(Buffer.concat(chunks).toString('utf8')) };
  }
  const path = isAbsolute(arg) ? arg : resolve(io.cwd, arg);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError('errors.file_not_found', {}, { file: arg });
    if (code === 'EISDIR') throw new CliError('errors.file_is_directory', {}, { file: arg });
    throw new CliError('errors.file_unreadable', { reason: code ?? String(error) }, { file: arg });
  }
  const dot = arg.lastIndexOf('.');
  const ext = dot > arg.lastIndexOf('/') && dot >= 0 ? arg.slice(dot + 1).toLowerCase() : '';
  return { name: arg, ext, text: stripBom(text) };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** JSON when the extension says so, or (stdin, other extensions) when the text starts like JSON. */
export function looksLikeJson(input: InputText): boolean {
  if (input.ext === 'json') return true;
  if (input.ext === 'csv') return false;
  const first = input.text.trimStart()[0];
  return first === '{' || first === '[';
}
