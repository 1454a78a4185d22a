// A minimal POSIX ustar writer and reader for the backup archive: regular files only, names up
// to 100 bytes, sizes known before each entry is written. Enough for `pantau backup` and
// `pantau restore`, and readable by `tar -tvf` / `tar -xf`.
import { createReadStream, type ReadStream } from 'node:fs';
import type { Readable, Writable } from 'node:stream';

const BLOCK = 512;

function header(name: string, size: number, mtime: Date): Buffer {
  const h = Buffer.alloc(BLOCK, 0);
  const nameBytes = Buffer.from(name, 'utf8');
  if (nameBytes.length > 100) throw new Error(`tar name too long: ${name}`);
  nameBytes.copy(h, 0);
  const octal = (n: number, width: number) => `${n.toString(8).padStart(width - 1, '0')}\0`;
  h.write(octal(0o644, 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii');
  h.write(octal(0, 8), 116, 'ascii');
  h.write(octal(size, 12), 124, 'ascii');
  h.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 'ascii');
  h.write('        ', 148, 'ascii');
  h.write('0', 156, 'ascii');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return h;
}

const write = (out: Writable, chunk: Buffer) =>
  new Promise<void>((resolve, reject) => {
    if (out.write(chunk)) resolve();
    else {
      const done = (err?: Error) => {
        out.off('drain', done);
        out.off('error', done);
        if (err) reject(err);
        else resolve();
      };
      out.on('drain', done);
      out.on('error', done);
    }
  });

export class TarWriter {
  constructor(private readonly out: Writable) {}

  /** One entry from a stream of exactly `size` bytes. */
  async add(name: string, size: number, source: Readable | Buffer, mtime = new Date()): Promise<void> {
    await write(this.out, header(name, size, mtime));
    let written = 0;
    if (Buffer.isBuffer(source)) {
      await write(this.out, source);
      written = source.length;
    } else {
      for await (const chunk of source) {
        const b = chunk as Buffer;
        written += b.length;
        await write(this.out, b);
      }
    }
    if (written !== size) throw new Error(`tar entry ${name}: ${written} bytes, ${size} announced`);
    const pad = (BLOCK - (size % BLOCK)) % BLOCK;
    if (pad) await write(this.out, Buffer.alloc(pad, 0));
  }

  async addFile(name: string, path: string, size: number): Promise<void> {
    const stream: ReadStream = createReadStream(path);
    await this.add(name, size, stream);
  }

  async finish(): Promise<void> {
    await write(this.out, Buffer.alloc(BLOCK * 2, 0));
    await new Promise<void>((resolve, reject) => this.out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  }
}

/** Reads the entries of a tar stream in order; `onEntry` gets each entry's whole content. */
export async function readTar(source: Readable, onEntry: (name: string, data: Buffer) => Promise<void>): Promise<void> {
  let chunks: Buffer[] = [];
  let length = 0;
  let pending: { name: string; size: number } | null = null;
  const take = (n: number): Buffer => {
    const all = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length);
    const out = all.subarray(0, n);
    const rest = all.subarray(n);
    chunks = rest.length ? [rest] : [];
    length = rest.length;
    return out;
  };
  for await (const chunk of source) {
    chunks.push(chunk as Buffer);
    length += (chunk as Buffer).length;
    for (;;) {
      if (!pending) {
        if (length < BLOCK) break;
        const h = take(BLOCK);
        if (h.every((b) => b === 0)) continue;
        const name = h.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
        const size = Number.parseInt(h.subarray(124, 136).toString('ascii').replace(/\0.*$/s, '').trim() || '0', 8);
        pending = { name, size };
      }
      const padded = pending.size + ((BLOCK - (pending.size % BLOCK)) % BLOCK);
      if (length < padded) break;
      const data = Buffer.from(take(padded).subarray(0, pending.size));
      const entry = pending;
      pending = null;
      await onEntry(entry.name, data);
    }
  }
  if (pending) throw new Error(`tar: ${pending.name} is cut short`);
}
