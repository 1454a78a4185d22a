/**
 * Scenario facade for multi-step engine rules (style.md: "load scheme, answer, expect zone").
 * Test-only; uses vitest's `expect`.
 *
 *   Scenario.load(scheme)
 *     .answer('pengguna', { A1: 3, A2: 2 }, 3)   // three user sheets
 *     .expectBand('B')
 */
import { expect } from 'vitest';
import { scoreUnit } from '../score-unit.ts';
import type { Indicator, Instrument, Scheme, Sheet, UnitScore } from '../types.ts';

type Answers = Sheet['answers'];
export type FillValue = number | null | ((indicator: Indicator, instrument: Instrument, sheet: number) => number | null);

export class Scenario {
  readonly sheets: Sheet[] = [];

  private constructor(readonly scheme: Scheme) {}

  static load(scheme: Scheme): Scenario {
    return new Scenario(scheme);
  }

  /** Add `times` sheets of `instrument` with the same answers (respondents numbered from 1). */
  answer(instrument: string, answers: Answers, times = 1): this {
    for (let k = 0; k < times; k++) {
      this.sheets.push({ instrument, respondent: `${instrument} ${this.sheets.length + 1}`, answers: { ...answers } });
    }
    return this;
  }

  /**
   * Fill every instrument of the scheme up to its target quota: each sheet answers every
   * indicator its instrument covers with `value` (a number, null, or a function of the
   * indicator, instrument and 0-based sheet number).
   */
  fillAll(value: FillValue, only?: (instrument: Instrument) => boolean): this {
    const byCode = new Map<string, Indicator>();
    for (const d of this.scheme.dimensions) for (const v of d.variables) for (const i of v.indicators) byCode.set(i.code, i);
    for (const s of this.scheme.supplements) for (const i of s.indicators) byCode.set(i.code, i);
    for (const instrument of this.scheme.instruments) {
      if (only !== undefined && !only(instrument)) continue;
      for (let k = 0; k < instrument.quota.target; k++) {
        const answers: Answers = {};
        for (const code of instrument.covers) {
          const ind = byCode.get(code)!;
          answers[code] = typeof value === 'function' ? value(ind, instrument, k) : value;
        }
        this.sheets.push({ instrument: instrument.code, respondent: `${instrument.code} ${k + 1}`, answers });
      }
    }
    return this;
  }

  score(): UnitScore {
    return scoreUnit(this.scheme, { sheets: this.sheets });
  }

  expectBand(code: string): this {
    expect(this.score().band.code).toBe(code);
    return this;
  }

  expectScore(score: number): this {
    expect(this.score().score).toBe(score);
    return this;
  }

  expectComplete(complete: boolean): this {
    expect(this.score().complete).toBe(complete);
    return this;
  }

  expectMissing(codes: string[]): this {
    expect(this.score().missing).toEqual(codes);
    return this;
  }
}
