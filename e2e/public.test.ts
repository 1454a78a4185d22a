/**
 * Public portal end to end (issue 4 §2, §8): an anonymous visitor opens the start page (the
 * leaderboard), finds a Banten government, opens its page, drills down to an indicator and
 * sees the API's numbers; then the tile map. axe on each page; screenshots at 360 and 1280 px;
 * and what the browser really downloads on a first visit, against the 150 KB budget.
 *
 * What a first visit sees, with nothing done before it: the demo's published 2023 cycle
 * (issue 16 §7: assessed the real way and published nationally by the seed), with units and
 * indicators to drill into and movement from the imported 2022 year.
 */
import { gzipSync } from 'node:zlib';
import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, seriousA11yViolations, shot, startE2E, type E2E } from './harness.ts';

// The issue 4 §8 budget. Stops 20–21 had raised it to 152 KB as the shell grew with the signed-in
// areas' routes; stop 22 won it back: the signed-in screens' and strings' chunk names sit in lazy
// tables (app/signed-in-screens.ts, since folded into app/signed-in-routes.tsx; lib/signed-in-locales.ts),
// the portal's data layer is one chunk (vite.config.ts PORTAL_DATA) and the useSyncExternalStore shim is gone. bench/web-size.ts
// measured 149.2 KB (from 150.7 KB); what Chromium downloads is printed by the test below.
// Stop 23 added seven signed-in routes to the shell's route tree (evidence library, paper survey
// forms, pre-assessment ×2, visit plans, …), a nav item and the user's zone: Chromium downloaded
// 150.2 KB on a clean-clone CI run and the budget was 151 KB for a stop. Stop 24 (issue 14 §2)
// builds the signed-in route tree lazily (app/signed-in-routes.tsx, added to the tree on demand)
// and the roles' navigation too (app/signed-in-nav.tsx): bench/web-size.ts 148.0 KB (from 149.5 KB,
// same session), and Chromium downloaded 148.8 KB in this test (148.0 KB when the publication
// footnote's 0.8 KB chunk came after network idle). Back to the issue 4 §8 budget — until the same
// stop's other work merged on top (the publication source line in the publication's zone, the zone
// helpers in the shell): Chromium downloaded 150.2 KB on the clean-clone CI run (a body-zone chunk
// of its own), 150.0 KB after folding that chunk away (9 scripts), and the budget was 151 KB for a
// stop. Stop 25 won it back: useQueries left the vendor chunk, the signed-in users' Indonesian ui
// strings became their own file (ui/signed-in-strings.ts), the zones left local-time.ts
// (shared/zones.ts), the scheme loader became lazy: bench/web-size.ts 147.1 KB (from 149.2 KB, same
// session). The test now waits for the publication source line (part of what a visitor sees), so
// its lazy chunk is always counted: 9 scripts, 147.9 KB, the upper bound of a first visit.
const BUDGET_KB = 150;
const id2 = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

interface RankingRow {
  rank: number;
  previousRank: number | null;
  movement: number | null;
  score: number;
  band: { code: string; label: { id: string } };
  body: { id: string; name: string; code: string };
}

async function json<T>(request: APIRequestContext, url: string): Promise<T> {
  const res = await request.get(url);
  expect(res.status(), url).toBe(200);
  return (await res.json()) as T;
}

/** The published Ombudsman cycle the start page shows by default: the newest, as the public lists them. */
async function publishedCycle(e2e: E2E): Promise<string> {
  const ctx = await e2e.browser.newContext();
  try {
    const cycles = await json<{ items: { id: string; year: number; status: string; schemeId: string }[] }>(
      ctx.request,
      `${e2e.url}/api/v1/cycles`,
    );
    const ombudsman = cycles.items.filter((c) => c.schemeId.startsWith('ombudsman')).sort((a, b) => b.year - a.year);
    expect(ombudsman[0]).toMatchObject({ year: 2023, status: 'final' });
    return ombudsman[0]!.id;
  } finally {
    await ctx.close();
  }
}

