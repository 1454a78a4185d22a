// Recognition (issue 18) in the browser against the demo: the admin opens the recognition page of
// the demo's published national results, starts the award-night pack, follows its progress bar
// to the download, and downloads the zip; the press-release editor shows the generated draft.
import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, type E2E, shot, startE2E } from './harness.ts';

async function uiLogin(e2e: E2E, page: Page, role: string): Promise<void> {
  const account = e2e.account(role);
  await page.goto(`${e2e.url}/login`);
  await page.locator('input[autocomplete="username"]').fill(account.username);
  await page.locator('input[autocomplete="current-password"]').fill(account.password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.waitForURL((u) => u.pathname !== '/login');
}

describe.skipIf(!browserAvailable())('recognition: award-night pack and press release', () => {
  let e2e: E2E;
  let context: BrowserContext;
  let page: Page;
  let publicationId = '';

  beforeAll(async () => {
    e2e = await startE2E();
    context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    page = await context.newPage();
    await uiLogin(e2e, page, 'admin');
    const request: APIRequestContext = context.request;
    const cycles = (await (await request.get(`${e2e.url}/api/v1/cycles`)).json()) as { items: { id: string; status: string }[] };
    for (const c of cycles.items.filter((x) => x.status === 'final')) {
      const pubs = (await (await request.get(`${e2e.url}/api/v1/cycles/${c.id}/publications`)).json()) as {
        items: { id: string; status: string; released: boolean }[];
      };
      const current = pubs.items.find((p) => p.status === 'current' && p.released);
      if (current) {
        publicationId = current.id;
        break;
      }
    }
    expect(publicationId).not.toBe('');
  }, 240_000);

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && page)
      await shot(page, `recognition-failed-${ctx.task.name.slice(0, 24).replace(/\W+/g, '-')}`).catch(() => undefined);
  });

  afterAll(async () => {
    await context?.close();
    await e2e?.close();
  });

  it('starts the pack, shows its progress bar and downloads the zip', async () => {
    await page.goto(`${e2e.url}/rekognisi/${publicationId}`);
    await page.getByRole('heading', { name: 'Penghargaan unit layanan dan rilis' }).waitFor();
    const pack = page.getByTestId('award-night-pack');
    await pack.getByRole('button', { name: 'Buat paket malam penghargaan' }).click();
    await pack.getByRole('progressbar').waitFor();
    const download = pack.getByRole('link', { name: /Unduh/ });
    await download.waitFor({ timeout: 120_000 });
    const href = await download.getAttribute('href');
    expect(href).toMatch(/\/api\/v1\/jobs\/[0-9a-f-]+\/file$/);
    expect(await pack.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    await shot(page, 'recognition-pack-done');
    const res = await context.request.get(`${e2e.url}${href}`);
    expect(res.status()).toBe(200);
    const body = await res.body();
    expect(body.subarray(0, 2).toString('latin1')).toBe('PK');
  }, 180_000);

  it('shows the generated press-release draft with its facts box', async () => {
    const editor = page.getByTestId('release-editor');
    await editor.waitFor();
    await expect
      .poll(async () => (await page.getByTestId('release-text').inputValue()).startsWith('SIARAN PERS'), { timeout: 30_000 })
      .toBe(true);
    await page.getByTestId('facts-box').waitFor();
    await shot(page, 'recognition-release');
  }, 60_000);

  it('offers the facts box on a government\u2019s public page', async () => {
    const view = (await (await context.request.get(`${e2e.url}/api/v1/publications/${publicationId}`)).json()) as {
      snapshot: { bodies: { id: string; name: string }[] };
    };
    const body = view.snapshot.bodies[0]!;
    const pub = await e2e.browser.newPage({ locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    try {
      await pub.goto(`${e2e.url}/governments/${body.id}`);
      const box = pub.getByTestId('facts-box');
      await box.waitFor({ timeout: 30_000 });
      expect(await box.textContent()).toContain(body.name);
    } finally {
      await pub.close();
    }
  }, 60_000);
});
