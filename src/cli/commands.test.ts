import { describe, expect, it } from 'vitest';
import { library } from '../../methodologies/index.ts';
import { commands } from './commands/index.ts';
import { cli, cliJson } from './test/harness.ts';

/*
 * Expected numbers are worked out by hand from methodology.md, not read from the CLI.
 *
 * fixtures/unit-2024.csv (= unit-2024.json), ombudsman-2024, every indicator on 0–3, equal
 * weights inside a dimension:
 *   input (21.85 %, 15 indicators): 4 officials, K1 = 2,3,3,3 → 2.75; S9 = 0; the rest 3
 *       → Σf = 2.75/3 + 5 + 8 + 0 = 13.916667 → 100 · 13.916667/15 = 92.777778
 *   proses (32.37 %, 12): 2 products, P3 = 3 and 1 → 2; the rest 3 → 11.666667/12 = 97.222222
 *   output (24.24 %, 5): 30 users, O2 = 2; the rest 3 → 4.666667/5 = 93.333333
 *   pengaduan (21.54 %, 6): 2 officers, PG6 = 1; the rest 3 → 5.333333/6 = 88.888889
 *   total = .2185·92.777778 + .3237·97.222222 + .2424·93.333333 + .2154·88.888889
 *         = 20.271944 + 31.470833 + 22.624 + 19.146667 = 93.513444 → 93.51, band A (≥ 88)
 *   K1: weight 21.85/15 = 1.456667 %, points 1.456667 · 2.75/3 = 1.335278, lost 0.121389
 */
const HAND = {
  raw: 93.513444,
  input: 92.777778,
  proses: 97.222222,
  output: 93.333333,
  pengaduan: 88.888889,
  inputPoints: 20.271944,
};

interface UnitJson {
  scheme: string;
  unit: string | null;
  score: number;
  raw: number;
  band: { code: string; label: string; zone: string | null };
  complete: boolean;
  missing: string[];
  incomplete_instruments: string[];
  dimensions: {
    code: string;
    score: number;
    points: number;
    points_lost: number;
    variables: {
      indicators: {
        code: string;
        value: number | null;
        sheets: number;
        percentage: number | null;
        weight: number;
        points: number;
        points_lost: number;
        missing: boolean;
      }[];
    }[];
  }[];
  products?: { respondent: string; score: number; complete: boolean }[];
}

const indicator = (u: UnitJson, code: string) =>
  u.dimensions.flatMap((d) => d.variables.flatMap((v) => v.indicators)).find((i) => i.code === code)!;

describe('pantau schemes', () => {
  it('lists every library scheme with year, weights and number of assumptions (--json)', async () => {
    const rows = (await cliJson(['schemes'])) as {
      id: string;
      family: string;
      year: number;
      weights: Record<string, number>;
      assumptions: number;
    }[];
    expect(rows.map((r) => r.id)).toEqual([
      'ombudsman-2021',
      'ombudsman-2022',
      'ombudsman-2023',
      'ombudsman-2024',
      'ombudsman-2025',
      'pekppp-2022',
      'pekppp-2023',
      'pekppp-2024',
      'pekppp-2025',
      'skm-2017',
    ]);
    const o2024 = rows.find((r) => r.id === 'ombudsman-2024')!;
    // methodology.md §2: Input 21.85 %, Proses 32.37 %, Output 24.24 %, Pengaduan 21.54 %.
    expect(o2024).toMatchObject({
      family: 'ombudsman',
      year: 2024,
      weights: { input: 21.85, proses: 32.37, output: 24.24, pengaduan: 21.54 },
    });
    // methodology.md §3: PEKPPP aspects 24/25/18/11/10/12 %.
    expect(Object.values(rows.find((r) => r.id === 'pekppp-2024')!.weights)).toEqual([24, 25, 18, 11, 10, 12]);
    for (const row of rows) expect(row.assumptions).toBe(library.get(row.id)!.assumptions.length);
    expect(rows.every((r) => r.assumptions > 0)).toBe(true);
  });

  it('prints a table with Indonesian decimals', async () => {
    const { code, stdout } = await cli(['schemes']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Skema\s+Keluarga\s+Tahun\s+Bobot dimensi \(%\)\s+Asumsi\n/);
    expect(stdout).toMatch(/ombudsman-2024\s+ombudsman\s+2024\s+input 21,85 · proses 32,37 · output 24,24 · pengaduan 21,54/);
    expect(stdout).toContain('input 15,295');
  });
});

