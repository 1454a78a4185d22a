import { describe, expect, it } from 'vitest';
import { formatDate, formatGain, formatInteger, formatNumber, stringKeys, translator, type StringKey } from './i18n.ts';

describe('formatNumber', () => {
  it.each([
    [95.31, 'id', '95,31'],
    [95.31, 'en', '95.31'],
    [95.305, 'id', '95,31'], // decimal-exact half away from zero (binary 95.30499…)
    [1.005, 'en', '1.01'],
    [87.995, 'id', '88,00'],
    [100, 'id', '100,00'],
    [0, 'en', '0.00'],
    [1234.5, 'id', '1.234,50'],
    [1234.5, 'en', '1,234.50'],
    [-2.345, 'id', '−2,35'],
  ] as const)('formats %s in %s as %s', (x, lang, expected) => {
    expect(formatNumber(x, lang)).toBe(expected);
  });

  it('signs gains and groups integers', () => {
    expect(formatGain(0.625, 'id')).toBe('+0,63');
    expect(formatGain(1.5, 'en')).toBe('+1.50');
    expect(formatInteger(4109, 'id')).toBe('4.109');
    expect(formatInteger(4109, 'en')).toBe('4,109');
  });
});

describe('formatDate', () => {
  it('prints dates in Jakarta time, id and en', () => {
    expect(formatDate('2024-12-04T09:00:00+07:00', 'id')).toBe('4 Desember 2024');
    expect(formatDate('2024-12-04T09:00:00+07:00', 'en')).toBe('4 December 2024');
    // 20:00 UTC on 3 December is already 4 December in Jakarta (UTC+7).
    expect(formatDate(new Date('2024-12-03T20:00:00Z'), 'id')).toBe('4 Desember 2024');
  });

  it('rejects an invalid date instead of printing "Invalid Date"', () => {
    expect(() => formatDate('not a date', 'id')).toThrow(RangeError);
  });
});

describe('translator', () => {
  it('interpolates variables', () => {
    expect(translator('id')('rapor.page', { page: 1, pages: 4 })).toBe('Halaman 1 dari 4');
    expect(translator('en')('rapor.page', { page: 1, pages: 4 })).toBe('Page 1 of 4');
  });

  it('has every string in both languages with the same placeholders', () => {
    const id = translator('id');
    const en = translator('en');
    const keys: StringKey[] = stringKeys();
    expect(keys.length).toBeGreaterThan(50);
    for (const key of keys) {
      const a = id(key);
      const b = en(key);
      expect(a.trim(), key).not.toBe('');
      expect(b.trim(), key).not.toBe('');
      const vars = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
      expect(vars(b), key).toEqual(vars(a));
    }
  });
});
