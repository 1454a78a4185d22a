// Rapor PDF: inputs scored by the real engine under ombudsman-2024, rendered, then read back
// with poppler (text and a raster of page 1), as a reader and a printer would see them.
import { beforeAll, describe, expect, it } from 'vitest';
import { getScheme, library } from '../../../methodologies/index.ts';
import { fontCacheActive } from './font-cache.ts';
import { renderPdf } from './pdf.ts';
import { loose, pdfInfo, pdfLayoutPage, pdfPages, renderFirstPagePng, skipPoppler, squash } from './poppler.ts';
import { renderRapor } from './rapor.ts';
import { sampleGovernmentRapor, sampleUnitRapor } from './sample-input.ts';

const scheme = getScheme('ombudsman-2024')!;
const published = {
  id: 'snap-36-2024',
  version: 3,
  publishedAt: '2024-12-04T10:00:00+07:00',
  url: 'https://pantau.example/hasil/2024/36/v3',
};

// Two governments: one provisional (unpublished), one published; 7 units each.
const lebak = sampleGovernmentRapor(scheme, { seed: 7, name: 'Kabupaten Lebak', type: 'kabupaten', provinceName: 'Banten' });
const serang = sampleGovernmentRapor(scheme, { seed: 19, name: 'Kota Serang', type: 'kota', provinceName: 'Banten', snapshot: published });

const idNumber = (x: number): string => x.toFixed(2).replace('.', ',');
const enNumber = (x: number): string => x.toFixed(2);

/** Every indicator text of the scheme, id and en, by code. */
const indicatorText = new Map(
  scheme.dimensions.flatMap((d) => d.variables.flatMap((v) => v.indicators.map((i) => [i.code, i.text] as const))),
);

// Rendered once, read by several tests (rendering is the slow part).
const pdf: Record<'serang' | 'serangEn' | 'lebak' | 'unit', Buffer> = {} as never;
const unitInput = sampleUnitRapor(lebak, 2);
beforeAll(async () => {
  pdf.serang = await renderRapor(serang);
  pdf.serangEn = await renderRapor({ ...serang, language: 'en', chart: 'radar' });
  pdf.lebak = await renderRapor(lebak);
  pdf.unit = await renderRapor(unitInput);
});

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('renderRapor', () => {
  it('builds its input from the real engine (7 scored units, improvements, every assumption)', () => {
    expect(serang.units).toHaveLength(7);
    for (const u of serang.units) {
      expect(u.breakdown.schemeId).toBe('ombudsman-2024');
      expect(u.breakdown.complete).toBe(true);
    }
    expect(serang.improvements.length).toBeGreaterThan(0);
    expect(serang.assumptions).toEqual(scheme.assumptions);
    expect(scheme.assumptions.length).toBeGreaterThan(0);
  });

  it('returns a PDF, and the same bytes for the same input (fonts shared across documents)', async () => {
    expect(fontCacheActive()).toBe(true);
    const again = await renderRapor(serang);
    expect(pdf.serang.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.lebak.equals(pdf.serang)).toBe(false);
    expect(again.equals(pdf.serang)).toBe(true);
  });

  describe.skipIf(skipPoppler)('read back with poppler', () => {
    it('prints, in Bahasa Indonesia, the government, its score in id-ID form, band, ranks and page numbers', async () => {
      const pages = pdfPages(pdf.serang);
      const all = squash(pages.join('\n'));

      // A summary page, then ONE indicator × unit table, improvements, evidence, assumptions.
      expect(pages.length).toBeGreaterThanOrEqual(3);
      expect(pages.length).toBeLessThanOrEqual(6);
      expect(Number(pdfInfo(pdf.serang).Pages)).toBe(pages.length);
      expect(pages[0]).toContain(`Halaman 1 dari ${pages.length}`);
      expect(pages.at(-1)).toContain(`Halaman ${pages.length} dari ${pages.length}`);

      expect(pages[0]).toContain('Kota Serang');
      expect(pages[0]).toContain(idNumber(serang.score));
      expect(pages[0]).not.toContain(enNumber(serang.score));
      expect(pages[0]).toContain(serang.band.label.id);
      expect(squash(pages[0]!)).toContain(`${serang.ranks.national.rank} dari ${serang.ranks.national.of}`);
      expect(all).toContain('RAPOR HASIL PENILAIAN');
      expect(all).not.toContain('SEMENTARA');
      expect(all).toContain(published.url);

      // Every unit, with its score in id-ID form, and every unit's indicator page.
      for (const u of serang.units) {
        expect(squash(pages[0]!)).toContain(u.name);
        expect(pages[0]).toContain(idNumber(u.score));
      }
      const o1 = indicatorText.get('O1')!;
      expect(all).toContain(o1.id);
      expect(all).toContain('Poin hilang per indikator dan unit');
      // Every indicator of the scheme is a row of the matrix.
      for (const code of indicatorText.keys()) expect(all).toMatch(new RegExp(`\\b${code}\\b`));

      // The assumptions note lists every assumption of the scheme.
      expect(all).toContain('Catatan asumsi metodologi');
      for (const a of scheme.assumptions) expect(loose(all)).toContain(loose(a.note.id));
    });

    it('lists improvements largest government gain first', async () => {
      const pages = pdfPages(pdf.serang);
      const page = pages.findIndex((p) => p.includes('Daftar perbaikan')) + 1;
      expect(page).toBeGreaterThan(1);
      // The list may continue on the next page.
      const text = [page, page + 1]
        .filter((p) => p <= pages.length)
        .map((p) => pdfLayoutPage(pdf.serang, p))
        .join('\n');
      const gains = text
        .split('\n')
        .map((line) => /\+(\d+,\d{2})\s+\+(\d+,\d{2})\s*$/.exec(line))
        .filter((m) => m !== null)
        .map((m) => Number(m[1]!.replace(',', '.')));
      expect(gains.length).toBeGreaterThan(5);
      for (let k = 1; k < gains.length; k++) expect(gains[k]!).toBeLessThanOrEqual(gains[k - 1]!);
      const best = Math.max(...serang.improvements.map((i) => i.governmentGain));
      expect(gains[0]).toBeCloseTo(best, 2);
    });

    it('marks an unpublished rapor SEMENTARA on every page', async () => {
      const pages = pdfPages(pdf.lebak);
      expect(squash(pages[0]!)).toContain('SEMENTARA — hasil ini belum dipublikasikan');
      for (const p of pages) expect(p).toContain('SEMENTARA');
      expect(squash(pages[0]!)).toContain(idNumber(lebak.score));
    });

    it('prints English labels and en number format on request', async () => {
      const pages = pdfPages(pdf.serangEn);
      const all = squash(pages.join('\n'));
      expect(pages[0]).toContain(`Page 1 of ${pages.length}`);
      expect(all).not.toContain('Halaman');
      expect(all).toContain('ASSESSMENT REPORT CARD');
      expect(pages[0]).toContain(serang.band.label.en);
      expect(pages[0]).toContain(enNumber(serang.score));
      expect(all).toContain('Points lost');
      expect(all).toContain('Improvement list');
      expect(all).toContain(indicatorText.get('O1')!.en);
      for (const a of scheme.assumptions) expect(loose(all)).toContain(loose(a.note.en));
    });

    it('renders a unit rapor: the same document for one unit', async () => {
      const unit = unitInput;
      const pages = pdfPages(pdf.unit);
      const all = squash(pages.join('\n'));
      // The unit rapor keeps the detailed indicator table (mean, %, weight, points, points lost).
      expect(all).toContain('Rincian per indikator');
      expect(all).toContain('Rerata');
      expect(all).not.toContain('Poin hilang per indikator dan unit');
      expect(all).toContain('RAPOR HASIL PENILAIAN UNIT LAYANAN');
      expect(all).toContain(unit.subject.name);
      expect(all).toContain('Kabupaten Lebak');
      expect(pages[0]).toContain(idNumber(unit.score));
      expect(all).toContain(`Halaman 1 dari ${pages.length}`);
      expect(all).not.toContain('Nilai unit layanan');
    });

    it('keeps the older per-unit layout (the benchmark baseline): one detailed page per unit', async () => {
      const pages = pdfPages(await renderRapor(serang, 'per-unit'));
      expect(pages.length).toBeGreaterThanOrEqual(1 + serang.units.length + 1);
      expect(squash(pages.join('\n'))).not.toContain('Poin hilang per indikator dan unit');
    });

    it('says on every page that a superseded version was replaced, with the current URL', async () => {
      const url = 'https://pantau.example/publikasi/v4';
      const pages = pdfPages(await renderRapor({ ...serang, snapshot: { ...published, supersededBy: { version: 4, url } } }));
      expect(squash(pages[0]!)).toContain('DIGANTIKAN — versi ini telah digantikan oleh ralat (versi 4)');
      expect(squash(pages[0]!)).toContain(url);
      for (const p of pages) expect(p).toContain('DIGANTIKAN');
      expect(squash(pages.join(' '))).not.toContain('SEMENTARA');
    });

    it('rasterises page 1 with pdftoppm (A4 portrait)', async () => {
      const { width, height } = pngSize(renderFirstPagePng(pdf.serang, 50));
      // A4 at 50 dpi: 8.27 × 11.69 in.
      expect(width).toBeGreaterThanOrEqual(410);
      expect(width).toBeLessThanOrEqual(416);
      expect(height).toBeGreaterThanOrEqual(582);
      expect(height).toBeLessThanOrEqual(588);
    });
  });
});

