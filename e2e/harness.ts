// End-to-end harness: the real server (PGlite in memory, demo seed) on a free port, the built
// web app, and Debian's Chromium driven by playwright-core. Never downloads a browser.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildApp } from '../src/server/app.ts';
import { openDatabase } from '../src/server/db/client.ts';
import { seedDemoIfEmpty } from '../src/server/seed/demo.ts';

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
  close(): Promise<void>;
}

// Each run builds into its own directory: @fastify/static (wildcard: false) lists the files
// once at start, so a `dist/` rebuilt by a concurrent run would 404 this run's assets.
let built: string | null = null;
async function buildWeb(): Promise<string> {
  if (built) return built;
  const { build } = await import('vite');
  const outDir = mkdtempSync(join(tmpdir(), 'pantau-web-'));
  // vitest sets NODE_ENV=test, which would make Vite bundle React's development build
  // (≈ 70 KB gzipped more, and slower): build exactly what `npm start` serves.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ logLevel: 'warn', mode: 'production', build: { outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  process.once('exit', () => rmSync(outDir, { recursive: true, force: true }));
  built = outDir;
  return outDir;
}

export async function startE2E(): Promise<E2E> {
  const webDir = await buildWeb();
  const dataDir = mkdtempSync(join(tmpdir(), 'pantau-e2e-'));
  const database = await openDatabase({ dataDir: 'memory://' });
  const seeded = await seedDemoIfEmpty(database.db);
  if (!seeded) throw new Error('demo seed did not run on an empty database');
  const app = await buildApp({ db: database.db, dataDir, webDir, logger: false });
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
    async close() {
      await browser.close();
      await app.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
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
