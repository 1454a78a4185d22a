// Publication in Chromium against the real server (PGlite, demo seed). The pimpinan of Banten
// sees why the 2024 cycle cannot be published yet (the server's refusal, in Indonesian),
// approves every unit through the API, and publishes Banten through the screen with an embargo half
// an hour ahead (whose date the test then makes arrive, e2e.releaseNow): until then the public gets nothing and the koordinator of Kota Tangerang
// already sees its results with a notice; afterwards the permanent page is public and the
// leaderboard cites it. Then an erratum with one corrected answer: the old version's page says
// it was superseded, by which version and why. Screens at 360 px and desktop, light and dark,
// each checked with axe.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';
import {
  acknowledgeFieldworkFlags,
  browserAvailable,
  newContext,
  seriousA11yViolations,
  shot,
  startE2E,
  uiLogin,
  type E2E,
} from './harness.ts';

interface Meta {
  id: string;
  version: number;
  status: string;
  released: boolean;
  publicAt: string;
  reason: string | null;
  supersededById: string | null;
}

async function expectAccessible(page: Page): Promise<void> {
  const violations = await seriousA11yViolations(page);
  if (violations.length > 0) {
    const where = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run(
              ctx: unknown,
            ): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown; failureSummary?: string }[] }[] }>;
          };
        }
      ).axe;
      const r = await axe.run(document);
      return r.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join(' | ')}`);
    });
    expect(where).toEqual([]);
  }
}

/** axe on one part of the page only (serious and critical violations). */
async function expectAccessibleIn(page: Page, selector: string): Promise<void> {
  await seriousA11yViolations(page); // injects axe-core
  const found = await page.evaluate(async (sel) => {
    const axe = (
      window as unknown as {
        axe: { run(ctx: unknown): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown }[] }[] }> };
      }
    ).axe;
    const r = await axe.run(sel);
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  }, selector);
  expect(found).toEqual([]);
}

/** Screenshots at 360 px and 1280 px, light and dark (axe in dark mode too). */
async function shots(page: Page, name: string, ready: () => Promise<unknown>): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    if (scheme === 'dark') {
      await page.evaluate(() => localStorage.setItem('pantau.color-scheme', 'dark'));
      await page.reload();
      await ready();
      await expectAccessible(page);
    }
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      await page.waitForTimeout(200);
      await shot(page, `${name}-${scheme}-${width}`);
    }
  }
  await page.evaluate(() => localStorage.removeItem('pantau.color-scheme'));
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.reload();
  await ready();
}

/** The API with the context's session (cookie + CSRF header). */
function apiOf(e2e: E2E, context: BrowserContext) {
  const request: APIRequestContext = context.request;
  return async <T>(method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> => {
    const csrf = (await context.cookies()).find((c) => c.name === 'pantau_csrf')?.value;
    const res = await request.fetch(`${e2e.url}/api/v1${path}`, {
      method,
      data,
      headers: method === 'GET' || !csrf ? {} : { 'x-csrf-token': decodeURIComponent(csrf) },
    });
    expect(res.ok(), `${method} ${path}: ${res.status()} ${await res.text()}`).toBe(true);
    return (await res.json()) as T;
  };
}

/** "YYYY-MM-DDTHH:MM:SS" in the page's time zone, `ms` from now: what a datetime-local field holds. */
const localInput = (page: Page, ms: number) =>
  page.evaluate((ahead) => {
    const d = new Date(Date.now() + ahead);
    const p = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
  }, ms);

describe.skipIf(!browserAvailable())('publication: embargo, permanent page, erratum', () => {
  let e2e: E2E;
  let pimpinan: BrowserContext;
  let page: Page;
  let cycleId = '';
  let v1: Meta;

  beforeAll(async () => {
    e2e = await startE2E();
    pimpinan = await newContext(e2e, { timezoneId: 'Asia/Jakarta' });
    page = await pimpinan.newPage();
    await uiLogin(e2e, page, 'pimpinan');
    const cycles = await apiOf(e2e, pimpinan)<{ items: { id: string; year: number; status: string; schemeId: string }[] }>(
      'GET',
      '/cycles',
    );
    cycleId = cycles.items.find((c) => c.year === 2024 && c.status === 'review' && c.schemeId.startsWith('ombudsman'))!.id;
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && page)
      await shot(page, `publish-failed-${ctx.task.name.slice(0, 24).replace(/\W+/g, '-')}`).catch(() => undefined);
  });

  afterAll(async () => {
    await pimpinan?.close();
    await e2e?.close();
  });

  it('shows the pimpinan what blocks publication, and the server’s refusal in Indonesian', async () => {
    await page.goto(`${e2e.url}/review/cycles/${cycleId}`);
    await page.getByTestId('publication-link').getByRole('link', { name: 'Kelola publikasi' }).click();
    await page.waitForURL((u) => u.pathname === `/review/cycles/${cycleId}/publikasi`);
    await expect(page.getByTestId('readiness-bodies').textContent()).resolves.toContain('1 dari 9 instansi sudah final');
    // issue 16: the server's list of every blocker (here the eight bodies not yet final), each with a link to resolve it.
    await expect.poll(() => page.getByTestId('readiness-blockers').locator('li').count()).toBe(8);
    await expect(page.getByTestId('publish-scope').textContent()).resolves.toBe('Banten');

    // issue 16: "Terbitkan" stays disabled while the list has blockers, and says why.
    await expect.poll(() => page.getByRole('button', { name: 'Terbitkan…' }).isDisabled()).toBe(true);
    expect(await page.getByTestId('publish-blocked').textContent()).toBe(
      'Belum dapat diterbitkan: 8 hal pada daftar kesiapan harus diselesaikan dulu.',
    );
    await expectAccessible(page);
    await shot(page, 'publish-refused-1280');
    // The server refuses the same publication in Indonesian, naming what is open.
    const csrf = decodeURIComponent((await pimpinan.cookies()).find((c) => c.name === 'pantau_csrf')?.value ?? '');
    const res = await pimpinan.request.post(`${e2e.url}/api/v1/cycles/${cycleId}/publications`, {
      data: { scope: '36' },
      headers: { 'x-csrf-token': csrf, 'accept-language': 'id' },
    });
    expect(res.status()).toBe(409);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
      /8 instansi cakupan ini belum final \(semua unit harus disetujui\)/,
    );
  });

  it('publishes Banten with an embargo: the koordinator sees it first, the public after the date', async () => {
    const api = apiOf(e2e, pimpinan);
    const progress = await api<{ items: { units: { unitId: string; status: string }[] }[] }>(
      'GET',
      `/cycles/${cycleId}/progress?pageSize=200`,
    );
    for (const unit of progress.items.flatMap((b) => b.units).filter((u) => u.status === 'submitted')) {
      // issue 13: open fieldwork warnings are acknowledged before the unit is approved.
      await acknowledgeFieldworkFlags(e2e, pimpinan, cycleId, unit.unitId);
      await api('POST', `/cycles/${cycleId}/units/${unit.unitId}/approve`, { note: null });
    }
    await page.reload();
    await expect(page.getByTestId('readiness-bodies').textContent()).resolves.toContain('9 dari 9 instansi sudah final');

    // Far enough ahead that no machine reaches it during the test; the date is made to arrive
    // below (e2e.releaseNow), after the before-the-date checks.
    const embargo = 30 * 60_000;
    await page.getByLabel('Tayang untuk publik pada').fill(await localInput(page, embargo));
    await page.getByRole('button', { name: 'Terbitkan…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Terbitkan hasil?' });
    expect(await dialog.textContent()).toContain('Publikasi bersifat permanen');
    await dialog.getByRole('button', { name: 'Ya, terbitkan' }).click();
    const done = page.getByTestId('publish-done');
    await done.waitFor();
    expect(await done.textContent()).toContain('Versi 1 telah terbit');
    expect(await done.textContent()).toContain('Koordinator sudah dapat melihatnya; publik mulai');

    const { items } = await api<{ items: Meta[] }>('GET', `/cycles/${cycleId}/publications`);
    v1 = items.find((p) => p.version === 1)!;
    expect(v1.released).toBe(false);
    const history = page.getByTestId('version-history');
    await expect(history.locator('tbody tr').count()).resolves.toBe(1);
    await expect(history.getByTestId('publication-status').textContent()).resolves.toBe('Berlaku');
    await expect(history.textContent()).resolves.toContain('Embargo: belum tayang');
    // The report pack of the version in force (reports' ReportPackButton) sits beside the history.
    await page.getByTestId('report-pack').getByRole('button').first().waitFor();
    await expectAccessible(page);
    await shots(page, 'publish-manage', () => page.getByTestId('version-history').waitFor());

    // The public: nothing yet.
    const anonymous = await newContext(e2e);
    const pub = await anonymous.newPage();
    expect((await anonymous.request.get(`${e2e.url}/api/v1/publications/${v1.id}`)).status()).toBe(404);
    await pub.goto(`${e2e.url}/publikasi/${v1.id}`);
    await pub.getByText('Halaman tidak ditemukan').waitFor();
    expect(await pub.getByTestId('published-governments').count()).toBe(0);

    // The koordinator of Kota Tangerang: the notice, and the page with its own body.
    const koordinator = await newContext(e2e, { timezoneId: 'Asia/Jakarta' });
    const kPage = await koordinator.newPage();
    await uiLogin(e2e, kPage, 'koordinator');
    await kPage.goto(`${e2e.url}/pemda/cycles/${cycleId}`);
    const notice = kPage.getByTestId('embargo-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/^Diterbitkan, tayang untuk publik pada \d{1,2} \S+ \d{4} \d{2}\.\d{2}/);
    // The notice only: the rest of the koordinator's screen belongs to other specs.
    await expectAccessibleIn(kPage, '[data-testid="embargo-notice"]');
    await shot(kPage, 'publish-koordinator-notice-1280');
    await notice.getByRole('link', { name: 'Buka halaman publikasi' }).click();
    await kPage.waitForURL((u) => u.pathname === `/publikasi/${v1.id}`);
    await kPage.getByTestId('embargo-banner').waitFor();
    await expect(kPage.getByTestId('published-governments').getByRole('rowheader').count()).resolves.toBe(1);
    await expectAccessible(kPage);
    await shot(kPage, 'publish-koordinator-page-1280');
    await koordinator.close();

    // After the date: the permanent page is public, and the leaderboard cites it. The public
    // cache re-reads its data stamp at most a second later (published/cache.ts).
    await e2e.releaseNow(v1.id);
    await pub.waitForTimeout(1500);
    await pub.goto(`${e2e.url}/publikasi/${v1.id}`);
    const table = pub.getByTestId('published-governments');
    await table.waitFor();
    await expect(table.getByRole('rowheader').count()).resolves.toBe(9);
    expect(await pub.getByTestId('embargo-banner').count()).toBe(0);
    expect(await pub.getByTestId('download-csv').getAttribute('href')).toBe(`/api/v1/publications/${v1.id}/open-data.csv`);
    const csv = await anonymous.request.get(`${e2e.url}/api/v1/publications/${v1.id}/open-data.csv`);
    expect(csv.status()).toBe(200);
    // Units and change log open with the keyboard.
    const first = table.getByRole('rowheader').first().getByRole('button');
    await first.focus();
    await pub.keyboard.press('Enter');
    await expect(first.getAttribute('aria-expanded')).resolves.toBe('true');
    await pub.locator('.pub-detail .pub-units li').first().waitFor();
    await expectAccessible(pub);
    await shots(pub, 'publish-page', () => pub.getByTestId('published-governments').waitFor());
    await pub.getByTestId('awards-link').click();
    await pub.waitForURL((u) => u.pathname === `/penghargaan/${v1.id}`);

    // The admin publishes the nation from the admin cycle screen (the cycle turns final).
    const admin = await newContext(e2e, { timezoneId: 'Asia/Jakarta' });
    const aPage = await admin.newPage();
    await uiLogin(e2e, aPage, 'admin');
    await aPage.goto(`${e2e.url}/admin/cycles/${cycleId}`);
    await aPage.getByTestId('publication-link').getByRole('link', { name: 'Kelola publikasi' }).click();
    await aPage.waitForURL((u) => u.pathname === `/admin/cycles/${cycleId}/publikasi`);
    await expect(aPage.getByLabel('Cakupan').inputValue()).resolves.toBe('national');
    await aPage.getByRole('button', { name: 'Terbitkan…' }).click();
    await aPage.getByRole('dialog', { name: 'Terbitkan hasil?' }).getByRole('button', { name: 'Ya, terbitkan' }).click();
    await aPage.getByTestId('publish-done').waitFor();
    expect(await aPage.getByTestId('publish-done').textContent()).toContain('Hasil sudah tayang untuk publik.');
    // Banten's version appears beside the nation's.
    await expect(aPage.getByTestId('version-history').count()).resolves.toBe(2);
    await expectAccessible(aPage);
    await shot(aPage, 'publish-admin-1280');
    await admin.close();

    // (The router reads search values as JSON: the province code is the string "36".)
    await pub.goto(`${e2e.url}/?cycle=${cycleId}&view=province&province=%2236%22`);
    const source = pub.getByTestId('publication-source');
    await source.waitFor();
    expect(await source.textContent()).toMatch(/^Sumber: Publikasi Banten versi 1, \d{1,2} \S+ \d{4} · Data terbuka \(CSV\/JSON\)$/);
    await source.scrollIntoViewIfNeeded();
    await shot(pub, 'publish-leaderboard-source-1280');
    await source.getByRole('link', { name: /Publikasi Banten versi 1/ }).click();
    await pub.waitForURL((u) => u.pathname === `/publikasi/${v1.id}`);
    await anonymous.close();
  });

  it('publishes an erratum with a corrected answer; the old version stays readable, marked superseded', async () => {
    await page.goto(`${e2e.url}/review/cycles/${cycleId}/publikasi`);
    await page.getByTestId('version-history').first().getByRole('button', { name: 'Terbitkan ralat' }).click();
    const form = page.getByTestId('erratum-form');
    await form.waitFor();
    await form.getByLabel('Alasan ralat').fill('Typo');
    await form.getByRole('button', { name: 'Terbitkan ralat…' }).click();
    await form.getByText('Alasan terlalu singkat: minimal 10 karakter.').waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);

    const reason = 'Jawaban indikator pertama Disdukcapil salah input saat tinjauan';
    await form.getByLabel('Alasan ralat').fill(reason);
    await form.getByRole('button', { name: '+ Tambah koreksi' }).click();
    const row = form.getByTestId('correction-1');
    await row.getByLabel('Instansi').selectOption({ label: 'Kota Tangerang' });
    const unitSelect = row.getByLabel('Unit layanan');
    await unitSelect.selectOption({ index: 1 });
    await row.getByLabel('Indikator').selectOption({ index: 1 });
    const level = row.getByLabel(/Level baru/);
    const options = await level.locator('option').count();
    await level.selectOption({ index: options - 1 });
    await expectAccessible(page);
    await shots(page, 'publish-erratum-form', () => page.getByTestId('version-history').first().waitFor());

    // The reload in shots() closed the form: fill it again (quickly) and send it.
    await page.getByTestId('version-history').first().getByRole('button', { name: 'Terbitkan ralat' }).click();
    await form.getByLabel('Alasan ralat').fill(reason);
    await form.getByRole('button', { name: '+ Tambah koreksi' }).click();
    await row.getByLabel('Instansi').selectOption({ label: 'Kota Tangerang' });
    await row.getByLabel('Unit layanan').selectOption({ index: 1 });
    await row.getByLabel('Indikator').selectOption({ index: 1 });
    await row.getByLabel(/Level baru/).selectOption({ index: options - 1 });
    await form.getByRole('button', { name: 'Terbitkan ralat…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Terbitkan ralat?' });
    expect(await dialog.textContent()).toContain('Versi 1 akan digantikan oleh versi 2');
    await dialog.getByRole('button', { name: 'Ya, terbitkan ralat' }).click();
    await page.getByTestId('erratum-done').waitFor();
    const rows = page.getByTestId('version-history').first().locator('tbody tr');
    await expect(rows.count()).resolves.toBe(2);
    await expect(rows.nth(0).getByTestId('publication-status').textContent()).resolves.toBe('Berlaku');
    await expect(rows.nth(1).getByTestId('publication-status').textContent()).resolves.toBe('Digantikan');
    await expect(rows.nth(0).textContent()).resolves.toContain(reason);

    // The old version's permanent page, for anyone.
    const anonymous = await newContext(e2e);
    const pub = await anonymous.newPage();
    await pub.goto(`${e2e.url}/publikasi/${v1.id}`);
    const banner = pub.getByTestId('superseded-banner');
    await banner.waitFor();
    // The banner names the newer version once the version list has loaded.
    await expect.poll(() => banner.textContent()).toContain(`Versi ini telah digantikan oleh versi 2 (alasan: ${reason})`);
    await expectAccessible(pub);
    await shots(pub, 'publish-superseded', () => pub.getByTestId('superseded-banner').waitFor());
    await banner.getByRole('link', { name: 'Buka versi 2' }).click();
    const erratum = pub.getByTestId('erratum-banner');
    await erratum.waitFor();
    await expect(erratum.textContent()).resolves.toContain(`Ralat dari versi 1: ${reason}`);
    await expect(pub.getByTestId('published-governments').textContent()).resolves.toContain('perubahan setelah tinjauan');
    await anonymous.close();
  });
});
