/**
 * `pantau audit verify`: walks the hash-chained audit log of the database the server uses
 * (DATABASE_URL, else PGlite in $DATA_DIR/pglite) and prints OK with the number of events, or
 * the first broken link (its seq and why) and exits 1.
 */
import type { Command } from '../command.ts';
import { takePositionals } from '../args.ts';

const usage = 'audit verify';

const reasons = {
  link: {
    id: 'prev_hash tidak sama dengan hash peristiwa sebelumnya (ada peristiwa yang dihapus, disisipkan atau ditukar)',
    en: 'prev_hash does not match the previous event (an event was removed, inserted or reordered)',
  },
  content: {
    id: 'hash tidak cocok dengan isi peristiwa (peristiwa diubah)',
    en: 'hash does not match the event content (the event was edited)',
  },
} as const;

export const command: Command = {
  usage,
  options: {},
  examples: ['audit verify', 'audit verify --json'],
  async run({ args, lang }) {
    takePositionals(args, [], usage);
    const { databaseOptionsFromEnv, openDatabase } = await import('../../server/db/client.ts');
    const { verifyAudit } = await import('../../server/audit/queries.ts');
    const database = await openDatabase(databaseOptionsFromEnv());
    try {
      const result = await verifyAudit(database.db);
      if (result.ok) {
        const text =
          lang === 'id' ? `OK: rantai audit utuh, ${result.events} peristiwa.\n` : `OK: audit chain intact, ${result.events} events.\n`;
        return { json: result, text };
      }
      const why = reasons[result.kind][lang];
      const text =
        lang === 'id'
          ? `RUSAK: rantai audit putus pada seq ${result.brokenAt} — ${why}.\n`
          : `BROKEN: the audit chain breaks at seq ${result.brokenAt} — ${why}.\n`;
      return { json: result, text, exitCode: 1 };
    } finally {
      await database.close();
    }
  },
};
