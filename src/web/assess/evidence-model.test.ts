import { describe, expect, it } from 'vitest';
import { getScheme } from '../../../methodologies/index.ts';
import type { Indicator } from '../../core/types.ts';
import { checkEvidenceFile, evidenceKindFor, sniffMime, wantsEvidence } from './evidence-model.ts';

const bytes = (...b: (number | string)[]) =>
  new Uint8Array(b.flatMap((x) => (typeof x === 'string' ? [...x].map((c) => c.charCodeAt(0)) : [x])));

const scheme = getScheme('ombudsman-2024')!;
const indicator = (code: string): Indicator =>
  scheme.dimensions.flatMap((d) => d.variables.flatMap((v) => v.indicators)).find((i) => i.code === code)!;

describe('sniffMime (the server rule: first bytes, never the name)', () => {
  it.each([
    { name: 'JPEG', head: bytes(0xff, 0xd8, 0xff, 0xe0), mime: 'image/jpeg' },
    { name: 'PNG', head: bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0), mime: 'image/png' },
    { name: 'WebP', head: bytes('RIFF', 0, 0, 0, 0, 'WEBP'), mime: 'image/webp' },
    { name: 'PDF', head: bytes('%PDF-1.7'), mime: 'application/pdf' },
    { name: 'a RIFF that is not WebP (WAV)', head: bytes('RIFF', 0, 0, 0, 0, 'WAVE'), mime: null },
    { name: 'text', head: bytes('hello world'), mime: null },
    { name: 'a truncated PNG signature', head: bytes(0x89, 'PNG'), mime: null },
  ])('$name → $mime', ({ head, mime }) => {
    expect(sniffMime(head)).toBe(mime);
  });
});

describe('checkEvidenceFile', () => {
  it('accepts a PNG whatever its declared type', async () => {
    const file = new File([bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0)], 'foto.bin', { type: 'application/octet-stream' });
    expect(await checkEvidenceFile(file)).toEqual({ ok: true, mime: 'image/png' });
  });

  it('refuses other content with the server code and the declared type (415)', async () => {
    const file = new File(['plain words'], 'foto.png', { type: 'text/plain' });
    expect(await checkEvidenceFile(file)).toEqual({
      ok: false,
      error: { code: 'request.unsupported_type', message: '', details: { type: 'text/plain' } },
    });
  });

  it('refuses a file over the limit before reading it (413)', async () => {
    const file = new File([new Uint8Array(11)], 'big.pdf', { type: 'application/pdf' });
    expect(await checkEvidenceFile(file, 10)).toEqual({
      ok: false,
      error: { code: 'request.too_large', message: '', details: { limit: 10 } },
    });
  });
});

describe('evidence per indicator', () => {
  it('offers evidence where a photo or document is expected, not for interview-only indicators', () => {
    expect(wantsEvidence(indicator('S7'))).toBe(true);
    expect(wantsEvidence(indicator('O1'))).toBe(false);
  });

  it('records the kind the indicator expects that fits the file', () => {
    // P6B expects foto or sk: a photo is "foto", a PDF the decree ("sk").
    expect(indicator('P6B').evidence).toEqual(['foto', 'sk']);
    expect(evidenceKindFor(indicator('P6B'), 'image/jpeg')).toBe('foto');
    expect(evidenceKindFor(indicator('P6B'), 'application/pdf')).toBe('sk');
    // S7 expects only photos; an attached PDF is filed as a document.
    expect(evidenceKindFor(indicator('S7'), 'application/pdf')).toBe('dokumen');
  });
});
