// Resumable evidence uploads (issue 13 §3) on the tus 1.0.0 protocol — core, creation and
// termination — so a photo sent over a failing connection continues where it stopped instead of
// starting again. The bytes of an unfinished upload wait in `<dataDir>/uploads/<id>` beside its
// description `<id>.json` (who, for which unit/record/indicator, how long, the hash the device
// computed); the offset is the file's size, so whatever arrived before a connection broke counts.
// When the last byte arrives the file goes through the same structural check, size limit and
// content-addressed store as a multipart upload (`putChecked`), is linked (and audited) like one,
// and the partial file is removed; the description keeps the evidence id, so repeating the last
// request answers the same evidence (idempotent). A unit's library document (issue 12 §3) is sent
// the same way (`target library`): its file ends in the same store and the document is made
// instead of an evidence link. Nothing here knows HTTP: routes.ts speaks tus.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { EvidenceUploadFields } from '../../shared/wire/evidence.ts';
import type { LibraryUploadFields } from '../../shared/wire/library-docs.ts';

export const TUS_VERSION = '1.0.0';
export const OFFSET_STREAM = 'application/offset+octet-stream';

const ID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export interface UploadInfo {
  id: string;
  /** The account that created it: only it may continue, inspect or end the upload. */
  owner: string;
  length: number;
  /** What the finished file becomes: evidence of a unit in a cycle (absent), or a document of a unit's library. */
  target?: 'library';
  fields: EvidenceUploadFields | LibraryUploadFields;
  filename: string;
  /** The sha256 the device computed (hex), checked against the bytes received; null = not given. */
  sha256: string | null;
  createdAt: string;
  /** Set once the upload completed: the evidence link it made … */
  evidenceId?: string;
  /** … or the library document. */
  documentId?: string;
}

/** An upload becoming evidence (its fields are the evidence upload's). */
export type EvidenceUpload = UploadInfo & { target?: undefined; fields: EvidenceUploadFields };
/** An upload becoming a library document. */
export type LibraryUpload = UploadInfo & { target: 'library'; fields: LibraryUploadFields };
export const isLibraryUpload = (info: UploadInfo): info is LibraryUpload => info.target === 'library';
const completed = (info: UploadInfo): boolean => !!(info.evidenceId || info.documentId);

/**
 * `Upload-Metadata`: comma-separated `key base64value` pairs (a key alone means an empty value).
 * Returns null when the header is malformed (bad key, bad base64, a key twice).
 */
export function parseMetadata(header: string | undefined): Record<string, string> | null {
  const out: Record<string, string> = {};
  if (header === undefined || header.trim() === '') return out;
  for (const pair of header.split(',')) {
    const [key, value, extra] = pair.trim().split(' ');
    if (!key || !/^[A-Za-z0-9_.-]{1,64}$/.test(key) || extra !== undefined || key in out) return null;
    if (value === undefined || value === '') {
      out[key] = '';
      continue;
    }
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value) || value.length % 4 !== 0) return null;
    out[key] = Buffer.from(value, 'base64').toString('utf8');
  }
  return out;
}

export class UploadOverflow extends Error {
  constructor() {
    super('more bytes than Upload-Length');
  }
}

/** Unfinished uploads on local disk (any evidence store: the finished file moves into it). */
export class ResumableUploads {
  constructor(private readonly dir: string) {}

  private data(id: string): string {
    return join(this.dir, id);
  }
  private meta(id: string): string {
    return join(this.dir, `${id}.json`);
  }

  async create(info: Omit<UploadInfo, 'id' | 'createdAt'>, now = new Date()): Promise<UploadInfo> {
    await mkdir(this.dir, { recursive: true });
    const full: UploadInfo = { ...info, id: randomUUID(), createdAt: now.toISOString() };
    await writeFile(this.data(full.id), Buffer.alloc(0), { flag: 'wx' });
    await writeFile(this.meta(full.id), JSON.stringify(full));
    return full;
  }

