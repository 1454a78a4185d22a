import { describe, expect, it } from 'vitest';
import { catalogueProblems } from '../../shared/messages.ts';
import { mandiriNote, mandiriTexts } from '../../shared/mandiri-note.ts';
import type { Mandiri } from '../../shared/wire/cycles.ts';

const base: Mandiri = {
  organiser: { id: '00000000-0000-4000-8000-000000000001', name: 'Kota Serang', provinceCode: '36' },
  validator: { code: 'kemenpanrb', name: 'Kementerian PANRB' },
  status: 'pending',
  decidedBy: null,
  decidedAt: null,
  reason: null,
};

describe('mandiriNote', () => {
  it('says not validated, validated on a date in the body zone, or returned with its reason', () => {
    expect(mandiriNote(base, 'id', 'KemenPANRB')).toBe('Evaluasi mandiri — belum divalidasi KemenPANRB');
    // 2026-12-04 18:30 UTC is 5 December in WIB (Banten, UTC+7), not 4 December.
    const validated = { ...base, status: 'validated' as const, decidedAt: '2026-12-04T18:30:00Z' };
    expect(mandiriNote(validated, 'id', 'KemenPANRB')).toBe('Evaluasi mandiri — divalidasi KemenPANRB pada 5 Desember 2026');
    expect(mandiriNote(validated, 'en')).toBe('Self-run evaluation — validated by Kementerian PANRB on 5 December 2026');
    const returned = { ...base, status: 'returned' as const, decidedAt: '2026-12-01T03:00:00Z', reason: 'Bukti A1 belum sah.' };
    expect(mandiriNote(returned, 'id', 'KemenPANRB')).toBe(
      'Evaluasi mandiri — belum divalidasi KemenPANRB (dikembalikan pada 1 Desember 2026: Bukti A1 belum sah.)',
    );
  });

  it('has both languages with the same placeholders', () => {
    expect(catalogueProblems(mandiriTexts)).toEqual([]);
  });
});
