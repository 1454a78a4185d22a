// The respondent's outbox (issue 11): queued on the device, retried on failure, dropped once the
// server answered (sent or refused).
import { describe, expect, it } from 'vitest';
import { backoffMs, enqueue, flush, load, type Store } from './queue.ts';

function memory(): Store {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v) };
}

const item = (id: string) => ({ code: 'abc1234', body: { id, answers: { U1: 3 } } });
const reply = (status: number, body: unknown = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('survey outbox', () => {
  it('keeps a response while the network fails, then sends it once and empties the queue', async () => {
    const store = memory();
    enqueue(store, item('a'));
    const down = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    expect((await flush(store, down, 'id'))[0]!.status).toBe('queued');
    expect((await flush(store, (async () => reply(503)) as unknown as typeof fetch, 'id'))[0]!.status).toBe('queued');
    expect(load(store)).toHaveLength(1);
    const sent: string[] = [];
    const up = (async (url: string, init: RequestInit) => {
      sent.push(`${url} ${JSON.parse(String(init.body)).id}`);
      return reply(200, { id: 'a', received: true });
    }) as unknown as typeof fetch;
    expect((await flush(store, up, 'id'))[0]!.status).toBe('sent');
    expect(sent).toEqual(['/api/v1/public/surveys/abc1234/responses a']);
    expect(load(store)).toEqual([]);
  });

  it('drops a refused response with the server’s message, and does not queue the same id twice', async () => {
    const store = memory();
    enqueue(store, item('b'));
    enqueue(store, item('b'));
    expect(load(store)).toHaveLength(1);
    const closed = (async () => reply(422, { error: { message: 'Survei ini tidak sedang dibuka.' } })) as unknown as typeof fetch;
    expect(await flush(store, closed, 'id')).toEqual([{ id: 'b', status: 'refused', message: 'Survei ini tidak sedang dibuka.' }]);
    expect(load(store)).toEqual([]);
  });

  it('waits longer after each failure, at most a minute', () => {
    expect([1, 2, 3, 10].map(backoffMs)).toEqual([1000, 2000, 4000, 60_000]);
  });
});
