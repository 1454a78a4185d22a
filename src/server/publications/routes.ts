// Publication routes (the agreed contract): publish a scope of a cycle, list a cycle's
// publications, the permanent URL of one version (meta, snapshot, bands), errata, and the
// snapshot as open data (CSV per table, or one JSON document).
import type { FastifyInstance } from 'fastify';
import { FileReply, cycleParams } from '../../shared/wire/common.ts';
import {
  ErratumIn,
  OpenDataQuery,
  type OpenDataTable,
  PublicationList,
  PublicationMeta,
  PublicationView,
  PublishIn,
  publicationParams,
  PublishReadiness,
  ReadinessQuery,
} from '../../shared/wire/publications.ts';
import { publishReadiness } from './readiness.ts';
import { notFound } from '../errors.ts';
import { defineRoute } from '../http/route.ts';
import { cycleScheme, getCycleOr404 } from '../cycles/queries.ts';
import { bandRef } from '../scores/breakdown.ts';
import { OPEN_DATA_CONTENT_TYPES, openDataCsv, openDataFileName, openDataJson } from '../exports/open-data.ts';
import {
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
      body: PublishIn,
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

  // issue 16: every blocker of a scope, named, before "Terbitkan" is pressed.
  defineRoute(
    app,
    {
      method: 'GET',
      url: '/cycles/:cycleId/publication-readiness',
      summary: 'What stands between a scope and its publication: bodies not final, open clarification windows, undecided disputes (named)',
      tags,
      access: 'publication.manage',
      params: cycleParams,
      query: ReadinessQuery,
      response: { 200: PublishReadiness },
    },
    async ({ tx, auth, params, query, lang }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      auth.require('publication.manage', scopeTarget(query.scope));
      return publishReadiness(tx, cycle, query.scope, lang, new Date());
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
      response: { 200: PublicationList },
    },
    async ({ tx, auth, params, lang }) => {
      const cycle = await getCycleOr404(tx, params.cycleId);
      const all = await listCyclePublications(tx, cycle.id, lang);
      const items: PublicationMeta[] = [];
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
      response: { 200: PublicationView },
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
      body: ErratumIn,
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
        ...(format === 'csv' ? { query: OpenDataQuery } : {}),
        response: { 200: FileReply },
      },
      async ({ tx, auth, params, query, reply }) => {
        const meta = await getPublicationMeta(tx, params.publicationId, 'id');
        const view = meta && (await viewOf(tx, auth, meta));
        if (!meta || !view) throw notFound('publication');
        const snapshot = filterSnapshot(await getSnapshot(tx, meta.id), view);
        const scheme = await cycleScheme(tx, await getCycleOr404(tx, meta.cycleId));
        const data = toOpenData(meta, snapshot, scheme);
        const table = (query as { table?: OpenDataTable } | undefined)?.table ?? 'governments';
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
