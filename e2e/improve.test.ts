// The improvement loop of issue 12 item 7, through the UI as the demo roles (Chromium against the
// real server on PGlite, demo seed):
//  1. the koordinator of Kota Tangerang (1280 px) opens /temuan on the published 2023 cycle, sees
//     the findings of Disdukcapil and plans three actions from three findings (person in charge,
//     due date, target level); the board's counts move from the demo's 5 actions to 8;
//  2. the Disdukcapil operator (360 px phone) opens one of them, reports progress with a PDF as
//     evidence and marks it done;
//  3. the koordinator verifies it on its page (status → Terverifikasi; the board's counts move);
//  4. the asisten of Banten (360 px phone), in the next cycle (2024), opens the unit, follows the
//     pre-check link to last cycle's findings, sees the finding with its action, status and
//     evidence, opens the action (the evidence file name), and marks the finding resolved.
// Publication itself (which builds the findings) is covered by e2e/publish.test.ts and the db
// tests (src/server/findings/findings.test.ts): this spec starts from the demo's published 2023
// cycle instead of publishing a cycle of its own (that takes a whole fieldwork and review).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { pdf } from '../src/server/test/files.ts';
import { browserAvailable, newContext, seriousA11yViolations, shot, startE2E, uiLogin, type E2E } from './harness.ts';

const UNIT = 'Dinas Kependudukan dan Pencatatan Sipil';
const EVIDENCE = 'sk-standar-pelayanan.pdf';
/** A well-formed one-page PDF: the server checks an evidence file's structure, not only its magic bytes. */
const PDF = pdf('SK Kepala Dinas tentang standar pelayanan');
/** Due next year, so the actions are never overdue whenever the test runs. */
const DUE = `${new Date().getFullYear() + 1}-03-31`;
const PEOPLE = ['Kepala Seksi Identitas Penduduk', 'Kepala Bidang Pelayanan Pencatatan Sipil', 'Kepala Seksi Pemanfaatan Data'];
const poll = <T>(fn: () => Promise<T> | T, timeout = 15_000) => expect.poll(fn, { timeout });

/** axe (serious/critical) once the page is steady, then a full-page screenshot at its width. */
async function check(page: Page, name: string): Promise<void> {
  await page
    .waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, { timeout: 10_000 })
    .catch(() => undefined);
  if ((await seriousA11yViolations(page)).length > 0) {
    // Name the offending nodes (axe is already in the page) so a failure says where to look.
    const where = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run(ctx: unknown): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown; html: string }[] }[] }>;
          };
        }
      ).axe;
      const r = await axe.run(document);
      return r.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.html.slice(0, 200)}`).join(' | ')}`);
    });
    expect(where).toEqual([]);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, `improve-${name}-${page.viewportSize()!.width}`);
}

/** The board's count tile ("Semua", "Direncanakan", …) as a number. */
async function count(page: Page, label: string): Promise<number> {
  const tile = page
    .getByRole('group', { name: 'Jumlah tindak lanjut per status dan ketepatan waktu' })
    .getByRole('button', { name: label });
  const text = (await tile.innerText()).split('\n').pop() ?? '';
  return Number(text.replace(/\D/g, ''));
}

async function api<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (p) => {
    const res = await fetch(`/api/v1${p}`);
    if (!res.ok) throw new Error(`${p}: ${res.status}`);
    return (await res.json()) as T;
  }, path) as Promise<T>;
}

