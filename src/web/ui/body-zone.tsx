/**
 * Issue 16: a screen about one body, cycle or publication shows its dates in THAT body's zone (a
 * Bali body's page in WITA, a Papua body's in WIT), whoever reads it: the public, a national admin.
 * Without a province (national, K/L) the reader's zone stays (the shell's `ZoneContext`).
 */
import { type ReactNode, useContext } from 'react';
import { ZoneContext, zoneTzOf } from '../lib/format.ts';

export function BodyZone({ provinceCode, children }: { provinceCode: string | null | undefined; children: ReactNode }) {
  const inherited = useContext(ZoneContext);
  return <ZoneContext.Provider value={zoneTzOf(provinceCode) ?? inherited}>{children}</ZoneContext.Provider>;
}
