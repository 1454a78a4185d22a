// Fieldwork that holds in the field (issue 13 §8), in Chromium at 360 px against the real server
// (PGlite, demo seed). The demo asisten has no unit open for fieldwork (every demo unit is handed
// in), so the admin API opens one here: a 2025 cycle with one Kota Cilegon unit assigned to the
// asisten (the demo seed is left as it is: other specs count the asisten's open units).
//  1. fresh login → "Unduh untuk luring" → offline (`context.setOffline(true)`, no reload) → three
//     sheets, each with a large photo taken on the device (resized to the scheme's longest edge,
//     hashed, capture time and position kept);
//  2. back online: the sheets go up and the first photo's resumable upload starts — the page is
//     closed while that upload is in flight (its PATCH held in the network layer), a new page of
//     the same context (same device storage) opens the unit and the sync continues on its own;
//  3. every sheet and every file arrived exactly once: three records, three evidence links whose
//     sha256 are the hashes made at capture, with capture time and position;
//  4. a fabricated batch (seconds-long interviews, one respondent key three times, straight-line
//     answers) raises its flags and the pimpinan sees them with their reasons on the review screen.
import { deflateSync, crc32 } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page, Request, Route } from 'playwright-core';
import type { Scheme } from '../src/core/types.ts';
import { apiAs, browserAvailable, newContext, seriousA11yViolations, shot, startE2E, uiLogin, type E2E } from './harness.ts';

const CYCLE_NAME = 'Uji e2e: kerja lapangan Kota Cilegon';
const DUE_YEAR = new Date().getFullYear() + 1;
/** The three sheets: instrument and the indicator whose evidence is photographed. */
const SHEETS = [
  { instrument: 'pejabat', indicator: 'K2' },
  { instrument: 'dokumen', indicator: 'S1' },
  { instrument: 'observasi-produk', indicator: 'P1' },
] as const;

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([len, body, crc]);
}

