/**
 * pdfmake set up once for the server (stack.md gotcha 9): the bundled Roboto (Unicode-correct),
 * no URL fetches at all, and local file access limited to the Roboto directory, so a document
 * definition built from user text can never make the renderer read a file or the network.
 * Also the small shared vocabulary of the report documents (palette, band chip).
 */
import { dirname } from 'node:path';
import type { BandRef, Lang } from '../../core/types.ts';
import { localeTags } from '../i18n.ts';
import { shareFonts } from './font-cache.ts';
import { toDate } from './i18n.ts';
import type { DateInput } from './types.ts';

type Pdfmake = typeof import('pdfmake').default;
let ready: Promise<Pdfmake> | undefined;
/** pdfmake, loaded on the first document (≈ 0.45 s of a start that renders none) and set up once. */
function pdfmakeReady(): Promise<Pdfmake> {
  ready ??= (async () => {
    const [{ default: pdfmake }, { default: roboto }] = await Promise.all([import('pdfmake'), import('pdfmake/fonts/Roboto.js')]);
    const fontDir = dirname(roboto.Roboto!.normal);
    pdfmake.setFonts(roboto);
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy((path) => dirname(path) === fontDir);
    shareFonts(Object.values(roboto.Roboto!));
    return pdfmake;
  })();
  return ready;
}

/** A pdfmake document node. pdfmake ships no types; nodes are plain objects. */
export type Node = string | Node[] | { [key: string]: unknown };

export interface DocumentDefinition {
  content: Node[];
  [key: string]: unknown;
}

/** Greyscale-safe palette: every colour is also distinct in luminance, and text stays dark. */
export const palette = {
  ink: '#1b2a3a',
  text: '#1a1a1a',
  muted: '#555555',
  rule: '#9e9e9e',
  faint: '#d0d0d0',
  zebra: '#f3f3f3',
  head: '#e4e8ec',
  accent: '#1b2a3a',
};

/** Mix a hex colour with white; `amount` 0 = white, 1 = the colour. */
export function tint(hex: string, amount: number): string {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (m === null) return '#ffffff';
  const n = Number.parseInt(m[1]!, 16);
  const mix = (c: number): number => Math.round(255 - (255 - c) * amount);
  const r = mix((n >> 16) & 255);
  const g = mix((n >> 8) & 255);
  const b = mix(n & 255);
  return `#${((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1)}`;
}

/** "A · Kualitas Tertinggi": the band's code and label, always as text. */
export function bandText(band: BandRef, lang: Lang): string {
  return `${band.code} · ${band.label[lang]}`;
}

/**
 * A band chip for table cells: dark text on a light tint of the band colour with a coloured
 * left rule, so it reads in greyscale by its words, and in colour by its zone.
 */
export function bandCell(band: BandRef, lang: Lang, fontSize = 8): Node {
  return {
    text: bandText(band, lang),
    fontSize,
    fillColor: tint(band.color, 0.22),
    color: palette.text,
  };
}

/** Render a document to a PDF buffer. `createdAt` fixes the metadata date (no clock read). */
export async function renderPdf(
  doc: DocumentDefinition,
  meta: { title: string; createdAt: DateInput; lang: Lang; author?: string },
): Promise<Buffer> {
  const created = toDate(meta.createdAt);
  const definition = {
    ...doc,
    language: localeTags[meta.lang],
    info: {
      title: meta.title,
      author: meta.author ?? 'Ombudsman Republik Indonesia',
      creator: 'Pantau',
      producer: 'Pantau (pdfmake)',
      creationDate: created,
      modDate: created,
    },
  };
  const pdfmake = await pdfmakeReady();
  return pdfmake.createPdf(definition).getBuffer();
}