describe('pantau classify', () => {
  it.each([
    // value typed → rounded (half away from zero) → band (closed below)
    ['ombudsman-2024', '87.995', 88, 'A', 'Kualitas Tertinggi', 'hijau'],
    ['ombudsman-2024', '87.994', 87.99, 'B', 'Kualitas Tinggi', 'hijau'],
    ['ombudsman-2024', '53,99', 53.99, 'D', 'Kualitas Rendah', 'merah'],
    ['ombudsman-2021', '81', 81, 'hijau', 'Kepatuhan Tinggi', 'hijau'],
    ['pekppp-2024', '4,005', 4.01, 'A-', 'Sangat Baik', null],
    ['pekppp-2024', '1.009', 1.01, 'E', 'Sangat Buruk', null],
    ['skm-2017', '88.305', 88.31, 'A', 'Sangat Baik', null],
    ['skm-2017', '25', 25, 'D', 'Tidak Baik', null],
  ])('%s %s → %s, band %s', async (scheme, value, rounded, code, label, zone) => {
    expect(await cliJson(['classify', '--scheme', scheme, value])).toEqual({ value: rounded, band: { code, label, zone } });
  });

  it('gives the label in English with --lang en', async () => {
    const result = (await cliJson(['classify', '--scheme', 'skm-2017', '70', '--lang', 'en'])) as { band: { label: string } };
    expect(result.band.label).not.toBe('Kurang Baik');
    expect(result.band.label).toBe(library.get('skm-2017')!.bands.find((b) => b.code === 'C')!.label.en);
  });

  it('prints the rounded value and band as a table', async () => {
    const { stdout } = await cli(['classify', '--scheme', 'ombudsman-2024', '87.995']);
    expect(stdout).toBe('Skema    : ombudsman-2024\nNilai    : 88,00\nPredikat : A — Kualitas Tertinggi (hijau)\n');
    expect((await cli(['classify', '--scheme', 'ombudsman-2024', '87.995', '--lang', 'en'])).stdout).toContain('Value  : 88.00');
  });
});

describe('pantau aggregate', () => {
  it('averages unit scores, rounds once and bands the mean', async () => {
    // (91.2 + 84.5 + 77.03) / 3 = 252.73 / 3 = 84.2433… → 84.24, B (78 ≤ x < 88)
    expect(await cliJson(['aggregate', '--scheme', 'ombudsman-2024', '91.2', '84.5', '77.03'])).toEqual({
      score: 84.24,
      band: { code: 'B', label: 'Kualitas Tinggi', zone: 'hijau' },
    });
    // (4.5 + 4.52) / 2 = 4.51 → A (≥ 4.51) exactly at the edge
    expect(await cliJson(['aggregate', '--scheme', 'pekppp-2024', '4.5', '4,52'])).toMatchObject({ score: 4.51, band: { code: 'A' } });
  });

  it('prints a table', async () => {
    const { stdout } = await cli(['aggregate', '--scheme', 'ombudsman-2024', '91.2', '84.5', '77.03', '--lang', 'en']);
    const label = library.get('ombudsman-2024')!.bands.find((b) => b.code === 'B')!.label.en;
    expect(stdout).toBe(`Scheme : ombudsman-2024\nUnits  : 3\nScore  : 84.24\nBand   : B — ${label} (green)\n`);
  });
});

