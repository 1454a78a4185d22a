// Admin and pemda workflows in Chromium against the real server (PGlite, demo seed): the admin
// creates a cycle with a scheme, adds a Banten body and its units to the locus, assigns the demo
// asisten with a due date (the asisten's own assignment list shows it), starts fieldwork and
// creates an account; the koordinator opens the improvement list and an indicator's evidence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { apiLogin, browserAvailable, newContext, seriousA11yViolations, shot, startE2E, uiLogin, type E2E } from './harness.ts';

const CYCLE_NAME = 'Penilaian Kepatuhan 2025 — uji e2e Kota Tangerang';
const DUE = '2025-10-31';
/** A 1×1 PNG: real magic bytes, so the server's content sniffing accepts it. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** Waits for a value in the page (the default of one second is short for a cold lazy chunk). */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });

async function expectAccessible(page: Page): Promise<void> {
  if ((await seriousA11yViolations(page)).length === 0) return;
  // Name the offending nodes (axe is already in the page) so a failure says where to look.
  const where = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(ctx: unknown): Promise<{ violations: { id: string; impact: string | null; nodes: { html: string }[] }[] }> };
      }
    ).axe;
    const r = await axe.run(document);
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 300)).join(' | ')}`);
  });
  expect(where).toEqual([]);
}

/** Full-page screenshots at a phone and a desktop width. */
async function shots(page: Page, name: string): Promise<void> {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(150);
    await shot(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe.skipIf(!browserAvailable())('admin and pemda workflows', () => {
  let e2e: E2E;
  let admin: BrowserContext;
  let page: Page;
  let cycleId = '';

  beforeAll(async () => {
    e2e = await startE2E();
    admin = await newContext(e2e);
    page = await admin.newPage();
  });

  afterAll(async () => {
    await admin?.close();
    await e2e?.close();
  });

  it('creates a cycle with a scheme, checking validation first', async () => {
    await uiLogin(e2e, page, 'admin', { home: '/admin' });
    await expectAccessible(page);
    await page.getByRole('navigation').getByRole('link', { name: 'Siklus penilaian' }).click();
    await page.waitForURL((u) => u.pathname === '/admin/cycles');
    await poll(() => page.getByRole('table').getByText('Penilaian Kualitas Pelayanan Publik 2024').count()).toBe(1);

    await page.getByRole('button', { name: 'Buat siklus' }).click();
    const form = page.getByRole('form', { name: 'Siklus baru' });
    await form.getByRole('button', { name: 'Buat siklus' }).click();
    // Translated client-side validation, nothing sent.
    await poll(() => form.getByText('Wajib diisi.').count()).toBe(1);
    await poll(() => form.getByText('Pilih metodologi penilaian.').count()).toBe(1);

    await form.getByLabel('Nama siklus').fill(CYCLE_NAME);
    await form.getByLabel('Tahun').fill('2025');
    const card = form.locator('[data-scheme="ombudsman-2025"]');
    // The card shows the scheme's dimension weights and its number of assumptions.
    expect(await card.textContent()).toMatch(/%/);
    expect(await card.textContent()).toMatch(/\d+ asumsi/);
    await card.click();
    expect(await card.getAttribute('aria-checked')).toBe('true');
    await expectAccessible(page);
    await shots(page, 'admin-cycles');

    await form.getByRole('button', { name: 'Buat siklus' }).click();
    await page.waitForURL((u) => /^\/admin\/cycles\/[0-9a-f-]{36}$/.test(u.pathname));
    cycleId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByRole('heading', { level: 1, name: CYCLE_NAME }).waitFor();
    expect(await page.getByText('Perencanaan', { exact: true }).count()).toBeGreaterThan(0);
  });

  it('adds Kota Tangerang and its units to the locus and assigns the demo asisten with a due date', async () => {
    const picker = page.getByRole('region', { name: 'Tambah ke lokus' });
    await picker.getByLabel('Provinsi', { exact: true }).selectOption({ label: 'Banten' });
    const bodyInput = picker.getByLabel(/^Instansi/);
    await bodyInput.click();
    await bodyInput.fill('Kota Tangerang');
    await page.getByRole('option', { name: 'Kota Tangerang (36.71)', exact: true }).click();
    const boxes = picker.getByRole('checkbox');
    await poll(() => boxes.count()).toBeGreaterThan(2);
    const unitCount = await boxes.count();
    for (let i = 0; i < unitCount; i++) expect(await boxes.nth(i).isChecked()).toBe(true);
    await picker.getByRole('button', { name: 'Tambahkan ke lokus' }).click();
    await poll(() => picker.getByText(`${unitCount} unit ditambahkan ke lokus.`).count()).toBe(1);

    const body = page.getByRole('article', { name: 'Kota Tangerang', exact: true });
    await poll(() => body.getByRole('row').count()).toBe(unitCount + 1);
    await body.getByRole('button', { name: 'Tugaskan semua unit' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Simpan penugasan' }).click();
    await poll(() => dialog.getByText('Pilih asisten penilai.').count()).toBe(1);
    await dialog.getByLabel(/^Asisten penilai/).selectOption({ label: 'Asisten Perwakilan Banten (asisten.banten)' });
    await dialog.getByLabel(/^Tenggat/).fill(DUE);
    await dialog.getByRole('button', { name: 'Simpan penugasan' }).click();
    await dialog.waitFor({ state: 'detached' });
    await poll(() => body.getByText('31 Oktober 2025').count()).toBe(unitCount);
    await poll(() => body.getByText('Asisten Perwakilan Banten').count()).toBe(unitCount);
    await poll(() => page.getByTestId('summary-assigned').textContent()).toBe(`${unitCount} / ${unitCount}`);

    // Start fieldwork, confirmed first.
    await page.getByRole('button', { name: 'Mulai pengambilan data' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Mulai pengambilan data' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await poll(() => page.locator('[aria-current="step"]').textContent()).toContain('Pengambilan data');
    await expectAccessible(page);
    await shots(page, 'admin-locus');
  });

  it("shows the assignment in the asisten's own list, and the asisten can attach evidence to an indicator", async () => {
    const ctx = await e2e.browser.newContext();
    try {
      const csrf = await apiLogin(e2e, ctx.request, 'asisten');
      const mine = (await (await ctx.request.get(`${e2e.url}/api/v1/assignments/mine`)).json()) as {
        items: { cycle: { id: string; status: string }; body: { name: string }; unit: { unitId: string; name: string; dueDate: string } }[];
      };
      const ours = mine.items.filter((a) => a.cycle.id === cycleId);
      expect(ours.length).toBeGreaterThan(2);
      expect(ours.every((a) => a.body.name === 'Kota Tangerang' && a.unit.dueDate === DUE && a.cycle.status === 'fieldwork')).toBe(true);

      const disdukcapil = ours.find((a) => a.unit.name === 'Dinas Kependudukan dan Pencatatan Sipil')!;
      const upload = await ctx.request.post(`${e2e.url}/api/v1/evidence`, {
        headers: { 'x-csrf-token': csrf },
        multipart: {
          cycleId,
          unitId: disdukcapil.unit.unitId,
          indicator: 'PG1',
          kind: 'sk',
          file: { name: 'sk-pengelola-pengaduan.png', mimeType: 'image/png', buffer: PNG },
        },
      });
      expect(upload.status()).toBe(201);
    } finally {
      await ctx.close();
    }
  });

  it('creates a koordinator account: taken username on its field, then the password shown once works', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Pengguna dan peran' }).click();
    await page.waitForURL((u) => u.pathname === '/admin/users');
    await poll(() => page.getByRole('cell', { name: 'asisten.banten', exact: true }).count()).toBe(1);
    await page.getByRole('button', { name: 'Tambah pengguna' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Buat akun' }).click();
    await poll(() => dialog.getByText('Pilih salah satu.').count()).toBe(1);

    await dialog.getByLabel(/^Nama pengguna/).fill('admin');
    await dialog.getByLabel('Nama lengkap atau jabatan').fill('Bagian Organisasi Kabupaten Serang');
    await dialog.getByLabel(/^Peran/).selectOption('koordinator');
    await dialog.getByLabel('Provinsi', { exact: true }).selectOption({ label: 'Banten' });
    const bodyInput = dialog.getByLabel(/^Instansi/);
    await bodyInput.click();
    await bodyInput.fill('Serang');
    await page.getByRole('option', { name: 'Kabupaten Serang (36.04)', exact: true }).click();
    await dialog.getByRole('button', { name: 'Buat acak' }).click();
    await dialog.getByRole('button', { name: 'Buat akun' }).click();
    // The server's refusal, translated, on the username field.
    await poll(() => dialog.getByText('Nama pengguna admin sudah dipakai; pilih nama lain.').count()).toBe(1);

    await dialog.getByLabel(/^Nama pengguna/).fill('koordinator.kabserang');
    await dialog.getByRole('button', { name: 'Buat akun' }).click();
    await dialog.waitFor({ state: 'detached' });
    const password = (await page.getByTestId('created-password').textContent())!;
    expect(password).toMatch(/^[A-Za-z0-9]{16}$/);
    await poll(() => page.getByRole('cell', { name: 'koordinator.kabserang', exact: true }).count()).toBe(1);
    await poll(() => page.getByRole('cell', { name: 'Kabupaten Serang', exact: true }).count()).toBe(1);
    await expectAccessible(page);
    await shots(page, 'admin-users');

    const ctx = await e2e.browser.newContext();
    try {
      await apiLogin(e2e, ctx.request, { username: 'koordinator.kabserang', password });
      const me = (await (await ctx.request.get(`${e2e.url}/api/v1/auth/me`)).json()) as { user: { role: string; bodyId: string } };
      expect(me.user.role).toBe('koordinator');
    } finally {
      await ctx.close();
    }
  });

  it('keeps the registry, a body’s units (with the unit form open) and the audit log accessible', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Registri instansi' }).click();
    await page.waitForURL((u) => u.pathname === '/admin/registry');
    const filters = page.getByRole('search', { name: 'Saring instansi' });
    await filters.getByLabel('Provinsi', { exact: true }).selectOption({ label: 'Banten' });
    const link = page.getByRole('table').getByRole('link', { name: 'Kota Tangerang', exact: true });
    await link.waitFor();
    await expectAccessible(page);
    await shots(page, 'admin-registry');

    await link.click();
    await page.waitForURL((u) => u.pathname.startsWith('/admin/registry/'));
    await page.getByRole('heading', { level: 1, name: 'Kota Tangerang' }).waitFor();
    await poll(() => page.getByRole('cell', { name: 'Dinas Kependudukan dan Pencatatan Sipil', exact: true }).count()).toBe(1);
    await expectAccessible(page);
    await shots(page, 'admin-units');
    await page.getByRole('button', { name: 'Tambah unit layanan' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Nama unit layanan/).waitFor();
    await expectAccessible(page);
    // The dialog's close button has a name (Mantine leaves it unnamed; providers.tsx names it).
    await dialog.getByRole('button', { name: 'Tutup dialog' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('navigation').getByRole('link', { name: 'Log audit' }).click();
    await page.waitForURL((u) => u.pathname === '/audit');
    // This run's own events are listed (newest first): the account just created.
    await poll(() => page.getByRole('table').getByText('user.create').count()).toBeGreaterThan(0);
    await expectAccessible(page);
    await shots(page, 'admin-audit');
  });

  it('lets the koordinator open the improvement list (largest gains first) and an indicator’s evidence', async () => {
    const ctx = await newContext(e2e);
    const kp = await ctx.newPage();
    try {
      await uiLogin(e2e, kp, 'koordinator', { home: '/pemda' });
      await kp.getByRole('heading', { name: 'Kota Tangerang', exact: true }).waitFor();
      await expectAccessible(kp);

      await kp.getByRole('link', { name: 'Penilaian Kualitas Pelayanan Publik 2024' }).click();
      await kp.waitForURL((u) => u.pathname.startsWith('/pemda/cycles/'));
      const list = kp.getByRole('list', { name: 'Perbaikan, kenaikan terbesar lebih dahulu' });
      await poll(() => list.getByRole('listitem').count()).toBeGreaterThan(3);
      // Same first entries as the API, which orders by the government gain.
      const demoCycle = new URL(kp.url()).pathname.split('/').pop()!;
      const api = await kp.evaluate(
        async ([c]) => {
          const me = (await (await fetch('/api/v1/auth/me')).json()) as { user: { bodyId: string } };
          const r = await fetch(`/api/v1/cycles/${c}/bodies/${me.user.bodyId}/improvements?limit=20`);
          return ((await r.json()) as { items: { indicator: string; governmentGain: number }[] }).items;
        },
        [demoCycle],
      );
      const shown = await list.getByRole('listitem').evaluateAll((els) => els.map((el) => el.getAttribute('data-indicator')));
      expect(shown.slice(0, 3)).toEqual(api.slice(0, 3).map((i) => i.indicator));
      for (let i = 1; i < api.length; i++) expect(api[i - 1]!.governmentGain).toBeGreaterThanOrEqual(api[i]!.governmentGain);
      const first = (await list.getByRole('listitem').first().textContent())!;
      expect(first).toMatch(/Nilai pemda: \+\d+,\d{2} poin/);
      expect(first).toMatch(/Tingkat \d:/);
      await expectAccessible(kp);
      await shots(kp, 'pemda-improvements');

      // The new cycle: no score yet, but the evidence the asisten attached to PG1.
      await kp.goto(`${e2e.url}/pemda/cycles/${cycleId}`);
      await kp.getByRole('link', { name: 'Dinas Kependudukan dan Pencatatan Sipil' }).click();
      await kp.waitForURL((u) => u.pathname.includes('/units/'));
      const row = kp.locator('tr[data-indicator="PG1"]');
      const link = row.getByRole('link', { name: 'Unduh bukti sk-pengelola-pengaduan.png' });
      await link.waitFor();
      const download = await kp.evaluate(
        async (href) => {
          const r = await fetch(href);
          return { status: r.status, type: r.headers.get('content-type'), size: (await r.arrayBuffer()).byteLength };
        },
        (await link.getAttribute('href'))!,
      );
      expect(download).toEqual({ status: 200, type: 'image/png', size: PNG.length });
      await kp.getByRole('switch', { name: /Hanya indikator yang memiliki bukti/ }).check({ force: true });
      await poll(() => kp.locator('tr[data-indicator]').count()).toBe(1);
      await expectAccessible(kp);
      await shots(kp, 'pemda-evidence');
    } finally {
      await ctx.close();
    }
  });
});
