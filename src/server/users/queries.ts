// Accounts: create, list, edit, deactivate. Scope must fit the role — pimpinan/asisten work for a
// province, a koordinator for one body (pemda, ministry or agency), an operator for one unit.
// For koordinator and operator the province (and the operator's body) are filled in from the
// registry, so a pimpinan can list everyone working in their province. Passwords are argon2id.
import { and, asc, count, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { Queryable, Tx } from '../db/client.ts';
import { type AuditActor, appendAudit, changedFields } from '../audit/queries.ts';
import { users, sessions } from '../auth/schema.ts';
import type { Role } from '../auth/policy.ts';
import { hashPassword } from '../auth/passwords.ts';
import { assertPasswordAcceptable, generatePassword } from '../auth/password-policy.ts';
import { AppError } from '../errors.ts';
import { type Paging, getBody, getUnit, likeTerm, provinceExists } from '../registry/queries.ts';
import { evaluatorBodyFits } from '../pekppp/organisations.ts';
import type { User } from '../../shared/wire/auth.ts';
import type { Page } from '../../shared/wire/common.ts';
import type { ActiveFilter } from '../../shared/wire/registry.ts';
import type { UserIn, UserPatchIn, UserRecord } from '../../shared/wire/users.ts';
import { USERNAME_PATTERN } from '../../shared/wire/limits.ts';

type UserRow = typeof users.$inferSelect;

export const toUser = (u: UserRow): User => ({
  id: u.id,
  username: u.username,
  name: u.name,
  role: u.role as Role,
  provinceCode: u.provinceCode,
  bodyId: u.bodyId,
  unitId: u.unitId,
  mustChangePassword: u.mustChangePassword,
  totpEnabled: u.totpEnabledAt !== null,
});

export const toUserRecord = (u: UserRow): UserRecord => ({ ...toUser(u), active: u.active, createdAt: u.createdAt.toISOString() });

export const normaliseUsername = (u: string): string => u.trim().toLowerCase();

export interface ScopeInput {
  provinceCode?: string | null;
  /** A body id (uuid). */
  bodyId?: string | null;
  unitId?: string | null;
}

export interface Scope {
  provinceCode: string | null;
  bodyId: string | null;
  unitId: string | null;
}

/** The field each role must be given; the others are filled in or must stay empty. */
const scopeField: Record<Role, keyof ScopeInput | null> = {
  admin: null,
  pimpinan: 'provinceCode',
  asisten: 'provinceCode',
  koordinator: 'bodyId',
  operator: 'unitId',
  evaluator: 'bodyId', // issue 10
  penilai: 'bodyId', // issue 12 §4: the government whose internal pre-assessments it fills
};

/** Validates the scope against the role and the registry; returns the stored scope. */
export async function resolveScope(tx: Queryable, role: Role, input: ScopeInput): Promise<Scope> {
  const needed = scopeField[role];
  for (const field of ['provinceCode', 'bodyId', 'unitId'] as const) {
    const given = input[field] !== undefined && input[field] !== null && input[field] !== '';
    if (field === needed && !given) throw new AppError('user.scope_required', { role, field });
    if (field !== needed && given) throw new AppError('user.scope_not_allowed', { role, field });
  }
  switch (role) {
    case 'admin':
      return { provinceCode: null, bodyId: null, unitId: null };
    case 'pimpinan':
    case 'asisten': {
      const code = input.provinceCode!;
      if (!(await provinceExists(tx, code))) throw new AppError('registry.unknown_reference', { field: 'provinceCode', value: code });
      return { provinceCode: code, bodyId: null, unitId: null };
    }
    case 'koordinator':
    case 'penilai': {
      const body = await getBody(tx, input.bodyId!);
      if (!body) throw new AppError('registry.unknown_reference', { field: 'bodyId', value: input.bodyId });
      if (!body.active) throw new AppError('registry.inactive', { field: 'bodyId', value: body.code });
      return { provinceCode: body.provinceCode, bodyId: body.id, unitId: null };
    }
    // issue 10: a PEKPPP evaluator works for KemenPANRB or a government (its Biro/Bagian Organisasi).
    case 'evaluator': {
      const body = await getBody(tx, input.bodyId!);
      if (!body) throw new AppError('registry.unknown_reference', { field: 'bodyId', value: input.bodyId });
      if (!body.active) throw new AppError('registry.inactive', { field: 'bodyId', value: body.code });
      if (!evaluatorBodyFits(body)) throw new AppError('user.evaluator_body', { body: body.name });
      return { provinceCode: body.provinceCode, bodyId: body.id, unitId: null };
    }
    case 'operator': {
      const unit = await getUnit(tx, input.unitId!);
      if (!unit) throw new AppError('registry.unknown_reference', { field: 'unitId', value: input.unitId });
      if (!unit.active) throw new AppError('registry.inactive', { field: 'unitId', value: unit.id });
      return { provinceCode: unit.provinceCode, bodyId: unit.bodyId, unitId: unit.id };
    }
  }
}

async function usernameTaken(tx: Queryable, username: string): Promise<boolean> {
  const [row] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username)).limit(1);
  return !!row;
}

