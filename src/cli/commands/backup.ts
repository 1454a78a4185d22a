/**
 * `pantau backup <file>`: the database the server uses (DATABASE_URL, else PGlite in
 * $DATA_DIR/pglite) and its evidence and job files (PANTAU_STORE: the data directory or S3) in
 * one archive (server/ops/backup.ts). PostgreSQL: online, one consistent snapshot. PGlite: online
 * too — a running server owns the directory, so it is asked to write the archive through its
 * backup socket (server/ops/backup-socket.ts), and copies its tables in short slices between
 * requests; with no server running the CLI opens the directory itself. Secret keys are not in the
 * archive: keep them with the configuration (docs/deploy.md).
 */
import { resolve } from 'node:path';
import type { Command } from '../command.ts';
import { takePositionals } from '../args.ts';
import { t } from '../i18n.ts';

const usage = 'backup FILE';

export const command: Command = {
  usage,
  options: {},
  examples: ['backup pantau-2026-12-04.backup'],
  async run({ args, lang, io }) {
    const [file] = takePositionals(args, ['FILE'], usage);
    const { databaseOptionsFromEnv, openDatabase } = await import('../../server/db/client.ts');
    const { storesFromEnv } = await import('../../server/storage/index.ts');
    const { backup } = await import('../../server/ops/backup.ts');
    const dataDir = resolve(process.env.DATA_DIR ?? './data');
    const done = (s: Awaited<ReturnType<typeof backup>>) => {
      const mb = (s.bytes / 1024 / 1024).toFixed(1);
      const text = `${t(lang, 'backup.done', { file: s.file, tables: String(s.tables), rows: String(s.rows), evidence: String(s.evidence), files: String(s.files), mb })}\n`;
      return { json: s, text };
    };
    if (!process.env.DATABASE_URL) {
      // PGlite: a running server owns the directory and writes the backup itself (online).
      const { backupThroughServer } = await import('../../server/ops/backup-socket.ts');
      const online = await backupThroughServer(dataDir, resolve(file!));
      if (online) return done(online);
    }
    const database = await openDatabase(databaseOptionsFromEnv());
    const stores = storesFromEnv(dataDir);
    try {
      return done(await backup(database.db, database.kind, stores, resolve(file!), (line) => io.stderr.write(`  ${line}\n`)));
    } finally {
      stores.close();
      await database.close();
    }
  },
};