/** A phone-sized photo (2000×1500, noisy so it stays large as JPEG), made here. */
function photo(seed: number, w = 2000, h = 1500): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const raw = Buffer.alloc(h * (1 + 3 * w));
  let s = seed * 2654435761;
  for (let y = 0; y < h; y++) {
    const row = y * (1 + 3 * w);
    for (let i = 1; i <= 3 * w; i++) {
      s = (s * 1103515245 + 12345) >>> 0;
      raw[row + i] = ((s >>> 16) & 127) + ((i + y) & 127);
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 1 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

interface DeviceFile {
  id: string;
  sheetId: string;
  indicator: string;
  mime: string;
  size: number;
  sha256?: string;
  capturedAt?: string;
  position?: { lat: number; lon: number; accuracy: number | null } | null;
  resizedTo?: { width: number; height: number } | null;
  uploadUrl?: string | null;
}

/** The evidence waiting on the device (IndexedDB `pantau`, table `evidence`). */
const deviceFiles = (page: Page): Promise<DeviceFile[]> =>
  page.evaluate(
    () =>
      new Promise<DeviceFile[]>((resolve, reject) => {
        const open = indexedDB.open('pantau');
        open.onsuccess = () => {
          const req = open.result.transaction('evidence').objectStore('evidence').getAll();
          req.onsuccess = () => {
            resolve((req.result as (DeviceFile & { blob?: unknown })[]).map(({ blob: _b, ...rest }) => rest));
            open.result.close();
          };
          req.onerror = () => reject(req.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );

describe.skipIf(!browserAvailable())(
  'fieldwork at 360 px: offline sheets with photos, an upload cut by closing the app, nothing twice',
  () => {
    let e2e: E2E;
    let context: BrowserContext;
    let page: Page;
    let scheme: Scheme;
    let cycleId = '';
    let unitId = '';
    let admin: Awaited<ReturnType<typeof apiAs>>;
    const here = { latitude: -6.0174, longitude: 106.0537 };
    let captured: DeviceFile[] = [];
    const sheetIds: string[] = [];

    beforeAll(async () => {
      e2e = await startE2E();
      const setup = await e2e.browser.newContext();
      admin = await apiAs(e2e, setup.request, 'admin');
      const bodies = await admin<{ items: { id: string; code: string }[] }>('GET', '/bodies?province=36&type=kota&pageSize=50');
      const cilegon = bodies.items.find((b) => b.code === '36.72')!;
      const units = await admin<{ items: { id: string; sector: string; latitude?: number | null; longitude?: number | null }[] }>(
        'GET',
        `/bodies/${cilegon.id}/units?pageSize=50`,
      );
      const unit = units.items.find((u) => u.sector === 'adminduk')!;
      unitId = unit.id;
      // The device stands at the unit when the registry knows where it is.
      if (typeof unit.latitude === 'number' && typeof unit.longitude === 'number') {
        here.latitude = unit.latitude;
        here.longitude = unit.longitude;
      }
      const users = await admin<{ items: { id: string }[] }>('GET', '/users?role=asisten');
      cycleId = (
        await admin<{ id: string }>('POST', '/cycles', { name: CYCLE_NAME, year: 2025, schemeId: 'ombudsman-2024', provinceCode: '36' })
      ).id;
      await admin('POST', `/cycles/${cycleId}/bodies`, { bodyId: cilegon.id, unitIds: [unitId] });
      await admin('PUT', `/cycles/${cycleId}/units/${unitId}/assignment`, { assessorId: users.items[0]!.id, dueDate: `${DUE_YEAR}-06-30` });
      await admin('POST', `/cycles/${cycleId}/status`, { status: 'fieldwork' });
      scheme = (await admin<{ scheme: Scheme }>('GET', `/cycles/${cycleId}/scheme`)).scheme;

      context = await newContext(e2e, {
        width: 360,
        height: 780,
        permissions: ['geolocation'],
        geolocation: { ...here, accuracy: 8 },
      });
      page = await context.newPage();
    });

    afterEach(async (ctx) => {
      if (ctx.task.result?.state === 'fail' && page && !page.isClosed())
        await shot(page, `fieldwork-failed-${ctx.task.name.slice(0, 24).replace(/\W+/g, '-')}`).catch(() => undefined);
    });

    afterAll(async () => {
      await context?.close();
      await e2e?.close();
    });

    it('downloads the unit, goes offline without reloading and fills three sheets with a photo each', async () => {
      const maxEdge = scheme.fieldwork?.photoMaxEdgePx;
      expect(maxEdge).toBeGreaterThan(0);
      await uiLogin(e2e, page, 'asisten');
      // The first session's service worker controls the page (clientsClaim): no reload needed.
      await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 20_000 });
      await page.goto(`${e2e.url}/assignments/mine`);
      const card = page.getByTestId(`assignment-${unitId}`);
      await card.waitFor();
      await card.getByRole('button', { name: /^Unduh untuk luring/ }).click();
      await expect.poll(() => card.getByTestId('offline-mark').getAttribute('data-ready'), { timeout: 20_000 }).toBe('yes');
      expect(await card.getByTestId('offline-mark').textContent()).toMatch(/temuan siklus lalu/);

      await context.setOffline(true);
      await card.getByRole('link', { name: /Buka unit/ }).click();
      await page.waitForURL((u) => u.pathname === `/assignments/${cycleId}/${unitId}`);
      // Last cycle's findings of the unit come from the device.
      await expect.poll(() => page.getByTestId('previous-findings').textContent()).toMatch(/Temuan siklus sebelumnya/);
      expect(await page.getByTestId('previous-findings').textContent()).not.toContain('belum diunduh');

      for (const [k, s] of SHEETS.entries()) {
        const ins = scheme.instruments.find((i) => i.code === s.instrument)!;
        await page.getByRole('button', { name: `Lembar baru: ${ins.title.id}` }).click();
        await page.locator('#sheet-respondent').waitFor();
        sheetIds.push(new URL(page.url()).pathname.split('/').at(-1)!);
        await page.locator('#sheet-respondent').fill(`${ins.respondent.id} ${k + 1}`);
        for (const [j, code] of ins.covers.entries()) await page.locator(`#q-${code} input[value="${2 + ((j + k) % 2)}"]`).check();
        await page
          .locator(`[data-testid="evidence-camera-${s.indicator}"] input[type="file"]`)
          .setInputFiles({ name: `foto-${k + 1}.png`, mimeType: 'image/png', buffer: photo(k + 1) });
        const field = page.getByTestId(`evidence-${s.indicator}`);
        await expect.poll(() => field.textContent(), { timeout: 20_000 }).toContain(`diperkecil ke ${maxEdge}×`);
        expect(await field.textContent()).toContain(`foto-${k + 1}.jpg`);
        expect(await field.textContent()).toContain('lokasi tercatat');
        if (k === 0) {
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
          await shot(page, 'fieldwork-sheet-photo-360');
        }
        await page.getByRole('button', { name: 'Selesai, masukkan ke antrean kirim' }).click();
        await page.waitForURL((u) => u.pathname === `/assignments/${cycleId}/${unitId}`);
      }
      await expect.poll(() => page.getByTestId('sync-queue').textContent()).toBe('3 lembar menunggu dikirim · 3 berkas bukti menunggu');

      captured = await deviceFiles(page);
      expect(captured).toHaveLength(3);
      for (const f of captured) {
        expect(f.mime).toBe('image/jpeg');
        expect(Math.max(f.resizedTo!.width, f.resizedTo!.height)).toBe(maxEdge);
        expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
        expect(f.position).toMatchObject({ lat: here.latitude, lon: here.longitude, accuracy: 8 });
        expect(Date.parse(f.capturedAt!)).toBeGreaterThan(Date.now() - 5 * 60_000);
      }
      expect(new Set(captured.map((f) => f.sheetId))).toEqual(new Set(sheetIds));
      expect(await seriousA11yViolations(page)).toEqual([]);
      await shot(page, 'fieldwork-unit-offline-360');
    });

    it('closes the app during an upload; opened again online, the upload continues and everything arrives once', async () => {
      // The first resumable PATCH is held in the network layer: the upload is in flight when the page closes.
      const patches: string[] = [];
      const trace: string[] = [];
      context.on('request', (r) => {
        if (r.method() === 'PATCH' && r.url().includes('/api/v1/uploads/')) patches.push(new URL(r.url()).pathname);
      });
      context.on('response', (r) => {
        if (r.url().includes('/api/v1/uploads')) trace.push(`${r.request().method()} ${new URL(r.url()).pathname} ${r.status()}`);
      });
      let held: () => void = () => undefined;
      const heldPatch = new Promise<void>((resolve) => {
        held = resolve;
      });
      const hold = async (route: Route, request: Request) => {
        if (request.method() !== 'PATCH') return route.continue();
        held();
        // never answered: the page goes away with the request pending
      };
      await context.route('**/api/v1/uploads/*', hold);
      await context.setOffline(false);
      await heldPatch;
      // The sheets reached the server before the files; the upload's address is kept on the device.
      const waiting = await deviceFiles(page);
      expect(waiting).toHaveLength(3);
      const inFlight = waiting.find((f) => f.uploadUrl);
      expect(inFlight?.uploadUrl).toBeTruthy();
      await page.close();
      await context.unroute('**/api/v1/uploads/*', hold);

      page = await context.newPage();
      await page.goto(`${e2e.url}/assignments/${cycleId}/${unitId}`);
      await expect
        .poll(() => page.getByTestId('sync-queue').textContent(), { timeout: 30_000 })
        .toBe('Semua lembar di perangkat ini sudah terkirim.');
      await expect.poll(async () => (await deviceFiles(page)).length, { timeout: 30_000 }).toBe(0);

      const records = await admin<{ items: { id: string }[] }>('GET', `/cycles/${cycleId}/units/${unitId}/records?pageSize=100`);
      expect(records.items.map((r) => r.id).sort()).toEqual([...sheetIds].sort());
      const evidence = await admin<{
        items: { sha256: string; recordId: string | null; indicator: string | null; capturedAt: string | null; latitude: number | null }[];
      }>('GET', `/cycles/${cycleId}/units/${unitId}/evidence?pageSize=100`);
      expect(evidence.items).toHaveLength(3);
      expect(evidence.items.map((e) => e.sha256).sort()).toEqual(captured.map((f) => f.sha256).sort());
      for (const f of captured) {
        const e = evidence.items.find((x) => x.sha256 === f.sha256)!;
        expect(e).toMatchObject({ recordId: f.sheetId, indicator: f.indicator, capturedAt: f.capturedAt, latitude: here.latitude });
      }
      // The app opened again asked the server about the kept address (HEAD) and continued it or, when
      // the cut request had in fact finished, took its evidence id: no second upload for any file.
      expect(patches[0]).toBe(inFlight!.uploadUrl);
      expect(trace).toContain(`HEAD ${inFlight!.uploadUrl} 200`);
      expect(trace.filter((t) => t.startsWith('POST /api/v1/uploads ')).length).toBe(3);
      await shot(page, 'fieldwork-synced-360');
    });

    it('a fabricated batch raises its flags and the pimpinan sees them with their reasons', async () => {
      const ins = scheme.instruments.find((i) => i.code === 'pejabat')!;
      const now = Date.now();
      const fabricated = [1, 2, 3].map((k) => ({
        id: crypto.randomUUID(),
        cycleId,
        unitId,
        instrument: 'pejabat',
        respondent: `Pejabat palsu ${k}`,
        answers: Object.fromEntries(ins.covers.map((code) => [code, 3])),
        startedAt: new Date(now - 40_000 + k * 1000).toISOString(),
        finishedAt: new Date(now - 10_000 + k * 1000).toISOString(),
        capturedAt: new Date(now - 10_000 + k * 1000).toISOString(),
        latitude: here.latitude,
        longitude: here.longitude,
        accuracy: 5,
        respondentKey: 'a'.repeat(64),
      }));
      const asisten = await apiAs(e2e, (await e2e.browser.newContext()).request, 'asisten');
      expect(await asisten<{ created: number }>('POST', '/records/batch', { records: fabricated })).toMatchObject({ created: 3 });
      // Flags are computed and stored when the unit is handed in for review.
      await asisten('POST', `/cycles/${cycleId}/units/${unitId}/submit`, {});

      const flags = await admin<{ items: { recordId: string; code: string; severity: string }[] }>(
        'GET',
        `/cycles/${cycleId}/units/${unitId}/fieldwork-flags`,
      );
      const codesOf = (id: string) => flags.items.filter((f) => f.recordId === id).map((f) => f.code);
      for (const r of fabricated)
        expect(codesOf(r.id)).toEqual(expect.arrayContaining(['too-short', 'respondent-reused', 'straight-line', 'identical-answers']));

      const ctx = await e2e.browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'id-ID' });
      const p = await ctx.newPage();
      try {
        await uiLogin(e2e, p, 'pimpinan');
        await p.goto(`${e2e.url}/review/cycles/${cycleId}/units/${unitId}`);
        const panel = p.getByTestId('fieldwork-flags');
        // Issue 13 §6: the panel opens on counts by rule; more than three flagged sheets start folded.
        const toggle = panel.getByTestId('fieldwork-toggle');
        await toggle.waitFor({ timeout: 20_000 });
        expect(await panel.getByTestId('fieldwork-summary').textContent()).toContain('Wawancara terlalu singkat');
        if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
        await expect.poll(() => panel.textContent(), { timeout: 20_000 }).toContain('Pejabat palsu 1');
        const text = (await panel.textContent())!;
        expect(text).toContain('minimum instrumen 600 detik');
        expect(text).toMatch(/Pejabat palsu 3/);
        expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
        await shot(p, 'fieldwork-pimpinan-flags-360');
      } finally {
        await ctx.close();
      }
    });
  },
);
