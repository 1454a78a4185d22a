// Group commit of public survey responses (issue 11 §8, results-day campaigns). Concurrent
// requests hand their checked response to this process's batcher; it gathers them for a few
// milliseconds (or while the previous batch commits) and stores each survey's share with
// storeResponses — one lock, one read of the earlier responses, one engine pass, one insert — in
// ONE transaction for the batch. One batch at a time: the next is judged against everything the
// previous one stored (two batches of one survey at once could commit out of time order and let
// a device's later response pass before its earlier one is stored). A request is answered only
// after its batch committed: an acknowledged response is never lost. If the batch transaction
// fails, its responses are retried one by one (one transaction each): one bad response fails alone.
import type { Scheme, SurveyFlag } from '../../core/types.ts';
import type { Db } from '../db/client.ts';
import { type IncomingResponse, type StoreOutcome, type SurveyRow, recountF03, storeResponses } from './queries.ts';

/** Who stored anonymous responses, in the audit of an F-03 recount. */
const PUBLIC = { id: null, username: 'public' };

const acceptedIn = (outs: readonly StoreOutcome[]) => outs.filter((o) => !('error' in o) && o.accepted).length;

export interface BatchRule {
  /** Most responses in one transaction. */
  max: number;
  /** How long the first response of a batch waits for others when no batch is committing. */
  delayMs: number;
}

interface Pending {
  scheme: Scheme;
  survey: SurveyRow;
  response: IncomingResponse;
  resolve: (v: { accepted: boolean; flags: SurveyFlag[] }) => void;
  reject: (e: unknown) => void;
}

export class ResponseBatcher {
  private queue: Pending[] = [];
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly rule: BatchRule,
  ) {}

  /** Stores a response with its batch; resolves with its verdict once the batch committed. */
  submit(scheme: Scheme, survey: SurveyRow, response: IncomingResponse): Promise<{ accepted: boolean; flags: SurveyFlag[] }> {
    return new Promise((resolve, reject) => {
      this.queue.push({ scheme, survey, response, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves when nothing is waiting or being stored (the app's onClose, before the pool ends). */
  async drain(): Promise<void> {
    while (this.running !== null || this.queue.length > 0) {
      if (this.running === null) this.start();
      await this.running;
    }
  }

  private schedule(): void {
    // A committing batch takes the queue when it ends; a full queue goes at once.
    if (this.running !== null) return;
    if (this.queue.length >= this.rule.max) this.start();
    else this.timer ??= setTimeout(() => this.start(), this.rule.delayMs);
  }

  private start(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.running !== null || this.queue.length === 0) return;
    const batch = this.queue.splice(0, this.rule.max);
    this.running = this.store(batch).finally(() => {
      this.running = null;
      // Whatever gathered meanwhile has waited a whole batch already: it goes now.
      if (this.queue.length > 0) this.start();
    });
  }

  private async store(batch: Pending[]): Promise<void> {
    const groups = new Map<string, Pending[]>();
    for (const p of batch) {
      const g = groups.get(p.survey.id);
      if (g) g.push(p);
      else groups.set(p.survey.id, [p]);
    }
    // Surveys in a fixed order: two instances' batches take the survey locks in the same order.
    const ordered = [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, g]) => g);
    let outcomes: Map<Pending, StoreOutcome>;
    try {
      outcomes = await this.db.transaction(async (tx) => {
        const out = new Map<Pending, StoreOutcome>();
        const recounts: [SurveyRow, number][] = [];
        for (const g of ordered) {
          const stored = await storeResponses(
            tx,
            g[0]!.scheme,
            g[0]!.survey,
            g.map((p) => p.response),
          );
          for (const [k, p] of g.entries()) out.set(p, stored[k]!);
          if (g[0]!.survey.kind === 'f03') recounts.push([g[0]!.survey, acceptedIn(stored)]);
        }
        // An F-03 questionnaire's accepted responses move its unit's result: once per batch,
        // after every survey lock is held (the recount's audit lock comes last, as for a paper entry).
        for (const [survey, accepted] of recounts) await recountF03(tx, survey, accepted, PUBLIC);
        return out;
      });
    } catch (e) {
      if (batch.length === 1) {
        batch[0]!.reject(e);
        return;
      }
      // One by one, so that only the response at fault fails.
      for (const p of batch) {
        try {
          const [one] = await this.db.transaction(async (tx) => {
            const stored = await storeResponses(tx, p.scheme, p.survey, [p.response]);
            await recountF03(tx, p.survey, acceptedIn(stored), PUBLIC);
            return stored;
          });
          settle(p, one!);
        } catch (err) {
          p.reject(err);
        }
      }
      return;
    }
    for (const p of batch) settle(p, outcomes.get(p)!);
  }
}

function settle(p: Pending, out: StoreOutcome): void {
  if ('error' in out) p.reject(out.error);
  else p.resolve(out);
}
