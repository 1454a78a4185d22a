/**
 * Piagam (certificate of award) PDF (issue 5 §4): landscape A4, a double border, the award in
 * words, and a QR code pointing to the public verification page, with the verification code and
 * URL also printed as text (a phone is not needed to check it). A pure renderer like rapor.ts:
 * no database, no clock, no network.
 */
import QRCode from 'qrcode';
import type { Lang } from '../../core/types.ts';
import { formatDate, formatNumber, translator, typeName, type Translate } from './i18n.ts';
import { bandText, palette, renderPdf, type DocumentDefinition, type Node } from './pdf.ts';
import type { PiagamInput } from './types.ts';

/** A4 landscape, points. */
const PAGE = { width: 841.89, height: 595.28 };
const MARGIN_X = 70;
const CONTENT_WIDTH = PAGE.width - 2 * MARGIN_X;
const GOLD = '#8a6d2b';
const QR_SIZE = 92;
const SIGNATURE_WIDTH = 280;

/**
 * The QR code as an SVG of filled runs (one rectangle per run of dark modules in a row). Filled
 * shapes rasterise without the hairline seams that stroked 1-unit lines can show in print.
 */
export function qrSvg(text: string): string {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const { size } = qr.modules;
  const quiet = 2;
  let d = '';
  for (let r = 0; r < size; r++) {
    let c = 0;
    while (c < size) {
      if (!qr.modules.get(r, c)) {
        c++;
        continue;
      }
      const start = c;
      while (c < size && qr.modules.get(r, c)) c++;
      d += `M${start + quiet} ${r + quiet}h${c - start}v1h${start - c}z`;
    }
  }
  const n = size + 2 * quiet;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${n}" height="${n}" viewBox="0 0 ${n} ${n}"><rect width="${n}" height="${n}" fill="#ffffff"/><path fill="#000000" d="${d}"/></svg>`;
}

function awardLine(input: PiagamInput, t: Translate, lang: Lang): string {
  const cycle = input.cycle.name;
  const a = input.award;
  switch (a.kind) {
    case 'kualitas-tertinggi':
      return t('piagam.award.kualitas-tertinggi', { band: input.band.label[lang], cycle });
    case 'top-province':
      return t('piagam.award.top-province', { rank: a.rank, province: a.provinceName, cycle });
    case 'most-improved': {
      const where =
        a.provinceName === undefined
          ? t('piagam.award.most-improved.nationally')
          : t('piagam.award.most-improved.where', { province: a.provinceName });
      return t('piagam.award.most-improved', { rank: a.rank, where, cycle });
    }
    case 'top-sector':
      return t('piagam.award.top-sector', { rank: a.rank, sector: a.sectorName, province: a.provinceName, cycle });
  }
}

/** Double border with small corner squares, drawn behind the page content. */
function border(): Node {
  const outer = 22;
  const inner = 30;
  const corner = 7;
  const w = PAGE.width;
  const h = PAGE.height;
  const corners: Node[] = [
    [inner - corner / 2, inner - corner / 2],
    [w - inner - corner / 2, inner - corner / 2],
    [inner - corner / 2, h - inner - corner / 2],
    [w - inner - corner / 2, h - inner - corner / 2],
  ].map(([x, y]) => ({ type: 'rect', x, y, w: corner, h: corner, color: GOLD }));
  return {
    canvas: [
      { type: 'rect', x: outer, y: outer, w: w - 2 * outer, h: h - 2 * outer, lineWidth: 2.4, lineColor: palette.ink },
      { type: 'rect', x: inner, y: inner, w: w - 2 * inner, h: h - 2 * inner, lineWidth: 0.8, lineColor: GOLD },
      ...corners,
    ],
  };
}

