// Publication routes (the agreed contract): publish a scope of a cycle, list a cycle's
// publications, the permanent URL of one version (meta, snapshot, bands), errata, and the
// snapshot as open data (CSV per table, or one JSON document).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { notFound } from '../errors.ts';
import { defineRoute } from '../http/route.ts';
import { cycleScheme, getCycleOr404 } from '../cycles/queries.ts';
import { Text, cycleParams } from '../cycles/wire.ts';
import { bandRef } from '../scores/breakdown.ts';
import { BandRef } from '../scores/wire.ts';
import { OPEN_DATA_CONTENT_TYPES, openDataCsv, openDataFileName, openDataJson } from '../exports/open-data.ts';
import {
  type PublicationMeta as PublicationMetaT,
  filterSnapshot,
  getPublicationMeta,
  getPublicationRow,
  getSnapshot,
  listCyclePublications,
  publish,
  publishErratum,
  scopeTarget,
  viewOf,
} from './queries.ts';
import { toOpenData } from './open-data.ts';

const tags = ['publications'];

/** 'national' or a two-digit province code. */
const Scope = z.string().regex(/^(national|\d{2})$/, 'national or a province code (two digits)');

export const PublicationMeta = z.object({
  id: z.uuid(),
  cycleId: z.uuid(),
  cycle: z.object({ id: z.uuid(), name: z.string(), year: z.number().int(), schemeId: z.string() }),
  scope: z.string(),
  scopeName: z.string(),
  version: z.number().int(),
  status: z.enum(['current', 'superseded']),
  publicAt: z.string(),
  publishedAt: z.string(),
  publishedBy: z.string().nullable(),
  reason: z.string().nullable(),
  supersedesId: z.uuid().nullable(),
  supersededById: z.uuid().nullable(),
  contentHash: z.string(),
  schemeHash: z.string(),
  released: z.boolean(),
  bodies: z.number().int(),
});

const SnapshotRank = z.object({
  group: z.string(),
  rank: z.number().int(),
  of: z.number().int(),
  previousRank: z.number().int().nullable(),
  movement: z.number().int().nullable(),
});
const ChangeState = z.object({ value: z.number().nullable(), unitScore: z.number().nullable() });

/** PublicationSnapshot (snapshot.ts) on the wire. */
export const PublicationSnapshot = z.object({
  format: z.literal(1),
  cycle: z.object({
    id: z.uuid(),
    name: z.string(),
    year: z.number().int(),
    schemeId: z.string(),
    family: z.string(),
    schemeHash: z.string(),
  }),
  scope: z.string(),
  version: z.number().int(),
  publishedAt: z.string(),
  publicAt: z.string(),
  assumptions: z.array(z.object({ path: z.string(), note: Text })),
  bodies: z.array(
    z.object({
      id: z.uuid(),
      code: z.string(),
      name: z.string(),
      type: z.string(),
      provinceCode: z.string().nullable(),
      raw: z.number(),
      score: z.number(),
      bandCode: z.string(),
      complete: z.boolean(),
      units: z.number().int(),
      qualifiers: z.array(z.object({ code: z.string(), applies: z.boolean() })),
      source: z.string(),
      ranks: z.object({ nationalType: SnapshotRank.nullable(), province: SnapshotRank.nullable() }),
      previous: z.object({ cycleId: z.uuid(), year: z.number().int(), score: z.number(), bandCode: z.string() }).nullable(),
      changes: z.array(
        z.object({
          unitId: z.uuid(),
          indicator: z.string(),
          source: z.string(),
          reason: z.string(),
          before: ChangeState,
          after: ChangeState,
          changedAt: z.string(),
          changedBy: z.string().nullable(),
        }),
      ),
    }),
  ),
  units: z.array(
    z.object({
      id: z.uuid(),
      bodyId: z.uuid(),
      name: z.string(),
      sector: z.string(),
      raw: z.number(),
      score: z.number(),
      bandCode: z.string(),
      complete: z.boolean(),
      /** The stored engine breakdown (scores/breakdown.ts StoredUnitScore). */
      breakdown: z.record(z.string(), z.unknown()),
    }),
  ),
});

const publicationParams = z.object({ publicationId: z.uuid() });

