/**
 * A cycle freezes its scheme (methodology.md §1), so a scheme frozen before a policy field
 * existed (who fills an instrument, entry rules, thresholds, award rules, topics …) lacks it.
 * `inheritPolicy` reads such a scheme with the missing policy taken from the library file of
 * the same id, never touching what scores: weights, indicators, scales, bands, quotas and
 * aggregation stay exactly as frozen (the stored content hash keeps describing them).
 * Pure; no I/O. The result is cached per (frozen, library) pair so the engine's per-scheme
 * caches keep working.
 */
import type { Assumption, Indicator, Instrument, Scheme } from './types.ts';

const SCHEME_POLICY = ['awards', 'verification', 'survey', 'fieldwork', 'topics'] as const;
const INSTRUMENT_POLICY = ['instructions', 'fillers', 'paperEntry', 'entry', 'profile', 'publicResponse', 'fieldwork'] as const;
const INDICATOR_POLICY = ['topics', 'selfAssessment', 'formCode', 'ikmEvidence'] as const;

const cache = new WeakMap<Scheme, WeakMap<Scheme, Scheme>>();

/** Assumption paths that describe inherited policy (so their notes come along). */
function isPolicyPath(path: string): boolean {
  const seg = path.split('/');
  if ((SCHEME_POLICY as readonly string[]).includes(seg[0] ?? '')) return true;
  if (seg[0] === 'aggregation' && seg[1] === 'verticalOffices') return true;
  return seg[0] === 'instruments' && (INSTRUMENT_POLICY as readonly string[]).includes(seg[2] ?? '');
}

function withIndicator(frozen: Indicator, current: Indicator | undefined): Indicator {
  if (current === undefined) return frozen;
  let out: Indicator | undefined;
  for (const key of INDICATOR_POLICY) {
    if (frozen[key] === undefined && current[key] !== undefined) {
      out ??= { ...frozen };
      (out as unknown as Record<string, unknown>)[key] = current[key];
    }
  }
  // Answer keys of paper forms, level by level.
  const keys = new Map(current.scale.levels.filter((l) => l.key !== undefined).map((l) => [l.value, l.key!]));
  if (keys.size > 0 && frozen.scale.levels.some((l) => l.key === undefined && keys.has(l.value))) {
    out ??= { ...frozen };
    out.scale = {
      ...frozen.scale,
      levels: frozen.scale.levels.map((l) => (l.key === undefined && keys.has(l.value) ? { ...l, key: keys.get(l.value)! } : l)),
    };
  }
  return out ?? frozen;
}

function withInstrument(frozen: Instrument, current: Instrument | undefined): Instrument {
  if (current === undefined) return frozen;
  let out: Instrument | undefined;
  for (const key of INSTRUMENT_POLICY) {
    if (frozen[key] === undefined && current[key] !== undefined) {
      out ??= { ...frozen };
      (out as unknown as Record<string, unknown>)[key] = current[key];
    }
  }
  return out ?? frozen;
}

/**
 * `frozen` with every policy field it lacks taken from `current` (the library scheme of the same
 * id). Fields the frozen scheme has are kept, even when the library changed them. Policy of
 * instruments and indicators is matched by code, so nothing is added for an instrument or
 * indicator the frozen scheme does not have. Assumption notes about inherited policy come along.
 * Returns `frozen` itself when nothing is missing, when `current` is undefined, or when the ids
 * differ.
 */
export function inheritPolicy(frozen: Scheme, current: Scheme | undefined): Scheme {
  if (current === undefined || current === frozen || current.id !== frozen.id) return frozen;
  const hit = cache.get(frozen)?.get(current);
  if (hit !== undefined) return hit;

  const out: Scheme = { ...frozen };
  let changed = false;
  for (const key of SCHEME_POLICY) {
    if (frozen[key] === undefined && current[key] !== undefined) {
      (out as unknown as Record<string, unknown>)[key] = current[key];
      changed = true;
    }
  }
  if (frozen.awards !== undefined && frozen.awards.units === undefined && current.awards?.units !== undefined) {
    out.awards = { ...frozen.awards, units: current.awards.units };
    changed = true;
  }
  if (frozen.aggregation.verticalOffices === undefined && current.aggregation.verticalOffices !== undefined) {
    out.aggregation = { ...frozen.aggregation, verticalOffices: current.aggregation.verticalOffices };
    changed = true;
  }
  const instruments = new Map(current.instruments.map((i) => [i.code, i]));
  const nextInstruments = frozen.instruments.map((i) => withInstrument(i, instruments.get(i.code)));
  if (nextInstruments.some((i, k) => i !== frozen.instruments[k])) {
    out.instruments = nextInstruments;
    changed = true;
  }
  const indicators = new Map<string, Indicator>();
  for (const d of current.dimensions) for (const v of d.variables) for (const i of v.indicators) indicators.set(i.code, i);
  for (const s of current.supplements) for (const i of s.indicators) indicators.set(i.code, i);
  const dimensions = frozen.dimensions.map((d) => {
    const variables = d.variables.map((v) => {
      const inds = v.indicators.map((i) => withIndicator(i, indicators.get(i.code)));
      return inds.some((i, k) => i !== v.indicators[k]) ? { ...v, indicators: inds } : v;
    });
    return variables.some((v, k) => v !== d.variables[k]) ? { ...d, variables } : d;
  });
  if (dimensions.some((d, k) => d !== frozen.dimensions[k])) {
    out.dimensions = dimensions;
    changed = true;
  }
  const supplements = frozen.supplements.map((s) => {
    const inds = s.indicators.map((i) => withIndicator(i, indicators.get(i.code)));
    return inds.some((i, k) => i !== s.indicators[k]) ? { ...s, indicators: inds } : s;
  });
  if (supplements.some((s, k) => s !== frozen.supplements[k])) {
    out.supplements = supplements;
    changed = true;
  }
  if (changed) {
    const known = new Set(frozen.assumptions.map((a) => `${a.path}\n${a.note.en}`));
    const extra: Assumption[] = current.assumptions.filter((a) => isPolicyPath(a.path) && !known.has(`${a.path}\n${a.note.en}`));
    if (extra.length > 0) out.assumptions = [...frozen.assumptions, ...extra];
  }
  const result = changed ? out : frozen;
  let byCurrent = cache.get(frozen);
  if (byCurrent === undefined) cache.set(frozen, (byCurrent = new WeakMap()));
  byCurrent.set(current, result);
  return result;
}
