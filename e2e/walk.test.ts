// Issue 16: a walk through every role (public, admin, pimpinan, asisten, koordinator, operator)
// at 360 and 1280 px. No page may show a UUID-like string, a bare province code ("kode 36"),
// an ISO instant or a UTC time; no page may scroll sideways at 360 px; an anonymous visit logs
// no 401. Screenshots go to a temporary directory (printed) to be looked at.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { browserAvailable, startE2E, uiLogin, type E2E } from './harness.ts';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const SHORT_ID = /\b[0-9a-f]{8}…/i;
const BARE_PROVINCE = /\((kode|code) \d{2}\)|Provinsi \(kode|Province \(code/;
const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const UTC_TIME = /\d{2}[.:]\d{2} (UTC|GMT)/;
const UNNAMED = /\(nama tidak tersedia\)|\(name not available\)/;

// PANTAU_WALK_SHOTS keeps the screenshots in a folder of one's choice (to look at them afterwards).
const DIR = walkDir(process.env.PANTAU_WALK_SHOTS);

function walkDir(chosen: string | undefined): string {
  if (!chosen) return mkdtempSync(join(tmpdir(), 'pantau-walk-'));
  mkdirSync(chosen, { recursive: true });
  return chosen;
}

interface Finding {
  page: string;
  width: number;
  problem: string;
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: 20_000 }).catch(() => {});
  // Until the page's loaders are gone (a screenshot of a spinner shows nothing).
  await page.waitForFunction(() => !document.querySelector('.page-loader'), null, { timeout: 30_000 }).catch(() => {});
  // Lazy panels and their queries.
  await page.waitForTimeout(400);
  await page.waitForLoadState('networkidle', { timeout: 20_000 }).catch(() => {});
}

