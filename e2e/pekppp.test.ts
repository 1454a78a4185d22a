// PEKPPP in Chromium against the real server (PGlite, demo seed; issue 10 §7): the operator of
// Disdukcapil Kota Tangerang fills F-01 with evidence at 360 px and submits it → the evaluator
// of the Bagian Organisasi verifies in the F-02 workbench and asks for clarification on one
// indicator → the unit answers with a statement and a new evidence link → the evaluator
// finalises → the admin (KemenPANRB's side: no other role publishes a PEKPPP cycle nationally)
// publishes → the public government page shows the IPP and predicate that the engine
// (core scoreUnit + aggregate) computes from the levels entered here.
//
// Lean on purpose: of the 30 scored indicators, three (A1–A3) go through the screen (level, statement,
// link, a file for A1) and the rest through the API in the same signed-in session, as do the
// second unit of the locus (DPMPTSP, which must be final before Kota Tangerang can be published)
// and the ten F-03 questionnaires each unit needs for a complete result (the public F-03 path is
// issue 11's and has its own tests; the admin enters them here as sheets).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { getScheme } from '../methodologies/index.ts';
import { aggregate } from '../src/core/aggregate.ts';
import { scoreUnit } from '../src/core/score-unit.ts';
import type { Scheme, UnitScore } from '../src/core/types.ts';
import { acknowledgeFieldworkFlags, browserAvailable, seriousA11yViolations, shot, signedInPage, startE2E, type E2E } from './harness.ts';

const CYCLE = 'PEKPPP 2024 Kota Tangerang';
const UI = ['A1', 'A2', 'A3'];
const ASKED = 'A2';
const id2 = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const poll = expect.poll;

/** The API with the context's session (cookie + CSRF header). */
function apiOf(e2e: E2E, context: BrowserContext) {
  return async <T>(method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown): Promise<T> => {
    const csrf = (await context.cookies()).find((c) => c.name === 'pantau_csrf')?.value;
    const res = await context.request.fetch(`${e2e.url}/api/v1${path}`, {
      method,
      data,
      headers: method === 'GET' || !csrf ? {} : { 'x-csrf-token': decodeURIComponent(csrf) },
    });
    expect(res.ok(), `${method} ${path}: ${res.status()} ${await res.text()}`).toBe(true);
    return (await res.json()) as T;
  };
}

/** A viewport screenshot (the F-01 page is ~25 000 px tall: full-page shots cost seconds each). */
const view = (page: Page, name: string) => page.screenshot({ path: `test-results/${name}.png` });

interface Indicator {
  code: string;
  claim: { level: number | null };
  verdict: { level: number | null };
}
interface UnitView {
  claimStatus: string;
  unitStatus: string;
  indicators: Indicator[];
  clarifications: { id: string; status: string; answers: Record<string, { statement: string; links: string[] }> }[];
}

