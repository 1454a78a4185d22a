import { describe, expect, it } from 'vitest';

const files = import.meta.glob<Record<string, unknown>>('../*/locales/*.json', { eager: true, import: 'default' });

/** Flattened keys, with i18next plural suffixes folded (Indonesian has only `_other`). */
function keys(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix.replace(/_(zero|one|two|few|many|other)$/, '')];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
  }
  throw new Error(`${prefix}: not a string`);
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Object.values(value as Record<string, unknown>).flatMap(strings);
}

const namespaces = [...new Set(Object.keys(files).map((p) => p.split('/')[1]!))];

describe('translations', () => {
  it('has Indonesian and English files for every namespace', () => {
    expect(namespaces.length).toBeGreaterThanOrEqual(7);
    for (const ns of namespaces) {
      expect(files[`../${ns}/locales/id.json`], `${ns}/id`).toBeDefined();
      expect(files[`../${ns}/locales/en.json`], `${ns}/en`).toBeDefined();
    }
  });

  it.each(namespaces)('%s: English has exactly the keys of Indonesian (the source)', (ns) => {
    const id = new Set(keys(files[`../${ns}/locales/id.json`]));
    const en = new Set(keys(files[`../${ns}/locales/en.json`]));
    expect(
      [...en].filter((k) => !id.has(k)),
      'only in en',
    ).toEqual([]);
    expect(
      [...id].filter((k) => !en.has(k)),
      'missing in en',
    ).toEqual([]);
  });

  it.each(namespaces)('%s: no empty text, and English differs from Indonesian somewhere', (ns) => {
    const id = strings(files[`../${ns}/locales/id.json`]);
    const en = strings(files[`../${ns}/locales/en.json`]);
    expect(id.concat(en).filter((s) => !s.trim())).toEqual([]);
    expect(en.join('|')).not.toBe(id.join('|'));
  });
});