/**
 * Creates an account (admin API, `pantau user add`, the demo seed). `actor` null = system.
 * Throws AppError on a taken username or a scope that does not fit the role.
 */
export async function createUser(tx: Tx, actor: AuditActor, input: UserIn): Promise<UserRecord> {
  return insertUser(tx, actor, input, true);
}

/**
 * Creates an account with a generated password (`generatePassword`, as an admin's reset gives),
 * returned once: the demo seed's accounts. A uniformly random password needs no dictionary
 * estimate (password-policy.ts) — on a first start that estimate loaded the dictionaries and took
 * ≈ 1 s of the demo seed. Otherwise exactly `createUser`.
 */
export async function createUserWithGeneratedPassword(
  tx: Tx,
  actor: AuditActor,
  input: Omit<UserIn, 'password'>,
): Promise<{ user: UserRecord; password: string }> {
  const password = await generatePassword({ username: normaliseUsername(input.username), name: input.name });
  return { user: await insertUser(tx, actor, { ...input, password }, false), password };
}

async function insertUser(tx: Tx, actor: AuditActor, input: UserIn, estimate: boolean): Promise<UserRecord> {
  const username = normaliseUsername(input.username);
  if (!USERNAME_PATTERN.test(username)) throw new AppError('request.invalid', { summary: 'username' });
  if (await usernameTaken(tx, username)) throw new AppError('user.username_taken', { username });
  const scope = await resolveScope(tx, input.role, input);
  if (estimate) await assertPasswordAcceptable(input.password, { username, name: input.name });
  const passwordHash = await hashPassword(input.password);
  const [row] = await tx
    .insert(users)
    .values({
      username,
      name: input.name.trim(),
      passwordHash,
      role: input.role,
      mustChangePassword: input.mustChangePassword ?? false,
      ...scope,
    })
    .returning();
  const user = toUserRecord(row!);
  await appendAudit(tx, {
    actor,
    action: 'user.create',
    subjectType: 'user',
    subjectId: user.id,
    provinceCode: user.provinceCode,
    // Never the password or its hash.
    diff: { username, name: user.name, role: user.role, ...scope, ...(user.mustChangePassword ? { mustChangePassword: true } : {}) },
  });
  return user;
}

export async function getUserRecord(tx: Queryable, id: string): Promise<UserRecord | undefined> {
  const [row] = await tx.select().from(users).where(eq(users.id, id)).limit(1);
  return row ? toUserRecord(row) : undefined;
}

export interface UserFilter extends Paging {
  role?: Role[];
  provinceCode?: string;
  bodyId?: string;
  q?: string;
  active: ActiveFilter;
}

export async function listUsers(tx: Queryable, f: UserFilter): Promise<Page<UserRecord>> {
  const where: SQL | undefined = and(
    f.role && f.role.length > 0 ? inArray(users.role, f.role) : undefined,
    f.provinceCode ? eq(users.provinceCode, f.provinceCode) : undefined,
    f.bodyId ? eq(users.bodyId, f.bodyId) : undefined,
    f.q ? or(ilike(users.username, likeTerm(f.q)), ilike(users.name, likeTerm(f.q))) : undefined,
    f.active === 'all' ? undefined : eq(users.active, f.active === 'true'),
  );
  const [{ total } = { total: 0 }] = await tx.select({ total: count() }).from(users).where(where);
  const rows = await tx
    .select()
    .from(users)
    .where(where)
    .orderBy(asc(users.username))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { items: rows.map(toUserRecord), total, page: f.page, pageSize: f.pageSize };
}

/**
 * Edits an account. A change of role re-validates the whole scope (the caller sends the new
 * role's field); a scope change alone keeps the role. A new password, a deactivation, or a change
 * of role or scope ends the account's sessions, so the change takes effect at once.
 */
