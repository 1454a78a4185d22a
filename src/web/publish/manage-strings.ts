/**
 * The strings of the management screens (publish, errata, version history, readiness) live in
 * `manage-locales/<lang>.json` and are merged into the `publish` namespace when a management
 * screen renders: the permanent public page then downloads only its own strings (a public first
 * visit, issue 4 §8). Top-level keys never overlap with `locales/<lang>.json` (publish-strings
 * test), so the namespace loader and this merge never overwrite each other.
 */
import { use } from 'react';
import { useTranslation } from 'react-i18next';
import { toLang, type Lang } from '../lib/format.ts';
import { i18n } from '../lib/i18n.ts';

const files = import.meta.glob<Record<string, unknown>>('./manage-locales/*.json', { import: 'default' });
const loading = new Map<Lang, Promise<void>>();

export function loadManageStrings(lang: Lang): Promise<void> {
  let promise = loading.get(lang);
  if (!promise) {
    const load = files[`./manage-locales/${lang}.json`];
    promise = load
      ? load().then((data) => void i18n.addResourceBundle(lang, 'publish', data, true, false))
      : Promise.reject(new Error(`publish management strings ${lang} missing`));
    // A failed download (offline) may be retried by the next render.
    promise.catch(() => loading.delete(lang));
    loading.set(lang, promise);
  }
  return promise;
}

/** Suspends (the nearest Suspense shows the loader) until the strings in the UI language are merged. */
export function useManageStrings(): void {
  const { i18n: instance } = useTranslation('publish');
  use(loadManageStrings(toLang(instance.resolvedLanguage ?? instance.language)));
}
