/**
 * Loaders of the namespaces only signed-in screens use (i18n.ts `SIGNED_IN_NAMESPACES`), one
 * chunk per namespace and language. This table is a lazy chunk of its own, so a public first
 * visit does not download their chunk names (issue 4 §8, `npx tsx bench/web-size.ts`).
 */
export const signedInLocales = import.meta.glob<Record<string, unknown>>(
  '../{assess,review,pemda,clarify,transfer,pekppp,improve,surveys}/locales/*.json',
  { import: 'default' },
);
