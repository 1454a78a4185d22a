// Online backup of the embedded database (issue 14 §6): PGlite's data directory belongs to the
// one server process, so `pantau backup` asks that process to write the archive. The server
// listens on a Unix socket inside its data directory (`backup.sock`, mode 0600: whoever may read
// the database files may ask for a backup, nobody else); the CLI sends one JSON line
// `{ "file": "/abs/path" }` and gets one JSON line back (the summary or the error). The archive is
// the same as offline (ops/backup.ts). PGlite has one connection: the tables are copied in short
// slices with requests answered in between (bench/backup.ts: a request waited at most 0.2 s
// during a demo backup, 1.3–3.4 s with the former one-transaction read); the JSON, compression,
// evidence and job files come after, without the connection.
import { chmodSync, existsSync, rmSync } from 'node:fs';
import { type Server, connect, createServer } from 'node:net';
import { join } from 'node:path';
import type { Db } from '../db/client.ts';
import type { Stores } from '../storage/index.ts';
import { type BackupSummary, backup } from './backup.ts';

export const backupSocketPath = (dataDir: string): string => join(dataDir, 'backup.sock');

/** Serves backups of `db` on the data directory's socket; close the returned server on shutdown. */
export async function serveBackups(dataDir: string, db: Db, stores: Stores): Promise<Server> {
  const path = backupSocketPath(dataDir);
  // A socket left by a process that died: nobody answers on it.
  if (existsSync(path) && !(await serverAnswers(dataDir))) rmSync(path, { force: true });
  const server = createServer((socket) => {
    let input = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      input += chunk;
      const nl = input.indexOf('\n');
      if (nl < 0) return;
      const line = input.slice(0, nl);
      void (async () => {
        try {
          const req = JSON.parse(line) as { ping?: boolean; file?: string };
          if (req.ping) return socket.end(`${JSON.stringify({ ok: true })}\n`);
          if (typeof req.file !== 'string' || !req.file.startsWith('/')) throw new Error('an absolute file path is needed');
          const summary = await backup(db, 'pglite', stores, req.file);
          socket.end(`${JSON.stringify({ ok: true, summary })}\n`);
        } catch (err) {
          socket.end(`${JSON.stringify({ ok: false, error: (err as Error).message })}\n`);
        }
      })();
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolve());
  });
  chmodSync(path, 0o600);
  return server;
}

function ask(dataDir: string, req: object): Promise<{ ok: boolean; summary?: BackupSummary; error?: string } | null> {
  const path = backupSocketPath(dataDir);
  if (!existsSync(path)) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const socket = connect(path);
    let out = '';
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write(`${JSON.stringify(req)}\n`));
    socket.on('data', (c: string) => {
      out += c;
    });
    socket.on('end', () => {
      try {
        resolve(JSON.parse(out));
      } catch {
        reject(new Error(`unexpected answer from the server's backup socket: ${out.slice(0, 200)}`));
      }
    });
    socket.on('error', (err: NodeJS.ErrnoException) => {
      // No process behind the socket (it died): not running.
      if (err.code === 'ECONNREFUSED' || err.code === 'ENOENT') resolve(null);
      else reject(err);
    });
  });
}

/** Whether a server answers on the data directory's backup socket. */
export async function serverAnswers(dataDir: string): Promise<boolean> {
  return (await ask(dataDir, { ping: true }))?.ok === true;
}

/** Has the running server write the backup; null when no server runs on `dataDir`. */
export async function backupThroughServer(dataDir: string, file: string): Promise<BackupSummary | null> {
  const answer = await ask(dataDir, { file });
  if (answer === null) return null;
  if (!answer.ok || !answer.summary) throw new Error(answer.error ?? 'the server did not write the backup');
  return answer.summary;
}
