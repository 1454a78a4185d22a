/**
 * Sign-in on the wire (`src/server/auth/routes.ts`): `POST /auth/login` and `GET /auth/me`
 * answer `{ user }`; `POST /auth/logout` answers 204. The session lives in an HttpOnly cookie;
 * the readable CSRF cookie is echoed in the `x-csrf-token` header on every write.
 */
import { z } from 'zod';
import { ROLES } from './enums.ts';
import { PASSWORD_MAX, PASSWORD_MIN } from './limits.ts';

export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** The signed-in user: the web app is built against exactly this. */
export const User = z.object({
  id: z.uuid(),
  username: z.string(),
  name: z.string(),
  role: Role,
  provinceCode: z.string().nullable(),
  bodyId: z.uuid().nullable(),
  unitId: z.uuid().nullable(),
  /** After an admin's reset: a new password must be set before anything else (`POST /auth/password`; every other route answers 403). */
  mustChangePassword: z.boolean(),
  /** The second factor (TOTP) is on for this account. */
  totpEnabled: z.boolean(),
  // issue 16: the scope's names (GET /auth/me, /auth/session, login), so no screen shows an id or a bare province code
  provinceName: z.string().nullable().optional(),
  bodyName: z.string().nullable().optional(),
  unitName: z.string().nullable().optional(),
  /** issue 13 §6: an asisten named a team lead in a cycle not yet final (its menu offers the lead's queue). */
  leadsTeam: z.boolean().optional(),
});
export type User = z.infer<typeof User>;

export const Session = z.object({ user: User });
export type Session = z.infer<typeof Session>;

/** issue 16: `GET /auth/session` — the signed-in user or null (anonymous is not an error: 200). */
export const MaybeSession = z.object({ user: User.nullable() });
export type MaybeSession = z.infer<typeof MaybeSession>;

/** A 6-digit authenticator (TOTP) code. */
export const TotpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/);

export const LoginIn = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(PASSWORD_MAX),
  /** The authenticator code, for an account with the second factor on (401 `auth.totp_required` asks for it). */
  totp: TotpCode.optional(),
});
export type LoginIn = z.infer<typeof LoginIn>;

/** `POST /auth/password`: change the own password (also ends a forced change after an admin reset). */
export const PasswordChangeIn = z.object({
  currentPassword: z.string().min(1).max(PASSWORD_MAX),
  newPassword: z.string().min(PASSWORD_MIN).max(PASSWORD_MAX),
});
export type PasswordChangeIn = z.infer<typeof PasswordChangeIn>;

/** `POST /auth/totp/enrol`: the current password in; the secret, its otpauth:// URI and a QR code (SVG data URL) out. */
export const TotpEnrolIn = z.object({ password: z.string().min(1).max(PASSWORD_MAX) });
export type TotpEnrolIn = z.infer<typeof TotpEnrolIn>;
export const TotpEnrolment = z.object({ secret: z.string(), uri: z.string(), qr: z.string() });
export type TotpEnrolment = z.infer<typeof TotpEnrolment>;
/** `POST /auth/totp/confirm`: a first code turns the second factor on. */
export const TotpConfirmIn = z.object({ code: TotpCode });
export type TotpConfirmIn = z.infer<typeof TotpConfirmIn>;
/** `POST /auth/totp/disable`: the current password and a current code. */
export const TotpDisableIn = z.object({ password: z.string().min(1).max(PASSWORD_MAX), code: TotpCode });
export type TotpDisableIn = z.infer<typeof TotpDisableIn>;
