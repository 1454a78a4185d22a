import { describe, expect, it } from 'vitest';
import { checkChainLinks, type ChainLink } from './audit-chain.ts';

/** A linked chain seq 1..n, newest first (as the API lists it). */
function chain(n: number): ChainLink[] {
  const events: ChainLink[] = [];
  let prev = '0'.repeat(64);
  for (let seq = 1; seq <= n; seq++) {
    const hash = `h${seq}`;
    events.push({ seq, prevHash: prev, hash });
    prev = hash;
  }
  return events.reverse();
}

describe('checkChainLinks', () => {
  it('checks every consecutive pair and finds an intact chain', () => {
    expect(checkChainLinks(chain(5))).toEqual({ checked: 4, brokenAt: null });
  });

  it('names the newer event of the first pair that does not link', () => {
    const events = chain(5);
    events[1] = { ...events[1]!, prevHash: 'tampered' }; // seq 4
    expect(checkChainLinks(events)).toEqual({ checked: 2, brokenAt: 4 });
  });

  it('skips pairs that are not consecutive (a filtered page)', () => {
    const events = chain(6).filter((e) => e.seq % 2 === 0);
    expect(checkChainLinks(events)).toEqual({ checked: 0, brokenAt: null });
  });

  it('has nothing to check on an empty or single-event page', () => {
    expect(checkChainLinks([])).toEqual({ checked: 0, brokenAt: null });
    expect(checkChainLinks(chain(1))).toEqual({ checked: 0, brokenAt: null });
  });
});