describe.skipIf(!browserAvailable())('improvement loop: findings → actions → evidence → verification → pre-check', () => {
  let e2e: E2E;
  const contexts: BrowserContext[] = [];
  let koordinator: Page;
  let operator: Page;
  let asisten: Page;
  /** The three findings planned on (indicator codes) and the action the operator closes. */
  const planned: string[] = [];
  let actionId = '';
  let actionTitle = '';
  let before = { total: 0, planned: 0, verified: 0 };

  const newPage = async (width: number): Promise<Page> => {
    const ctx = await newContext(e2e, { width, serviceWorkers: 'block' });
    contexts.push(ctx);
    return ctx.newPage();
  };

  beforeAll(async () => {
    e2e = await startE2E();
    koordinator = await newPage(1280);
    operator = await newPage(360);
    asisten = await newPage(360);
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    const tag = ctx.task.name.slice(0, 24).replace(/\W+/g, '-');
    for (const [name, p] of [
      ['koordinator', koordinator],
      ['operator', operator],
      ['asisten', asisten],
    ] as const)
      await shot(p, `improve-failed-${tag}-${name}`).catch(() => undefined);
  });

  afterAll(async () => {
    for (const ctx of contexts) await ctx.close().catch(() => undefined);
    await e2e?.close();
  });

  it('koordinator: sees the findings of its units and plans three actions from them', async () => {
    await uiLogin(e2e, koordinator, 'koordinator');
    await koordinator.goto(`${e2e.url}/tindak-lanjut`);
    await koordinator.getByRole('list', { name: 'Daftar tindak lanjut' }).waitFor();
    before = {
      total: await count(koordinator, 'Semua'),
      planned: await count(koordinator, 'Direncanakan'),
      verified: await count(koordinator, 'Terverifikasi'),
    };
    expect(before.total).toBe(5); // the demo's actions of Kota Tangerang

    await koordinator.getByRole('link', { name: 'Lihat temuan penilaian' }).click();
    await koordinator.waitForURL((u) => u.pathname === '/temuan');
    await expect.poll(() => koordinator.getByLabel('Siklus').locator('option:checked').innerText()).toMatch(/2023/);
    const list = koordinator.getByRole('list', { name: 'Daftar temuan' });
    await list.waitFor();
    // The government's findings span its units; narrow them to Disdukcapil.
    await koordinator.getByLabel('Unit layanan').selectOption({ label: UNIT });
    const cards = list.getByRole('listitem');
    await poll(async () => (await cards.allInnerTexts()).every((t) => t.includes(UNIT))).toBe(true);
    expect(await cards.count()).toBeGreaterThan(3);
    // Three findings without an action yet (the demo answered the two largest).
    const open = cards.filter({ hasText: 'Belum ada tindak lanjut' });
    expect(await open.count()).toBeGreaterThanOrEqual(3);
    await check(koordinator, 'findings');

    for (let i = 0; i < 3; i++) {
      const card = open.first();
      const indicator = (await card.getAttribute('data-finding'))!;
      const target = (await card.innerText()).match(/Tingkat (\d+):/)![1]!;
      await card.getByRole('button', { name: `Buat rencana aksi: ${indicator} · ${UNIT}` }).click();
      const dialog = koordinator.getByRole('dialog', { name: 'Buat rencana aksi' });
      await dialog.getByText(`Dari temuan ${indicator} · ${UNIT}`).waitFor();
      // Title and target level come from the finding.
      expect(await dialog.getByLabel('Tindak lanjut').inputValue()).toContain(`Mencapai tingkat ${target} pada ${indicator}`);
      expect(await dialog.getByLabel('Tingkat sasaran').inputValue()).toBe(target);
      await dialog.getByLabel('Penanggung jawab').fill(PEOPLE[i]!);
      await dialog.getByLabel('Tenggat').fill(DUE);
      if (i === 0) await check(koordinator, 'plan-dialog');
      await dialog.getByRole('button', { name: 'Simpan rencana' }).click();
      await dialog.waitFor({ state: 'detached' });
      const done = list.locator(`[data-finding="${indicator}"]`);
      await done.getByText('1 tindak lanjut · 0 terverifikasi').waitFor();
      planned.push(indicator);
    }

    await koordinator.getByRole('link', { name: 'Tindak lanjut', exact: true }).first().click();
    await koordinator.waitForURL((u) => u.pathname === '/tindak-lanjut');
    await poll(() => count(koordinator, 'Semua')).toBe(before.total + 3);
    expect(await count(koordinator, 'Direncanakan')).toBe(before.planned + 3);
    for (const person of PEOPLE) await koordinator.getByText(`Penanggung jawab: ${person}`).waitFor();
    await check(koordinator, 'board-planned');
  });

  it('operator: reports progress on one with a PDF as evidence and marks it done', async () => {
    await uiLogin(e2e, operator, 'operator');
    await operator.goto(`${e2e.url}/tindak-lanjut`);
    const item = operator.getByRole('listitem').filter({ hasText: `Penanggung jawab: ${PEOPLE[0]}` });
    const link = item.getByRole('link');
    actionTitle = await link.innerText();
    expect(actionTitle).toContain(planned[0]!);
    await link.click();
    await operator.waitForURL((u) => /^\/tindak-lanjut\/[0-9a-f-]{36}$/.test(u.pathname));
    actionId = new URL(operator.url()).pathname.split('/').pop()!;
    await operator.getByRole('heading', { level: 1, name: actionTitle }).waitFor();
    await operator.getByText('Belum ada bukti.').waitFor();

    const form = operator.getByRole('region', { name: 'Laporkan kemajuan' });
    await form.getByLabel('Apa yang sudah dikerjakan').fill('Standar pelayanan ditetapkan dengan SK Kepala Dinas dan diumumkan.');
    await form.getByLabel('Status setelah laporan ini').selectOption({ label: 'Selesai, menunggu verifikasi' });
    await form.locator('input[type="file"]').setInputFiles({ name: EVIDENCE, mimeType: 'application/pdf', buffer: PDF });
    await check(operator, 'progress');
    await form.getByRole('button', { name: 'Kirim laporan' }).click();
    await operator.getByText('Laporan kemajuan tersimpan.').waitFor();

    await operator.locator('[data-status="done"]').first().waitFor();
    const evidence = operator.getByRole('region', { name: 'Bukti' });
    await evidence.getByRole('link', { name: EVIDENCE }).waitFor();
    await operator.getByText('Direncanakan → Selesai, menunggu verifikasi').waitFor();
    // The file is served back as uploaded.
    const href = (await evidence.getByRole('link', { name: EVIDENCE }).getAttribute('href'))!;
    const res = await operator.request.get(`${e2e.url}${href}`);
    expect(res.status()).toBe(200);
    expect((await res.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('koordinator: verifies it; the board counts it verified', async () => {
    await koordinator.reload();
    await poll(() => count(koordinator, 'Selesai, menunggu verifikasi')).toBeGreaterThan(0);
    const doneBefore = await count(koordinator, 'Selesai, menunggu verifikasi');
    await koordinator.getByRole('link', { name: actionTitle }).click();
    await koordinator.waitForURL((u) => u.pathname === `/tindak-lanjut/${actionId}`);
    await koordinator.getByRole('region', { name: 'Bukti' }).getByRole('link', { name: EVIDENCE }).waitFor();
    await koordinator.getByRole('button', { name: 'Verifikasi', exact: true }).click();
    const dialog = koordinator.getByRole('dialog', { name: 'Verifikasi tindak lanjut' });
    await dialog.getByLabel('Terima — tindak lanjut tuntas').check();
    await dialog.getByLabel('Catatan').fill('SK dan pengumumannya sudah diperiksa.');
    await dialog.getByRole('button', { name: 'Terima dan tutup' }).click();
    await koordinator.getByText('Tindak lanjut diverifikasi.').waitFor();
    await koordinator.locator('[data-status="verified"]').first().waitFor();
    await koordinator.getByText(/^Diverifikasi /).waitFor();
    await check(koordinator, 'verified');

    await koordinator.getByRole('link', { name: 'Kembali ke papan tindak lanjut' }).click();
    await poll(() => count(koordinator, 'Terverifikasi')).toBe(before.verified + 1);
    expect(await count(koordinator, 'Selesai, menunggu verifikasi')).toBe(doneBefore - 1);
    expect(await count(koordinator, 'Direncanakan')).toBe(before.planned + 2);
    expect(await count(koordinator, 'Semua')).toBe(before.total + 3);
  });

  it('asisten: in the 2024 cycle, sees the findings of the unit with their actions and marks one resolved', async () => {
    await uiLogin(e2e, asisten, 'asisten');
    const cycles = await api<{ items: { id: string; year: number; family: string }[] }>(asisten, '/cycles');
    const next = cycles.items.find((c) => c.year === 2024 && c.family === 'ombudsman')!;
    const unitId = (await api<{ user: { unitId: string } }>(operator, '/auth/me')).user.unitId;
    await asisten.goto(`${e2e.url}/assignments/${next.id}/${unitId}`);
    await asisten.getByRole('link', { name: /Temuan siklus sebelumnya/ }).click();
    await asisten.waitForURL((u) => u.pathname === '/temuan');
    const list = asisten.getByRole('list', { name: 'Daftar temuan' });
    await list.waitFor();
    const card = list.locator(`[data-finding="${planned[0]}"]`);
    await card.getByText('1 tindak lanjut · 1 terverifikasi').waitFor();
    for (const i of planned.slice(1)) await list.locator(`[data-finding="${i}"]`).getByText('1 tindak lanjut · 0 terverifikasi').waitFor();
    // The action answering it: its status and evidence, and its page with the file.
    const action = card.getByRole('link', { name: actionTitle });
    await card.locator('[data-status="verified"]').waitFor();
    await card.getByText('1 bukti').waitFor();
    await check(asisten, 'precheck');

    await card.getByLabel(`Catatan pemeriksaan (opsional): ${planned[0]}`).fill('SK terpasang di ruang layanan.');
    await card.getByRole('button', { name: 'Teratasi', exact: true }).click();
    await asisten.getByText('Pemeriksaan awal tersimpan.').waitFor();
    await card.getByText('Pemeriksaan awal · Teratasi').waitFor();
    expect(await card.getByRole('button', { name: 'Teratasi', exact: true }).getAttribute('aria-pressed')).toBe('true');

    await action.click();
    await asisten.waitForURL((u) => u.pathname === `/tindak-lanjut/${actionId}`);
    await asisten.locator('[data-status="verified"]').first().waitFor();
    await asisten.getByRole('region', { name: 'Bukti' }).getByRole('link', { name: EVIDENCE }).waitFor();
    // The asisten reads; it neither reports nor verifies.
    expect(await asisten.getByRole('region', { name: 'Laporkan kemajuan' }).count()).toBe(0);
    expect(await asisten.getByRole('button', { name: 'Verifikasi', exact: true }).count()).toBe(0);
    await check(asisten, 'action');

    // The koordinator sees the pre-check on its findings.
    await koordinator.goto(`${e2e.url}/temuan`);
    await koordinator
      .getByRole('list', { name: 'Daftar temuan' })
      .locator(`[data-finding="${planned[0]}"]`)
      .filter({ hasText: UNIT })
      .getByText('Pemeriksaan awal: sudah teratasi — SK terpasang di ruang layanan.')
      .waitFor();
  });

  it('pimpinan: writes a saran perbaikan on a finding of Kota Tangerang on the Perwakilan follow-up screen', async () => {
    const pimpinan = await newPage(1280);
    await uiLogin(e2e, pimpinan, 'pimpinan');
    await pimpinan.goto(`${e2e.url}/temuan`);
    await pimpinan.getByLabel('Pemerintah').selectOption({ label: 'Kota Tangerang' });
    await pimpinan.getByRole('link', { name: 'Saran perbaikan dan produk tindak lanjut' }).click();
    await pimpinan.waitForURL((u) => /^\/review\/cycles\/[0-9a-f-]{36}\/bodies\/[0-9a-f-]{36}\/temuan$/.test(u.pathname));
    const list = pimpinan.getByRole('list', { name: 'Daftar temuan' });
    const card = list.locator(`[data-finding="${planned[1]}"]`).filter({ hasText: UNIT });
    await card.getByLabel(`Isi saran: ${planned[1]} · ${UNIT}`).fill('Umumkan standar pelayanan di ruang tunggu dan laman dinas.');
    await card.getByRole('button', { name: `Simpan saran: ${planned[1]} · ${UNIT}` }).click();
    await pimpinan.getByText(`Saran pada ${planned[1]} tersimpan.`).waitFor();
    await check(pimpinan, 'followup');
    // The koordinator sees it on its findings.
    await koordinator.goto(`${e2e.url}/temuan`);
    await koordinator
      .getByRole('list', { name: 'Daftar temuan' })
      .locator(`[data-finding="${planned[1]}"]`)
      .filter({ hasText: UNIT })
      .getByText('Umumkan standar pelayanan di ruang tunggu dan laman dinas.')
      .waitFor();
  });

  it('operator and koordinator: the evidence library passes axe; a linked document says so before deletion', async () => {
    await operator.goto(`${e2e.url}/pustaka`);
    const docs = operator.getByTestId('library-doc');
    await docs.first().waitFor();
    await check(operator, 'library');
    // A document used somewhere (the demo links one) cannot be deleted: the dialog says where it is used.
    const linked = docs.filter({ has: operator.getByRole('button', { name: /^Lepas tautan/ }) }).first();
    await linked.getByRole('button', { name: /^Hapus / }).click();
    const dialog = operator.getByRole('dialog', { name: 'Hapus dokumen pustaka' });
    await dialog.getByText(/masih tertaut ke \d+ indikator, survei atau tindak lanjut/).waitFor();
    expect(await dialog.getByRole('button', { name: 'Hapus dokumen' }).count()).toBe(0);
    await check(operator, 'library-delete');
    // The modal's own close button is named 'Tutup' too: the dialog's footer button is the last.
    await dialog.getByRole('button', { name: 'Tutup', exact: true }).last().click();
    await koordinator.goto(`${e2e.url}/pustaka`);
    await koordinator.getByTestId('library-doc').first().waitFor();
    await check(koordinator, 'library');
  });
});
