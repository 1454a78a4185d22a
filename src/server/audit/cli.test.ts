// `pantau user add` and `pantau audit verify` against a database opened from the environment,
// exactly as the CLI does it: PGlite in $DATA_DIR/pglite, or the PostgreSQL of DATABASE_URL.
import { Readable } from 'node:stream';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { asc, desc, eq, sql } from 'drizzle-orm';
import { run } from '../../cli/run.ts';
import { type Database, openDatabase } from '../db/client.ts';
import { withDatabase } from '../test/global-setup.ts';
import { tamper } from '../test/harness.ts';
import { users } from '../auth/schema.ts';
import { verifyPassword } from '../auth/passwords.ts';
import { bodies } from '../registry/schema.ts';
import { auditEvents } from './schema.ts';
import { appendAudit } from './queries.ts';
import type { AuditAction } from './actions.ts';

let db: Database;
let cleanup: () => Promise<void>;
const savedEnv = { DATABASE_URL: process.env.DATABASE_URL, DATA_DIR: process.env.DATA_DIR };

/** Points the environment at a fresh migrated database; returns a handle for the test's own checks. */
async function databaseForCli(): Promise<{ db: Database; cleanup: () => Promise<void> }> {
  const cfg = inject('pantauDb');
  if (cfg.kind === 'postgres') {
    const pg = (await import('pg')).default;
    const name = `${cfg.template}_cli${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: cfg.adminUrl });
    await admin.connect();
    await admin.query(`create database ${name} template ${cfg.template}`);
    const url = withDatabase(cfg.adminUrl, name);
    process.env.DATABASE_URL = url;
    // The secrets and the audit checkpoint still live in a data directory.
    const dataDir = mkdtempSync(join(tmpdir(), 'pantau-cli-'));
    process.env.DATA_DIR = dataDir;
    const database = await openDatabase({ url, migrate: false });
    return {
      db: database,
      async cleanup() {
        await database.close();
        rmSync(dataDir, { recursive: true, force: true });
        // Let the pool's sockets close before the forced drop (see test/harness.ts).
        for (let i = 0; i < 50; i++) {
          const { rows } = await admin.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
          if (rows[0]!.n === 0) break;
          await new Promise((r) => setTimeout(r, 20));
        }
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'pantau-cli-'));
  delete process.env.DATABASE_URL;
  process.env.DATA_DIR = dir;
  // PGlite allows one process (and one handle) per directory: the test's handle is opened only
  // between CLI runs (see `withDb`).
  const database = await openDatabase({ dataDir: join(dir, 'pglite') });
  return {
    db: database,
    async cleanup() {
      await database.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const pglite = () => inject('pantauDb').kind === 'pglite';

/** Runs `fn` on the test's own handle; on PGlite the handle is reopened for it and closed after. */
async function withDb<T>(fn: (d: Database['db']) => Promise<T>): Promise<T> {
  if (!pglite()) return fn(db.db);
  const d = await openDatabase({ dataDir: join(process.env.DATA_DIR!, 'pglite'), migrate: false });
  try {
    return await fn(d.db);
  } finally {
    await d.close();
  }
}

async function cli(argv: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    stdin: Readable.from(stdin ? [stdin] : []),
    cwd: process.cwd(),
  });
  return { code, out, err };
}

beforeAll(async () => {
  ({ db, cleanup } = await databaseForCli());
  await db.db.insert(bodies).values([
    { type: 'provinsi', code: '36', name: 'Provinsi Banten', provinceCode: '36' },
    { type: 'kabupaten', code: '36.02', name: 'Kabupaten Lebak', provinceCode: '36' },
  ]);
  if (pglite()) await db.close();
});
afterAll(async () => {
  await cleanup();
  for (const [k, v] of Object.entries(savedEnv)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

// Each case spawns the CLI (tsx start-up, a database open); on a loaded 2-core machine that takes
// tens of seconds, so these cases get more room than the project's 60 s.
describe('pantau user add', { timeout: 240_000 }, () => {
  it('creates accounts with the password from stdin (argon2id), resolving --body by its code', async () => {
    const r = await cli(
      [
        'user',
        'add',
        '--username',
        'Kepala.Banten',
        '--role',
        'pimpinan',
        '--province',
        '36',
        '--name',
        'Kepala Perwakilan Banten',
        '--password-stdin',
      ],
      'rahasia-sekali\n',
    );
    expect(r).toEqual({ code: 0, out: 'Pengguna kepala.banten dibuat: peran pimpinan, provinsi 36.\n', err: '' });
    const k = await cli(
      ['user', 'add', '--username', 'koord.lebak', '--role', 'koordinator', '--body', '36.02', '--password-stdin', '--json'],
      'rahasia-sekali',
    );
    expect(k.code).toBe(0);
    const json = JSON.parse(k.out);
    expect(json).toMatchObject({ username: 'koord.lebak', role: 'koordinator', provinceCode: '36' });

    const [pimpinan, lebak] = await withDb(
      async (d) =>
        [
          (await d.select().from(users).where(eq(users.username, 'kepala.banten')))[0]!,
          (await d.select().from(bodies).where(eq(bodies.code, '36.02')))[0]!,
        ] as const,
    );
    expect(pimpinan).toMatchObject({ role: 'pimpinan', provinceCode: '36', name: 'Kepala Perwakilan Banten', active: true });
    expect(pimpinan.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(pimpinan.passwordHash, 'rahasia-sekali')).toBe(true);
    expect(json.bodyId).toBe(lebak.id);
  });

  it.each([
    [['--role', 'pimpinan'], 'pantau: Peran pimpinan wajib memiliki provinceCode.\n'],
    [['--role', 'koordinator', '--body', '99.99'], 'pantau: --body tidak dikenal: 99.99.\n'],
    [['--role', 'raja'], "pantau: peran 'raja' tidak dikenal; pilih salah satu: admin, pimpinan, asisten, koordinator, operator\n"],
    [['--role', 'admin', '--lang', 'en'], 'pantau: the password must be 12–200 characters\n', 'abc'],
    [['--role', 'admin', '--lang', 'en'], 'pantau: This password is a common or breached one; choose another.\n', 'password1234'],
    [['--role', 'admin'], 'pantau: Kata sandi tidak boleh memuat nama pengguna.\n', 'salah-salah-salah-123'],
  ])('refuses %o with exit 2 and one line on stderr', async (extra, message, password = 'rahasia-sekali') => {
    const r = await cli(['user', 'add', '--username', 'salah', ...extra, '--password-stdin'], password);
    expect(r).toEqual({ code: 2, out: '', err: message });
  });

  it('refuses a taken username (in English with --lang en), and asks for --password-stdin when stdin is not a terminal', async () => {
    const r = await cli(
      ['user', 'add', '--username', 'kepala.banten', '--role', 'admin', '--password-stdin', '--lang', 'en'],
      'rahasia-sekali',
    );
    expect(r).toEqual({ code: 2, out: '', err: 'pantau: Username kepala.banten is already taken.\n' });
    const n = await cli(['user', 'add', '--username', 'tanpa', '--role', 'admin']);
    expect(n).toEqual({ code: 2, out: '', err: 'pantau: stdin bukan terminal: pakai --password-stdin\n' });
    const names = await withDb(async (d) => (await d.select({ u: users.username }).from(users)).map((x) => x.u).sort());
    expect(names).toEqual(['kepala.banten', 'koord.lebak']);
  });
});

describe('pantau audit verify', { timeout: 240_000 }, () => {
  it('prints OK with the number of events', async () => {
    expect(await cli(['audit', 'verify'])).toEqual({ code: 0, out: 'OK: rantai audit utuh, 2 peristiwa.\n', err: '' });
  });

  it('names the seq of a tampered event and exits 1', async () => {
    const victim = await withDb(async (d) => {
      const rows = await d.select().from(auditEvents).orderBy(asc(auditEvents.seq));
      await tamper(d, (tx) =>
        tx.execute(sql`update audit_events set diff = jsonb_set(diff, '{role}', '"admin"') where seq = ${rows[0]!.seq}`),
      );
      return rows[0]!;
    });
    const id = await cli(['audit', 'verify']);
    expect(id.code).toBe(1);
    expect(id.out).toBe(`RUSAK: rantai audit putus pada seq ${victim.seq} — hash tidak cocok dengan isi peristiwa (peristiwa diubah).\n`);
    const en = await cli(['audit', 'verify', '--lang', 'en', '--json']);
    expect(en.code).toBe(1);
    expect(JSON.parse(en.out)).toMatchObject({ ok: false, brokenAt: victim.seq, kind: 'content' });
    await withDb((d) => tamper(d, (tx) => tx.update(auditEvents).set({ diff: victim.diff }).where(eq(auditEvents.seq, victim.seq))));
  });

  it('names the event after a deleted one', async () => {
    const after = await withDb(async (d) => {
      await d.transaction((tx) => appendAudit(tx, { actor: null, action: 'test.event' as AuditAction, subjectType: 'test', diff: {} }));
      const rows = await d.select().from(auditEvents).orderBy(asc(auditEvents.seq));
      expect(rows).toHaveLength(3);
      await tamper(d, (tx) => tx.delete(auditEvents).where(eq(auditEvents.seq, rows[1]!.seq)));
      return { after: rows[2]!, removed: rows[1]! };
    });
    const r = await cli(['audit', 'verify', '--lang', 'en']);
    expect(r).toEqual({
      code: 1,
      out: `BROKEN: the audit chain breaks at seq ${after.after.seq} — prev_hash does not match the previous event (an event was removed, inserted or reordered).\n`,
      err: '',
    });
    await withDb((d) => tamper(d, (tx) => tx.insert(auditEvents).values(after.removed)));
    expect((await cli(['audit', 'verify'])).code).toBe(0);
  });

  it('catches the newest events deleted, and the table emptied, against the signed checkpoint', async () => {
    // A command that writes signs the head when it finishes.
    const add = await cli(
      ['user', 'add', '--username', 'operator.satu', '--role', 'admin', '--password-stdin'],
      'kata-sandi-yang-panjang-7',
    );
    expect(add.code).toBe(0);
    const checkpoint = JSON.parse(readFileSync(join(process.env.DATA_DIR!, 'audit', 'checkpoint.json'), 'utf8'));
    const last = await withDb(async (d) => {
      const [row] = await d.select().from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
      await tamper(d, (tx) => tx.delete(auditEvents).where(eq(auditEvents.seq, row!.seq)));
      return row!;
    });
    expect(checkpoint.seq).toBe(last.seq);
    const tail = await cli(['audit', 'verify', '--json']);
    expect(tail.code).toBe(1);
    expect(JSON.parse(tail.out)).toMatchObject({ ok: false, kind: 'truncated', brokenAt: last.seq });
    const all = await withDb(async (d) => {
      const rows = await d.select().from(auditEvents).orderBy(asc(auditEvents.seq));
      await tamper(d, (tx) => tx.execute(sql`truncate audit_events`));
      return rows;
    });
    const empty = await cli(['audit', 'verify']);
    expect(empty.code).toBe(1);
    expect(empty.out).toMatch(/^RUSAK: .* seq \d+ — checkpoint bertanda tangan menyebut peristiwa yang tidak ada lagi di tabel/);
    await withDb((d) => tamper(d, (tx) => tx.insert(auditEvents).values([...all, last])));
    expect((await cli(['audit', 'verify'])).code).toBe(0);
  });
});
