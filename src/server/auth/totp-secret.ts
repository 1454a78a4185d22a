// TOTP secrets at rest (issue 15): AES-256-GCM under the server key `totp` (config/secrets.ts),
// bound to the account (its id is the additional authenticated data, so a stored secret copied
// onto another account does not decrypt). A database dump or backup alone therefore does not
// hand out anyone's second factor. Stored form: `v1:` + base64(iv 12 bytes | tag 16 | ciphertext).
//
// A row written before encryption (a bare base32 secret) is still read, and is replaced by the
// encrypted form at the account's next enrolment; `isEncryptedTotpSecret` tells them apart.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const PREFIX = 'v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The 32-byte AES key derived from the configured `totp` secret (which may be longer than 32 bytes). */
const aesKey = (key: Buffer): Buffer => createHash('sha256').update('pantau totp secret v1').update(key).digest();

export const isEncryptedTotpSecret = (stored: string): boolean => stored.startsWith(PREFIX);

export function encryptTotpSecret(key: Buffer, userId: string, secretBase32: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', aesKey(key), iv);
  cipher.setAAD(Buffer.from(userId));
  const body = Buffer.concat([cipher.update(secretBase32, 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

/** The base32 secret; throws when the stored value was altered, moved to another account or sealed under another key. */
export function decryptTotpSecret(key: Buffer, userId: string, stored: string): string {
  if (!isEncryptedTotpSecret(stored)) return stored;
  const raw = Buffer.from(stored.slice(PREFIX.length), 'base64');
  if (raw.length <= IV_BYTES + TAG_BYTES) throw new Error('totp secret: stored value too short');
  const decipher = createDecipheriv('aes-256-gcm', aesKey(key), raw.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(userId));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
}
