/**
 * The indicators of a cycle's frozen scheme, dimension by dimension, each with the unit's
 * result for it (when there is one) and the evidence files linked to it. Files linked to no
 * indicator, or to one the scheme does not have, are "general". Pure; no React.
 */
import type { IndicatorScore, Scheme, Text, UnitScore } from '../../core/types.ts';
import type { Evidence } from '../../shared/wire/evidence.ts';

export interface IndicatorRow {
  code: string;
  text: Text;
  score: IndicatorScore | null;
  evidence: Evidence[];
}

export interface DimensionRows {
  code: string;
  title: Text;
  indicators: IndicatorRow[];
}

export interface EvidenceByIndicator {
  dimensions: DimensionRows[];
  general: Evidence[];
  /** Files placed on an indicator. */
  linked: number;
}

export function evidenceByIndicator(scheme: Scheme, result: UnitScore | null, files: readonly Evidence[]): EvidenceByIndicator {
  const scores = new Map<string, IndicatorScore>();
  for (const d of result?.dimensions ?? []) for (const v of d.variables) for (const i of v.indicators) scores.set(i.code, i);
  const byCode = new Map<string, Evidence[]>();
  for (const f of files) if (f.indicator) byCode.set(f.indicator, [...(byCode.get(f.indicator) ?? []), f]);

  const known = new Set<string>();
  let linked = 0;
  const dimensions = scheme.dimensions.map((d) => ({
    code: d.code,
    title: d.title,
    indicators: d.variables.flatMap((v) =>
      v.indicators.map((i) => {
        known.add(i.code);
        const evidence = byCode.get(i.code) ?? [];
        linked += evidence.length;
        return { code: i.code, text: i.text, score: scores.get(i.code) ?? null, evidence };
      }),
    ),
  }));
  const general = files.filter((f) => !f.indicator || !known.has(f.indicator));
  return { dimensions, general, linked };
}

/** Keeps only indicators with at least one file (and drops dimensions left empty). */
export function onlyWithEvidence(dimensions: readonly DimensionRows[]): DimensionRows[] {
  return dimensions
    .map((d) => ({ ...d, indicators: d.indicators.filter((i) => i.evidence.length > 0) }))
    .filter((d) => d.indicators.length > 0);
}
