/**
 * Small hand-built schemes for engine tests. Their numbers are chosen to make hand
 * computation easy, and are deliberately NOT the real methodology (that lives only in
 * `methodologies/*.json`, tested per scheme in `schemes.test.ts`). Test-only.
 */
import type { Band, Dimension, Indicator, Instrument, Scheme, Text } from '../types.ts';

export const t = (id: string, en: string = id): Text => ({ id, en });

/** A whole-number scale min..max with one descriptor per level. */
export function scale(min: number, max: number): Indicator['scale'] {
  const levels = [];
  for (let v = min; v <= max; v++) levels.push({ value: v, descriptor: t(`tingkat ${v}`, `level ${v}`) });
  return { min, max, levels };
}

export function indicator(code: string, min: number, max: number, weight?: number): Indicator {
  const ind: Indicator = { code, text: t(`Indikator ${code}`, `Indicator ${code}`), scale: scale(min, max), evidence: ['dokumen'] };
  if (weight !== undefined) ind.weight = weight;
  return ind;
}

/** Bands from [code, min] pairs, highest first; each max is the next band's min − 0.01. */
export function bands(top: number, spec: [code: string, min: number, zone?: Band['zone']][]): Band[] {
  return spec.map(([code, min, zone], k) => {
    const above = spec[k - 1];
    const band: Band = {
      code,
      min,
      max: above === undefined ? top : Math.round((above[1] - 0.01) * 100) / 100,
      label: t(`Pita ${code}`, `Band ${code}`),
      color: '#000000',
    };
    if (zone !== undefined) band.zone = zone;
    return band;
  });
}

function instrument(
  code: string,
  covers: string[],
  quota: Instrument['quota'],
  role: Instrument['role'] = 'score',
  extra: Partial<Instrument> = {},
): Instrument {
  return {
    code,
    kind: 'interview',
    title: t(`Instrumen ${code}`),
    respondent: t('Responden', 'Respondent'),
    quota,
    role,
    covers,
    ...extra,
  };
}

/** Ids follow the library rule "<family>-<year>"; years before 2000 mark them as fixtures. */
function base(
  family: Scheme['family'],
  year: number,
  result: Scheme['result'],
): Omit<Scheme, 'instruments' | 'dimensions' | 'bands' | 'aggregation'> {
  const id = `${family}-${year}`;
  return {
    id,
    family,
    year,
    version: '0.0.0',
    title: t(`Uji ${id}`, `Test ${id}`),
    legalBasis: [{ ref: 'UJI 1/1990', title: t('Dasar uji', 'Test basis') }],
    result,
    supplements: [],
    qualifiers: [],
    assumptions: [],
  };
}

const ombudsmanBands = bands(100, [
  ['A', 88, 'hijau'],
  ['B', 78, 'hijau'],
  ['C', 54, 'kuning'],
  ['D', 32, 'merah'],
  ['E', 0, 'merah'],
]);

/**
 * Two dimensions, scale 0–3.
 * - "a" 40 %, equal weighting: A1, A2 (answered by 3 users, "pengguna").
 * - "b" 60 %, explicit weighting: B1 25 %, B2 75 % (answered by officials, "pejabat", min 1 of 2).
 * Effective weights: A1 20 %, A2 20 %, B1 15 %, B2 45 %.
 */
export const miniOmbudsman: Scheme = {
  ...base('ombudsman', 1991, { min: 0, max: 100, unit: t('poin', 'points') }),
  instruments: [instrument('pengguna', ['A1', 'A2'], { target: 3 }), instrument('pejabat', ['B1', 'B2'], { target: 2, min: 1 })],
  dimensions: [
    {
      code: 'a',
      title: t('Dimensi A'),
      weight: 40,
      indicatorWeighting: 'equal',
      variables: [{ code: 'va', title: t('Variabel A'), indicators: [indicator('A1', 0, 3), indicator('A2', 0, 3)] }],
    },
    {
      code: 'b',
      title: t('Dimensi B'),
      weight: 60,
      indicatorWeighting: 'explicit',
      variables: [
        { code: 'vb1', title: t('Variabel B1'), indicators: [indicator('B1', 0, 3, 25)] },
        { code: 'vb2', title: t('Variabel B2'), indicators: [indicator('B2', 0, 3, 75)] },
      ],
    },
  ],
  aggregation: { unit: 'sheets', government: 'units-mean' },
  bands: ombudsmanBands,
  qualifiers: [
    {
      code: 'tanpa-maladministrasi',
      label: t('Tanpa Maladministrasi', 'Without Maladministration'),
      rule: { kind: 'all-followed-up', whenNoneDue: true },
      products: ['tindakan-korektif', 'rekomendasi'],
    },
  ],
};

/**
 * Same family as miniOmbudsman, a later edition: A1, A2 and B1 kept; B2 dropped; new C1 on a
 * new instrument "dokumen"; "pejabat" now covers B1 only. Weights: a 50 % (A1, A2 equal),
 * b 30 % (B1), c 20 % (C1).
 */
