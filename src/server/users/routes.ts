// User administration: an admin creates, lists, edits and deactivates accounts; a pimpinan reads
// the accounts of their own province. There is no self sign-up.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { defineRoute } from '../http/route.ts';
import { orNotFound } from '../errors.ts';
import { roles, scopesFor } from '../auth/policy.ts';
import { PASSWORD_MAX, PASSWORD_MIN } from '../auth/passwords.ts';
import { activeQuery, pageOf, pageQuery } from '../registry/routes.ts';
import { USERNAME_RE, createUser, getUserRecord, listUsers, updateUser, type UserRecord } from './queries.ts';

const tags = ['users'];

const UserRecordOut = z.object({
  id: z.uuid(),
  username: z.string(),
  name: z.string(),
  role: z.enum(roles),
  provinceCode: z.string().nullable(),
  bodyId: z.uuid().nullable(),
  unitId: z.uuid().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
});

const password = z.string().min(PASSWORD_MIN).max(PASSWORD_MAX);
const scopeFields = {
  provinceCode: z
    .string()
    .regex(/^\d{2}$/, { message: 'two digits, e.g. 36' })
    .nullable()
    .optional(),
  bodyId: z.uuid().nullable().optional(),
  unitId: z.uuid().nullable().optional(),
};

const UserIn = z
  .object({
    username: z.string().trim().toLowerCase().regex(USERNAME_RE, { message: '3–40: a-z 0-9 . _ -' }),
    name: z.string().trim().min(2).max(120),
    password,
    role: z.enum(roles),
    ...scopeFields,
  })
  .strict();

const UserPatchIn = z
  .object({ name: z.string().trim().min(2).max(120), password, role: z.enum(roles), active: z.boolean(), ...scopeFields })
  .partial()
  .strict();

const UserIdParams = z.object({ userId: z.uuid() });

const userTarget = (u: UserRecord) => ({ provinceCode: u.provinceCode, bodyId: u.bodyId, unitId: u.unitId });

export async function userRoutes(app: FastifyInstance): Promise<void> {
  defineRoute(
    app,
    {
      method: 'GET',
      url: '/users',
      summary: 'Accounts (admin: all; pimpinan: own province), filtered and paginated',
      tags,
      access: 'user.read',
      query: z.object({
        ...pageQuery,
        role: z.enum(roles).optional(),
        province: z
          .string()
          .regex(/^\d{2}$/)
          .optional(),
        bodyId: z.uuid().optional(),
        q: z.string().trim().min(1).max(100).optional(),
        active: activeQuery,
      }),
      response: { 200: pageOf(UserRecordOut) },
    },
    async ({ tx, auth, query }) => {
      const actor = auth.user();
      // Without national reach the list is the actor's own province.
      const province = scopesFor(actor, 'user.read').includes('all') ? query.province : (query.province ?? actor.provinceCode);
      auth.require('user.read', { provinceCode: province ?? null });
      return listUsers(tx, {
        page: query.page,
        pageSize: query.pageSize,
        role: query.role ? [query.role] : undefined,
        provinceCode: province ?? undefined,
        bodyId: query.bodyId,
        q: query.q,
        active: query.active,
      });
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/users/:userId',
      summary: 'One account',
      tags,
      access: 'user.read',
      params: UserIdParams,
      response: { 200: UserRecordOut },
    },
    async ({ tx, auth, params }) => {
      const user = orNotFound(await getUserRecord(tx, params.userId), 'user');
      auth.require('user.read', userTarget(user));
      return user;
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/users',
      summary: 'Create an account with its role and scope (pimpinan/asisten: provinceCode; koordinator: bodyId; operator: unitId)',
      tags,
      access: 'user.manage',
      body: UserIn,
      response: { 201: UserRecordOut },
    },
    async ({ tx, auth, body, reply }) => {
      auth.require('user.manage', { provinceCode: body.provinceCode ?? null });
      const user = await createUser(tx, auth.user(), body);
      reply.status(201);
      return user;
    },
  );

  defineRoute(
    app,
    {
      method: 'PATCH',
      url: '/users/:userId',
      summary: 'Edit an account: name, password, role and scope, active',
      tags,
      access: 'user.manage',
      params: UserIdParams,
      body: UserPatchIn,
      response: { 200: UserRecordOut },
    },
    async ({ tx, auth, params, body }) => {
      const before = orNotFound(await getUserRecord(tx, params.userId), 'user');
      auth.require('user.manage', userTarget(before));
      return updateUser(tx, auth.user(), before, body);
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/users/:userId/deactivate',
      summary: 'Deactivate an account and end its sessions',
      tags,
      access: 'user.manage',
      params: UserIdParams,
      response: { 200: UserRecordOut },
    },
    async ({ tx, auth, params }) => {
      const before = orNotFound(await getUserRecord(tx, params.userId), 'user');
      auth.require('user.manage', userTarget(before));
      return updateUser(tx, auth.user(), before, { active: false });
    },
  );
}
