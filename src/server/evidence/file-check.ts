// Evidence files checked on their structure (issue 15 D12), not on three magic bytes: an upload
// passes through `FileCheck` on its way to the store, and the store commits nothing unless the
// whole file is a well-formed
//  - JPEG: SOI, then marker segments with consistent lengths, a frame header (SOFn) with a
//    non-zero size and 1–4 components before the first scan, entropy-coded data, and EOI (bytes
//    after EOI, which cameras append, are allowed);
//  - PNG: the signature, then chunks whose CRC-32 matches, IHDR first (non-zero size, a valid bit
//    depth and colour type), at least one IDAT, IEND last and nothing after it;
//  - WebP: a RIFF container whose size is the file's, a VP8 (key frame start code, non-zero size),
//    VP8L (signature byte) or VP8X first chunk, every chunk inside the container;
//  - PDF: the %PDF-x.y header, %%EOF near the end, preceded by `startxref` and an offset that
//    points at an `xref` table or an object (`n g obj`, a cross-reference stream) in the file.
// This is the parse a decoder starts with; pixels are not decoded (a hostile image can be a CPU
// bomb for a decoder, and nothing here displays them on the server). Streaming: memory is a few
// small buffers whatever the file's size.
import { type Readable, Transform, type TransformCallback } from 'node:stream';
import { crc32 } from 'node:zlib';
import { AppError } from '../errors.ts';
import { type EvidenceMime, type EvidenceStore, type Stored, sniffMime } from './store.ts';

/** Why a file was refused: its sniffed type is unknown, or its structure is broken. */
export class FileCheckError extends Error {
  constructor(
    readonly mime: EvidenceMime | null,
    reason: string,
  ) {
    super(reason);
  }
}

interface Validator {
  push(chunk: Buffer, offset: number): void;
  /** Throws when the file, now complete, is not well formed. */
  end(size: number): void;
}

const fail = (mime: EvidenceMime, reason: string): never => {
  throw new FileCheckError(mime, reason);
};

// ── JPEG ────────────────────────────────────────────────────────────────────────────────────

function jpegValidator(): Validator {
  const M: EvidenceMime = 'image/jpeg';
  type State =
    | { s: 'soi'; got: number }
    | { s: 'marker'; seenFF: boolean }
    | { s: 'length'; marker: number; bytes: number[] }
    | { s: 'segment'; marker: number; left: number; head: number[] }
    | { s: 'entropy'; ff: boolean }
    | { s: 'trailer' };
  let st: State = { s: 'soi', got: 0 };
  let frame = false;
  let scans = 0;
  const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;
  const endSegment = (marker: number, head: number[]) => {
    if (isSof(marker)) {
      if (head.length < 6) fail(M, 'short frame header');
      const height = (head[1]! << 8) | head[2]!;
      const width = (head[3]! << 8) | head[4]!;
      const components = head[5]!;
      if (width === 0 || height === 0 || components < 1 || components > 4) fail(M, 'bad frame size');
      frame = true;
    }
    if (marker === 0xda) {
      if (!frame) fail(M, 'scan before frame header');
      scans++;
      st = { s: 'entropy', ff: false };
    } else {
      st = { s: 'marker', seenFF: false };
    }
  };
  return {
    push(chunk) {
      let i = 0;
      while (i < chunk.length) {
        switch (st.s) {
          case 'soi': {
            const want = st.got === 0 ? 0xff : 0xd8;
            if (chunk[i] !== want) fail(M, 'no start of image');
            i++;
            if (++st.got === 2) st = { s: 'marker', seenFF: false };
            break;
          }
          case 'marker': {
            const b = chunk[i++]!;
            if (!st.seenFF) {
              if (b !== 0xff) fail(M, 'marker expected');
              st.seenFF = true;
              break;
            }
            if (b === 0xff) break; // fill bytes
            if (b === 0x00 || b === 0xd8) fail(M, 'bad marker');
            if (b === 0xd9) {
              if (!frame || scans === 0) fail(M, 'end of image before any scan');
              st = { s: 'trailer' };
              break;
            }
            if ((b >= 0xd0 && b <= 0xd7) || b === 0x01) {
              st = { s: 'marker', seenFF: false };
              break;
            }
            st = { s: 'length', marker: b, bytes: [] };
            break;
          }
          case 'length': {
            st.bytes.push(chunk[i++]!);
            if (st.bytes.length === 2) {
              const len = (st.bytes[0]! << 8) | st.bytes[1]!;
              if (len < 2) fail(M, 'bad segment length');
              const marker = st.marker;
              st = { s: 'segment', marker, left: len - 2, head: [] };
              if (len === 2) endSegment(marker, []);
            }
            break;
          }
          case 'segment': {
            const take = Math.min(st.left, chunk.length - i);
            if (st.head.length < 8) for (let k = 0; k < take && st.head.length < 8; k++) st.head.push(chunk[i + k]!);
            i += take;
            st.left -= take;
            if (st.left === 0) endSegment(st.marker, st.head);
            break;
          }
          case 'entropy': {
            if (!st.ff) {
              const next = chunk.indexOf(0xff, i);
              if (next < 0) {
                i = chunk.length;
                break;
              }
              i = next + 1;
              st.ff = true;
              break;
            }
            const b = chunk[i++]!;
            if (b === 0x00 || (b >= 0xd0 && b <= 0xd7)) st.ff = false;
            else if (b === 0xff) st.ff = true;
            else if (b === 0xd9) st = { s: 'trailer' };
            else st = { s: 'length', marker: b, bytes: [] };
            break;
          }
          case 'trailer':
            return;
        }
      }
    },
    end() {
      if (st.s !== 'trailer') fail(M, 'no end of image');
    },
  };
}

