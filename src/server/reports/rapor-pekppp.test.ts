// A PEKPPP rapor (issue 10 §5): built from snapshot-shaped units scored by the real engine under
// pekppp-2024 (F-01 claims, F-02 verdicts, F-03 respondents), rendered, read back with poppler.
// It speaks PEKPPP's words (KemenPANRB, IPP, Predikat, Aspek) from the library's `terms`, shows
// the claim against the verdict per aspect and F-03 beside the IPP, and never says Ombudsman.
import { beforeAll, describe, expect, it } from 'vitest';
import { aggregate, scoreUnit } from '../../core/index.ts';
import { compareClaims } from '../../core/pekppp.ts';
import type { Sheet } from '../../core/types.ts';
import { getScheme } from '../../../methodologies/index.ts';
import { compactUnitScore } from '../scores/breakdown.ts';
import type { SnapshotBody, SnapshotUnit } from '../../shared/wire/publications.ts';
import { raporInputFromSnapshot } from './from-snapshot.ts';
import { pdfInfo, pdfPages, skipPoppler, squash } from './poppler.ts';
import { renderRapor } from './rapor.ts';

const scheme = getScheme('pekppp-2024')!;
const f01 = scheme.instruments.find((i) => i.role === 'claim')!;
const f02 = scheme.instruments.find((i) => i.role === 'score')!;
const f03 = scheme.instruments.find((i) => i.role === 'beside')!;

/** Every covered indicator at `level`, except the overrides. */
const sheet = (instrument: string, codes: string[], level: number, over: Record<string, number> = {}): Sheet => ({
  instrument,
  answers: Object.fromEntries(codes.map((c) => [c, over[c] ?? level])),
});

// DPMPTSP claims 5 everywhere; the evaluator verifies 4, and 3 on A1 (an over-claim of 2 there).
const sheets: Sheet[] = [
  sheet(f01.code, f01.covers, 5),
  sheet(f02.code, f02.covers, 4, { A1: 3 }),
  ...Array.from({ length: 12 }, () => sheet(f03.code, f03.covers, 4)),
];
const score = scoreUnit(scheme, { sheets });
const unitId = '00000000-0000-4000-8000-000000000001';
const bodyId = '00000000-0000-4000-8000-000000000002';
const unit: SnapshotUnit = {
  id: unitId,
  bodyId,
  name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
  sector: 'perizinan',
  raw: score.raw,
  score: score.score,
  bandCode: score.band.code,
  complete: score.complete,
  breakdown: compactUnitScore(score),
};
const gov = aggregate(scheme, [score]);
const body: SnapshotBody = {
  id: bodyId,
  code: '36.72',
  name: 'Kota Cilegon',
  type: 'kota',
  provinceCode: '36',
  raw: gov.raw,
  score: gov.score,
  bandCode: gov.band.code,
  complete: true,
  units: 1,
  qualifiers: [],
  source: 'computed',
  ranks: { nationalType: { rank: 1, of: 1, movement: null, previousRank: null } as never, province: null },
  previous: null,
  changes: [],
};
const packArgs: Parameters<typeof raporInputFromSnapshot>[1] = {
  lang: 'id',
  cycle: { name: 'PEKPPP 2024 Kota Cilegon', year: 2024, schemeId: scheme.id },
  body,
  units: [unit],
  provinceName: 'Banten',
  evidence: [],
  assumptions: scheme.assumptions,
  snapshot: { id: 'snap-pekppp', version: 1, publishedAt: '2024-12-04T10:00:00+07:00', url: 'https://pantau.example/p/1' },
  generatedAt: '2024-12-05T10:00:00+07:00',
};
const input = raporInputFromSnapshot(scheme, packArgs);

let text = '';
let textEn = '';
let pdf: Buffer;
beforeAll(async () => {
  pdf = await renderRapor(input);
  if (skipPoppler) return;
  text = squash(pdfPages(pdf).join('\n'));
  textEn = squash(pdfPages(await renderRapor({ ...input, language: 'en' })).join('\n'));
});