async function expectAccessible(page: Page): Promise<void> {
  const violations = await seriousA11yViolations(page);
  if (violations.length) {
    const detail = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run(
              ctx: unknown,
              opts: unknown,
            ): Promise<{ violations: { id: string; nodes: { target: string[]; failureSummary: string }[] }[] }>;
          };
        }
      ).axe;
      const r = await axe.run(document, { resultTypes: ['violations'] });
      return r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary}`) }));
    });
    console.log(JSON.stringify(detail, null, 1));
  }
  expect(violations).toEqual([]);
}

async function shots(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 900 });
  await shot(page, `${name}-1280`);
  await expectAccessible(page);
  await page.setViewportSize({ width: 360, height: 780 });
  await shot(page, `${name}-360`);
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe.skipIf(!browserAvailable())('public portal, anonymous visitor', () => {
  let e2e: E2E;
  let cycleId: string;
  let context: BrowserContext;
  let page: Page;
  /** The anonymous API, as the portal sees it. */
  let api: APIRequestContext;

  beforeAll(async () => {
    e2e = await startE2E();
    cycleId = await publishedCycle(e2e);
    context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID', serviceWorkers: 'block' });
    page = await context.newPage();
    api = context.request;
  });

  afterAll(async () => {
    await context?.close();
    await e2e?.close();
  });

  it(`loads at most ${BUDGET_KB} KB of gzipped JavaScript on a first visit to the start page`, async () => {
    const fresh = await e2e.browser.newContext({ serviceWorkers: 'block' });
    const first = await fresh.newPage();
    const scripts = new Map<string, number>();
    first.on('response', async (res) => {
      if (!res.url().endsWith('.js') || !res.ok()) return;
      const body = await res.body().catch(() => null);
      if (body) scripts.set(new URL(res.url()).pathname, gzipSync(body, { level: 9 }).length / 1024);
    });
    await first.goto(`${e2e.url}/`);
    await first.getByRole('table').first().waitFor();
    await first.getByTestId('publication-source').waitFor();
    await first.waitForLoadState('networkidle');
    const total = [...scripts.values()].reduce((a, b) => a + b, 0);
    for (const [p, kb] of scripts) console.log(`  ${kb.toFixed(1).padStart(6)} KB  ${p}`);
    console.log(`public start page, first visit: ${scripts.size} scripts, ${total.toFixed(1)} KB gzipped (budget ${BUDGET_KB} KB)`);
    expect(scripts.size).toBeGreaterThan(3);
    expect(total).toBeLessThanOrEqual(BUDGET_KB);
    // Nothing signed-in only, and no chart library, on the public start page.
    expect([...scripts.keys()].filter((p) => /notifications|echarts|public-charts|methodologies|dexie/i.test(p))).toEqual([]);
    await fresh.close();
  });

  it('shows the published leaderboard and finds a Banten government in it, with the API numbers', async () => {
    await page.goto(`${e2e.url}/`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Hasil penilaian');
    // The default view: national, kabupaten, newest published cycle (2023).
    await page.getByRole('table').first().waitFor();
    await page.getByLabel('Peringkat', { exact: true }).selectOption('province');
    await page.getByLabel('Provinsi', { exact: true }).selectOption('36');
    const table = page.getByRole('table');
    await expect(table.locator('caption').textContent()).resolves.toContain('Banten');

    const ranking = await json<{ items: RankingRow[]; previousCycle: { year: number } | null }>(
      api,
      `${e2e.url}/api/v1/cycles/${cycleId}/rankings?group=province&province=36`,
    );
    expect(ranking.previousCycle?.year).toBe(2022);
    const rows = table.locator('tbody tr');
    await expect(rows.count()).resolves.toBe(ranking.items.length);
    for (const [i, item] of ranking.items.entries()) {
      const row = rows.nth(i);
      await expect(row.getAttribute('data-body-code')).resolves.toBe(item.body.code);
      const cells = await row.locator('td, th').allInnerTexts();
      expect(cells[0]).toBe(String(item.rank));
      const arrow =
        item.movement === null ? 'baru' : item.movement > 0 ? `▲${item.movement}` : item.movement < 0 ? `▼${-item.movement}` : '=';
      expect(cells[1]).toContain(arrow);
      expect(cells[2]).toBe(item.body.name);
      expect(cells[3]).toBe(id2.format(item.score));
      expect(cells[4]).toBe(`${item.band.code} · ${item.band.label.id}`);
    }

    // Search narrows the list; the URL keeps the view.
    await page.getByLabel('Cari nama').fill('tangerang');
    await expect.poll(() => rows.count()).toBe(ranking.items.filter((r) => /tangerang/i.test(r.body.name)).length);
    expect(new URL(page.url()).searchParams.get('province')).toMatch(/^"?36"?$/);
    await page.getByLabel('Cari nama').fill('');
    await shots(page, 'public-leaderboard');
    // On a phone the same rows are cards.
    await page.setViewportSize({ width: 360, height: 780 });
    await expect(page.locator('.lb-card').count()).resolves.toBe(ranking.items.length);
    await expect(page.locator('.lb-table-wrap').isVisible()).resolves.toBe(false);
    await page.setViewportSize({ width: 1280, height: 900 });

    // English beside Indonesian: same table, English headers, en-GB numbers.
    await page.getByRole('button', { name: 'EN' }).click();
    await page.getByRole('heading', { level: 1, name: 'Public service assessment results' }).waitFor();
    await expect(table.locator('thead').innerText()).resolves.toContain('Rank');
    await expect(rows.first().locator('td').nth(2).textContent()).resolves.toBe(ranking.items[0]!.score.toFixed(2));
    await page.getByRole('button', { name: 'ID' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hasil penilaian pelayanan publik' }).waitFor();
  });

  it("opens a government's page and drills down to an indicator's points lost, as the API says", async () => {
    const ranking = await json<{ items: RankingRow[] }>(api, `${e2e.url}/api/v1/cycles/${cycleId}/rankings?group=province&province=36`);
    const top = ranking.items[0]!;
    await page.getByRole('table').getByRole('link', { name: top.body.name, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: top.body.name }).waitFor();

    const result = await json<{
      result: { score: number; band: { code: string } };
      ranks: { province: { rank: number; of: number; movement: number | null } };
      units: { id: string; name: string; result: { score: number } | null }[];
    }>(api, `${e2e.url}/api/v1/cycles/${cycleId}/bodies/${top.body.id}/result`);
    await expect(page.getByTestId('government-score').getByTestId('score-value').textContent()).resolves.toBe(
      id2.format(result.result.score),
    );
    const province = await page.getByTestId('rank-province').innerText();
    expect(province).toContain(String(result.ranks.province.rank));
    expect(province).toContain(`dari ${result.ranks.province.of}`);
    if (result.ranks.province.movement) expect(province).toContain(`▲${result.ranks.province.movement}`);
    // Radar and trend: ECharts draws them lazily (their own chunk), with a text alternative.
    await page.locator('[data-chart="radar"] svg').waitFor();
    await page.locator('[data-chart="trend"] svg').waitFor();
    await expect(page.getByText('Asumsi metodologi').count()).resolves.toBeGreaterThan(0);
    await shots(page, 'public-government');

    // Unit → dimension → indicator, with the keyboard.
    const unit = result.units[0]!;
    const unitItem = page.locator(`details[data-unit-id="${unit.id}"]`);
    await unitItem.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect(unitItem.getAttribute('open')).resolves.not.toBeNull();
    const breakdown = await json<{
      result: { dimensions: { code: string; variables: { indicators: { code: string; points: number; pointsLost: number }[] }[] }[] };
    }>(api, `${e2e.url}/api/v1/cycles/${cycleId}/units/${unit.id}/result`);
    const dimension = breakdown.result.dimensions[0]!;
    const dimensionItem = unitItem.locator(`details[data-dimension="${dimension.code}"]`);
    await dimensionItem.locator('summary').focus();
    await page.keyboard.press('Space');
    const indicators = dimension.variables.flatMap((v) => v.indicators);
    for (const indicator of indicators) {
      const row = dimensionItem.locator(`tr[data-indicator="${indicator.code}"]`);
      await expect(row.getByTestId('indicator-points').textContent()).resolves.toBe(id2.format(indicator.points));
      await expect(row.getByTestId('indicator-lost').textContent()).resolves.toBe(id2.format(indicator.pointsLost));
    }
    await expectAccessible(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'public-government-drilldown-1280');

    // Dark mode keeps the contrast (band chips, movement, points lost).
    await page.evaluate(() => localStorage.setItem('pantau.color-scheme', 'dark'));
    await page.reload();
    await page.locator('[data-chart="radar"] svg').waitFor();
    await expectAccessible(page);
    await shot(page, 'public-government-dark-1280');
    await page.evaluate(() => localStorage.removeItem('pantau.color-scheme'));
  });

  it("shows Banten's kabupaten/kota as a tile map coloured by band, each tile also in text", async () => {
    await page.goto(`${e2e.url}/map?cycle=${cycleId}&province=36`);
    const ranking = await json<{ items: RankingRow[] }>(api, `${e2e.url}/api/v1/cycles/${cycleId}/rankings?group=province&province=36`);
    const tiles = page.locator('.tile-map > li');
    await page.locator('.tile-map').waitFor();
    await expect(tiles.count()).resolves.toBe(8);
    for (const item of ranking.items) {
      const tile = page.locator(`.tile-map > li[data-body-code="${item.body.code}"] a`);
      const text = await tile.innerText();
      expect(text).toContain(id2.format(item.score));
      expect(text).toContain(item.band.code);
    }
    // Roughly geographic for Banten: Cilegon in the north-west corner, Lebak in the south.
    const cilegon = await page.locator('li[data-body-code="36.72"]').boundingBox();
    const lebak = await page.locator('li[data-body-code="36.02"]').boundingBox();
    expect(cilegon!.x).toBeLessThan(lebak!.x);
    expect(cilegon!.y).toBeLessThan(lebak!.y);
    await shots(page, 'public-map');
  });
});
