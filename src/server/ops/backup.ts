// `pantau backup <file>` / `pantau restore <file>` (issue 14 §6): the database and the evidence
// store in one archive, consistent, portable between PGlite and PostgreSQL.
//
// Archive (a plain tar, `tar -tvf` lists it):
//   db/<nn>-<table>.jsonl.gz   every row of every table as a JSON object, tables in foreign-key
//                              order, the rows one consistent state even while the server writes:
//                              PostgreSQL — row_to_json in ONE repeatable-read transaction;
//                              PGlite — COPY text copied in slices beside requests, kept only if
//                              no write happened meanwhile (copySnapshot), json/jsonb values as
//                              JSON and every other value as its PostgreSQL text;
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

export interface BackupOptions {
  /**
   * How the snapshot is read. `copy` (PGlite's default): COPY every table out as raw text inside
   * the snapshot, JSON and gzip after it. `cursor` (PostgreSQL's): rows as JSON through a cursor,
   * gzipped as they come, all inside the snapshot — fine beside MVCC, but on PGlite's single
   * connection every request waits for it (bench/backup.ts compares both).
   */
  snapshot?: 'copy' | 'cursor';
  /**
   * `copy` on PGlite: 2 (default) online attempts before the one held transaction; 0 goes
   * straight to the transaction (what a backup written to during both attempts ends with).
   */
  onlineAttempts?: number;
}

/** Whether `db` runs on PGlite (one connection; COPY TO '/dev/blob'), whatever the caller says. */
const onPglite = (db: Db): boolean => typeof (db as unknown as { $client?: { dumpDataDir?: unknown } }).$client?.dumpDataDir === 'function';

