/**
 * A pool of render worker threads (size = available cores by default) for report packs and the
 * benchmark: each worker renders one PDF at a time; tasks queue in order. A single rapor for a
 * request is rendered in-process (pool start-up costs more than one PDF).
 *
 * Memory: a worker holds one document at a time; callers bound how many tasks they keep in
 * flight (see `mapBounded`), so a pack of any size keeps a few PDFs in memory at once.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Scheme } from '../../core/types.ts';
import type { SnapshotRaporArgs } from './from-snapshot.ts';
import type { GovernmentLayout } from './rapor.ts';
import type { PiagamInput, RaporInput } from './types.ts';

/**
 * Heap limits of a render worker. A rapor needs a few MB of live heap; without a limit V8 lets
 * each thread's heap grow to hundreds of MB of garbage before collecting, which is what would
 * break the 500 MB budget with several threads. Young generation small: pdfmake makes many
 * short-lived objects, and a small nursery is collected often and cheaply.
 */
const WORKER_LIMITS = {
  maxOldGenerationSizeMb: Number(process.env.PANTAU_RENDER_HEAP_MB ?? 96),
  maxYoungGenerationSizeMb: Number(process.env.PANTAU_RENDER_YOUNG_MB ?? 8),
};

export type RenderTask =
  | { kind: 'rapor'; input: RaporInput; layout?: GovernmentLayout }
  | { kind: 'piagam'; input: PiagamInput }
  | { kind: 'snapshot-rapor'; schemeKey: string; args: SnapshotRaporArgs; layout?: GovernmentLayout };

export interface TaskMessage {
  id: number;
  task: RenderTask;
  /** Sent with the first task of a scheme key to each worker. */
  scheme?: { key: string; scheme: Scheme };
}

type Reply = { id: number; ok: true; pdf: Uint8Array; rss: number } | { id: number; ok: false; error: string };

interface Slot {
  worker: Worker;
  busy: boolean;
  schemes: Set<string>;
}

interface Pending {
  id: number;
  task: RenderTask;
  resolve: (pdf: Buffer) => void;
  reject: (err: Error) => void;
}

export class RenderPool {
  readonly size: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private readonly inFlight = new Map<number, { slot: Slot; p: Pending }>();
  private readonly schemes = new Map<string, Scheme>();
  private next = 1;
  private closed = false;

  constructor(size = availableParallelism()) {
    this.size = Math.max(1, size);
    for (let k = 0; k < this.size; k++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const worker = new Worker(new URL('./render-worker.mjs', import.meta.url), { resourceLimits: WORKER_LIMITS });
    const slot: Slot = { worker, busy: false, schemes: new Set() };
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const entry = this.inFlight.get(reply.id);
      if (entry === undefined) return;
      this.inFlight.delete(reply.id);
      slot.busy = false;
      if (reply.ok) entry.p.resolve(Buffer.from(reply.pdf.buffer, reply.pdf.byteOffset, reply.pdf.byteLength));
      else entry.p.reject(new Error(reply.error));
      this.pump();
    });
    worker.on('error', (err) => this.fail(slot, err));
    worker.on('exit', (code) => {
      if (!this.closed) this.fail(slot, new Error(`render worker exited (${code})`));
    });
    return slot;
  }

  /** A worker died: fail its task and replace it, so the pool keeps its size. */
  private fail(slot: Slot, err: Error): void {
    for (const [id, entry] of this.inFlight) {
      if (entry.slot !== slot) continue;
      this.inFlight.delete(id);
      entry.p.reject(err);
    }
    const k = this.slots.indexOf(slot);
    if (k !== -1 && !this.closed) {
      void slot.worker.terminate();
      this.slots[k] = this.spawn();
      this.pump();
    }
  }

  /** Make a scheme known under `key` (sent to each worker with its first task that needs it). */
  addScheme(key: string, scheme: Scheme): void {
    this.schemes.set(key, scheme);
  }

  render(task: RenderTask): Promise<Buffer> {
    if (this.closed) return Promise.reject(new Error('render pool is closed'));
    return new Promise<Buffer>((resolve, reject) => {
      this.queue.push({ id: this.next++, task, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.busy) continue;
      const p = this.queue.shift();
      if (p === undefined) return;
      const msg: TaskMessage = { id: p.id, task: p.task };
      if (p.task.kind === 'snapshot-rapor' && !slot.schemes.has(p.task.schemeKey)) {
        const scheme = this.schemes.get(p.task.schemeKey);
        if (scheme === undefined) {
          p.reject(new Error(`render pool: scheme ${p.task.schemeKey} was not added`));
          continue;
        }
        msg.scheme = { key: p.task.schemeKey, scheme };
        slot.schemes.add(p.task.schemeKey);
      }
      slot.busy = true;
      this.inFlight.set(p.id, { slot, p });
      slot.worker.postMessage(msg);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new Error('render pool is closed'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

let shared: RenderPool | null = null;

/** The process-wide pool (report packs), started on first use; its threads do not keep the process alive. */
export function sharedPool(): RenderPool {
  shared ??= new RenderPool();
  return shared;
}

export async function closeSharedPool(): Promise<void> {
  const p = shared;
  shared = null;
  await p?.close();
}

/**
 * Run `fn` over `items` with at most `limit` in flight, handing each result to `sink` in the
 * order the items were given (sink calls are sequential). Keeps memory bounded: at most `limit`
 * results wait for the sink.
 */
export async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
  sink: (result: R, index: number) => Promise<void> | void,
): Promise<void> {
  const started: Promise<R>[] = [];
  let next = 0;
  const launch = (): void => {
    while (next < items.length && next - doneCount < limit) {
      const k = next++;
      started[k] = fn(items[k]!, k);
      started[k]!.catch(() => undefined);
    }
  };
  let doneCount = 0;
  launch();
  for (let k = 0; k < items.length; k++) {
    const r = await started[k]!;
    delete started[k];
    doneCount++;
    launch();
    await sink(r, k);
  }
}
