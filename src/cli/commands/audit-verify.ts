/**
 * `pantau audit verify`: walks the hash-chained audit log of the database the server uses
 * (DATABASE_URL, else PGlite in $DATA_DIR/pglite) and prints OK with the number of events, or
 * the first broken link (its seq and why) and exits 1.
 */
import type { Command } from '../command.ts';
import { takePositionals } from '../args.ts';
import { t } from '../i18n.ts';

const usage = 'audit verify';

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
        const text = `${t(lang, 'audit_verify.ok', { events: String(result.events) })}\n`;
        return { json: result, text };
      }
      const why = t(lang, result.kind === 'link' ? 'audit_verify.why.link' : 'audit_verify.why.content');
      const text = `${t(lang, 'audit_verify.broken', { seq: String(result.brokenAt), why })}\n`;
      return { json: result, text, exitCode: 1 };
    } finally {
      await database.close();
    }
  },
};
