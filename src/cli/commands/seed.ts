/**
 * `pantau seed`: seeds the database the server uses (DATABASE_URL, else PGlite in
 * $DATA_DIR/pglite). Without options: the Banten demo (only on an empty database; the demo
 * passwords are printed once). With --national: a synthetic national cycle (587 bodies, ≈ 4,100
 * units, ≈ 160,000 records) for benchmarks — use a separate benchmark database.
 */
import type { Command } from '../command.ts';
import { parsePositiveInteger, stringOption, takePositionals } from '../args.ts';
import { CliError } from '../errors.ts';
import { t } from '../i18n.ts';

const usage = 'seed [--national [--publish]] [--year N] [--no-recompute]';

export const command: Command = {
  usage,
  options: {
    national: {
      type: 'boolean',
      describe: {
        id: 'siklus nasional sintetis (587 instansi) untuk benchmark',
        en: 'synthetic national cycle (587 bodies) for benchmarks',
      },
    },
    publish: {
      type: 'boolean',
      describe: {
        id: 'dengan --national: setujui semua unit dan terbitkan siklus secara nasional (hari pengumuman)',
        en: 'with --national: approve every unit and publish the cycle nationally (results day)',
      },
    },
    year: {
      type: 'string',
      value: 'N',
      describe: { id: 'tahun siklus nasional (bawaan 2024)', en: 'year of the national cycle (default 2024)' },
    },
    'no-recompute': {
      type: 'boolean',
      describe: { id: 'jangan hitung ulang hasil di akhir', en: 'do not recompute the results at the end' },
    },
  },
  examples: ['seed', 'seed --national', 'seed --national --publish', 'seed --national --year 2025 --json'],
  async run({ args, lang, io }) {
    takePositionals(args, [], usage);
    const { openRuntime } = await import('../../server/config/runtime.ts');
    const runtime = await openRuntime();
    const database = runtime.database;
    try {
      if (args.options.national === true) {
        const rawYear = stringOption(args, 'year');
        const year = rawYear === undefined ? 2024 : parsePositiveInteger(rawYear);
        if (year === null) throw new CliError('errors.not_a_number', { value: rawYear! });
        const { seedNational } = await import('../../server/seed/national.ts');
        const result = await seedNational(database.db, {
          year,
          recompute: args.options['no-recompute'] !== true || args.options.publish === true,
          publish: args.options.publish === true,
          log: (line) => io.stderr.write(`  ${line}\n`),
        });
        const secs = (ms: number | null) => (ms === null ? '—' : `${(ms / 1000).toFixed(1)} s`);
        const counts = {
          cycle: result.cycleId,
          bodies: String(result.bodies),
          units: String(result.units),
          records: String(result.records),
        };
        const times = { locus: secs(result.ms.locus), records: secs(result.ms.records), recompute: secs(result.ms.recompute) };
        let text = `${t(lang, 'seed.national', counts)}\n${t(lang, 'seed.national_time', times)}\n`;
        if (result.publicationId) text += `${t(lang, 'seed.national_published', { publication: result.publicationId })}\n`;
        return { json: result, text };
      }
      const { seedDemoIfEmpty } = await import('../../server/seed/demo.ts');
      const seeded = await seedDemoIfEmpty(database.db);
      if (!seeded) {
        const text = `${t(lang, 'seed.demo_exists')}\n`;
        return { json: { seeded: false }, text };
      }
      const lines = [t(lang, 'seed.demo_accounts')];
      for (const a of seeded.accounts) lines.push(`  ${a.role.padEnd(12)} ${a.username.padEnd(28)} ${a.password}   ${a.scope}`);
      return { json: { seeded: true, ...seeded }, text: `${lines.join('\n')}\n` };
    } finally {
      await runtime.close({ checkpoint: true });
    }
  },
};
