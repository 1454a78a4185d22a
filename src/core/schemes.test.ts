/**
 * The engine against the real library files (methodologies/*.json). Expected numbers come from
 * methodology.md and are computed by hand in the comments, independently of the engine.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getScheme, library } from '../../methodologies/index.ts';
import { aggregate } from './aggregate.ts';
import { classify } from './classify.ts';
import { CoreError } from './errors.ts';
import { ikm } from './ikm.ts';
import { improvements } from './improve.ts';
import { sampleSize } from './sample-size.ts';
import { scoreUnit } from './score-unit.ts';
import { raisableAnswers, raise, unitAnswers } from './test/arbitraries.ts';
import { Scenario } from './test/scenario.ts';
import type { Indicator, Instrument, Scheme, UnitScore } from './types.ts';
import { whatIf } from './what-if.ts';

function scheme(id: string): Scheme {
  const s = getScheme(id);
  if (s === undefined) throw new Error(`scheme ${id} missing from the library`);
  return s;
}

const allSchemes = [...library.values()].map((s) => [s.id, s] as const);

const indicators = (u: UnitScore) => u.dimensions.flatMap((d) => d.variables.flatMap((v) => v.indicators));

// ---------------------------------------------------------------------------------------------
// Bands (methodology.md §2–§4): lower bound itself, 0.01 below, and the rounding edge.
// ---------------------------------------------------------------------------------------------

/** [band code, lower bound] highest first, as methodology.md states them. */
const bandTables: Record<string, [string, number][]> = {
  'ombudsman-2021': [
    ['hijau', 81],
    ['kuning', 51],
    ['merah', 0],
  ],
  ombudsman: [
    ['A', 88],
    ['B', 78],
    ['C', 54],
    ['D', 32],
    ['E', 0],
  ],
  pekppp: [
    ['A', 4.51],
    ['A-', 4.01],
    ['B', 3.51],
    ['B-', 3.01],
    ['C', 2.51],
    ['C-', 2.01],
    ['D', 1.51],
    ['E', 1.01],
    ['F', 0],
  ],
  skm: [
    ['A', 88.31],
    ['B', 76.61],
    ['C', 65],
    ['D', 25],
  ],
};

const bandCases = allSchemes.flatMap(([id, s]) => {
  const table = bandTables[id] ?? bandTables[s.family]!;
  return table.flatMap(([code, min], k) => {
    const below = table[k + 1];
    const cases: [string, number, string][] = [
      [id, min, code], // the lower bound itself
      [id, Number((min - 0.005).toFixed(3)), code], // rounds up to the bound (half away from zero)
    ];
    if (below !== undefined) {
      cases.push([id, Number((min - 0.01).toFixed(2)), below[0]]); // 0.01 below
      cases.push([id, Number((min - 0.0051).toFixed(4)), below[0]]); // rounds down to 0.01 below
    }
    return cases.filter(([, v]) => v >= s.result.min);
  });
});

