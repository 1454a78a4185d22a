/**
 * `pantau audit verify`: walks the keyed, hash-chained audit log of the database the server uses
 * (DATABASE_URL, else PGlite in $DATA_DIR/pglite) with the server's audit key, and checks it
 * against the signed checkpoint in $DATA_DIR/audit/checkpoint.json and the checkpoints printed in
 * publication snapshots. Prints OK with the number of events, or the first problem (its seq and
 * why: an edited, removed or re-chained event, deleted newest events or a truncated table, a
 * forged checkpoint) and exits 1.
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
    const { openRuntime } = await import('../../server/config/runtime.ts');
    const { verifyAudit } = await import('../../server/audit/queries.ts');
    const { publicationAnchors } = await import('../../server/audit/checkpoints.ts');
    const runtime = await openRuntime();
    const database = runtime.database;
    try {
      const result = await verifyAudit(database.db, {
        checkpoint: await runtime.checkpoints.read(),
        requireCheckpoint: true,
        anchors: await publicationAnchors(database.db),
      });
      if (result.ok) {
        const text = `${t(lang, 'audit_verify.ok', { events: String(result.events) })}\n`;
        return { json: result, text };
      }
      const why = t(lang, `audit_verify.why.${result.kind}`);
      const text = `${t(lang, 'audit_verify.broken', { seq: String(result.brokenAt), why })}\n`;
      return { json: result, text, exitCode: 1 };
    } finally {
      await runtime.close();
    }
  },
};