export const miniOmbudsmanNext: Scheme = {
  ...base('ombudsman', 1992, { min: 0, max: 100, unit: t('poin', 'points') }),
  instruments: [
    instrument('pengguna', ['A1', 'A2'], { target: 3 }),
    instrument('pejabat', ['B1'], { target: 2, min: 1 }),
    instrument('dokumen', ['C1'], { target: 1 }, 'score', { kind: 'document' }),
  ],
  dimensions: [
    {
      code: 'a',
      title: t('Dimensi A'),
      weight: 50,
      indicatorWeighting: 'equal',
      variables: [{ code: 'va', title: t('Variabel A'), indicators: [indicator('A1', 0, 3), indicator('A2', 0, 3)] }],
    },
    {
      code: 'b',
      title: t('Dimensi B'),
      weight: 30,
      indicatorWeighting: 'equal',
      variables: [{ code: 'vb1', title: t('Variabel B1'), indicators: [indicator('B1', 0, 3)] }],
    },
    {
      code: 'c',
      title: t('Dimensi C'),
      weight: 20,
      indicatorWeighting: 'equal',
      variables: [{ code: 'vc', title: t('Variabel C'), indicators: [indicator('C1', 0, 3)] }],
    },
  ],
  aggregation: { unit: 'sheets', government: 'units-mean' },
  bands: ombudsmanBands,
};

/**
 * 2021-style checklist: one dimension, three present/absent items (0–1), observed per
 * product ("produk", perProduct, 2 products wanted); unit = mean of product scores;
 * government = product-weighted mean. Zones hijau ≥ 81, kuning ≥ 51, merah.
 */
export const miniProducts: Scheme = {
  ...base('ombudsman', 1990, { min: 0, max: 100, unit: t('poin', 'points') }),
  instruments: [instrument('produk', ['P1', 'P2', 'P3'], { target: 2 }, 'score', { kind: 'observation', perProduct: true })],
  dimensions: [
    {
      code: 'kepatuhan',
      title: t('Kepatuhan'),
      weight: 100,
      indicatorWeighting: 'equal',
      variables: [
        {
          code: 'standar',
          title: t('Standar Pelayanan'),
          indicators: [indicator('P1', 0, 1), indicator('P2', 0, 1), indicator('P3', 0, 1)],
        },
      ],
    },
  ],
  aggregation: { unit: 'products', government: 'products-mean' },
  bands: bands(100, [
    ['hijau', 81, 'hijau'],
    ['kuning', 51, 'kuning'],
    ['merah', 0, 'merah'],
  ]),
};

/**
 * PEKPPP-style: result 0–5, scale 0–5, two aspects 60/40 with explicit weights.
 * - "k" 60 %: K1 40 %, K2 60 %.   - "s" 40 %: S1 100 %.
 * Instruments: F-02 evaluator ("f02", score), F-01 self-assessment ("f01", claim), F-03 public
 * questionnaire ("f03", beside, supplement items Q1, Q2, 0–5, min 1 of 2 sheets).
 */
export const miniPekppp: Scheme = {
  ...base('pekppp', 1990, { min: 0, max: 5, unit: t('indeks', 'index') }),
  instruments: [
    instrument('f02', ['K1', 'K2', 'S1'], { target: 1 }, 'score', { kind: 'verification' }),
    instrument('f01', ['K1', 'K2', 'S1'], { target: 1 }, 'claim', { kind: 'self-assessment' }),
    instrument('f03', ['Q1', 'Q2'], { target: 2, min: 1 }, 'beside', { kind: 'questionnaire' }),
  ],
  dimensions: [
    {
      code: 'k',
      title: t('Kebijakan'),
      weight: 60,
      indicatorWeighting: 'explicit',
      variables: [{ code: 'k', title: t('Kebijakan'), indicators: [indicator('K1', 0, 5, 40), indicator('K2', 0, 5, 60)] }],
    },
    {
      code: 's',
      title: t('Sarana'),
      weight: 40,
      indicatorWeighting: 'explicit',
      variables: [{ code: 's', title: t('Sarana'), indicators: [indicator('S1', 0, 5, 100)] }],
    },
  ],
  supplements: [{ code: 'f03', title: t('Kuesioner publik'), indicators: [indicator('Q1', 0, 5), indicator('Q2', 0, 5)] }],
  aggregation: { unit: 'sheets', government: 'units-mean' },
  bands: bands(5, [
    ['A', 4.51],
    ['B', 3.01],
    ['C', 2.01],
    ['F', 0],
  ]),
};

/** SKM-style: nine unsur U1–U9 on 1–4, one dimension, equal weights; result 25–100. */
export const miniSkm: Scheme = {
  ...base('skm', 1990, { min: 25, max: 100, unit: t('indeks', 'index') }),
  instruments: [
    instrument('responden', ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'], { target: 3 }, 'score', { kind: 'questionnaire' }),
  ],
  dimensions: [
    {
      code: 'skm',
      title: t('Kepuasan'),
      weight: 100,
      indicatorWeighting: 'equal',
      variables: [
        {
          code: 'unsur',
          title: t('Unsur'),
          indicators: ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'].map((c) => indicator(c, 1, 4)),
        },
      ],
    } satisfies Dimension,
  ],
  aggregation: { unit: 'sheets', government: 'units-mean' },
  bands: bands(100, [
    ['A', 88.31],
    ['B', 76.61],
    ['C', 65],
    ['D', 25],
  ]),
  sampling: { method: 'krejcie-morgan', chiSquare: 3.841, p: 0.5, d: 0.05 },
};

export const fixtures = { miniOmbudsman, miniOmbudsmanNext, miniProducts, miniPekppp, miniSkm };
