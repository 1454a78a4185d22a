/**
 * The portal's policy on top of the data layer's query options (src/web/api/): published results
 * change rarely, so a visitor's session does not refetch them, and failures go to the nearest
 * PanelBoundary (error view with retry) instead of into every screen. The hooks beside this file
 * (`use-published.ts`, `use-registry.ts`, `use-results.ts`, `use-scheme-facts.ts`) apply it, grouped by the pages that
 * read them, so a page downloads only what it reads (the first-visit budget, bench/web-size.ts).
 */

/** Published results change rarely; a visitor's session does not need refetches. */
export const publishedStaleTime = 5 * 60_000;
/** Failures go to the nearest PanelBoundary (error view with retry), not into every screen. */
export const throwOnError = true;
