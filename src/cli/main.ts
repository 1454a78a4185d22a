/**
 * Process entry of `pantau` (bin/pantau.js loads it through tsx): wires the real process into
 * `run()` and exits with its code. Nothing else belongs here.
 */
import { run } from './run.ts';

// A reader that goes away (`pantau rank x.csv | head`) is not an error; a full disk is (exit 1).
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') return;
  process.stderr.write(`pantau: ${error.message}\n`);
  process.exitCode = 1;
});

const code = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  cwd: process.cwd(),
});
process.exitCode = code;
