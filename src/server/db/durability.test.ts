// Issue 15 D7: on the embedded default, every commit is fsynced (db/durable-pglite.ts). The fsync
// calls are counted through the file-system hook here; bench/durability.ts counts the real system
// calls with strace.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client.ts';
import { fsyncCounter } from './durable-pglite.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function commits(durable: boolean, n: number): Promise<{ fsyncs: number; rows: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'pantau-durable-'));
  dirs.push(dir);
  const first = await openDatabase({ dataDir: join(dir, 'pglite'), migrate: false, durable });
  await first.db.execute(sql`create table t (id serial primary key, v text)`);
  await first.close();
  const d = await openDatabase({ dataDir: join(dir, 'pglite'), migrate: false, durable });
  const before = fsyncCounter.calls;
  for (let i = 0; i < n; i++) await d.db.transaction((tx) => tx.execute(sql`insert into t (v) values (${String(i)})`));
  const fsyncs = fsyncCounter.calls - before;
  await d.close();
  // And the rows are there after a reopen.
  const again = await openDatabase({ dataDir: join(dir, 'pglite'), migrate: false, durable });
  const rows = ((await again.db.execute(sql`select count(*)::int as n from t`)) as unknown as { rows: { n: number }[] }).rows[0]!.n;
  await again.close();
  return { fsyncs, rows };
}

describe('PGlite on disk', () => {
  it('fsyncs the WAL at every commit by default', async () => {
    const r = await commits(true, 12);
    expect(r.fsyncs).toBeGreaterThanOrEqual(12);
    expect(r.rows).toBe(12);
  });

  it('makes no fsync with PGlite’s own settings (PANTAU_PGLITE_FSYNC=off)', async () => {
    const r = await commits(false, 12);
    expect(r.fsyncs).toBe(0);
    expect(r.rows).toBe(12);
  });
});
