// The policy the next wave builds on, as the library files encode it: who fills which
// instrument, F-01/F-02 entry rules, F-03's form items, SKM's questionnaire and profile,
// survey and fieldwork thresholds, award rules, vertical offices and cross-scheme topics —
// each value checked against its source (instruments-skm-pekppp.md, methodology.md, the
// issues) and each gap listed as an ASSUMPTION.
import { describe, expect, it } from 'vitest';
import { relatedIndicators } from '../src/core/topics.ts';
import type { Indicator, Scheme } from '../src/core/types.ts';
import { buildLibrary, getScheme, LibraryError, library, topics } from './index.ts';
import ombudsman2024 from './ombudsman-2024.json' with { type: 'json' };

const OMBUDSMAN = ['ombudsman-2021', 'ombudsman-2022', 'ombudsman-2023', 'ombudsman-2024', 'ombudsman-2025'];
const PEKPPP = ['pekppp-2022', 'pekppp-2023', 'pekppp-2024', 'pekppp-2025'];

function scheme(id: string): Scheme {
  const s = getScheme(id);
  if (!s) throw new Error(`scheme ${id} is not in the library`);
  return s;
}
const instrument = (s: Scheme, code: string) => {
  const i = s.instruments.find((x) => x.code === code);
  if (!i) throw new Error(`${s.id} has no instrument ${code}`);
  return i;
};
const scored = (s: Scheme): Indicator[] => s.dimensions.flatMap((d) => d.variables.flatMap((v) => v.indicators));
const hasAssumption = (s: Scheme, path: string, note: RegExp): boolean =>
  s.assumptions.some((a) => a.path === path && note.test(a.note.en));

