// Awards of a publication, certificate (piagam) PDFs and public certificate verification
// (issue 5 §4). Lists and codes come from the stored snapshot alone (awards.ts, codes.ts).
import type { FastifyInstance } from 'fastify';
import { Awards, Verification, piagamParams, verifyParams } from '../../shared/wire/awards.ts';
import { FileReply } from '../../shared/wire/common.ts';
import { publicationParams } from '../../shared/wire/publications.ts';
import { PdfQuery } from '../../shared/wire/reports.ts';
import type { Lang, Scheme } from '../../core/types.ts';
import { zoneOf } from '../../shared/local-time.ts';
import { getScheme } from '../../../methodologies/index.ts';
import { notFound } from '../errors.ts';
import { word } from '../i18n.ts';
import { defineRoute } from '../http/route.ts';
import { getPublicationMeta, getPublicationRow, viewOf } from '../publications/queries.ts';
import { bandRef } from '../scores/breakdown.ts';
import { renderPiagam } from '../reports/piagam.ts';
import { publicOrigin, sendPdf } from '../reports/routes.ts';
import { slug } from '../reports/pack.ts';
import type { Award } from '../reports/types.ts';
import { awardRules } from './awards.ts';
import { type CodedAward, provinceNames, publicationAwards, verifiedPublication, verifyCode } from './queries.ts';
import { sameCode } from './codes.ts';
import { unitVerification } from '../recognition/piece.ts';
import { getHandover, piagamIssued } from '../recognition/queries.ts';

const tags = ['awards'];

/**
 * The award rules shown beside the lists: the numbers and the ASSUMPTION note come from the
 * methodology file (frozen scheme, else the library file of the same id); 0 = no such award.
 */
function rulesView(scheme: Scheme, lang: Lang): Awards['rules'] {
  const rules = awardRules(scheme);
  const note = [...scheme.assumptions, ...(getScheme(scheme.id)?.assumptions ?? [])].find((a) => a.path.startsWith('awards'))?.note;
  return {
    topProvinceRank: rules?.topPerProvince ?? 0,
    mostImprovedTopN: rules?.mostImproved ?? 0,
    assumption: note ? word('assumption.note', lang, { note: note[lang] }) : '',
  };
}

/** Who signs the certificates (printed under the signature line). */
const SIGNATORY = {
  id: { name: 'Ketua Ombudsman Republik Indonesia', title: 'Ombudsman Republik Indonesia' },
  en: { name: 'Chair of the Ombudsman of the Republic of Indonesia', title: 'Ombudsman of the Republic of Indonesia' },
};

function pieceAward(a: CodedAward, provinces: Map<string, string>): Award {
  const provinceName = a.provinceCode === null ? undefined : (provinces.get(a.provinceCode) ?? a.provinceCode);
  if (a.kind === 'kualitas-tertinggi') return { kind: 'kualitas-tertinggi' };
  if (a.kind === 'top-province') return { kind: 'top-province', rank: a.rank ?? 1, provinceName: provinceName ?? '' };
  return {
    kind: 'most-improved',
    rank: a.rank ?? 1,
    ...(provinceName === undefined ? {} : { provinceName }),
    ...(a.delta === null ? {} : { delta: a.delta }),
  };
}

