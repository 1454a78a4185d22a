// The shipped methodology library: every file loads, carries methodology.md's numbers, lists
// every ASSUMPTION that affects it, and stays consistent across the years of a family.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Indicator, Scheme } from '../src/core/types.ts';
import { LibraryError, buildLibrary, getScheme, library, schemeIds } from './index.ts';
import ombudsman2024 from './ombudsman-2024.json' with { type: 'json' };

const OMBUDSMAN_4D = ['ombudsman-2022', 'ombudsman-2023', 'ombudsman-2024', 'ombudsman-2025'];
const PEKPPP = ['pekppp-2022', 'pekppp-2023', 'pekppp-2024', 'pekppp-2025'];
const ALL = ['ombudsman-2021', ...OMBUDSMAN_4D, ...PEKPPP, 'skm-2017'];

function scheme(id: string): Scheme {
  const s = getScheme(id);
  if (!s) throw new Error(`scheme ${id} is not in the library`);
  return s;
}

const scored = (s: Scheme): Indicator[] => s.dimensions.flatMap((d) => d.variables.flatMap((v) => v.indicators));
const beside = (s: Scheme): Indicator[] => s.supplements.flatMap((g) => g.indicators);
const codesOf = (list: Indicator[]): string[] => list.map((i) => i.code);
const dimensionCodes = (s: Scheme, dim: string): string[] =>
  codesOf(s.dimensions.find((d) => d.code === dim)?.variables.flatMap((v) => v.indicators) ?? []);

/** CIE L* (0 black … 100 white) of a #rrggbb colour: its grey level when printed in greyscale. */
function lightness(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return 116 * (y > 216 / 24389 ? Math.cbrt(y) : ((24389 / 27) * y + 16) / 116) - 16;
}

