/**
 * Strings of the `publish` namespace beyond what the permanent page paints first, in their own
 * files merged into the namespace when a screen that needs them renders:
 * `manage-locales/<lang>.json` (the management screens: publish, errata, version history,
 * readiness) and `detail-locales/<lang>.json` (a government's detail row on the permanent page).
 * The permanent page's first visit then downloads only its own strings (issue 4 §8). Top-level
 * keys never overlap between files (publish-strings test), so the namespace loader and these
 * merges never overwrite each other.
 */
import { use } from 'react';
import { useTranslation } from 'react-i18next';
import { toLang, type Lang } from '../lib/format.ts';
import { i18n } from '../lib/i18n.ts';

export type StringsPart = 'manage' | 'detail';

const files = import.meta.glob<Record<string, unknown>>(['./manage-locales/*.json', './detail-locales/*.json'], { import: 'default' });
const loading = new Map<string, Promise<void>>();

export function loadPublishStrings(part: StringsPart, lang: Lang): Promise<void> {
  const key = `./${part}-locales/${lang}.json`;
  let promise = loading.get(key);
  if (!promise) {
    const load = files[key];
    promise = load
      ? load().then((data) => void i18n.addResourceBundle(lang, 'publish', data, true, false))
      : Promise.reject(new Error(`publish strings ${key} missing`));
    // A failed download (offline) may be retried by the next render.
    promise.catch(() => loading.delete(key));
    loading.set(key, promise);
  }
  return promise;
}

/** The management screens' strings in the given language. */
export const loadManageStrings = (lang: Lang): Promise<void> => loadPublishStrings('manage', lang);

/** Suspends (the nearest Suspense shows the loader) until the part's strings in the UI language are merged. */
export function usePublishStrings(part: StringsPart): void {
  const { i18n: instance } = useTranslation('publish');
  use(loadPublishStrings(part, toLang(instance.resolvedLanguage ?? instance.language)));
}

export const useManageStrings = (): void => usePublishStrings('manage');