// ── PNG ─────────────────────────────────────────────────────────────────────────────────────

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngValidator(): Validator {
  const M: EvidenceMime = 'image/png';
  let sig = 0;
  let phase: 'header' | 'data' | 'crc' | 'done' = 'header';
  let header: number[] = [];
  let type = '';
  let left = 0;
  let crc = 0;
  let crcBytes: number[] = [];
  let chunks = 0;
  let idat = 0;
  let ihdr: number[] = [];
  const finishChunk = () => {
    const stored = ((crcBytes[0]! << 24) | (crcBytes[1]! << 16) | (crcBytes[2]! << 8) | crcBytes[3]!) >>> 0;
    if (stored !== crc >>> 0) fail(M, `CRC mismatch in ${type}`);
    chunks++;
    if (chunks === 1) {
      if (type !== 'IHDR' || ihdr.length !== 13) fail(M, 'IHDR must come first');
      const width = ((ihdr[0]! << 24) | (ihdr[1]! << 16) | (ihdr[2]! << 8) | ihdr[3]!) >>> 0;
      const height = ((ihdr[4]! << 24) | (ihdr[5]! << 16) | (ihdr[6]! << 8) | ihdr[7]!) >>> 0;
      const depth = ihdr[8]!;
      const colour = ihdr[9]!;
      const allowed: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
      if (width === 0 || height === 0 || !allowed[colour]?.includes(depth)) fail(M, 'bad image header');
    } else if (type === 'IHDR') fail(M, 'second IHDR');
    if (type === 'IDAT') idat++;
    phase = type === 'IEND' ? 'done' : 'header';
    header = [];
    crcBytes = [];
  };
  return {
    push(chunk) {
      let i = 0;
      while (sig < 8 && i < chunk.length) {
        if (chunk[i++] !== PNG_SIGNATURE[sig++]) fail(M, 'bad signature');
      }
      while (i < chunk.length) {
        if (phase === 'done') fail(M, 'data after IEND');
        if (phase === 'header') {
          header.push(chunk[i++]!);
          if (header.length === 8) {
            left = ((header[0]! << 24) | (header[1]! << 16) | (header[2]! << 8) | header[3]!) >>> 0;
            if (left > 0x7fffffff) fail(M, 'chunk too long');
            const typeBytes = Buffer.from(header.slice(4, 8));
            type = typeBytes.toString('latin1');
            if (!/^[A-Za-z]{4}$/.test(type)) fail(M, 'bad chunk type');
            if (chunks === 0 && type !== 'IHDR') fail(M, 'IHDR must come first');
            if (type === 'IEND' && left !== 0) fail(M, 'IEND with data');
            crc = crc32(typeBytes);
            ihdr = [];
            phase = left === 0 ? 'crc' : 'data';
          }
        } else if (phase === 'data') {
          const take = Math.min(left, chunk.length - i);
          const part = chunk.subarray(i, i + take);
          crc = crc32(part, crc);
          if (type === 'IHDR') for (const b of part) if (ihdr.length < 14) ihdr.push(b);
          i += take;
          left -= take;
          if (left === 0) phase = 'crc';
        } else {
          crcBytes.push(chunk[i++]!);
          if (crcBytes.length === 4) finishChunk();
        }
      }
    },
    end() {
      if (phase !== 'done') fail(M, 'no IEND');
      if (idat === 0) fail(M, 'no image data');
    },
  };
}