describe.skipIf(!browserAvailable())('PEKPPP: F-01 → F-02 with clarification → publication → public IPP', () => {
  let e2e: E2E;
  let operator: BrowserContext;
  let evaluator: BrowserContext;
  let admin: BrowserContext;
  let op: Page;
  let ev: Page;
  let cycleId = '';
  let bodyId = '';
  let unitId = ''; // Disdukcapil (the operator's unit)
  let otherId = ''; // DPMPTSP
  let codes: string[] = [];
  // The levels entered, per unit: what the engine scores at the end.
  const claims: Record<string, Record<string, number>> = {};
  const verdicts: Record<string, Record<string, number>> = {};
  const f03: Record<string, Record<string, number>[]> = {};
  let unitPath = '';

  const login = (username: string, width: number): Promise<[BrowserContext, Page]> =>
    signedInPage(e2e, username, { width, timezoneId: 'Asia/Jakarta' });

  beforeAll(async () => {
    e2e = await startE2E();
    [operator, op] = await login('operator.dukcapil.tng', 360);
    [evaluator, ev] = await login('evaluator.kotatng', 1280);
    [admin] = await login('admin', 1280);
    const cycles = await apiOf(e2e, admin)<{ items: { id: string; name: string }[] }>('GET', '/cycles');
    cycleId = cycles.items.find((c) => c.name === CYCLE)!.id;
    const progress = await apiOf(e2e, admin)<{ items: { bodyId: string; units: { unitId: string; sector: string }[] }[] }>(
      'GET',
      `/cycles/${cycleId}/progress?pageSize=50`,
    );
    bodyId = progress.items[0]!.bodyId;
    const units = await apiOf(e2e, evaluator)<{ items: { unitId: string; unitName: string }[] }>('GET', `/cycles/${cycleId}/pekppp/units`);
    unitId = units.items.find((u) => u.unitName.includes('Kependudukan'))!.unitId;
    otherId = units.items.find((u) => u.unitId !== unitId)!.unitId;
    unitPath = `/pekppp/cycles/${cycleId}/units/${unitId}`;
    // The ten F-03 questionnaires per unit a complete result needs (the scheme's quota minimum).
    const scheme = getScheme('pekppp-2024')!;
    const f03Instrument = scheme.instruments.find((i) => i.code === 'f03')!;
    const records = [unitId, otherId].flatMap((u) => {
      f03[u] = Array.from({ length: f03Instrument.quota.min ?? f03Instrument.quota.target }, (_, k) =>
        Object.fromEntries(f03Instrument.covers.map((c, j) => [c, 3 + ((k + j) % 3)])),
      );
      return f03[u]!.map((answers, k) => ({
        id: crypto.randomUUID(),
        cycleId,
        unitId: u,
        instrument: 'f03',
        respondent: `Responden ${k + 1}`,
        answers,
        capturedAt: new Date().toISOString(),
      }));
    });
    await apiOf(e2e, admin)('POST', '/records/batch', { records });
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail')
      for (const [page, who] of [
        [op, 'operator'],
        [ev, 'evaluator'],
      ] as const)
        if (page) await shot(page, `pekppp-failed-${who}`).catch(() => undefined);
  });

  afterAll(async () => {
    await operator?.close();
    await evaluator?.close();
    await admin?.close();
    await e2e?.close();
  });

  it('the operator fills F-01 with evidence at 360 px and submits it', async () => {
    await op.goto(`${e2e.url}/pekppp`);
    // The unit's row keeps its F-01 state in view on a phone.
    const row = op.getByTestId('pekppp-unit-row');
    await expect(row.textContent()).resolves.toContain('F-01 draf');
    await view(op, 'pekppp-home-360');
    await row.getByRole('link', { name: /Dinas Kependudukan dan Pencatatan Sipil · Kota Tangerang/ }).click();
    await op.waitForURL((u) => u.pathname === unitPath);
    await op.getByTestId('indicator-A1').waitFor();
    const first = (await apiOf(e2e, operator)<UnitView>('GET', `/cycles/${cycleId}/units/${unitId}/pekppp`)).indicators;
    codes = first.map((i) => i.code);
    expect(codes.slice(0, 3)).toEqual(UI);

    // Most indicators through the API (same session), the first three through the screen.
    claims[unitId] = Object.fromEntries(codes.map((c, k) => [c, 2 + (k % 4)]));
    const api = Object.fromEntries(
      codes
        .filter((c) => !UI.includes(c))
        .map((c) => [
          c,
          { level: claims[unitId]![c]!, statement: `Bukti ${c} terlampir.`, links: [`https://dukcapil.tangerangkota.go.id/pekppp/${c}`] },
        ]),
    );
    await apiOf(e2e, operator)('PUT', `/cycles/${cycleId}/units/${unitId}/pekppp/claims`, { indicators: api });
    await op.reload();
    const a1 = op.getByTestId('indicator-A1');
    await a1.waitFor();
    // Every level's descriptor is on the screen for the unit to choose from.
    await expect(a1.getByRole('radio').count()).resolves.toBe(6);
    await view(op, 'pekppp-f01-360');

    for (const code of UI) {
      const card = op.getByTestId(`indicator-${code}`);
      await card.getByTestId(`claim-${code}-${claims[unitId]![code]}`).click();
      await card.getByLabel('Penjelasan').fill(`Penjelasan ${code} oleh unit.`);
      await card.getByLabel('Tautan bukti').fill(`https://dukcapil.tangerangkota.go.id/sp/${code.toLowerCase()}`);
      await card.getByRole('button', { name: 'Tambah tautan' }).click();
    }
    // A file for A1 (a PNG: the server checks the file's structure).
    const png = await op.screenshot();
    const chooser = op.waitForEvent('filechooser');
    await op.getByTestId('indicator-A1').getByRole('button', { name: 'Unggah berkas' }).click();
    await (await chooser).setFiles({ name: 'sk-standar-pelayanan.png', mimeType: 'image/png', buffer: png });
    await op.getByTestId('indicator-A1').getByRole('link', { name: 'sk-standar-pelayanan.png' }).waitFor();
    // Far down the page the save and submit buttons are still in view (sticky under the header).
    await op.getByTestId('indicator-A3').scrollIntoViewIfNeeded();
    await view(op, 'pekppp-f01-scrolled-360');
    await op.getByRole('button', { name: 'Simpan draf' }).click();
    await op.getByRole('status').filter({ hasText: 'Tersimpan.' }).waitFor();
    expect(await op.getByText('Klaim 9/9 · diverifikasi 0/9').count()).toBe(1);
    // Before the verdict the unit sees only its claimed side.
    await expect(op.getByTestId('pekppp-ipp-pending').textContent()).resolves.toBe(
      'Hasil verifikasi tampil setelah evaluator memfinalkan F-02.',
    );
    expect(await seriousA11yViolations(op)).toEqual([]);

    await op.getByRole('button', { name: 'Kirim F-01' }).click();
    await poll(() => op.getByTestId('claim-status').textContent()).toBe('F-01 terkirim (terkunci)');
    // Locked: the chosen level is shown, nothing to fill.
    await expect(op.getByTestId(`claimed-A1`).textContent()).resolves.toMatch(new RegExp(`^Level ${claims[unitId]!.A1} — `));
    expect(await op.getByRole('button', { name: 'Simpan draf' }).count()).toBe(0);
    await view(op, 'pekppp-f01-submitted-360');
  });

  it('the evaluator verifies in the workbench and asks for clarification on one indicator', async () => {
    verdicts[unitId] = Object.fromEntries(codes.map((c, k) => [c, Math.max(0, claims[unitId]![c]! - (k % 3 === 0 ? 1 : 0))]));
    const api = Object.fromEntries(
      codes
        .filter((c) => !UI.includes(c))
        .map((c) => [c, { level: verdicts[unitId]![c]!, reason: 'Sesuai telaah dokumen.', sources: ['telaah-dokumen'] }]),
    );
    await apiOf(e2e, evaluator)('PUT', `/cycles/${cycleId}/units/${unitId}/pekppp/verdicts`, { indicators: api });
    await ev.goto(`${e2e.url}/pekppp`);
    await ev.getByRole('link', { name: /Dinas Kependudukan dan Pencatatan Sipil/ }).click();
    await ev.waitForURL((u) => u.pathname === unitPath);
    await ev.getByTestId('indicator-A1').waitFor();
    // Three left unscored: the filter shows just them.
    await ev.getByRole('radiogroup', { name: 'Tampilkan' }).getByText('Belum dinilai').click();
    await poll(() => ev.locator('[data-testid^="indicator-"]').count()).toBe(3);
    await expect(ev.getByTestId('pekppp-ipp-pending').textContent()).resolves.toBe(
      'IPP hasil verifikasi tampil setelah semua indikator dinilai.',
    );
    for (const code of UI) {
      const card = ev.getByTestId(`indicator-${code}`);
      // The unit's claim beside the verdict.
      await expect(card.getByTestId(`claimed-${code}`).textContent()).resolves.toMatch(new RegExp(`^Level ${claims[unitId]![code]} — `));
      await card.getByTestId(`verdict-${code}`).getByText(String(verdicts[unitId]![code]), { exact: true }).click();
      await card.getByLabel('Alasan penilaian').fill(`Telaah dokumen ${code}.`);
      await card.getByRole('checkbox', { name: 'Telaah dokumen' }).check();
    }
    await ev.getByRole('button', { name: 'Simpan verifikasi' }).click();
    await ev.getByRole('status').filter({ hasText: 'Tersimpan.' }).waitFor();
    await poll(() => ev.locator('[data-testid^="indicator-"]').count()).toBe(0);
    await ev.getByRole('radiogroup', { name: 'Tampilkan' }).getByText('Semua indikator').click();
    await ev.getByTestId('pekppp-ipp').waitFor();

    await ev.getByRole('checkbox', { name: `Pilih ${ASKED} untuk klarifikasi` }).check();
    await ev.getByLabel('Pertanyaan untuk unit').fill('Mohon lampirkan berita acara FKP yang ditandatangani.');
    await ev.getByRole('button', { name: 'Kirim permintaan klarifikasi' }).click();
    await ev.getByRole('status').filter({ hasText: 'Permintaan terkirim' }).waitFor();
    await ev.getByTestId('clarification').waitFor();
    await view(ev, 'pekppp-f02-1280');
    // Not final while the unit has not answered.
    await ev.getByRole('button', { name: 'Finalkan F-02' }).click();
    await ev
      .getByRole('status')
      .filter({ hasText: /klarifikasi/i })
      .waitFor();
  });

  it('the unit answers with a statement and new evidence', async () => {
    await op.reload();
    const card = op.getByTestId('clarification');
    await card.waitFor();
    await card.getByLabel(`Jawaban untuk ${ASKED}`).fill('Berita acara FKP 2024 kami lampirkan.');
    await card.getByLabel(`Tautan bukti baru untuk ${ASKED} (opsional)`).fill('https://dukcapil.tangerangkota.go.id/fkp-2024.pdf');
    await card.getByRole('button', { name: 'Kirim jawaban' }).click();
    await op.getByRole('status').filter({ hasText: 'Jawaban terkirim.' }).waitFor();
    await poll(() => card.getByTestId(`answer-${ASKED}`).textContent()).toContain('fkp-2024.pdf');
    await view(op, 'pekppp-answer-360');
  });

  it('the evaluator finalises F-02', async () => {
    await ev.reload();
    await poll(() => ev.getByTestId(`answer-${ASKED}`).textContent()).toContain('Berita acara FKP 2024 kami lampirkan.');
    // The answer convinces: the claimed level is accepted.
    verdicts[unitId]![ASKED] = claims[unitId]![ASKED]!;
    await ev.getByTestId(`verdict-${ASKED}`).getByText(String(verdicts[unitId]![ASKED]), { exact: true }).click();
    await ev.getByRole('button', { name: 'Simpan verifikasi' }).click();
    await ev.getByRole('status').filter({ hasText: 'Tersimpan.' }).waitFor();
    await ev.getByRole('button', { name: 'Finalkan F-02' }).click();
    await ev.getByRole('status').filter({ hasText: 'Verifikasi final; unit menunggu persetujuan.' }).waitFor();
    await poll(() => ev.getByTestId('unit-status').textContent()).toBe('Verifikasi final, menunggu persetujuan');
    const after = await apiOf(e2e, evaluator)<UnitView>('GET', `/cycles/${cycleId}/units/${unitId}/pekppp`);
    expect(after.clarifications[0]!.status).toBe('closed');
    expect(Object.fromEntries(after.indicators.map((i) => [i.code, i.verdict.level]))).toEqual(verdicts[unitId]);
    expect(Object.fromEntries(after.indicators.map((i) => [i.code, i.claim.level]))).toEqual(claims[unitId]);
  });

  it('after publication the public page shows the IPP and predicate the engine computes', async () => {
    // The locus's second unit (DPMPTSP) through the API: claims by the admin, verdicts by the evaluator.
    claims[otherId] = Object.fromEntries(codes.map((c, k) => [c, 5 - (k % 3)]));
    verdicts[otherId] = Object.fromEntries(codes.map((c, k) => [c, 4 - (k % 4)]));
    const base = `/cycles/${cycleId}/units/${otherId}/pekppp`;
    await apiOf(e2e, admin)('PUT', `${base}/claims`, {
      indicators: Object.fromEntries(
        codes.map((c) => [c, { level: claims[otherId]![c], links: [`https://dpmptsp.tangerangkota.go.id/${c}`] }]),
      ),
    });
    await apiOf(e2e, admin)('POST', `${base}/claims/submit`);
    await apiOf(e2e, evaluator)('PUT', `${base}/verdicts`, {
      indicators: Object.fromEntries(codes.map((c) => [c, { level: verdicts[otherId]![c], reason: 'Telaah.', sources: ['wawancara'] }])),
    });
    await apiOf(e2e, evaluator)('POST', `${base}/finalise`, {});
    for (const u of [unitId, otherId]) {
      await acknowledgeFieldworkFlags(e2e, admin, cycleId, u);
      await apiOf(e2e, admin)('POST', `/cycles/${cycleId}/units/${u}/approve`, { note: null });
    }
    await apiOf(e2e, admin)('POST', `/cycles/${cycleId}/status`, { status: 'review' });

    // The engine, on the levels entered above.
    const scheme: Scheme = getScheme('pekppp-2024')!;
    const score = (u: string): UnitScore =>
      scoreUnit(scheme, {
        sheets: [
          { instrument: 'f01', answers: claims[u]! },
          { instrument: 'f02', answers: verdicts[u]! },
          ...f03[u]!.map((answers) => ({ instrument: 'f03', answers })),
        ],
      });
    const units = [score(unitId), score(otherId)];
    expect(units.every((u) => u.complete)).toBe(true);
    const government = aggregate(
      scheme,
      units.map((u) => ({ raw: u.raw, score: u.score, complete: u.complete })),
    );

    const aPage = await admin.newPage();
    await aPage.goto(`${e2e.url}/admin/cycles/${cycleId}/publikasi`);
    await expect(aPage.getByLabel('Cakupan').inputValue()).resolves.toBe('national');
    await aPage.getByRole('button', { name: 'Terbitkan…' }).click();
    await aPage.getByRole('dialog', { name: 'Terbitkan hasil?' }).getByRole('button', { name: 'Ya, terbitkan' }).click();
    await aPage.getByTestId('publish-done').waitFor();
    expect(await aPage.getByTestId('publish-done').textContent()).toContain('Hasil sudah tayang untuk publik.');

    const visitor = await e2e.browser.newContext({ viewport: { width: 360, height: 800 }, locale: 'id-ID' });
    const pub = await visitor.newPage();
    await pub.goto(`${e2e.url}/governments/${bodyId}?cycle=${cycleId}`);
    const stat = pub.getByTestId('government-score');
    await poll(() => stat.getByTestId('score-value').textContent()).toBe(id2.format(government.score));
    expect(await stat.textContent()).toContain('IPP 2024');
    expect(await stat.textContent()).toContain(`${government.band.code} · ${government.band.label.id}`);
    const row = pub.locator(`details[data-unit-id="${unitId}"]`);
    await expect(row.getByTestId('unit-score').textContent()).resolves.toBe(id2.format(units[0]!.score));
    await expect(row.textContent()).resolves.toContain(`${units[0]!.band.code} · ${units[0]!.band.label.id}`);
    expect(await seriousA11yViolations(pub)).toEqual([]);
    await view(pub, 'pekppp-public-360');
    await visitor.close();
  });
});
