/**
 * Parse each bundled font once per process instead of once per PDF.
 *
 * Why: pdfkit (under pdfmake) opens every font with `fontkit.create` for every document, and
 * fontkit then decodes the same cmap/hmtx/GSUB/GPOS tables again. Profiling a 7-unit rapor
 * showed a fifth of its CPU time there; a report pack renders hundreds of rapor in a row.
 *
 * How: wrap pdfkit's `font()` for the listed font files only. The wrapper still creates a
 * fresh pdfkit `EmbeddedFont` per document (so the glyph subset, font ids and widths written
 * into each PDF stay per document, exactly as before); only the parsed, read-only fontkit font
 * underneath is shared. Every other font source goes through pdfkit unchanged.
 *
 * Also shared: pdfkit's per-font word layout cache (word → shaped glyph run, read-only once
 * made; pdfkit copies positions before changing them), so a word shaped for one rapor is not
 * shaped again for the next. Bounded: the cache is dropped when it grows past
 * LAYOUT_CACHE_LIMIT words.
 *
 * Guarded: the wrapper relies on pdfkit 0.19 internals (`_fontFamilies`, `_fontCount`,
 * `_font`, the EmbeddedFont constructor). If any of them is missing, nothing is patched and
 * pdfkit keeps its own (slower, correct) behaviour. `fontCacheActive()` tells which happened.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface FontkitFont {
  postscriptName: string;
}

interface PdfKitDocument {
  _fontFamilies: Record<string, unknown>;
  _fontCount: number;
  _fontSource: unknown;
  _fontFamily: unknown;
  _font: unknown;
  fontSize(size: number): PdfKitDocument;
  font(src: unknown, family?: unknown, size?: unknown): PdfKitDocument;
}

type EmbeddedFontClass = new (doc: PdfKitDocument, font: FontkitFont, id: string) => unknown;

let active = false;
const LAYOUT_CACHE_LIMIT = 50_000;

/** Whether the shared-font wrapper is installed (false = pdfkit's stock font loading). */
export function fontCacheActive(): boolean {
  return active;
}

/** Install the wrapper for these font files (absolute paths, as pdfmake passes them). */
export function shareFonts(paths: readonly string[]): void {
  if (active || paths.length === 0) return;
  try {
    // The pdfkit and fontkit that pdfmake itself loads (not whatever a bare import finds).
    const fromPdfmake = createRequire(createRequire(import.meta.url).resolve('pdfmake'));
    const PDFKit = fromPdfmake('pdfkit') as { prototype: PdfKitDocument } & (new (opts: object) => PdfKitDocument);
    const fontkit = createRequire(fromPdfmake.resolve('pdfkit'))('fontkit') as { create(buf: Uint8Array): FontkitFont };

    const probe = new PDFKit({ autoFirstPage: false });
    probe.font(paths[0]);
    const EmbeddedFont = (probe._font as { constructor: EmbeddedFontClass }).constructor;
    if (
      typeof EmbeddedFont !== 'function' ||
      typeof probe._fontFamilies !== 'object' ||
      typeof probe._fontCount !== 'number' ||
      typeof PDFKit.prototype.font !== 'function'
    ) {
      return;
    }

    const parsed = new Map<string, FontkitFont>();
    const layouts = new Map<string, { cache: Record<string, unknown>; uses: number }>();
    for (const p of paths) parsed.set(p, fontkit.create(readFileSync(p)));
    const original = PDFKit.prototype.font;

    PDFKit.prototype.font = function font(this: PdfKitDocument, src: unknown, family?: unknown, size?: unknown) {
      const shared = typeof src === 'string' ? parsed.get(src) : undefined;
      if (shared === undefined) return original.call(this, src, family, size);
      if (typeof family === 'number') {
        size = family;
        family = null;
      }
      const key = src as string;
      let embedded = this._fontFamilies[key];
      if (embedded === undefined) {
        embedded = new EmbeddedFont(this, shared, `F${++this._fontCount}`);
        const own = (embedded as { layoutCache?: Record<string, unknown> }).layoutCache;
        if (own !== undefined) {
          let entry = layouts.get(key);
          if (entry === undefined || (++entry.uses % 64 === 0 && Object.keys(entry.cache).length > LAYOUT_CACHE_LIMIT)) {
            entry = { cache: own, uses: 0 };
            layouts.set(key, entry);
          }
          (embedded as { layoutCache?: Record<string, unknown> }).layoutCache = entry.cache;
        }
        this._fontFamilies[key] = embedded;
      }
      this._fontSource = key;
      this._fontFamily = family ?? null;
      this._font = embedded;
      if (size !== null && size !== undefined) this.fontSize(size as number);
      return this;
    };
    active = true;
  } catch {
    // Internals changed: keep pdfkit's own font loading.
    active = false;
  }
}
