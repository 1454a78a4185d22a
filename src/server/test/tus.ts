// A tus 1.0.0 client for the db tests of resumable uploads (evidence, library documents): the
// requests a device sends, as a world's user, and the partial uploads left on disk.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { World } from '../seed/test-world.ts';

type Who = Parameters<World['call']>[0];

const TUS = { 'tus-resumable': '1.0.0' };

/** `Upload-Metadata`: each key with its value in base64. */
export const uploadMetadata = (m: Record<string, string>): string =>
  Object.entries(m)
    .map(([k, v]) => `${k} ${Buffer.from(v, 'utf8').toString('base64')}`)
    .join(',');

/** `world` and `dataDir` are read at each call (tests set them up in `beforeAll`). */
export function tusClient(world: () => World, dataDir: () => string) {
  return {
    /** POST /uploads: a new upload of `length` bytes (`headers`: e.g. accept-language). */
    create: (who: Who, length: number, meta: Record<string, string>, headers: Record<string, string> = {}) =>
      world().call(who, {
        method: 'POST',
        url: '/api/v1/uploads',
        headers: { ...TUS, 'upload-length': String(length), 'upload-metadata': uploadMetadata(meta), ...headers },
      }),
    /** PATCH: `bytes` at `offset`. */
    patch: (who: Who, url: string, offset: number, bytes: Buffer) =>
      world().call(who, {
        method: 'PATCH',
        url,
        headers: { ...TUS, 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' },
        payload: bytes,
      }),
    /** HEAD: the offset the server has. */
    head: (who: Who, url: string) => world().call(who, { method: 'HEAD', url, headers: TUS }),
    /** The partial uploads kept in the data directory (their metadata files left out). */
    partials: () =>
      existsSync(join(dataDir(), 'uploads')) ? readdirSync(join(dataDir(), 'uploads')).filter((f) => !f.endsWith('.json')) : [],
  };
}
