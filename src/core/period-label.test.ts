import { describe, expect, it } from 'vitest';
import { periodLabel } from './period-label.ts';

describe('periodLabel', () => {
  it('words every period kind in both languages', () => {
    expect(periodLabel('2026-Q4', 'id')).toBe('Triwulan IV 2026');
    expect(periodLabel('2026-Q4', 'en')).toBe('Q4 2026');
    expect(periodLabel('2026-Q1', 'id')).toBe('Triwulan I 2026');
    expect(periodLabel('2026-05', 'id')).toBe('Mei 2026');
    expect(periodLabel('2026-05', 'en')).toBe('May 2026');
    expect(periodLabel('2026-12', 'id')).toBe('Desember 2026');
    expect(periodLabel('2026-S2', 'id')).toBe('Semester II 2026');
    expect(periodLabel('2026-S1', 'en')).toBe('H1 2026');
    expect(periodLabel('2026', 'id')).toBe('Tahun 2026');
    expect(periodLabel('2026', 'en')).toBe('Year 2026');
  });

  it('leaves anything that is no period key as it is', () => {
    expect(periodLabel('2026-13', 'id')).toBe('2026-13');
    expect(periodLabel('survey', 'en')).toBe('survey');
    expect(periodLabel('', 'id')).toBe('');
  });
});