export function buildPiagamDocument(input: PiagamInput, qr: string): DocumentDefinition {
  const lang = input.language ?? 'id';
  const t = translator(lang);
  const awardee = input.awardee;
  const province =
    awardee.provinceName === undefined || awardee.provinceName === null || awardee.type === 'provinsi'
      ? null
      : t('rapor.subject.province', { name: awardee.provinceName });
  const sub = [awardee.type === undefined ? null : typeName(awardee.type, lang), awardee.of ?? null, province].filter(
    (x): x is string => x !== null && x !== '',
  );
  const scoreLine = t('piagam.score', { score: formatNumber(input.score, lang), band: bandText(input.band, lang) });
  const delta =
    input.award.kind === 'most-improved' && input.award.delta !== undefined
      ? t('piagam.delta', { delta: formatNumber(input.award.delta, lang) })
      : null;
  const issued =
    input.issuedPlace === undefined
      ? formatDate(input.issuedAt, lang, input.zone)
      : t('piagam.issued', { place: input.issuedPlace, date: formatDate(input.issuedAt, lang, input.zone) });

  const verification: Node = {
    columns: [
      { svg: qr, width: QR_SIZE, height: QR_SIZE },
      {
        width: 300,
        stack: [
          { text: t('piagam.verify.code'), fontSize: 8, color: palette.muted },
          { text: input.verification.code, fontSize: 13, bold: true, characterSpacing: 0.5, margin: [0, 1, 0, 5] },
          { text: t('piagam.verify.scan'), fontSize: 7.5, color: palette.muted },
          { text: input.verification.url, fontSize: 8, margin: [0, 2, 0, 0] },
        ],
        margin: [0, 8, 0, 0],
      },
    ],
    columnGap: 12,
    width: 400,
  };
  const signature: Node = {
    width: SIGNATURE_WIDTH,
    stack: [
      { text: issued, fontSize: 10 },
      { text: input.signatory.title, fontSize: 10, bold: true, margin: [0, 2, 0, 0] },
      { text: '', margin: [0, 46, 0, 0] },
      {
        canvas: [
          {
            type: 'line',
            x1: (SIGNATURE_WIDTH - 200) / 2,
            y1: 0,
            x2: (SIGNATURE_WIDTH + 200) / 2,
            y2: 0,
            lineWidth: 0.6,
            lineColor: palette.text,
          },
        ],
      },
      { text: input.signatory.name, fontSize: 11, bold: true, margin: [0, 3, 0, 0] },
    ],
    alignment: 'center',
  };

  const content: Node[] = [
    {
      text: (input.issuer?.[lang] ?? t('org.name')).toUpperCase(),
      alignment: 'center',
      fontSize: 11,
      bold: true,
      characterSpacing: 1,
      color: palette.ink,
      margin: [0, 6, 0, 0],
    },
    {
      canvas: [
        { type: 'line', x1: (CONTENT_WIDTH - 180) / 2, y1: 7, x2: (CONTENT_WIDTH + 180) / 2, y2: 7, lineWidth: 0.8, lineColor: GOLD },
      ],
      margin: [0, 0, 0, 20],
    },
    { text: t('piagam.title'), alignment: 'center', fontSize: 32, bold: true, characterSpacing: 2, color: palette.ink },
    { text: input.cycle.schemeTitle[lang], alignment: 'center', fontSize: 10, color: palette.muted, margin: [0, 6, 0, 26] },
    { text: t('piagam.given'), alignment: 'center', fontSize: 11.5, italics: true },
    { text: awardee.name, alignment: 'center', fontSize: 30, bold: true, color: palette.ink, margin: [0, 8, 0, 2] },
    ...(sub.length === 0 ? [] : [{ text: sub.join(' · '), alignment: 'center', fontSize: 11.5, margin: [0, 0, 0, 0] }]),
    {
      canvas: [
        { type: 'line', x1: (CONTENT_WIDTH - 80) / 2, y1: 12, x2: (CONTENT_WIDTH + 80) / 2, y2: 12, lineWidth: 0.6, lineColor: GOLD },
      ],
      margin: [0, 0, 0, 14],
    },
    { text: t('piagam.for'), alignment: 'center', fontSize: 11.5, italics: true, margin: [0, 0, 0, 5] },
    { text: awardLine(input, t, lang), alignment: 'center', fontSize: 16, bold: true, color: palette.ink, margin: [50, 0, 50, 5] },
    { text: scoreLine, alignment: 'center', fontSize: 11.5 },
    ...(delta === null ? [] : [{ text: delta, alignment: 'center', fontSize: 10, margin: [0, 2, 0, 0] }]),
  ];

  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [MARGIN_X, 58, MARGIN_X, 60],
    background: () => border(),
    defaultStyle: { font: 'Roboto', fontSize: 10, color: palette.text },
    content: [
      ...content,
      {
        columns: [verification, signature],
        absolutePosition: { x: MARGIN_X + 6, y: PAGE.height - 60 - 122 },
      },
    ],
  };
}

/** Render a certificate of award as a one-page landscape A4 PDF. */
export async function renderPiagam(input: PiagamInput): Promise<Buffer> {
  const lang = input.language ?? 'id';
  const t = translator(lang);
  const doc = buildPiagamDocument(input, qrSvg(input.verification.url));
  return renderPdf(doc, {
    title: `${t('piagam.title')} — ${input.awardee.name} — ${input.cycle.name}`,
    createdAt: input.issuedAt,
    lang,
    author: input.issuer?.[lang] ?? t('org.name'),
  });
}