describe('pantau score', () => {
  it('scores the CSV answers file by hand-computed numbers (--json)', async () => {
    const u = (await cliJson(['score', '--scheme', 'ombudsman-2024', 'unit-2024.csv'])) as UnitJson;
    expect(u).toMatchObject({
      scheme: 'ombudsman-2024',
      unit: null,
      score: 93.51,
      complete: true,
      missing: [],
      incomplete_instruments: [],
    });
    expect(u.band).toEqual({ code: 'A', label: 'Kualitas Tertinggi', zone: 'hijau' });
    expect(u.raw).toBeCloseTo(HAND.raw, 5);
    const dims = Object.fromEntries(u.dimensions.map((d) => [d.code, d]));
    expect(dims.input!.score).toBeCloseTo(HAND.input, 5);
    expect(dims.proses!.score).toBeCloseTo(HAND.proses, 5);
    expect(dims.output!.score).toBeCloseTo(HAND.output, 5);
    expect(dims.pengaduan!.score).toBeCloseTo(HAND.pengaduan, 5);
    expect(dims.input!.points).toBeCloseTo(HAND.inputPoints, 5);
    expect(dims.input!.points_lost).toBeCloseTo(21.85 - HAND.inputPoints, 5);
    const k1 = indicator(u, 'K1');
    expect(k1).toMatchObject({ value: 2.75, sheets: 4, missing: false });
    expect(k1.percentage).toBeCloseTo(91.666667, 5);
    expect(k1.weight).toBeCloseTo(1.456667, 5);
    expect(k1.points).toBeCloseTo(1.335278, 5);
    expect(k1.points_lost).toBeCloseTo(0.121389, 5);
    expect(indicator(u, 'O2')).toMatchObject({ value: 2, sheets: 30 });
  });

  it('gives the same result for the same answers as JSON, taking scheme and unit from the file', async () => {
    const fromCsv = (await cliJson(['score', '--scheme', 'ombudsman-2024', 'unit-2024.csv'])) as UnitJson;
    const fromJson = (await cliJson(['score', 'unit-2024.json'])) as UnitJson;
    expect(fromJson).toEqual({ ...fromCsv, unit: 'Disdukcapil Kota Contoh' });
  });

  it('reads stdin, treats empty cells as missing and reports the unit incomplete', async () => {
    /*
     * unit-2024-partial.csv: 1 official, K1–K6 = 3 → input 100 · 6/15 = 40;
     * 2 users: O1–O4 = 3 and 0 → 1.5 (f = .5), O5 = 3 and empty → 3 (f = 1) → output 100 · 3/5 = 60;
     * total = .2185 · 40 + .2424 · 60 = 8.74 + 14.544 = 23.284 → 23.28, band E (< 32).
     */
    const { readFile } = await import('node:fs/promises');
    const csv = await readFile(new URL('./test/fixtures/unit-2024-partial.csv', import.meta.url), 'utf8');
    const u = (await cliJson(['score', '--scheme', 'ombudsman-2024', '-'], csv)) as UnitJson;
    expect(u).toMatchObject({ score: 23.28, complete: false, band: { code: 'E' } });
    expect(u.missing).toEqual([
      'S1',
      'S2',
      'S3',
      'S4',
      'S5',
      'S6',
      'S7',
      'S8',
      'S9',
      'P1',
      'P2',
      'P3',
      'P4',
      'P5',
      'P6A',
      'P6B',
      'P7',
      'P8',
      'P9',
      'P10',
      'P11',
      'PG1',
      'PG2',
      'PG3',
      'PG4',
      'PG5',
      'PG6',
    ]);
    expect(u.incomplete_instruments.sort()).toEqual(['dokumen', 'observasi-produk', 'pejabat', 'pengelola-pengaduan', 'pengguna']);
    expect(indicator(u, 'O1')).toMatchObject({ value: 1.5, sheets: 2 });
    expect(indicator(u, 'O5')).toMatchObject({ value: 3, sheets: 1 });
    expect(indicator(u, 'S1')).toMatchObject({ value: null, sheets: 0, missing: true, points: 0 });
  });

  it('scores ombudsman-2021 per product and averages the products', async () => {
    // 24 present/absent items; Izin Usaha misses 1 → 23/24 = 95.83; PBG misses 3 → 21/24 = 87.50;
    // unit = (95.8333 + 87.5) / 2 = 91.6667 → 91.67, zone hijau (≥ 81).
    const u = (await cliJson(['score', 'unit-2021.json'])) as UnitJson;
    expect(u).toMatchObject({ score: 91.67, band: { code: 'hijau' }, complete: true });
    expect(u.products).toEqual([
      expect.objectContaining({ respondent: 'Izin Usaha', score: 95.83, complete: true }),
      expect.objectContaining({ respondent: 'PBG', score: 87.5, complete: true }),
    ]);
  });

  it('prints the summary, the dimensions and the indicators as tables', async () => {
    const { code, stdout } = await cli(['score', 'unit-2024.json']);
    expect(code).toBe(0);
    expect(stdout).toContain(
      'Unit     : Disdukcapil Kota Contoh\nNilai    : 93,51\nPredikat : A — Kualitas Tertinggi (hijau)\nLengkap  : ya\n',
    );
    expect(stdout).toMatch(/input — Input\s+21,85\s+92,78\s+20,27\s+1,58\n/);
    expect(stdout).toMatch(/K1\s+input\s+2,75\s+4\s+91,67\s+1,46\s+1,34\s+0,12\n/);
    const en = (await cli(['score', 'unit-2024.json', '--lang', 'en'])).stdout;
    expect(en).toContain('Score    : 93.51');
    expect(en).toMatch(/K1\s+input\s+2\.75\s+4\s+91\.67/);
  });

  it('lists what is missing in the table of an incomplete unit', async () => {
    const { readFile } = await import('node:fs/promises');
    const csv = await readFile(new URL('./test/fixtures/unit-2024-partial.csv', import.meta.url), 'utf8');
    const { stdout } = await cli(['score', '--scheme', 'ombudsman-2024', '-', '--lang', 'en'], csv);
    expect(stdout).toContain('Complete                : no\n');
    expect(stdout).toMatch(/Not answered\s+: S1, S2, .*, PG6\n/);
    expect(stdout).toContain('pengguna (2/30)');
    expect(stdout).toMatch(/S1\s+input\s+—\s+0\s+—\s+1\.46\s+0\.00\s+1\.46\n/);
  });
});

