import { describe, expect, it } from 'vitest';

import { i18n } from './i18n.ts';
import { SIGNED_IN_UI_STRINGS } from '../ui/signed-in-strings.ts';
// The files as written: the app's i18n store merges the signed-in strings into the bundled module's object.
import bundledUiRaw from '../ui/locales/id.json?raw';
import signedInUiRaw from '../ui/locales/signed-in/id.json?raw';

const globbed = import.meta.glob<Record<string, unknown>>('../*/locales/*.json', { eager: true, import: 'default' });

/** Deep merge of two string trees (the Indonesian `ui` is two files). */
function merged(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] =
      prev && typeof prev === 'object' && v && typeof v === 'object'
        ? merged(prev as Record<string, unknown>, v as Record<string, unknown>)
        : v;
  }
  return out;
}

const bundledUiId = JSON.parse(bundledUiRaw) as Record<string, unknown>;
const signedInUiId = JSON.parse(signedInUiRaw) as Record<string, unknown>;
// The Indonesian `ui` namespace: the bundled file plus the signed-in users' strings (ui/signed-in-strings.ts).
const files: Record<string, Record<string, unknown>> = { ...globbed, '../ui/locales/id.json': merged(bundledUiId, signedInUiId) };

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

  it('ui: the signed-in Indonesian strings add keys, never replace a bundled one, and are merged by their module', () => {
    const bundled = new Set(keys(bundledUiId));
    expect(keys(signedInUiId).filter((k) => bundled.has(k))).toEqual([]);
    expect(SIGNED_IN_UI_STRINGS).toEqual(signedInUiId);
    expect(i18n.getFixedT('id', 'ui')('roles.admin')).toBe('Administrator');
    expect(i18n.getFixedT('id', 'ui')('shell.nav.admin_home')).toBe('Beranda admin');
    // …while the bundled strings are still there beside them.
    expect(i18n.getFixedT('id', 'ui')('shell.nav.public_portal')).toBe('Portal publik');
  });

  it.each(namespaces)('%s: no empty text, and English differs from Indonesian somewhere', (ns) => {
    const id = strings(files[`../${ns}/locales/id.json`]);
    const en = strings(files[`../${ns}/locales/en.json`]);
    expect(id.concat(en).filter((s) => !s.trim())).toEqual([]);
    expect(en.join('|')).not.toBe(id.join('|'));
  });
});
