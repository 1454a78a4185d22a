/**
 * `pantau restore <file>`: an archive of `pantau backup` into the database the server uses
 * (migrated, and EMPTY: refused otherwise) and its stores. Run it with the server stopped, then
 * start the server with the same secret keys as the backed-up instance.
 */
import { resolve } from 'node:path';
import type { Command } from '../command.ts';
import { takePositionals } from '../args.ts';
import { CliError } from '../errors.ts';
import { t } from '../i18n.ts';

const usage = 'restore FILE';

export const command: Command = {
  usage,
  options: {},
  examples: ['restore pantau-2026-12-04.backup'],
  async run({ args, lang, io }) {
    const [file] = takePositionals(args, ['FILE'], usage);
    const { databaseOptionsFromEnv, openDatabase } = await import('../../server/db/client.ts');
    const { storesFromEnv } = await import('../../server/storage/index.ts');
    const { RestoreNotEmpty, restore } = await import('../../server/ops/backup.ts');
    if (!process.env.DATABASE_URL) {
      const { serverAnswers } = await import('../../server/ops/backup-socket.ts');
      if (await serverAnswers(resolve(process.env.DATA_DIR ?? './data'))) throw new CliError('errors.restore_server_running');
    }
    const database = await openDatabase(databaseOptionsFromEnv());
    const stores = storesFromEnv(resolve(process.env.DATA_DIR ?? './data'));
    try {
      const s = await restore(database.db, stores, resolve(file!), (line) => io.stderr.write(`  ${line}\n`)).catch((err: unknown) => {
        throw err instanceof RestoreNotEmpty ? new CliError('errors.restore_not_empty', { table: err.table, rows: String(err.rows) }) : err;
      });
      const text = `${t(lang, 'restore.done', { tables: String(s.tables), rows: String(s.rows), evidence: String(s.evidence), files: String(s.files) })}\n`;
      return { json: s, text };
    } finally {
      stores.close();
      await database.close();
    }
  },
};
