// Registry API: provinces, bodies (governments, ministries, agencies), service units, Ombudsman
// offices. Anyone may read; `registry.write` (admin: all; pimpinan: own province) edits. Nothing
// is hard-deleted: "deactivate" clears `active` and PATCH `{ active: true }` restores.
import type { FastifyInstance } from 'fastify';
import { bodyParams, pageOf, unitParams } from '../../shared/wire/common.ts';
import {
  BodiesQuery,
  Body,
  BodyIn,
  BodyPatchIn,
  OfficeList,
  ProvinceList,
  Unit,
  UnitIn,
  UnitPatchIn,
  UnitsQuery,
} from '../../shared/wire/registry.ts';
import { defineRoute } from '../http/route.ts';
import { orNotFound } from '../errors.ts';
import {
  createBody,
  createUnit,
  getBody,
  getUnit,
  listBodies,
  listOffices,
  listProvinces,
  listUnits,
  updateBody,
  updateUnit,
} from './queries.ts';

const tags = ['registry'];

/** The organisation a body or unit belongs to, as the policy sees it. */
const bodyTarget = (b: Body) => ({ provinceCode: b.provinceCode, bodyId: b.id });

export async function registryRoutes(app: FastifyInstance): Promise<void> {
  defineRoute(
    app,
    {
      method: 'GET',
      url: '/provinces',
      summary: 'Provinces (Kemendagri codes) with their government body',
      tags,
      access: 'registry.read',
      response: { 200: ProvinceList },
    },
    async ({ tx, auth }) => {
      auth.require('registry.read');
      const items = await listProvinces(tx);
      return { items, total: items.length };
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/offices',
      summary: 'Ombudsman RI offices: pusat and one Perwakilan per province',
      tags,
      access: 'registry.read',
      response: { 200: OfficeList },
    },
    async ({ tx, auth }) => {
      auth.require('registry.read');
      const items = await listOffices(tx);
      return { items, total: items.length };
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/bodies',
      summary: 'Bodies (governments, ministries, agencies), filtered and paginated',
      tags,
      access: 'registry.read',
      query: BodiesQuery,
      response: { 200: pageOf(Body) },
    },
    async ({ tx, auth, query }) => {
      auth.require('registry.read', { provinceCode: query.province ?? null });
      return listBodies(tx, {
        page: query.page,
        pageSize: query.pageSize,
        type: query.type,
        provinceCode: query.province,
        q: query.q,
        active: query.active,
      });
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/bodies/:bodyId',
      summary: 'One body',
      tags,
      access: 'registry.read',
      params: bodyParams,
      response: { 200: Body },
    },
    async ({ tx, auth, params }) => {
      const body = orNotFound(await getBody(tx, params.bodyId), 'body');
      auth.require('registry.read', bodyTarget(body));
      return body;
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/bodies',
      summary: 'Add a body (pimpinan: in their own province only)',
      tags,
      access: 'registry.write',
      body: BodyIn,
      response: { 201: Body },
    },
    async ({ tx, auth, body, reply }) => {
      auth.require('registry.write', { provinceCode: body.provinceCode ?? null });
      const created = await createBody(tx, auth.user(), body);
      reply.status(201);
      return created;
    },
  );

  defineRoute(
    app,
    {
      method: 'PATCH',
      url: '/bodies/:bodyId',
      summary: 'Edit a body; `active: true` reactivates it',
      tags,
      access: 'registry.write',
      params: bodyParams,
      body: BodyPatchIn,
      response: { 200: Body },
    },
    async ({ tx, auth, params, body: patch }) => {
      const before = orNotFound(await getBody(tx, params.bodyId), 'body');
      auth.require('registry.write', bodyTarget(before));
      // Moving a body to another province needs the right over that province too.
      if (patch.provinceCode !== undefined) auth.require('registry.write', { provinceCode: patch.provinceCode });
      return updateBody(tx, auth.user(), before, patch);
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/bodies/:bodyId/deactivate',
      summary: 'Deactivate a body (kept for the results that refer to it)',
      tags,
      access: 'registry.write',
      params: bodyParams,
      response: { 200: Body },
    },
    async ({ tx, auth, params }) => {
      const before = orNotFound(await getBody(tx, params.bodyId), 'body');
      auth.require('registry.write', bodyTarget(before));
      return updateBody(tx, auth.user(), before, { active: false });
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/bodies/:bodyId/units',
      summary: "A body's service units, filtered by sector and paginated",
      tags,
      access: 'registry.read',
      params: bodyParams,
      query: UnitsQuery,
      response: { 200: pageOf(Unit) },
    },
    async ({ tx, auth, params, query }) => {
      const body = orNotFound(await getBody(tx, params.bodyId), 'body');
      auth.require('registry.read', bodyTarget(body));
      return listUnits(tx, body, { page: query.page, pageSize: query.pageSize, sector: query.sector, q: query.q, active: query.active });
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/bodies/:bodyId/units',
      summary: 'Add a service unit to a body',
      tags,
      access: 'registry.write',
      params: bodyParams,
      body: UnitIn,
      response: { 201: Unit },
    },
    async ({ tx, auth, params, body: input, reply }) => {
      const body = orNotFound(await getBody(tx, params.bodyId), 'body');
      auth.require('registry.write', bodyTarget(body));
      const unit = await createUnit(tx, auth.user(), body, input);
      reply.status(201);
      return unit;
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/units/:unitId',
      summary: 'One service unit',
      tags,
      access: 'registry.read',
      params: unitParams,
      response: { 200: Unit },
    },
    async ({ tx, auth, params }) => {
      const unit = orNotFound(await getUnit(tx, params.unitId), 'unit');
      auth.require('registry.read', { provinceCode: unit.provinceCode, bodyId: unit.bodyId, unitId: unit.id });
      return unit;
    },
  );

  defineRoute(
    app,
    {
      method: 'PATCH',
      url: '/units/:unitId',
      summary: 'Edit a service unit; `active: true` reactivates it',
      tags,
      access: 'registry.write',
      params: unitParams,
      body: UnitPatchIn,
      response: { 200: Unit },
    },
    async ({ tx, auth, params, body: patch }) => {
      const before = orNotFound(await getUnit(tx, params.unitId), 'unit');
      auth.require('registry.write', { provinceCode: before.provinceCode, bodyId: before.bodyId, unitId: before.id });
      return updateUnit(tx, auth.user(), before, patch);
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/units/:unitId/deactivate',
      summary: 'Deactivate a service unit (kept for the results that refer to it)',
      tags,
      access: 'registry.write',
      params: unitParams,
      response: { 200: Unit },
    },
    async ({ tx, auth, params }) => {
      const before = orNotFound(await getUnit(tx, params.unitId), 'unit');
      auth.require('registry.write', { provinceCode: before.provinceCode, bodyId: before.bodyId, unitId: before.id });
      return updateUnit(tx, auth.user(), before, { active: false });
    },
  );
}
