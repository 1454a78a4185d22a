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
  // issue 17
  RegencyMatch,
  RegencyMatchQuery,
  UnitLocationsImported,
  VerticalOfficeTypeList,
} from '../../shared/wire/registry.ts';
import { AppError } from '../errors.ts';
import { readUnitLocations, regencyOfAddress } from './locations.ts';
import { verticalOfficeTypes } from './vertical-offices.ts';
import { defineRoute } from '../http/route.ts';
import type { Target } from '../auth/policy.ts';
import { provinceOfRegency } from '../read-models/locus.ts';
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

/**
 * Issue 17: a unit as the policy sees it — its body, and where the unit is before and after the
 * write (a ministry's or agency's vertical office is in the province where it is located).
 */
const unitTarget = (u: Pick<Unit, 'id' | 'bodyId' | 'provinceCode' | 'regencyCode'>, next?: { regencyCode?: string | null }): Target => ({
  provinceCode: u.provinceCode,
  bodyId: u.bodyId,
  unitId: u.id,
  unitProvinceCodes: located(u.regencyCode, next?.regencyCode),
});

/** Where a unit is before and after a write; a unit not yet located may be located by the province it goes to. */
function located(before: string | null, after: string | null | undefined): string[] {
  const codes = after === undefined ? [before] : before === null ? [after] : [before, after];
  return codes.map((r) => provinceOfRegency(r) ?? '');
}

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
      auth.require('registry.write', { ...bodyTarget(body), unitProvinceCodes: [provinceOfRegency(input.regencyCode) ?? ''] });
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
      auth.require('registry.write', unitTarget(before, patch));
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
      auth.require('registry.write', unitTarget(before));
      return updateUnit(tx, auth.user(), before, { active: false });
    },
  );

  // ── issue 17: vertical office types, an address's kabupaten/kota, unit locations in bulk ──────

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/vertical-office-types',
      summary: "The typical vertical offices (as sectors) of the starter list's ministries and agencies: Polres, Kantor Pertanahan …",
      tags,
      access: 'registry.read',
      response: { 200: VerticalOfficeTypeList },
    },
    async () => ({ items: verticalOfficeTypes.map((v) => ({ bodyCode: v.body, sector: v.sector, name: v.name, label: v.label })) }),
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/regencies/match',
      summary: 'The kabupaten/kota a typed address names (null when none or several do)',
      tags,
      access: 'registry.read',
      query: RegencyMatchQuery,
      response: { 200: RegencyMatch },
    },
    async ({ tx, query }) => ({ regency: await regencyOfAddress(tx, query.address) }),
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/bodies/:bodyId/units/locations',
      summary:
        "Set the locations of a body's units from an .xlsx/CSV (multipart, one file: columns unit or id_unit, alamat, kode_kabupaten_kota, lintang, bujur). Every row is checked first (422 import.invalid lists every problem, nothing saved); each changed unit is audited.",
      tags,
      access: 'unit.locate',
      params: bodyParams,
      rawBody: true,
      noTransaction: true,
      response: { 200: UnitLocationsImported },
    },
    async ({ db, auth, params, req, lang }) => {
      const body = orNotFound(await getBody(db, params.bodyId), 'body');
      // The body's own scope first (a vertical office's province is checked per row below; a
      // ministry's own koordinator passes by its body).
      if (body.provinceCode !== null || auth.actor?.role === 'koordinator') auth.require('unit.locate', bodyTarget(body));
      if (!req.isMultipart()) throw new AppError('import.no_file');
      let file: Buffer | null = null;
      for await (const part of req.parts()) {
        if (part.type === 'field') continue;
        if (file) {
          part.file.resume();
          continue;
        }
        file = await part.toBuffer();
      }
      if (!file || file.length === 0) throw new AppError('import.no_file');
      const upload = file;
      return db.transaction(async (tx) => {
        const read = await readUnitLocations(tx, body.id, upload, lang);
        if (!read.ok) throw new AppError('import.invalid', { count: read.issues.length, issues: read.issues });
        let updated = 0;
        for (const r of read.rows) {
          const before = orNotFound(await getUnit(tx, r.unitId), 'unit');
          auth.require('unit.locate', unitTarget(before, r.location));
          const after = await updateUnit(tx, auth.user(), before, r.location);
          if (after !== before) updated++;
        }
        return { updated, unchanged: read.rows.length - updated };
      });
    },
  );
}
