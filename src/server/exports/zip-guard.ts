/**
 * Checks an uploaded .xlsx (a zip) BEFORE any parser inflates it (issue 15 D5: a 782 KB zip bomb
 * made the workbook parser take 1.35 GB and 15 s). From the central directory: the number of
 * entries and their declared sizes; then every entry is inflated as a stream, counting the real
 * bytes (a bomb can lie in its directory) and the worksheets' rows, and stopped at the first limit.
 * Memory stays at one inflate window and one chunk; the event loop keeps turning between chunks.
 * Internal to this folder.
 */
import { createInflateRaw } from 'node:zlib';

export interface ZipLimits {
  /** Entries in the archive (an .xlsx has 10–40). */
  maxEntries: number;
  /** Bytes of all entries once inflated. */
  maxUncompressed: number;
  /** `<row>` elements over all worksheets. */
  maxRows: number;
}

export const XLSX_LIMITS: ZipLimits = { maxEntries: 1_000, maxUncompressed: 64 * 1024 * 1024, maxRows: 50_000 };

export type ZipCheck =
  | { ok: true; entries: number; uncompressed: number; rows: number }
  | { ok: false; problem: 'entries'; entries: number; max: number }
  | { ok: false; problem: 'size'; size: number; max: number }
  | { ok: false; problem: 'rows'; rows: number; max: number }
  | { ok: false; problem: 'corrupt'; reason: string };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

interface Entry {
  name: string;
  method: number;
  compressed: number;
  declared: number;
  localOffset: number;
}

function centralDirectory(buf: Buffer): Entry[] | string {
  // The end-of-central-directory record: 22 bytes plus a comment of up to 65,535.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return 'no end of central directory';
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const offset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) return 'zip64 archives are not accepted';
  if (offset + size > eocd) return 'central directory out of bounds';
  const entries: Entry[] = [];
  let p = offset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== CENTRAL) return 'bad central directory entry';
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const declared = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    entries.push({ name, method, compressed, declared, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

const ROW = Buffer.from('<row');
const isWorksheet = (name: string) => /^xl\/worksheets\/[^/]+\.xml$/i.test(name);

/** Counts `<row` followed by a space, `>` or `/` in a chunk, carrying a partial match over. */
function rowCounter() {
  let carry = Buffer.alloc(0);
  return (chunk: Buffer): number => {
    const data = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    let n = 0;
    let i = data.indexOf(ROW);
    while (i >= 0 && i + ROW.length < data.length) {
      const next = data[i + ROW.length];
      if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d) n++;
      i = data.indexOf(ROW, i + 1);
    }
    // Keep the tail that may hold the start of a match split over two chunks.
    carry = Buffer.from(data.subarray(Math.max(0, data.length - ROW.length)));
    return n;
  };
}

/** Inflates one entry as a stream, calling `onChunk` per output chunk; false from it stops. */
function inflateEntry(data: Buffer, onChunk: (chunk: Buffer) => boolean): Promise<'done' | 'stopped' | string> {
  return new Promise((resolve) => {
    const inflate = createInflateRaw();
    let settled = false;
    const finish = (r: 'done' | 'stopped' | string) => {
      if (settled) return;
      settled = true;
      resolve(r);
    };
    inflate.on('data', (chunk: Buffer) => {
      if (!onChunk(chunk)) {
        inflate.destroy();
        finish('stopped');
      }
    });
    inflate.on('error', (e) => finish(e.message));
    inflate.on('end', () => finish('done'));
    inflate.on('close', () => finish('done'));
    // Feed in slices so a huge compressed entry does not sit in the inflater's queue at once.
    const SLICE = 64 * 1024;
    let at = 0;
    const feed = () => {
      while (at < data.length && !settled) {
        const ok = inflate.write(data.subarray(at, Math.min(data.length, at + SLICE)));
        at += SLICE;
        if (!ok) {
          inflate.once('drain', feed);
          return;
        }
      }
      if (!settled) inflate.end();
    };
    feed();
  });
}

/** Checks an .xlsx against the limits without building it in memory. */
export async function inspectXlsx(buf: Buffer, limits: ZipLimits = XLSX_LIMITS): Promise<ZipCheck> {
  const entries = centralDirectory(buf);
  if (typeof entries === 'string') return { ok: false, problem: 'corrupt', reason: entries };
  if (entries.length > limits.maxEntries) return { ok: false, problem: 'entries', entries: entries.length, max: limits.maxEntries };
  const declared = entries.reduce((sum, e) => sum + e.declared, 0);
  if (declared > limits.maxUncompressed) return { ok: false, problem: 'size', size: declared, max: limits.maxUncompressed };
  let total = 0;
  let rows = 0;
  for (const e of entries) {
    const at = e.localOffset;
    if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL)
      return { ok: false, problem: 'corrupt', reason: `bad local header for ${e.name}` };
    const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
    if (start + e.compressed > buf.length) return { ok: false, problem: 'corrupt', reason: `${e.name} runs past the end` };
    const data = buf.subarray(start, start + e.compressed);
    const count = isWorksheet(e.name) ? rowCounter() : null;
    let over = null as ZipCheck | null;
    const take = (chunk: Buffer): boolean => {
      total += chunk.length;
      if (total > limits.maxUncompressed) {
        over = { ok: false, problem: 'size', size: total, max: limits.maxUncompressed };
        return false;
      }
      if (count) {
        rows += count(chunk);
        if (rows > limits.maxRows) {
          over = { ok: false, problem: 'rows', rows, max: limits.maxRows };
          return false;
        }
      }
      return true;
    };
    if (e.method === 0) {
      take(data);
    } else if (e.method === 8) {
      const r = await inflateEntry(data, take);
      if (r !== 'done' && r !== 'stopped') return { ok: false, problem: 'corrupt', reason: `${e.name}: ${r}` };
    } else {
      return { ok: false, problem: 'corrupt', reason: `${e.name}: compression method ${e.method}` };
    }
    if (over) return over;
  }
  return { ok: true, entries: entries.length, uncompressed: total, rows };
}
