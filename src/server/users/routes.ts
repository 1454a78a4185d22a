// User administration: an admin creates, lists, edits and deactivates accounts; a pimpinan reads
// the accounts of their own province. There is no self sign-up.
import type { FastifyInstance } from 'fastify';
import { pageOf } from '../../shared/wire/common.ts';
import { PasswordReset, UserIn, UserPatchIn, UserRecord, UsersQuery, userParams } from '../../shared/wire/users.ts';
import { defineRoute } from '../http/route.ts';
import { orNotFound } from '../errors.ts';
import { scopesFor } from '../auth/policy.ts';
import { createUser, getUserRecord, listUsers, resetPassword, resetTotp, updateUser } from './queries.ts';

const tags = ['users'];
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
      query: UsersQuery,
      response: { 200: pageOf(UserRecord) },
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
      params: userParams,
      response: { 200: UserRecord },
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
      response: { 201: UserRecord },
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
      params: userParams,
      body: UserPatchIn,
      response: { 200: UserRecord },
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
      params: userParams,
      response: { 200: UserRecord },
    },
    async ({ tx, auth, params }) => {
      const before = orNotFound(await getUserRecord(tx, params.userId), 'user');
      auth.require('user.manage', userTarget(before));
      return updateUser(tx, auth.user(), before, { active: false });
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/users/:userId/reset-password',
      summary:
        'Reset an account’s password: a generated one-time password, shown once in the reply; the account must set its own at its next sign-in (until then every route but POST /auth/password, GET /auth/me and logout answers 403 auth.password_change_required). Ends its sessions',
      tags,
      access: 'user.manage',
      params: userParams,
      response: { 200: PasswordReset },
    },
    async ({ tx, auth, params, reply }) => {
      const before = orNotFound(await getUserRecord(tx, params.userId), 'user');
      auth.require('user.manage', userTarget(before));
      reply.header('cache-control', 'no-store');
      return resetPassword(tx, auth.user(), before);
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/users/:userId/reset-totp',
      summary: 'Turn an account’s two-step verification off (a lost phone); the account may enrol again',
      tags,
      access: 'user.manage',
      params: userParams,
      response: { 200: UserRecord },
    },
    async ({ tx, auth, params }) => {
      const before = orNotFound(await getUserRecord(tx, params.userId), 'user');
      auth.require('user.manage', userTarget(before));
      return resetTotp(tx, auth.user(), before);
    },
  );
}
