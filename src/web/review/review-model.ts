/** Which cycles the head of office works in. Pure. */
import type { CycleSummary } from '../../shared/wire/cycles.ts';

/** Cycles a reviewer works in (fieldwork or review), newest first. */
export const openCycles = (cycles: CycleSummary[]): CycleSummary[] =>
  cycles.filter((c) => c.status === 'fieldwork' || c.status === 'review');
