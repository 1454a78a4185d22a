import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('bin/pantau.js', () => {
  it('runs as a real process: `node bin/pantau.js schemes --json`', async () => {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['bin/pantau.js', 'schemes', '--json'], {
      cwd: root,
      timeout: 30_000,
    });
    expect(stderr).toBe('');
    const rows = JSON.parse(stdout) as { id: string }[];
    expect(rows.map((r) => r.id)).toContain('ombudsman-2024');
    expect(rows).toHaveLength(10);
  }, 30_000);
});
