// The award-night pack of a publication (issue 18 §2), a background job: one zip with
//  - susunan-acara.txt: the running order (by category, then rank), with names, scores and bands;
//  - piagam-semua.pdf: every piagam (governments, then units, in running order) in one printable
//    PDF, each certificate followed by a blank page so a duplex printer leaves every back empty;
//  - penerima.xlsx: the awardees list, the running order and a slide-ready table (large type).
// Progress: one step per piagam, then the PDF, then the workbook.
import { zoneOf } from '../../shared/local-time.ts';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { loadArchiver, loadExcel } from '../lazy-libs.ts';
import type { Lang } from '../../core/types.ts';
import { type Catalogue, format } from '../../shared/messages.ts';
import type { JobContext, JobOutcome } from '../jobs/runner.ts';
import { getPublicationRow } from '../publications/queries.ts';
import { notFound, AppError } from '../errors.ts';
import { provinceNames, publicationAwards } from '../awards/queries.ts';
import { buildPiagamDocument, qrSvg } from '../reports/piagam.ts';
import { formatDate, formatNumber, translator, typeName } from '../reports/i18n.ts';
import { renderPdf, type DocumentDefinition, type Node } from '../reports/pdf.ts';
import { slug } from '../reports/pack.ts';
import type { PiagamInput } from '../reports/types.ts';
import { bandRef } from '../scores/breakdown.ts';
import { getHandover, piagamIssued } from './queries.ts';
import { handoverDate } from './release.ts';
import { SIGNATORY, unitPiagamInput } from './piece.ts';
import { publicationUnitAwards } from './unit-awards.ts';

export interface AwardNightParams {
  publicationId: string;
  lang: Lang;
  origin: string;
}

const texts = {
  'cat.gov.kualitas-tertinggi': { id: 'Pemerintah daerah — Opini Kualitas Tertinggi', en: 'Governments — highest-quality opinion' },
  'cat.gov.top-province': { id: 'Pemerintah daerah — Terbaik di provinsi', en: 'Governments — best in the province' },
  'cat.gov.most-improved': { id: 'Pemerintah daerah — Peningkatan nilai terbaik', en: 'Governments — most improved' },
  'cat.unit.top-band': { id: 'Unit layanan — Opini Kualitas Tertinggi', en: 'Service units — highest-quality opinion' },
  'cat.unit.top-sector': { id: 'Unit layanan — Terbaik per sektor', en: 'Service units — best in their sector' },
  'cat.unit.most-improved': { id: 'Unit layanan — Peningkatan nilai terbaik', en: 'Service units — most improved' },
  heading: { id: 'SUSUNAN ACARA PENYERAHAN PENGHARGAAN', en: 'AWARD CEREMONY RUNNING ORDER' },
  handover: { id: '{place}, {date}', en: '{place}, {date}' },
  'handover.missing': { id: 'Tanggal dan tempat penyerahan belum diisi.', en: 'Date and place of the hand-over not entered yet.' },
  'col.no': { id: 'No.', en: 'No.' },
  'col.category': { id: 'Kategori', en: 'Category' },
  'col.rank': { id: 'Peringkat', en: 'Rank' },
  'col.awardee': { id: 'Penerima', en: 'Awardee' },
  'col.of': { id: 'Instansi', en: 'Government' },
  'col.group': { id: 'Provinsi / sektor', en: 'Province / sector' },
  'col.score': { id: 'Nilai', en: 'Score' },
  'col.band': { id: 'Opini', en: 'Opinion' },
  'col.code': { id: 'Kode verifikasi', en: 'Verification code' },
  'sheet.order': { id: 'Susunan acara', en: 'Running order' },
  'sheet.awardees': { id: 'Penerima', en: 'Awardees' },
  'sheet.slide': { id: 'Tabel slide', en: 'Slide table' },
} satisfies Catalogue;
type Key = keyof typeof texts;

interface Line {
  category: Key;
  rank: number | null;
  awardee: string;
  of: string;
  group: string;
  score: number;
  band: string;
  code: string;
  piagam: PiagamInput;
}

const CATEGORY_ORDER: Key[] = [
  'cat.gov.kualitas-tertinggi',
  'cat.gov.top-province',
  'cat.gov.most-improved',
  'cat.unit.top-band',
  'cat.unit.top-sector',
  'cat.unit.most-improved',
];

/** Pure: the running order — by category, then group, then rank (top band: by score), then name. */
export function runningOrder<T extends { category: Key; rank: number | null; group: string; score: number; awardee: string }>(
  lines: T[],
): T[] {
  const cat = new Map(CATEGORY_ORDER.map((k, i) => [k, i]));
  return [...lines].sort(
    (a, b) =>
      cat.get(a.category)! - cat.get(b.category)! ||
      a.group.localeCompare(b.group, 'id') ||
      (a.rank ?? 0) - (b.rank ?? 0) ||
      b.score - a.score ||
      a.awardee.localeCompare(b.awardee, 'id'),
  );
}

