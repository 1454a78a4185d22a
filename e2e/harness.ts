// End-to-end harness: the real server (PGlite in memory, demo seed) on a free port, the built
// web app, and Debian's Chromium driven by playwright-core. Never downloads a browser.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { sql } from 'drizzle-orm';
import { expect, inject } from 'vitest';
import {
  chromium,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import { buildApp } from '../src/server/app.ts';
import { openDatabase } from '../src/server/db/client.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SHOTS = resolve('test-results');

/** Browser tests run when Chromium is installed; in CI a missing browser is a failure, not a skip. */
export function browserAvailable(): boolean {
  const ok = existsSync(CHROMIUM);
  if (!ok && process.env.CI === 'true') throw new Error(`Chromium not found at ${CHROMIUM}: CI must install it (apt-get install chromium)`);
  return ok;
}

export interface Account {
  role: string;
  username: string;
  password: string;
  scope: string;
}

export interface E2E {
  url: string;
  browser: Browser;
  accounts: Account[];
  account(role: string): Account;
  /**
   * The clock the test controls: an embargoed publication's release date arrives now (its
   * `public_at` is moved to the database's now), instead of the test racing a real date.
   */
  releaseNow(publicationId: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real server on the demo data: the web app built and the demo seeded once per run by
 * `e2e/global-setup.ts`; each spec loads the seeded database's dump into its own in-memory PGlite.
 */
export async function startE2E(): Promise<E2E> {
  const run = inject('pantauE2E');
  const dataDir = mkdtempSync(join(tmpdir(), 'pantau-e2e-'));
  const database = await openDatabase({ dataDir: 'memory://', loadDataDir: new Blob([readFileSync(run.dump)]), migrate: false });
  const seeded = { accounts: run.accounts };
  const app = await buildApp({ db: database.db, dataDir, webDir: run.webDir, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  mkdirSync(SHOTS, { recursive: true });
  return {
    url: `http://127.0.0.1:${port}`,
    browser,
    accounts: seeded.accounts,
    account(role) {
      const a = seeded.accounts.find((x) => x.role === role);
      if (!a) throw new Error(`no demo account for role ${role}`);
      return a;
    },
    async releaseNow(publicationId) {
      await database.db.execute(sql`update publications set public_at = now() where id = ${publicationId}`);
    },
    async close() {
      await browser.close();
      await app.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// Signing in and browser contexts, one way for every spec ----------------------------------------

/** Who signs in: a demo account's role (the first of that role) or user name, or a user name and password. */
export type Who = string | { username: string; password: string };

/** A demo account by its role (the first of that role) or by its user name. */
export function demoAccount(e2e: E2E, who: string): Account {
  const account = e2e.accounts.find((a) => a.role === who) ?? e2e.accounts.find((a) => a.username === who);
  if (!account) throw new Error(`no demo account ${who}`);
  return account;
}

export interface ContextOptions extends BrowserContextOptions {
  /** The viewport's width (the viewport is width × height); 1280 unless told. */
  width?: number;
  /** 800 unless told. */
  height?: number;
}

/** A browser context as the specs open them: `width` × `height` px, Indonesian; other options pass through. */
export function newContext(e2e: E2E, { width = 1280, height = 800, ...options }: ContextOptions = {}): Promise<BrowserContext> {
  return e2e.browser.newContext({ viewport: { width, height }, locale: 'id-ID', ...options });
}

export interface LoginOptions {
  /** Wait for this path (the role's home) instead of any page other than /login. */
  home?: string;
  timeout?: number;
}

const credentials = (e2e: E2E, who: Who) => (typeof who === 'string' ? demoAccount(e2e, who) : who);

/** Signs in through the login form; waits until the page has left /login (or reached `home`). */
export async function uiLogin(e2e: E2E, page: Page, who: Who, { home, timeout }: LoginOptions = {}): Promise<void> {
  const account = credentials(e2e, who);
  await page.goto(`${e2e.url}/login`);
  await page.locator('input[autocomplete="username"]').fill(account.username);
  await page.locator('input[autocomplete="current-password"]').fill(account.password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.waitForURL((u) => (home === undefined ? u.pathname !== '/login' : u.pathname === home), timeout ? { timeout } : undefined);
}

/** A new context (newContext's options) and a page in it signed in through the login form. */
export async function signedInPage(e2e: E2E, who: Who, options: ContextOptions & LoginOptions = {}): Promise<[BrowserContext, Page]> {
  const { home, timeout, ...contextOptions } = options;
  const context = await newContext(e2e, contextOptions);
  const page = await context.newPage();
  await uiLogin(e2e, page, who, { home, timeout });
  return [context, page];
}

/** Signs a request context in through the API; returns the CSRF token its writes must echo. */
export async function apiLogin(e2e: E2E, request: APIRequestContext, who: Who): Promise<string> {
  const { username, password } = credentials(e2e, who);
  expect((await request.post(`${e2e.url}/api/v1/auth/login`, { data: { username, password } })).status()).toBe(200);
  const csrf = (await request.storageState()).cookies.find((c) => c.name === 'pantau_csrf');
  expect(csrf).toBeDefined();
  return decodeURIComponent(csrf!.value);
}

export type ApiCall = <T>(method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown) => Promise<T>;

/** A small API client on a request context signed in through the API (cookie session + CSRF header); a non-2xx answer fails the test. */
export async function apiAs(e2e: E2E, request: APIRequestContext, who: Who): Promise<ApiCall> {
  const csrf = await apiLogin(e2e, request, who);
  return async <T>(method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown): Promise<T> => {
    const res = await request.fetch(`${e2e.url}/api/v1${path}`, {
      method,
      data,
      headers: method === 'GET' ? {} : { 'x-csrf-token': csrf },
    });
    expect(res.ok(), `${method} ${path}: ${res.status()} ${await res.text()}`).toBe(true);
    return (await res.json()) as T;
  };
}

const require = createRequire(import.meta.url);
const axeSource = (): string => require('node:fs').readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') as string;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: number;
}

/** Runs axe-core in the page; returns serious and critical violations. */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, not an inline <script>: the app's CSP forbids those.
  await page.evaluate(axeSource());
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx?: unknown,
            opts?: unknown,
          ): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: unknown[] }[] }>;
        };
      }
    ).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length }));
  });
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export async function shot(page: Page, name: string): Promise<string> {
  const file = join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * issue 13: the reviewer acknowledges every open fieldwork warning of a unit (sheets filled by a
 * robot in seconds are "too short"), through the API with the signed-in context's session.
 */
export async function acknowledgeFieldworkFlags(e2e: E2E, context: BrowserContext, cycleId: string, unitId: string): Promise<number> {
  const csrf = (await context.cookies()).find((c) => c.name === 'pantau_csrf')?.value ?? '';
  const res = await context.request.get(`${e2e.url}/api/v1/cycles/${cycleId}/units/${unitId}/fieldwork-flags`);
  if (res.status() !== 200) throw new Error(`fieldwork flags: ${res.status()}`);
  const items = ((await res.json()) as { items: { recordId: string; severity: string; acknowledged: unknown }[] }).items;
  const open = new Set(items.filter((f) => f.severity === 'warning' && f.acknowledged === null).map((f) => f.recordId));
  for (const id of open) {
    const ack = await context.request.post(`${e2e.url}/api/v1/records/${id}/fieldwork-flags/acknowledge`, {
      data: { note: 'Diperiksa oleh pimpinan.' },
      headers: { 'x-csrf-token': csrf },
    });
    if (ack.status() !== 200) throw new Error(`acknowledge: ${ack.status()}`);
  }
  return open.size;
}
