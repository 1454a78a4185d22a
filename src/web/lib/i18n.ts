/**
 * i18next set-up. Bahasa Indonesia is the source language and the default; English is complete
 * beside it. One namespace per workflow folder (`src/web/<workflow>/locales/<lang>.json`,
 * namespace = folder name); `ui` (shell, shared components and `errors.<code>`) is bundled in
 * Indonesian — except what only signed-in users see (`ui/locales/signed-in/id.json`, merged by
 * ui/signed-in-strings.ts from their chunks) — everything else (English `ui` included, whole)
 * loads on demand. The choice persists in localStorage.
 */
import i18next, { type BackendModule, type ReadCallback } from 'i18next';
import { initReactI18next } from 'react-i18next';
import uiId from '../ui/locales/id.json';
import { setApiLanguage } from './api.ts';
import { toLang, type Lang } from './format.ts';

export const LANGUAGES: readonly Lang[] = ['id', 'en'];
export const LANG_STORAGE_KEY = 'pantau.lang';

export type Namespace =
  | 'ui'
  | 'auth'
  | 'public'
  | 'assess'
  | 'review'
  | 'pemda'
  | 'admin'
  | 'publish'
  | 'clarify'
  | 'reports'
  | 'transfer'
  // issue 10
  | 'pekppp'
  // issue 12
  | 'improve'
  // issue 11
  | 'surveys';

type Resource = Record<string, unknown>;
/** Namespaces only signed-in screens use: their loaders sit in a lazy table (signed-in-locales.ts). */
const SIGNED_IN_NAMESPACES: readonly Namespace[] = ['assess', 'review', 'pemda', 'clarify', 'transfer', 'pekppp', 'improve', 'surveys'];
const lazyResources = import.meta.glob<Resource>(
  ['../*/locales/*.json', '!../ui/locales/id.json', '!../{assess,review,pemda,clarify,transfer,pekppp,improve,surveys}/locales/*.json'],
  { import: 'default' },
);

function loader(namespace: string, language: string): (() => Promise<Resource>) | undefined {
  const path = `../${namespace}/locales/${language}.json`;
  if (!SIGNED_IN_NAMESPACES.includes(namespace as Namespace)) return lazyResources[path];
  return () =>
    import('./signed-in-locales.ts').then((m) => {
      const load = m.signedInLocales[path];
      if (!load) throw new Error(`i18n: no namespace ${namespace} for ${language}`);
      return load();
    });
}

/** Loads `../<ns>/locales/<lang>.json` on demand (one chunk per namespace and language). */
const lazyBackend: BackendModule = {
  type: 'backend',
  init() {},
  read(language: string, namespace: string, callback: ReadCallback) {
    const load = loader(namespace, language);
    if (!load) {
      callback(new Error(`i18n: no namespace ${namespace} for ${language}`), false);
      return;
    }
    load().then(
      (data) => callback(null, data),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), true),
    );
  },
};

function storedLanguage(): Lang {
  try {
    const saved = globalThis.localStorage?.getItem(LANG_STORAGE_KEY);
    if (saved === 'id' || saved === 'en') return saved;
  } catch {
    // Storage blocked (private mode): fall back to the default.
  }
  return 'id';
}

function applyLanguage(lang: Lang): void {
  setApiLanguage(lang);
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

export const i18n = i18next.createInstance();

export const i18nReady: Promise<unknown> = i18n
  .use(lazyBackend)
  .use(initReactI18next)
  .init({
    lng: storedLanguage(),
    fallbackLng: 'id',
    supportedLngs: [...LANGUAGES],
    ns: ['ui'],
    defaultNS: 'ui',
    partialBundledLanguages: true,
    resources: { id: { ui: uiId } },
    interpolation: { escapeValue: false },
    returnNull: false,
    react: { useSuspense: true },
  });

applyLanguage(toLang(i18n.language));
i18n.on('languageChanged', (lng) => applyLanguage(toLang(lng)));

/** Switches the UI language and remembers it on this device. */
export async function changeLanguage(lang: Lang): Promise<void> {
  try {
    globalThis.localStorage?.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // Not persisted; the switch still applies to this tab.
  }
  await i18n.changeLanguage(lang);
}

export function currentLang(): Lang {
  return toLang(i18n.resolvedLanguage ?? i18n.language);
}

/** Every namespace that has locale files (used by tests and the completeness check). */
export function allNamespaces(): Namespace[] {
  const names = new Set<string>(['ui', ...SIGNED_IN_NAMESPACES]);
  for (const path of Object.keys(lazyResources)) {
    const m = /^\.\.\/([^/]+)\/locales\//.exec(path);
    if (m?.[1]) names.add(m[1]);
  }
  return [...names] as Namespace[];
}
