// Piagam PDF: a landscape certificate whose QR code and printed text both carry the
// verification URL; inputs scored by the real engine under ombudsman-2024.
import QRCode from 'qrcode';
import { beforeAll, describe, expect, it } from 'vitest';
import { getScheme } from '../../../methodologies/index.ts';
import { qrSvg, renderPiagam } from './piagam.ts';
import { pdfInfo, pdfPages, renderFirstPagePng, skipPoppler, squash } from './poppler.ts';
import { sampleGovernmentRapor, samplePiagam } from './sample-input.ts';

const scheme = getScheme('ombudsman-2024')!;
const tangerang = sampleGovernmentRapor(scheme, { seed: 11, name: 'Kota Tangerang', type: 'kota', provinceName: 'Banten', quality: 1 });
const top = samplePiagam(tangerang, { kind: 'kualitas-tertinggi' });
const improved = samplePiagam(tangerang, { kind: 'most-improved', rank: 2, provinceName: 'Banten', delta: 7.125 }, 'en');

const pdf: { top?: Buffer; improved?: Buffer } = {};
beforeAll(async () => {
  pdf.top = await renderPiagam(top);
  pdf.improved = await renderPiagam(improved);
});

/** Rebuild the module grid from the SVG path of filled runs ("M x y h w v1 h -w z"). */
function gridFromSvg(svg: string): boolean[][] {
  const size = Number(/viewBox="0 0 (\d+) /.exec(svg)![1]);
  const grid = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  for (const m of svg.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    const [x, y, w] = [Number(m[1]), Number(m[2]), Number(m[3])];
    for (let k = 0; k < w; k++) grid[y]![x + k] = true;
  }
  return grid;
}

describe('renderPiagam', () => {
  it('is awarded on a real engine result', () => {
    expect(tangerang.band.code).toBe('A');
    expect(top.score).toBe(tangerang.score);
  });

  it('draws exactly the QR modules of the verification URL, with a quiet zone', () => {
    const url = top.verification.url;
    const svg = qrSvg(url);
    const qr = QRCode.create(url, { errorCorrectionLevel: 'M' });
    const n = qr.modules.size;
    const grid = gridFromSvg(svg);
    expect(grid).toHaveLength(n + 4);
    for (let r = 0; r < n + 4; r++) {
      for (let c = 0; c < n + 4; c++) {
        const inside = r >= 2 && c >= 2 && r < n + 2 && c < n + 2;
        expect(grid[r]![c], `module ${r},${c}`).toBe(inside ? Boolean(qr.modules.get(r - 2, c - 2)) : false);
      }
    }
  });

  describe.skipIf(skipPoppler)('read back with poppler', () => {
    it('is one landscape A4 page with the award, the awardee, the code and the URL as text', () => {
      const info = pdfInfo(pdf.top!);
      expect(info.Pages).toBe('1');
      expect(info['Page size']).toMatch(/^841\.89 x 595\.28 pts/);
      const text = squash(pdfPages(pdf.top!).join('\n'));
      expect(text).toContain('PIAGAM PENGHARGAAN');
      expect(text).toContain('Kota Tangerang');
      expect(text).toContain(`Opini ${tangerang.band.label.id}`);
      expect(text).toContain(tangerang.score.toFixed(2).replace('.', ','));
      expect(text).toContain(top.verification.code);
      expect(text).toContain(top.verification.url);
      expect(text).toContain('Jakarta, 10 Desember 2024');
      expect(text).toContain(top.signatory.name);
    });

    it('prints English on request, with the most-improved rank and gain', () => {
      const text = squash(pdfPages(pdf.improved!).join('\n'));
      expect(text).toContain('CERTIFICATE OF AWARD');
      expect(text).toContain('Most Improved, Rank 2 in Banten Province');
      expect(text).toContain('up 7.13 points');
      expect(text).toContain('Jakarta, 10 December 2024');
      expect(text).toContain(improved.verification.url);
    });

    it('rasterises with pdftoppm (landscape)', () => {
      const png = renderFirstPagePng(pdf.top!, 50);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(png.readUInt32BE(16)).toBeGreaterThan(png.readUInt32BE(20));
    });
  });
});
