/** What the portal shows of a cycle's frozen scheme: title, result scale, bands, assumptions. */
import { useQuery } from '@tanstack/react-query';
import type { Assumption, Band, Text } from '../../core/types.ts';
import type { CycleScheme } from '../../shared/wire/cycles.ts';
import { getCycleSchemeQueryOptions } from '../api/cycle-scheme.ts';
import { throwOnError } from './query-policy.ts';

/** The parts of a cycle's frozen scheme the portal shows. */
export interface SchemeFacts {
  schemeId: string;
  title: Text | null;
  result: { min: number; max: number };
  bands: Band[];
  assumptions: Assumption[];
}

const schemeFacts = ({ schemeId, scheme }: CycleScheme): SchemeFacts => ({
  schemeId,
  title: scheme.title ?? null,
  result: scheme.result ?? { min: 0, max: 100 },
  bands: scheme.bands ?? [],
  assumptions: scheme.assumptions ?? [],
});

export const useSchemeFacts = (cycleId: string | undefined) =>
  useQuery({ ...getCycleSchemeQueryOptions(cycleId ?? ''), enabled: !!cycleId, select: schemeFacts, throwOnError });