describe('PEKPPP rapor', () => {
  it('carries the scheme terms, the claim comparison of the unit and its F-03 summary', () => {
    expect(input.terms?.issuerShort.id).toBe('KemenPANRB');
    expect(input.claims).toHaveLength(1);
    const cmp = compareClaims(scheme, score);
    expect(input.claims![0]!.comparison).toEqual(cmp);
    const claimable = cmp.dimensions.reduce((n, d) => n + d.indicators.length, 0);
    expect(claimable).toBeGreaterThan(25);
    expect(cmp.counts).toMatchObject({ over: claimable, equal: 0, under: 0 });
    expect(input.supplements?.[0]?.summary.respondents).toBe(12);
  });

  it.skipIf(skipPoppler)('is issued by KemenPANRB in PEKPPP words and never says Ombudsman', () => {
    expect(text).toContain('Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi');
    expect(text).toContain('RAPOR HASIL EVALUASI PEKPPP');
    expect(text).toContain('IPP per aspek');
    expect(text).toContain('Predikat');
    expect(text).toContain(`${scheme.bands.find((b) => b.code === score.band.code)!.label.id}`);
    expect(text).not.toMatch(/Ombudsman|Zona|Opini|Kategori/);
    expect(pdfInfo(pdf).Author).toBe('Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi');
    expect(textEn).toContain('IPP by aspects');
    expect(textEn).not.toMatch(/Ombudsman/);
  });

  it.skipIf(skipPoppler)('prints each aspect claimed against verified, the differing indicators, and F-03 beside the IPP', () => {
    const cmp = input.claims![0]!.comparison;
    const n = (x: number) => x.toFixed(2).replace('.', ',');
    expect(text).toContain('Penilaian mandiri (F-01) dibanding verifikasi (F-02)');
    expect(text).toContain(
      `${n(cmp.claimedScore)} · ${cmp.claimedBand.code} ${n(cmp.verifiedScore)} · ${cmp.verifiedBand.code} +${n(cmp.difference)}`,
    );
    expect(text).toContain(`A1 ${scheme.dimensions[0]!.variables[0]!.indicators[0]!.text.id} 5,00 3,00 +2,00`);
    for (const d of cmp.dimensions) expect(text).toContain(`${d.title.id} ${n(d.claimedScore)} ${n(d.verifiedScore)}`);
    expect(text).toContain(
      `Indikator dengan klaim berbeda dari verifikasi: ${cmp.counts.over} (lebih tinggi ${cmp.counts.over}, lebih rendah 0)`,
    );
    expect(text).toContain('Kuesioner Masyarakat (F-03): 12 responden');
  });
});

describe('a "mandiri" PEKPPP rapor', () => {
  const mandiri = {
    organiser: { id: bodyId, name: 'Kota Cilegon', provinceCode: '36' },
    validator: { code: 'kemenpanrb', name: 'Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi' },
    decidedBy: 'Evaluator KemenPANRB',
    reason: null,
  };
  it.skipIf(skipPoppler)('says it is not yet validated by KemenPANRB, or when KemenPANRB validated it (body zone)', async () => {
    const pending = squash(
      pdfPages(await renderRapor({ ...input, mandiri: { ...mandiri, status: 'pending', decidedAt: null } })).join('\n'),
    );
    expect(pending).toContain('Evaluasi mandiri — belum divalidasi KemenPANRB');
    expect(text).not.toContain('Evaluasi mandiri');
    const validated = squash(
      pdfPages(await renderRapor({ ...input, mandiri: { ...mandiri, status: 'validated', decidedAt: '2024-12-19T17:30:00Z' } })).join('\n'),
    );
    // 17.30 UTC on 19 December is 20 December in WIB.
    expect(validated).toContain('Evaluasi mandiri — divalidasi KemenPANRB pada 20 Desember 2024');
  });

  it.skipIf(skipPoppler)("says so in a report pack too: the pack's snapshot arguments carry the mandiri state to the rapor", async () => {
    const args = { ...packArgs, mandiri: { ...mandiri, status: 'pending' as const, decidedAt: null } };
    const packed = raporInputFromSnapshot(scheme, args);
    expect(packed.mandiri?.status).toBe('pending');
    expect(raporInputFromSnapshot(scheme, packArgs).mandiri).toBeUndefined();
    const unitRapor = squash(pdfPages(await renderRapor(raporInputFromSnapshot(scheme, { ...args, unitId }))).join('\n'));
    expect(unitRapor).toContain('Evaluasi mandiri — belum divalidasi KemenPANRB');
  });
});
