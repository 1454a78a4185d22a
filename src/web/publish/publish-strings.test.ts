import { describe, expect, it } from 'vitest';
import { i18n } from '../lib/i18n.ts';
import { loadManageStrings, loadPublishStrings } from './manage-strings.ts';

const base = import.meta.glob<Record<string, unknown>>('./locales/*.json', { eager: true, import: 'default' });
const extra = import.meta.glob<Record<string, unknown>>(['./manage-locales/*.json', './detail-locales/*.json'], {
  eager: true,
  import: 'default',
});
const parts = ['manage', 'detail'] as const;

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') {
    if (!value.trim()) throw new Error(`${prefix}: empty`);
    return [prefix.replace(/_(zero|one|two|few|many|other)$/, '')];
  }
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('publish strings beyond the permanent page', () => {
  it.each(parts)('%s: exactly the same keys, none empty, in Indonesian and English', (part) => {
    const id = new Set(keys(extra[`./${part}-locales/id.json`]));
    const en = new Set(keys(extra[`./${part}-locales/en.json`]));
    expect(id.size).toBeGreaterThan(5);
    expect([...en].filter((k) => !id.has(k))).toEqual([]);
    expect([...id].filter((k) => !en.has(k))).toEqual([]);
  });

  it('never share a top-level key with the namespace file (no overwrite either way)', () => {
    for (const lang of ['id', 'en']) {
      const all = [base[`./locales/${lang}.json`]!, ...parts.map((p) => extra[`./${p}-locales/${lang}.json`]!)].flatMap((o) =>
        Object.keys(o),
      );
      expect(all.length, lang).toBe(new Set(all).size);
    }
  });

  it('merge into the publish namespace next to the public page strings', async () => {
    await i18n.loadNamespaces('publish');
    await loadManageStrings('en');
    await loadPublishStrings('detail', 'en');
    const t = i18n.getFixedT('en', 'publish');
    expect(t('changes.source.dispute')).toBe('Dispute accepted');
    expect(t('erratum.reason_error.too_short', { min: 10 })).toBe('The reason is too short: at least 10 characters.');
    expect(t('status.superseded')).toBe('Superseded');
  });
});
