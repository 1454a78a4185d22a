// Recognition (issue 18) in the browser against the demo's published Banten 2023 year: the admin
// opens its recognition page (unit awards by kind), starts the award-night pack, follows its
// progress bar to the download and downloads the zip; a unit piagam (dated as the hand-over) is
// checked on the public verification page; the press release is downloaded and its numbers are
// the snapshot's.
import { readFileSync } from 'node:fs';
import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pdfPages, popplerAvailable, squash } from '../src/server/reports/poppler.ts';
import type { PublicationSnapshot } from '../src/shared/wire/publications.ts';
import { browserAvailable, type E2E, newContext, shot, startE2E, uiLogin } from './harness.ts';

/** "87,55": a score as the Indonesian text prints it. */
const idScore = (x: number) => x.toFixed(2).replace('.', ',');

describe.skipIf(!browserAvailable())('recognition: award-night pack and press release', () => {
  let e2e: E2E;
  let context: BrowserContext;
  let page: Page;
  let publicationId = '';

  beforeAll(async () => {
    e2e = await startE2E();
    context = await newContext(e2e, { height: 900, timezoneId: 'Asia/Jakarta' });
    page = await context.newPage();
    await uiLogin(e2e, page, 'admin');
    const request: APIRequestContext = context.request;
    const cycles = (await (await request.get(`${e2e.url}/api/v1/cycles`)).json()) as {
      items: { id: string; status: string; year: number; schemeId: string }[];
    };
    // The demo's published Banten year (issue 16 §7), not the first final cycle (PEKPPP, imported 2022).
    const y2023 = cycles.items.find((c) => c.year === 2023 && c.status === 'final' && c.schemeId.startsWith('ombudsman'));
    expect(y2023).toBeDefined();
    const pubs = (await (await request.get(`${e2e.url}/api/v1/cycles/${y2023!.id}/publications`)).json()) as {
      items: { id: string; status: string; released: boolean; scope: string }[];
    };
    publicationId = pubs.items.find((p) => p.status === 'current' && p.released && p.scope === 'national')?.id ?? '';
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
    expect(await page.getByTestId('unit-awards-top-band').locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('handover-line').textContent()).toBe('Penyerahan: 24 Januari 2024, Pendopo Gubernur Banten, Kota Serang');
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

  it('verifies a unit piagam, dated as the hand-over, on the public verification page', async () => {
    const link = page.getByTestId('unit-awards-top-band').locator('tbody tr').first().getByRole('link');
    const href = (await link.getAttribute('href'))!;
    const code = /unit-awards\/([^/]+)\/piagam\.pdf/.exec(href)![1]!;
    const unitName = (await page.getByTestId('unit-awards-top-band').locator('tbody tr').first().locator('td').nth(1).textContent())!;
    const pdf = await context.request.get(`${e2e.url}${href}`);
    expect(pdf.status()).toBe(200);
    const bytes = await pdf.body();
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    if (popplerAvailable) {
      const text = squash(pdfPages(bytes).join(' '));
      expect(text).toContain(code);
      expect(text).toContain('Pendopo Gubernur Banten, Kota Serang, 24 Januari 2024');
    }
    const pub = await e2e.browser.newPage({ locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    try {
      await pub.goto(`${e2e.url}/verifikasi/${code}`);
      const valid = pub.getByTestId('verify-valid');
      await valid.waitFor({ timeout: 30_000 });
      expect(unitName).toContain((await pub.getByTestId('verify-unit').textContent())!.split(/[·(]/)[0]!.trim());
      // The publication is dated as the 2023 results were announced (14 December 2023), not at seed time.
      expect(await valid.textContent()).toContain('14 Desember 2023');
      await shot(pub, 'recognition-verify-unit');
    } finally {
      await pub.close();
    }
  }, 60_000);

  it('downloads the press release, every number of it the snapshot\u2019s', async () => {
    const editor = page.getByTestId('release-editor');
    await editor.waitFor();
    await expect
      .poll(async () => (await page.getByTestId('release-text').inputValue()).startsWith('SIARAN PERS'), { timeout: 30_000 })
      .toBe(true);
    await page.getByTestId('facts-box').waitFor();
    // A city, so that the release has a rank among the province's kabupaten/kota.
    const select = editor.getByLabel('Pemerintah daerah');
    const city = await select.locator('option', { hasText: 'Kota Tangerang Selatan' }).getAttribute('value');
    await select.selectOption(city!);
    await expect
      .poll(async () => (await page.getByTestId('release-text').inputValue()).includes('Kota Tangerang Selatan'), { timeout: 30_000 })
      .toBe(true);
    await shot(page, 'recognition-release');
    const txt = editor.getByRole('link', { name: /\.txt|teks/i }).first();
    const bodyId = /bodies\/([^/]+)\/release\.txt/.exec((await txt.getAttribute('href'))!)![1]!;
    const [download] = await Promise.all([page.waitForEvent('download'), txt.click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    const view = (await (await context.request.get(`${e2e.url}/api/v1/publications/${publicationId}`)).json()) as {
      snapshot: PublicationSnapshot;
    };
    const body = view.snapshot.bodies.find((b) => b.id === bodyId)!;
    expect(text).toContain(`${body.name} memperoleh nilai ${idScore(body.score)} dengan opini ${body.bandCode}`);
    const prov = body.ranks.province!;
    expect(text).toContain(`peringkat ${prov.rank} dari ${prov.of} kabupaten/kota`);
    if (body.ranks.nationalType) expect(text).toContain(`peringkat ${body.ranks.nationalType.rank} dari ${body.ranks.nationalType.of}`);
    const units = view.snapshot.units.filter((u) => u.bodyId === bodyId);
    expect(units.length).toBeGreaterThan(0);
    for (const u of units) {
      const line = text.split('\n').find((l) => l.startsWith(`- ${u.name} (`));
      expect(line).toContain(`): ${idScore(u.score)}, opini ${u.bandCode}`);
    }
    expect(text).toContain('diserahkan pada 24 Januari 2024 di Pendopo Gubernur Banten, Kota Serang');
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
