// Synthetic fieldwork for the demo, the national benchmark cycle and tests: every instrument of a
// scheme filled to its quota target, every covered indicator answered, drawn from a fixed-seed
// PRNG around a chosen quality level so results land where the caller wants them.
import type { Scheme } from '../../core/types.ts';

/** mulberry32: a small, fast, fixed-seed PRNG (not for secrets). Returns floats in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A deterministic UUID (v4 layout) from the PRNG, so seeded records have stable ids. */
export function prngUuid(rand: () => number): string {
  const hex: string[] = [];
  for (let i = 0; i < 16; i++)
    hex.push(
      Math.floor(rand() * 256)
        .toString(16)
        .padStart(2, '0'),
    );
  hex[6] = `4${hex[6]!.slice(1)}`;
  hex[8] = ((parseInt(hex[8]!, 16) & 0x3f) | 0x80).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export interface SyntheticSheet {
  instrument: string;
  respondent: string;
  answers: Record<string, number>;
}

/**
 * Sheets for one unit: `quota.target` sheets per instrument, each answering every indicator the
 * instrument covers. An answer is `quality` of the way up the indicator's scale plus noise of
 * ±`spread` levels, rounded and clamped to the scale.
 */
export function syntheticSheets(scheme: Scheme, rand: () => number, quality: number, spread = 0.9): SyntheticSheet[] {
  const scales = new Map<string, { min: number; max: number }>();
  for (const d of scheme.dimensions) for (const v of d.variables) for (const i of v.indicators) scales.set(i.code, i.scale);
  for (const s of scheme.supplements) for (const i of s.indicators) scales.set(i.code, i.scale);
  const sheets: SyntheticSheet[] = [];
  for (const ins of scheme.instruments) {
    for (let k = 0; k < ins.quota.target; k++) {
      const answers: Record<string, number> = {};
      for (const code of ins.covers) {
        const scale = scales.get(code);
        if (!scale) continue;
        const x = scale.min + quality * (scale.max - scale.min) + (rand() * 2 - 1) * spread;
        answers[code] = Math.min(scale.max, Math.max(scale.min, Math.round(x)));
      }
      sheets.push({ instrument: ins.code, respondent: `${ins.respondent.id.split(/[:(,]/)[0]!.trim()} ${k + 1}`, answers });
    }
  }
  return sheets;
}
