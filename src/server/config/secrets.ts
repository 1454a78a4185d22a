// The server's secret keys, from ONE place. Every instance serving the same database must hold the
// same keys (a piagam code issued by one instance verifies on another; the audit chain verifies
// everywhere), so each key comes from configuration first and only falls back to a file that the
// first start writes into the data directory:
//
//   PANTAU_<NAME>_KEY       64+ hex characters (32+ bytes), e.g. from a secrets manager;
//   PANTAU_<NAME>_KEY_FILE  a file holding that hex (Docker/Kubernetes secrets);
//   otherwise               $DATA_DIR/secrets/<name>.key, created on first use (0600).
//
// Losing a key invalidates what it signed (printed certificates, audit checkpoints): back the
// secrets up with the database. docs/deploy.md lists the variables.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * certificate — HMAC key of piagam verification codes (awards/codes.ts);
 * audit       — HMAC key of the audit chain and its signed checkpoints;
 * session     — HMAC key for signed tokens that are not stored (e.g. a survey device token);
 * totp        — AES-256-GCM key of the second-factor secrets stored with the accounts (auth/totp-secret.ts).
 */
export const secretNames = ['certificate', 'audit', 'session', 'totp'] as const;
export type SecretName = (typeof secretNames)[number];
export type Secrets = Readonly<Record<SecretName, Buffer>>;

const MIN_BYTES = 32;

function parseKey(hex: string, where: string): Buffer {
  const text = hex.trim();
  if (!/^[0-9a-fA-F]+$/.test(text) || text.length % 2 !== 0) throw new Error(`secret ${where} is not hexadecimal`);
  const key = Buffer.from(text, 'hex');
  if (key.length < MIN_BYTES) throw new Error(`secret ${where} is shorter than ${MIN_BYTES} bytes`);
  return key;
}

/** The key file of a data directory: created once with 32 random bytes, then read. */
function fileKey(dataDir: string, name: SecretName): Buffer {
  const dir = join(dataDir, 'secrets');
  const file = join(dir, `${name}.key`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    writeFileSync(file, randomBytes(MIN_BYTES).toString('hex'), { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return parseKey(readFileSync(file, 'utf8'), file);
}

/** Where each key came from (the start banner and /health say it without the key itself). */
export type SecretSource = 'env' | 'env-file' | 'data-dir';

export interface LoadedSecrets {
  keys: Secrets;
  sources: Readonly<Record<SecretName, SecretSource>>;
}

/** Reads every key: environment, then key file named in the environment, then the data directory. */
export function loadSecrets(dataDir: string, env: NodeJS.ProcessEnv = process.env): LoadedSecrets {
  const keys = {} as Record<SecretName, Buffer>;
  const sources = {} as Record<SecretName, SecretSource>;
  for (const name of secretNames) {
    const variable = `PANTAU_${name.toUpperCase()}_KEY`;
    const inline = env[variable];
    const file = env[`${variable}_FILE`];
    if (inline) {
      keys[name] = parseKey(inline, variable);
      sources[name] = 'env';
    } else if (file) {
      keys[name] = parseKey(readFileSync(file, 'utf8'), `${variable}_FILE (${file})`);
      sources[name] = 'env-file';
    } else {
      keys[name] = fileKey(dataDir, name);
      sources[name] = 'data-dir';
    }
  }
  return { keys, sources };
}