describe.skipIf(skipPoppler)('renderRapor under every scheme of the library', () => {
  const twoUnits = [
    { name: 'Dinas Kependudukan dan Pencatatan Sipil', sector: 'adminduk' },
    { name: 'Puskesmas Kota', sector: 'puskesmas' },
  ];
  it.each([...library.keys()])('%s: prints the score, the band and every unit', async (id) => {
    const input = sampleGovernmentRapor(library.get(id)!, {
      seed: 3,
      name: 'Kota Serang',
      type: 'kota',
      provinceName: 'Banten',
      units: twoUnits,
      // Published, so the SEMENTARA watermark's letters do not land inside the notes' text.
      snapshot: published,
    });
    const pages = pdfPages(await renderRapor(input));
    const all = squash(pages.join('\n'));
    expect(pages[0]).toContain(`Halaman 1 dari ${pages.length}`);
    expect(pages[0]).toContain(idNumber(input.score));
    expect(all).toContain(input.band.label.id);
    for (const u of twoUnits) expect(all).toContain(u.name);
    for (const a of library.get(id)!.assumptions) expect(loose(all)).toContain(loose(a.note.id));
  });
});

describe('renderPdf access policy', () => {
  it('refuses local files outside the bundled fonts', async () => {
    await expect(renderPdf({ content: [{ image: '/etc/hostname' }] }, { title: 't', createdAt: '2024-01-01', lang: 'id' })).rejects.toThrow(
      /access|denied|image/i,
    );
  });

  it('refuses to fetch URLs', async () => {
    await expect(
      renderPdf({ content: [{ image: 'https://example.com/logo.png' }] }, { title: 't', createdAt: '2024-01-01', lang: 'id' }),
    ).rejects.toThrow();
  });
});
