/**
 * Read-only views of a scheme for the viewer: each indicator's effective weight in the unit
 * total, and where each ASSUMPTION of the scheme applies. Pure; no React.
 */
import type { Assumption, Dimension, Indicator, Scheme } from '../../core/types.ts';

/** Percent of the unit total an indicator carries (W_d · w_i · 100). */
export function effectiveWeight(dimension: Dimension, indicator: Indicator): number {
  if (dimension.indicatorWeighting === 'explicit') return (dimension.weight * (indicator.weight ?? 0)) / 100;
  const count = dimension.variables.reduce((n, v) => n + v.indicators.length, 0);
  return count ? dimension.weight / count : 0;
}

export function indicatorPath(d: string, v: string, i: string): string {
  return `dimensions/${d}/variables/${v}/indicators/${i}`;
}

export function variablePath(d: string, v: string): string {
  return `dimensions/${d}/variables/${v}`;
}

export function dimensionPath(d: string): string {
  return `dimensions/${d}`;
}

/**
 * Assumptions by the deepest scheme entity their path points into (indicator, variable or
 * dimension); paths elsewhere (bands, aggregation, instruments…) are keyed by their first segment.
 */
export function assumptionsByTarget(scheme: Scheme): Map<string, Assumption[]> {
  const targets: string[] = [];
  for (const d of scheme.dimensions) {
    targets.push(dimensionPath(d.code));
    for (const v of d.variables) {
      targets.push(variablePath(d.code, v.code));
      for (const i of v.indicators) targets.push(indicatorPath(d.code, v.code, i.code));
    }
  }
  // Longest first, so an indicator wins over its variable and dimension.
  targets.sort((a, b) => b.length - a.length);
  const byTarget = new Map<string, Assumption[]>();
  for (const a of scheme.assumptions) {
    const path = a.path.replace(/^\/+/, '');
    const target = targets.find((t) => path === t || path.startsWith(`${t}/`)) ?? path.split('/')[0] ?? path;
    byTarget.set(target, [...(byTarget.get(target) ?? []), a]);
  }
  return byTarget;
}

export function indicatorCount(scheme: Scheme): number {
  return scheme.dimensions.reduce((n, d) => n + d.variables.reduce((m, v) => m + v.indicators.length, 0), 0);
}
