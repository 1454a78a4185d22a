// Issue 15 D8 in the browser: the Content-Security-Policy the server sends is one the app passes —
// no violation on the public pages, the sign-in, the screens of the admin, the pimpinan and the
// asisten, or the API docs (swagger-ui); the service worker still registers (from the app bundle,
// no injected script); the page cannot be framed. Violations are collected from `securitypolicyviolation`
// events and from Chromium's console.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { browserAvailable, shot, startE2E, uiLogin, type E2E } from './harness.ts';

const run = browserAvailable();
let e2e: E2E;
beforeAll(async () => {
  if (run) e2e = await startE2E();
});
afterAll(async () => {
  if (run) await e2e.close();
});

interface Watched {
  page: Page;
  context: BrowserContext;
  violations(): Promise<string[]>;
}

async function watched(): Promise<Watched> {
  const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const console: string[] = [];
  page.on('console', (m) => {
    const text = m.text();
    if (/Content Security Policy|Refused to (execute|load|apply|connect|frame)/i.test(text)) console.push(text);
  });
  // Registered through the DevTools protocol before any page script: not itself subject to the CSP.
  await context.addInitScript(() => {
    const list: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = list;
    document.addEventListener('securitypolicyviolation', (e) =>
      list.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  return {
    page,
    context,
    async violations() {
      const inPage = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []).catch(() => []);
      return [...inPage, ...console];
    },
  };
}

async function login(w: Watched, role: string): Promise<void> {
  await uiLogin(e2e, w.page, role);
  await w.page.waitForLoadState('networkidle').catch(() => undefined);
}

async function visit(w: Watched, path: string): Promise<string[]> {
  await w.page.goto(`${e2e.url}${path}`);
  await w.page.waitForLoadState('networkidle').catch(() => undefined);
  await w.page.waitForTimeout(300);
  return w.violations();
}

describe.runIf(run)('the CSP in Chromium', () => {
  it('public pages: no violation; the page is not framable; the service worker registers', async () => {
    const w = await watched();
    try {
      const res = await w.page.goto(`${e2e.url}/`);
      const csp = res!.headers()['content-security-policy']!;
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      for (const path of ['/', '/map', '/verifikasi', '/login']) expect(await visit(w, path), path).toEqual([]);
      const sw = await w.page.evaluate(async () => {
        const reg = await Promise.race([navigator.serviceWorker.ready, new Promise((r) => setTimeout(() => r(null), 10_000))]);
        return reg ? ((reg as ServiceWorkerRegistration).active?.scriptURL ?? 'registered') : null;
      });
      expect(sw).toMatch(/sw\.js$|registered/);
      // The boot script ran (a file now): the attribute is set before React; Zod runs without its JIT.
      expect(await w.page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'))).toBe('light');
      expect(await w.page.evaluate(() => (globalThis as { __zod_globalConfig?: { jitless?: boolean } }).__zod_globalConfig?.jitless)).toBe(
        true,
      );
      // Framing is refused by the browser.
      const framed = await w.context.newPage();
      await framed.setContent(`<iframe id="f" src="${e2e.url}/"></iframe>`);
      await framed.waitForTimeout(1500);
      const inner = framed.frames().find((f) => f !== framed.mainFrame());
      const loaded = inner ? await inner.evaluate(() => document.querySelector('#root') !== null).catch(() => false) : false;
      expect(loaded).toBe(false);
      await shot(w.page, 'csp-public-1280');
    } finally {
      await w.context.close();
    }
  });

  it.each([
    ['admin', ['/admin', '/admin/users', '/admin/cycles', '/admin/registry', '/admin/import', '/audit', '/schemes']],
    ['pimpinan', ['/review', '/review/queue']],
    ['asisten', ['/assess', '/assignments/mine']],
  ])('%s screens: no violation', async (role, paths) => {
    const w = await watched();
    try {
      await login(w, role);
      expect(await w.violations(), 'after sign-in').toEqual([]);
      for (const path of paths) expect(await visit(w, path), path).toEqual([]);
    } finally {
      await w.context.close();
    }
  });

  it('the API docs (swagger-ui) render under the CSP', async () => {
    const w = await watched();
    try {
      await w.page.goto(`${e2e.url}/api/docs`);
      await w.page.waitForSelector('.swagger-ui .opblock', { timeout: 30_000 });
      // swagger-ui keeps only the operations in view in the page (a long list is windowed): scroll
      // through it a screen at a time and collect every operation that appears.
      const seen = new Set<string>();
      for (let step = 0; step < 400; step++) {
        for (const id of await w.page.locator('.swagger-ui .opblock').evaluateAll((els) => els.map((e) => e.id))) seen.add(id);
        const atEnd = await w.page.evaluate(() => {
          window.scrollBy(0, window.innerHeight);
          return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
        });
        await w.page.waitForTimeout(50);
        if (atEnd && step > 0) {
          for (const id of await w.page.locator('.swagger-ui .opblock').evaluateAll((els) => els.map((e) => e.id))) seen.add(id);
          break;
        }
      }
      const spec = (await (await w.context.request.get(`${e2e.url}/api/docs/json`)).json()) as { paths: Record<string, object> };
      const operations = Object.values(spec.paths).reduce((n, p) => n + Object.keys(p).length, 0);
      expect(operations).toBeGreaterThan(50);
      expect(seen.size).toBe(operations);
      expect(await w.violations()).toEqual([]);
      await shot(w.page, 'csp-api-docs-1280');
    } finally {
      await w.context.close();
    }
  });
});
