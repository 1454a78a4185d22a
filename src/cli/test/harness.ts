/**
 * Test facade for the CLI: runs `run()` in-process with captured stdout/stderr, an optional
 * stdin text, and the fixtures directory as working directory. Test-only.
 */
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { run } from '../run.ts';

export const fixturesDir = fileURLToPath(new URL('./fixtures/', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(argv: readonly string[], stdin = ''): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    stdin: Readable.from([Buffer.from(stdin, 'utf8')]),
    cwd: fixturesDir,
  });
  return { code, stdout, stderr };
}

/** Runs with --json and parses stdout; fails the test with stderr when the exit code is not 0. */
export async function cliJson(argv: readonly string[], stdin = ''): Promise<unknown> {
  const result = await cli([...argv, '--json'], stdin);
  if (result.code !== 0) throw new Error(`exit ${result.code}: ${result.stderr}`);
  return JSON.parse(result.stdout);
}
