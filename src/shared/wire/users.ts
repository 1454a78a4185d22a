/**
 * Accounts on the wire (`src/server/users/routes.ts`): an admin creates, lists, edits and
 * deactivates accounts; a pimpinan reads those of their own province. No self sign-up. The
 * scope field must fit the role: pimpinan/asisten a province, koordinator a body, operator a unit.
 */
import { z } from 'zod';
import { Role, User } from './auth.ts';
import { pageQuery, provinceCode } from './common.ts';
import { activeQuery } from './registry.ts';
import { PASSWORD_MAX, PASSWORD_MIN, USERNAME_PATTERN } from './limits.ts';

/** An account as the account list shows it. */
export const UserRecord = User.extend({ active: z.boolean(), createdAt: z.string() });
export type UserRecord = z.infer<typeof UserRecord>;

export const userParams = z.object({ userId: z.uuid() });

export const UsersQuery = z.object({
  ...pageQuery,
  role: Role.optional(),
  province: provinceCode.optional(),
  bodyId: z.uuid().optional(),
  q: z.string().trim().min(1).max(100).optional(),
  active: activeQuery,
});

export const Password = z.string().min(PASSWORD_MIN).max(PASSWORD_MAX);
/** Lower-cased before the pattern is checked. */
export const Username = z.string().trim().toLowerCase().regex(USERNAME_PATTERN, { message: '3–40: a-z 0-9 . _ -' });
export const UserName = z.string().trim().min(2).max(120);

const scopeFields = {
  provinceCode: provinceCode.nullable().optional(),
  bodyId: z.uuid().nullable().optional(),
  unitId: z.uuid().nullable().optional(),
};

export const UserIn = z
  .object({
    username: Username,
    name: UserName,
    password: Password,
    role: Role,
    /** The admin chose the password: the account must set its own at first sign-in. */
    mustChangePassword: z.boolean().optional(),
    ...scopeFields,
  })
  .strict();
export type UserIn = z.infer<typeof UserIn>;

export const UserPatchIn = z
  .object({ name: UserName, password: Password, role: Role, active: z.boolean(), ...scopeFields })
  .partial()
  .strict();
export type UserPatchIn = z.infer<typeof UserPatchIn>;

/** `POST /users/:userId/reset-password`: a one-time password, shown once (the reply is `no-store`). */
export const PasswordReset = z.object({ user: UserRecord, password: z.string() });
export type PasswordReset = z.infer<typeof PasswordReset>;