describe('pantau whatif', () => {
  it('re-scores the answers under the target scheme (--json)', async () => {
    /*
     * ombudsman-2025: the same four dimension scores with weights 15.295/22.659/16.968/15.078 %,
     * and Kepercayaan (30 %) unanswered:
     *   .15295·92.777778 + .22659·97.222222 + .16968·93.333333 + .15078·88.888889 + .30·0
     *   = 14.190347 + 22.029583 + 15.8368 + 13.402667 = 65.459397 → 65.46, C (54 ≤ x < 78)
     * delta = 65.46 − 93.51 = −28.05
     */
    const r = (await cliJson(['whatif', '--scheme', 'ombudsman-2024', '--to', 'ombudsman-2025', 'unit-2024.csv'])) as {
      from: { scheme: string; score: number; band: { code: string }; complete: boolean };
      to: { scheme: string; score: number; band: { code: string }; complete: boolean };
      delta: number;
      unmapped: string[];
    };
    expect(r.from).toMatchObject({ scheme: 'ombudsman-2024', score: 93.51, band: { code: 'A' }, complete: true });
    expect(r.to).toMatchObject({ scheme: 'ombudsman-2025', score: 65.46, band: { code: 'C' }, complete: false });
    expect(r.delta).toBe(-28.05);
    expect(r.unmapped).toEqual(['T1', 'T2', 'T3', 'T4', 'T5']);
  });

  it('prints both results, the dimensions side by side and the difference', async () => {
    const { stdout } = await cli(['whatif', '--to', 'ombudsman-2025', 'unit-2024.json']);
    expect(stdout).toMatch(/Dari\s+ombudsman-2024\s+93,51\s+A — /);
    expect(stdout).toMatch(/Ke\s+ombudsman-2025\s+65,46\s+C — /);
    expect(stdout).toMatch(/input\s+92,78 × 21,85%\s+92,78 × 15,295%\n/);
    expect(stdout).toMatch(/kepercayaan\s+—\s+0,00 × 30%\n/);
    expect(stdout).toMatch(/Selisih\s+: -28,05\n/);
    expect(stdout).toMatch(/tanpa jawaban\s+: T1, T2, T3, T4, T5\n/);
  });
});

