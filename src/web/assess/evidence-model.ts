/**
 * Evidence files before they leave the device: the same type rule as the server (JPEG, PNG,
 * WebP or PDF, judged by the file's first bytes, never its name) and the size limit, so the
 * assessor hears at once what the server would refuse (415 / 413). Pure apart from reading the
 * first bytes of the file.
 */
import type { EvidenceKind, Indicator } from '../../core/types.ts';
import type { WireError } from '../../shared/wire/common.ts';

export type EvidenceMime = 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';

/**
 * The server's default upload limit (src/server/app.ts, `maxUploadBytes`). An installation may
 * set another; the server's own 413 still arrives then and is shown the same way.
 * TODO(#3): read the limit from the API once it publishes it.
 */
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

/** Same signatures as the server's sniffMime (evidence/store.ts). */
export function sniffMime(head: Uint8Array): EvidenceMime | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (head.length >= 8 && png.every((b, i) => head[i] === b)) return 'image/png';
  if (head.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  if (head.length >= 5 && ascii(0, 5) === '%PDF-') return 'application/pdf';
  return null;
}

async function readHead(file: Blob): Promise<Uint8Array> {
  const part = file.slice(0, 16);
  // jsdom's Blob lacks arrayBuffer(); FileReader works everywhere.
  if (typeof part.arrayBuffer === 'function') return new Uint8Array(await part.arrayBuffer());
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(part);
  });
}

/** The file's real type, or the refusal the server would give (same code and details). */
export async function checkEvidenceFile(
  file: Blob & { type: string },
  limit = MAX_EVIDENCE_BYTES,
): Promise<{ ok: true; mime: EvidenceMime } | { ok: false; error: WireError }> {
  if (file.size > limit) return { ok: false, error: { code: 'request.too_large', message: '', details: { limit } } };
  const mime = sniffMime(await readHead(file));
  if (!mime)
    return {
      ok: false,
      error: { code: 'request.unsupported_type', message: '', details: { type: file.type || 'application/octet-stream' } },
    };
  return { ok: true, mime };
}

/** Interviews and questionnaires leave no file behind; every other kind can be photographed or attached. */
const FILE_KINDS: EvidenceKind[] = [
  'foto',
  'tangkapan-layar',
  'sk',
  'berita-acara',
  'daftar-hadir',
  'notulen',
  'laporan',
  'jadwal',
  'dokumen',
];

export function wantsEvidence(indicator: Indicator): boolean {
  return indicator.evidence.some((k) => FILE_KINDS.includes(k));
}

/** The evidence kind to record with an upload: the first the indicator expects that fits the file. */
export function evidenceKindFor(indicator: Indicator, mime: EvidenceMime): EvidenceKind {
  const fits: EvidenceKind[] =
    mime === 'application/pdf'
      ? ['sk', 'berita-acara', 'laporan', 'dokumen', 'notulen', 'daftar-hadir', 'jadwal']
      : ['foto', 'tangkapan-layar'];
  return indicator.evidence.find((k) => fits.includes(k)) ?? (mime === 'application/pdf' ? 'dokumen' : 'foto');
}
