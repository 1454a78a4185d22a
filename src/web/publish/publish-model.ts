/**
 * Pure rules of the publication screens: the erratum's reason (the wire's `ErratumIn`), its
 * correction rows, the embargo date, the readiness of a scope as far as the cycle's progress
 * tells it, and the versions of a scope. The server checks all of it again; these only spare a
 * round trip and say in the user's language what is missing.
 */
import type { Scheme, Text } from '../../core/types.ts';
import { type Correction, ErratumIn, type PublicationMeta, type SnapshotUnit } from '../../shared/wire/publications.ts';
import { fieldProblems } from '../lib/form-schema.ts';
import { fromLocalInput } from '../lib/local-time.ts';

export type ReasonError = 'required' | 'too_short' | 'too_long';

export function reasonError(reason: string): ReasonError | null {
  const p = fieldProblems(ErratumIn, { reason }).reason;
  if (!p) return null;
  return p === 'required' || p === 'too_long' ? p : 'too_short';
}

/** One correction as the form holds it (empty strings until chosen). */
export interface CorrectionRow {
  key: number;
  bodyId: string;
  unitId: string;
  indicator: string;
  value: string;
}

export type RowError = 'incomplete' | 'duplicate';

export function rowErrors(rows: CorrectionRow[]): Map<number, RowError> {
  const errors = new Map<number, RowError>();
  const seen = new Set<string>();
  for (const row of rows) {
    if (!row.unitId || !row.indicator || row.value === '') {
      errors.set(row.key, 'incomplete');
      continue;
    }
    const id = `${row.unitId}|${row.indicator}`;
    if (seen.has(id)) errors.set(row.key, 'duplicate');
    seen.add(id);
  }
  return errors;
}

export const toCorrections = (rows: CorrectionRow[]): Correction[] =>
  rows.map((r) => ({ unitId: r.unitId, indicator: r.indicator, value: Number(r.value) }));

/**
 * The embargo field holds a local date-time (`<input type="datetime-local">`, "2024-12-04T09:00");
 * the API takes an ISO moment. Empty = public at once. Undefined result = not a valid moment.
 */
export function publicAtToIso(local: string, offsetMinutes?: number): string | null | undefined {
  if (local.trim() === '') return null;
  // issue 16: a wall-clock time in the scope's zone (WIB/WITA/WIT) when the offset is given.
  if (offsetMinutes !== undefined) return fromLocalInput(local, offsetMinutes) ?? undefined;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** A scheme's scored indicators, grouped by dimension, with their answer levels. */
export interface IndicatorChoice {
  code: string;
  text: Text;
  dimension: Text;
  levels: { value: number; descriptor: Text }[];
}

export function schemeIndicators(scheme: Scheme): IndicatorChoice[] {
  return scheme.dimensions.flatMap((d) =>
    d.variables.flatMap((v) => v.indicators.map((i) => ({ code: i.code, text: i.text, dimension: d.title, levels: i.scale.levels }))),
  );
}

export interface ReadinessBody {
  bodyId: string;
  name: string;
  provinceCode: string | null;
  status: 'open' | 'final';
}

export interface Readiness {
  total: number;
  final: number;
  open: ReadinessBody[];
  current: PublicationMeta | null;
}

/** Which of the scope's bodies are still open, and whether a version is already in force. */
export function readiness(bodies: ReadinessBody[], scope: string, publications: PublicationMeta[]): Readiness {
  const inScope = scope === 'national' ? bodies : bodies.filter((b) => b.provinceCode === scope);
  const open = inScope.filter((b) => b.status !== 'final');
  return {
    total: inScope.length,
    final: inScope.length - open.length,
    open,
    current: publications.find((p) => p.scope === scope && p.status === 'current') ?? null,
  };
}

/** Versions of one scope, newest first. */
export function versionsOf(items: PublicationMeta[], scope: string): PublicationMeta[] {
  return items.filter((p) => p.scope === scope).sort((a, b) => b.version - a.version);
}

/** The version in force for a scope, if any. */
export function currentOf(items: PublicationMeta[], scope: string): PublicationMeta | undefined {
  return items.find((p) => p.scope === scope && p.status === 'current');
}

/** The first 12 hex digits of a hash, enough to compare by eye. */
export const shortHash = (hash: string): string => (hash.length > 12 ? `${hash.slice(0, 12)}…` : hash);

/** The indicator value a unit had in a snapshot (mean over its sheets), or null when missing. */
export function snapshotIndicatorValue(unit: SnapshotUnit, indicator: string): number | null | undefined {
  for (const d of unit.breakdown.dimensions ?? []) {
    for (const v of d[4]) {
      for (const i of v[3]) if (i[0] === indicator) return i[1];
    }
  }
  return undefined;
}
