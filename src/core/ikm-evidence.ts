/**
 * Issue 11 §7: which indicators of a scheme take a unit's published IKM as evidence — those the
 * library file marks `ikmEvidence`, limited to the body types it names (none named: every body).
 * One rule for the server (who may attach, what the view carries) and the asisten's screen. Pure.
 */
import type { Indicator, Scheme } from './types.ts';

/** The indicators of `scheme` that take an IKM for a unit of body type `bodyType`. */
export function ikmIndicators(scheme: Scheme, bodyType: string): Indicator[] {
  return scheme.dimensions
    .flatMap((d) => d.variables.flatMap((v) => v.indicators))
    .filter((i) => i.ikmEvidence !== undefined && (i.ikmEvidence.bodyTypes?.includes(bodyType as never) ?? true));
}
