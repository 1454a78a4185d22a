/**
 * What the browser can check of the audit chain from one page of events (newest first): where
 * two neighbours are consecutive (seq n and n-1), the newer one's `prevHash` must equal the older
 * one's `hash`. It cannot recompute hashes (that needs the server's canonical form): the full
 * check is `pantau audit verify`, and the API has no verify endpoint yet. Pure.
 */
export interface ChainLink {
  seq: number;
  prevHash: string;
  hash: string;
}

export interface ChainCheck {
  /** Adjacent pairs that could be compared. */
  checked: number;
  /** The newer event of the first pair that does not link, or null. */
  brokenAt: number | null;
}

export function checkChainLinks(events: readonly ChainLink[]): ChainCheck {
  let checked = 0;
  for (let i = 0; i + 1 < events.length; i++) {
    const newer = events[i]!;
    const older = events[i + 1]!;
    if (newer.seq !== older.seq + 1) continue;
    checked++;
    if (newer.prevHash !== older.hash) return { checked, brokenAt: newer.seq };
  }
  return { checked, brokenAt: null };
}
