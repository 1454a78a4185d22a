// Accounts in Chromium against the real server (PGlite, demo seed), issue 15: the admin resets
// the pimpinan's password in the account dialog (the one-time password shown once); the pimpinan
// signs in with it and sees only the password change; sets a new one; enrols two-step
// verification on "Akun saya" (the code computed here from the key shown, RFC 6238 by the
// server's own helper); signs out; signs in again with the code step. Screens at 360 and 1280 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { base32Decode, totp } from '../src/server/auth/totp.ts';
import { browserAvailable, newContext, seriousA11yViolations, shot, startE2E, type E2E } from './harness.ts';

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });
const NEW_PASSWORD = 'jeruk manis di pagi hari berembun';

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

async function expectAccessible(page: Page): Promise<void> {
  const violations = await seriousA11yViolations(page);
  expect(violations.map((v) => `${v.id} (${v.nodes}): ${v.help}`)).toEqual([]);
}

async function fillLogin(page: Page, url: string, username: string, password: string): Promise<void> {
  await page.goto(`${url}/login`);
  await page.locator('input[autocomplete="username"]').fill(username);
  await page.locator('input[autocomplete="current-password"]').fill(password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
}

describe.skipIf(!browserAvailable())('accounts: reset, forced change, two-step verification', () => {
  let e2e: E2E;
  let adminCtx: BrowserContext;
  let userCtx: BrowserContext;
  let admin: Page;
  let page: Page;
  let oneTime = '';
  let secret = '';

  beforeAll(async () => {
    e2e = await startE2E();
    adminCtx = await newContext(e2e);
    userCtx = await newContext(e2e);
    admin = await adminCtx.newPage();
    page = await userCtx.newPage();
  });

  afterAll(async () => {
    await adminCtx?.close();
    await userCtx?.close();
    await e2e?.close();
  });

  it('the admin edits the pimpinan and resets the password: a one-time password, shown once', async () => {
    const a = e2e.account('admin');
    await fillLogin(admin, e2e.url, a.username, a.password);
    await admin.waitForURL((u) => u.pathname === '/admin');
    await admin.goto(`${e2e.url}/admin/users`);
    const target = e2e.account('pimpinan').username;
    await admin.getByLabel('Cari').fill(target);
    await admin.getByRole('button', { name: `Ubah akun ${target}` }).click();
    const dialog = admin.getByRole('dialog', { name: `Ubah akun ${target}` });
    await dialog.waitFor();
    await expectAccessible(admin);
    await shots(admin, 'accounts-edit-dialog');
    await dialog.getByRole('button', { name: 'Reset kata sandi' }).click();
    const confirm = admin.getByRole('dialog', { name: `Reset kata sandi ${target}?` });
    await confirm.getByRole('button', { name: 'Reset kata sandi' }).click();
    const otp = dialog.getByTestId('one-time-password');
    await otp.waitFor();
    oneTime = (await otp.textContent()) ?? '';
    expect(oneTime.length).toBeGreaterThanOrEqual(12);
    await expect(dialog.getByRole('button', { name: 'Salin' }).isVisible()).resolves.toBe(true);
    await shots(admin, 'accounts-one-time-password');
    // The old password no longer signs in.
    const old = await page.request.post(`${e2e.url}/api/v1/auth/login`, {
      data: { username: target, password: e2e.account('pimpinan').password },
    });
    expect(old.status()).toBe(401);
  });

  it('with the one-time password the pimpinan sees only the password change, then sets a new one', async () => {
    const target = e2e.account('pimpinan').username;
    await fillLogin(page, e2e.url, target, oneTime);
    await page.getByRole('heading', { name: 'Buat kata sandi baru' }).waitFor();
    // No navigation but the shell: nothing else can be opened until the password is changed.
    expect(await page.locator('#app-navbar a').count()).toBe(0);
    await expectAccessible(page);
    await shots(page, 'accounts-forced-change');
    await page.getByLabel('Kata sandi sekali pakai').fill(oneTime);
    await page.getByLabel(/^Kata sandi baru/).fill('pancasila1945');
    await page.getByLabel('Ulangi kata sandi baru').fill('pancasila1945');
    await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
    // The server's dictionary check, translated.
    await poll(() => page.getByRole('alert').textContent()).toContain('Kata sandi mudah ditebak');
    await page.getByLabel(/^Kata sandi baru/).fill(NEW_PASSWORD);
    await page.getByLabel('Ulangi kata sandi baru').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
    // The page asked for (the pimpinan's home) appears.
    await page.getByRole('link', { name: 'Akun saya' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/review');
  });

  it('enrols two-step verification on "Akun saya" with a code computed from the key shown', async () => {
    await page.getByRole('link', { name: 'Akun saya' }).click();
    await page.waitForURL((u) => u.pathname === '/akun');
    await page.getByRole('heading', { name: 'Verifikasi dua langkah' }).waitFor();
    await expectAccessible(page);
    await shots(page, 'accounts-my-account');
    const totpSection = page.locator('section', { has: page.getByRole('heading', { name: 'Verifikasi dua langkah' }) });
    await totpSection.getByLabel('Kata sandi saat ini').fill(NEW_PASSWORD);
    await totpSection.getByRole('button', { name: 'Aktifkan' }).click();
    const key = totpSection.getByTestId('totp-secret');
    await key.waitFor();
    secret = ((await key.textContent()) ?? '').replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await expect(totpSection.getByRole('img', { name: 'Kode QR untuk aplikasi autentikator' }).isVisible()).resolves.toBe(true);
    await shots(page, 'accounts-totp-enrol');
    await totpSection.getByLabel('Kode autentikator').fill(totp(base32Decode(secret), new Date()));
    await totpSection.getByRole('button', { name: 'Aktifkan verifikasi' }).click();
    await poll(() => totpSection.getByTestId('totp-status').textContent()).toBe('Aktif');
  });

  it('after signing out, signing in asks for the code and lets the pimpinan in with it', async () => {
    await page.getByRole('button', { name: /^Keluar \(/ }).click();
    await page.waitForURL((u) => u.pathname === '/');
    await fillLogin(page, e2e.url, e2e.account('pimpinan').username, NEW_PASSWORD);
    const code = page.locator('input[autocomplete="one-time-code"]');
    await code.waitFor();
    await expectAccessible(page);
    await shots(page, 'accounts-code-step');
    // A wrong code first: refused, translated.
    const next = totp(base32Decode(secret), new Date(Date.now() + 30_000));
    await code.fill(next === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Verifikasi' }).click();
    await poll(() => page.getByRole('alert').textContent()).toContain('Kode autentikator salah atau sudah dipakai');
    // The next step's code (the one that confirmed the enrolment is used up).
    await code.fill(next);
    await page.getByRole('button', { name: 'Verifikasi' }).click();
    await page.waitForURL((u) => u.pathname === '/review');
    // The admin sees the second factor on and can reset it (a lost phone).
    await admin.reload();
    const target = e2e.account('pimpinan').username;
    await admin.getByLabel('Cari').fill(target);
    await admin.getByRole('button', { name: `Ubah akun ${target}` }).click();
    const dialog = admin.getByRole('dialog', { name: `Ubah akun ${target}` });
    await poll(() => dialog.getByText('Aktif', { exact: true }).count()).toBeGreaterThan(0);
    await dialog.getByRole('button', { name: 'Reset TOTP' }).click();
    await admin
      .getByRole('dialog', { name: `Matikan verifikasi dua langkah ${target}?` })
      .getByRole('button', { name: 'Reset TOTP' })
      .click();
    await poll(() => dialog.getByText('Tidak aktif', { exact: true }).count()).toBe(1);
  });
});
