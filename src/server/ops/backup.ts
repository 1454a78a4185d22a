// `pantau backup <file>` / `pantau restore <file>` (issue 14 §6): the database and the evidence
// store in one archive, consistent, portable between PGlite and PostgreSQL.
//
// Archive (a plain tar, `tar -tvf` lists it):
//   db/<nn>-<table>.jsonl.gz   every row of every table as JSON (row_to_json), tables in
//                              foreign-key order, read in ONE repeatable-read transaction, so the
//                              rows are one consistent state even while the server writes;
//   evidence/<sha256>          every evidence file that state refers to (content-addressed and
//                              never rewritten, so a file stored after the snapshot is not needed
//                              and one referred to is already stored);
//   files/jobs/<id>            the files of finished jobs;
//   manifest.json              format, migration, counts and the sha256 of every entry (last).
// Restore: into an EMPTY database (migrated to the same schema) in one transaction, rows inserted
// with json_populate_recordset, sequences moved past their rows; evidence re-hashed on the way
// in. PostgreSQL backs up online; so does PGlite: its data directory belongs to the server
// process, so the CLI asks that process to write the archive (ops/backup-socket.ts).
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip, gunzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Db, Queryable, Tx } from '../db/client.ts';
import { migrationsFolder } from '../db/client.ts';
import type { Stores } from '../storage/index.ts';
import { TarWriter, readTar } from './tar.ts';

export const BACKUP_FORMAT = 1;

export interface Manifest {
  format: number;
  createdAt: string;
  /** The migration the schema is at (restore needs the same). */
  migration: string;
  database: 'pglite' | 'postgres';
  tables: { name: string; rows: number; entry: string; sha256: string }[];
  evidence: { sha256: string; size: number }[];
  files: { key: string; size: number; sha256: string }[];
}

const rowsOf = async <T>(db: Queryable, q: ReturnType<typeof sql>): Promise<T[]> =>
  ((await db.execute(q)) as unknown as { rows: T[] }).rows;

/** The schema's migration: the newest file's name and content hash. */
export async function migrationId(): Promise<string> {
  const files = (await readdir(migrationsFolder)).filter((f) => f.endsWith('.sql')).sort();
  const last = files.at(-1)!;
  return `${last}:${createHash('sha256')
    .update(await readFile(join(migrationsFolder, last)))
    .digest('hex')
    .slice(0, 16)}`;
}

