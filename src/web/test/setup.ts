/**
 * jsdom set-up for the `web` test project: browser APIs Mantine expects (matchMedia,
 * ResizeObserver, scrollIntoView), every i18n namespace loaded in both languages, and
 * unmounting after each test. No jest-dom: tests use plain expects.
 */
import { afterEach, beforeAll } from 'vitest';
import { cleanup } from '@testing-library/react';
import { allNamespaces, i18n, i18nReady } from '../lib/i18n.ts';
// The signed-in users' Indonesian `ui` strings, which the app merges when their chunks load.
import '../ui/signed-in-strings.ts';

if (!window.matchMedia) {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string): MediaQueryList =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => {},
        removeListener: () => {},
        addEventListener: () => {},
        removeEventListener: () => {},
        dispatchEvent: () => false,
      }) as MediaQueryList,
  });
}

class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
globalThis.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver;
Element.prototype.scrollIntoView ??= function scrollIntoView() {};
// Textarea autosize listens for web fonts; jsdom has no FontFaceSet.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', {
    value: { addEventListener: () => {}, removeEventListener: () => {}, ready: Promise.resolve() },
  });
}

beforeAll(async () => {
  await i18nReady;
  await i18n.loadNamespaces(allNamespaces());
  // Switching once loads every namespace in English too.
  await i18n.changeLanguage('en');
  await i18n.changeLanguage('id');
});

afterEach(async () => {
  cleanup();
  localStorage.clear();
  if (i18n.language !== 'id') await i18n.changeLanguage('id');
});
