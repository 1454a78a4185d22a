// Power-loss durability for the embedded database (issue 15 D7).
//
// PGlite 0.5.16 starts PostgreSQL with `-F` (fsync off), and the Emscripten file system it mounts
// on a Node directory (NODEFS) has no `fsync` operation: PostgreSQL's fsync() ends in a no-op, so
// an acknowledged commit may sit in the OS page cache when the power goes. What PGlite does offer
// is enough to fix that from the outside:
//  - `startParams` (the postgres command line) — we pass the defaults without `-F`, so PostgreSQL
//    fsyncs the WAL at every commit and the data files at every checkpoint; and
//    `wal_sync_method=fsync`, because Emscripten's fdatasync() is a no-op that never reaches the
//    file system, while fsync() calls the stream's `fsync` operation;
//  - the NODEFS module object, reachable from a `Filesystem`'s `preRun` hook — we give its stream
//    operations the missing `fsync`: `fs.fsyncSync` on the real file descriptor.
// `bench/durability.ts` proves it with strace: one fsync per commit (0 with PGlite's defaults).
// `relaxedDurability` and `syncToFs` only concern PGlite's browser storages and do not help here.
import { fsyncSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

type InitResult = Awaited<ReturnType<NodeFS['init']>>;

/** Counts the fsync calls made through the patched file system (tests; the bench uses strace). */
export const fsyncCounter = { calls: 0 };

/** NODEFS with a working fsync (see the file comment). */
export class DurableNodeFS extends NodeFS {
  override async init(pg: PGlite, opts: Parameters<NodeFS['init']>[1]): Promise<InitResult> {
    const result = await super.init(pg, opts);
    const preRun = [...(result.emscriptenOpts.preRun ?? [])];
    preRun.push((mod) => {
      const streamOps = (mod.NODEFS as unknown as { stream_ops: Record<string, unknown> }).stream_ops;
      streamOps.fsync = (stream: { nfd?: number }) => {
        if (typeof stream.nfd === 'number') {
          fsyncSync(stream.nfd);
          fsyncCounter.calls++;
        }
        return 0;
      };
    });
    return { emscriptenOpts: { ...result.emscriptenOpts, preRun } };
  }
}

/** PGlite's own start parameters with fsync on and a WAL sync method Emscripten implements. */
export function durableStartParams(): string[] {
  return [...PGlite.defaultStartParams.filter((p) => p !== '-F'), '-c', 'wal_sync_method=fsync'];
}