export async function awardRoutes(app: FastifyInstance): Promise<void> {
  defineRoute(
    app,
    {
      method: 'GET',
      url: '/publications/:publicationId/awards',
      published: { byLang: true, byHost: true },
      summary:
        "A publication's award lists (every body in the top band, the top 3 of each province, the most improved) with each award's certificate code; public once released",
      tags,
      access: 'result.read',
      params: publicationParams,
      response: { 200: Awards },
    },
    async ({ tx, auth, params, req, lang }) => {
      const meta = await getPublicationMeta(tx, params.publicationId, lang);
      const view = meta && (await viewOf(tx, auth, meta));
      if (!meta || !view) throw notFound('publication');
      const row = (await getPublicationRow(tx, meta.id))!;
      const awards = await publicationAwards(tx, app.secrets.certificate, row);
      const provinces = await provinceNames(tx);
      const origin = publicOrigin(req);
      const visible = awards.awards.filter((a) => view === 'full' || a.body.id === view.bodyId);
      return {
        publication: {
          id: meta.id,
          cycle: meta.cycle,
          scope: meta.scope,
          scopeName: meta.scopeName,
          version: meta.version,
          status: meta.status,
          released: meta.released,
          publishedAt: meta.publishedAt,
        },
        topBand: bandRef(awards.scheme, awards.topBand),
        rules: rulesView(awards.scheme, lang),
        items: visible.map((a) => ({
          kind: a.kind,
          rank: a.rank,
          provinceCode: a.provinceCode,
          provinceName: a.provinceCode === null ? null : (provinces.get(a.provinceCode) ?? null),
          delta: a.delta,
          body: { id: a.body.id, code: a.body.code, name: a.body.name, type: a.body.type, provinceCode: a.body.provinceCode },
          score: a.body.score,
          band: bandRef(awards.scheme, a.body.bandCode),
          ranks: { national: a.body.ranks.nationalType?.rank ?? null, province: a.body.ranks.province?.rank ?? null },
          previousScore: a.body.previous?.score ?? null,
          code: a.code,
          piagamUrl: `/api/v1/publications/${meta.id}/awards/${a.code}/piagam.pdf`,
          verifyUrl: `${origin}/verifikasi/${a.code}`,
        })),
      };
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/publications/:publicationId/awards/:code/piagam.pdf',
      summary: 'The certificate (piagam) PDF of one award, with a QR code to its public verification page',
      tags,
      access: 'result.read',
      params: piagamParams,
      query: PdfQuery,
      response: { 200: FileReply },
    },
    async ({ tx, auth, params, query, req, reply }) => {
      const lang = query.lang as Lang;
      const meta = await getPublicationMeta(tx, params.publicationId, lang);
      const view = meta && (await viewOf(tx, auth, meta));
      if (!meta || !view) throw notFound('publication');
      const row = (await getPublicationRow(tx, meta.id))!;
      const awards = await publicationAwards(tx, app.secrets.certificate, row);
      const award = awards.intact ? awards.awards.find((a) => sameCode(a.code, params.code)) : undefined;
      if (award === undefined || (view !== 'full' && award.body.id !== view.bodyId)) throw notFound('award');
      const provinces = await provinceNames(tx);
      const body = award.body;
      const url = `${publicOrigin(req)}/verifikasi/${award.code}`;
      const issued = piagamIssued(await getHandover(tx, row.id), row.publicAt);
      const pdf = await renderPiagam({
        language: lang,
        awardee: {
          name: body.name,
          type: body.type,
          provinceName: body.provinceCode === null ? null : (provinces.get(body.provinceCode) ?? null),
        },
        award: pieceAward(award, provinces),
        cycle: {
          name: awards.snapshot.cycle.name,
          year: awards.snapshot.cycle.year,
          schemeId: awards.scheme.id,
          schemeTitle: awards.scheme.title,
        },
        score: body.score,
        band: bandRef(awards.scheme, body.bandCode),
        verification: { code: award.code, url },
        signatory: SIGNATORY[lang],
        issuedAt: issued.at,
        issuedPlace: issued.place,
        zone: zoneOf(body.provinceCode),
      });
      return sendPdf(reply, pdf, `piagam-${slug(body.name)}-${award.kind}-${awards.snapshot.cycle.year}.pdf`);
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/verify/:code',
      summary:
        'Public certificate verification: checks a piagam code against the published snapshot. Unknown, altered or unreleased codes answer { valid: false } (200); a superseded version is valid but marked, with the current version',
      tags,
      access: 'public',
      params: verifyParams,
      response: { 200: Verification },
    },
    async ({ tx, params, lang }) => {
      const found = await verifyCode(tx, app.secrets.certificate, params.code);
      // issue 18: a unit's piagam is checked on the same page.
      if (found === null) return (await unitVerification(tx, app.secrets.certificate, params.code, lang)) ?? { valid: false as const };
      const { award, publication: pub, awards } = found;
      const provinces = await provinceNames(tx);
      const provinceOf = (code: string | null) => (code === null ? null : (provinces.get(code) ?? null));
      return {
        valid: true as const,
        code: award.code,
        award: {
          kind: award.kind,
          rank: award.rank,
          provinceCode: award.provinceCode,
          provinceName: provinceOf(award.provinceCode),
          delta: award.delta,
        },
        body: {
          id: award.body.id,
          name: award.body.name,
          type: award.body.type,
          provinceCode: award.body.provinceCode,
          provinceName: provinceOf(award.body.provinceCode),
        },
        score: award.body.score,
        band: bandRef(awards.scheme, award.body.bandCode),
        ...(await verifiedPublication(tx, pub, awards, lang, provinceOf)),
      };
    },
  );
}
