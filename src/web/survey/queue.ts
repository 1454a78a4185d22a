// The respondent's outbox (issue 11): a response is saved on the device first, then sent; on a
// network failure or a server error it stays queued and is retried with growing pauses (and
// at once when the browser comes back online). A 2xx or a refusal (4xx: closed, invalid)
// removes it: only the server's answer ends a response's life, and a resend of the same id is
// a no-op on the server.

export interface Queued {
  code: string;
  body: Record<string, unknown> & { id: string };
}

export interface Outcome {
  id: string;
  /** 'sent' (2xx), 'refused' (4xx with the server's message), 'queued' (try again later). */
  status: 'sent' | 'refused' | 'queued';
  message?: string;
}

export interface Store {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const KEY = 'pantau.survey.outbox';

export function load(store: Store): Queued[] {
  try {
    const v = JSON.parse(store.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(v) ? (v as Queued[]) : [];
  } catch {
    return [];
  }
}

function save(store: Store, items: Queued[]): void {
  store.setItem(KEY, JSON.stringify(items));
}

export function enqueue(store: Store, item: Queued): void {
  save(store, [...load(store).filter((q) => q.body.id !== item.body.id), item]);
}

/** Sends every queued response once, in order; returns what became of each. */
export async function flush(store: Store, send: typeof fetch, lang: string): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for (const q of load(store)) {
    let outcome: Outcome;
    try {
      const res = await send(`/api/v1/public/surveys/${encodeURIComponent(q.code)}/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': lang },
        body: JSON.stringify(q.body),
      });
      if (res.ok) outcome = { id: q.body.id, status: 'sent' };
      else if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) {
        const body = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
        outcome = { id: q.body.id, status: 'refused', ...(body.error?.message ? { message: body.error.message } : {}) };
      } else outcome = { id: q.body.id, status: 'queued' };
    } catch {
      outcome = { id: q.body.id, status: 'queued' };
    }
    if (outcome.status !== 'queued')
      save(
        store,
        load(store).filter((x) => x.body.id !== q.body.id),
      );
    out.push(outcome);
  }
  return out;
}

/** The pause before retry number `attempt` (1, 2, 4 … 60 seconds). */
export const backoffMs = (attempt: number): number => Math.min(60_000, 1000 * 2 ** Math.max(0, attempt - 1));
