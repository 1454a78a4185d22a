/**
 * Issue 16: a signed-in screen about one cycle (dashboard, visits, publication, disputes) shows
 * its dates in the cycle's province's zone, whoever reads it; a national cycle: the reader's zone.
 * Apart from `body-zone.tsx` so public pages do not load the cycles data layer.
 */
import type { ReactNode } from 'react';
import { useCycle } from '../api/cycles.ts';
import { BodyZone } from './body-zone.tsx';

export function CycleZone({ cycleId, children }: { cycleId: string; children: ReactNode }) {
  const cycle = useCycle(cycleId);
  return <BodyZone provinceCode={cycle.data?.provinceCode}>{children}</BodyZone>;
}