// ── WebP ────────────────────────────────────────────────────────────────────────────────────

function webpValidator(): Validator {
  const M: EvidenceMime = 'image/webp';
  const riff: number[] = [];
  let riffSize = 0;
  let header: number[] = [];
  let left = 0;
  let pad = 0;
  let first: { type: string; data: number[] } | null = null;
  let chunks = 0;
  let consumed = 0;
  const checkFirst = () => {
    if (!first) return;
    const d = first.data;
    if (first.type === 'VP8 ') {
      if (d.length < 10 || (d[0]! & 1) !== 0 || d[3] !== 0x9d || d[4] !== 0x01 || d[5] !== 0x2a) fail(M, 'bad VP8 key frame');
      const width = ((d[7]! << 8) | d[6]!) & 0x3fff;
      const height = ((d[9]! << 8) | d[8]!) & 0x3fff;
      if (width === 0 || height === 0) fail(M, 'bad VP8 size');
    } else if (first.type === 'VP8L') {
      if (d.length < 1 || d[0] !== 0x2f) fail(M, 'bad VP8L signature');
    } else if (first.type === 'VP8X') {
      if (d.length < 10) fail(M, 'short VP8X');
    } else fail(M, `unexpected first chunk ${first.type}`);
  };
  return {
    push(chunk) {
      let i = 0;
      while (riff.length < 12 && i < chunk.length) riff.push(chunk[i++]!);
      if (riff.length === 12 && riffSize === 0) {
        riffSize = (riff[4]! | (riff[5]! << 8) | (riff[6]! << 16) | (riff[7]! << 24)) >>> 0;
        if (riffSize < 4) fail(M, 'bad RIFF size');
        consumed = 4; // "WEBP"
      }
      while (i < chunk.length) {
        if (pad > 0) {
          i++;
          pad--;
          consumed++;
          continue;
        }
        if (left === 0) {
          header.push(chunk[i++]!);
          consumed++;
          if (header.length === 8) {
            const type = Buffer.from(header.slice(0, 4)).toString('latin1');
            left = (header[4]! | (header[5]! << 8) | (header[6]! << 16) | (header[7]! << 24)) >>> 0;
            pad = left % 2;
            chunks++;
            if (chunks === 1) first = { type, data: [] };
            if (consumed + left + pad > riffSize) fail(M, 'chunk runs past the RIFF container');
            header = [];
            if (left === 0) checkFirst();
          }
          continue;
        }
        const take = Math.min(left, chunk.length - i);
        if (chunks === 1 && first && first.data.length < 16) {
          for (let k = 0; k < take && first.data.length < 16; k++) first.data.push(chunk[i + k]!);
        }
        i += take;
        left -= take;
        consumed += take;
        if (left === 0 && chunks === 1) checkFirst();
      }
    },
    end(size) {
      if (riff.length < 12 || size !== riffSize + 8) fail(M, 'RIFF size is not the file size');
      if (chunks === 0 || left !== 0 || header.length !== 0 || pad !== 0) fail(M, 'truncated chunk');
    },
  };
}

// ── PDF ─────────────────────────────────────────────────────────────────────────────────────

function pdfValidator(): Validator {
  const M: EvidenceMime = 'application/pdf';
  let head = '';
  let tail = Buffer.alloc(0);
  let carry = Buffer.alloc(0);
  let carryAt = 0;
  /** Offsets where an `xref` keyword or an object header (`n g obj`) starts. */
  const anchors = new Set<number>();
  const ANCHOR = /(?:^|[\r\n\s])(xref|\d+\s+\d+\s+obj)\b/g;
  return {
    push(chunk, offset) {
      if (head.length < 16) head += chunk.subarray(0, 16 - head.length).toString('latin1');
      const text = Buffer.concat([carry, chunk]);
      const base = carry.length ? carryAt : offset;
      const s = text.toString('latin1');
      ANCHOR.lastIndex = 0;
      for (let m = ANCHOR.exec(s); m; m = ANCHOR.exec(s)) anchors.add(base + m.index + m[0].length - m[1]!.length);
      const keep = Math.min(64, text.length);
      carry = Buffer.from(text.subarray(text.length - keep));
      carryAt = base + text.length - keep;
      tail = Buffer.concat([tail, chunk]);
      if (tail.length > 2048) tail = Buffer.from(tail.subarray(tail.length - 1024));
    },
    end(size) {
      if (!/^%PDF-[12]\.\d/.test(head)) fail(M, 'bad header');
      const t = tail.subarray(Math.max(0, tail.length - 1024)).toString('latin1');
      const eof = t.lastIndexOf('%%EOF');
      if (eof < 0) fail(M, 'no %%EOF');
      const m = /startxref\s+(\d+)\s*$/.exec(t.slice(0, eof));
      if (!m) fail(M, 'no startxref before %%EOF');
      const at = Number(m![1]);
      if (!(at > 0 && at < size)) fail(M, 'startxref outside the file');
      // Writers differ on the end of line before the keyword: a byte or two of slack.
      if (![0, 1, 2].some((d) => anchors.has(at + d))) fail(M, 'startxref does not point at a cross-reference');
    },
  };
}

