// Signed checkpoints of the audit chain's head, kept OUTSIDE the audit table: whoever can delete
// rows can usually not also rewrite a file in the data directory (or an object store) signed with
// a key they do not hold. `verifyAudit` then refuses a chain that no longer reaches the latest
// checkpoint (its newest events were deleted, or the table was truncated) or that reaches it with
// another hash (rewritten).
//
// The server writes a checkpoint shortly after every write request, every minute while the head
// moves (background jobs) and when it stops; `pantau` commands that write do it when they finish.
// A checkpoint only ever moves FORWARD along the same chain: if the stored one names an event the
// table no longer holds, or holds with another hash, it is kept as evidence and nothing is written.
import { mkdirSync, openSync, closeSync, fsyncSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { eq, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../db/client.ts';
import { type AuditCheckpoint, auditHead, auditKey, checkpointSignatureOk, signCheckpoint } from './queries.ts';
import { auditEvents } from './schema.ts';

/** Where checkpoints live: a file in the data directory here; an object store can implement it too. */
export interface CheckpointStore {
  /** Shown to operators (CLI, banner). */
  readonly where: string;
  read(): Promise<AuditCheckpoint | null>;
  write(c: AuditCheckpoint): Promise<void>;
}

/** `$DATA_DIR/audit/checkpoint.json`, replaced atomically (temp file, fsync, rename, fsync of the directory). */
export class FileCheckpointStore implements CheckpointStore {
  readonly where: string;
  constructor(dataDir: string) {
    this.where = join(dataDir, 'audit', 'checkpoint.json');
  }

  async read(): Promise<AuditCheckpoint | null> {
    let text: string;
    try {
      text = readFileSync(this.where, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    const c = JSON.parse(text) as AuditCheckpoint;
    return { seq: Number(c.seq), hash: String(c.hash), at: String(c.at), mac: String(c.mac) };
  }

  async write(c: AuditCheckpoint): Promise<void> {
    const dir = dirname(this.where);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const tmp = `${this.where}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(c, null, 2)}\n`, { mode: 0o600 });
    const fd = openSync(tmp, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, this.where);
    const dfd = openSync(dir, 'r');
    try {
      fsyncSync(dfd);
    } finally {
      closeSync(dfd);
    }
  }
}

export type CheckpointOutcome = 'written' | 'unchanged' | 'refused';

/**
 * Signs the current head and stores it, unless nothing moved, or the stored checkpoint is not an
 * ancestor of the current head (then the stored one is kept as the evidence it is: 'refused').
 */
export async function writeCheckpoint(db: Db, store: CheckpointStore, now = new Date(), key = auditKey()): Promise<CheckpointOutcome> {
  const head = await auditHead(db);
  const previous = await store.read();
  if (previous) {
    if (!checkpointSignatureOk(previous, key)) return 'refused';
    if (previous.seq === head.seq && previous.hash === head.hash) return 'unchanged';
    if (previous.seq > head.seq) return 'refused';
    if (previous.seq > 0) {
      const [row] = await db.select({ hash: auditEvents.hash }).from(auditEvents).where(eq(auditEvents.seq, previous.seq)).limit(1);
      if (!row || row.hash !== previous.hash) return 'refused';
    }
  } else if (head.seq === 0) {
    return 'unchanged';
  }
  await store.write(signCheckpoint(head, now, key));
  return 'written';
}

/**
 * Writes checkpoints for a running server: `soon()` after a write request (coalesced), a
 * periodic pass for writes made outside requests, and a last one at `stop()`. Failures are
 * reported through `onError`, never thrown into a request.
 */
export class Checkpointer {
  private timer: NodeJS.Timeout | undefined;
  private interval: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private refusedReported = false;

  constructor(
    private readonly db: Db,
    readonly store: CheckpointStore,
    private readonly key: Buffer,
    private readonly onError: (err: unknown, outcome?: CheckpointOutcome) => void,
    private readonly delayMs = 250,
    everyMs = 60_000,
  ) {
    this.interval = setInterval(() => this.soon(), everyMs);
    this.interval.unref();
  }

  soon(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.now();
    }, this.delayMs);
    this.timer.unref();
  }

  /** Writes a checkpoint now (after any in flight; a pending `soon` is folded into it). */
  now(): Promise<CheckpointOutcome | 'failed'> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const run = this.running.then(async (): Promise<CheckpointOutcome | 'failed'> => {
      try {
        const outcome = await writeCheckpoint(this.db, this.store, new Date(), this.key);
        if (outcome === 'refused' && !this.refusedReported) {
          this.refusedReported = true;
          this.onError(
            new Error(`the audit checkpoint ${this.store.where} does not match the audit table: run \`pantau audit verify\``),
            outcome,
          );
        }
        return outcome;
      } catch (err) {
        this.onError(err);
        return 'failed';
      }
    });
    this.running = run;
    return run;
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.interval) clearInterval(this.interval);
    this.interval = undefined;
    await this.now();
  }
}

/** The checkpoint store of a data directory (server, CLI). */
export const checkpointStoreFor = (dataDir: string): CheckpointStore => new FileCheckpointStore(dataDir);

/** The checkpoints printed in publication snapshots (publications/queries.ts embeds one in each). */
export async function publicationAnchors(db: Queryable): Promise<AuditCheckpoint[]> {
  const res = (await db.execute(
    sql`select snapshot -> 'auditCheckpoint' as c from publications where snapshot -> 'auditCheckpoint' is not null order by published_at`,
  )) as unknown as { rows: { c: AuditCheckpoint | string }[] };
  return res.rows.map((r) => (typeof r.c === 'string' ? (JSON.parse(r.c) as AuditCheckpoint) : r.c));
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The audit checkpoint store of this server (GET /audit/verify reads it). */
    auditCheckpoints: CheckpointStore;
    /** Writes this server's checkpoints; `now()` signs the head at once (tests, shutdown). */
    auditCheckpointer: Checkpointer;
  }
}

/**
 * The server's checkpoints: one when it is ready (a genesis checkpoint on an empty chain, so a
 * missing file later means it was removed), shortly after each write request, every minute, and a
 * last one when it closes.
 */
export function registerAuditCheckpoints(app: FastifyInstance, store: CheckpointStore, key: Buffer): void {
  const checkpointer = new Checkpointer(app.db as Db, store, key, (err) => app.log.error({ err }, 'audit checkpoint'));
  app.decorate('auditCheckpoints', store);
  app.decorate('auditCheckpointer', checkpointer);
  app.addHook('onReady', async () => {
    if (!(await store.read())) await store.write(signCheckpoint(await auditHead(app.db as Db), new Date(), key));
    await checkpointer.now();
  });
  app.addHook('onResponse', async (req) => {
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS') checkpointer.soon();
  });
  app.addHook('onClose', async () => {
    await checkpointer.stop();
  });
}
