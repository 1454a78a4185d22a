import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSecrets } from './secrets.ts';

const hex = (byte: string) => byte.repeat(32);

describe('loadSecrets', () => {
  it('creates one key file per secret on first use and reads the same keys afterwards', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pantau-secrets-'));
    const first = loadSecrets(dir, {});
    const again = loadSecrets(dir, {});
    expect(first.sources).toEqual({ certificate: 'data-dir', audit: 'data-dir', session: 'data-dir', totp: 'data-dir' });
    for (const name of ['certificate', 'audit', 'session', 'totp'] as const) {
      expect(first.keys[name].length).toBe(32);
      expect(again.keys[name].equals(first.keys[name])).toBe(true);
      expect(statSync(join(dir, 'secrets', `${name}.key`)).mode & 0o777).toBe(0o600);
    }
    expect(first.keys.audit.equals(first.keys.certificate)).toBe(false);
  });

  it('takes a key from the environment, then from a key file named there, before the data directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pantau-secrets-'));
    const file = join(dir, 'audit.hex');
    writeFileSync(file, `${hex('ab')}\n`);
    const loaded = loadSecrets(dir, { PANTAU_CERTIFICATE_KEY: hex('01'), PANTAU_AUDIT_KEY_FILE: file });
    expect(loaded.keys.certificate.toString('hex')).toBe(hex('01'));
    expect(loaded.keys.audit.toString('hex')).toBe(hex('ab'));
    expect(loaded.sources).toEqual({ certificate: 'env', audit: 'env-file', session: 'data-dir', totp: 'data-dir' });
    expect(() => readFileSync(join(dir, 'secrets', 'certificate.key'))).toThrow();
  });

  it('refuses a key that is too short or not hexadecimal, naming the variable', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pantau-secrets-'));
    expect(() => loadSecrets(dir, { PANTAU_AUDIT_KEY: 'abcd' })).toThrow(/PANTAU_AUDIT_KEY is shorter than 32 bytes/);
    expect(() => loadSecrets(dir, { PANTAU_SESSION_KEY: 'zz'.repeat(32) })).toThrow(/PANTAU_SESSION_KEY is not hexadecimal/);
  });
});