const validators: Record<EvidenceMime, () => Validator> = {
  'image/jpeg': jpegValidator,
  'image/png': pngValidator,
  'image/webp': webpValidator,
  'application/pdf': pdfValidator,
};

/**
 * A pass-through stream that sniffs the type from the first bytes and validates the structure as
 * the bytes go by; it errors (FileCheckError) as soon as the file is known to be bad, or at its
 * end. `mime` is set once known.
 */
export class FileCheck extends Transform {
  mime: EvidenceMime | null = null;
  private head = Buffer.alloc(0);
  private validator: Validator | null = null;
  private size = 0;

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    try {
      if (!this.validator) {
        this.head = Buffer.concat([this.head, chunk]);
        if (this.head.length >= 16) this.start();
      } else {
        this.validator.push(chunk, this.size);
        this.size += chunk.length;
      }
      done(null, chunk);
    } catch (e) {
      done(e as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      if (!this.validator) this.start();
      this.validator!.end(this.size);
      done();
    } catch (e) {
      done(e as Error);
    }
  }

  private start(): void {
    this.mime = sniffMime(this.head.subarray(0, 16));
    if (!this.mime) throw new FileCheckError(null, 'unknown type');
    this.validator = validators[this.mime]();
    this.validator.push(this.head, 0);
    this.size = this.head.length;
  }
}

/** Checks a whole buffer (tests, imports of small files). */
export function checkFileBuffer(buf: Buffer): { ok: true; mime: EvidenceMime } | { ok: false; mime: EvidenceMime | null; reason: string } {
  const mime = sniffMime(buf.subarray(0, 16));
  if (!mime) return { ok: false, mime: null, reason: 'unknown type' };
  try {
    const v = validators[mime]();
    v.push(buf, 0);
    v.end(buf.length);
    return { ok: true, mime };
  } catch (e) {
    if (e instanceof FileCheckError) return { ok: false, mime, reason: e.message };
    throw e;
  }
}

/** What `putChecked` needs of a multipart file part. */
export interface UploadPart {
  file: Readable & { truncated?: boolean };
  mimetype?: string;
}

/**
 * Streams an uploaded part through `FileCheck` into the store: nothing is committed unless the
 * file is whole and well formed. Refusals are translated AppErrors: 415 for an unknown type or a
 * broken structure, 413 for a file over the limit. The part is drained on any refusal.
 */
export async function putChecked(store: EvidenceStore, part: UploadPart, limit: number): Promise<{ stored: Stored; mime: EvidenceMime }> {
  const check = new FileCheck();
  // The check may fail before the store has attached to it (the store first prepares its staging
  // place): the error is kept on the stream (`errored`) and the store's pipeline reports it.
  check.on('error', () => undefined);
  part.file.on('error', (e) => check.destroy(e));
  part.file.pipe(check);
  try {
    const stored = await store.put(check, {
      beforeCommit() {
        if (part.file.truncated) throw new AppError('request.too_large', { limit });
      },
    });
    return { stored, mime: check.mime! };
  } catch (e) {
    part.file.unpipe(check);
    part.file.resume();
    if (part.file.truncated) throw new AppError('request.too_large', { limit });
    if (e instanceof FileCheckError) {
      if (!e.mime) throw new AppError('request.unsupported_type', { type: part.mimetype || 'application/octet-stream' });
      throw new AppError('request.corrupt_file', { type: e.mime, reason: e.message });
    }
    throw e;
  }
}