/** Several piagam in one document, each followed by a blank back page (duplex printing). */
export function duplexDocument(docs: DocumentDefinition[]): DocumentDefinition {
  const first = docs[0]!;
  const background = first.background as ((page: number) => Node) | undefined;
  const content: Node[] = [];
  docs.forEach((d, k) => {
    const nodes = d.content.map((n, i) =>
      i === 0 && k > 0 && typeof n === 'object' && !Array.isArray(n) ? { ...n, pageBreak: 'before' } : n,
    );
    content.push(...nodes);
    // The back of the sheet: a blank page.
    content.push({ text: ' ', pageBreak: 'before', fontSize: 1 });
  });
  return {
    ...first,
    // The border on the certificate pages only (odd pages); backs stay blank.
    background: (page: number) => (page % 2 === 1 && background ? background(page) : null),
    content,
  };
}

export async function runAwardNightPack(ctx: JobContext, key: Buffer, p: AwardNightParams): Promise<JobOutcome> {
  const db = ctx.db;
  const lang = p.lang;
  const t = (k: Key, vars?: Record<string, string | number>) => format(texts, k, lang, vars);
  const row = await getPublicationRow(db, p.publicationId);
  if (!row) throw notFound('publication');
  const gov = await publicationAwards(db, key, row);
  const units = await publicationUnitAwards(db, key, row);
  if (!gov.intact || !units.intact) throw new AppError('recognition.no_awards');
  const provinces = await provinceNames(db);
  const handover = await getHandover(db, row.id);
  const snapshot = gov.snapshot;
  const scheme = gov.scheme;
  const issued = piagamIssued(handover, row.publicAt);
  const verify = (code: string) => `${p.origin}/verifikasi/${code}`;
  const provinceOf = (code: string | null) => (code === null ? '' : (provinces.get(code) ?? code));
  const cycle = { name: snapshot.cycle.name, year: snapshot.cycle.year, schemeId: scheme.id, schemeTitle: scheme.title };

  const lines: Line[] = [];
  for (const a of gov.awards) {
    const band = bandRef(scheme, a.body.bandCode);
    const award: PiagamInput['award'] =
      a.kind === 'kualitas-tertinggi'
        ? { kind: 'kualitas-tertinggi' }
        : a.kind === 'top-province'
          ? { kind: 'top-province', rank: a.rank ?? 1, provinceName: provinceOf(a.provinceCode) }
          : {
              kind: 'most-improved',
              rank: a.rank ?? 1,
              ...(a.provinceCode === null ? {} : { provinceName: provinceOf(a.provinceCode) }),
              ...(a.delta === null ? {} : { delta: a.delta }),
            };
    lines.push({
      category: `cat.gov.${a.kind}` as Key,
      rank: a.rank,
      awardee: a.body.name,
      of: '',
      group: a.kind === 'top-province' ? provinceOf(a.provinceCode) : '',
      score: a.body.score,
      band: `${band.code} · ${band.label[lang]}`,
      code: a.code,
      piagam: {
        language: lang,
        awardee: { name: a.body.name, type: a.body.type, provinceName: provinceOf(a.body.provinceCode) || null },
        award,
        cycle,
        score: a.body.score,
        band,
        verification: { code: a.code, url: verify(a.code) },
        signatory: SIGNATORY[lang],
        issuedAt: issued.at,
        issuedPlace: issued.place,
        zone: zoneOf(a.body.provinceCode),
      },
    });
  }
  for (const a of units.awards) {
    const band = bandRef(scheme, a.unit.bandCode);
    lines.push({
      category: `cat.unit.${a.kind}` as Key,
      rank: a.rank,
      awardee: a.unit.name,
      of: a.body.name,
      group: a.kind === 'top-sector' ? `${provinceOf(a.body.provinceCode)} · ${typeName(a.unit.sector, lang)}` : '',
      score: a.unit.score,
      band: `${band.code} · ${band.label[lang]}`,
      code: a.code,
      piagam: unitPiagamInput(a, units, provinces, lang, verify(a.code), issued),
    });
  }
  if (lines.length === 0) throw new AppError('recognition.no_awards');
  const order = runningOrder(lines);
  const total = order.length + 2;
  await ctx.progress(0, total);

  // Every piagam's document (QR codes drawn here), then one render.
  const docs: DocumentDefinition[] = [];
  for (const [k, line] of order.entries()) {
    if (ctx.signal.aborted) throw new Error('aborted');
    docs.push(buildPiagamDocument(line.piagam, qrSvg(line.piagam.verification.url)));
    await ctx.progress(k + 1, total);
    // Let the event loop breathe between certificates (other requests, the heartbeat).
    await new Promise((r) => setImmediate(r));
  }
  const tr = translator(lang);
  const pdf = await renderPdf(duplexDocument(docs), {
    title: `${tr('piagam.title')} — ${snapshot.cycle.name}`,
    createdAt: row.publicAt,
    lang,
  });
  await ctx.progress(order.length + 1, total);

  // Running order (text) and the workbook.
  const n = (x: number) => formatNumber(x, lang);
  const when =
    handover.date !== null && handover.place !== null
      ? t('handover', { place: handover.place, date: handoverDate(handover.date, lang) })
      : t('handover.missing');
  const txt: string[] = [t('heading'), `${snapshot.cycle.name} · ${formatDate(row.publicAt, lang)}`, when];
  let current: Key | null = null;
  order.forEach((l, i) => {
    if (l.category !== current) {
      current = l.category;
      txt.push('', t(l.category));
    }
    const rank = l.rank === null ? '' : `#${l.rank} `;
    txt.push(`${i + 1}. ${rank}${l.awardee}${l.of ? ` (${l.of})` : ''}${l.group ? ` — ${l.group}` : ''} — ${n(l.score)} · ${l.band}`);
  });

  const wb = new (await loadExcel()).Workbook();
  wb.created = row.publicAt;
  const cols = ['col.no', 'col.category', 'col.rank', 'col.awardee', 'col.of', 'col.group', 'col.score', 'col.band', 'col.code'] as const;
  const ordered = wb.addWorksheet(t('sheet.order'));
  ordered.addRow(cols.map((c) => t(c))).font = { bold: true };
  order.forEach((l, i) => {
    ordered.addRow([i + 1, t(l.category), l.rank ?? '', l.awardee, l.of, l.group, l.score, l.band, l.code]);
  });
  ordered.getColumn(7).numFmt = '0.00';
  ordered.columns.forEach((c, i) => {
    c.width = [5, 42, 10, 40, 30, 30, 8, 30, 22][i];
  });
  const awardees = wb.addWorksheet(t('sheet.awardees'));
  awardees.addRow(['col.awardee', 'col.of', 'col.score', 'col.band', 'col.category', 'col.rank'].map((c) => t(c as Key))).font = {
    bold: true,
  };
  for (const l of [...order].sort((a, b) => a.awardee.localeCompare(b.awardee, 'id') || a.of.localeCompare(b.of, 'id')))
    awardees.addRow([l.awardee, l.of, l.score, l.band, t(l.category), l.rank ?? '']);
  awardees.getColumn(3).numFmt = '0.00';
  awardees.columns.forEach((c, i) => {
    c.width = [40, 30, 8, 30, 42, 10][i];
  });
  // Slide-ready: landscape page, large type, one row per awardee, no codes.
  const slide = wb.addWorksheet(t('sheet.slide'), {
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
  });
  const head = slide.addRow(['col.category', 'col.rank', 'col.awardee', 'col.score', 'col.band'].map((c) => t(c as Key)));
  head.font = { bold: true, size: 20, color: { argb: 'FFFFFFFF' } };
  head.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1B2A3A' } };
  });
  for (const l of order) {
    const r = slide.addRow([t(l.category), l.rank ?? '', l.of ? `${l.awardee} — ${l.of}` : l.awardee, l.score, l.band]);
    r.font = { size: 18 };
  }
  slide.getColumn(4).numFmt = '0.00';
  slide.columns.forEach((c, i) => {
    c.width = [50, 12, 60, 12, 32][i];
  });
  const xlsx = Buffer.from(await wb.xlsx.writeBuffer());

  const out = createWriteStream(ctx.filePath);
  const zip = (await loadArchiver())('zip', {
    zlib: { level: 6 },
    comment: `Pantau — malam penghargaan ${snapshot.cycle.name}, v${snapshot.version}`,
  });
  const failed = new Promise<never>((_, reject) => {
    zip.on('error', reject);
    out.on('error', reject);
  });
  failed.catch(() => undefined);
  zip.pipe(out);
  const date = row.publicAt;
  zip.append(`${txt.join('\n')}\n`, { name: 'susunan-acara.txt', date });
  zip.append(pdf, { name: 'piagam-semua.pdf', date });
  zip.append(xlsx, { name: 'penerima.xlsx', date });
  await Promise.race([failed, zip.finalize()]);
  if (!out.writableFinished) await Promise.race([failed, once(out, 'close')]);
  await ctx.progress(total, total);
  const scope = snapshot.scope === 'national' ? 'nasional' : snapshot.scope;
  return {
    fileName: `malam-penghargaan-${slug(snapshot.cycle.name)}-${scope}-v${snapshot.version}.zip`,
    mime: 'application/zip',
    result: { awards: order.length, governments: gov.awards.length, units: units.awards.length, pages: order.length * 2 },
  };
}