async function inspect(page: Page, name: string, findings: Finding[]): Promise<void> {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await page.waitForTimeout(200);
    const text = await page.evaluate(() => document.body.innerText);
    for (const [label, re] of [
      ['UUID', UUID],
      ['short id', SHORT_ID],
      ['bare province code', BARE_PROVINCE],
      ['ISO instant', ISO_INSTANT],
      ['UTC time', UTC_TIME],
      ['unnamed id', UNNAMED],
    ] as const) {
      const m = re.exec(text);
      if (m)
        findings.push({
          page: name,
          width,
          problem: `${label}: "${text.slice(Math.max(0, m.index - 40), m.index + 60).replace(/\s+/g, ' ')}"`,
        });
    }
    if (width === 360) {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 2) findings.push({ page: name, width, problem: `scrolls sideways by ${overflow} px` });
      // Issue 16 §6: a table inside its own scroll box scrolls sideways too (the page does not).
      const tables = await page.evaluate(() =>
        [...document.querySelectorAll('table')].flatMap((t) => {
          for (let el: HTMLElement | null = t.parentElement; el && el !== document.body; el = el.parentElement) {
            const x = getComputedStyle(el).overflowX;
            if ((x === 'auto' || x === 'scroll') && el.scrollWidth - el.clientWidth > 2)
              return [
                `${t.querySelector('caption')?.textContent ?? t.getAttribute('aria-label') ?? 'table'} (${el.scrollWidth - el.clientWidth} px)`,
              ];
          }
          return [];
        }),
      );
      for (const t of tables) findings.push({ page: name, width, problem: `table scrolls sideways: ${t}` });
    }
    await page.screenshot({ path: join(DIR, `${name.replace(/[^a-z0-9]+/gi, '-')}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function visit(page: Page, url: string, name: string, findings: Finding[]): Promise<void> {
  await page.goto(url);
  await settle(page);
  await inspect(page, name, findings);
}

async function login(e2e: E2E, context: BrowserContext, role: string, home: string): Promise<Page> {
  const page = await context.newPage();
  // "evaluator:1": the second demo account of the role.
  const [name, nth] = role.split(':');
  const account = e2e.accounts.filter((a) => a.role === name)[Number(nth ?? 0)];
  if (!account) throw new Error(`no demo account ${role}`);
  await uiLogin(e2e, page, account, { home, timeout: 30_000 });
  await settle(page);
  return page;
}

interface CycleRow {
  id: string;
  status: string;
  source: string;
  family: string;
}

async function cycles(page: Page): Promise<CycleRow[]> {
  return page.evaluate(async () => {
    const res = await fetch('/api/v1/cycles?pageSize=50');
    return ((await res.json()) as { items: CycleRow[] }).items;
  });
}

/** The Ombudsman cycles assessed in Pantau (2024 in review, 2023 published), newest first. */
const assessed = (list: CycleRow[]) => list.filter((x) => x.source !== 'imported' && x.family === 'ombudsman');

/** The first links on a page (e.g. a PEKPPP unit from the PEKPPP home), without visiting them. */
async function linksOn(page: Page, url: string, prefix: string, n = 1): Promise<string[]> {
  await page.goto(url);
  await settle(page);
  const hrefs = await page.locator(`a[href^="${prefix}"]`).evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return [...new Set(hrefs)].slice(0, n);
}

/** issue 12: the first follow-up action the signed-in role sees (the demo has some in every state). */
async function firstAction(page: Page): Promise<string[]> {
  const ids = await page.evaluate(async () => {
    const res = await fetch('/api/v1/actions?pageSize=1&status=done');
    return ((await res.json()) as { items: { id: string }[] }).items.map((a) => a.id);
  });
  return ids.map((id) => `/tindak-lanjut/${id}`);
}

describe.skipIf(!browserAvailable())('walk through every role (issue 16)', () => {
  let e2e: E2E;
  const findings: Finding[] = [];

  beforeAll(async () => {
    e2e = await startE2E();
    console.log(`walk screenshots: ${DIR}`);
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('public pages log no 401 and show names, local times and no sideways scrolling', async () => {
    const context = await e2e.browser.newContext({ locale: 'id-ID', timezoneId: 'UTC' });
    const page = await context.newPage();
    const unauthorised: string[] = [];
    page.on('response', (r) => {
      if (r.status() === 401) unauthorised.push(r.url());
    });
    await visit(page, `${e2e.url}/`, 'public-home', findings);
    const gov = page.locator('a[href^="/governments/"]').first();
    if ((await gov.count()) > 0) {
      await gov.click();
      await settle(page);
      await inspect(page, 'public-government', findings);
    }
    await visit(page, `${e2e.url}/map`, 'public-map', findings);
    // The permanent page of the publication behind the leaderboard, and its awards.
    for (const [k, href] of (await linksOn(page, `${e2e.url}/`, '/publikasi/')).entries()) {
      await visit(page, `${e2e.url}${href}`, `public-publication-${k + 1}`, findings);
      await visit(page, `${e2e.url}${href.replace('/publikasi/', '/penghargaan/')}`, `public-awards-${k + 1}`, findings);
    }
    expect(unauthorised).toEqual([]);
    await context.close();
  });

  const roles: [string, string, (e: E2E, p: Page) => Promise<string[]>][] = [
    [
      'admin',
      '/admin',
      async (e, p) => {
        const c = await cycles(p);
        return [
          '/admin/cycles',
          '/admin/users',
          '/audit',
          ...c.slice(0, 2).map((x) => `/admin/cycles/${x.id}`),
          // The Ombudsman years: 2024 in review, 2023 published.
          ...assessed(c)
            .slice(0, 2)
            .flatMap((x) => [`/admin/cycles/${x.id}`, `/admin/cycles/${x.id}/publikasi`]),
        ].map((u) => `${e.url}${u}`);
      },
    ],
    [
      'pimpinan',
      '/review',
      async (e, p) => {
        const c = assessed(await cycles(p));
        return [
          '/review/queue',
          '/audit',
          '/tindak-lanjut', // issue 12
          '/temuan',
          ...c
            .slice(0, 1)
            .flatMap((x) => [
              `/review/cycles/${x.id}`,
              `/review/cycles/${x.id}/publikasi`,
              `/review/cycles/${x.id}/klarifikasi`,
              `/review/cycles/${x.id}/kunjungan`,
            ]),
          ...c.slice(1, 2).map((x) => `/review/cycles/${x.id}`), // the published 2023 year
        ].map((u) => `${e.url}${u}`);
      },
    ],
    ['asisten', '/assess', async (e) => [`${e.url}/assignments/mine`]],
    [
      'koordinator',
      '/pemda',
      async (e, p) => {
        const c = assessed(await cycles(p));
        return [
          ...c.slice(0, 2).map((x) => `/pemda/cycles/${x.id}`),
          // issue 12: the action board, the findings, one action.
          '/tindak-lanjut',
          '/temuan',
          ...(await firstAction(p)),
          '/pemda/pra-penilaian', // issue 12 §4
        ].map((u) => `${e.url}${u}`);
      },
    ],
    [
      'operator',
      '/unit',
      async (e, p) => {
        // issue 11: the unit's surveys, the set-up form and the demo survey's page.
        const surveys = await p.evaluate(async () => {
          const me = (await (await fetch('/api/v1/auth/session')).json()) as { user: { unitId: string } };
          const res = await fetch(`/api/v1/units/${me.user.unitId}/surveys`);
          return ((await res.json()) as { items: { id: string }[] }).items;
        });
        return [
          '/survei',
          '/survei/baru',
          ...surveys.slice(0, 1).flatMap((x) => [`/survei/${x.id}`, `/survei/${x.id}/kertas`]),
          // issue 12
          '/tindak-lanjut',
          ...(await firstAction(p)),
          '/pustaka', // issue 12 §3: the evidence library
          // issue 10: the PEKPPP home and the unit's page
          '/pekppp',
          ...(await linksOn(p, `${e.url}/pekppp`, '/pekppp/cycles/')),
        ].map((u) => `${e.url}${u}`);
      },
    ],
    // issue 10: the evaluators' PEKPPP home and the first units assigned (Kota Cilegon's evaluator
    // has none in a running cycle, Kota Tangerang's has).
    ['evaluator', '/pekppp', async (e, p) => (await linksOn(p, `${e.url}/pekppp`, '/pekppp/cycles/', 2)).map((u) => `${e.url}${u}`)],
    ['evaluator:1', '/pekppp', async (e, p) => (await linksOn(p, `${e.url}/pekppp`, '/pekppp/cycles/', 2)).map((u) => `${e.url}${u}`)],
  ];

  for (const [role, home, more] of roles) {
    it(`${role}: every page shows names and local times, and fits 360 px`, async () => {
      const context = await e2e.browser.newContext({ locale: 'id-ID', timezoneId: 'UTC' });
      const page = await login(e2e, context, role, home);
      await inspect(page, `${role}-home`, findings);
      for (const [k, url] of (await more(e2e, page)).entries())
        await visit(
          page,
          url,
          // Numbered, ids left out: "/admin/cycles" and "/admin/cycles/<id>" get their own screenshots.
          `${role}-${String(k + 1).padStart(2, '0')}-${new URL(url).pathname
            .split('/')
            .map((s) => (UUID.test(s) ? 'x' : s))
            .filter(Boolean)
            .join('-')}`,
          findings,
        );
      await context.close();
    });
  }

  it('found nothing a new user trips over', () => {
    expect(findings).toEqual([]);
  });
});
