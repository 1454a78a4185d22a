/**
 * Test helper: read a PDF back with poppler-utils (`pdftotext`, `pdftoppm`, `pdfinfo`), the
 * way CI checks that a rendered PDF really holds its text and rasterises. Test-only.
 *
 * When the binaries are missing, checks may be skipped locally, but never in CI
 * (`CI=true`): there a missing poppler must fail the run, not pass it silently.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const popplerAvailable: boolean = ['pdftotext', 'pdftoppm', 'pdfinfo'].every(
  (bin) => spawnSync(bin, ['-v'], { stdio: 'ignore' }).error === undefined,
);

/** Skip poppler checks only when the binaries are missing outside CI. */
export const skipPoppler: boolean = !popplerAvailable && process.env.CI !== 'true';

function requirePoppler(): void {
  if (!popplerAvailable) {
    throw new Error('poppler-utils (pdftotext, pdftoppm, pdfinfo) is required: apt-get install -y poppler-utils');
  }
}

function withTempPdf<T>(pdf: Buffer, fn: (dir: string, file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'pantau-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return fn(dir, file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of each page (pdftotext, reading order), in order. */
export function pdfPages(pdf: Buffer): string[] {
  requirePoppler();
  return withTempPdf(pdf, (_dir, file) => {
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    const pages = text.split('\f');
    if (pages.at(-1)?.trim() === '') pages.pop();
    return pages;
  });
}

/** The text of one page with the physical layout kept (`pdftotext -layout`), 1-based. */
export function pdfLayoutPage(pdf: Buffer, page: number): string {
  requirePoppler();
  return withTempPdf(pdf, (_dir, file) =>
    execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' }),
  );
}

/** `pdfinfo` fields (Pages, Page size, Title, …). */
export function pdfInfo(pdf: Buffer): Record<string, string> {
  requirePoppler();
  return withTempPdf(pdf, (_dir, file) => {
    const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const info: Record<string, string> = {};
    for (const line of out.split('\n')) {
      const m = /^([^:]+):\s*(.*)$/.exec(line);
      if (m !== null) info[m[1]!] = m[2]!;
    }
    return info;
  });
}

/** Rasterise page 1 with `pdftoppm -r <dpi> -png`; returns the PNG bytes. */
export function renderFirstPagePng(pdf: Buffer, dpi = 50): Buffer {
  requirePoppler();
  return withTempPdf(pdf, (dir, file) => {
    execFileSync('pdftoppm', ['-r', String(dpi), '-png', '-f', '1', '-l', '1', file, join(dir, 'page')]);
    const png = readdirSync(dir).find((f) => f.endsWith('.png'));
    if (png === undefined) throw new Error('pdftoppm produced no image');
    return readFileSync(join(dir, png));
  });
}

/** Collapse runs of white space, so text wrapped inside a table cell still matches. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/**
 * `squash`, and hyphens dropped: pdftotext joins a word broken after a hyphen at a line end
 * ("N-" / "nya" → "Nnya"), so long notes are compared without their hyphens.
 */
export function loose(text: string): string {
  return squash(text).replace(/[-\u00ad]/g, '');
}
