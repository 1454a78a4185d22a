// Content-addressed evidence storage. The interface is what the server needs from any store; the
// directory implementation keeps `<root>/ab/cd/<sha256>`; the S3-compatible one (storage/s3.ts)
// stages to a local file while hashing (`stage`), then uploads to the content key. Nothing above
// these files knows where the bytes live (app.stores, storage/index.ts).
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { access, mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface PutOptions {
  /**
   * Called once with the first bytes (up to 16, fewer for a shorter file) before the content is
   * committed; throwing aborts the upload and nothing is stored.
   */
  inspect?: (head: Buffer) => void;
  /** Called after the last byte, before the content is committed; throwing aborts the upload. */
  beforeCommit?: (size: number) => void;
}

export interface Stored {
  sha256: string;
  size: number;
  /** The first bytes, as given to `inspect`. */
  head: Buffer;
  /** False when identical content was already stored (deduplicated). */
  created: boolean;
}

export interface EvidenceStore {
  /** Streams the content in, hashing as it goes; stores it under its sha256. */
  put(source: Readable, opts?: PutOptions): Promise<Stored>;
  /** The content, or undefined when the hash is unknown. */
  get(sha256: string): Promise<Readable | undefined>;
  has(sha256: string): Promise<boolean>;
  /** The stored size in bytes, or undefined when the hash is unknown. */
  size(sha256: string): Promise<number | undefined>;
}

const HEAD = 16;
const HASH_RE = /^[0-9a-f]{64}$/;

/**
 * Streams `source` into a new file in `tmpDir`, hashing it and showing its first bytes to
 * `inspect`; `beforeCommit` sees the size. On any error the file is removed, the rest of the
 * source drained, and the error thrown. The caller moves or removes the staged file.
 */
export async function stage(
  source: Readable,
  tmpDir: string,
  opts: PutOptions = {},
): Promise<{ path: string; sha256: string; size: number; head: Buffer }> {
  await mkdir(tmpDir, { recursive: true });
  const tmp = join(tmpDir, `${Date.now()}-${randomBytes(8).toString('hex')}`);
  const hash = createHash('sha256');
  let size = 0;
  let head = Buffer.alloc(0);
  let inspected = false;
  const inspect = () => {
    inspected = true;
    opts.inspect?.(head);
  };
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      try {
        if (head.length < HEAD) head = Buffer.concat([head, chunk.subarray(0, HEAD - head.length)]);
        if (!inspected && head.length >= HEAD) inspect();
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      } catch (e) {
        done(e as Error);
      }
    },
    flush(done) {
      try {
        if (!inspected) inspect();
        done();
      } catch (e) {
        done(e as Error);
      }
    },
  });
  const out = createWriteStream(tmp, { flags: 'wx' });
  try {
    await pipeline(source, tap, out);
    opts.beforeCommit?.(size);
    return { path: tmp, sha256: hash.digest('hex'), size, head };
  } catch (e) {
    // A refusal can come before the file is even opened: wait until the write stream has closed,
    // or the open would create the file after it was removed (a stray file in tmp/).
    if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()));
    await rm(tmp, { force: true });
    // Drain what the client still sends so the request can be answered.
    source.resume();
    throw e;
  }
}

/** Evidence in a directory: `<root>/ab/cd/<sha256>`, staged in `<root>/tmp/` while uploading. */
export class DirectoryEvidenceStore implements EvidenceStore {
  constructor(readonly root: string) {}

  pathOf(sha256: string): string {
    if (!HASH_RE.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(source: Readable, opts: PutOptions = {}): Promise<Stored> {
    const staged = await stage(source, join(this.root, 'tmp'), opts);
    try {
      const { sha256, size, head } = staged;
      if (await this.has(sha256)) return { sha256, size, head, created: false };
      const dest = this.pathOf(sha256);
      await mkdir(join(dest, '..'), { recursive: true });
      await rename(staged.path, dest);
      return { sha256, size, head, created: true };
    } finally {
      await rm(staged.path, { force: true });
    }
  }

  async get(sha256: string): Promise<Readable | undefined> {
    if (!(await this.has(sha256))) return undefined;
    return createReadStream(this.pathOf(sha256));
  }

  async has(sha256: string): Promise<boolean> {
    if (!HASH_RE.test(sha256)) return false;
    try {
      await access(this.pathOf(sha256));
      return true;
    } catch {
      return false;
    }
  }

  async size(sha256: string): Promise<number | undefined> {
    try {
      return (await stat(this.pathOf(sha256))).size;
    } catch {
      return undefined;
    }
  }
}

/** Keeps a display name safe for a Content-Disposition header and a file system. */
export const cleanName = (name: string | undefined): string =>
  (name ?? 'bukti')
    .replace(/[\\/]/g, '_')
    .replace(/[^\p{L}\p{N}._ ()-]/gu, '_')
    .slice(0, 200) || 'bukti';

// ── File types by magic bytes ───────────────────────────────────────────────────────────────

export type EvidenceMime = 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';

/** The type the content really has (JPEG, PNG, WebP, PDF), or null for anything else. */
export function sniffMime(head: Buffer): EvidenceMime | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (head.length >= 12 && head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  if (head.length >= 5 && head.toString('latin1', 0, 5) === '%PDF-') return 'application/pdf';
  return null;
}

export const extensionOf: Record<EvidenceMime, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
};
