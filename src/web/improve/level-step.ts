import type { TFunction } from 'i18next';
import type { Formatter } from '../lib/format.ts';

/**
 * "Level 2 → 3" of a finding or a planned fix (the findings screen and the target planner): a
 * value between levels (a mean over sheets) to two decimals, none as "no answer".
 */
export function levelStep(t: TFunction<'improve'>, format: Formatter, from: number | null, to: number): string {
  const reached = from === null ? t('findings.no_answer') : Number.isInteger(from) ? format.integer(from) : format.decimal(from, 2);
  return t('findings.level', { from: reached, to: format.integer(to) });
}