describe('library policy', () => {
  it('bumps the version of every changed scheme', () => {
    expect(Object.fromEntries([...library.values()].map((s) => [s.id, s.version]))).toEqual({
      ...Object.fromEntries(OMBUDSMAN.map((id) => [id, '1.2.0'])),
      ...Object.fromEntries(PEKPPP.map((id) => [id, '1.2.0'])),
      'skm-2017': '1.1.0',
    });
  });

  describe('who fills which instrument (issue 10 §2)', () => {
    it.each(OMBUDSMAN)('%s: every interview, observation and document sheet is filled by the asisten only', (id) => {
      for (const i of scheme(id).instruments) {
        expect([i.code, i.fillers, i.paperEntry]).toEqual([i.code, ['asisten'], undefined]);
      }
    });

    it.each(PEKPPP)('%s: F-01 by the unit, F-02 by the evaluator, F-03 by the public or typed from paper with the scan', (id) => {
      const s = scheme(id);
      expect(instrument(s, 'f01')).toMatchObject({ fillers: ['operator', 'koordinator'] });
      expect(instrument(s, 'f01').paperEntry).toBeUndefined();
      expect(instrument(s, 'f02')).toMatchObject({ fillers: ['evaluator'] });
      expect(instrument(s, 'f02').paperEntry).toBeUndefined();
      expect(instrument(s, 'f03')).toMatchObject({
        fillers: ['public'],
        paperEntry: { by: ['operator', 'koordinator'], scanRequired: true },
      });
      expect(hasAssumption(s, 'instruments/f03/paperEntry', /typed in by the unit's operator or the koordinator/)).toBe(true);
    });

    it('skm-2017: the public answers, the unit types paper questionnaires with the scan', () => {
      expect(instrument(scheme('skm-2017'), 'responden')).toMatchObject({
        fillers: ['public'],
        paperEntry: { by: ['operator', 'koordinator'], scanRequired: true },
      });
    });
  });

  describe('PEKPPP', () => {
    it.each(PEKPPP)('%s: every claimable indicator has F-01 rules: evidence required above level 0, suggested documents', (id) => {
      const s = scheme(id);
      const claimable = new Set(instrument(s, 'f01').covers);
      const all = [...scored(s), ...s.supplements.flatMap((g) => g.indicators)];
      for (const ind of all) {
        if (!claimable.has(ind.code)) {
          expect(ind.selfAssessment, ind.code).toBeUndefined();
          continue;
        }
        expect(ind.selfAssessment?.evidenceRequired, ind.code).toBe(ind.code !== 'INF.01');
        expect(ind.selfAssessment?.documents.length, ind.code).toBeGreaterThan(0);
      }
      expect(instrument(s, 'f01').entry).toEqual({ note: { required: false, label: { id: 'Penjelasan', en: 'Statement' } } });
      expect(hasAssumption(s, 'instruments/f01/entry', /claim above level 0 needs at least one evidence item/)).toBe(true);
    });

    it.each(PEKPPP)('%s: the SKM indicators suggest the SKM report with its follow-up plan (instruments doc §3)', (id) => {
      const docs = (code: string) =>
        scored(scheme(id))
          .find((i) => i.code === code)
          ?.selfAssessment?.documents.map((d) => d.id) ?? [];
      expect(docs('A6')).toContain('Laporan SKM sesuai PermenPANRB 14/2017');
      expect(docs('A8')).toContain('Laporan SKM yang memuat rencana tindak lanjut (RTL)');
      expect(docs('A9')).toContain('Laporan SKM yang memuat rencana tindak lanjut (RTL)');
    });

    it.each(PEKPPP)('%s: F-02 asks the evaluator for a reason and one or more data sources', (id) => {
      const f02 = instrument(scheme(id), 'f02');
      expect(f02.entry?.note).toEqual({ required: true, label: { id: 'Alasan penilaian', en: 'Reason' } });
      expect(f02.entry?.dataSources?.required).toBe(true);
      expect(f02.entry?.dataSources?.multiple).toBe(true);
      expect(f02.entry?.dataSources?.options.map((o) => [o.code, o.label.en])).toEqual([
        ['telaah-dokumen', 'Document review'],
        ['kunjungan-lapangan', 'Field visit'],
        ['wawancara', 'Interview'],
      ]);
      expect(f02.instructions?.id).toBe('Gunakan data autentik dari F-01 atau dari kunjungan lapangan.');
    });

    it.each(PEKPPP)('%s: the clarification window is 7 days (ASSUMPTION from "about one week")', (id) => {
      const s = scheme(id);
      expect(s.verification?.clarificationDays).toBe(7);
      expect(hasAssumption(s, 'verification/clarificationDays', /7 calendar days, from "about one week"/)).toBe(true);
    });

    it.each(PEKPPP)('%s: a "mandiri" cycle is validated by KemenPANRB (ASSUMPTION: the sources do not say who)', (id) => {
      const s = scheme(id);
      expect(s.verification?.mandiri).toEqual({ validatedBy: 'kemenpanrb' });
      expect(hasAssumption(s, 'verification/mandiri', /^ASSUMPTION: a "mandiri" cycle/)).toBe(true);
    });

    // instruments-skm-pekppp.md §2a: no, kode isu, aspect, form text.
    const F03: [string, string | undefined, string, string][] = [
      ['F03.01', '1.a.K1', 'kebijakan', 'Persyaratan yang diperlukan untuk memperoleh layanan mudah dipenuhi.'],
      ['F03.02', '2.a.K1', 'kebijakan', 'Prosedur yang dilalui untuk memperoleh layanan mudah.'],
      ['F03.03', '3.a.K1', 'kebijakan', 'Tarif yang diinformasikan sesuai dengan yang dibayarkan.'],
      ['F03.04', '4.a.K1', 'kebijakan', 'Lama waktu pelayanan yang diinformasikan sesuai dengan waktu penyelesaian.'],
      [
        'F03.05',
        '5.b.Ak',
        'sdm',
        'Waktu pelayanan (jam kerja layanan tanpa jeda waktu istirahat, layanan informasi, konsultasi dan pengaduan, customer service) sesuai dengan yang ditetapkan.',
      ],
      ['F03.06', '6.b.Ak', 'sdm', 'Petugas layanan responsif dalam memberikan pelayanan.'],
      ['F03.07', '7.b.Ak', 'sdm', 'Sikap petugas mencerminkan pelayanan yang berkualitas.'],
      ['F03.08', '8.c.As', 'sarpras', 'Tempat parkir yang disediakan memadai.'],
      ['F03.09', '9.c.K', 'sarpras', 'Sarana ruang tunggu layanan nyaman.'],
      ['F03.10', '10.c.As', 'sarpras', 'Sarana toilet khusus pengguna layanan bersih dan memadai.'],
      [
        'F03.11',
        '11.c.As',
        'sarpras',
        'Ketersediaan sarana prasarana penunjang lainnya yang memadai (contoh: ruang laktasi/nursery, arena bermain anak, kantin/fotocopy/toko ATK, wifi, prioritas lansia, dst)',
      ],
      ['F03.12', undefined, 'sipp', 'Akses informasi layanan secara daring mudah (website, aplikasi, media sosial dan sejenisnya).'],
      ['F03.13', undefined, 'sipp', 'Kemudahan akses informasi di lokasi layanan. (tatap muka).'],
      ['F03.14', undefined, 'konsultasi', 'Tersedia konsultasi dan pengaduan layanan yang memadai dan mudah diakses'],
      ['F03.15', undefined, 'inovasi', 'Tersedia inovasi pelayanan publik'],
    ];

    it.each(PEKPPP)('%s: F-03 has the 15 form items on 0–5, each reported under its aspect; items 12–15 flagged unverified', (id) => {
      const s = scheme(id);
      const f03 = s.supplements.find((g) => g.code === 'f03')!;
      expect(f03.indicators.map((i) => [i.code, i.formCode, i.reportedUnder, i.guidance?.id])).toEqual(F03);
      for (const i of f03.indicators) {
        expect(i.scale.min === 0 && i.scale.max === 5, i.code).toBe(true);
        expect(i.unverified ?? false, i.code).toBe(i.formCode === undefined);
        if (i.unverified) expect(hasAssumption(s, `supplements/f03/indicators/${i.code}`, /one app only.*Unverified/), i.code).toBe(true);
      }
      expect(instrument(s, 'f03').covers).toEqual(F03.map(([code]) => code));
      expect(instrument(s, 'f03').quota).toEqual({ target: 20, min: 10 });
      expect(instrument(s, 'f03').instructions?.id).toBe('Beri tanda silang (X) pada angka yang paling sesuai dengan penilaian Anda');
    });

    it.each(PEKPPP)('%s: F-03 abuse thresholds, unit awards and vertical offices come with their assumptions', (id) => {
      const s = scheme(id);
      expect(instrument(s, 'f03').publicResponse).toEqual({
        perDevicePerPeriod: 1,
        burst: { windowMinutes: 10, maxIdentical: 3 },
        minSecondsToAnswer: 20,
      });
      expect(hasAssumption(s, 'instruments/f03/publicResponse', /F-03 abuse thresholds are Pantau's/)).toBe(true);
      expect(s.awards).toEqual({ topPerProvince: 3, mostImproved: 3, units: { topBand: true, topPerSector: 3, mostImproved: 3 } });
      expect(hasAssumption(s, 'awards/units', /no rules for unit awards/)).toBe(true);
      expect(s.aggregation.verticalOffices).toBe('with-parent');
      expect(hasAssumption(s, 'aggregation/verticalOffices', /one more unit of that ministry or agency/)).toBe(true);
    });
  });

  describe('SKM (skm-2017)', () => {
    const s = scheme('skm-2017');

    // instruments-skm-pekppp.md §1a: unsur, question (form text), answers a–d.
    const SKM: [string, string, string[]][] = [
      [
        'U1',
        'Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?',
        ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
      ],
      [
        'U2',
        'Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?',
        ['Tidak mudah', 'Kurang mudah', 'Mudah', 'Sangat mudah'],
      ],
      [
        'U3',
        'Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?',
        ['Tidak cepat', 'Kurang cepat', 'Cepat', 'Sangat cepat'],
      ],
      [
        'U4',
        'Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?',
        ['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis'],
      ],
      [
        'U5',
        'Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?',
        ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
      ],
      [
        'U6',
        'Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?',
        ['Tidak kompeten', 'Kurang kompeten', 'Kompeten', 'Sangat kompeten'],
      ],
      [
        'U7',
        'Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?',
        ['Tidak sopan dan ramah', 'Kurang sopan dan ramah', 'Sopan dan ramah', 'Sangat sopan dan ramah'],
      ],
      ['U8', 'Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?', ['Buruk', 'Cukup', 'Baik', 'Sangat baik']],
      [
        'U9',
        'Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?',
        ['Tidak ada', 'Ada tetapi tidak berfungsi', 'Berfungsi kurang maksimal', 'Dikelola dengan baik'],
      ],
    ];

    it('asks the nine unsur in the regulation questionnaire wording, answers a–d scoring 1–4', () => {
      expect(scored(s).map((i) => [i.code, i.guidance?.id, i.scale.levels.map((l) => l.descriptor.id)])).toEqual(SKM);
      for (const i of scored(s))
        expect(i.scale.levels.map((l) => [l.key, l.value])).toEqual([
          ['a', 1],
          ['b', 2],
          ['c', 3],
          ['d', 4],
        ]);
      expect(instrument(s, 'responden').instructions?.id).toBe('Lingkari kode huruf sesuai jawaban masyarakat/responden');
    });

    it('keys unsur by code (U8/U9 order unverified) and records the U7 variant', () => {
      expect(hasAssumption(s, 'dimensions/unsur/variables/kepuasan/indicators', /keyed by unsur code, never by position/)).toBe(true);
      expect(hasAssumption(s, 'dimensions/unsur/variables/kepuasan/indicators/U7/guidance', /variant with "tentang"/)).toBe(true);
    });

    it('asks the respondent profile of the sample forms: age band, sex, education, occupation, service', () => {
      const profile = instrument(s, 'responden').profile ?? [];
      expect(profile.map((f) => [f.code, f.kind, f.required, f.options?.map((o) => o.code)])).toEqual([
        ['usia', 'age-band', false, ['u-19', 'u-20-29', 'u-30-39', 'u-40-49', 'u-50-59', 'u-60']],
        ['jenis-kelamin', 'choice', false, ['L', 'P']],
        ['pendidikan', 'choice', false, ['sd', 'smp', 'sma', 'd3', 's1', 's2', 's3', 'lainnya']],
        ['pekerjaan', 'choice', false, ['pns', 'tni', 'polri', 'swasta', 'wirausaha', 'lainnya']],
        ['layanan', 'service', true, undefined],
      ]);
      expect(hasAssumption(s, 'instruments/responden/profile', /official lists are unverified/)).toBe(true);
    });

    it('runs per month, quarter, semester or year; its sample comes from the population N', () => {
      expect(s.survey).toEqual({ periods: ['month', 'quarter', 'semester', 'year'] });
      expect(hasAssumption(s, 'survey/periods', /at least once a year/)).toBe(true);
      expect(instrument(s, 'responden').quota).toEqual({ target: 384, min: 1, fromPopulation: 'target' });
      expect(hasAssumption(s, 'instruments/responden/quota', /target is the Krejcie–Morgan sample S\(N\)/)).toBe(true);
    });

    it('sets the abuse thresholds of the public questionnaire, and its result is evidence for the "skm" topic', () => {
      expect(instrument(s, 'responden').publicResponse).toEqual({
        perDevicePerPeriod: 1,
        burst: { windowMinutes: 10, maxIdentical: 3 },
        minSecondsToAnswer: 20,
      });
      expect(hasAssumption(s, 'instruments/responden/publicResponse', /Flagged responses are kept but left out of the IKM/)).toBe(true);
      expect(s.topics).toEqual(['skm']);
    });
  });

  describe('Ombudsman fieldwork, awards and vertical offices', () => {
    it.each(OMBUDSMAN)('%s: fieldwork thresholds, with their assumption', (id) => {
      const s = scheme(id);
      expect(s.fieldwork).toEqual({
        assessorLoad: { maxSheets: 15, windowMinutes: 60 },
        maxDistanceMetres: 500,
        cycleGraceDays: 0,
        photoMaxEdgePx: 1600,
      });
      expect(hasAssumption(s, 'fieldwork/photoMaxEdgePx', /longest edge \(1600 pixels\) is Pantau's/)).toBe(true);
      for (const i of s.instruments) expect(i.fieldwork?.minDurationSeconds, `${id} ${i.code}`).toBeGreaterThan(0);
      expect(hasAssumption(s, 'fieldwork', /Fieldwork thresholds are Pantau's/)).toBe(true);
    });

    it.each(OMBUDSMAN.slice(1))(
      '%s: answer patterns are checked on the officials only; users and officials are unique respondents',
      (id) => {
        const s = scheme(id);
        expect(Object.fromEntries(s.instruments.map((i) => [i.code, i.fieldwork]))).toEqual({
          pejabat: { minDurationSeconds: 600, uniqueRespondent: true, straightLineMinItems: 6, identicalMinSheets: 3 },
          dokumen: { minDurationSeconds: 600 },
          'observasi-produk': { minDurationSeconds: 300 },
          pengguna: { minDurationSeconds: id === 'ombudsman-2025' ? 180 : 120, uniqueRespondent: true },
          'pengelola-pengaduan': { minDurationSeconds: 300, uniqueRespondent: true },
        });
        expect(hasAssumption(s, 'instruments/pejabat/fieldwork', /uniform "no maladministration experienced" answers/)).toBe(true);
      },
    );

    it.each(OMBUDSMAN)('%s: unit awards and vertical offices (ASSUMPTIONS)', (id) => {
      const s = scheme(id);
      expect(s.awards?.units).toEqual({ topBand: true, topPerSector: 3, mostImproved: 3 });
      expect(s.aggregation.verticalOffices).toBe('with-parent');
      expect(hasAssumption(s, 'awards/units', /no rules for unit awards/)).toBe(true);
      expect(hasAssumption(s, 'aggregation/verticalOffices', /one more unit of that ministry or agency/)).toBe(true);
    });
  });

  describe('cross-scheme topics (issue 12 §3)', () => {
    const related = (id: string, code: string): string[] =>
      relatedIndicators(library.values(), id, code).map((r) => `${r.schemeId}/${r.indicator}`);

    it('every topic of the vocabulary relates at least two indicators, and carries the mapping assumption', () => {
      expect(topics.topics.length).toBeGreaterThanOrEqual(10);
      expect(topics.assumptions.map((a) => a.path)).toEqual(['topics']);
    });

    it('a maklumat document links Ombudsman 2021 MK1, P6A/P6B of 2022–2025 and PEKPPP A5', () => {
      const r = related('ombudsman-2024', 'P6A');
      expect(r).toEqual(
        expect.arrayContaining(['ombudsman-2021/MK1', 'ombudsman-2024/P6B', 'ombudsman-2023/P6A', 'pekppp-2024/A5', 'pekppp-2022/A5']),
      );
      expect(r).not.toContain('ombudsman-2024/P6A');
      expect(r.every((x) => /\/(MK1|P6A|P6B|A5)$/.test(x))).toBe(true);
    });

    it('the SKM indicators of PEKPPP relate to the 2021 satisfaction-survey item, not to the SKM unsur', () => {
      const r = related('pekppp-2024', 'A6');
      expect(r).toEqual(expect.arrayContaining(['pekppp-2024/A7', 'pekppp-2024/A8', 'pekppp-2024/A9', 'ombudsman-2021/EV1']));
      expect(r.some((x) => x.startsWith('skm-2017/'))).toBe(false);
    });

    it('complaint handling links Ombudsman PG*, PEKPPP E* and F-03 item 14, and SKM U9', () => {
      const r = related('skm-2017', 'U9');
      expect(r).toEqual(expect.arrayContaining(['ombudsman-2024/PG1', 'ombudsman-2021/PA1', 'pekppp-2024/E2', 'pekppp-2024/F03.14']));
    });

    it('rejects an indicator topic that is not in topics.json, naming file and path', () => {
      const broken = structuredClone(ombudsman2024) as { dimensions: { variables: { indicators: { topics?: string[] }[] }[] }[] };
      broken.dimensions[1]!.variables[0]!.indicators[0]!.topics = ['persyaratan', 'standar'];
      expect(() => buildLibrary({ 'ombudsman-2024.json': broken }, topics)).toThrow(LibraryError);
      try {
        buildLibrary({ 'ombudsman-2024.json': broken }, topics);
      } catch (e) {
        expect((e as LibraryError).issues).toContain(
          'methodologies/ombudsman-2024.json: dimensions[1].variables[0].indicators[0].topics[1]: unknown topic "standar" (not in methodologies/topics.json)',
        );
      }
    });
  });
});