export async function updateUser(tx: Tx, actor: AuditActor, before: UserRecord, patch: UserPatchIn): Promise<UserRecord> {
  if (actor?.id === before.id && (patch.active === false || (patch.role !== undefined && patch.role !== before.role))) {
    throw new AppError('user.self');
  }
  const set: Partial<UserRow> = {};
  const scopeTouched =
    patch.role !== undefined || patch.provinceCode !== undefined || patch.bodyId !== undefined || patch.unitId !== undefined;
  if (scopeTouched) {
    const role = patch.role ?? before.role;
    const field = scopeField[role];
    // When the role changes, the old role's scope does not carry over; otherwise the scope field
    // not sent keeps its value.
    const roleChanges = role !== before.role;
    const base: ScopeInput = !roleChanges && field ? { [field]: before[field] } : {};
    const scope = await resolveScope(tx, role, { ...base, ...pick(patch, ['provinceCode', 'bodyId', 'unitId']) });
    Object.assign(set, { role, ...scope });
  }
  if (patch.name !== undefined) set.name = patch.name.trim();
  if (patch.active !== undefined) set.active = patch.active;
  const diff = changedFields(before as unknown as Record<string, unknown>, set as Record<string, unknown>);
  if (patch.password !== undefined) {
    await assertPasswordAcceptable(patch.password, { username: before.username, name: patch.name ?? before.name });
    set.passwordHash = await hashPassword(patch.password);
    set.passwordChangedAt = new Date();
    // A password an admin chose for someone else is a one-time password, like a reset.
    set.mustChangePassword = actor?.id !== before.id;
    (diff.after as Record<string, unknown>).password = 'changed';
    if (set.mustChangePassword) (diff.after as Record<string, unknown>).mustChangePassword = true;
  }
  if (Object.keys(diff.after).length === 0) return before;
  const [row] = await tx.update(users).set(set).where(eq(users.id, before.id)).returning();
  const user = toUserRecord(row!);
  const endsSessions =
    patch.password !== undefined ||
    'active' in diff.after ||
    'role' in diff.after ||
    'provinceCode' in diff.after ||
    'bodyId' in diff.after ||
    'unitId' in diff.after;
  if (endsSessions && actor?.id !== before.id) await tx.delete(sessions).where(eq(sessions.userId, before.id));
  const action = patch.active === false && Object.keys(diff.after).length === 1 ? 'user.deactivate' : 'user.update';
  await appendAudit(tx, {
    actor,
    action,
    subjectType: 'user',
    subjectId: user.id,
    provinceCode: user.provinceCode ?? before.provinceCode,
    diff,
  });
  return user;
}

function pick<T extends object, K extends keyof T>(o: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
}

/**
 * An admin's password reset: a generated one-time password, which the account must replace at its
 * next sign-in (every other route answers 403 `auth.password_change_required` until then). Ends
 * the account's sessions. The password is returned once and never stored or audited.
 */
export async function resetPassword(
  tx: Tx,
  actor: AuditActor,
  before: UserRecord,
  now = new Date(),
): Promise<{ user: UserRecord; password: string }> {
  if (actor?.id === before.id) throw new AppError('user.self');
  const password = await generatePassword({ username: before.username, name: before.name });
  const [row] = await tx
    .update(users)
    .set({ passwordHash: await hashPassword(password), mustChangePassword: true, passwordChangedAt: now })
    .where(eq(users.id, before.id))
    .returning();
  await tx.delete(sessions).where(eq(sessions.userId, before.id));
  const user = toUserRecord(row!);
  await appendAudit(tx, {
    actor,
    action: 'user.password_reset',
    subjectType: 'user',
    subjectId: user.id,
    provinceCode: user.provinceCode,
    diff: { after: { password: 'reset', mustChangePassword: true } },
    at: now,
  });
  return { user, password };
}

/** An admin turns an account's second factor off (a lost phone); the account may enrol again. */
export async function resetTotp(tx: Tx, actor: AuditActor, before: UserRecord, now = new Date()): Promise<UserRecord> {
  if (!before.totpEnabled) throw new AppError('auth.totp_not_enabled');
  const [row] = await tx
    .update(users)
    .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null })
    .where(eq(users.id, before.id))
    .returning();
  const user = toUserRecord(row!);
  await appendAudit(tx, {
    actor,
    action: 'user.totp_reset',
    subjectType: 'user',
    subjectId: user.id,
    provinceCode: user.provinceCode,
    diff: { before: { totpEnabled: true }, after: { totpEnabled: false } },
    at: now,
  });
  return user;
}