  /** The upload's description, or undefined for an unknown (or malformed) id. */
  async get(id: string): Promise<UploadInfo | undefined> {
    if (!ID_RE.test(id)) return undefined;
    try {
      return JSON.parse(await readFile(this.meta(id), 'utf8')) as UploadInfo;
    } catch {
      return undefined;
    }
  }

  /** Bytes received so far (the whole length once completed). */
  async offset(info: UploadInfo): Promise<number> {
    if (completed(info)) return info.length;
    try {
      return (await stat(this.data(info.id))).size;
    } catch {
      return 0;
    }
  }

  /**
   * Appends `source` at the end of what was received. A connection that breaks mid-body keeps
   * every byte written before it broke (the next HEAD answers that offset). Returns the new
   * offset; throws `UploadOverflow` (after keeping nothing past Upload-Length) when the client
   * sends too much.
   */
  async append(info: UploadInfo, source: Readable): Promise<number> {
    const before = await this.offset(info);
    const max = info.length - before;
    const out = createWriteStream(this.data(info.id), { flags: 'a' });
    let seen = 0;
    let overflow = false;
    try {
      // Read the request to its end even past the length (never destroy it: the reply must still
      // go out — on Node 24 a destroyed request body leaves the reply hanging), writing only
      // what fits.
      for await (const chunk of source) {
        const buf = chunk as Buffer;
        if (overflow) continue;
        if (seen + buf.length > max) {
          overflow = true;
          continue;
        }
        seen += buf.length;
        if (!out.write(buf)) await new Promise<void>((resolve) => out.once('drain', resolve));
      }
    } catch {
      // The client went away (aborted request, broken connection): what arrived stays.
    } finally {
      await new Promise<void>((resolve) => out.end(resolve));
    }
    if (overflow) throw new UploadOverflow();
    return this.offset(info);
  }

  /** The received bytes, for the check and the store. */
  open(info: UploadInfo): Readable {
    return createReadStream(this.data(info.id));
  }

  /** sha256 of the received bytes (hex). */
  async hash(info: UploadInfo): Promise<string> {
    const h = createHash('sha256');
    for await (const chunk of this.open(info)) h.update(chunk as Buffer);
    return h.digest('hex');
  }

  /** The upload made evidence (or a library document): keep the answer, drop the bytes (the store has them now). */
  async complete(info: UploadInfo, made: string | { documentId: string }): Promise<UploadInfo> {
    const done = typeof made === 'string' ? { ...info, evidenceId: made } : { ...info, documentId: made.documentId };
    await writeFile(this.meta(info.id), JSON.stringify(done));
    await rm(this.data(info.id), { force: true });
    return done;
  }

  /**
   * issue 13 §3: deletes unfinished uploads nobody touched for `maxAgeMs` (no byte since, counted
   * from the last byte received or the creation) and stray partial files without a description.
   * Completed uploads keep their small description, so a device asking late still gets its
   * evidence id instead of sending the file again. Only files: no data row changes.
   * Returns the ids removed.
   */
  async sweep(maxAgeMs: number, now = new Date()): Promise<string[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return [];
    }
    const cutoff = now.getTime() - maxAgeMs;
    const removed: string[] = [];
    const described = new Set(names.filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -5)));
    for (const id of described) {
      const info = await this.get(id);
      if (!info || completed(info)) continue;
      const touched = await stat(this.data(id)).then(
        (s) => s.mtimeMs,
        () => 0,
      );
      if (Math.max(touched, Date.parse(info.createdAt)) < cutoff) {
        await this.remove(info);
        removed.push(id);
      }
    }
    for (const name of names) {
      if (name.endsWith('.json') || described.has(name) || !ID_RE.test(name)) continue;
      const s = await stat(this.data(name)).catch(() => null);
      if (s && s.mtimeMs < cutoff) {
        await rm(this.data(name), { force: true });
        removed.push(name);
      }
    }
    return removed;
  }

  /** Ends an upload (termination, or a refused file): nothing of it stays. */
  async remove(info: UploadInfo): Promise<void> {
    await rm(this.data(info.id), { force: true });
    await rm(this.meta(info.id), { force: true });
  }
}
