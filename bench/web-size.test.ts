import { describe, expect, it } from 'vitest';
import { classicScripts, entryKey, moduleOrigin, staticClosure, type Manifest } from './web-size.ts';

const manifest: Manifest = {
  'index.html': {
    file: 'assets/index.js',
    isEntry: true,
    imports: ['_vendor.js', '_box.js'],
    dynamicImports: ['src/web/public/leaderboard-screen.tsx', 'src/web/admin/x.tsx'],
  },
  '_vendor.js': { file: 'assets/vendor.js' },
  '_box.js': { file: 'assets/box.js', imports: ['_vendor.js'] },
  'src/web/public/leaderboard-screen.tsx': {
    file: 'assets/leaderboard.js',
    imports: ['_box.js', '_badge.js'],
    dynamicImports: ['src/web/public/charts.tsx'],
  },
  '_badge.js': { file: 'assets/badge.js' },
  'src/web/public/charts.tsx': { file: 'assets/charts.js', imports: ['_echarts.js'] },
  '_echarts.js': { file: 'assets/echarts.js' },
  'src/web/admin/x.tsx': { file: 'assets/admin.js' },
};

describe('web-size graph walk', () => {
  it('follows static imports only, each file once', () => {
    expect(staticClosure(manifest, [entryKey(manifest)])).toEqual(['assets/index.js', 'assets/vendor.js', 'assets/box.js']);
    expect(staticClosure(manifest, ['src/web/public/leaderboard-screen.tsx'])).toEqual([
      'assets/leaderboard.js',
      'assets/box.js',
      'assets/vendor.js',
      'assets/badge.js',
    ]);
  });

  it('fails loudly when a start-page module is not in the build (renamed screen)', () => {
    expect(() => staticClosure(manifest, ['src/web/public/gone.tsx'])).toThrow(/not in the Vite manifest/);
  });

  it("finds index.html's classic scripts but not its module scripts", () => {
    const html = '<script type="module" crossorigin src="/assets/index.js"></script><script id="r" src="/registerSW.js" defer></script>';
    expect(classicScripts(html)).toEqual(['registerSW.js']);
  });

  it('names the npm package or source folder a module comes from', () => {
    expect(moduleOrigin('/w/node_modules/@mantine/core/esm/components/Badge/Badge.mjs')).toBe('@mantine/core');
    expect(moduleOrigin('/w/node_modules/react-dom/cjs/react-dom-client.production.js')).toBe('react-dom');
    expect(moduleOrigin('/w/src/web/public/leaderboard-screen.tsx')).toBe('src/web');
  });
});
