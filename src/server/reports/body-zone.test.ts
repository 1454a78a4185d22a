// Issue 16: dates in rapor, piagam and Excel exports are in the body's zone (WIB, WITA, WIT from its
// province), not Jakarta's for everyone. An instant late in the evening in Jakarta is already the
// next day in Makassar and Jayapura: the documents of a Bali (WITA) and a Papua (WIT) body say so.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { getScheme } from '../../../methodologies/index.ts';
import { zoneOf } from '../../shared/local-time.ts';
import { sampleCycleResults } from '../exports/test-data.ts';
import { cycleResultsXlsx } from '../exports/xlsx.ts';
import { buildPiagamDocument } from './piagam.ts';
import { buildRaporDocument } from './rapor.ts';
import { sampleGovernmentRapor, samplePiagam } from './sample-input.ts';

const scheme = getScheme('ombudsman-2024')!;
/** 1 December 2024, 23.30 WIB = 2 December 00.30 WITA = 01.30 WIT. */
const LATE = '2024-12-01T16:30:00Z';
const snapshot = { id: '00000000-0000-4000-8000-000000000001', version: 1, publishedAt: LATE, url: 'https://pantau.test/publikasi/1' };

/** Every text of a pdfmake document definition, its footer as on page 1 of 1. */
function texts(doc: unknown): string {
  const out: string[] = [];
  const walk = (n: unknown): void => {
    if (typeof n === 'string') out.push(n);
    else if (Array.isArray(n)) n.forEach(walk);
    else if (n !== null && typeof n === 'object')
      for (const [k, v] of Object.entries(n))
        walk(k === 'footer' && typeof v === 'function' ? (v as (page: number, pages: number) => unknown)(1, 1) : v);
  };
  walk(doc);
  return out.join(' ');
}

describe('dates in the body\u2019s zone', () => {
  const rapor = (provinceName: string, provinceCode: string | null) => ({
    ...sampleGovernmentRapor(scheme, { seed: 3, name: 'Kota Denpasar', type: 'kota', provinceName, generatedAt: LATE, snapshot }),
    zone: zoneOf(provinceCode),
  });

  it('prints the rapor\u2019s publication day and printing time in WIB, WITA or WIT', () => {
    const banten = texts(buildRaporDocument(rapor('Banten', '36')));
    expect(banten).toContain('1 Desember 2024 23.30 WIB');
    expect(banten).toContain('Dipublikasikan 1 Desember 2024');
    const bali = texts(buildRaporDocument(rapor('Bali', '51')));
    expect(bali).toContain('2 Desember 2024 00.30 WITA');
    expect(bali).toContain('Dipublikasikan 2 Desember 2024');
    expect(bali).not.toContain('WIB');
    const papua = texts(buildRaporDocument(rapor('Papua', '91')));
    expect(papua).toContain('2 Desember 2024 01.30 WIT');
  });

  it('dates a piagam on the calendar day of the awardee\u2019s zone; a hand-over day as written', () => {
    const base = samplePiagam(rapor('Papua', '91'), { kind: 'kualitas-tertinggi' });
    const at = { ...base, issuedAt: LATE, issuedPlace: 'Jayapura' };
    expect(texts(buildPiagamDocument({ ...at, zone: zoneOf('91') }, '<svg/>'))).toContain('Jayapura, 2 Desember 2024');
    expect(texts(buildPiagamDocument({ ...at, zone: zoneOf('36') }, '<svg/>'))).toContain('Jayapura, 1 Desember 2024');
    expect(texts(buildPiagamDocument({ ...at, issuedAt: '2024-12-01', zone: zoneOf('91') }, '<svg/>'))).toContain(
      'Jayapura, 1 Desember 2024',
    );
  });

  it('stamps an Excel export with the time in the province\u2019s zone', async () => {
    const stamp = async (provinceCode: string) => {
      const buffer = await cycleResultsXlsx(sampleCycleResults(scheme), { lang: 'id', generatedAt: LATE, zone: zoneOf(provinceCode) });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
      return String(wb.worksheets[0]!.getCell('A3').value);
    };
    expect(await stamp('73')).toContain('2 Desember 2024 00.30 WITA');
    expect(await stamp('94')).toContain('2 Desember 2024 01.30 WIT');
    expect(await stamp('36')).toContain('1 Desember 2024 23.30 WIB');
  });
});
