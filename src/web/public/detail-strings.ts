/**
 * The portal's strings beyond the start page, in their own files merged into the `public`
 * namespace when a screen that needs them renders: `detail-locales/government.<lang>.json`
 * (a government's page and its breakdown) and `detail-locales/map.<lang>.json` (the map). The
 * start page then downloads only the leaderboard's strings, and the map only its own (issue 4
 * §8). Top-level keys never overlap with each other or with `locales/<lang>.json`
 * (detail-strings.test.ts), so the namespace loader and these merges never overwrite each other.
 */
import { use } from 'react';
import { useTranslation } from 'react-i18next';
import { toLang, type Lang } from '../lib/format.ts';
import { i18n } from '../lib/i18n.ts';

export type DetailPart = 'government' | 'map';

const files = import.meta.glob<Record<string, unknown>>('./detail-locales/*.json', { import: 'default' });
const loading = new Map<string, Promise<void>>();

export function loadDetailStrings(part: DetailPart, lang: Lang): Promise<void> {
  const key = `${part}.${lang}`;
  let promise = loading.get(key);
  if (!promise) {
    const load = files[`./detail-locales/${key}.json`];
    promise = load
      ? load().then((data) => void i18n.addResourceBundle(lang, 'public', data, true, false))
      : Promise.reject(new Error(`public strings ${key} missing`));
    // A failed download (offline) may be retried by the next render.
    promise.catch(() => loading.delete(key));
    loading.set(key, promise);
  }
  return promise;
}

/** Suspends (the nearest Suspense shows the loader) until the part's strings in the UI language are merged. */
export function useDetailStrings(part: DetailPart): void {
  const { i18n: instance } = useTranslation('public');
  use(loadDetailStrings(part, toLang(instance.resolvedLanguage ?? instance.language)));
}