/** The tables of the public schema, each after the tables it refers to. */
export async function tablesInOrder(db: Queryable): Promise<string[]> {
  const tables = (
    await rowsOf<{ t: string }>(db, sql`select tablename as t from pg_tables where schemaname = 'public' order by tablename`)
  ).map((r) => r.t);
  const deps = await rowsOf<{ child: string; parent: string }>(
    db,
    sql`select c.relname as child, p.relname as parent from pg_constraint k
        join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
        join pg_namespace n on n.oid = c.relnamespace
        where k.contype = 'f' and n.nspname = 'public' and k.conrelid <> k.confrelid`,
  );
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (t: string, path: Set<string>) => {
    if (seen.has(t)) return;
    if (path.has(t)) throw new Error(`foreign keys form a cycle through ${t}`);
    path.add(t);
    for (const d of deps) if (d.child === t) visit(d.parent, path);
    path.delete(t);
    seen.add(t);
    out.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return out;
}

const quote = (ident: string) => `"${ident.replaceAll('"', '""')}"`;

export interface BackupSummary {
  file: string;
  bytes: number;
  tables: number;
  rows: number;
  evidence: number;
  files: number;
}

/** Writes the archive; the database part is one repeatable-read snapshot. */
export async function backup(
  db: Db,
  kind: 'pglite' | 'postgres',
  stores: Stores,
  file: string,
  log: (line: string) => void = () => {},
): Promise<BackupSummary> {
  const work = mkdtempSync(join(tmpdir(), 'pantau-backup-'));
  try {
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      createdAt: new Date().toISOString(),
      migration: await migrationId(),
      database: kind,
      tables: [],
      evidence: [],
      files: [],
    };
    let hashes: string[] = [];
    let jobFiles: string[] = [];
    await db.transaction(async (tx) => {
      await tx.execute(sql`set transaction isolation level repeatable read, read only`);
      const tables = await tablesInOrder(tx);
      for (const [i, table] of tables.entries()) {
        const entry = `db/${String(i).padStart(2, '0')}-${table}.jsonl.gz`;
        const path = join(work, `${i}.gz`);
        const rows = await dumpTable(tx, table, path);
        manifest.tables.push({ name: table, rows, entry, sha256: await sha256File(path) });
        log(`${table}: ${rows}`);
      }
      const evidenceColumns = await rowsOf<{ t: string }>(
        tx,
        sql`select table_name as t from information_schema.columns where table_schema = 'public' and column_name = 'sha256'`,
      );
      const set = new Set<string>();
      for (const { t } of evidenceColumns) {
        for (const r of await rowsOf<{ h: string }>(tx, sql.raw(`select distinct sha256 as h from ${quote(t)} where sha256 is not null`)))
          set.add(r.h);
      }
      hashes = [...set].sort();
      jobFiles = (
        await rowsOf<{ id: string }>(tx, sql`select id from jobs where status = 'done' and file_name is not null order by id`)
      ).map((r) => r.id);
    });

    const out = createWriteStream(file, { flags: 'wx' });
    const tar = new TarWriter(out);
    for (const [i, t] of manifest.tables.entries()) {
      const path = join(work, `${i}.gz`);
      await tar.addFile(t.entry, path, statSync(path).size);
    }
    for (const sha of hashes) {
      const size = await stores.evidence.size(sha);
      const stream = size === undefined ? undefined : await stores.evidence.get(sha);
      if (size === undefined || !stream) throw new Error(`evidence ${sha} is referred to but not in the store`);
      await tar.add(`evidence/${sha}`, size, stream);
      manifest.evidence.push({ sha256: sha, size });
    }
    for (const id of jobFiles) {
      const f = await stores.files.getFile(`jobs/${id}`);
      if (!f) continue; // a job file removed by hand: the job row says so on download
      const data = await streamToBuffer(f.stream);
      await tar.add(`files/jobs/${id}`, data.length, data);
      manifest.files.push({ key: `jobs/${id}`, size: data.length, sha256: createHash('sha256').update(data).digest('hex') });
    }
    const m = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
    await tar.add('manifest.json', m.length, m);
    await tar.finish();
    return {
      file,
      bytes: statSync(file).size,
      tables: manifest.tables.length,
      rows: manifest.tables.reduce((a, t) => a + t.rows, 0),
      evidence: manifest.evidence.length,
      files: manifest.files.length,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Every row of `table` as JSON lines, gzipped into `path`; read through a cursor in pages. */
async function dumpTable(tx: Tx, table: string, path: string): Promise<number> {
  let rows = 0;
  const cursor = `backup_${table}`;
  await tx.execute(sql.raw(`declare ${quote(cursor)} no scroll cursor for select row_to_json(t)::text as r from ${quote(table)} t`));
  async function* lines() {
    for (;;) {
      const page = await rowsOf<{ r: string }>(tx, sql.raw(`fetch 2000 from ${quote(cursor)}`));
      if (page.length === 0) break;
      rows += page.length;
      yield `${page.map((p) => p.r).join('\n')}\n`;
    }
  }
  await pipeline(Readable.from(lines()), createGzip({ level: 6 }), createWriteStream(path));
  await tx.execute(sql.raw(`close ${quote(cursor)}`));
  return rows;
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const c of createReadStream(path)) hash.update(c as Buffer);
  return hash.digest('hex');
}

async function streamToBuffer(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export interface RestoreSummary {
  tables: number;
  rows: number;
  evidence: number;
  files: number;
}

/** A restore refused because the target already holds data (the CLI translates it). */
export class RestoreNotEmpty extends Error {
  constructor(
    readonly table: string,
    readonly rows: number,
  ) {
    super(`the database is not empty (${table} has ${rows} rows): restore into an empty database`);
    this.name = 'RestoreNotEmpty';
  }
}

/**
 * Restores an archive into an empty, migrated database and the given stores. Everything is
 * checked against the manifest (entry hashes, row counts, evidence hashes) before the database
 * transaction commits; any difference rolls it back.
 */
export async function restore(db: Db, stores: Stores, file: string, log: (line: string) => void = () => {}): Promise<RestoreSummary> {
  const entries = new Map<string, Buffer>();
  const evidence: { sha256: string; data: Buffer }[] = [];
  const files: { key: string; data: Buffer }[] = [];
  await readTar(createReadStream(file), async (name, data) => {
    if (name.startsWith('evidence/')) evidence.push({ sha256: name.slice('evidence/'.length), data });
    else if (name.startsWith('files/')) files.push({ key: name.slice('files/'.length), data });
    else entries.set(name, data);
  });
  const raw = entries.get('manifest.json');
  if (!raw) throw new Error('not a Pantau backup: no manifest.json');
  const manifest = JSON.parse(raw.toString('utf8')) as Manifest;
  if (manifest.format !== BACKUP_FORMAT) throw new Error(`backup format ${manifest.format}; this version reads ${BACKUP_FORMAT}`);
  const migration = await migrationId();
  if (manifest.migration !== migration)
    throw new Error(
      `the backup's schema (${manifest.migration}) is not this version's (${migration}): restore with the version that wrote it`,
    );

  // Evidence and files first: content-addressed and harmless if the database part then fails.
  const known = new Map(manifest.evidence.map((e) => [e.sha256, e]));
  for (const e of evidence) {
    const actual = createHash('sha256').update(e.data).digest('hex');
    if (actual !== e.sha256 || !known.has(e.sha256)) throw new Error(`evidence ${e.sha256} is damaged`);
    const stored = await stores.evidence.put(Readable.from([e.data]));
    if (stored.sha256 !== e.sha256) throw new Error(`evidence ${e.sha256} stored as ${stored.sha256}`);
  }
  if (evidence.length !== manifest.evidence.length) throw new Error('evidence files are missing from the archive');
  const work = mkdtempSync(join(tmpdir(), 'pantau-restore-'));
  try {
    for (const f of files) {
      const expected = manifest.files.find((m) => m.key === f.key);
      if (!expected || createHash('sha256').update(f.data).digest('hex') !== expected.sha256) throw new Error(`file ${f.key} is damaged`);
      const path = join(work, 'f');
      await pipeline(Readable.from([f.data]), createWriteStream(path));
      await stores.files.putFile(f.key, path);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  let rows = 0;
  await db.transaction(async (tx) => {
    const present = new Set(await tablesInOrder(tx));
    for (const t of manifest.tables) {
      if (!present.has(t.name)) throw new Error(`table ${t.name} does not exist in this schema`);
      const [{ n } = { n: 0 }] = await rowsOf<{ n: number }>(tx, sql.raw(`select count(*)::int as n from ${quote(t.name)}`));
      if (n > 0) throw new RestoreNotEmpty(t.name, n);
    }
    for (const t of manifest.tables) {
      const gz = entries.get(t.entry);
      if (!gz || createHash('sha256').update(gz).digest('hex') !== t.sha256) throw new Error(`${t.entry} is missing or damaged`);
      const lines = gunzipSync(gz).toString('utf8').split('\n').filter(Boolean);
      if (lines.length !== t.rows) throw new Error(`${t.name}: ${lines.length} rows, the manifest says ${t.rows}`);
      for (let i = 0; i < lines.length; i += 1000) {
        const chunk = `[${lines.slice(i, i + 1000).join(',')}]`;
        await tx.execute(
          sql`insert into ${sql.raw(quote(t.name))} select * from json_populate_recordset(null::${sql.raw(quote(t.name))}, ${chunk}::json)`,
        );
      }
      rows += lines.length;
      log(`${t.name}: ${lines.length}`);
    }
    // Serial columns continue after the restored rows.
    const seqs = await rowsOf<{ t: string; c: string; s: string }>(
      tx,
      sql`select c.relname as t, a.attname as c, pg_get_serial_sequence(quote_ident(c.relname), a.attname) as s
          from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped
            and pg_get_serial_sequence(quote_ident(c.relname), a.attname) is not null`,
    );
    for (const q of seqs) {
      await tx.execute(
        sql.raw(
          `select setval('${q.s}', coalesce((select max(${quote(q.c)}) from ${quote(q.t)}), 1), (select count(*) > 0 from ${quote(q.t)}))`,
        ),
      );
    }
  });
  return { tables: manifest.tables.length, rows, evidence: evidence.length, files: files.length };
}
