// Password rules (issue 15 D10; NIST SP 800-63B §5.1.1.2, OWASP ASVS 4.0 V2.1): at least 12
// characters (any characters, no composition rules), not containing the username, not a common or
// breached password, and not easy to guess by the patterns crackers try (dictionary words with
// substitutions, dates, sequences, keyboard walks, repeats). The last two are zxcvbn-ts estimates
// against offline lists — its common-passwords list (from breach corpora) and Indonesian and
// English dictionaries — loaded on the server only, at start (measured 2026-12-05: ≈ 0.3 s and
// ≈ 65 MB of RSS including the module load; a check then takes 7–60 ms).
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { AppError, type ErrorCode } from '../errors.ts';

import { PASSWORD_MAX, PASSWORD_MIN } from '../../shared/wire/limits.ts';
/** zxcvbn score 3: "safely unguessable: moderate protection from an offline slow-hash attack" (10⁸ guesses). */
export const MIN_SCORE = 3;

export type PasswordProblem = 'too_short' | 'too_long' | 'contains_username' | 'common' | 'weak';

let factory: Promise<ZxcvbnFactory> | undefined;
function estimator(): Promise<ZxcvbnFactory> {
  factory ??= (async () => {
    const [{ ZxcvbnFactory }, common, id, en] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-id'),
      import('@zxcvbn-ts/language-en'),
    ]);
    return new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...id.dictionary, ...en.dictionary },
      graphs: common.adjacencyGraphs,
      translations: en.translations,
    });
  })();
  return factory;
}

/** Loads the dictionaries ahead of the first check (server start), so no request waits for them. */
export function preloadPasswordPolicy(): void {
  void estimator();
}

/** The first rule a password breaks, or null when it is acceptable. */
export async function passwordProblem(
  password: string,
  context: { username?: string; name?: string } = {},
): Promise<PasswordProblem | null> {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return 'too_short';
  if (length > PASSWORD_MAX) return 'too_long';
  const lower = password.toLowerCase();
  const username = context.username?.trim().toLowerCase();
  if (username && username.length >= 3 && lower.includes(username)) return 'contains_username';
  const z = await estimator();
  const inputs = [context.username, ...(context.name ?? '').split(/\s+/)].filter((s): s is string => !!s && s.length >= 3);
  const result = z.check(password, inputs);
  // The whole password is one entry of the common/breached list (with or without l33t or case).
  const common =
    result.sequence.length === 1 &&
    result.sequence[0]!.pattern === 'dictionary' &&
    result.sequence[0]!.dictionaryName === 'passwords-common';
  if (common) return 'common';
  if (result.score < MIN_SCORE) return result.sequence.some((m) => m.dictionaryName === 'passwords-common') ? 'common' : 'weak';
  return null;
}

const codes = {
  too_short: 'user.password_too_short',
  too_long: 'user.password_too_short',
  contains_username: 'user.password_contains_username',
  common: 'user.password_common',
  weak: 'user.password_weak',
} as const satisfies Record<PasswordProblem, ErrorCode>;

/** Throws the catalogue error of the first rule the password breaks (400, translated). */
export async function assertPasswordAcceptable(password: string, context: { username?: string; name?: string } = {}): Promise<void> {
  const problem = await passwordProblem(password, context);
  if (problem) throw new AppError(codes[problem], { min: PASSWORD_MIN, max: PASSWORD_MAX });
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/**
 * A random password that passes the rules: 16 characters of an alphabet without look-alikes
 * (0/O, 1/l/I), ≈ 93 bits. Demo accounts and the one-time passwords of an admin reset.
 * Uniformly random, so no dictionary estimate is asked: zxcvbn rates 16 random characters of
 * this alphabet at its top score (the test checks a sample), and its dictionaries took ≈ 0.3 s of
 * the demo's seeding on a first start. Only the username rule can fail by chance: drawn again.
 */
export async function generatePassword(context: { username?: string; name?: string } = {}): Promise<string> {
  const { randomInt } = await import('node:crypto');
  const username = context.username?.trim().toLowerCase();
  for (;;) {
    let out = '';
    for (let i = 0; i < 16; i++) out += ALPHABET[randomInt(ALPHABET.length)];
    if (!username || username.length < 3 || !out.toLowerCase().includes(username)) return out;
  }
}
