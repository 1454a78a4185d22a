// The signed-in account's own security settings (issue 15 D10): changing its password (also the
// forced change after an admin's reset) and the optional second factor (TOTP, RFC 6238) for admin
// and pimpinan. Every change is audited in the caller's transaction; secrets never are.
import { and, eq, isNull, lt, ne, or } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { appendAudit } from '../audit/queries.ts';
import type { AuditAction } from '../audit/actions.ts';
import { AppError } from '../errors.ts';
import type { Actor, Role } from './policy.ts';
import { assertPasswordAcceptable } from './password-policy.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { sessions, users } from './schema.ts';
import { newTotpSecret, otpauthUri, verifyTotp } from './totp.ts';
import { decryptTotpSecret, encryptTotpSecret } from './totp-secret.ts';

/** Roles that may turn the second factor on (issue 15: admin and pimpinan). */
export const TOTP_ROLES: readonly Role[] = ['admin', 'pimpinan'];

type UserRow = typeof users.$inferSelect;

async function row(tx: Tx, id: string): Promise<UserRow> {
  const [r] = await tx.select().from(users).where(eq(users.id, id)).limit(1);
  if (!r) throw new AppError('auth.required');
  return r;
}

async function requirePassword(u: UserRow, password: string): Promise<void> {
  if (!(await verifyPassword(u.passwordHash, password))) throw new AppError('auth.wrong_password');
}

const audit = (tx: Tx, actor: Actor, action: AuditAction, diff: unknown, at: Date) =>
  appendAudit(tx, { actor, action, subjectType: 'user', subjectId: actor.id, provinceCode: actor.provinceCode, diff, at });

/**
 * Sets a new password after checking the current one and the rules. Clears a forced change, and
 * ends the account's other sessions (the one making the change stays signed in).
 */
export async function changeOwnPassword(
  tx: Tx,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  keepSessionId: string | null,
  now = new Date(),
): Promise<void> {
  const u = await row(tx, actor.id);
  await requirePassword(u, input.currentPassword);
  if (input.currentPassword === input.newPassword) throw new AppError('auth.password_reused');
  await assertPasswordAcceptable(input.newPassword, { username: u.username, name: u.name });
  await tx
    .update(users)
    .set({ passwordHash: await hashPassword(input.newPassword), mustChangePassword: false, passwordChangedAt: now })
    .where(eq(users.id, u.id));
  await tx
    .delete(sessions)
    .where(keepSessionId ? and(eq(sessions.userId, u.id), ne(sessions.id, keepSessionId)) : eq(sessions.userId, u.id));
  await audit(
    tx,
    actor,
    'auth.password_change',
    { after: { password: 'changed', ...(u.mustChangePassword ? { mustChangePassword: false } : {}) } },
    now,
  );
}

export interface TotpEnrolment {
  /** base32, for typing into an app by hand. */
  secret: string;
  /** otpauth:// URI (the QR code's content). */
  uri: string;
}

/**
 * Starts (or restarts) an enrolment: a new secret, not in force until confirmed with a code.
 * Needs the current password. The secret is stored encrypted under `key` (the server's `totp` key).
 */
export async function startTotpEnrolment(tx: Tx, actor: Actor, password: string, key: Buffer, now = new Date()): Promise<TotpEnrolment> {
  if (!TOTP_ROLES.includes(actor.role)) throw new AppError('auth.totp_not_allowed');
  const u = await row(tx, actor.id);
  await requirePassword(u, password);
  if (u.totpEnabledAt) throw new AppError('auth.totp_already_enabled');
  const secret = newTotpSecret();
  await tx
    .update(users)
    .set({ totpSecret: encryptTotpSecret(key, u.id, secret), totpLastStep: null })
    .where(eq(users.id, u.id));
  await audit(tx, actor, 'auth.totp_enrol', { after: { totp: 'pending' } }, now);
  return { secret, uri: otpauthUri(secret, u.username) };
}

/** Turns the second factor on with a first code from the app. */
export async function confirmTotp(tx: Tx, actor: Actor, code: string, key: Buffer, now = new Date()): Promise<void> {
  const u = await row(tx, actor.id);
  if (u.totpEnabledAt) throw new AppError('auth.totp_already_enabled');
  if (!u.totpSecret) throw new AppError('auth.totp_not_enrolling');
  const step = verifyTotp(decryptTotpSecret(key, u.id, u.totpSecret), code, now);
  if (step === null) throw new AppError('auth.totp_invalid');
  await tx.update(users).set({ totpEnabledAt: now, totpLastStep: step }).where(eq(users.id, u.id));
  await audit(tx, actor, 'auth.totp_enable', { after: { totpEnabled: true } }, now);
}

/** Turns the second factor off: the current password and a current code. */
export async function disableTotp(
  tx: Tx,
  actor: Actor,
  input: { password: string; code: string },
  key: Buffer,
  now = new Date(),
): Promise<void> {
  const u = await row(tx, actor.id);
  if (!u.totpEnabledAt || !u.totpSecret) throw new AppError('auth.totp_not_enabled');
  await requirePassword(u, input.password);
  if (verifyTotp(decryptTotpSecret(key, u.id, u.totpSecret), input.code, now, u.totpLastStep) === null)
    throw new AppError('auth.totp_invalid');
  await tx.update(users).set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null }).where(eq(users.id, u.id));
  await audit(tx, actor, 'auth.totp_disable', { before: { totpEnabled: true }, after: { totpEnabled: false } }, now);
}

/**
 * The second-factor check of a sign-in (the password was right): null when the account has none
 * or the code is good (its step is then used up), else the refusal.
 */
export async function checkLoginTotp(
  tx: Tx,
  u: UserRow,
  code: string | undefined,
  now: Date,
  key: Buffer,
): Promise<null | 'auth.totp_required' | 'auth.totp_invalid'> {
  if (!u.totpEnabledAt || !u.totpSecret) return null;
  if (!code) return 'auth.totp_required';
  const step = verifyTotp(decryptTotpSecret(key, u.id, u.totpSecret), code, now, u.totpLastStep);
  if (step === null) return 'auth.totp_invalid';
  // Used up only if no concurrent sign-in took this step (or a later one) first.
  const taken = await tx
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, u.id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return taken.length === 1 ? null : 'auth.totp_invalid';
}
