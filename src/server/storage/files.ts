// Named files that any instance must be able to read back: a background job's result (a report
// pack, an export) and a job's input. `<root>/<key>` in a directory (the data directory: job files
// stay where they always were, `jobs/<id>`), or an object under the same key in S3 (s3.ts).
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';

export interface FileStore {
  /** Stores the local file `path` under `key` (replacing any earlier one). */
  putFile(key: string, path: string): Promise<void>;
  /** The file's bytes and size, or undefined when there is none. */
  getFile(key: string): Promise<{ stream: Readable; size: number } | undefined>;
  deleteFile(key: string): Promise<void>;
}

const KEY_RE = /^[a-z0-9][a-z0-9._/-]{0,200}$/;
export function checkKey(key: string): string {
  if (!KEY_RE.test(key) || key.includes('..')) throw new Error(`not a file key: ${key}`);
  return key;
}

export class DirectoryFileStore implements FileStore {
  constructor(readonly root: string) {}

  pathOf(key: string): string {
    return join(this.root, checkKey(key));
  }

  async putFile(key: string, path: string): Promise<void> {
    const dest = this.pathOf(key);
    if (dest === path) return;
    await mkdir(dirname(dest), { recursive: true });
    await copyFile(path, dest);
  }

  async getFile(key: string): Promise<{ stream: Readable; size: number } | undefined> {
    const path = this.pathOf(key);
    try {
      const { size } = await stat(path);
      return { stream: createReadStream(path), size };
    } catch {
      return undefined;
    }
  }

  async deleteFile(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}
