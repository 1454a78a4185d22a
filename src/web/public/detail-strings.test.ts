import { describe, expect, it } from 'vitest';
import { i18n } from '../lib/i18n.ts';
import { loadDetailStrings } from './detail-strings.ts';

const base = import.meta.glob<Record<string, unknown>>('./locales/*.json', { eager: true, import: 'default' });
const detail = import.meta.glob<Record<string, unknown>>('./detail-locales/*.json', { eager: true, import: 'default' });
const parts = ['government', 'map'] as const;

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') {
    if (!value.trim()) throw new Error(`${prefix}: empty`);
    return [prefix.replace(/_(zero|one|two|few|many|other)$/, '')];
  }
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('public detail strings', () => {
  it.each(parts)('%s: exactly the same keys, none empty, in Indonesian and English', (part) => {
    const id = new Set(keys(detail[`./detail-locales/${part}.id.json`]));
    const en = new Set(keys(detail[`./detail-locales/${part}.en.json`]));
    expect(id.size).toBeGreaterThan(5);
    expect([...en].filter((k) => !id.has(k))).toEqual([]);
    expect([...id].filter((k) => !en.has(k))).toEqual([]);
  });

  it('never shares a top-level key between files (no overwrite either way)', () => {
    for (const lang of ['id', 'en']) {
      const all = [base[`./locales/${lang}.json`]!, ...parts.map((p) => detail[`./detail-locales/${p}.${lang}.json`]!)].flatMap((o) =>
        Object.keys(o),
      );
      expect(all.length, lang).toBe(new Set(all).size);
    }
  });

  it('merges into the public namespace next to the start page strings', async () => {
    await i18n.loadNamespaces('public');
    await loadDetailStrings('government', 'en');
    await loadDetailStrings('map', 'en');
    const t = i18n.getFixedT('en', 'public');
    expect(t('government.back')).toBe('← Back to the ranking');
    expect(t('map.legend')).toBe('Band legend');
    expect(t('table.rank')).toBe('Rank');
  });
});
