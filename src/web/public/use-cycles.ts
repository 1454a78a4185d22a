/** The portal's reads of cycles: the published ones, and what it shows of a cycle's frozen scheme. */
import { useQuery } from '@tanstack/react-query';
import type { Assumption, Band, Text } from '../../core/types.ts';
import type { CycleScheme } from '../../shared/wire/cycles.ts';
import { getCycleSchemeQueryOptions, getCyclesQueryOptions } from '../api/cycles.ts';
import { publishedStaleTime, throwOnError } from './query-policy.ts';

/**
 * A signed-in visitor may read cycles still in review: the portal asks for published ones only
 * (a released current publication, national or of a province — not the cycle's status).
 */
export const usePublishedCycles = () =>
  useQuery({ ...getCyclesQueryOptions({ published: true }), staleTime: publishedStaleTime, throwOnError });

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
