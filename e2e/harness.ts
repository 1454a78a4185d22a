// End-to-end harness: the real server (PGlite in memory, demo seed) on a free port, the built
// web app, and Debian's Chromium driven by playwright-core. Never downloads a browser.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { sql } from 'drizzle-orm';
import { inject } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
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