/** Writes the archive; the database part is one repeatable-read snapshot. */
export async function backup(
  db: Db,
  kind: 'pglite' | 'postgres',
  stores: Stores,
  file: string,
  log: (line: string) => void = () => {},
  opts: BackupOptions = {},
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
    if ((opts.snapshot ?? (onPglite(db) ? 'copy' : 'cursor')) === 'copy') {
      // PGlite has one connection: a request waits for whatever query or transaction holds it.
      // Copy each table's raw text out (COPY … TO '/dev/blob', in short slices beside requests
      // when nothing is written meanwhile); JSON lines, gzip and hashes come after, without it.
      const started = performance.now();
      const { tables: snapshot, held } = await copySnapshot(db, log, opts.onlineAttempts ?? 2);
      log(`snapshot: ${snapshot.length} tables in ${Math.round(performance.now() - started)} ms${held ? ', in one transaction' : ''}`);
      const evidence = new Set<string>();
      for (const [i, t] of snapshot.entries()) {
        const entry = `db/${String(i).padStart(2, '0')}-${t.name}.jsonl.gz`;
        const path = join(work, `${i}.gz`);
        const sha = t.columns.indexOf('sha256');
        const jobs = t.name === 'jobs' ? [t.columns.indexOf('id'), t.columns.indexOf('status'), t.columns.indexOf('file_name')] : null;
        const rows = await copyToJsonLines(t, path, (f) => {
          if (sha >= 0 && f[sha] !== null) evidence.add(f[sha]!);
          if (jobs && f[jobs[1]!] === 'done' && f[jobs[2]!] !== null) jobFiles.push(f[jobs[0]!]!);
        });
        manifest.tables.push({ name: t.name, rows, entry, sha256: await sha256File(path) });
        log(`${t.name}: ${rows}`);
      }
      hashes = [...evidence].sort();
      jobFiles.sort();
    } else
      await db.transaction(async (tx) => {
        // PostgreSQL: other connections carry on beside the snapshot (MVCC): read it at leisure.
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

interface CopiedTable {
  name: string;
  columns: string[];
  /** Columns whose text is JSON (json, jsonb): embedded as JSON, not as a string. */
  json: boolean[];
  /** The rows in COPY's text format; undefined for an empty table. */
  data: Blob | undefined;
}

/** Heap blocks (8 kB) copied per query when the copy runs beside requests. */
const COPY_BLOCKS = 128;

/** The next transaction id: unchanged between two reads = nothing was written in between. */
const nextXid = async (db: Queryable): Promise<string> =>
  (await rowsOf<{ x: string }>(db, sql`select pg_snapshot_xmax(pg_current_snapshot())::text as x`))[0]!.x;

/**
 * PGlite: a consistent copy of every table in COPY's text format (raw bytes, no per-row work),
 * holding its single connection as briefly as it can. First online: each table in slices of
 * COPY_BLOCKS heap blocks, one short query each, with requests answered between them; the copy
 * is one consistent state if no transaction id was handed out meanwhile (every write takes one,
 * and a PGlite transaction holds the connection from BEGIN to COMMIT, so none was open around
 * it). Written to meanwhile: once more, then in ONE read-only transaction (requests wait for it).
 */
async function copySnapshot(db: Db, log: (line: string) => void, attempts: number): Promise<{ tables: CopiedTable[]; held: boolean }> {
  const catalog = async (q: Queryable) => {
    const tables = await tablesInOrder(q);
    const columns = await rowsOf<{ t: string; c: string; ty: string }>(
      q,
      sql`select c.relname as t, a.attname as c, t.typname as ty from pg_attribute a
          join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
          join pg_type t on t.oid = a.atttypid
          where n.nspname = 'public' and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped
          order by c.relname, a.attnum`,
    );
    return tables.map((name) => {
      const cols = columns.filter((c) => c.t === name);
      return { name, columns: cols.map((c) => c.c), json: cols.map((c) => c.ty === 'json' || c.ty === 'jsonb') };
    });
  };
  const copy = async (q: Queryable, select: string): Promise<Blob | undefined> =>
    ((await q.execute(sql.raw(`copy (${select}) to '/dev/blob'`))) as unknown as { blob?: Blob }).blob;
  const selectOf = (t: Omit<CopiedTable, 'data'>) => `select ${t.columns.map(quote).join(', ')} from ${quote(t.name)}`;

  for (let attempt = 1; attempt <= attempts; attempt++) {
    const before = await nextXid(db);
    const out: CopiedTable[] = [];
    for (const t of await catalog(db)) {
      const [{ blocks } = { blocks: 0 }] = await rowsOf<{ blocks: number }>(
        db,
        sql`select (pg_relation_size(${quote(t.name)}::regclass) / current_setting('block_size')::int)::int as blocks`,
      );
      const parts: Blob[] = [];
      for (let from = 0; ; from += COPY_BLOCKS) {
        // Let waiting requests in between two slices.
        await new Promise((r) => setImmediate(r));
        const last = from + COPY_BLOCKS >= blocks;
        const range = `ctid >= '(${from},0)'::tid${last ? '' : ` and ctid < '(${from + COPY_BLOCKS},0)'::tid`}`;
        const blob = await copy(db, `${selectOf(t)} where ${range}`);
        if (blob) parts.push(blob);
        if (last) break;
      }
      out.push({ ...t, data: parts.length ? new Blob(parts) : undefined });
      log(`copied ${t.name}`);
    }
    if ((await nextXid(db)) === before) return { tables: out, held: false };
    log(`written to during copy ${attempt}`);
  }
  const tables = await db.transaction(async (tx) => {
    await tx.execute(sql`set transaction isolation level repeatable read, read only`);
    const out: CopiedTable[] = [];
    for (const t of await catalog(tx)) out.push({ ...t, data: await copy(tx, selectOf(t)) });
    return out;
  });
  return { tables, held: true };
}

const COPY_ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/** One field of COPY's text format: `\N` is null; backslash escapes undone. */
export function copyField(f: string): string | null {
  if (f === '\\N') return null;
  if (!f.includes('\\')) return f;
  return f.replace(/\\([0-7]{1,3}|x[0-9a-fA-F]{1,2}|.)/gs, (_, e: string) =>
    /^[0-7]/.test(e)
      ? String.fromCharCode(Number.parseInt(e, 8))
      : e[0] === 'x' && e.length > 1
        ? String.fromCharCode(Number.parseInt(e.slice(1), 16))
        : (COPY_ESCAPES[e] ?? e),
  );
}

/**
 * A table copied in text format → JSON lines (one object per row, the same shape row_to_json
 * gives: json/jsonb values as JSON, every other value as its PostgreSQL text, which restore's
 * json_populate_recordset reads back through the column's input function), gzipped into `path`.
 * Runs after the snapshot is released, a page of rows per turn of the event loop.
 */
async function copyToJsonLines(t: CopiedTable, path: string, onRow: (fields: (string | null)[]) => void): Promise<number> {
  let rows = 0;
  const keys = t.columns.map((c) => `${JSON.stringify(c)}:`);
  const line = (text: string): string => {
    const fields = text.split('\t').map(copyField);
    if (fields.length !== keys.length) throw new Error(`${t.name}: a row of ${fields.length} fields, ${keys.length} columns`);
    onRow(fields);
    rows++;
    let json = '{';
    for (let i = 0; i < fields.length; i++) {
      const v = fields[i];
      // JSON text may hold line breaks between its tokens, never inside a string.
      const value = v === null || v === undefined ? 'null' : t.json[i] ? v.replace(/[\r\n]/g, ' ') : JSON.stringify(v);
      json += `${i ? ',' : ''}${keys[i]}${value}`;
    }
    return `${json}}`;
  };
  async function* lines() {
    if (!t.data) return;
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let rest = '';
    for await (const chunk of Readable.fromWeb(t.data.stream() as never)) {
      const text = rest + decoder.decode(chunk as Uint8Array, { stream: true });
      const end = text.lastIndexOf('\n');
      if (end < 0) {
        rest = text;
        continue;
      }
      rest = text.slice(end + 1);
      yield `${text.slice(0, end).split('\n').map(line).join('\n')}\n`;
    }
    rest += decoder.decode();
    if (rest) throw new Error(`${t.name}: the copied rows end without a line break`);
  }
  await pipeline(Readable.from(lines()), createGzip({ level: 6 }), createWriteStream(path));
  return rows;
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
