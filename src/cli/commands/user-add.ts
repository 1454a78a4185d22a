import type { Command, CommandOutput } from '../command.ts';
import { stringOption, takePositionals } from '../args.ts';
import { t } from '../i18n.ts';
import type { CliIo } from '../io.ts';

const usage = 'user add --username U --role R [--province KODE] [--body KODE] [--unit ID] [--name NAMA] [--password-stdin]';

const roleList = 'admin, pimpinan, asisten, koordinator, operator';

/** A refusal: one line on stderr and exit 2, like the CLI's other bad input (with --json, the error object on stdout). */
function refuse(io: CliIo, message: string): CommandOutput {
  io.stderr.write(`pantau: ${message}\n`);
  return { json: { error: { message } }, text: '', exitCode: 2 };
}

async function readAll(io: CliIo): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads one line from a terminal without echoing it. */
function promptHidden(io: CliIo, question: string): Promise<string> {
  const stdin = io.stdin as NodeJS.ReadStream;
  io.stderr.write(question);
  return new Promise((resolve, reject) => {
    let value = '';
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      io.stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (data: string | Buffer) => {
      for (const c of String(data)) {
        if (c === '\r' || c === '\n' || c === '\u0004') return done();
        if (c === '\u0003') return done(new Error('cancelled'));
        if (c === '\u007f' || c === '\b') value = value.slice(0, -1);
        else value += c;
      }
    };
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.on('data', onData);
    stdin.resume();
  });
}

export const command: Command = {
  usage,
  options: {
    username: {
      type: 'string',
      value: 'U',
      required: true,
      describe: { id: 'nama pengguna (huruf kecil, 3–40: a-z 0-9 . _ -)', en: 'username (lower case, 3–40: a-z 0-9 . _ -)' },
    },
    role: { type: 'string', value: 'R', required: true, describe: { id: `peran: ${roleList}`, en: `role: ${roleList}` } },
    province: {
      type: 'string',
      value: 'KODE',
      describe: {
        id: 'kode provinsi Kemendagri (pimpinan, asisten), mis. 36',
        en: 'Kemendagri province code (pimpinan, asisten), e.g. 36',
      },
    },
    body: {
      type: 'string',
      value: 'KODE',
      describe: { id: 'kode instansi (koordinator), mis. 36.02 atau kemenkes', en: 'body code (koordinator), e.g. 36.02 or kemenkes' },
    },
    unit: { type: 'string', value: 'ID', describe: { id: 'id unit layanan (operator)', en: 'service unit id (operator)' } },
    name: {
      type: 'string',
      value: 'NAMA',
      describe: { id: 'nama lengkap (bawaan: nama pengguna)', en: 'full name (default: the username)' },
    },
    'password-stdin': {
      type: 'boolean',
      describe: { id: 'baca kata sandi dari stdin, bukan dari terminal', en: 'read the password from stdin instead of the terminal' },
    },
  },
  examples: [
    'user add --username admin --role admin',
    'user add --username kepala.banten --role pimpinan --province 36 --name "Kepala Perwakilan Banten"',
    'user add --username koord.lebak --role koordinator --body 36.02 --password-stdin < kata-sandi.txt',
  ],
  async run({ args, lang, io }) {
    takePositionals(args, [], usage);
    const { ROLES: roles } = await import('../../shared/wire/enums.ts');
    const { PASSWORD_MAX, PASSWORD_MIN } = await import('../../shared/wire/limits.ts');
    const username = stringOption(args, 'username')!;
    const role = stringOption(args, 'role')!;
    if (!(roles as readonly string[]).includes(role)) {
      return refuse(io, t(lang, 'user_add.unknown_role', { role, roles: roleList }));
    }

    let password: string;
    if (args.options['password-stdin'] === true) {
      password = (await readAll(io)).replace(/\r?\n$/, '');
    } else if ((io.stdin as { isTTY?: boolean }).isTTY) {
      password = await promptHidden(io, t(lang, 'user_add.password_prompt'));
      const again = await promptHidden(io, t(lang, 'user_add.password_repeat'));
      if (again !== password) return refuse(io, t(lang, 'user_add.password_mismatch'));
    } else {
      return refuse(io, t(lang, 'user_add.stdin_not_tty'));
    }
    if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) {
      return refuse(io, t(lang, 'user_add.password_length', { min: String(PASSWORD_MIN), max: String(PASSWORD_MAX) }));
    }

    const { openRuntime } = await import('../../server/config/runtime.ts');
    const { createUser } = await import('../../server/users/queries.ts');
    const { AppError, localiseDetails, messageFor } = await import('../../server/errors.ts');
    const { bodies } = await import('../../server/registry/schema.ts');
    const { eq } = await import('drizzle-orm');
    const runtime = await openRuntime();
    const database = runtime.database;
    let wrote = false;
    try {
      const user = await database.db.transaction(async (tx) => {
        const bodyCode = stringOption(args, 'body');
        let bodyId: string | undefined;
        if (bodyCode !== undefined) {
          const [body] = await tx.select({ id: bodies.id }).from(bodies).where(eq(bodies.code, bodyCode)).limit(1);
          if (!body) throw new AppError('registry.unknown_reference', { field: '--body', value: bodyCode });
          bodyId = body.id;
        }
        return createUser(
          tx,
          { id: null, username: 'cli' },
          {
            username,
            name: stringOption(args, 'name') ?? username,
            password,
            role: role as (typeof roles)[number],
            provinceCode: stringOption(args, 'province'),
            bodyId,
            unitId: stringOption(args, 'unit'),
          },
        );
      });
      wrote = true;
      const scope = user.provinceCode ?? '';
      const where = [
        scope ? t(lang, 'user_add.created.province', { province: scope }) : '',
        user.bodyId ? t(lang, 'user_add.created.body', { body: user.bodyId }) : '',
        user.unitId ? t(lang, 'user_add.created.unit', { unit: user.unitId }) : '',
      ].join('');
      const text = `${t(lang, 'user_add.created', { username: user.username, role: user.role, scope: where })}\n`;
      return { json: user, text };
    } catch (error) {
      if (error instanceof AppError) return refuse(io, messageFor(error.code, lang, localiseDetails(error.code, lang, error.details)));
      throw error;
    } finally {
      await runtime.close({ checkpoint: wrote });
    }
  },
};
