// Assessment and review in Chromium against the real server (PGlite, demo seed). The admin API
// opens a fieldwork cycle with one unit of Kota Cilegon assigned to the demo asisten (the admin
// screens have their own spec). The asisten fills every instrument of that unit up to its quota
// — the first sheet of each instrument through the form (one with an evidence photo), the other
// sheets through the batch API from the page — submits one sheet offline, syncs when back online
// (a sheet the server refuses is kept and corrected), and hands the unit in. The pimpinan
// approves it; the body turns final and its result shows. Then the pimpinan returns a demo unit
// with a comment on one indicator and the asisten sees that comment on the sheet.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { Scheme } from '../src/core/types.ts';
import {
  acknowledgeFieldworkFlags,
  apiAs,
  browserAvailable,
  newContext,
  seriousA11yViolations,
  shot,
  startE2E,
  uiLogin,
  type E2E,
} from './harness.ts';

/** A 1×1 PNG made here: real magic bytes, so the server's content sniffing accepts it. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const CYCLE_NAME = 'Uji e2e: penilaian Kota Cilegon';
/** Due next year, so the assignment is not overdue whenever the test runs. */
const DUE_YEAR = new Date().getFullYear() + 1;

async function expectAccessible(page: Page): Promise<void> {
  const violations = await seriousA11yViolations(page);
  if (violations.length > 0) {
    // Name the offending nodes (axe is already in the page) so a failure says where to look.
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

async function shots(page: Page, name: string): Promise<void> {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await page.waitForTimeout(200);
    await shot(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe.skipIf(!browserAvailable())('asisten fills a unit, pimpinan approves it', () => {
  let e2e: E2E;
  let asisten: BrowserContext;
  let page: Page;
  let scheme: Scheme;
  let cycleId = '';
  let demoCycleId = '';
  let unitId = '';
  let bodyName = '';
  const title = (code: string) => scheme.instruments.find((i) => i.code === code)!.title.id;

  /** Fills the open sheet form: respondent label and one level per question. */
  async function fillSheet(respondent: string, instrument: string, level = 3): Promise<void> {
    const ins = scheme.instruments.find((i) => i.code === instrument)!;
    await page.locator('#sheet-respondent').fill(respondent);
    for (const code of ins.covers) await page.locator(`#q-${code} input[value="${level}"]`).check();
  }

  async function submitSheet(): Promise<void> {
    await page.getByRole('button', { name: 'Selesai, masukkan ke antrean kirim' }).click();
    await page.waitForURL((u) => u.pathname === `/assignments/${cycleId}/${unitId}`);
  }

  const quota = (instrument: string) => page.getByTestId(`quota-count-${instrument}`);
  const syncCounts = () => page.getByTestId('sync-counts').textContent();

  beforeAll(async () => {
    e2e = await startE2E();
    // Set-up through the admin API: a fieldwork cycle, one unit in its locus, assigned to the asisten.
    const setup = await e2e.browser.newContext();
    const api = await apiAs(e2e, setup.request, 'admin');
    const cycles = await api<{ items: { id: string; year: number; schemeId: string }[] }>('GET', '/cycles');
    demoCycleId = cycles.items.find((c) => c.year === 2024 && c.schemeId.startsWith('ombudsman'))!.id;
    const bodies = await api<{ items: { id: string; name: string; code: string }[] }>('GET', '/bodies?province=36&type=kota&pageSize=50');
    const cilegon = bodies.items.find((b) => b.code === '36.72')!;
    bodyName = cilegon.name;
    const units = await api<{ items: { id: string; sector: string }[] }>('GET', `/bodies/${cilegon.id}/units?pageSize=50`);
    unitId = units.items.find((u) => u.sector === 'adminduk')!.id;
    const users = await api<{ items: { id: string }[] }>('GET', '/users?role=asisten');
    const cycle = await api<{ id: string }>('POST', '/cycles', {
      name: CYCLE_NAME,
      year: 2025,
      schemeId: 'ombudsman-2024',
      provinceCode: '36',
    });
    cycleId = cycle.id;
    await api('POST', `/cycles/${cycleId}/bodies`, { bodyId: cilegon.id, unitIds: [unitId] });
    await api('PUT', `/cycles/${cycleId}/units/${unitId}/assignment`, { assessorId: users.items[0]!.id, dueDate: `${DUE_YEAR}-06-30` });
    await api('POST', `/cycles/${cycleId}/status`, { status: 'fieldwork' });
    scheme = (await api<{ scheme: Scheme }>('GET', `/cycles/${cycleId}/scheme`)).scheme;
    await setup.close();

    asisten = await newContext(e2e);
    page = await asisten.newPage();
    page.on('dialog', (d) => void d.accept());
  });

  afterEach(async (ctx) => {
    // A failing step leaves a picture of the asisten's page behind.
    if (ctx.task.result?.state === 'fail' && page)
      await shot(page, `assess-review-failed-${ctx.task.name.slice(0, 24).replace(/\W+/g, '-')}`).catch(() => undefined);
  });

  afterAll(async () => {
    await asisten?.close();
    await e2e?.close();
  });

  it('lists the assignment with its due date and progress against the quotas', async () => {
    await uiLogin(e2e, page, 'asisten');
    await page.getByRole('navigation').getByRole('link', { name: 'Penugasan saya' }).click();
    await page.waitForURL((u) => u.pathname === '/assignments/mine');
    const card = page.getByTestId(`assignment-${unitId}`);
    await card.waitFor();
    // The "to do" filter is chosen by default: only the writable unit of the new cycle shows.
    expect(await page.locator('article[data-testid^="assignment-"]').count()).toBe(1);
    expect(await card.textContent()).toContain(`Tenggat 30 Juni ${DUE_YEAR}`);
    // The instrument's name comes with the cycle's scheme, which may arrive after the list.
    await expect.poll(() => card.getByTestId('assignment-quota-pengguna').textContent()).toBe(`${title('pengguna')}0/30`);
    await expectAccessible(page);
    await shots(page, 'assess-assignments');
  });

  it('fills the first sheet of every instrument through the form, with an evidence photo', async () => {
    await page
      .getByTestId(`assignment-${unitId}`)
      .getByRole('link', { name: /Buka unit/ })
      .click();
    await page.waitForURL((u) => u.pathname === `/assignments/${cycleId}/${unitId}`);
    expect(await quota('pengguna').textContent()).toBe('0/30');

    for (const ins of scheme.instruments) {
      await page.getByRole('button', { name: `Lembar baru: ${ins.title.id}` }).click();
      await page.locator('#sheet-respondent').waitFor();
      if (ins.code === 'dokumen') {
        // Submitting empty first: translated validation, nothing queued.
        await page.getByRole('button', { name: 'Selesai, masukkan ke antrean kirim' }).click();
        expect(await page.locator('form').getByRole('alert').first().textContent()).toContain('Lembar belum lengkap');
        await fillSheet(`${ins.respondent.id} 1`, ins.code);
        // A text file is refused on the device, like the server's 415, in Indonesian.
        const camera = page.locator('[data-testid="evidence-camera-S7"] input[type="file"]');
        expect(await camera.getAttribute('capture')).toBe('environment');
        expect(await camera.getAttribute('accept')).toBe('image/*,application/pdf');
        await camera.setInputFiles({ name: 'catatan.txt', mimeType: 'text/plain', buffer: Buffer.from('bukan gambar') });
        await expect
          .poll(() => page.getByTestId('evidence-S7').getByRole('alert').textContent())
          .toContain('Jenis berkas tidak diizinkan (text/plain)');
        await camera.setInputFiles({ name: 'papan-informasi.png', mimeType: 'image/png', buffer: PNG });
        await expect.poll(() => page.getByTestId('evidence-S7').textContent()).toContain('papan-informasi.png');
        expect(await page.getByTestId('evidence-S7').textContent()).toContain('Menunggu lembar terkirim');
        await expectAccessible(page);
        await shots(page, 'assess-form');
      } else {
        await fillSheet(`${ins.respondent.id} 1`, ins.code, ins.code === 'pengguna' ? 2 : 3);
      }
      await submitSheet();
      // Online: the sheet is sent at once and counted on the server.
      await expect.poll(() => quota(ins.code).textContent(), { timeout: 15_000 }).toBe(`1/${ins.quota.target}`);
    }
    await expect.poll(() => page.getByTestId('sync-queue').textContent()).toBe('Semua lembar di perangkat ini sudah terkirim.');
    // The photo went up after its sheet (dokumen was the second instrument; later syncs report only themselves).
    const evidence = await page.evaluate(
      async ([c, u]) =>
        (await (await fetch(`/api/v1/cycles/${c}/units/${u}/evidence`)).json()) as {
          items: { indicator: string; recordId: string | null; mime: string }[];
        },
      [cycleId, unitId] as const,
    );
    expect(evidence.items).toHaveLength(1);
    expect(evidence.items[0]).toMatchObject({ indicator: 'S7', mime: 'image/png' });
    expect(evidence.items[0]!.recordId).not.toBeNull();
  });

  it('fills the remaining quotas through the API, submits one sheet offline and syncs it when back online', async () => {
    // To keep the test fast, the other sheets go straight to the batch endpoint from the page
    // (same session, same CSRF cookie the app uses); answers vary so no identical patterns arise.
    const plan = scheme.instruments.map((i) => ({
      instrument: i.code,
      covers: i.covers,
      count: i.quota.target - 1 - (i.code === 'pengguna' ? 2 : 0),
    }));
    const reply = await page.evaluate(
      async ({ cycleId, unitId, plan }) => {
        const csrf = decodeURIComponent(
          document.cookie
            .split('; ')
            .find((c) => c.startsWith('pantau_csrf='))!
            .slice('pantau_csrf='.length),
        );
        const records = plan.flatMap((p) =>
          Array.from({ length: p.count }, (_, k) => ({
            id: crypto.randomUUID(),
            cycleId,
            unitId,
            instrument: p.instrument,
            respondent: `${p.instrument} ${k + 2}`,
            answers: Object.fromEntries(p.covers.map((code, j) => [code, 2 + ((k + j) % 2)])),
            capturedAt: new Date().toISOString(),
          })),
        );
        const res = await fetch('/api/v1/records/batch', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
          body: JSON.stringify({ records }),
        });
        return (await res.json()) as { created: number; rejected: number };
      },
      { cycleId, unitId, plan },
    );
    expect(reply).toMatchObject({ created: plan.reduce((a, p) => a + p.count, 0), rejected: 0 });
    await page.reload();
    await expect.poll(() => quota('pengguna').textContent()).toBe('28/30');
    expect(await quota('pejabat').textContent()).toBe('4/4');

    await asisten.setOffline(true);
    await page.getByRole('button', { name: `Lembar baru: ${title('pengguna')}` }).click();
    await fillSheet('Pengguna 29', 'pengguna', 3);
    await submitSheet();
    await expect.poll(() => page.getByTestId('sync-queue').textContent()).toBe('1 lembar menunggu dikirim');
    expect(await quota('pengguna').textContent()).toBe('28/30');
    // A sheet the server will refuse (answer outside the scale), as a damaged device copy would be.
    await page.evaluate(
      ([cycleId, unitId]) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('pantau');
          open.onsuccess = () => {
            const tx = open.result.transaction('outbox', 'readwrite');
            const now = new Date().toISOString();
            tx.objectStore('outbox').put({
              id: crypto.randomUUID(),
              schemeId: 'ombudsman-2024',
              instrument: 'pengguna',
              unitKey: unitId,
              cycleId,
              value: { respondent: 'Pengguna 30', notes: '', answers: { O1: 7, O2: 3, O3: 3, O4: 3, O5: 3 } },
              createdAt: now,
              queuedAt: now,
              attempts: 0,
              lastError: null,
            });
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          };
          open.onerror = () => reject(open.error);
        }),
      [cycleId, unitId] as const,
    );

    await asisten.setOffline(false);
    await page.getByRole('button', { name: 'Sinkronkan' }).click();
    await expect.poll(() => syncCounts(), { timeout: 15_000 }).toContain('1 baru tersimpan');
    expect(await syncCounts()).toContain('1 ditolak');
    expect(await page.getByTestId('sync-problem').textContent()).toBe(
      'Lembar ditolak: jawaban indikator O1 di luar skala tingkat yang tersedia.',
    );
    await expect.poll(() => quota('pengguna').textContent()).toBe('29/30');
    // The refused sheet stays on the device, with its reason, until corrected.
    expect(await page.getByTestId('rejection-reason').textContent()).toContain('O1');
    await page.getByRole('button', { name: 'Perbaiki lembar Pengguna 30' }).click();
    await page.locator('#q-O1').waitFor();
    await page.locator('#q-O1 input[value="1"]').check();
    await submitSheet();
    await expect.poll(() => quota('pengguna').textContent(), { timeout: 15_000 }).toBe('30/30');
    await expect.poll(() => page.getByTestId('sync-queue').textContent()).toBe('Semua lembar di perangkat ini sudah terkirim.');
  });

  it('hands the unit in once every quota is met', async () => {
    for (const ins of scheme.instruments) expect(await quota(ins.code).textContent()).toBe(`${ins.quota.target}/${ins.quota.target}`);
    // The preview over the unit's server records is complete now.
    expect(await page.getByTestId('score-preview').textContent()).not.toContain('pratinjau / belum lengkap');
    await page.getByRole('button', { name: 'Serahkan unit untuk ditinjau' }).click();
    await expect.poll(() => page.getByTestId('unit-handed-in').count()).toBe(1);
    expect(await page.getByRole('button', { name: /Lembar baru/ }).count()).toBe(0);
  });

  it('lets the pimpinan approve the unit; the body turns final with its result', async () => {
    const ctx = await newContext(e2e);
    const p = await ctx.newPage();
    try {
      await uiLogin(e2e, p, 'pimpinan');
      await p.getByRole('navigation').getByRole('link', { name: 'Antrean tinjauan' }).click();
      await p.waitForURL((u) => u.pathname === '/review/queue');
      await p.getByLabel('Siklus', { exact: true }).selectOption(cycleId);
      const queue = p.getByTestId('queue-submitted');
      await expect.poll(() => queue.textContent()).toContain(bodyName);
      await expectAccessible(p);
      await shots(p, 'review-queue');

      await queue.getByRole('link', { name: /^Tinjau / }).click();
      await p.waitForURL((u) => u.pathname === `/review/cycles/${cycleId}/units/${unitId}`);
      // The evidence photo is shown on its indicator.
      await expect.poll(() => p.getByTestId('indicator-S7').locator('img').count()).toBe(1);
      const unitScore = (await p.getByTestId('unit-result').locator('[data-testid="score-value"]').textContent())!;
      await expectAccessible(p);
      // issue 13: sheets filled by a robot in seconds are flagged; the pimpinan acknowledges first.
      await acknowledgeFieldworkFlags(e2e, ctx, cycleId, unitId);
      await p.reload();
      await p.getByRole('button', { name: 'Setujui unit' }).click();
      const result = p.getByTestId('body-result');
      await expect.poll(() => result.textContent(), { timeout: 15_000 }).toContain(`${bodyName} kini final`);
      // One unit: the government's score is that unit's score; it is ranked at once.
      expect(await result.getByTestId('body-score').locator('[data-testid="score-value"]').textContent()).toBe(unitScore);
      expect(await result.textContent()).toContain('peringkat 1 dari 1 di provinsi');

      await p.goto(`${e2e.url}/review/cycles/${cycleId}`);
      await expect.poll(() => p.getByTestId('stat-final').textContent()).toContain('1/1');
    } finally {
      await ctx.close();
    }
  });

  it('shows the demo cycle dashboard and returns a unit with a comment the asisten then sees', async () => {
    const ctx = await newContext(e2e);
    const p = await ctx.newPage();
    try {
      await uiLogin(e2e, p, 'pimpinan');
      await p.goto(`${e2e.url}/review/cycles/${demoCycleId}`);
      await expect.poll(() => p.getByTestId('stat-submitted').textContent()).toMatch(/\d/);
      // Kabupaten Serang was approved in the demo: one body of eleven is final (nine governments,
      // and the national police and land agency through their Banten offices, issue 17).
      expect(await p.getByTestId('stat-final').textContent()).toContain('1/11');
      expect(await p.getByTestId('outliers').textContent()).toContain('Iglewicz');
      await expectAccessible(p);
      await shots(p, 'review-dashboard');

      await p.goto(`${e2e.url}/review/queue?cycle=${demoCycleId}`);
      const first = p
        .getByTestId('queue-submitted')
        .getByRole('link', { name: /^Tinjau / })
        .first();
      await first.click();
      await p.waitForURL((u) => /\/units\//.test(u.pathname));
      const returnedUnit = new URL(p.url()).pathname.split('/').at(-1)!;
      await p.getByRole('button', { name: 'Tambah komentar untuk indikator O1' }).click();
      await p.getByLabel('Komentar untuk indikator O1').fill('Periksa kembali jawaban penundaan berlarut.');
      await p.getByRole('button', { name: 'Kembalikan dengan komentar' }).click();
      await expect
        .poll(() => p.getByRole('heading', { name: 'Keputusan' }).locator('..').textContent())
        .toContain('dikembalikan ke asisten');

      await page.goto(`${e2e.url}/assignments/${demoCycleId}/${returnedUnit}`);
      await expect
        .poll(() => page.getByTestId('returned-comments').textContent())
        .toContain('O1: Periksa kembali jawaban penundaan berlarut.');
      const sheet = page.locator('[data-testid^="sheet-row-"]', { hasText: 'komentar' }).first();
      await sheet.getByRole('link', { name: /Buka dan ubah/ }).click();
      await expect.poll(() => page.getByTestId('review-comment-O1').textContent()).toContain('Periksa kembali');
    } finally {
      await ctx.close();
    }
  });
});
