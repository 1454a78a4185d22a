// Issue 15 D12: evidence is checked on its structure, not on three magic bytes.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { JPEG, WEBP, WEBP_HQ, pdf, png } from '../test/files.ts';
import { FileCheck, checkFileBuffer } from './file-check.ts';

/** Through the streaming check in chunks of `size` bytes: the verdict must not depend on them. */
async function streamed(buf: Buffer, size: number): Promise<string> {
  const parts: Buffer[] = [];
  for (let i = 0; i < buf.length; i += size) parts.push(buf.subarray(i, i + size));
  const check = new FileCheck();
  try {
    await pipeline(Readable.from(parts), check, new Writable({ write: (_c, _e, done) => done() }));
    return `ok ${check.mime}`;
  } catch (e) {
    return `refused: ${(e as Error).message}`;
  }
}

const html = Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>');
const cases: [string, Buffer, string][] = [
  ['a JPEG from Chromium', JPEG, 'image/jpeg'],
  ['a lossy WebP from Chromium', WEBP, 'image/webp'],
  ['another WebP from Chromium', WEBP_HQ, 'image/webp'],
  ['a PNG', png(24, 16, 7), 'image/png'],
  ['a PDF', pdf('Berita acara'), 'application/pdf'],
];

describe('well-formed files pass, in any chunking', () => {
  it.each(cases)('%s', async (_name, file, mime) => {
    expect(checkFileBuffer(file)).toEqual({ ok: true, mime });
    for (const size of [1, 7, 64, 4096]) expect(await streamed(file, size)).toBe(`ok ${mime}`);
  });

  it('a JPEG with bytes after its end (some cameras append data)', () => {
    expect(checkFileBuffer(Buffer.concat([JPEG, Buffer.from('trailer data')])).ok).toBe(true);
  });

  it('a PDF written by pdfmake (as the rapor are)', async () => {
    const { renderPdf } = await import('../reports/pdf.ts');
    const file = await renderPdf(
      { content: ['Berita acara klarifikasi', { text: 'Halaman dua', pageBreak: 'before' }] },
      {
        title: 'Uji',
        createdAt: '2024-07-02T00:00:00Z',
        lang: 'id',
      },
    );
    expect(checkFileBuffer(file)).toEqual({ ok: true, mime: 'application/pdf' });
    expect(await streamed(file, 1000)).toBe('ok application/pdf');
  });
});

describe('D12: files that only start right are refused', () => {
  it.each([
    ['FF D8 FF followed by HTML', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), html])],
    ['a JPEG cut short', JPEG.subarray(0, JPEG.length - 200)],
    ['a JPEG without its end marker', JPEG.subarray(0, JPEG.length - 2)],
    [
      'a JPEG with a frame of size 0',
      (() => {
        const b = Buffer.from(JPEG);
        const sof = b.indexOf(Buffer.from([0xff, 0xc0]));
        b.writeUInt16BE(0, sof + 5);
        return b;
      })(),
    ],
    ['a PNG signature followed by HTML', Buffer.concat([png().subarray(0, 8), html])],
    [
      'a PNG with a damaged chunk (CRC)',
      (() => {
        const b = Buffer.from(png(24, 16, 3));
        b[40] = b[40]! ^ 0xff;
        return b;
      })(),
    ],
    ['a PNG with HTML after IEND', Buffer.concat([png(), html])],
    ['a PNG cut short', png(24, 16).subarray(0, 50)],
    ['a RIFF/WEBP header followed by HTML', Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x4c, 0, 0, 0]), Buffer.from('WEBP'), html])],
    [
      'a WebP with a wrong container size',
      (() => {
        const b = Buffer.from(WEBP);
        b.writeUInt32LE(b.readUInt32LE(4) + 10, 4);
        return b;
      })(),
    ],
    ['%PDF- followed by HTML', Buffer.concat([Buffer.from('%PDF-1.7\n'), html, Buffer.from('\n%%EOF\n')])],
    [
      'a PDF whose startxref points nowhere',
      Buffer.from(
        pdf()
          .toString('latin1')
          .replace(/startxref\n\d+/, 'startxref\n12'),
        'latin1',
      ),
    ],
    ['a PDF cut short', pdf().subarray(0, 200)],
    ['HTML', html],
    ['nothing', Buffer.alloc(0)],
  ])('%s', async (_name, file) => {
    expect(checkFileBuffer(file).ok).toBe(false);
    for (const size of [1, 13, 4096]) expect(await streamed(file, size)).toMatch(/^refused/);
  });
});