describe('pantau improve', () => {
  /*
   * Full points per indicator = dimension weight / indicators: input 21.85/15 = 1.456667,
   * proses 32.37/12 = 2.6975, output 24.24/5 = 4.848, pengaduan 21.54/6 = 3.59.
   * Gain to level L = full · (L − now)/3:
   *   PG6 1→3: 2.393333   O2 2→3: 1.616   S9 0→3: 1.456667   PG6 1→2: 1.196667
   *   S9 0→2: 0.971111    P3 2→3: 0.899167   S9 0→1: 0.485556   K1 2.75→3: 0.121389
   */
  const order = [
    ['PG6', 3, 2.393333],
    ['O2', 3, 1.616],
    ['S9', 3, 1.456667],
    ['PG6', 2, 1.196667],
    ['S9', 2, 0.971111],
    ['P3', 3, 0.899167],
    ['S9', 1, 0.485556],
    ['K1', 3, 0.121389],
  ] as const;

  type Row = {
    indicator: string;
    dimension: string;
    from: number | null;
    to: number;
    unit_gain: number;
    government_gain: number;
    descriptor: string;
  };

  it('lists every gain, largest first, with the government share (--json)', async () => {
    const rows = (await cliJson(['improve', '--scheme', 'ombudsman-2024', '--units', '4', 'unit-2024.csv'])) as Row[];
    expect(rows.map((r) => [r.indicator, r.to])).toEqual(order.map(([code, to]) => [code, to]));
    rows.forEach((row, k) => {
      expect(row.unit_gain).toBeCloseTo(order[k]![2], 5);
      expect(row.government_gain).toBeCloseTo(order[k]![2] / 4, 5);
    });
    expect(rows[0]).toMatchObject({ indicator: 'PG6', dimension: 'pengaduan', from: 1, to: 3 });
    expect(rows[7]).toMatchObject({ indicator: 'K1', from: 2.75 });
    expect(rows[0]!.descriptor.length).toBeGreaterThan(0);
  });

  it('keeps the top N with --top', async () => {
    const rows = (await cliJson(['improve', '--top', '3', 'unit-2024.json'])) as Row[];
    expect(rows.map((r) => r.indicator)).toEqual(['PG6', 'O2', 'S9']);
    // Without --units, the government is this one unit: its gain equals the unit's.
    expect(rows[0]!.government_gain).toBeCloseTo(2.393333, 5);
  });

  it('prints a table', async () => {
    const { stdout } = await cli(['improve', '--top', '2', 'unit-2024.json', '--units', '4']);
    expect(stdout).toMatch(/^Indikator\s+Dimensi\s+Dari\s+Ke\s+Tambah nilai unit\s+Tambah nilai pemda/);
    expect(stdout).toMatch(/\nPG6\s+pengaduan\s+1\s+3\s+\+2,39\s+\+0,60\s+\S/);
    expect(stdout).toMatch(/\nO2\s+output\s+2\s+3\s+\+1,62\s+\+0,40\s+\S/);
    expect(stdout.trimEnd().split('\n')).toHaveLength(4);
  });
});

