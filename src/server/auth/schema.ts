// Accounts, DB-backed sessions and login attempts (for rate limiting).
import { bigint, boolean, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bodies, units } from '../registry/schema.ts';

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  username: text('username').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  /** admin | pimpinan | asisten | koordinator | operator */
  role: text('role').notNull(),
  /** Scope: pimpinan/asisten → province; koordinator → body; operator → unit. */
  provinceCode: text('province_code'),
  bodyId: uuid('body_id').references(() => bodies.id),
  unitId: uuid('unit_id').references(() => units.id),
  lang: text('lang').notNull().default('id'),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  /** Set by an admin's reset (a one-time password): every route but the password change answers 403 until then. */
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
  /** RFC 6238 secret (base32), set at enrolment; the second factor is on once `totpEnabledAt` is set. */
  totpSecret: text('totp_secret'),
  totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
  /** The last 30-second step a code was accepted for: a code is never accepted twice. */
  totpLastStep: bigint('totp_last_step', { mode: 'number' }),
});

export const sessions = pgTable(
  'sessions',
  {
    /** sha256(token) in hex: the token itself is only ever in the user's cookie. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Lower-cased username tried, and the client address. */
    username: text('username').notNull(),
    ip: text('ip').notNull(),
    ok: boolean('ok').notNull(),
    /** 'password' or 'totp' (a wrong second-factor code after the right password). */
    kind: text('kind').notNull().default('password'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_attempts_user_idx').on(t.username, t.at), index('login_attempts_ip_idx').on(t.ip, t.at)],
);
