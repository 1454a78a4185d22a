/**
 * The public portal's URL search parameters and their validation (router.tsx runs these on
 * every navigation, so this file stays tiny: it is part of the start page's entry graph).
 * Links stay shareable: cycle, view, type, province and search all live in the URL.
 */
import type { BodyType } from '../../core/types.ts';

export const LEADERBOARD_TYPES: readonly BodyType[] = ['kabupaten', 'kota', 'provinsi', 'kementerian', 'lembaga'];
/** Types whose bodies belong to a province (the province filter applies to them). */
export const REGIONAL_TYPES: readonly BodyType[] = ['kabupaten', 'kota', 'provinsi'];

export type LeaderboardView = 'national' | 'province';

/** `/?cycle=…&view=province&province=36&q=serang` */
export interface LeaderboardSearch {
  cycle?: string;
  /** A scheme family (ombudsman, pekppp): the cycles offered and the default one. */
  family?: string;
  view?: LeaderboardView;
  type?: BodyType;
  province?: string;
  q?: string;
}

/** `/governments/$bodyId?cycle=…` */
export interface CycleSearch {
  cycle?: string;
}

/** `/map?cycle=…&province=36` */
export interface MapSearch {
  cycle?: string;
  province?: string;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const provinceOf = (v: unknown): string | undefined => {
  // A hand-typed `?province=36` reaches us as the number 36 (the router parses search values as JSON).
  const p = typeof v === 'number' && Number.isInteger(v) ? String(v) : str(v);
  return p && /^\d{2}$/.test(p) ? p : undefined;
};

export function validateLeaderboardSearch(search: Record<string, unknown>): LeaderboardSearch {
  const type = str(search.type);
  return {
    cycle: str(search.cycle),
    family: /^[a-z]{2,20}$/.test(str(search.family) ?? '') ? str(search.family) : undefined,
    view: search.view === 'province' || search.view === 'national' ? search.view : undefined,
    type: LEADERBOARD_TYPES.includes(type as BodyType) ? (type as BodyType) : undefined,
    province: provinceOf(search.province),
    q: str(search.q)?.slice(0, 100),
  };
}

export function validateCycleSearch(search: Record<string, unknown>): CycleSearch {
  return { cycle: str(search.cycle) };
}

export function validateMapSearch(search: Record<string, unknown>): MapSearch {
  return { cycle: str(search.cycle), province: provinceOf(search.province) };
}