describe('library schemes', () => {
  describe('band edges', () => {
    it.each(bandCases)('%s: %s → %s', (id, value, code) => {
      expect(classify(scheme(id), value).code).toBe(code);
    });

    it.each(allSchemes)('%s: the files hold exactly the bands of methodology.md', (id, s) => {
      const table = bandTables[id] ?? bandTables[s.family]!;
      expect(s.bands.map((b) => [b.code, b.min])).toEqual(table);
    });

    it.each(allSchemes)('%s: accepts result.max + 0.004 (rounds to max), rejects + 0.005', (_, s) => {
      expect(classify(s, s.result.max + 0.004).code).toBe(s.bands[0]!.code);
      expect(() => classify(s, s.result.max + 0.005)).toThrow(CoreError);
      expect(() => classify(s, s.result.min - 0.01)).toThrow(CoreError);
    });
  });

  // -------------------------------------------------------------------------------------------
  // Weights
  // -------------------------------------------------------------------------------------------

  describe('weights', () => {
    it.each([
      ['ombudsman-2022', { input: 21.85, proses: 32.37, output: 24.24, pengaduan: 21.54 }],
      ['ombudsman-2023', { input: 21.85, proses: 32.37, output: 24.24, pengaduan: 21.54 }],
      ['ombudsman-2024', { input: 21.85, proses: 32.37, output: 24.24, pengaduan: 21.54 }],
      ['ombudsman-2025', { input: 15.295, proses: 22.659, output: 16.968, pengaduan: 15.078, kepercayaan: 30 }],
      ['pekppp-2022', { kebijakan: 24, sdm: 25, sarpras: 18, sipp: 11, konsultasi: 10, inovasi: 12 }],
      ['pekppp-2023', { kebijakan: 24, sdm: 25, sarpras: 18, sipp: 11, konsultasi: 10, inovasi: 12 }],
      ['pekppp-2024', { kebijakan: 24, sdm: 25, sarpras: 18, sipp: 11, konsultasi: 10, inovasi: 12 }],
      ['pekppp-2025', { kebijakan: 24, sdm: 25, sarpras: 18, sipp: 11, konsultasi: 10, inovasi: 12 }],
    ])('%s: dimension weights of methodology.md', (id, weights) => {
      expect(Object.fromEntries(scheme(id).dimensions.map((d) => [d.code, d.weight]))).toEqual(weights);
    });

    it.each(allSchemes)('%s: effective indicator weights in a scored unit add up to 100 %%', (_, s) => {
      const u = scoreUnit(s, { sheets: [] });
      expect(indicators(u).reduce((a, i) => a + i.weight, 0)).toBeCloseTo(100, 9);
    });

    it.each([
      // 2022–24: equal weights inside each dimension
      ['ombudsman-2024', 'K1', 21.85 / 15],
      ['ombudsman-2024', 'S9', 21.85 / 15],
      ['ombudsman-2024', 'P6A', 32.37 / 12], // maklumat counts as two items (P6A, P6B)
      ['ombudsman-2024', 'O1', 24.24 / 5],
      ['ombudsman-2024', 'PG6', 21.54 / 6],
      ['ombudsman-2025', 'T3', 30 / 5],
      ['ombudsman-2021', 'PK1', 100 / 24],
      // PEKPPP: aspect weight × indicator weight (reference §3.3)
      ['pekppp-2024', 'A1', 24 * 0.17],
      ['pekppp-2024', 'B5', 25 * 0.3],
      ['pekppp-2024', 'C2', 18 * 0.23],
      ['pekppp-2024', 'F1', 12 * 0.5],
      ['skm-2017', 'U5', 100 / 9],
    ])('%s: indicator %s weighs %s %% of the unit', (id, code, weight) => {
      const i = indicators(scoreUnit(scheme(id), { sheets: [] })).find((x) => x.code === code);
      expect(i?.weight).toBeCloseTo(weight, 10);
    });
  });

  // -------------------------------------------------------------------------------------------
  // Hand-computed units
  // -------------------------------------------------------------------------------------------

  /**
   * The 2022–25 example unit: 4 officials answer every K at 2; the document check gives every
   * S 3; product 1 gives every P 3, product 2 every P 2 (mean 2.5); 20 of 30 users answer
   * every O 3 and 10 answer 0 (mean 2), and in 2025 15 users answer every T 3 and 15 answer 2
   * (mean 2.5); both complaint officers answer every PG 1.
   */
  const example = (i: Indicator, ins: Instrument, k: number): number => {
    switch (ins.code) {
      case 'pejabat':
        return 2;
      case 'dokumen':
        return 3;
      case 'observasi-produk':
        return k === 0 ? 3 : 2;
      case 'pengguna':
        return i.code.startsWith('T') ? (k < 15 ? 3 : 2) : k < 20 ? 3 : 0;
      case 'pengelola-pengaduan':
        return 1;
      default:
        throw new Error(`unexpected instrument ${ins.code}`);
    }
  };

  describe('hand-computed units', () => {
    // Input: 6 K at 2/3, 9 S at 1 → (6·2/3 + 9)/15 · 100 = 13/15 · 100 = 86.667
    // Proses: 2.5/3 → 83.333;  Output: 2/3 → 66.667;  Pengaduan: 1/3 → 33.333
    // T = 0.2185·86.667 + 0.3237·83.333 + 0.2424·66.667 + 0.2154·33.333
    //   = 18.93667 + 26.975 + 16.16 + 7.18 = 69.25167 → 69.25 → C
    it.each(['ombudsman-2022', 'ombudsman-2023', 'ombudsman-2024'])('%s: 69.25 (C)', (id) => {
      const u = Scenario.load(scheme(id)).fillAll(example).score();
      expect(u.raw).toBeCloseTo(69.251667, 5);
      expect(u.score).toBe(69.25);
      expect(u.band.code).toBe('C');
      expect(u.complete).toBe(true);
      expect(u.dimensions.map((d) => Number(d.score.toFixed(3)))).toEqual([86.667, 83.333, 66.667, 33.333]);
    });

    it('ombudsman-2025: 73.48 (C), trust dimension included', () => {
      // 0.15295·86.667 + 0.22659·83.333 + 0.16968·66.667 + 0.15078·33.333 + 0.30·83.333
      // = 13.25567 + 18.8825 + 11.312 + 5.026 + 25 = 73.47617 → 73.48 → C
      const u = Scenario.load(scheme('ombudsman-2025')).fillAll(example).score();
      expect(u.raw).toBeCloseTo(73.476167, 5);
      expect(u.score).toBe(73.48);
      expect(u.band.code).toBe('C');
    });

    it('ombudsman-2021: unit = mean of products; government = product-weighted mean', () => {
      // 24 present/absent items. Product 1: 24 present → 100; product 2: 18 → 75;
      // product 3: 12 → 50. Unit = (100 + 75 + 50) / 3 = 75 → kuning (51–80.99), weight 3.
      const s = scheme('ombudsman-2021');
      const codes = s.instruments[0]!.covers;
      const product = (present: number) => Object.fromEntries(codes.map((c, k) => [c, k < present ? 1 : 0]));
      const u = Scenario.load(s)
        .answer('observasi-produk', product(24))
        .answer('observasi-produk', product(18))
        .answer('observasi-produk', product(12))
        .score();
      expect(u.products!.map((p) => p.score)).toEqual([100, 75, 50]);
      expect(u.score).toBe(75);
      expect(u.band.code).toBe('kuning');
      expect(u.weight).toBe(3);
      // With a one-product unit at 90: (75·3 + 90·1) / 4 = 315 / 4 = 78.75 → kuning
      // (the plain mean of units would be 82.5 → hijau).
      const g = aggregate(s, [u, { score: 90, weight: 1 }]);
      expect(g.score).toBe(78.75);
      expect(g.band.code).toBe('kuning');
    });

    /** F-02 levels: A1 3, other A 5; every B 4; C 3; D 2; E 5; F 0. */
    const f02 = (i: Indicator): number => {
      const aspect = i.code[0];
      if (i.code === 'A1') return 3;
      return { A: 5, B: 4, C: 3, D: 2, E: 5, F: 0 }[aspect as 'A'] ?? 0;
    };

    it.each(['pekppp-2022', 'pekppp-2023', 'pekppp-2024', 'pekppp-2025'])('%s: IPP 3.38 (B-)', (id) => {
      // kebijakan = 0.17·3 + 0.83·5 = 0.51 + 4.15 = 4.66; sdm 4; sarpras 3; sipp 2; konsultasi 5; inovasi 0
      // IPP = 0.24·4.66 + 0.25·4 + 0.18·3 + 0.11·2 + 0.10·5 + 0.12·0
      //     = 1.1184 + 1 + 0.54 + 0.22 + 0.5 + 0 = 3.3784 → 3.38 → B- (3.01–3.50)
      const s = scheme(id);
      const evaluatorOnly = Scenario.load(s)
        .fillAll(
          (i) => (i.code === 'INF.01' ? 1 : f02(i)),
          (ins) => ins.code === 'f02',
        )
        .score();
      expect(evaluatorOnly.raw).toBeCloseTo(3.3784, 10);
      expect(evaluatorOnly.score).toBe(3.38);
      expect(evaluatorOnly.band.code).toBe('B-');
      expect(evaluatorOnly.band.group).toBeUndefined();
      // Self-assessment (all 5) and 20 public questionnaires (all 4) change nothing in the IPP.
      const full = Scenario.load(s)
        .fillAll(
          (i) => (i.code === 'INF.01' ? 1 : f02(i)),
          (ins) => ins.code === 'f02',
        )
        .fillAll(
          (i) => (i.code === 'INF.01' ? 1 : 5),
          (ins) => ins.code === 'f01',
        )
        .fillAll(4, (ins) => ins.code === 'f03')
        .score();
      expect(full.raw).toBe(evaluatorOnly.raw);
      expect(full.complete).toBe(true);
      expect(indicators(full).find((i) => i.code === 'A1')).toMatchObject({ value: 3, claimed: 5 });
      const f03 = full.supplements.find((x) => x.code === 'f03')!;
      expect(f03.indicators.every((i) => i.value === 4 && i.n === 20)).toBe(true);
    });

    it('pekppp-2024: D–F are "Prioritas Pembinaan"', () => {
      const s = scheme('pekppp-2024');
      expect(classify(s, 2).group).toBeDefined();
      expect(classify(s, 1.2).group).toEqual(classify(s, 2).group);
      expect(classify(s, 2.01).group).toBeUndefined();
    });

    it('skm-2017: IKM 86.11 (B) from four respondents', () => {
      // NRR U1–U8 = (4 + 3 + 3 + 4) / 4 = 3.5; U9 = (4 + 3 + 3 + 2) / 4 = 3
      // Σ NRR = 8·3.5 + 3 = 31 → IKM = 25 · 31 / 9 = 86.111… → 86.11 → B (76.61–88.30)
      const row = (v: number, last = v) => [...Array.from({ length: 8 }, () => v), last];
      const r = ikm(scheme('skm-2017'), [row(4), row(3), row(3), row(4, 2)]);
      expect(r.nrr).toEqual([3.5, 3.5, 3.5, 3.5, 3.5, 3.5, 3.5, 3.5, 3]);
      expect(r.ikm).toBe(86.11);
      expect(r.band.code).toBe('B');
    });

    it('skm-2017: exact 1/9 puts Σ NRR = 31.8 in A (0.111 would give B)', () => {
      // 25 · 31.8 / 9 = 88.333… → 88.33 → A;  25 · 31.8 · 0.111 = 88.245 → B
      const row = (v: number) => [...Array.from({ length: 8 }, () => v), 3];
      const r = ikm(scheme('skm-2017'), [row(4), row(4), row(4), row(3), row(3)]);
      expect(r.ikm).toBe(88.33);
      expect(r.band.code).toBe('A');
    });

    it.each([
      [10, 10],
      [100, 80],
      [1_000, 278],
      [100_000, 383],
    ])('skm-2017: sample size for N = %s is %s', (n, expected) => {
      expect(sampleSize(scheme('skm-2017').sampling!, n)).toBe(expected);
    });
  });

  // -------------------------------------------------------------------------------------------
  // What-if and improvements on real schemes
  // -------------------------------------------------------------------------------------------

  describe('what-if', () => {
    const answers = { sheets: Scenario.load(scheme('ombudsman-2024')).fillAll(example).sheets };

    it('2024 → 2025: the trust items are unmapped, the four dimensions are re-weighted', () => {
      // 13.25567 + 18.8825 + 11.312 + 5.026 + 0 = 48.47617 → 48.48 (D); delta 48.48 − 69.25 = −20.77
      const w = whatIf(scheme('ombudsman-2024'), scheme('ombudsman-2025'), answers);
      expect(w.to.score).toBe(48.48);
      expect(w.to.band.code).toBe('D');
      expect(w.delta).toBe(-20.77);
      expect(w.unmapped).toEqual(['T1', 'T2', 'T3', 'T4', 'T5']);
    });

    it('2024 → 2022: same weights, same score', () => {
      expect(whatIf(scheme('ombudsman-2024'), scheme('ombudsman-2022'), answers).delta).toBe(0);
    });

    it('2024 → pekppp-2024 is refused (different family)', () => {
      expect(() => whatIf(scheme('ombudsman-2024'), scheme('pekppp-2024'), answers)).toThrow(/not of the same family/);
    });
  });

  describe('improvements', () => {
    it('ombudsman-2024: complaint handling first, for a government of 7 units', () => {
      // PG at 1 (weight 21.54/6 = 3.59): → 3 gains 3.59 · 2/3 = 2.39333; → 2 gains 1.19667
      // O at 2 (weight 24.24/5 = 4.848): → 3 gains 4.848 / 3 = 1.616
      // K at 2 (weight 21.85/15 = 1.45667): → 3 gains 0.48556
      // P at 2.5 (weight 32.37/12 = 2.6975): → 3 gains 2.6975 / 6 = 0.44958
      // S already at 3. Government gain = unit gain / 7.
      const list = improvements(
        scheme('ombudsman-2024'),
        { sheets: Scenario.load(scheme('ombudsman-2024')).fillAll(example).sheets },
        { governmentUnits: 7 },
      );
      expect(list).toHaveLength(6 + 5 + 6 + 6 + 12);
      expect(list.slice(0, 7).map((i) => [i.indicator, i.to])).toEqual([
        ['PG1', 3],
        ['PG2', 3],
        ['PG3', 3],
        ['PG4', 3],
        ['PG5', 3],
        ['PG6', 3],
        ['O1', 3],
      ]);
      expect(list[0]!.unitGain).toBeCloseTo(2.393333, 5);
      expect(list[0]!.governmentGain).toBeCloseTo(2.393333 / 7, 6);
      expect(list[6]!.unitGain).toBeCloseTo(1.616, 10);
      expect(list[11]).toMatchObject({ indicator: 'PG1', to: 2 });
      expect(list[11]!.unitGain).toBeCloseTo(1.196667, 5);
      expect(list[17]!.indicator).toBe('K1');
      expect(list[17]!.unitGain).toBeCloseTo(0.485556, 5);
      expect(list.at(-1)!.indicator).toBe('P9'); // codes sort as strings: P1, P10, P11, P2 … P9
      expect(list.at(-1)!.unitGain).toBeCloseTo(0.449583, 5);
    });
  });

  // -------------------------------------------------------------------------------------------
  // Scenarios and properties
  // -------------------------------------------------------------------------------------------

  it('ombudsman-2024: the 30th user completes the unit', () => {
    const s = Scenario.load(scheme('ombudsman-2024')).fillAll(3, (ins) => ins.code !== 'pengguna');
    s.answer('pengguna', { O1: 3, O2: 3, O3: 3, O4: 3, O5: 3 }, 29).expectComplete(false).expectScore(100);
    s.answer('pengguna', { O1: 3, O2: 3, O3: 3, O4: 3, O5: 3 }).expectComplete(true).expectBand('A');
  });

  it.each(allSchemes)('%s: full marks give result.max and the top band; lowest marks result.min', (_, s) => {
    const top = Scenario.load(s)
      .fillAll((i) => i.scale.max)
      .score();
    expect(top.complete).toBe(true);
    expect(top.score).toBe(s.result.max);
    expect(top.band.code).toBe(s.bands[0]!.code);
    const bottom = Scenario.load(s)
      .fillAll((i) => i.scale.min)
      .score();
    expect(bottom.score).toBe(s.result.min);
    expect(bottom.band.code).toBe(s.bands.at(-1)!.code);
  });

  it.each(allSchemes)('%s: scores stay in range and never drop when an answer is raised (property)', (_, s) => {
    fc.assert(
      fc.property(
        unitAnswers(s, { maxSheets: 6 }).chain((answers) => {
          const spots = raisableAnswers(s, answers);
          return fc.tuple(fc.constant(answers), spots.length === 0 ? fc.constant(null) : fc.constantFrom(...spots));
        }),
        ([answers, spot]) => {
          const before = scoreUnit(s, answers);
          if (before.raw < 0 || before.raw > s.result.max + 1e-9) return false;
          if (spot === null) return true;
          const after = scoreUnit(s, raise(s, answers, spot));
          return after.raw >= before.raw - 1e-12;
        },
      ),
      { numRuns: 40 },
    );
  });
});