describe('pantau plan', () => {
  /*
   * unit-2024.json scores 93.513 → 93.51 (100 minus the points lost of `pantau improve`:
   * 0.121 + 1.457 + 0.899 + 1.616 + 2.393; one unit: the government). fixtures/plan-peers.csv: Kota A 96,
   * Kota B 95, Kabupaten C 95, Kabupaten D 93 → the government is 4th of 5.
   * Rank 2 needs 95.00 (B and C share rank 2): +1.49. One-step gains (see `pantau improve`):
   * O2 2→3 +1.616, PG6 1→2 +1.197, P3 2→3 +0.899, S9 0→1 +0.486: O2 alone reaches 95.13 (rank 2).
   * Rank 1 needs 96.00 (+2.49): one step is not enough (at most 1.616); two steps give at most
   * O2 + PG6 1→2 = 2.813 or PG6 1→3 = 2.393, so O2 2→3 and PG6 1→2 → 93.513 + 2.813 = 96.33.
   * With only S9 fixable the top is 93.51 + 1.457 = 94.97: unreachable.
   */
  type Plan = {
    status: string;
    peers_assumed_unchanged: boolean;
    current: { score: number; rank: number; of: number };
    target: { rank: number; score: number; needed: number; tied_with: string[] };
    fixes: { unit: string; indicator: string; from: number; to: number; steps: number; government_gain: number }[];
    steps: number;
    result: { score: number; rank: number };
    maximum: { score: number; rank: number };
  };

  it('rank 2: +1.49, one step (O2 2→3) → 95.13 (--json)', async () => {
    const plan = (await cliJson(['plan', '--rank', '2', '--peers', 'plan-peers.csv', 'unit-2024.json'])) as Plan;
    expect(plan).toMatchObject({
      status: 'reachable',
      peers_assumed_unchanged: true,
      current: { score: 93.51, rank: 4, of: 5 },
      target: { rank: 2, score: 95, needed: 1.49, tied_with: ['Kota B', 'Kabupaten C'] },
      steps: 1,
      result: { score: 95.13, rank: 2 },
    });
    expect(plan.fixes.map((f) => [f.unit, f.indicator, f.from, f.to, f.steps])).toEqual([['Disdukcapil Kota Contoh', 'O2', 2, 3, 1]]);
    expect(plan.fixes[0]!.government_gain).toBeCloseTo(1.616, 9);
  });

  it('rank 1: two steps, O2 2→3 and PG6 1→2 → 96.33', async () => {
    const plan = (await cliJson(['plan', '--rank', '1', '--peers', 'plan-peers.csv', 'unit-2024.json'])) as Plan;
    expect(plan.fixes.map((f) => [f.indicator, f.to])).toEqual([
      ['O2', 3],
      ['PG6', 2],
    ]);
    expect(plan.result).toEqual({ score: 96.33, rank: 1 });
  });

  it('unreachable with --fixable S9, showing the highest possible score', async () => {
    const plan = (await cliJson(['plan', '--rank', '1', '--peers', 'plan-peers.csv', '--fixable', 'S9', 'unit-2024.json'])) as Plan;
    expect(plan).toMatchObject({ status: 'unreachable', fixes: [], maximum: { score: 94.97, rank: 4 } });
  });

  it('prints the summary, the fixes and the assumption', async () => {
    const { stdout } = await cli(['plan', '--rank', '2', '--peers', 'plan-peers.csv', 'unit-2024.json']);
    expect(stdout).toMatch(/Sekarang\s+: 93,51 \(peringkat 4 dari 5\)\n/);
    expect(stdout).toMatch(/Perlu tambahan\s+: \+1,49\n/);
    expect(stdout).toMatch(/\nDisdukcapil Kota Contoh\s+O2\s+output\s+2\s+3\s+1\s+\+1,62\s+\S/);
    expect(stdout).toContain('Peserta lain dianggap tetap pada nilai terbitnya.');
    const en = await cli(['plan', '--rank', '2', '--peers', 'plan-peers.csv', 'unit-2024.json', '--lang', 'en']);
    expect(en.stdout).toContain('Peers are assumed to keep their published scores.');
  });

  it('refuses a rank that is not a positive whole number, and a missing --peers', async () => {
    const bad = await cli(['plan', '--rank', '0', '--peers', 'plan-peers.csv', 'unit-2024.json']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("'0' bukan bilangan bulat positif");
    expect((await cli(['plan', '--rank', '1', 'unit-2024.json'])).code).toBe(2);
  });
});

describe('pantau ikm', () => {
  /*
   * fixtures/skm.csv, rows grouped per unit in first-seen order:
   *   Unit A (2 respondents): U1–U8 = 4,3 → 3.5; U9 = 4,2 → 3
   *       IKM = 25 · (8 · 3.5 + 3)/9 = 25 · 31/9 = 86.111 → 86.11, B (76.61 ≤ x < 88.31)
   *   Unit B (3): U1 1,2,3 → 2; U2 2,2,2 → 2; U3 3,2,1 → 2; U4 4,2,1 → 7/3; U5 → 2; U6 → 2;
   *       U7 → 2; U8 → 7/3; U9 1,2,3 → 2; Σ = 14 + 14/3 = 18.667 → 25 · 18.667/9 = 51.852 → 51.85, D (< 65)
   */
  it('computes NRR, IKM and mutu per unit (--json)', async () => {
    const rows = (await cliJson(['ikm', 'skm.csv'])) as { unit: string; respondents: number; nrr: number[]; ikm: number; band: object }[];
    expect(rows.map((r) => [r.unit, r.respondents, r.ikm])).toEqual([
      ['Unit A', 2, 86.11],
      ['Unit B', 3, 51.85],
    ]);
    expect(rows[0]!.band).toEqual({ code: 'B', label: 'Baik', zone: null });
    expect(rows[1]!.band).toEqual({ code: 'D', label: 'Tidak Baik', zone: null });
    const expectNrr = [
      [3.5, 3.5, 3.5, 3.5, 3.5, 3.5, 3.5, 3.5, 3],
      [2, 2, 2, 7 / 3, 2, 2, 2, 7 / 3, 2],
    ];
    rows.forEach((row, k) => {
      expect(row.nrr).toHaveLength(9);
      for (const [u, n] of row.nrr.entries()) expect(n).toBeCloseTo(expectNrr[k]![u]!, 9);
    });
  });

  it('prints a table', async () => {
    const { stdout } = await cli(['ikm', 'skm.csv']);
    expect(stdout).toMatch(/^Unit\s+Responden\s+U1\s+U2/);
    expect(stdout).toMatch(/\nUnit A\s+2\s+(3,50\s+){8}3,00\s+86,11\s+B — Baik\n/);
    expect(stdout).toMatch(/\nUnit B\s+3\s+2,00\s+2,00\s+2,00\s+2,33\s+.*51,85\s+D — Tidak Baik\n/);
  });
});

describe('pantau sample-size', () => {
  it.each([
    // S = 3.841·N·.25 / (.0025·(N−1) + 3.841·.25)
    [1000, 278], // 960.25 / 3.45775 = 277.71
    [100, 80], // 96.025 / 1.20775 = 79.51
    [10, 10], // 9.6025 / 0.98275 = 9.77 → 10
    [1, 1],
  ])('N = %i → %i respondents', async (population, sample) => {
    expect(await cliJson(['sample-size', String(population)])).toEqual({ population, sample });
  });

  it('prints a table with grouped thousands', async () => {
    expect((await cli(['sample-size', '100000'])).stdout).toBe('Populasi       : 100.000\nSampel minimum : 383\n');
    expect((await cli(['sample-size', '100000', '--lang', 'en'])).stdout).toBe('Population     : 100,000\nMinimum sample : 383\n');
  });
});

describe('pantau --help', () => {
  it('lists every command of the table', async () => {
    const { code, stdout } = await cli(['--help']);
    expect(code).toBe(0);
    for (const entry of commands) expect(stdout).toContain(`  ${entry.name}`);
    expect(stdout).toContain('--lang id|en');
  });

  it.each(commands.map((c) => c.name))('explains `%s` in both languages', async (name) => {
    const id = await cli([...name.split(' '), '--help']);
    expect(id.code).toBe(0);
    expect(id.stdout).toMatch(new RegExp(`^pantau ${name} — `));
    expect(id.stdout).toContain('Pemakaian: pantau ');
    expect(id.stdout).toContain('Contoh:');
    const en = await cli([...name.split(' '), '-h', '--lang', 'en']);
    expect(en.stdout).toContain('Usage: pantau ');
    expect(en.stdout).toContain(commands.find((c) => c.name === name)!.summary.en);
  });
});

describe('pantau restore', () => {
  it('refuses, in the chosen language, while a server answers on the data directory', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { createServer } = await import('node:net');
    const dir = mkdtempSync(join(tmpdir(), 'pantau-restore-refused-'));
    // What a running server's backup socket answers to a ping (server/ops/backup-socket.ts).
    const server = createServer((s) => s.on('data', () => s.end(`${JSON.stringify({ ok: true })}\n`)));
    await new Promise<void>((r) => server.listen(join(dir, 'backup.sock'), r));
    const env = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
    process.env.DATA_DIR = dir;
    delete process.env.DATABASE_URL;
    try {
      const id = await cli(['restore', 'cadangan.backup']);
      expect(id.code).toBe(2);
      expect(id.stderr).toContain('server Pantau sedang berjalan pada direktori data ini');
      const en = await cli(['restore', 'cadangan.backup', '--lang', 'en']);
      expect(en.stderr).toContain('a Pantau server is running on this data directory');
    } finally {
      for (const [k, v] of Object.entries(env))
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
