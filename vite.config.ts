// Vite build of the web app (src/web) into dist/, which the Fastify server serves at `/` with an
// SPA fallback. In development `/api` is proxied to the server on port 3000.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants as zc, gzipSync } from 'node:zlib';
import { type Plugin, defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

const apiProxy = { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } };
// In the first-paint libraries' folders but used only by later screens, left to the chunks that
// need them: the mutations (logout, forms; signed-in only) and useQueries (the registry's
// locations, PEKPPP; ~1 KB gzipped off a first visit, issue 14 §2).
const LATER_ONLY = /\/(useMutation|mutationObserver|useSuspenseQuery|useQueries|queriesObserver)\.js$/;
// Lazy chunks of the public portal (src/web/public): screens, unit breakdown, charts.
const PUBLIC_CHUNKS = /(^|\/)(leaderboard-screen|government-screen|map-screen|unit-breakdown|public-charts)-[\w-]+\.js$/;
// The libraries every page needs before its first paint (one `vendor` chunk, see below).
const FIRST_PAINT_LIBS =
  /node_modules\/(react|react-dom|scheduler|@tanstack\/(react-router|router-core|history|store|react-store|query-core|react-query)|i18next|react-i18next|use-sync-external-store)\//;
// The public portal's data layer (registry, cycles, rankings and the hooks over them), which the
// leaderboard, government and map screens all import: one chunk rather than five tiny ones, each
// gzipped on its own with its own import list (~0.7 KB gzipped off a first visit, issue 4 §8).
// Only these modules (not their dependencies, which the entry chunk already holds), so the
// publication, verification and awards pages, which need none of it, do not load it.
const PORTAL_DATA =
  /\/src\/web\/(public\/(query-policy|fields|leaderboard-model|use-published|use-registry)|api\/(registry|cycles|rankings))\.tsx?$/;
const RANKING_BITS = /\/src\/web\/ui\/(band-chip|rank-movement)\.tsx$/;
const PUBLICATION_SOURCE = /\/src\/web\/(ui\/publication-source\.tsx|api\/publications\.ts)$/;
// Mantine's core and the few components the shell itself renders (app-layout.tsx): every page
// needs them before its first paint. Not all of Mantine's core/ (its utils serve other parts).
const FIRST_PAINT_MANTINE =
  /node_modules\/@mantine\/core\/esm\/(core\/(MantineProvider|Box|styles-api|factory|InlineStyles)\/|components\/(Text|Group|Stack|UnstyledButton|Anchor)\/)/;

/**
 * Precompresses the build (issue 14 §2): every text file of 512 bytes or more gets a `.gz` (zlib
 * level 9) and a `.br` (brotli quality 11) beside it, which the server sends with
 * Content-Encoding (@fastify/static preCompressed) and nginx with gzip_static/brotli_static.
 * Runs after the service worker is written, so sw.js and workbox-*.js are compressed too.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  return {
    name: 'pantau:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        for (const file of walk(outDir)) {
          if (!/\.(js|mjs|css|html|svg|json|webmanifest|txt|map)$/.test(file)) continue;
          const data = readFileSync(file);
          if (data.length < 512) continue;
          writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
          writeFileSync(
            `${file}.br`,
            brotliCompressSync(data, { params: { [zc.BROTLI_PARAM_QUALITY]: 11, [zc.BROTLI_PARAM_SIZE_HINT]: data.length } }),
          );
        }
      },
    },
  };
}

export default defineConfig({
  publicDir: 'src/web/static',
  plugins: [
    react(),
    VitePWA({
      strategies: 'generateSW',
      registerType: 'autoUpdate',
      // Registered by src/web/main.tsx (no extra script on the first visit).
      injectRegister: false,
      includeAssets: ['icon.svg'],
      manifest: {
        name: 'Pantau',
        short_name: 'Pantau',
        description: 'Penilaian kepatuhan dan kinerja pelayanan publik',
        lang: 'id',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#1b4f8a',
        background_color: '#ffffff',
        icons: [
          { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
          { src: '/icon-maskable.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'maskable' },
        ],
      },
      workbox: {
        // The whole app shell and every route chunk, so an assessor can open a form offline.
        globPatterns: ['**/*.{js,css,html,svg,woff2}'],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        navigateFallback: '/index.html',
        // API calls and the server's own pages (OpenAPI docs) never come from the cache.
        navigateFallbackDenylist: [/^\/api\//, /^\/s\//],
        runtimeCaching: [{ urlPattern: ({ url }) => url.pathname.startsWith('/api/'), handler: 'NetworkOnly' }],
        cleanupOutdatedCaches: true,
        // issue 13: the first session works offline without a reload — the new worker takes
        // control of the open page as soon as it activates (clients.claim). An update still waits
        // for the app's tabs to close (no skipWaiting), so an assessor mid-sheet never has the
        // chunks of the running version removed under them (cleanupOutdatedCaches).
        clientsClaim: true,
        skipWaiting: false,
      },
    }),
    precompress(),
  ],
  resolve: {
    // React 19 has useSyncExternalStore: the React 17 shim that react-i18next and
    // @tanstack/react-store import would only add dead code to every first visit (issue 4 §8).
    alias: [
      { find: /^use-sync-external-store\/shim$/, replacement: 'react' },
      { find: /^use-sync-external-store\/shim\/with-selector$/, replacement: 'use-sync-external-store/with-selector' },
    ],
  },
  server: { proxy: apiProxy },
  preview: { proxy: apiProxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 800,
    // Every supported browser has <link rel="modulepreload">; without it a chunk still loads.
    // A lazy route's shared chunks are preloaded with it only for the public pages (a first
    // visit, where the round trip counts); signed-in screens run from the service worker's
    // precache. The preload map of every route's chunk names sits in the entry chunk, so this
    // keeps ~2 KB gzipped off each first visit (issue 4 §8). CSS always (it loads that way).
    modulePreload: {
      polyfill: false,
      resolveDependencies: (file, deps, { hostType }) =>
        hostType === 'html' || PUBLIC_CHUNKS.test(file) ? deps : deps.filter((d) => d.endsWith('.css')),
    },
    rolldownOptions: {
      // issue 11: the public survey respondent page is its own small entry (survey.html, /s/<code>).
      input: { main: 'index.html', survey: 'survey.html' },
      output: {
        // The libraries every page needs before its first paint, in one chunk rather than
        // several small shared ones: one gzip stream, ~5 KB less on a first visit (issue 4 §8;
        // measure with `npx tsx bench/web-size.ts`). The rest of Mantine stays split per component.
        codeSplitting: {
          groups: [
            {
              name: 'vendor',
              test: (id: string) => (FIRST_PAINT_LIBS.test(id) || FIRST_PAINT_MANTINE.test(id)) && !LATER_ONLY.test(id),
            },
            { name: 'portal', test: (id: string) => PORTAL_DATA.test(id), includeDependenciesRecursively: false },
            // The band chip and the rank movement go together in every ranking (leaderboard,
            // government, publication); the start page's publication footnote and its data layer.
            { name: 'ranking-bits', test: (id: string) => RANKING_BITS.test(id), includeDependenciesRecursively: false },
            { name: 'publication-source', test: (id: string) => PUBLICATION_SOURCE.test(id), includeDependenciesRecursively: false },
          ],
        },
      },
    },
  },
});
