// Password hashing with argon2id (@node-rs/argon2, default cost: m=19 MiB, t=2, p=1 — OWASP's
// minimum for argon2id). Hashes are PHC strings, so the parameters travel with each hash and a
// later cost increase does not break old hashes.
import { type Algorithm, hash, verify } from '@node-rs/argon2';

/**
 * `Algorithm.Argon2id`. The package declares `Algorithm` as an ambient const enum, which
 * `isolatedModules` cannot inline, so the value is spelled out here (checked by the tests: the
 * hash starts with `$argon2id$`).
 */
const ARGON2ID = 2 as Algorithm;

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

/** False for a wrong password and for a malformed stored hash (never throws on bad input). */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/**
 * A valid hash of a random password, verified against when the username is unknown so that a
 * wrong username takes as long as a wrong password (no account enumeration by timing).
 */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(`dummy-${Math.random()}`);
  return dummy;
}