export async function publicationRoutes(app: FastifyInstance): Promise<void> {
  defineRoute(
    app,
    {
      method: 'POST',
      url: '/cycles/:cycleId/publications',
      summary:
        "Publish a scope of the cycle ('national': admin; a province code: its pimpinan) as an immutable snapshot with an embargo date (publicAt, default now). 409 while a body of the scope is not final, a clarification window or a dispute is open, or the scope is already published (use an erratum). A national publication moves a cycle in review to final.",
      tags,
      access: 'publication.manage',
      params: cycleParams,
      body: z.object({ scope: Scope, publicAt: z.iso.datetime({ offset: true }).optional() }),
      response: { 201: PublicationMeta },
    },
    async ({ tx, auth, params, body, lang, reply }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      auth.require('publication.manage', scopeTarget(body.scope));
      const now = new Date();
      const row = await publish(
        tx,
        auth.user(),
        cycle,
        { scope: body.scope, ...(body.publicAt ? { publicAt: new Date(body.publicAt) } : {}) },
        now,
      );
      reply.status(201);
      return (await getPublicationMeta(tx, row.id, lang, now))!;
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/cycles/:cycleId/publications',
      summary: "A cycle's publications, newest first (every version; the public sees released ones only)",
      tags,
      access: 'cycle.read',
      published: { byLang: true },
      params: cycleParams,
      response: { 200: z.object({ items: z.array(PublicationMeta) }) },
    },
    async ({ tx, auth, params, lang }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      const all = await listCyclePublications(tx, cycle.id, lang);
      const items: PublicationMetaT[] = [];
      for (const m of all) if ((await viewOf(tx, auth, m)) !== null) items.push(m);
      return { items };
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/publications/:publicationId',
      summary:
        "A publication's permanent URL: metadata, the immutable snapshot and the frozen scheme's bands. Public once released; before that, managers of its scope, and the koordinator (or operator) of a body it covers, who see their own body only.",
      tags,
      access: 'result.read',
      published: { byLang: true },
      params: publicationParams,
      response: { 200: z.object({ meta: PublicationMeta, snapshot: PublicationSnapshot, bands: z.array(BandRef) }) },
    },
    async ({ tx, auth, params, lang }) => {
      const meta = await getPublicationMeta(tx, params.publicationId, lang);
      const view = meta && (await viewOf(tx, auth, meta));
      if (!meta || !view) throw notFound('publication');
      const snapshot = filterSnapshot(await getSnapshot(tx, meta.id), view);
      const scheme = await cycleScheme(tx, await getCycleOr404(tx, meta.cycleId));
      return { meta, snapshot, bands: scheme.bands.map((b) => bandRef(scheme, b.code)) };
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/publications/:publicationId/errata',
      summary:
        'Correct the current version: the corrections change answers through the change log (source correction), a new version is published with the reason, and the old one stays readable, marked superseded.',
      tags,
      access: 'publication.manage',
      params: publicationParams,
      body: z.object({
        reason: z.string().trim().min(10).max(2000),
        publicAt: z.iso.datetime({ offset: true }).optional(),
        corrections: z
          .array(
            z.object({
              unitId: z.uuid(),
              indicator: z.string().min(1).max(100),
              value: z.number(),
              recordIds: z.array(z.uuid()).max(1000).optional(),
            }),
          )
          .max(500)
          .optional(),
      }),
      response: { 201: PublicationMeta },
    },
    async ({ tx, auth, params, body, lang, reply }) => {
      const pub = await getPublicationRow(tx, params.publicationId);
      if (!pub) throw notFound('publication');
      auth.require('publication.manage', scopeTarget(pub.scope));
      const now = new Date();
      const row = await publishErratum(
        tx,
        auth.user(),
        pub,
        {
          reason: body.reason,
          ...(body.publicAt ? { publicAt: new Date(body.publicAt) } : {}),
          ...(body.corrections ? { corrections: body.corrections } : {}),
        },
        now,
      );
      reply.status(201);
      return (await getPublicationMeta(tx, row.id, lang, now))!;
    },
  );

  const openDataQuery = z.object({ table: z.enum(['governments', 'units', 'unit_dimensions']).default('governments') });

  for (const format of ['csv', 'json'] as const) {
    defineRoute(
      app,
      {
        method: 'GET',
        url: `/publications/:publicationId/open-data.${format}`,
        summary:
          format === 'csv'
            ? 'The snapshot as open data: one CSV table (?table=governments|units|unit_dimensions), stable columns documented in docs/open-data.md'
            : 'The snapshot as open data: one JSON document (metadata, assumptions, the three tables), documented in docs/open-data.md',
        tags,
        access: 'result.read',
        published: {},
        params: publicationParams,
        ...(format === 'csv' ? { query: openDataQuery } : {}),
        response: { 200: z.any() },
      },
      async ({ tx, auth, params, query, reply }) => {
        const meta = await getPublicationMeta(tx, params.publicationId, 'id');
        const view = meta && (await viewOf(tx, auth, meta));
        if (!meta || !view) throw notFound('publication');
        const snapshot = filterSnapshot(await getSnapshot(tx, meta.id), view);
        const scheme = await cycleScheme(tx, await getCycleOr404(tx, meta.cycleId));
        const data = toOpenData(meta, snapshot, scheme);
        const table = (query as { table?: 'governments' | 'units' | 'unit_dimensions' } | undefined)?.table ?? 'governments';
        const text = format === 'csv' ? openDataCsv(data, table) : openDataJson(data);
        reply
          .header('content-type', OPEN_DATA_CONTENT_TYPES[format])
          .header('content-disposition', `attachment; filename="${openDataFileName(data, format, table)}"`)
          .header('cache-control', view === 'full' && meta.released ? 'public, max-age=300' : 'private, no-store');
        return reply.send(text);
      },
    );
  }
}