describe('methodology library', () => {
  it('ships exactly the ten schemes, in family-then-year order', () => {
    expect(schemeIds).toEqual(ALL);
  });

  it('imports every JSON file in methodologies/ (none forgotten in index.ts)', () => {
    const dir = fileURLToPath(new URL('.', import.meta.url));
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort();
    expect(files).toEqual([...[...ALL].sort().map((id) => `${id}.json`), 'topics.json', 'document-types.json'].sort());
  });

  it.each(ALL)('%s: id is family-year and matches getScheme', (id) => {
    const s = scheme(id);
    expect(s.id).toBe(id);
    expect(`${s.family}-${s.year}`).toBe(id);
    expect(library.get(id)).toBe(s);
    expect(s.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(s.legalBasis.length).toBeGreaterThan(0);
  });

  it('returns undefined for an unknown id', () => {
    expect(getScheme('ombudsman-2020')).toBeUndefined();
  });

  it('freezes every scheme deeply, so no caller can edit the shared library', () => {
    const s = scheme('ombudsman-2024');
    const band = s.bands[0];
    expect(Object.isFrozen(s)).toBe(true);
    expect(Object.isFrozen(band)).toBe(true);
    expect(() => {
      if (band) band.min = 1;
    }).toThrow(TypeError);
  });

  describe('buildLibrary', () => {
    it('throws one LibraryError naming the file and every path when a file is invalid', () => {
      const broken = structuredClone(ombudsman2024) as { dimensions: { weight: number }[]; bands: { max: number }[] };
      broken.dimensions[0]!.weight = 20;
      broken.bands[1]!.max = 87;
      let error: unknown;
      try {
        buildLibrary({ 'ombudsman-2024.json': broken });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(LibraryError);
      const issues = (error as LibraryError).issues;
      expect(issues).toEqual([
        'methodologies/ombudsman-2024.json: dimensions: dimension weights sum to 98.15, expected 100 (±0.001)',
        'methodologies/ombudsman-2024.json: bands[1].max: 87.00 leaves a gap below band "A": must be exactly 87.99 (0.01 below 88.00)',
      ]);
      expect((error as Error).message).toContain(issues[0]);
    });

    it('rejects a file not named after its scheme id', () => {
      expect(() => buildLibrary({ 'ombudsman-2023.json': ombudsman2024 })).toThrow(
        'methodologies/ombudsman-2023.json: id: the file must be named after its scheme id ("ombudsman-2024.json")',
      );
    });
  });

  describe('weights (methodology.md)', () => {
    const DIMENSIONS: Record<string, Record<string, number>> = {
      'ombudsman-2021': { kepatuhan: 100 },
      'ombudsman-2022': { input: 21.85, proses: 32.37, output: 24.24, pengaduan: 21.54 },
      'ombudsman-2023': { input: 21.85, proses: 32.37, output: 24.24, pengaduan: 21.54 },
      'ombudsman-2024': { input: 21.85, proses: 32.37, output: 24.24, pengaduan: 21.54 },
      'ombudsman-2025': { input: 15.295, proses: 22.659, output: 16.968, pengaduan: 15.078, kepercayaan: 30 },
      ...Object.fromEntries(PEKPPP.map((id) => [id, { kebijakan: 24, sdm: 25, sarpras: 18, sipp: 11, konsultasi: 10, inovasi: 12 }])),
      'skm-2017': { unsur: 100 },
    };

    it.each(ALL)('%s: dimension weights', (id) => {
      const s = scheme(id);
      expect(Object.fromEntries(s.dimensions.map((d) => [d.code, d.weight]))).toEqual(DIMENSIONS[id]);
    });

    it('ombudsman-2025: the four dimensions keep the 2023 proportions inside 70 %', () => {
      const y2023 = scheme('ombudsman-2023');
      const y2025 = scheme('ombudsman-2025');
      for (const d of y2023.dimensions) {
        expect(y2025.dimensions.find((e) => e.code === d.code)?.weight).toBeCloseTo(d.weight * 0.7, 9);
      }
    });

    it.each([...OMBUDSMAN_4D, 'ombudsman-2021', 'skm-2017'])('%s: indicators weigh equally inside every dimension', (id) => {
      for (const d of scheme(id).dimensions) {
        expect(d.indicatorWeighting).toBe('equal');
        expect(d.variables.flatMap((v) => v.indicators).every((i) => i.weight === undefined)).toBe(true);
      }
    });

    // reference.md §3.3: code, weight within the aspect, evaluation principle.
    const PEKPPP_INDICATORS: [string, number, string][] = [
      ['A1', 17, 'Ak'],
      ['A2', 14, 'P'],
      ['A3', 7, 'T'],
      ['A4', 14, 'K'],
      ['A5', 10, 'K'],
      ['A6', 17, 'B'],
      ['A7', 7, 'T'],
      ['A8', 7, 'Ak'],
      ['A9', 7, 'Ak'],
      ['B1', 10, 'As'],
      ['B2', 20, 'K'],
      ['B3', 20, 'Ak'],
      ['B4', 20, 'K'],
      ['B5', 30, 'K'],
      ['C1', 15, 'K'],
      ['C2', 23, 'As'],
      ['C3', 20, 'As'],
      ['C4', 20, 'K'],
      ['C5', 11, 'As'],
      ['C6', 11, 'B'],
      ['D1', 30, 'T'],
      ['D2', 20, 'B'],
      ['D3', 20, 'As'],
      ['D4', 30, 'T'],
      ['E1', 20, 'P'],
      ['E2', 25, 'P'],
      ['E3', 25, 'Ak'],
      ['E4', 30, 'Ak'],
      ['F1', 50, 'B'],
      ['F2', 50, 'B'],
    ];

    it.each(PEKPPP)('%s: 30 indicators with the weights and principles of reference §3.3', (id) => {
      const s = scheme(id);
      expect(s.dimensions.every((d) => d.indicatorWeighting === 'explicit')).toBe(true);
      expect(scored(s).map((i) => [i.code, i.weight, i.tags?.[0]])).toEqual(PEKPPP_INDICATORS);
    });
  });

  describe('structure', () => {
    it('ombudsman-2021: one checklist of ten variables and 24 present/absent items, scored per product', () => {
      const s = scheme('ombudsman-2021');
      expect(s.dimensions).toHaveLength(1);
      expect(s.dimensions[0]?.variables.map((v) => v.code)).toEqual([
        'standar-pelayanan',
        'maklumat',
        'sistem-informasi',
        'sarana',
        'pelayanan-khusus',
        'pengaduan',
        'evaluasi-kinerja',
        'visi-misi-motto',
        'atribut',
        'pelayanan-terpadu',
      ]);
      expect(scored(s)).toHaveLength(24);
      expect(scored(s).every((i) => i.scale.min === 0 && i.scale.max === 1)).toBe(true);
      expect(s.aggregation).toEqual({ unit: 'products', government: 'products-mean', verticalOffices: 'with-parent' });
      expect(s.instruments).toEqual([
        expect.objectContaining({
          code: 'observasi-produk',
          kind: 'observation',
          role: 'score',
          perProduct: true,
          quota: { target: 1 },
          covers: codesOf(scored(s)),
        }),
      ]);
    });

    it.each(OMBUDSMAN_4D)('%s: indicator lists of reference §2.4 on a 0–3 scale', (id) => {
      const s = scheme(id);
      expect(dimensionCodes(s, 'input')).toEqual([
        'K1',
        'K2',
        'K3',
        'K4',
        'K5',
        'K6',
        'S1',
        'S2',
        'S3',
        'S4',
        'S5',
        'S6',
        'S7',
        'S8',
        'S9',
      ]);
      expect(dimensionCodes(s, 'proses')).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6A', 'P6B', 'P7', 'P8', 'P9', 'P10', 'P11']);
      expect(dimensionCodes(s, 'output')).toEqual(['O1', 'O2', 'O3', 'O4', 'O5']);
      expect(dimensionCodes(s, 'pengaduan')).toEqual(['PG1', 'PG2', 'PG3', 'PG4', 'PG5', 'PG6']);
      expect(dimensionCodes(s, 'kepercayaan')).toEqual(id === 'ombudsman-2025' ? ['T1', 'T2', 'T3', 'T4', 'T5'] : []);
      expect(scored(s).every((i) => i.scale.min === 0 && i.scale.max === 3)).toBe(true);
      expect(s.aggregation).toEqual({ unit: 'sheets', government: 'units-mean', verticalOffices: 'with-parent' });
    });

    it.each(OMBUDSMAN_4D)('%s: instruments and quotas', (id) => {
      const s = scheme(id);
      const users = [...dimensionCodes(s, 'output'), ...dimensionCodes(s, 'kepercayaan')];
      expect(s.instruments.map((i) => [i.code, i.kind, i.role, i.quota, i.perProduct ?? false, i.covers])).toEqual([
        ['pejabat', 'interview', 'score', { target: 4 }, false, ['K1', 'K2', 'K3', 'K4', 'K5', 'K6']],
        ['dokumen', 'document', 'score', { target: 1 }, false, ['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8', 'S9']],
        ['observasi-produk', 'observation', 'score', { target: 2, min: 2 }, true, dimensionCodes(s, 'proses')],
        // issue 13 §5: a Perwakilan may set one unit's user quota within 20–40 (ASSUMPTION in the file).
        ['pengguna', 'interview', 'score', { target: 30, adjust: { min: 20, max: 40 } }, false, users],
        ['pengelola-pengaduan', 'interview', 'score', { target: 2 }, false, dimensionCodes(s, 'pengaduan')],
      ]);
    });

    it('ombudsman-2025: the "Tanpa Maladministrasi" qualifier looks at the four Ombudsman products', () => {
      const s = scheme('ombudsman-2025');
      expect(s.qualifiers).toEqual([
        {
          code: 'tanpa-maladministrasi',
          label: { id: 'Tanpa Maladministrasi', en: 'Without Maladministration' },
          rule: { kind: 'all-followed-up', whenNoneDue: true },
          products: ['tindakan-korektif', 'saran-perbaikan', 'saran-penyempurnaan', 'rekomendasi'],
        },
      ]);
      for (const id of ALL.filter((x) => x !== 'ombudsman-2025')) expect(scheme(id).qualifiers).toEqual([]);
    });

    it.each(PEKPPP)('%s: F-01 claims, F-02 scores, F-03 and INF.01 sit beside the IPP on 0–5', (id) => {
      const s = scheme(id);
      const f03 = s.supplements.find((g) => g.code === 'f03');
      expect(f03?.indicators.length).toBeGreaterThanOrEqual(11);
      expect(codesOf(beside(s))).toContain('INF.01');
      expect([...scored(s), ...beside(s)].every((i) => i.scale.min === 0 && i.scale.max === 5)).toBe(true);
      const byCode = Object.fromEntries(s.instruments.map((i) => [i.code, i]));
      expect(byCode['f01']).toMatchObject({ kind: 'self-assessment', role: 'claim' });
      expect(byCode['f02']).toMatchObject({ kind: 'verification', role: 'score' });
      expect(byCode['f03']).toMatchObject({
        kind: 'questionnaire',
        role: 'beside',
        quota: { target: 20, min: 10 },
        covers: codesOf(f03?.indicators ?? []),
      });
      for (const code of codesOf(scored(s))) {
        expect(byCode['f01']?.covers).toContain(code);
        expect(byCode['f02']?.covers).toContain(code);
      }
    });

    it('skm-2017: nine unsur U1–U9 answered 1–4, Krejcie–Morgan sampling', () => {
      const s = scheme('skm-2017');
      expect(codesOf(scored(s))).toEqual(['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9']);
      expect(scored(s).every((i) => i.scale.min === 1 && i.scale.max === 4)).toBe(true);
      expect(s.result).toMatchObject({ min: 25, max: 100 });
      expect(s.sampling).toEqual({ method: 'krejcie-morgan', chiSquare: 3.841, p: 0.5, d: 0.05 });
    });
  });

  describe('bands (methodology.md)', () => {
    const OPINION = [
      ['A', 88, 'Kualitas Tertinggi', 'hijau'],
      ['B', 78, 'Kualitas Tinggi', 'hijau'],
      ['C', 54, 'Kualitas Sedang', 'kuning'],
      ['D', 32, 'Kualitas Rendah', 'merah'],
      ['E', 0, 'Kualitas Terendah', 'merah'],
    ] as const;
    const BANDS: Record<string, [string, number, string, string | undefined][]> = {
      'ombudsman-2021': [
        ['hijau', 81, 'Kepatuhan Tinggi', 'hijau'],
        ['kuning', 51, 'Kepatuhan Sedang', 'kuning'],
        ['merah', 0, 'Kepatuhan Rendah', 'merah'],
      ],
      'ombudsman-2022': OPINION.map(([c, m, l, z]) => [c, m, l, z]),
      'ombudsman-2023': OPINION.map(([c, m, l, z]) => [c, m, l, z]),
      'ombudsman-2024': OPINION.map(([c, m, l, z]) => [c, m, l, z]),
      'ombudsman-2025': OPINION.map(([c, m, l, z]) => [c, m, `Opini ${l}`, z]),
      ...Object.fromEntries(
        PEKPPP.map((id) => [
          id,
          [
            ['A', 4.51, 'Pelayanan Prima', undefined],
            ['A-', 4.01, 'Sangat Baik', undefined],
            ['B', 3.51, 'Baik', undefined],
            ['B-', 3.01, 'Baik dengan Catatan', undefined],
            ['C', 2.51, 'Cukup', undefined],
            ['C-', 2.01, 'Cukup dengan Catatan', undefined],
            ['D', 1.51, 'Buruk', undefined],
            ['E', 1.01, 'Sangat Buruk', undefined],
            ['F', 0, 'Gagal', undefined],
          ],
        ]),
      ),
      'skm-2017': [
        ['A', 88.31, 'Sangat Baik', undefined],
        ['B', 76.61, 'Baik', undefined],
        ['C', 65, 'Kurang Baik', undefined],
        ['D', 25, 'Tidak Baik', undefined],
      ],
    };

    it.each(ALL)('%s: codes, lower bounds, labels and zones', (id) => {
      expect(scheme(id).bands.map((b) => [b.code, b.min, b.label.id, b.zone])).toEqual(BANDS[id]);
    });

    it.each(PEKPPP)('%s: D–F, and only D–F, are "Prioritas Pembinaan"', (id) => {
      expect(scheme(id).bands.map((b) => b.group?.id ?? null)).toEqual([
        null,
        null,
        null,
        null,
        null,
        null,
        'Prioritas Pembinaan',
        'Prioritas Pembinaan',
        'Prioritas Pembinaan',
      ]);
    });

    it.each(ALL)('%s: band colours stay distinguishable in greyscale (ΔL* ≥ 7 between any two)', (id) => {
      const levels = scheme(id)
        .bands.map((b) => lightness(b.color))
        .sort((a, b) => a - b);
      for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeGreaterThanOrEqual(7);
    });
  });

  describe('assumptions (methodology.md **ASSUMPTION** markers, plus our own gap-filling)', () => {
    interface Row {
      marker: string;
      schemes: string[];
      path: string;
      note: RegExp;
    }
    const ASSUMPTIONS: Row[] = [
      {
        marker: '§2 ombudsman-2021: item weights equal',
        schemes: ['ombudsman-2021'],
        path: 'dimensions/kepatuhan/indicatorWeighting',
        note: /weighs the same/,
      },
      {
        marker: '§2 ombudsman-2021: government = mean over all products (reference §9 #10)',
        schemes: ['ombudsman-2021'],
        path: 'aggregation/government',
        note: /mean over every observed product/,
      },
      {
        marker: '§2 Output indicator 4 tidak kompeten',
        schemes: OMBUDSMAN_4D,
        path: 'dimensions/output/variables/persepsi/indicators/O4',
        note: /incompetence/,
      },
      {
        marker: '§2 Output indicator 5 perilaku tidak patut/diskriminatif',
        schemes: OMBUDSMAN_4D,
        path: 'dimensions/output/variables/persepsi/indicators/O5',
        note: /discriminatory/,
      },
      {
        marker: '§2 Pengaduan: six indicators',
        schemes: OMBUDSMAN_4D,
        path: 'dimensions/pengaduan/variables/pengelolaan',
        note: /six complaint-management indicators/,
      },
      {
        marker: '§2 level descriptors are ours',
        schemes: OMBUDSMAN_4D,
        path: 'dimensions',
        note: /level descriptors .* written by Pantau/,
      },
      {
        marker: '§2 indicators weigh equally within a dimension',
        schemes: OMBUDSMAN_4D,
        path: 'dimensions',
        note: /weigh equally within a dimension/,
      },
      {
        marker: '§2 2022 and 2024 reuse the 2023 weights (reference §9 #26)',
        schemes: ['ombudsman-2022', 'ombudsman-2024'],
        path: 'dimensions',
        note: /2023 weights are used/,
      },
      { marker: '§2 2025: 70 % split in the 2023 proportions', schemes: ['ombudsman-2025'], path: 'dimensions', note: /2023 proportions/ },
      { marker: '§2 2025: opinion bands = 2022–24 bands', schemes: ['ombudsman-2025'], path: 'bands', note: /reuse the 2022–2024 bounds/ },
      {
        marker: 'brief: 2025 qualifier whenNoneDue',
        schemes: ['ombudsman-2025'],
        path: 'qualifiers/tanpa-maladministrasi/rule/whenNoneDue',
        note: /no follow-up is outstanding/,
      },
      ...['sdm', 'sarpras', 'sipp', 'konsultasi', 'inovasi'].map((aspect) => ({
        marker: `§3 PEKPPP aspect ${aspect}: indicators and weights from a third-party reproduction`,
        schemes: PEKPPP,
        path: `dimensions/${aspect}`,
        note: /third-party reproduction/,
      })),
      {
        marker: '§3 PEKPPP: government IPP = mean of units',
        schemes: PEKPPP,
        path: 'aggregation/government',
        note: /mean of its units' IPP/,
      },
      {
        marker: '§3 PEKPPP: F-03 stored beside the IPP, not inside it',
        schemes: PEKPPP,
        path: 'supplements/f03',
        note: /beside the IPP, not inside it/,
      },
      {
        marker: 'gap: 2021 checklist items and descriptors are ours',
        schemes: ['ombudsman-2021'],
        path: 'dimensions/kepatuhan/variables',
        note: /written by Pantau/,
      },
      {
        marker: 'gap: PEKPPP level descriptors are ours',
        schemes: PEKPPP,
        path: 'dimensions',
        note: /0–5 level descriptors are written by Pantau/,
      },
      {
        marker: 'gap: SKM question wording unverified',
        schemes: ['skm-2017'],
        path: 'dimensions/unsur/variables/kepuasan',
        note: /not yet checked against the official annex/,
      },
    ];

    it.each(ASSUMPTIONS.flatMap((row) => row.schemes.map((id) => ({ ...row, id }))))('$id lists "$marker"', ({ id, path, note }) => {
      const found = scheme(id).assumptions.filter((a) => a.path === path && note.test(a.note.en));
      expect(found, `assumptions of ${id}: ${JSON.stringify(scheme(id).assumptions.map((a) => a.path))}`).toHaveLength(1);
      expect(found[0]?.note.id.length).toBeGreaterThan(20);
    });

    it('ombudsman-2023 does not claim its documented weights are assumed', () => {
      expect(scheme('ombudsman-2023').assumptions.some((a) => /2023 weights are used/.test(a.note.en))).toBe(false);
    });

    it.each(PEKPPP)('%s: aspect a (official deck) is not marked third-party', (id) => {
      expect(scheme(id).assumptions.some((a) => a.path === 'dimensions/kebijakan')).toBe(false);
    });

    it.each(ALL)('%s: lists no assumption twice', (id) => {
      const keys = scheme(id).assumptions.map((a) => `${a.path}|${a.note.en}`);
      expect(new Set(keys).size).toBe(keys.length);
    });
  });

  describe('consistency across the years of a family', () => {
    it('ombudsman 2022–2025 share every indicator definition (codes, texts, levels, evidence)', () => {
      const base = new Map(scored(scheme('ombudsman-2023')).map((i) => [i.code, i]));
      for (const id of OMBUDSMAN_4D) {
        const shared = scored(scheme(id)).filter((i) => !i.code.startsWith('T'));
        expect(shared.map((i) => i.code)).toEqual([...base.keys()]);
        for (const i of shared) expect(i).toEqual(base.get(i.code));
      }
    });

    it('pekppp 2022–2025 share dimensions, supplements, instruments and bands', () => {
      const base = scheme('pekppp-2024');
      for (const id of PEKPPP) {
        const s = scheme(id);
        expect(s.dimensions).toEqual(base.dimensions);
        expect(s.supplements).toEqual(base.supplements);
        expect(s.instruments).toEqual(base.instruments);
        expect(s.bands).toEqual(base.bands);
      }
    });

    it('ombudsman 2021 uses codes of its own, so no what-if maps a present/absent answer onto a 0–3 indicator', () => {
      const y2021 = new Set(codesOf(scored(scheme('ombudsman-2021'))));
      expect(codesOf(scored(scheme('ombudsman-2022'))).filter((c) => y2021.has(c))).toEqual([]);
    });
  });

  describe('level descriptors', () => {
    it.each(ALL)('%s: every level of every indicator has its own descriptor, distinct in both languages', (id) => {
      const s = scheme(id);
      for (const ind of [...scored(s), ...beside(s)]) {
        const { levels, min, max } = ind.scale;
        expect(
          levels.map((l) => l.value),
          ind.code,
        ).toEqual(Array.from({ length: max - min + 1 }, (_, k) => min + k));
        expect(new Set(levels.map((l) => l.descriptor.id)).size, ind.code).toBe(levels.length);
        expect(new Set(levels.map((l) => l.descriptor.en)).size, ind.code).toBe(levels.length);
        for (const l of levels) expect(l.descriptor.en, `${ind.code} level ${l.value}`).not.toBe(l.descriptor.id);
        expect(ind.evidence.length, ind.code).toBeGreaterThan(0);
      }
    });
  });
});
