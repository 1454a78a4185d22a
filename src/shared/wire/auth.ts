/**
 * Sign-in on the wire (`src/server/auth/routes.ts`): `POST /auth/login` and `GET /auth/me`
 * answer `{ user }`; `POST /auth/logout` answers 204. The session lives in an HttpOnly cookie;
 * the readable CSRF cookie is echoed in the `x-csrf-token` header on every write.
 */
import { z } from 'zod';
import { ROLES } from './enums.ts';
import { PASSWORD_MAX } from './limits.ts';

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
});
export type User = z.infer<typeof User>;

export const Session = z.object({ user: User });
export type Session = z.infer<typeof Session>;

export const LoginIn = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(PASSWORD_MAX),
});
export type LoginIn = z.infer<typeof LoginIn>;
